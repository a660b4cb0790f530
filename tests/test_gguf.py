"""GGUF loading: every supported tensor type, checked against the float weights it was made from.

The files are written with the `gguf` package's GGUFWriter (tests/support/gguf_files.py). Types the package
can quantise (F32, F16, BF16, Q8_0, Q4_0/1, Q5_0/1) use `gguf.quants.quantize`; the K-quants (Q4_K, Q5_K,
Q6_K), which it can only dequantise, use the small quantisers in tests/support/kquants.py, written from the
block layouts of llama.cpp's ggml-quants.c, not from gguf's dequantiser, so a round trip through both checks
each against the other.
"""

from __future__ import annotations

import gguf
import numpy as np
import pytest
import torch
from gguf import GGMLQuantizationType as Q

from codellama.checkpoints import gguf as checkpoints  # DEQUANT_ROWS is read there
from codellama.checkpoints import hf_to_meta_rotary, load_model, read_gguf
from codellama.checkpoints.gguf_blocks import dequantize_blocks
from codellama.model import ModelArgs, Transformer
from codellama.quant import QuantTensor
from codellama.quant_load import Dequantized
from tests.support.gguf_files import Shapes, our_name, write_gguf
from tests.support.kquants import QK_K, encode

# max |loaded - source| per row, as a fraction of the row's max |source|. The bounds follow each
# type's rounding: half a step for the affine types (step = block range / (2**bits - 1) <= 2 max /
# (2**bits - 1)), plus slack for the 6-bit sub-block scales of the K-quants; a whole step for Q4_0 and
# Q5_0, whose reference quantiser maps the block's largest value to -2**(bits-1) exactly, so a value of
# the opposite sign and the same size clips at 2**(bits-1) - 1 (an error of absmax / 2**(bits-1)).
TOLERANCE = {
    Q.F32: 0.0,
    Q.F16: 1e-3,
    Q.BF16: 5e-3,
    Q.Q8_0: 1e-2,
    Q.Q6_K: 0.03,
    Q.Q5_1: 0.05,
    Q.Q5_K: 0.05,
    Q.Q5_0: 0.065,
    Q.Q4_1: 0.1,
    Q.Q4_K: 0.1,
    Q.Q4_0: 0.13,
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
        s.dim,
        s.n_layers,
        s.n_heads,
        s.n_kv_heads,
        s.ffn,
        s.vocab,
    )
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
    reference = Transformer(
        ModelArgs(
            dim=s.dim,
            n_layers=s.n_layers,
            n_heads=s.n_heads,
            n_kv_heads=s.n_kv_heads,
            vocab_size=s.vocab,
            ffn_hidden_dim=s.ffn,
            norm_eps=1e-6,
        )
    )
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
    torch.testing.assert_close(
        loaded["layers.0.attention.wo.weight"].float(),
        torch.from_numpy(source["blk.0.attn_output.weight"]),
        rtol=0,
        atol=0 if qtype == Q.F32 else 1e-3,
    )

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
    rows = [
        rng.standard_normal(QK_K),
        np.full(QK_K, 0.3),
        np.zeros(QK_K),
        np.r_[100.0, rng.standard_normal(255)],
        -np.abs(rng.standard_normal(QK_K)),
        np.abs(rng.standard_normal(QK_K)) + 5,
    ]
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


@pytest.mark.parametrize("qtype", TYPES, ids=[t.name for t in TYPES])
def test_blocks_dequantised_on_a_device_equal_gguf_dequantisation_bit_for_bit(tmp_path, qtype):
    # a GPU load dequantises the file's blocks there (gguf_blocks); here on the CPU, the same code
    path = tmp_path / "model.gguf"
    write_gguf(path, qtype)
    _, tensors, _ = read_gguf(path)
    on_host = dict(tensors)
    for keep_quantized in (False, True):
        _, tensors, _ = read_gguf(path, keep_quantized=keep_quantized, dequantize_on="cpu")
        for name, tensor in tensors:
            values = tensor.values if isinstance(tensor, Dequantized) else tensor
            if isinstance(tensor, QuantTensor):
                values = tensor.dequantize()
            assert torch.equal(values, on_host[name]), (qtype.name, name)
            assert values.dtype == torch.float32 and values.is_contiguous()


def test_gguf_blocks_refuse_data_of_the_wrong_size():
    data = np.zeros(20 * 3, dtype=np.uint8)  # three Q4_1 blocks are not 4 x 32 weights
    with pytest.raises(ValueError, match="Q4_1 data of 60 bytes is not 4x32 weights"):
        dequantize_blocks(data, "Q4_1", (4, 32), "cpu")


def test_a_big_endian_float_gguf_loads_as_the_little_endian_one_and_quantised_ones_are_refused(tmp_path):
    from codellama.checkpoints import CheckpointError

    write_gguf(tmp_path / "little.gguf", Q.F32)
    write_gguf(tmp_path / "big.gguf", Q.F32, endianess=gguf.GGUFEndian.BIG)
    little, big = dict(read_gguf(tmp_path / "little.gguf")[1]), dict(read_gguf(tmp_path / "big.gguf")[1])
    assert little.keys() == big.keys() and all(torch.equal(little[name], big[name]) for name in little)
    write_gguf(tmp_path / "big-q8.gguf", Q.Q8_0, endianess=gguf.GGUFEndian.BIG)
    with pytest.raises(CheckpointError, match=r"big-endian GGUF with block-quantised tensors .*gguf_convert_endian"):
        read_gguf(tmp_path / "big-q8.gguf")


def test_blocks_dequantised_a_chunk_at_a_time_equal_the_whole(tmp_path, monkeypatch):
    from codellama.checkpoints import gguf_blocks

    path = tmp_path / "model.gguf"
    write_gguf(path, Q.Q4_K)
    whole = dict(read_gguf(path, dequantize_on="cpu")[1])
    monkeypatch.setattr(gguf_blocks, "CHUNK_BLOCKS", 3)  # uneven chunks, smaller than every tensor
    for name, tensor in read_gguf(path, dequantize_on="cpu")[1]:
        assert torch.equal(tensor, whole[name]), name


def test_loading_onto_a_gpu_dequantises_gguf_blocks_there_and_on_the_cpu_in_numpy(monkeypatch):
    from codellama.checkpoints import loading

    asked = {}

    def read(path, keep_quantized=False, dequantize_on=None):
        asked.update(keep_quantized=keep_quantized, dequantize_on=dequantize_on)
        raise RuntimeError("read")

    monkeypatch.setattr(loading, "read_checkpoint", read)
    with pytest.raises(RuntimeError, match="read"):
        loading.load_model(device="cuda")  # (no GPU needed: nothing is built)
    assert asked == {"keep_quantized": False, "dequantize_on": "cuda"}
    with pytest.raises(RuntimeError, match="read"):
        loading.load_model(device="cpu", quant="auto")
    assert asked == {"keep_quantized": True, "dequantize_on": None}
