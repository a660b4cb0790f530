"""A tiny model written to a GGUF file with the `gguf` package's GGUFWriter, for the loader tests.

`write_gguf` stores a few random float weights (by `Shapes`) in any tensor type `encode` knows, with a
byte-level BPE ('gpt2') or SentencePiece ('llama') vocabulary of any size, and returns the float weights by
GGUF name; `our_name` maps those names to ours, written out independently of codellama.checkpoints.
"""

from __future__ import annotations

from dataclasses import dataclass

import gguf
import numpy as np
from gguf import GGMLQuantizationType as Q

from tests.support.kquants import encode


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2's byte -> printable character table."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
    printable += list(range(ord("®"), ord("ÿ") + 1))
    chars = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return dict(zip(printable, map(chr, chars)))


SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]


def tiny_vocab(n_tokens: int = 300) -> tuple[list[str], list[str], list[int]]:
    """A byte-level BPE vocabulary of exactly `n_tokens`: 256 bytes, merges, 3 control tokens."""
    byte_char = _bytes_to_unicode()
    tokens = [byte_char[b] for b in range(256)]
    merges: list[str] = []
    words = ["def", " return", " self", " print", " import", " class", " lambda", " yield", " while"]
    words += [f" w{i:04d}" for i in range(n_tokens)]  # enough words to fill any size
    known = set(tokens)
    for word in words:
        text = "".join(byte_char[b] for b in word.encode())
        for i in range(2, len(text) + 1):
            if len(tokens) + len(SPECIALS) == n_tokens:
                break
            if text[:i] not in known:
                merges.append(f"{text[: i - 1]} {text[i - 1]}")
                tokens.append(text[:i])
                known.add(text[:i])
    tokens += SPECIALS
    assert len(tokens) == n_tokens, len(tokens)
    types = [1] * (len(tokens) - len(SPECIALS)) + [3] * len(SPECIALS)
    return tokens, merges, types


def tiny_sp_vocab(n_tokens: int = 300) -> tuple[list[str], list[float], list[int]]:
    """A SentencePiece-style (GGUF 'llama') vocabulary of exactly `n_tokens`: <unk> <s> </s>, 256 byte
    pieces, then word pieces; scores rank the merges, types are SentencePiece's piece types."""
    tokens = ["<unk>", "<s>", "</s>"] + [f"<0x{b:02X}>" for b in range(256)]
    types = [2, 3, 3] + [6] * 256  # unknown, control, byte
    words = ["def", "return", "self", "print", "import", "class"] + [f"w{i:04d}" for i in range(n_tokens)]
    known = set(tokens)
    for word in words:
        text = "\u2581" + word
        for i in range(1, len(text) + 1):
            if len(tokens) < n_tokens and text[:i] not in known:
                tokens.append(text[:i])
                types.append(1)
                known.add(text[:i])
    assert len(tokens) == n_tokens, len(tokens)
    scores = [0.0] * 259 + [-float(i) for i in range(n_tokens - 259)]
    return tokens, scores, types


@dataclass
class Shapes:
    dim: int = 256
    ffn: int = 512
    n_layers: int = 2
    n_heads: int = 4
    n_kv_heads: int = 2
    vocab: int = 300

    @property
    def head_dim(self) -> int:
        return self.dim // self.n_heads


# GGUF name -> ours, written out independently of codellama.checkpoints.GGUF_NAMES
_OURS = {
    "token_embd": "tok_embeddings",
    "output_norm": "norm",
    "output": "output",
    "attn_q": "attention.wq",
    "attn_k": "attention.wk",
    "attn_v": "attention.wv",
    "attn_output": "attention.wo",
    "ffn_gate": "feed_forward.w1",
    "ffn_down": "feed_forward.w2",
    "ffn_up": "feed_forward.w3",
    "attn_norm": "attention_norm",
    "ffn_norm": "ffn_norm",
}


def our_name(gguf_name: str) -> str:
    parts = gguf_name.split(".")
    if parts[0] == "blk":
        return f"layers.{parts[1]}.{_OURS[parts[2]]}.{parts[3]}"
    return f"{_OURS[parts[0]]}.{parts[1]}"


def make_weights(s: Shapes, *, bias: bool = False, tied: bool = False, seed: int = 0) -> dict[str, np.ndarray]:
    """Float32 weights by GGUF name, numpy (rows, cols) shapes."""
    rng = np.random.default_rng(seed)
    normal = lambda *shape: (rng.standard_normal(shape) * 0.05).astype(np.float32)
    w = {"token_embd.weight": normal(s.vocab, s.dim), "output_norm.weight": 1 + normal(s.dim)}
    if not tied:
        w["output.weight"] = normal(s.vocab, s.dim)
    q_rows, kv_rows = s.n_heads * s.head_dim, s.n_kv_heads * s.head_dim
    for i in range(s.n_layers):
        b = f"blk.{i}."
        w[b + "attn_norm.weight"] = 1 + normal(s.dim)
        w[b + "attn_q.weight"] = normal(q_rows, s.dim)
        w[b + "attn_k.weight"] = normal(kv_rows, s.dim)
        w[b + "attn_v.weight"] = normal(kv_rows, s.dim)
        w[b + "attn_output.weight"] = normal(s.dim, q_rows)
        if bias:
            w[b + "attn_q.bias"] = normal(q_rows)
            w[b + "attn_k.bias"] = normal(kv_rows)
            w[b + "attn_v.bias"] = normal(kv_rows)
        w[b + "ffn_norm.weight"] = 1 + normal(s.dim)
        w[b + "ffn_gate.weight"] = normal(s.ffn, s.dim)
        w[b + "ffn_up.weight"] = normal(s.ffn, s.dim)
        w[b + "ffn_down.weight"] = normal(s.dim, s.ffn)
    return w


def write_gguf(
    path,
    qtype: Q = Q.F32,
    *,
    arch: str = "llama",
    shapes: Shapes | None = None,
    tied: bool = False,
    n_tokens: int | None = None,
    vocab: str = "gpt2",
    seed: int = 0,
    endianess: gguf.GGUFEndian = gguf.GGUFEndian.LITTLE,
) -> dict[str, np.ndarray]:
    """Write a tiny model to `path`, its 2-D weights in `qtype` (1-D ones in F32, as llama.cpp does);
    returns the float weights by GGUF name. `n_tokens` (default: the embedding's rows) sizes the
    vocabulary, `vocab` picks its kind: 'gpt2' (byte-level BPE) or 'llama' (SentencePiece)."""
    s = shapes or Shapes()
    weights = make_weights(s, bias=arch == "qwen2", tied=tied, seed=seed)
    writer = gguf.GGUFWriter(str(path), arch, endianess=endianess)
    writer.add_block_count(s.n_layers)
    writer.add_embedding_length(s.dim)
    writer.add_feed_forward_length(s.ffn)
    writer.add_head_count(s.n_heads)
    writer.add_head_count_kv(s.n_kv_heads)
    writer.add_layer_norm_rms_eps(1e-6)
    writer.add_rope_freq_base(10_000.0)
    writer.add_context_length(512)
    writer.add_rope_dimension_count(s.head_dim)
    writer.add_vocab_size(s.vocab)
    if vocab == "gpt2":
        tokens, merges, types = tiny_vocab(n_tokens or s.vocab)
        writer.add_tokenizer_model("gpt2")
        writer.add_tokenizer_pre("default")
        writer.add_token_list(tokens)
        writer.add_token_merges(merges)
        writer.add_token_types(types)
        writer.add_bos_token_id(tokens.index("<|endoftext|>"))
        writer.add_eos_token_id(tokens.index("<|endoftext|>"))
    else:
        tokens, scores, types = tiny_sp_vocab(n_tokens or s.vocab)
        writer.add_tokenizer_model("llama")
        writer.add_token_list(tokens)
        writer.add_token_scores(scores)
        writer.add_token_types(types)
        writer.add_bos_token_id(1)
        writer.add_eos_token_id(2)
        writer.add_add_bos_token(True)
    for name, w in weights.items():
        if w.ndim == 1:
            writer.add_tensor(name, w, raw_dtype=Q.F32)
        else:
            writer.add_tensor(name, encode(w, qtype), raw_dtype=qtype)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return weights
