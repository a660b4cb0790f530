"""Small tokenizers built in the test process: a SentencePiece model with Code Llama's infill pieces, and a
byte-level BPE with a given family's special tokens."""

from __future__ import annotations

import functools
import inspect
import io
import json
import textwrap

import sentencepiece as spm

from codellama.tokenizer import HFTokenizer, SentencePieceTokenizer


@functools.cache
def build_code_llama_tokenizer() -> SentencePieceTokenizer:
    """A small SentencePiece model with Code Llama's infill pieces (the family with the leading-space rule)."""
    corpus = inspect.getsource(textwrap).splitlines() + inspect.getsource(json).splitlines()
    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([line for line in corpus if line.strip()]),
        model_writer=out,
        vocab_size=600,
        model_type="bpe",
        byte_fallback=True,
        user_defined_symbols=["▁<PRE>", "▁<MID>", "▁<SUF>", "▁<EOT>", "☺"],
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        minloglevel=2,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
    )
    return SentencePieceTokenizer(out.getvalue(), "test-code-llama")


def bpe_with_specials(specials: list[str]) -> HFTokenizer:
    """A byte-level BPE without merges whose special tokens are `specials` (the last one ends a text)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers

    alphabet = pre_tokenizers.ByteLevel.alphabet()
    tok = Tokenizer(models.BPE({c: i for i, c in enumerate(sorted(alphabet))}, []))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.add_special_tokens(specials)
    return HFTokenizer(tok, "test", None, specials[-1], False, None)
