"""GGUF loading: every supported tensor type, checked against the float weights it was made from.

The files are written here with the `gguf` package's GGUFWriter. Types the package can quantise
(F32, F16, BF16, Q8_0, Q4_0/1, Q5_0/1) use `gguf.quants.quantize`; the K-quants (Q4_K, Q5_K, Q6_K),
which it can only dequantise, use the small quantisers below, written from the block layouts of
llama.cpp's ggml-quants.c (`quantize_row_q4_K_ref` and friends), not from gguf's dequantiser, so
a round trip through both checks each against the other.

test_bad_files.py loads `write_gguf` (and friends) from this file to build its broken files.
"""

from __future__ import annotations

from dataclasses import dataclass

import gguf
import numpy as np
import pytest
import torch
from gguf import GGMLQuantizationType as Q

from codellama.checkpoints import gguf as checkpoints  # DEQUANT_ROWS is read there
from codellama.checkpoints import hf_to_meta_rotary, load_model, read_gguf
from codellama.model import ModelArgs, Transformer

QK_K = 256  # K-quant super-block


# -- K-quant quantisers (llama.cpp's block_q4_K / block_q5_K / block_q6_K) ---------------------

def _fp16_at_least(x: np.ndarray) -> np.ndarray:
    """x (>= 0) as float16, rounded up so that a scale derived from it never falls short."""
    h = np.asarray(x, dtype=np.float32).astype(np.float16)
    low = h.astype(np.float32) < x
    h[low] = np.nextafter(h[low], np.float16(np.inf))
    return h


def _nonzero(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x, 1)


def _quantize_k_affine(x: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Q4_K/Q5_K: 8 sub-blocks of 32, value = d*sc[j]*q - dmin*m[j], q in [0, 2**bits), sc/m 6-bit.

    Returns (d f16 (n,), dmin f16 (n,), packed scales (n, 12) uint8, q (n, 8, 32) uint8)."""
    qmax = 2**bits - 1
    n = x.shape[0]
    sub = x.reshape(n, 8, 32).astype(np.float32)
    neg_min = -np.minimum(sub.min(-1), 0)  # (n, 8), >= 0: the offset each sub-block needs
    hi = np.maximum(sub.max(-1), 0)
    dmin = _fp16_at_least(neg_min.max(-1) / 63)
    m = np.ceil(neg_min / _nonzero(dmin.astype(np.float32))[:, None]).clip(0, 63)
    offset = dmin.astype(np.float32)[:, None] * m  # >= neg_min: the lowest value is reachable
    step_needed = (hi + offset) / qmax  # so that q = qmax reaches the highest value
    d = _fp16_at_least(step_needed.max(-1) / 63)
    sc = np.ceil(step_needed / _nonzero(d.astype(np.float32))[:, None]).clip(0, 63)
    step = d.astype(np.float32)[:, None] * sc
    q = np.round((sub + offset[..., None]) / _nonzero(step)[..., None]).clip(0, qmax).astype(np.uint8)
    sc, m = sc.astype(np.uint8), m.astype(np.uint8)
    scales = np.empty((n, 12), dtype=np.uint8)
    # sub-blocks 0-3: 6 bits in bytes 0-3 (scales) and 4-7 (mins); sub-blocks 4-7: low 4 bits in
    # bytes 8-11 (scale low nibble, min high nibble), top 2 bits in the top bits of bytes 0-7
    scales[:, 0:4] = sc[:, :4] | ((sc[:, 4:] >> 4) << 6)
    scales[:, 4:8] = m[:, :4] | ((m[:, 4:] >> 4) << 6)
    scales[:, 8:12] = (sc[:, 4:] & 0xF) | ((m[:, 4:] & 0xF) << 4)
    return d, dmin, scales, q


def _f16_bytes(h: np.ndarray) -> np.ndarray:
    return h.astype("<f2").view(np.uint8).reshape(-1, 2)


def quantize_q4_k(x: np.ndarray) -> np.ndarray:
    """block_q4_K (144 bytes): d, dmin (f16), scales[12], qs[128]; qs[32*i + l] holds sub-block 2i's
    element l in its low nibble and sub-block 2i+1's in its high nibble."""
    rows, cols = x.shape
    d, dmin, scales, q = _quantize_k_affine(x.reshape(-1, QK_K), 4)
    pairs = q.reshape(-1, 4, 2, 32)
    qs = (pairs[:, :, 0] | (pairs[:, :, 1] << 4)).reshape(-1, 128)
    blocks = np.concatenate([_f16_bytes(d), _f16_bytes(dmin), scales, qs], axis=1)
    assert blocks.shape[1] == 144
    return blocks.reshape(rows, cols // QK_K * 144)


def quantize_q5_k(x: np.ndarray) -> np.ndarray:
    """block_q5_K (176 bytes): d, dmin, scales[12], qh[32], qs[128]; the low 4 bits as in Q4_K,
    bit j of qh[l] is the fifth bit of sub-block j's element l."""
    rows, cols = x.shape
    d, dmin, scales, q = _quantize_k_affine(x.reshape(-1, QK_K), 5)
    low = q & 0xF
    pairs = low.reshape(-1, 4, 2, 32)
    qs = (pairs[:, :, 0] | (pairs[:, :, 1] << 4)).reshape(-1, 128)
    qh = np.zeros((q.shape[0], 32), dtype=np.uint8)
    for j in range(8):
        qh |= (q[:, j] >> 4) << j
    blocks = np.concatenate([_f16_bytes(d), _f16_bytes(dmin), scales, qh, qs], axis=1)
    assert blocks.shape[1] == 176
    return blocks.reshape(rows, cols // QK_K * 176)


def quantize_q6_k(x: np.ndarray) -> np.ndarray:
    """block_q6_K (210 bytes): ql[128], qh[64], scales[16] (int8), d (f16); 16 sub-blocks of 16,
    value = d*scales[j]*(q - 32), q 6-bit. Per 128-value half h and l < 32: ql[64h+l] holds
    elements l (low nibble) and l+64 (high); ql[64h+32+l] elements l+32 and l+96; qh[32h+l]
    the top 2 bits of elements l, l+32, l+64, l+96 at bits 0, 2, 4, 6."""
    rows, cols = x.shape
    sub = x.reshape(-1, 16, 16).astype(np.float32)  # (super-blocks, sub-blocks, values)
    n = sub.shape[0]
    step_needed = np.abs(sub).max(-1) / 31  # q - 32 in [-31, 31]
    d = _fp16_at_least(step_needed.max(-1) / 127)
    sc = np.ceil(step_needed / _nonzero(d.astype(np.float32))[:, None]).clip(0, 127)
    step = d.astype(np.float32)[:, None] * sc
    q = (np.round(sub / _nonzero(step)[..., None]).clip(-32, 31) + 32).astype(np.uint8)
    quarters = q.reshape(n, 2, 4, 32)  # [half, which 32-value quarter, l]
    ql = np.concatenate([
        (quarters[:, :, 0] & 0xF) | ((quarters[:, :, 2] & 0xF) << 4),
        (quarters[:, :, 1] & 0xF) | ((quarters[:, :, 3] & 0xF) << 4),
    ], axis=2).reshape(n, 128)
    qh = sum((quarters[:, :, k] >> 4) << (2 * k) for k in range(4)).astype(np.uint8).reshape(n, 64)
    blocks = np.concatenate([ql, qh, sc.astype(np.int8).view(np.uint8), _f16_bytes(d)], axis=1)
    assert blocks.shape[1] == 210
    return blocks.reshape(rows, cols // QK_K * 210)


OUR_QUANTIZERS = {Q.Q4_K: quantize_q4_k, Q.Q5_K: quantize_q5_k, Q.Q6_K: quantize_q6_k}


def encode(w: np.ndarray, qtype: Q) -> np.ndarray:
    """The bytes (or F32/F16 array) GGUF stores for float weights `w` in `qtype`."""
    if qtype in OUR_QUANTIZERS:
        return OUR_QUANTIZERS[qtype](w)
    return gguf.quants.quantize(w, qtype)


# -- a tiny model in a GGUF file ----------------------------------------------------------------

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
                merges.append(f"{text[:i - 1]} {text[i - 1]}")
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
    "token_embd": "tok_embeddings", "output_norm": "norm", "output": "output",
    "attn_q": "attention.wq", "attn_k": "attention.wk", "attn_v": "attention.wv", "attn_output": "attention.wo",
    "ffn_gate": "feed_forward.w1", "ffn_down": "feed_forward.w2", "ffn_up": "feed_forward.w3",
    "attn_norm": "attention_norm", "ffn_norm": "ffn_norm",
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


def write_gguf(path, qtype: Q = Q.F32, *, arch: str = "llama", shapes: Shapes | None = None,
               tied: bool = False, n_tokens: int | None = None, vocab: str = "gpt2",
               seed: int = 0) -> dict[str, np.ndarray]:
    """Write a tiny model to `path`, its 2-D weights in `qtype` (1-D ones in F32, as llama.cpp does);
    returns the float weights by GGUF name. `n_tokens` (default: the embedding's rows) sizes the
    vocabulary, `vocab` picks its kind: 'gpt2' (byte-level BPE) or 'llama' (SentencePiece)."""
    s = shapes or Shapes()
    weights = make_weights(s, bias=arch == "qwen2", tied=tied, seed=seed)
    writer = gguf.GGUFWriter(str(path), arch)
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


# -- the tests ------------------------------------------------------------------------------------

# max |loaded - source| per row, as a fraction of the row's max |source|. The bounds follow each
# type's rounding: half a step for the affine types (step = block range / (2**bits - 1) <= 2 max /
# (2**bits - 1)), plus slack for the 6-bit sub-block scales of the K-quants; a whole step for Q4_0 and
# Q5_0, whose reference quantiser maps the block's largest value to -2**(bits-1) exactly, so a value of
# the opposite sign and the same size clips at 2**(bits-1) - 1 (an error of absmax / 2**(bits-1)).
TOLERANCE = {
    Q.F32: 0.0, Q.F16: 1e-3, Q.BF16: 5e-3, Q.Q8_0: 1e-2,
    Q.Q6_K: 0.03, Q.Q5_1: 0.05, Q.Q5_K: 0.05, Q.Q5_0: 0.065,
    Q.Q4_1: 0.1, Q.Q4_K: 0.1, Q.Q4_0: 0.13,
}
TYPES = list(TOLERANCE)


def _row_error(loaded: torch.Tensor, source: np.ndarray) -> float:
    src = torch.from_numpy(source).float().reshape(loaded.shape[0], -1)
    diff = (loaded.float().reshape(src.shape) - src).abs().amax(dim=1)
    return float((diff / src.abs().amax(dim=1)).max())


@pytest.mark.parametrize("qtype", TYPES, ids=[t.name for t in TYPES])
def test_quantized_gguf_loads_close_to_its_source(tmp_path, qtype):
    path = tmp_path / f"tiny-{qtype.name}.gguf"
    s = Shapes()
    source = write_gguf(path, qtype, shapes=s)

    reader = gguf.GGUFReader(str(path))  # the file really holds the type under test
    stored = {t.name: t.tensor_type for t in reader.tensors}
    assert {stored[n] for n, w in source.items() if w.ndim == 2} == {qtype}

    args, tensors, size = read_gguf(path)
    assert size == path.stat().st_size
    assert (args.dim, args.n_layers, args.n_heads, args.n_kv_heads, args.ffn_hidden_dim, args.vocab_size) == (
        s.dim, s.n_layers, s.n_heads, s.n_kv_heads, s.ffn, s.vocab)
    assert args.head_dim == s.head_dim and not args.tie_embeddings and not args.qkv_bias
    loaded = dict(tensors)
    assert set(loaded) == {our_name(n) for n in source}
    tol = TOLERANCE[qtype]
    errors = {}
    for name, w in source.items():
        t = loaded[our_name(name)]
        assert tuple(t.shape) == w.shape, name
        assert t.dtype == torch.float32, name
        if w.ndim == 1:
            torch.testing.assert_close(t, torch.from_numpy(w), rtol=0, atol=0)  # norms stay F32
        else:
            errors[name] = _row_error(t, w)
    worst = max(errors, key=errors.get)
    assert errors[worst] <= tol, f"{qtype.name}: {worst} is off by {errors[worst]:.4f} of its row's max (> {tol})"
    if qtype not in (Q.F32, Q.F16):
        # and the rounding is real: a loader that handed back something else would not match this well
        assert errors[worst] > 0

    model, tokenizer = load_model(path)
    assert tokenizer.vocab_size == s.vocab and tokenizer.bos_id == tokenizer.eos_id == s.vocab - 3
    assert model.tok_embeddings.weight.shape == (s.vocab, s.dim)
    logits = model(torch.tensor([[1, 2, 3]]))
    assert logits.shape == (1, 3, s.vocab)
    assert torch.isfinite(logits).all()


def test_f32_gguf_model_matches_a_model_built_from_the_source(tmp_path):
    """The whole model, end to end: the loaded F32 model's logits are those of the source weights."""
    path = tmp_path / "tiny.gguf"
    s = Shapes(dim=256, ffn=512, n_layers=2, n_heads=4, n_kv_heads=2)
    source = write_gguf(path, Q.F32, shapes=s, seed=1)
    model, tokenizer = load_model(path, dtype=torch.float32)
    reference = Transformer(ModelArgs(dim=s.dim, n_layers=s.n_layers, n_heads=s.n_heads, n_kv_heads=s.n_kv_heads,
                                      vocab_size=s.vocab, ffn_hidden_dim=s.ffn, norm_eps=1e-6))
    reference.load_state_dict({our_name(n): torch.from_numpy(w) for n, w in source.items()}, strict=True)
    tokens = torch.tensor([tokenizer.encode("def f(self): return 1")])
    assert tokens.shape[1] > 3
    torch.testing.assert_close(model(tokens), reference.eval()(tokens), rtol=1e-5, atol=1e-5)
    assert tokenizer.decode(tokens[0].tolist()) == "def f(self): return 1"


@pytest.mark.parametrize("qtype", [Q.F32, Q.Q8_0], ids=["F32", "Q8_0"])
def test_qwen2_gguf_biases_and_rotary_permutation(tmp_path, qtype):
    """qwen2 GGUFs keep HF's half-split q/k rows; the loader permutes rows (and biases) to Meta's layout."""
    path = tmp_path / "tiny-qwen2.gguf"
    s = Shapes(n_heads=4, n_kv_heads=2)
    source = write_gguf(path, qtype, arch="qwen2", shapes=s, tied=True)
    args, tensors, _ = read_gguf(path)
    assert args.qkv_bias and args.tie_embeddings and args.extra["architecture"] == "qwen2"
    loaded = dict(tensors)
    assert "output.weight" not in loaded
    for i in range(s.n_layers):
        for proj, heads in (("q", s.n_heads), ("k", s.n_kv_heads), ("v", None)):
            ours = f"layers.{i}.attention.w{proj}"
            bias = torch.from_numpy(source[f"blk.{i}.attn_{proj}.bias"])
            weight = torch.from_numpy(source[f"blk.{i}.attn_{proj}.weight"])
            if heads:
                bias, weight = hf_to_meta_rotary(bias, heads), hf_to_meta_rotary(weight, heads)
                assert not torch.equal(bias, torch.from_numpy(source[f"blk.{i}.attn_{proj}.bias"]))
            torch.testing.assert_close(loaded[ours + ".bias"], bias, rtol=0, atol=0)  # biases are F32
            if qtype == Q.F32:
                torch.testing.assert_close(loaded[ours + ".weight"], weight, rtol=0, atol=0)
            else:
                assert _row_error(loaded[ours + ".weight"], weight.numpy()) <= TOLERANCE[qtype]
    # wo and the FFN are not permuted
    torch.testing.assert_close(loaded["layers.0.attention.wo.weight"].float(),
                               torch.from_numpy(source["blk.0.attn_output.weight"]),
                               rtol=0, atol=0 if qtype == Q.F32 else 1e-3)

    model, _ = load_model(path)
    assert model.output.weight is model.tok_embeddings.weight
    assert model.layers[0].attention.wq.bias is not None
    logits = model(torch.tensor([[1, 2, 3]]))
    assert logits.shape == (1, 3, s.vocab) and torch.isfinite(logits).all()


def test_sentencepiece_vocabulary_gguf(tmp_path):
    """A GGUF with a 'llama' (SentencePiece) vocabulary loads, and its tokenizer round-trips text."""
    path = tmp_path / "tiny-sp.gguf"
    write_gguf(path, Q.Q8_0, vocab="llama")
    model, tokenizer = load_model(path)
    assert tokenizer.vocab_size == 300 and (tokenizer.bos_id, tokenizer.eos_id) == (1, 2)
    ids = tokenizer.encode("def self", bos=True)
    assert ids[0] == 1 and tokenizer.decode(ids[1:]) == "def self"
    logits = model(torch.tensor([ids]))
    assert logits.shape == (1, len(ids), 300) and torch.isfinite(logits).all()


def test_k_quantisers_round_trip_through_gguf_dequantize():
    """The test's own K-quantisers and gguf's dequantiser agree on the layout, on awkward data too:
    a constant block, an all-zero block, one large outlier, all-negative and all-positive blocks."""
    rng = np.random.default_rng(7)
    rows = [rng.standard_normal(QK_K), np.full(QK_K, 0.3), np.zeros(QK_K), np.r_[100.0, rng.standard_normal(255)],
            -np.abs(rng.standard_normal(QK_K)), np.abs(rng.standard_normal(QK_K)) + 5]
    x = np.stack(rows).astype(np.float32)
    # bits of precision relative to the super-block's range; the outlier row is checked on its own scale
    for qtype, tol in ((Q.Q4_K, 0.07), (Q.Q5_K, 0.035), (Q.Q6_K, 0.02)):
        back = gguf.quants.dequantize(encode(x, qtype), qtype)
        assert back.shape == x.shape
        span = np.maximum(np.abs(x).max(axis=1, keepdims=True), 1e-12)
        err = np.abs(back - x) / span
        assert err.max() <= tol, (qtype.name, err.max(axis=1))
        assert np.array_equal(back[2], np.zeros(QK_K))


@pytest.mark.parametrize("qtype", [Q.F32, Q.F16, Q.Q8_0, Q.Q4_K], ids=["F32", "F16", "Q8_0", "Q4_K"])
def test_dequantising_a_block_of_rows_at_a_time_gives_the_same_tensors(tmp_path, qtype, monkeypatch):
    path = tmp_path / "model.gguf"
    write_gguf(path, qtype)
    _, tensors, _ = read_gguf(path)
    whole = dict(tensors)
    monkeypatch.setattr(checkpoints, "DEQUANT_ROWS", 7)  # uneven blocks, smaller than every 2-D tensor
    _, tensors, _ = read_gguf(path)
    for name, tensor in tensors:
        assert torch.equal(tensor, whole[name]), name
        assert tensor.dtype == torch.float32 and tensor.is_contiguous()
