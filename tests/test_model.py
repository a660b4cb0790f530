"""Our Transformer against Hugging Face transformers on the same weights, and its KV cache."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F

from codellama.checkpoints import build_model, read_hf
from codellama.configs import CONFIGS, get_config, match_config
from codellama.model import RMSNorm, apply_rotary, rotary_tables
from tests.support.models import VARIANTS, make_hf_model, tiny_model


def load_ours(directory):
    args, tensors, _ = read_hf(directory)
    return build_model(args, tensors, str(directory), torch.float32)


def assert_logits_close(ours: torch.Tensor, theirs: torch.Tensor) -> None:
    scale = theirs.abs().max()
    assert (ours - theirs).abs().max() <= 1e-4 * scale, (ours - theirs).abs().max() / scale


@pytest.mark.parametrize("variant", VARIANTS)
def test_logits_equal_transformers_on_tiny_models(variant, tmp_path):
    pytest.importorskip("transformers")
    hf = make_hf_model(variant, tmp_path)
    ours = load_ours(tmp_path)
    assert ours.args.qkv_bias == (variant.startswith("qwen2"))
    assert ours.args.tie_embeddings == ("tied" in variant)
    tokens = torch.randint(0, 300, (2, 40), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        assert_logits_close(ours(tokens), hf(tokens).logits)


@pytest.mark.slow
def test_default_model_logits_equal_transformers(default_generator, hf_default_model):
    hf, hf_tokenizer = hf_default_model
    text = "def quicksort(items):\n    if len(items) <= 1:\n        return items\n    pivot = items[0]\n"
    ids = default_generator.tokenizer.encode(text)
    assert ids == hf_tokenizer(text, add_special_tokens=False).input_ids
    default_generator.model.clear_cache()
    with torch.no_grad():
        assert_logits_close(default_generator.model(torch.tensor([ids])), hf(torch.tensor([ids])).logits)


def test_cached_decoding_equals_full_forward():
    model = tiny_model(vocab_size=300)
    tokens = torch.randint(0, 300, (1, 24), generator=torch.Generator().manual_seed(2))
    with torch.no_grad():
        full = model(tokens)[0]
        model.setup_cache(1, 64)
        step_logits = [model(tokens[:, :10], torch.arange(10)[None])[0]]
        for t in range(10, 24):
            step_logits.append(model(tokens[:, t : t + 1], torch.tensor([[t]]))[0])
    model.clear_cache()
    assert_logits_close(torch.cat(step_logits), full)


def test_rows_at_different_positions_match_their_own_runs():
    """One batched decode step with rows at different positions equals each row alone."""
    model = tiny_model(vocab_size=300)
    a = torch.randint(0, 300, (1, 7), generator=torch.Generator().manual_seed(3))
    b = torch.randint(0, 300, (1, 12), generator=torch.Generator().manual_seed(4))
    with torch.no_grad():
        alone = [model(a)[0, -1], model(b)[0, -1]]
        model.setup_cache(2, 32)
        padded = torch.zeros(2, 11, dtype=torch.long)
        padded[0, :6], padded[1, :11] = a[0, :6], b[0, :11]
        model(padded, torch.arange(11).expand(2, -1))
        step = model(torch.tensor([[a[0, 6]], [b[0, 11]]]), torch.tensor([[6], [11]]))[:, 0]
    model.clear_cache()
    assert_logits_close(step[0], alone[0])
    assert_logits_close(step[1], alone[1])


def packed_documents(eos: int = 0) -> tuple[torch.Tensor, list[tuple[int, int, int]]]:
    """Two rows of documents packed back to back (EOS closing each), and (row, start, end) of every document."""
    g = torch.Generator().manual_seed(5)
    tokens = torch.randint(1, 300, (2, 40), generator=g)
    spans = [(0, 0, 13), (0, 13, 31), (0, 31, 40), (1, 0, 40)]
    for row, _, end in spans[:2]:
        tokens[row, end - 1] = eos
    return tokens, spans


@pytest.mark.parametrize("flex", [False, True], ids=["dense-mask", "flex-block-mask"])
def test_packed_documents_do_not_see_each_other(flex, monkeypatch):
    """With document_ids, each document of a packed training sequence gets the logits it would get alone (its
    positions counted from the row's start: rotary attention sees only distances); without, later documents
    read the earlier ones."""
    import codellama.model as model_module

    monkeypatch.setattr(model_module, "flex_for", lambda device: flex)  # flex runs eagerly on the CPU: slow, exact
    model = tiny_model(vocab_size=300)
    tokens, spans = packed_documents()
    documents = model_module.document_ids_from_separators(tokens, separator=0)
    assert documents[0].tolist() == [0] * 13 + [1] * 18 + [2] * 9 and documents[1].tolist() == [0] * 40
    with torch.no_grad():
        packed = model(tokens, document_ids=documents)
        leaky = model(tokens)
        for row, start, end in spans:
            alone = model(tokens[row : row + 1, start:end])[0]
            assert_logits_close(packed[row, start:end], alone)
    assert (leaky[0, 13:31] - packed[0, 13:31]).abs().max() > 1e-2
    assert_logits_close(leaky[1], packed[1])


def test_the_plain_forward_needs_no_mask_and_equals_the_masked_one():
    """A plain causal forward runs SDPA with is_causal (flash kernels) and agrees with the explicit mask's path."""
    model = tiny_model(vocab_size=300)
    tokens = torch.randint(0, 300, (2, 33), generator=torch.Generator().manual_seed(6))
    with torch.no_grad():
        plain = model(tokens)
        masked = model(tokens, torch.arange(33).expand(2, -1))  # positions given: the mask path
    assert_logits_close(plain, masked)


def test_a_head_replaces_the_output_layer():
    """forward(head=...) hands the head the final normed hidden states and the output layer."""
    model = tiny_model(vocab_size=300)
    tokens = torch.randint(0, 300, (2, 9), generator=torch.Generator().manual_seed(7))
    with torch.no_grad():
        logits = model(tokens)
        via_head = model(tokens, head=lambda hidden, output: output(hidden).float())
        hidden = model(tokens, head=lambda hidden, output: hidden)
    assert torch.equal(via_head, logits)
    assert hidden.shape == (2, 9, model.args.dim)


def test_document_ids_with_a_kv_cache_are_refused():
    model = tiny_model(vocab_size=300)
    model.setup_cache(1, 16)
    with pytest.raises(ValueError, match="document_ids"):
        model(torch.ones(1, 4, dtype=torch.long), document_ids=torch.zeros(1, 4, dtype=torch.long))


def test_the_lean_forms_compute_the_reference_formulas_bit_for_bit():
    """The float path stays exact: the norm, rotary and mask the model runs, written for fewer ops, give the
    very bits of the textbook forms (Meta's rotary pairs, the RMSNorm formula, SDPA's own boolean mask)."""
    g = torch.Generator().manual_seed(7)
    x = torch.randn(2, 5, 6, 64, generator=g) * 3
    angles = torch.randn(2, 5, 1, 32, generator=g) * 50
    pairs = x.unflatten(-1, (-1, 2))
    real, imag = pairs[..., 0], pairs[..., 1]
    cos, sin = angles.cos(), angles.sin()
    textbook = torch.stack((real * cos - imag * sin, real * sin + imag * cos), dim=-1).flatten(-2)
    assert torch.equal(apply_rotary(x, *rotary_tables(angles)), textbook)

    norm = RMSNorm(64, 1e-5)
    torch.nn.init.normal_(norm.weight, 1.0, 0.3, generator=g)
    for dtype in (torch.float32, torch.bfloat16):
        h = x.to(dtype)
        textbook = (h.float() * torch.rsqrt(h.float().pow(2).mean(-1, keepdim=True) + 1e-5)).to(dtype)
        assert torch.equal(norm.to(dtype)(h), textbook * norm.weight)

    q, k, v = (torch.randn(2, heads, T, 16, generator=g) for heads, T in ((4, 3), (2, 9), (2, 9)))
    allowed = torch.arange(9)[None, None, None, :] <= torch.tensor([[6, 7, 8], [2, 3, 4]])[:, None, :, None]
    additive = torch.zeros(allowed.shape).masked_fill_(~allowed, -math.inf)
    assert torch.equal(
        F.scaled_dot_product_attention(q, k, v, attn_mask=additive, enable_gqa=True),
        F.scaled_dot_product_attention(q, k, v, attn_mask=allowed, enable_gqa=True),
    )


@pytest.mark.parametrize(
    "name, params, ffn",
    [
        ("codellama-7b", 6.74e9, 11008),
        ("codellama-13b", 13.0e9, 13824),
        ("codellama-34b", 33.7e9, 22016),
        ("codellama-70b", 69.0e9, 28672),
        ("smollm2-135m", 134.5e6, 1536),
        ("deepseek-coder-6.7b", 6.74e9, 11008),
        ("qwen2.5-coder-0.5b", 494e6, 4864),
        ("qwen2.5-coder-7b", 7.6e9, 18944),
    ],
)
def test_named_configs_have_published_shapes(name, params, ffn):
    args = CONFIGS[name]
    assert args.ffn_hidden_dim == ffn
    assert abs(args.num_params - params) / params < 0.01, args.num_params
    assert match_config(args) in (name, name.removesuffix("-base"))


def test_code_llama_variants():
    assert CONFIGS["codellama-7b"].vocab_size == 32016 and CONFIGS["codellama-7b"].rope_theta == 1e6
    assert CONFIGS["codellama-7b-python"].vocab_size == 32000
    assert CONFIGS["codellama-34b"].vocab_size == 32000
    for variant in ("codellama-70b-python", "codellama-70b-instruct"):
        assert CONFIGS[variant].rope_theta == 10_000 and CONFIGS[variant].max_seq_len == 4096
    assert CONFIGS["codellama-70b"].rope_theta == 1e6
    assert get_config("codellama-7b", n_layers=2).n_layers == 2
    with pytest.raises(KeyError, match="unknown model config"):
        get_config("codellama-8b")


def test_a_large_kv_cache_takes_memory_only_where_it_is_written():
    from codellama.model import KVCache

    def resident_mib() -> float:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    before = resident_mib()
    cache = KVCache(n_layers=4, batch=8, length=8192, n_kv_heads=4, head_dim=64, dtype=torch.float32, device="cpu")
    nominal = 4 * 2 * 8 * 8192 * 4 * 64 * 4 / 2**20  # 512 MiB if allocated whole
    assert resident_mib() - before < nominal / 8
    rows, positions = torch.tensor([[3]]), torch.arange(5)[None]
    k, v = cache.write(2, rows, positions, torch.ones(1, 5, 4, 64), torch.full((1, 5, 4, 64), 2.0))
    assert k[3, :5].eq(1).all() and v[3, :5].eq(2).all()
    assert k[3, 5:].eq(0).all() and k[:3].eq(0).all() and cache.v[0].eq(0).all()  # never written: zeros
    cache.copy_row(3, 0, 5)
    assert cache.k[2][0, :5].eq(1).all()
