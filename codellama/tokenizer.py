"""One small tokenizer interface over SentencePiece and Hugging Face `tokenizers`.

Sources: a SentencePiece `tokenizer.model` (Meta's Code Llama), a Hugging Face
`tokenizer.json` (+ `tokenizer_config.json`), or the vocabulary inside a GGUF file
(see `checkpoints.py`, which builds one of the two from the GGUF metadata).

Every tokenizer exposes BOS/EOS, the infill tokens of its model family (or none),
the chat template it carries, and encode/decode "as a continuation": without the
implicit leading space SentencePiece adds at the start of a text (Code Llama's
`encode_infilling` rule).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

# The pieces each family's infill prompt is built from: (prefix, suffix, middle, end-of-infill).
INFILL_FAMILIES: dict[str, tuple[str, str, str, str | None]] = {
    "code-llama": ("▁<PRE>", "▁<SUF>", "▁<MID>", "▁<EOT>"),
    "starcoder": ("<fim_prefix>", "<fim_suffix>", "<fim_middle>", "<|endoftext|>"),
    "deepseek-coder": ("<｜fim▁begin｜>", "<｜fim▁hole｜>", "<｜fim▁end｜>", None),
    "qwen": ("<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>", "<|endoftext|>"),
}

# Control tokens that end a turn in common chat formats; generation stops on them.
END_OF_TURN = ("<|im_end|>", "<|eot_id|>", "<|EOT|>", "<|end|>", "<step>", "<|endoftext|>", "</s>")

_SENTINEL = "☺"  # Meta's trick: encode/decode behind it to drop the implicit leading space


class TokenizerError(ValueError):
    pass


@dataclass(frozen=True)
class InfillTokens:
    family: str
    prefix: int
    suffix: int
    middle: int
    eot: int | None  # None: the family ends the middle with EOS


class Tokenizer:
    """Shared behaviour; subclasses provide `_encode_plain`, `_decode` and the vocabulary."""

    vocab_size: int
    bos_id: int | None
    eos_id: int | None
    add_bos: bool
    chat_template: str | None
    source: str

    def __init__(self) -> None:
        self.special_tokens = self._special_tokens()  # text -> id, for parsing templates
        self._special_ids = set(self.special_tokens.values())
        self.infill = self._detect_infill()
        self.stop_ids = {i for i in (self.eos_id,) if i is not None}
        self.stop_ids |= {self.special_tokens[t] for t in END_OF_TURN if t in self.special_tokens}
        if self.infill and self.infill.eot is not None:
            self.stop_ids.add(self.infill.eot)
        self._special_re = (
            re.compile("|".join(re.escape(t) for t in sorted(self.special_tokens, key=len, reverse=True)))
            if self.special_tokens
            else None
        )
        self._sentinel_ids = self._encode_plain(_SENTINEL)
        self._sentinel_text = self._decode(self._sentinel_ids)
        # SentencePiece-style vocabularies put an implicit space before a text's first word
        first = self._encode_plain("a")
        self.adds_leading_space = bool(first) and self.id_to_piece(first[0]).startswith("▁")

    # -- provided by subclasses -------------------------------------------------
    def _encode_plain(self, text: str) -> list[int]:
        raise NotImplementedError

    def _decode(self, ids: list[int]) -> str:
        raise NotImplementedError

    def id_to_piece(self, token_id: int) -> str:
        raise NotImplementedError

    def piece_to_id(self, piece: str) -> int | None:
        raise NotImplementedError

    def _special_tokens(self) -> dict[str, int]:
        raise NotImplementedError

    # -- the interface ----------------------------------------------------------
    def encode(self, text: str, bos: bool = False, eos: bool = False, allow_special: bool = False) -> list[int]:
        """Token ids of `text`. Control-token text (e.g. `<|im_end|>`) is parsed as
        the control token only with `allow_special`; otherwise it is plain text."""
        if allow_special and self._special_re is not None:
            ids: list[int] = []
            start = 0
            # each piece between control tokens is encoded on its own, as llama.cpp and HF's
            # legacy Llama tokenizer do (SentencePiece gives each its leading space: "<s>▁[INST]")
            for match in self._special_re.finditer(text):
                if match.start() > start:
                    ids += self._encode_plain(text[start : match.start()])
                ids.append(self.special_tokens[match.group()])
                start = match.end()
            if start < len(text):
                ids += self._encode_plain(text[start:])
        else:
            ids = self._encode_plain(text)
        if bos and self.bos_id is not None:
            ids = [self.bos_id] + ids
        if eos and self.eos_id is not None:
            ids = ids + [self.eos_id]
        return ids

    def encode_continuation(self, text: str) -> list[int]:
        """Encode text that continues other text: no implicit leading space
        (Code Llama's `encode_infilling`)."""
        if not self.adds_leading_space:
            return self._encode_plain(text)
        ids = self._encode_plain(_SENTINEL + text)
        n = len(self._sentinel_ids)
        if ids[:n] != self._sentinel_ids:  # the sentinel merged with the text; rare
            raise TokenizerError(f"cannot encode {text[:20]!r} as a continuation with this vocabulary")
        return ids[n:]

    def decode(self, ids: list[int]) -> str:
        return self._decode(list(ids))

    def decode_continuation(self, ids: list[int]) -> str:
        """Decode tokens that continue earlier text, keeping a leading space."""
        if not ids:
            return ""
        return self._decode(self._sentinel_ids + list(ids))[len(self._sentinel_text) :]

    def is_control(self, token_id: int) -> bool:
        return token_id in self._special_ids

    def _detect_infill(self) -> InfillTokens | None:
        for family, pieces in INFILL_FAMILIES.items():
            ids = [self.piece_to_id(p) for p in pieces[:3]]
            if all(i is not None for i in ids):
                eot = self.piece_to_id(pieces[3]) if pieces[3] else None
                return InfillTokens(family, ids[0], ids[1], ids[2], eot if eot is not None else self.eos_id)
        return None

    def describe(self) -> str:
        infill = self.infill.family if self.infill else "none"
        return f"{type(self).__name__} ({self.source}), vocab {self.vocab_size}, infill: {infill}"

    def save(self, directory: str | Path) -> None:
        """Write this tokenizer into a checkpoint directory, as `load_tokenizer` reads it back: the vocabulary
        (tokenizer.json or tokenizer.model) and tokenizer_config.json (BOS/EOS, add_bos_token, chat template)."""
        directory = Path(directory)
        piece = self.id_to_piece
        config = {
            "add_bos_token": self.add_bos,
            "chat_template": self.chat_template,
            "bos_token": piece(self.bos_id) if self.bos_id is not None else None,
            "eos_token": piece(self.eos_id) if self.eos_id is not None else None,
        }
        self._save_vocabulary(directory)
        (directory / "tokenizer_config.json").write_text(json.dumps(config, indent=2))

    def _save_vocabulary(self, directory: Path) -> None:
        """Write the vocabulary file(s); a tokenizer without one writes none."""


class SentencePieceTokenizer(Tokenizer):
    def __init__(self, model_proto: bytes, source: str, chat_template: str | None = None):
        import sentencepiece as spm

        self.sp = spm.SentencePieceProcessor()
        try:
            self.sp.LoadFromSerializedProto(model_proto)
        except Exception as e:  # sentencepiece raises RuntimeError/OSError variants
            raise TokenizerError(f"{source}: not a valid SentencePiece model ({e})") from None
        self.source = source
        self.vocab_size = self.sp.vocab_size()
        self.bos_id = self.sp.bos_id() if self.sp.bos_id() >= 0 else None
        self.eos_id = self.sp.eos_id() if self.sp.eos_id() >= 0 else None
        self.add_bos = True
        self.chat_template = chat_template
        super().__init__()

    @classmethod
    def from_file(cls, path: str | Path, chat_template: str | None = None) -> SentencePieceTokenizer:
        return cls(Path(path).read_bytes(), str(path), chat_template)

    def _encode_plain(self, text: str) -> list[int]:
        return self.sp.encode(text)

    def _decode(self, ids: list[int]) -> str:
        return self.sp.decode(ids)

    def id_to_piece(self, token_id: int) -> str:
        return self.sp.id_to_piece(token_id)

    def piece_to_id(self, piece: str) -> int | None:
        i = self.sp.piece_to_id(piece)
        return None if i == self.sp.unk_id() and piece != self.sp.id_to_piece(i) else i

    def _special_tokens(self) -> dict[str, int]:
        specials = {}
        for i in range(self.vocab_size):
            if self.sp.is_control(i) or self.sp.is_unknown(i):
                specials[self.sp.id_to_piece(i)] = i
        return specials

    def _save_vocabulary(self, directory: Path) -> None:
        (directory / "tokenizer.model").write_bytes(self.sp.serialized_model_proto())


class HFTokenizer(Tokenizer):
    """A `tokenizers.Tokenizer` (from tokenizer.json, or built from a GGUF vocabulary)."""

    def __init__(
        self, tok, source: str, bos: str | None, eos: str | None, add_bos: bool | None, chat_template: str | None
    ):
        from tokenizers import Tokenizer as RawTokenizer

        self.tok = tok
        self.plain = RawTokenizer.from_str(tok.to_str())  # parses control-token text as text
        self.plain.encode_special_tokens = True
        self.source = source
        self.vocab_size = tok.get_vocab_size(with_added_tokens=True)
        self.bos_id = tok.token_to_id(bos) if bos else None
        self.eos_id = tok.token_to_id(eos) if eos else None
        if add_bos is None:  # does the post-processor add BOS?
            add_bos = self.bos_id is not None and tok.encode("a").ids[:1] == [self.bos_id]
        self.add_bos = add_bos
        self.chat_template = chat_template
        super().__init__()

    @classmethod
    def from_dir(cls, directory: str | Path) -> HFTokenizer:
        from tokenizers import Tokenizer as RawTokenizer

        directory = Path(directory)
        path = directory / "tokenizer.json"
        try:
            tok = RawTokenizer.from_file(str(path))
        except Exception as e:  # tokenizers raises a bare Exception on parse errors
            raise TokenizerError(f"{path}: not a valid tokenizer.json ({e})") from None
        config = _read_json(directory / "tokenizer_config.json")
        template = config.get("chat_template")
        if isinstance(template, list):  # named templates: take the default one
            template = next((t["template"] for t in template if t.get("name") == "default"), None)
        return cls(
            tok,
            str(path),
            _token_text(config.get("bos_token")),
            _token_text(config.get("eos_token")),
            config.get("add_bos_token"),
            template,
        )

    def _encode_plain(self, text: str) -> list[int]:
        return self.plain.encode(text, add_special_tokens=False).ids

    def _decode(self, ids: list[int]) -> str:
        return self.tok.decode(ids, skip_special_tokens=False)

    def id_to_piece(self, token_id: int) -> str:
        return self.tok.id_to_token(token_id)

    def piece_to_id(self, piece: str) -> int | None:
        return self.tok.token_to_id(piece)

    def _special_tokens(self) -> dict[str, int]:
        return {t.content: i for i, t in self.tok.get_added_tokens_decoder().items() if t.special}

    def _save_vocabulary(self, directory: Path) -> None:
        self.tok.save(str(directory / "tokenizer.json"))


def _token_text(value) -> str | None:
    return value.get("content") if isinstance(value, dict) else value


def _read_json(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise TokenizerError(f"{path}: not valid JSON ({e})") from None


def load_tokenizer(directory: str | Path) -> Tokenizer:
    """The tokenizer in a model directory: tokenizer.json if present, else tokenizer.model."""
    directory = Path(directory)
    if (directory / "tokenizer.json").exists():
        return HFTokenizer.from_dir(directory)
    if (directory / "tokenizer.model").exists():
        template = _read_json(directory / "tokenizer_config.json").get("chat_template")
        return SentencePieceTokenizer.from_file(directory / "tokenizer.model", template)
    raise TokenizerError(
        f"{directory}: no tokenizer found (expected tokenizer.json or tokenizer.model); "
        "copy the model's tokenizer files next to its weights"
    )


def check_vocab(tokenizer: Tokenizer, model_vocab_size: int, where: str) -> None:
    """A tokenizer may be smaller than the embedding (padded vocabularies) but never larger."""
    if tokenizer.vocab_size > model_vocab_size:
        raise TokenizerError(
            f"{where}: the tokenizer ({tokenizer.source}) has {tokenizer.vocab_size} tokens but the model's "
            f"embedding has only {model_vocab_size} rows; this tokenizer belongs to another model"
        )


# -- vocabularies embedded in GGUF files ----------------------------------------------

# Pre-tokenizer split patterns by `tokenizer.ggml.pre`, as llama.cpp's llama-vocab.cpp has them.
_GPT2_SPLIT = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
_LLAMA3_SPLIT = (
    r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*"""
    r"""|\s*[\r\n]+|\s+(?!\S)|\s+"""
)
_QWEN2_SPLIT = (
    r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*"""
    r"""|\s*[\r\n]+|\s+(?!\S)|\s+"""
)
_DEEPSEEK_CODER_SPLITS = [r"[\r\n]", r"\s?\p{L}+", r"\s?\p{P}+", r"[一-龥ࠀ-一가-퟿]+", r"\p{N}"]
_DIGITS_FIRST = {"smollm", "starcoder", "refact", "command-r", "codeshell", "exaone", "minerva-7b"}

# GGUF token types (the same numbers as SentencePiece's piece types)
_CONTROL, _USER_DEFINED = 3, 4


def _byte_level_pre_tokenizer(pre: str):
    from tokenizers import Regex, pre_tokenizers

    byte_level = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)
    if pre in ("llama-bpe", "llama3", "dbrx", "smaug-bpe"):
        splits = [_LLAMA3_SPLIT]
    elif pre == "qwen2":
        splits = [_QWEN2_SPLIT]
    elif pre == "deepseek-coder":
        splits = _DEEPSEEK_CODER_SPLITS
    else:
        splits = ([r"\p{N}"] if pre in _DIGITS_FIRST else []) + [_GPT2_SPLIT]
    steps = [pre_tokenizers.Split(Regex(s), behavior="isolated") for s in splits]
    return pre_tokenizers.Sequence(steps + [byte_level])


def _gguf_byte_level(meta: dict, source: str) -> HFTokenizer:
    from tokenizers import AddedToken, decoders, models
    from tokenizers import Tokenizer as RawTokenizer

    tokens = meta["tokenizer.ggml.tokens"]
    merges = [tuple(m.split(" ", 1)) for m in meta.get("tokenizer.ggml.merges", [])]
    vocab = {t: i for i, t in enumerate(tokens)}
    tok = RawTokenizer(models.BPE(vocab, merges, ignore_merges=meta.get("tokenizer.ggml.pre") in ("llama-bpe",)))
    tok.pre_tokenizer = _byte_level_pre_tokenizer(meta.get("tokenizer.ggml.pre", "default"))
    tok.decoder = decoders.ByteLevel()
    types = meta.get("tokenizer.ggml.token_type", [])
    tok.add_special_tokens(
        [AddedToken(tokens[i], special=True, normalized=False) for i, t in enumerate(types) if t == _CONTROL]
    )
    tok.add_tokens(
        [AddedToken(tokens[i], special=False, normalized=False) for i, t in enumerate(types) if t == _USER_DEFINED]
    )
    bos, eos = meta.get("tokenizer.ggml.bos_token_id"), meta.get("tokenizer.ggml.eos_token_id")
    return HFTokenizer(
        tok,
        source,
        tokens[bos] if bos is not None and bos < len(tokens) else None,
        tokens[eos] if eos is not None and eos < len(tokens) else None,
        bool(meta.get("tokenizer.ggml.add_bos_token", False)),
        meta.get("tokenizer.chat_template"),
    )


def _gguf_sentencepiece(meta: dict, source: str) -> SentencePieceTokenizer:
    """Rebuild the SentencePiece model proto from the pieces, scores and types."""
    from sentencepiece import sentencepiece_model_pb2 as sp_pb2

    tokens = meta["tokenizer.ggml.tokens"]
    scores = meta.get("tokenizer.ggml.scores") or [0.0] * len(tokens)
    types = meta.get("tokenizer.ggml.token_type") or [1] * len(tokens)
    proto = sp_pb2.ModelProto()
    for piece, score, kind in zip(tokens, scores, types):
        proto.pieces.add(piece=piece, score=float(score), type=int(kind))
    spec = proto.trainer_spec
    spec.model_type = sp_pb2.TrainerSpec.BPE
    spec.vocab_size = len(tokens)
    spec.byte_fallback = "<0x00>" in tokens
    spec.unk_id = int(meta.get("tokenizer.ggml.unknown_token_id", 0))
    spec.bos_id = int(meta.get("tokenizer.ggml.bos_token_id", -1))
    spec.eos_id = int(meta.get("tokenizer.ggml.eos_token_id", -1))
    spec.pad_id = int(meta.get("tokenizer.ggml.padding_token_id", -1))
    for name, i in (("unk", spec.unk_id), ("bos", spec.bos_id), ("eos", spec.eos_id), ("pad", spec.pad_id)):
        if i >= 0:
            setattr(spec, f"{name}_piece", tokens[i])
    norm = proto.normalizer_spec
    norm.name = "identity"
    norm.add_dummy_prefix = bool(meta.get("tokenizer.ggml.add_space_prefix", True))
    norm.remove_extra_whitespaces = False
    norm.escape_whitespaces = True
    tokenizer = SentencePieceTokenizer(proto.SerializeToString(), source, meta.get("tokenizer.chat_template"))
    tokenizer.add_bos = bool(meta.get("tokenizer.ggml.add_bos_token", True))
    return tokenizer


def tokenizer_from_gguf(meta: dict, source: str) -> Tokenizer:
    """The tokenizer described by a GGUF file's `tokenizer.ggml.*` metadata."""
    kind = meta.get("tokenizer.ggml.model")
    if "tokenizer.ggml.tokens" not in meta:
        raise TokenizerError(f"{source}: the GGUF file carries no vocabulary (tokenizer.ggml.tokens)")
    if kind == "gpt2":
        return _gguf_byte_level(meta, source)
    if kind == "llama":
        return _gguf_sentencepiece(meta, source)
    raise TokenizerError(
        f"{source}: tokenizer.ggml.model is {kind!r}; supported GGUF vocabularies are 'gpt2' (byte-level BPE) "
        "and 'llama' (SentencePiece)"
    )
