"""Quantised weights (codellama.quant): the kernels' formula, exact GGUF blocks, quantised models, checkpoints.

How close a quantised layer is to its float reference: the kernels take bfloat16 activations, scales and
zeros and give a bfloat16 output, and bfloat16 keeps 8 significant bits, so each of those roundings is off by
at most 2^-8 of its value. Over y_n = sum_k x_k w_nk that is at most about 2 * 2^-8 * sum_k |x_k w_nk| from
the inputs (x and w each rounded once) plus 2^-8 |y_n| from the output: `_bound` (with a little headroom
for the float32 accumulation order).
"""

from __future__ import annotations

import copy
import json
import platform
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
from gguf import GGMLQuantizationType as Q

from codellama import quant, quant_load
from codellama.checkpoints import CheckpointError, load_model, quantize_checkpoint, read_gguf, write_hf
from codellama.cli import main
from codellama.generation import Generator, SamplingParams
from codellama.quant import (
    INT8_DEQUANTIZED_FROM,
    Int4Linear,
    Int8Linear,
    QuantEmbedding,
    QuantError,
    QuantTensor,
    TiedEmbedding,
    pack_int4,
    quantize_int4,
    quantize_int8,
    unpack_int4,
)
from codellama.quant_load import from_gguf_blocks, quantize_model
from tests.support.gguf_files import Shapes, write_gguf
from tests.support.models import tiny_model

BF16_EPS = 2.0**-8  # the largest relative rounding error of bfloat16 (8 significant bits: half of 2^-7)


def _bound(x: torch.Tensor, w: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return 1.25 * (2 * BF16_EPS * (x.abs() @ w.abs().t()) + BF16_EPS * y.abs()) + 1e-6


# -- the kernels ----------------------------------------------------------------------------------


def test_int4_kernel_computes_q_minus_8_times_scale_plus_zero():
    """With values bfloat16 holds exactly, the kernel's output is the float reference up to its output's
    rounding: this pins down its formula, w = (q - 8) * scale + zero, and the layout (K/G, N, 2)."""
    torch.manual_seed(0)
    N, K, G = 48, 128, 32
    q = torch.randint(0, 16, (N, K), dtype=torch.int32)
    scale = torch.randint(1, 8, (K // G, N)).float() / 64  # exact in bfloat16
    zero = torch.randint(-8, 8, (K // G, N)).float() / 32
    x = torch.randint(-4, 5, (3, K)).float() / 4
    packed = torch.ops.aten._convert_weight_to_int4pack_for_cpu(q, 1)
    sz = torch.stack((scale, zero), dim=-1).to(torch.bfloat16)
    y = torch.ops.aten._weight_int4pack_mm_for_cpu(x.to(torch.bfloat16), packed, G, sz).float()
    w = (q - 8) * scale.t().repeat_interleave(G, 1) + zero.t().repeat_interleave(G, 1)
    reference = x @ w.t()
    assert (y - reference).abs().le(BF16_EPS * reference.abs() + 1e-6).all()
    wrong = (q * scale.t().repeat_interleave(G, 1) + zero.t().repeat_interleave(G, 1)).t()
    assert not torch.allclose(y, x @ wrong, atol=1e-2)  # and the test would notice another formula


@pytest.mark.parametrize("bias", [False, True])
def test_int4_linear_matches_its_dequantised_weights(bias):
    torch.manual_seed(1)
    w = torch.randn(80, 256) * 0.05
    b = torch.randn(80) if bias else None
    qt = quantize_int4(w)
    layer = Int4Linear(qt, b)
    x = torch.randn(2, 5, 256)
    y = layer(x)
    assert y.dtype == torch.float32 and y.shape == (2, 5, 80)
    reference = x @ qt.dequantize().t()
    assert (y - (b if bias else 0) - reference).abs().le(_bound(x, qt.dequantize(), reference)).all()
    assert (qt.dequantize() - w).abs().max() <= (w.max() - w.min()) / 15  # min/max: within one step


@pytest.mark.parametrize(("rows", "cols", "group"), [(128, 64, 32), (192, 256, 64), (1024, 96, 32), (80, 64, 32)])
def test_int4_weights_unpack_from_the_kernels_layout_as_it_dequantises_them(rows, cols, group):
    """What a compiled long prefill multiplies by (Int4Linear.dequantized): the kernel's own weights, which it
    gives back for the identity as input. Rows not in blocks of 64 are not unpacked (the kernel runs), nor any
    where this torch's packer lays rows out in neither known layout."""
    torch.manual_seed(7)
    layer = Int4Linear(quantize_int4(torch.randn(rows, cols), group_size=group))
    assert layer.unpackable == (rows % 64 == 0 and quant._split_layout_known())
    if not layer.unpackable:
        return
    identity = torch.eye(cols, dtype=torch.bfloat16)
    kernel = torch.ops.aten._weight_int4pack_mm_for_cpu(identity, layer.packed_weight, group, layer.scales_and_zeros)
    torch.testing.assert_close(layer.dequantized().t(), kernel, rtol=2**-8, atol=0)


def test_int8_linear_matches_its_dequantised_weights():
    torch.manual_seed(2)
    w = torch.randn(72, 96)
    qt = quantize_int8(w)
    assert qt.q.dtype == torch.int8 and qt.group_size == 96
    layer = Int8Linear(qt)
    x = torch.randn(7, 96)
    reference = x @ qt.dequantize().t()
    assert (layer(x) - reference).abs().le(_bound(x, qt.dequantize(), reference)).all()
    assert ((qt.dequantize() - w).abs() <= qt.scales / 2 + 1e-7).all()  # symmetric: within half a step


@pytest.fixture
def planes_preferred(monkeypatch):
    """Int8 layers as two int4 planes, as on AVX-512 CPUs, on any CPU whose packer layout is read (AVX2 too): the
    packed paths are tested wherever they can run."""
    monkeypatch.setattr(quant, "_planes_beat_int8_kernel", lambda: True)


@pytest.mark.parametrize(("rows", "cols"), [(1000, 64), (2200, 64), (72, 96), (40, 48), (40, 40)])
def test_int8_linear_on_the_cpu_runs_as_int4_planes_and_gives_its_rows_back(rows, cols, planes_preferred):
    """On the CPU an int8 layer runs on the int4 kernel (two planes) where its columns split into groups of
    32, and reads any row back exactly from the packed planes (what a tied embedding gathers); where the packer's
    layout is not one of those probed for, from an int8 copy kept beside them."""
    torch.manual_seed(5)
    qt = quantize_int8(torch.randn(rows, cols))
    layer = Int8Linear(qt)
    layout_known = quant._split_layout_known()
    assert layer.split == (cols % 32 == 0) and (layer.weight_int8 is None) == (layer.split and layout_known)
    assert layer.has_kernel == (cols % 16 == 0)  # else a matmul (the int8 kernel crashes on 40 columns)
    index = torch.tensor([[0, rows - 1], [rows // 2, 3]])
    assert torch.equal(layer.rows(index), qt.q[index])
    assert torch.equal(layer.rows(torch.arange(rows)), qt.q)  # every row, across the blocks packed at a time
    if layer.split and layout_known:
        assert torch.equal(layer.unpacked()[:rows], qt.q)  # the whole table at once
    x = torch.randn(5, cols)
    reference = x @ qt.dequantize().t()
    assert (layer(x) - reference).abs().le(_bound(x, qt.dequantize(), reference)).all()


@pytest.mark.parametrize("split", [False, True])
@pytest.mark.parametrize("rows", [1, INT8_DEQUANTIZED_FROM - 1, INT8_DEQUANTIZED_FROM, 300])
def test_an_int8_layer_gives_the_same_outputs_for_few_rows_and_many(rows, split, planes_preferred):
    """Many rows at once (scoring candidates) go through a bf16 matmul over the table cast on the fly (split:
    unpacked from the planes), few through the int8 kernel (split: the int4 one): the two agree to bf16
    rounding, and both with the dequantised weights."""
    torch.manual_seed(6)
    qt = quantize_int8(torch.randn(200, 96))
    layer = Int8Linear(qt, split=split)
    assert layer.split == split
    x = torch.randn(rows, 96)
    reference = x @ qt.dequantize().t()
    together, one_by_one = layer(x), torch.cat([layer(row) for row in x.split(1)])
    assert (together - reference).abs().le(_bound(x, qt.dequantize(), reference)).all()
    assert torch.allclose(together, one_by_one, rtol=2**-7, atol=2**-6 * reference.abs().max().item())


@pytest.mark.parametrize("vocab", [256, 300])
def test_a_tied_int8_output_layer_and_the_embedding_hold_one_table(vocab, planes_preferred):
    """Tied embeddings hold one int8 table (a second copy would raise a load's peak memory). On the CPU, where
    the table's rows fill whole blocks of the packer's, it is packed for the int4 kernel over its own bytes and
    the embedding gathers its rows from the packed planes; else the int8 kernel runs the table as it is. Either
    way the embedding's rows and the layer's outputs are those of the table."""
    model = tiny_model(tie_embeddings=True, vocab_size=vocab)
    weight = model.tok_embeddings.weight.detach().clone()
    table = quant.quantize_int8(weight)
    expected_rows, expected_q = table.dequantize(), table.q.clone()
    tied = quantize_model(model, "int8")
    output, embedding = tied.output, tied.tok_embeddings
    tokens = torch.tensor([[0, vocab - 1, 7], [64, 65, 200]])
    assert torch.equal(embedding(tokens), expected_rows[tokens])
    x = torch.randn(3, weight.shape[1])
    assert (output(x) - x @ expected_rows.t()).abs().le(_bound(x, expected_rows, x @ expected_rows.t())).all()
    if vocab % 64 == 0 and quant._split_layout_known():
        assert isinstance(output, Int8Linear) and output.split and output.packed_in_place
        assert output.weight_int8 is None and isinstance(embedding, TiedEmbedding)
        assert torch.equal(embedding.table().q, expected_q)
        assert quant_load.describe(tied) == "int8 x 16"  # as before: 2 layers x 7, the output, the embedding
    else:
        assert isinstance(output, Int8Linear) and not output.split
        assert output.weight_int8.data_ptr() == embedding.q.data_ptr()
    untied = quantize_model(tiny_model(tie_embeddings=False, vocab_size=vocab), "int8")
    assert isinstance(untied.output, Int8Linear) and untied.output.split
    assert (untied.output.weight_int8 is None) == quant._split_layout_known()


def test_a_tied_table_is_packed_over_its_own_bytes_with_no_second_copy(planes_preferred):
    table = quant.quantize_int8(torch.randn(512, 64))
    modules = quant_load.QuantModules()
    modules.add(quant.EMBEDDING, table)
    modules.add(quant.OUTPUT, table)
    output = modules.modules["output"]
    if not quant._split_layout_known():  # not packed (an unknown packer layout): the int8 kernel runs the table itself
        assert not output.packed_in_place and output.weight_int8.data_ptr() == table.q.data_ptr()
        return
    assert output.packed_in_place and output.packed_weight.data_ptr() == table.q.data_ptr()
    embedding = modules.modules["tok_embeddings"]
    assert embedding.packed_weight is output.packed_weight and embedding.scales.shape == (512,)


def test_quant_embedding_gathers_the_exact_dequantised_rows():
    torch.manual_seed(3)
    w = torch.randn(50, 64)
    for table in (quantize_int8(w), quantize_int8(w, group_size=32), quantize_int4(w)):
        embedding = QuantEmbedding(table)
        tokens = torch.tensor([[3, 0, 49], [7, 7, 1]])
        assert torch.equal(embedding(tokens), table.dequantize()[tokens])
        assert embedding.weight.shape == (50, 64) and embedding.weight.dtype == torch.float32


def test_pack_int4_round_trips_and_puts_even_columns_high():
    q = torch.randint(0, 16, (5, 64), dtype=torch.uint8)
    packed = pack_int4(q)
    assert packed.shape == (5, 32) and torch.equal(unpack_int4(packed), q)
    assert torch.equal(packed[:, 0] >> 4, q[:, 0]) and torch.equal(packed[:, 0] & 15, q[:, 1])


# -- GGUF blocks ----------------------------------------------------------------------------------


@pytest.mark.parametrize("qtype", [Q.Q4_0, Q.Q4_1, Q.Q8_0], ids=["Q4_0", "Q4_1", "Q8_0"])
@pytest.mark.parametrize("arch", ["llama", "qwen2"])
def test_gguf_blocks_map_exactly(tmp_path, qtype, arch):
    """Our form of each Q4_0/Q4_1/Q8_0 weight dequantises to gguf's own dequantisation, bit for bit (qwen2:
    after the rotary permutation of the rows too)."""
    path = tmp_path / "tiny.gguf"
    write_gguf(path, qtype, arch=arch, shapes=Shapes(dim=128, ffn=256, vocab=300))
    floats = dict(read_gguf(path)[1])
    kept = dict(read_gguf(path, keep_quantized=True)[1])
    assert floats.keys() == kept.keys()
    matrices = [n for n, t in floats.items() if t.ndim == 2]
    assert len(matrices) > 10
    for name in matrices:
        weight = kept[name]
        assert isinstance(weight, QuantTensor) and weight.bits == (8 if qtype == Q.Q8_0 else 4), name
        assert weight.group_size == 32
        assert torch.equal(weight.dequantize(), floats[name]), name
    for name in set(floats) - set(matrices):
        assert torch.equal(kept[name], floats[name])  # norms and biases stay float


def test_q4_1_block_fields():
    """One hand-made Q4_1 block: d, m and the nibbles (byte j: weight j low, weight j + 16 high)."""
    d, m = np.float16(0.5), np.float16(-2.0)
    nibbles = np.arange(16, dtype=np.uint8) | (np.arange(15, -1, -1, dtype=np.uint8) << 4)
    block = np.concatenate([np.frombuffer(d.tobytes() + m.tobytes(), np.uint8), nibbles])
    weight = from_gguf_blocks(block, "Q4_1", (1, 32))
    expected = [0.5 * q - 2.0 for q in list(range(16)) + list(range(15, -1, -1))]
    assert weight.dequantize()[0].tolist() == expected
    assert from_gguf_blocks(block, "Q5_0", (1, 32)) is None
    with pytest.raises(QuantError, match="not 2 x 32"):
        from_gguf_blocks(block, "Q4_1", (2, 32))


# -- quantised models -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def q4_gguf(tmp_path_factory):
    path = tmp_path_factory.mktemp("q4") / "tiny-q4_1.gguf"
    write_gguf(path, Q.Q4_1, shapes=Shapes(dim=128, ffn=256, vocab=300), tied=True, seed=3)
    return path


def _logits(model, tokens=((1, 5, 9, 200, 3, 77),)):
    """A plain forward: a KV cache another test left on a shared model is set aside, then put back."""
    cache, model.cache = model.cache, None
    try:
        with torch.inference_mode():
            return model(torch.as_tensor(tokens))
    finally:
        model.cache = cache


def test_auto_keeps_the_files_quantisation_and_none_stays_exact(q4_gguf):
    exact, _ = load_model(q4_gguf)  # the library's default: none
    assert quant_load.describe(exact) == ""
    attention = exact.layers[0].attention
    assert isinstance(attention.wq, torch.nn.Linear) and attention.wqkv is None  # float layers never fuse
    model, tokenizer = load_model(q4_gguf, quant="auto")
    assert quant_load.describe(model) == "int4 x 16"  # 2 layers x 7, the tied output, and the embedding's table
    assert isinstance(model.output, Int4Linear) and isinstance(model.tok_embeddings, QuantEmbedding)
    assert model.tok_embeddings.bits == 4  # the Q4_1 table, gathered exactly
    assert torch.equal(model.tok_embeddings(torch.tensor([[4, 8]])), exact.tok_embeddings(torch.tensor([[4, 8]])))
    ours, reference = _logits(model), _logits(exact)
    assert (ours - reference).abs().max() < 0.05 * reference.abs().max()
    params = SamplingParams(max_new_tokens=6, ignore_eos=True)
    result = Generator(model, tokenizer).complete("def f", params)[0]
    assert len(result.token_ids) == 6 and result.finish_reason == "length"


@pytest.mark.parametrize("mode", ["int8", "int4"])
def test_a_float_model_quantised_on_load_generates(tmp_path, smol_tokenizer_dir, mode):
    model = tiny_model()
    write_hf(model, tmp_path)
    for f in smol_tokenizer_dir.iterdir():
        shutil.copy(f, tmp_path / f.name)
    assert quant_load.describe(load_model(tmp_path, quant="auto")[0]) == ""  # a float file stays float
    quantized, tokenizer = load_model(tmp_path, quant=mode)
    linear = Int4Linear if mode == "int4" else Int8Linear
    assert quant_load.describe(quantized) == ("int4 x 14, int8 x 2" if mode == "int4" else "int8 x 16")
    attention, feed_forward = quantized.layers[0].attention, quantized.layers[1].feed_forward
    assert all(isinstance(m, linear) for m in (attention.wqkv, attention.wo, feed_forward.w13, feed_forward.w2))
    assert attention.wq is attention.wk is attention.wv is feed_forward.w1 is feed_forward.w3 is None  # fused
    assert isinstance(quantized.output, Int8Linear)  # int4 too: the output layer stays int8 unless the file has 4 bits
    assert isinstance(quantized.tok_embeddings, QuantEmbedding) and quantized.tok_embeddings.bits == 8
    # against the float model over the same (dequantised) weights: only the kernels' bfloat16 roundings differ,
    # 2^-8 each (see the top), a few per layer, which this random model's large activations amplify to ~4%
    with torch.no_grad():
        for name, p in model.named_parameters():
            if quant.is_linear_weight(name):
                p.copy_(quant_load.linear_form(p, quant_load.target_bits(name, p, mode)).dequantize())
        model.tok_embeddings.weight.copy_(quantize_int8(model.tok_embeddings.weight).dequantize())
    ours, reference = _logits(quantized), _logits(model)
    assert (ours - reference).abs().max() < 0.06 * reference.abs().max()
    out = Generator(quantized, tokenizer).complete("def add(a, b):", SamplingParams(max_new_tokens=4, ignore_eos=True))
    assert len(out[0].token_ids) == 4


def test_quantize_model_in_place_matches_quantising_on_load(tmp_path, smol_tokenizer_dir):
    model = tiny_model(vocab_size=49152)
    write_hf(model, tmp_path)
    for f in smol_tokenizer_dir.iterdir():
        shutil.copy(f, tmp_path / f.name)
    loaded, _ = load_model(tmp_path, quant="int4")
    quantize_model(model, "int4")
    assert quant_load.describe(model) == quant_load.describe(loaded)
    assert torch.equal(_logits(model), _logits(loaded))
    with pytest.raises(QuantError, match="int4 or int8"):
        quantize_model(tiny_model(), "auto")


# -- fused projections ------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["int4", "int8"])
@pytest.mark.parametrize("qkv_bias", [False, True], ids=["no-bias", "qkv-bias"])
def test_fused_projections_compute_what_the_separate_layers_do(smol_tokenizer, mode, qkv_bias):
    """wq/wk/wv as one layer (and w1/w3) hold the same blocks, so each output is the same dot product: the
    logits match the unfused quantised model's (bit for bit on this CPU; the kernels may sum in another order
    elsewhere), and so do greedy completions."""
    model = tiny_model(qkv_bias=qkv_bias)
    fused = quantize_model(copy.deepcopy(model), mode)
    separate = quantize_model(model, mode, fuse=False)
    for layer in fused.layers:
        attention, feed_forward = layer.attention, layer.feed_forward
        assert attention.wqkv.out_features == 64 + 2 * 32 and feed_forward.w13.out_features == 2 * 128
        assert attention.wq is attention.wk is attention.wv is feed_forward.w1 is feed_forward.w3 is None
        assert (attention.wqkv.bias is not None) == qkv_bias
    assert separate.layers[0].attention.wqkv is None and separate.layers[0].feed_forward.w13 is None
    assert quant_load.describe(fused) == quant_load.describe(separate)  # weights counted, fused or not
    tokens = [[1, 5, 9, 200, 3, 77, 4096, 12], [7, 7, 300, 8, 41000, 2, 2, 9]]
    reference = _logits(separate, tokens)
    torch.testing.assert_close(_logits(fused, tokens), reference, rtol=0, atol=1e-5 * float(reference.abs().max()))
    params = SamplingParams(max_new_tokens=12, ignore_eos=True)
    prompts = ["def add(a, b):", "import os\n", "class Stack:\n    def push(self, x):"]
    assert [c.token_ids for c in Generator(fused, smol_tokenizer).complete(prompts, params)] == [
        c.token_ids for c in Generator(separate, smol_tokenizer).complete(prompts, params)
    ]


@pytest.mark.parametrize("arch", ["llama", "qwen2"])
def test_loading_fuses_the_files_blocks(tmp_path, arch, monkeypatch):
    """A GGUF's Q4_0 blocks load fused (qwen2: with the q/k/v biases stacked too) and compute what its
    separate layers compute."""
    path = tmp_path / "tiny.gguf"
    write_gguf(path, Q.Q4_0, arch=arch, shapes=Shapes(dim=128, ffn=256, vocab=300), seed=5)
    fused, tokenizer = load_model(path, quant="auto")
    monkeypatch.setattr(quant_load, "FUSED", {})  # nothing fuses
    separate, _ = load_model(path, quant="auto")
    attention = fused.layers[1].attention
    assert isinstance(attention.wqkv, Int4Linear) and isinstance(fused.layers[1].feed_forward.w13, Int4Linear)
    assert (attention.wqkv.bias is not None) == (arch == "qwen2") and separate.layers[1].attention.wqkv is None
    reference = _logits(separate)
    torch.testing.assert_close(_logits(fused), reference, rtol=0, atol=1e-5 * float(reference.abs().max()))
    params = SamplingParams(max_new_tokens=8, ignore_eos=True)
    assert Generator(fused, tokenizer).complete("def f", params)[0].token_ids == (
        Generator(separate, tokenizer).complete("def f", params)[0].token_ids
    )


def test_projections_whose_forms_differ_run_alone():
    """A group fuses only when its weights share bits and group size, and only once all of them have come."""
    modules = quant_load.QuantModules()
    w = torch.randn(64, 64)
    modules.add("layers.0.attention.wq.weight", quantize_int4(w))
    modules.add("layers.0.attention.wk.weight", quantize_int8(w))  # a GGUF may hold attn_k in more bits
    modules.add("layers.0.attention.wv.weight", quantize_int4(w))
    modules.add("layers.0.feed_forward.w1.weight", quantize_int4(w))  # its w3 is not quantised: never comes
    modules.add("layers.0.feed_forward.w2.weight", quantize_int4(w))
    modules.add("layers.1.feed_forward.w3.weight", quantize_int4(w))
    modules.add("layers.1.feed_forward.w1.weight", quantize_int4(w))
    modules.finish()
    assert sorted(modules.modules) == [
        "layers.0.attention.wk",
        "layers.0.attention.wq",
        "layers.0.attention.wv",
        "layers.0.feed_forward.w1",
        "layers.0.feed_forward.w2",
        "layers.1.feed_forward.w13",
    ]
    assert isinstance(modules.modules["layers.0.attention.wk"], Int8Linear)
    with pytest.raises(QuantError, match="share bits"):
        QuantTensor.stack([quantize_int4(w), quantize_int4(w, group_size=64)])


# -- quantised checkpoints --------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["int4", "int8", "auto"])
def test_quantize_then_load_gives_identical_logits(tmp_path, q4_gguf, mode):
    out = tmp_path / "q"
    summary = quantize_checkpoint(q4_gguf, out, mode)
    assert summary["quant"] == mode and "int" in summary["tensors"]
    assert sorted(p.name for p in out.iterdir()) == [
        "model.safetensors",
        "quantized.json",
        "tokenizer.json",
        "tokenizer_config.json",
    ]
    direct, tokenizer = load_model(q4_gguf, quant=mode)
    again, tokenizer_again = load_model(out, quant="auto")
    assert quant_load.describe(again) == quant_load.describe(direct)
    assert torch.equal(_logits(again), _logits(direct))
    assert tokenizer_again.encode("def f(x): return x") == tokenizer.encode("def f(x): return x")
    # and asked for floats, a quantised checkpoint dequantises exactly
    table = load_model(out, quant="none")[0].tok_embeddings.weight
    assert table.dtype == torch.float32 and torch.equal(table, direct.tok_embeddings.table().dequantize())


def test_quantize_command_and_its_errors(tmp_path, q4_gguf, capsys):
    out = tmp_path / "q"
    assert main(["quantize", str(q4_gguf), str(out), "--quant", "int8"]) == 0
    assert "wrote int8 checkpoint" in capsys.readouterr().out
    assert json.loads((out / "quantized.json").read_text())["quant"] == "int8"
    # never over an existing directory
    assert main(["quantize", str(q4_gguf), str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    # a missing source
    assert main(["quantize", str(tmp_path / "nope.gguf"), str(tmp_path / "q2")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q"]  # nothing half-written left behind


def test_nothing_to_quantise_leaves_no_directory(tmp_path, smol_tokenizer_dir):
    source = tmp_path / "float"
    write_hf(tiny_model(), source)
    for f in smol_tokenizer_dir.iterdir():
        shutil.copy(f, source / f.name)
    with pytest.raises(ValueError, match="nothing to quantise"):
        quantize_checkpoint(source, tmp_path / "out", "auto")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["float"]


def test_corrupt_quantised_checkpoints_give_clear_errors(tmp_path, q4_gguf):
    out = tmp_path / "q"
    quantize_checkpoint(q4_gguf, out, "int4")
    config = json.loads((out / "quantized.json").read_text())

    def load_with(change) -> None:
        broken = tmp_path / f"broken{len(list(tmp_path.iterdir()))}"
        shutil.copytree(out, broken)
        change(broken)
        load_model(broken, quant="auto")

    with pytest.raises(CheckpointError, match="not valid JSON"):
        load_with(lambda d: (d / "quantized.json").write_text("{"))
    with pytest.raises(CheckpointError, match="version 9 is not supported"):
        load_with(lambda d: (d / "quantized.json").write_text(json.dumps({**config, "version": 9})))
    with pytest.raises(CheckpointError, match="unknown kind 'int3'"):
        tensors = {**config["tensors"], "layers.0.attention.wq.weight": "int3"}
        load_with(lambda d: (d / "quantized.json").write_text(json.dumps({**config, "tensors": tensors})))
    with pytest.raises(CheckpointError, match="missing tensor 'norm.weight.q'"):
        tensors = {**config["tensors"], "norm.weight": "int8"}
        load_with(lambda d: (d / "quantized.json").write_text(json.dumps({**config, "tensors": tensors})))
    with pytest.raises(CheckpointError, match="not a readable safetensors"):
        load_with(lambda d: (d / "model.safetensors").write_bytes(b"\0" * 64))


def test_bad_arguments_give_clear_errors(q4_gguf):
    with pytest.raises(ValueError, match="not one of auto, none, int8, int4"):
        load_model(q4_gguf, quant="int2")
    with pytest.raises(QuantError, match="groups of 32"):
        quantize_int4(torch.randn(4, 48))
    with pytest.raises(QuantError, match="groups of 48"):
        Int4Linear(_int4_groups_of_48())
    with pytest.raises(QuantError, match="one scale per output channel"):
        Int8Linear(quantize_int8(torch.randn(4, 64), group_size=32))


def _int4_groups_of_48() -> QuantTensor:
    q = torch.zeros(4, 48, dtype=torch.uint8)
    return QuantTensor(4, q, torch.ones(4, 2), torch.zeros(4, 2), (4, 96))


def test_the_output_layer_refines_its_largest_logits_in_float32():
    """bf16 logits near 30 come in steps of 0.125: near-ties would be decided by rounding. The output layer's
    best `REFINE_TOP` logits are float32 dot products over its int8 weights; the rest stay the kernel's."""
    torch.manual_seed(4)
    w = torch.randn(1000, 64)
    qt = quantize_int8(w)
    plain, output = Int8Linear(qt), quant_load.quantized_module("output.weight", qt)
    assert output.refine_top == quant.REFINE_TOP and plain.refine_top == 0
    x = torch.randn(3, 64) * 4
    exact = x @ qt.dequantize().t()
    y, rough = output(x), plain(x)
    top = y.topk(quant.REFINE_TOP).indices
    torch.testing.assert_close(y.gather(-1, top), exact.gather(-1, top), rtol=1e-5, atol=1e-4)
    assert torch.equal(y.argmax(-1), exact.argmax(-1))
    assert (rough.gather(-1, top) - exact.gather(-1, top)).abs().max() > 1e-3  # the kernel alone rounds
    rest = torch.ones_like(y, dtype=torch.bool).scatter(-1, top, False)
    assert torch.equal(y[rest], rough[rest])


# -- reading GGUF without GGUFReader (the quantised load's memory) ---------------------------------------


@pytest.mark.parametrize("vocab", ["gpt2", "llama"])
def test_gguf_header_reads_what_gguf_reader_reads(tmp_path, vocab):
    """read_gguf_header's metadata is GGUFReader's `field.contents()`, value for value (the default model's
    too), and its tensor infos are GGUFReader's."""
    from codellama.checkpoints import default_model_path, gguf_metadata, open_gguf
    from codellama.checkpoints.gguf_layout import read_gguf_header
    from tests.conftest import _default_meta

    path = tmp_path / "tiny.gguf"
    write_gguf(path, Q.Q4_1, vocab=vocab, shapes=Shapes(dim=64, ffn=128))
    header = read_gguf_header(path)
    reader = open_gguf(path)
    assert header.meta == gguf_metadata(reader, path)
    assert [(t.name, t.raw_type, t.dims, header.data_start + t.offset, t.nbytes) for t in header.tensors] == [
        (t.name, int(t.tensor_type), t.shape.tolist(), t.data_offset, t.n_bytes) for t in reader.tensors
    ]
    default = read_gguf_header(default_model_path()).meta
    assert default == _default_meta() and len(default["tokenizer.ggml.tokens"]) == 49152


@pytest.mark.slow
def test_the_default_model_maps_exactly_and_predicts_as_fp32_does(default_generator):
    """The embedded default model: each of its 211 quantised weights (210 Q4_1, the Q8_0 embedding) in our form
    is gguf's dequantisation bit for bit; loaded with `auto`, its next-token predictions over real code are
    those of the fp32 model for nearly every position, at the same perplexity."""
    from codellama.checkpoints import default_model_path

    path = default_model_path()
    exact = 0
    for (name, floats), (same, kept) in zip(read_gguf(path)[1], read_gguf(path, keep_quantized=True)[1]):
        assert name == same
        if isinstance(kept, QuantTensor):
            assert torch.equal(kept.dequantize(), floats), name
            exact += 1
    assert exact == 211
    model, tokenizer = load_model(quant="auto")
    assert quant_load.describe(model) == "int4 x 210, int8 x 2"
    text = Path(quant.__file__).read_text()
    tokens = torch.tensor([tokenizer.encode(text)[:512]])
    ours, reference = _logits(model, tokens), _logits(default_generator.model, tokens)
    assert (ours.argmax(-1) == reference.argmax(-1)).float().mean() > 0.9  # 95% here; near-ties go either way

    def perplexity(logits):
        return torch.log_softmax(logits[0, :-1], -1).gather(-1, tokens[0, 1:, None]).mean().neg().exp()

    assert abs(perplexity(ours) / perplexity(reference) - 1) < 0.02


def test_every_command_that_places_a_model_takes_quant():
    """--quant comes with --device/--dtype (add_model_flags): auto by default, the library's default is none."""
    import inspect

    from codellama.cli import build_parser

    parser = build_parser()
    commands = [
        ["complete", "x"],
        ["infill", "--prefix", "x"],
        ["chat", "hi"],
        ["info"],
        ["demo"],
        ["serve"],
        ["eval", "humaneval"],
    ]
    for argv in commands:
        assert parser.parse_args(argv).quant == "auto", argv
        assert parser.parse_args([*argv, "--quant", "int4"]).quant == "int4", argv
    assert inspect.signature(load_model).parameters["quant"].default == "none"


def test_where_the_int8_kernel_is_faster_int8_layers_run_their_table_on_it(monkeypatch):
    """With the AVX2 build of the kernels two int4 planes are no faster than the int8 kernel, and slower for a
    batch: there an int8 layer keeps its one table for the int8 kernel, tied to the embedding or not."""
    monkeypatch.setattr(quant, "_planes_beat_int8_kernel", lambda: False)
    qt = quantize_int8(torch.randn(128, 64))
    layer = Int8Linear(qt)
    assert not layer.split and layer.has_kernel and torch.equal(layer.weight_int8, qt.q)
    x = torch.randn(3, 64)
    reference = x @ qt.dequantize().t()
    assert (layer(x) - reference).abs().le(_bound(x, qt.dequantize(), reference)).all()
    tied = quantize_model(tiny_model(tie_embeddings=True, vocab_size=256), "int8")
    assert not tied.output.split and tied.output.weight_int8.data_ptr() == tied.tok_embeddings.q.data_ptr()


@pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="the layouts probed are x86 builds")
def test_the_packer_layout_is_read_with_avx512_or_avx2_kernels():
    """Int4 layers unpack (a compiled prefill multiplies by the dequantised table) and int8 rows read back from
    the packed planes with either build of ATen's CPU kernels: rows in blocks of 64 or of 32."""
    assert quant._split_layout() in quant._SPLIT_LAYOUTS
