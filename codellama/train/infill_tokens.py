"""Teaching infilling to a model that has no infill tokens (e.g. the default SmolLM2 model).

The tokens of a family (StarCoder's `<fim_prefix>`, `<fim_suffix>`, `<fim_middle>` by default,
which byte-level vocabularies such as SmolLM2's lack) are appended to the vocabulary as
control tokens, in a fixed order, so the data pipeline and the trainer agree on their ids;
the model's embedding (and output) rows grow to match, new rows set to the mean of the old
ones, the usual initialisation that starts new tokens as an "average" token.
"""

from __future__ import annotations

from torch import nn

from codellama.tokenizer import INFILL_FAMILIES, HFTokenizer, Tokenizer


def add_infill_tokens(tokenizer: Tokenizer, family: str = "starcoder") -> Tokenizer:
    """A tokenizer with the family's infill tokens (the same one when it already has infill tokens)."""
    if tokenizer.infill is not None:
        return tokenizer
    if family not in INFILL_FAMILIES:
        raise ValueError(f"unknown infill family {family!r}; choose one of {', '.join(INFILL_FAMILIES)}")
    if not isinstance(tokenizer, HFTokenizer):
        raise ValueError(
            f"{tokenizer.source}: adding infill tokens needs a Hugging Face (byte-level) tokenizer; "
            "SentencePiece models such as Code Llama already have them"
        )
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


def prepare_for_infill(model: nn.Module, tokenizer: Tokenizer, family: str = "starcoder") -> Tokenizer:
    """Add the family's infill tokens to the tokenizer if missing, and make the model's vocabulary fit."""
    tokenizer = add_infill_tokens(tokenizer, family)
    model.resize_vocab(tokenizer.vocab_size)
    return tokenizer
