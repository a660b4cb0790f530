"""Fill-in-the-middle, as the Code Llama paper trains it.

Each document that fits in one context is, with probability `rate` (0.9), split at two
uniformly random character positions into prefix / middle / suffix and rearranged, half
the time as PSM (prefix, suffix, middle) and half as SPM (suffix, prefix, middle); the
end-of-infill token follows the middle. The prompt part is exactly
`codellama.prompts.infill_prompt_tokens` for the tokenizer's family (its infill tokens and
leading-space rule), so what the model learns is what inference sends it. Families trained
with PSM only (DeepSeek-Coder, Qwen) always get PSM. Documents that are not transformed are
`BOS? text EOS`. The choice for a document depends only on the seed and the document's
text, so a run (or a resumed run) produces the same samples.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from codellama.prompts import SPM_FAMILIES, infill_prompt_tokens
from codellama.tokenizer import Tokenizer


@dataclass(frozen=True)
class FIMConfig:
    rate: float = 0.9  # fraction of (fitting) documents transformed
    spm_rate: float = 0.5  # of those, the fraction in SPM order
    context: int = 4096  # documents longer than this (in tokens) are never transformed
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("rate", "spm_rate"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"FIM {name} must be between 0 and 1, got {getattr(self, name)}")
        if self.context < 8:
            raise ValueError(f"FIM context must be at least 8 tokens, got {self.context}")


def document_rng(text: str, seed: int) -> np.random.Generator:
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).digest()
    return np.random.default_rng([seed, int.from_bytes(digest[:8], "little")])


def plain_tokens(tokenizer: Tokenizer, text: str) -> list[int]:
    """A document as-is: BOS (where the tokenizer adds one) + text + EOS."""
    return tokenizer.encode(text, bos=tokenizer.add_bos or _family(tokenizer) == "code-llama", eos=True)


def fim_sample(tokenizer: Tokenizer, prefix: str, middle: str, suffix: str, mode: str) -> list[int]:
    """One FIM training sample: the inference-side infill prompt, then the middle and end-of-infill (+ EOS)."""
    infill = tokenizer.infill
    ids = infill_prompt_tokens(tokenizer, prefix, suffix, mode) + tokenizer.encode_continuation(middle)
    ids.append(infill.eot)
    if tokenizer.eos_id is not None and infill.eot != tokenizer.eos_id:
        ids.append(tokenizer.eos_id)
    return ids


def choose(text: str, num_tokens: int, config: FIMConfig, family: str) -> tuple[str, int, int]:
    """("plain" | "psm" | "spm", i, j): the document's arrangement and its two cut positions (i <= j)."""
    rng = document_rng(text, config.seed)
    draw, spm_draw, cuts = rng.random(), rng.random(), rng.integers(0, len(text) + 1, size=2)
    i, j = sorted(int(c) for c in cuts)
    overhead = 4  # the three infill tokens and end-of-infill
    if num_tokens + overhead > config.context or draw >= config.rate:
        return "plain", i, j
    return ("spm" if spm_draw < config.spm_rate and family in SPM_FAMILIES else "psm"), i, j


def transform(tokenizer: Tokenizer, text: str, config: FIMConfig) -> tuple[list[int], str]:
    """(token ids, "plain" | "psm" | "spm") for one document."""
    if tokenizer.infill is None:
        raise ValueError(
            f"{tokenizer.source}: the tokenizer has no infill tokens; add them first "
            "(codellama.train.infill_tokens.add_infill_tokens)"
        )
    plain = plain_tokens(tokenizer, text)
    mode, i, j = choose(text, len(plain), config, tokenizer.infill.family)
    if mode == "plain":
        return plain, mode
    return fim_sample(tokenizer, text[:i], text[i:j], text[j:], mode), mode


def decode_sample(tokenizer: Tokenizer, ids: list[int]) -> str:
    """The original document back from a sample `transform` made (plain or FIM)."""
    infill = tokenizer.infill
    ids = list(ids)
    specials = {tokenizer.bos_id, tokenizer.eos_id, infill.eot if infill else None} - {None}
    while ids and ids[-1] in specials:
        ids.pop()
    if ids and ids[0] == tokenizer.bos_id:
        ids = ids[1:]
    if infill is None or infill.middle not in ids:
        return tokenizer.decode(ids)
    mid = ids.index(infill.middle)
    if ids[:2] == [infill.prefix, infill.suffix]:  # SPM: <PRE><SUF> suffix <MID> prefix middle (or PSM, empty prefix)
        suffix = tokenizer.decode_continuation(ids[2:mid])
        rest = ids[mid + 1 :]
        if infill.family == "code-llama" and rest and tokenizer.id_to_piece(rest[0]).startswith("▁"):
            # the prefix was encoded with SentencePiece's implicit space. (With an empty prefix and a middle
            # that starts with a space the format itself is ambiguous; Meta's SPM layout has the same limit.)
            return tokenizer.decode(rest) + suffix
        return tokenizer.decode_continuation(rest) + suffix
    suf = ids.index(infill.suffix)  # PSM: <PRE> prefix <SUF> suffix <MID> middle
    prefix = tokenizer.decode(ids[1:suf])
    suffix = tokenizer.decode_continuation(ids[suf + 1 : mid])
    middle = tokenizer.decode_continuation(ids[mid + 1 :])
    return prefix + middle + suffix


def _family(tokenizer: Tokenizer) -> str | None:
    return tokenizer.infill.family if tokenizer.infill else None
