"""Teaching infilling to a model that has no infill tokens (e.g. the default SmolLM2 model).

The tokens of a family (StarCoder's `<fim_prefix>`, `<fim_suffix>`, `<fim_middle>` by default,
which byte-level vocabularies such as SmolLM2's lack) are appended to the vocabulary as
control tokens, in a fixed order, so the data pipeline and the trainer agree on their ids;
the model's embedding (and output) rows grow to match, new rows set to the mean of the old
ones, the usual initialisation that starts new tokens as an "average" token.
"""

from __future__ import annotations

import torch
from torch import nn

from codellama.tokenizer import INFILL_FAMILIES, HFTokenizer, Tokenizer


def add_infill_tokens(tokenizer: Tokenizer, family: str = "starcoder") -> Tokenizer:
    """A tokenizer with the family's infill tokens (the same one when it already has infill tokens)."""
    if tokenizer.infill is not None:
        return tokenizer
    if family not in INFILL_FAMILIES:
        raise ValueError(f"unknown infill family {family!r}; choose one of {', '.join(INFILL_FAMILIES)}")
    if not isinstance(tokenizer, HFTokenizer):
        raise ValueError(f"{tokenizer.source}: adding infill tokens needs a Hugging Face (byte-level) tokenizer; "
                         "SentencePiece models such as Code Llama already have them")
    from tokenizers import AddedToken
    from tokenizers import Tokenizer as RawTokenizer

    raw = RawTokenizer.from_str(tokenizer.tok.to_str())
    pieces = [p for p in INFILL_FAMILIES[family] if p is not None and raw.token_to_id(p) is None]
    raw.add_special_tokens([AddedToken(p, special=True, normalized=False) for p in pieces])
    piece = tokenizer.id_to_piece
    bos = piece(tokenizer.bos_id) if tokenizer.bos_id is not None else None
    eos = piece(tokenizer.eos_id) if tokenizer.eos_id is not None else None
    grown = HFTokenizer(raw, tokenizer.source, bos, eos, tokenizer.add_bos, tokenizer.chat_template)
    if grown.infill is None or grown.infill.family != family:
        raise ValueError(f"{tokenizer.source}: could not add the {family} infill tokens")
    return grown


@torch.no_grad()
def resize_embeddings(model: nn.Module, vocab_size: int) -> int:
    """Grow the model's embedding and output to `vocab_size` rows, new rows = mean of the old; returns rows added."""
    old = model.tok_embeddings.weight
    added = vocab_size - old.shape[0]
    if added <= 0:
        return 0
    tied = model.output.weight is old
    embedding = nn.Embedding(vocab_size, old.shape[1], device=old.device, dtype=old.dtype)
    embedding.weight[: old.shape[0]] = old
    embedding.weight[old.shape[0] :] = old.mean(dim=0, keepdim=True)
    model.tok_embeddings = embedding
    if tied:
        model.output.weight = embedding.weight
    else:
        out_old = model.output.weight
        output = nn.Linear(old.shape[1], vocab_size, bias=False, device=old.device, dtype=old.dtype)
        output.weight[: out_old.shape[0]] = out_old
        output.weight[out_old.shape[0] :] = out_old.mean(dim=0, keepdim=True)
        model.output = output
    model.args.vocab_size = vocab_size
    return added


def prepare_for_infill(model: nn.Module, tokenizer: Tokenizer, family: str = "starcoder") -> Tokenizer:
    """Add the family's infill tokens to the tokenizer if missing, and make the model's vocabulary fit."""
    tokenizer = add_infill_tokens(tokenizer, family)
    resize_embeddings(model, tokenizer.vocab_size)
    return tokenizer
