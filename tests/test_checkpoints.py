"""Writing and reading Meta and Hugging Face checkpoints: exact round trips and shard merging."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors.torch import load_file

from codellama.checkpoints import build_model, load_generator, read_hf, read_meta, write_hf, write_meta
from codellama.generation import Generator, SamplingParams
from tests.support.models import make_hf_model, tiny_model

pytest.importorskip("transformers")


def read_all_safetensors(directory) -> dict[str, torch.Tensor]:
    tensors = {}
    for f in sorted(directory.glob("*.safetensors")):
        tensors.update(load_file(f))
    return tensors


def load(reader, directory, dtype=None):
    args, tensors, _ = reader(directory)
    return build_model(args, tensors, str(directory), dtype)


@pytest.mark.parametrize("variant", ["llama-gqa", "qwen2-bias-tied", "llama-linear-rope"])
def test_hf_to_meta_to_hf_round_trip_is_bit_identical(variant, tmp_path):
    make_hf_model(variant, tmp_path / "hf")
    ours = load(read_hf, tmp_path / "hf")
    write_meta(ours, tmp_path / "meta")
    again = load(read_meta, tmp_path / "meta")
    write_hf(again, tmp_path / "hf2")

    before, after = read_all_safetensors(tmp_path / "hf"), read_all_safetensors(tmp_path / "hf2")
    assert before.keys() == after.keys()
    for name in before:
        assert before[name].dtype == after[name].dtype
        assert torch.equal(before[name], after[name]), name
    config_before = json.loads((tmp_path / "hf" / "config.json").read_text())
    config_after = json.loads((tmp_path / "hf2" / "config.json").read_text())
    for key in ("hidden_size", "num_key_value_heads", "intermediate_size", "tie_word_embeddings", "vocab_size"):
        assert config_before[key] == config_after[key], key
    assert load(read_hf, tmp_path / "hf2").args.rope_scaling == ours.args.rope_scaling


def test_written_hf_checkpoint_loads_in_transformers(tmp_path):
    import transformers

    model = tiny_model(vocab_size=300, qkv_bias=True, tie_embeddings=True)
    write_hf(model, tmp_path)
    hf = transformers.AutoModelForCausalLM.from_pretrained(tmp_path, dtype=torch.float32).eval()
    tokens = torch.randint(0, 300, (1, 20), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        ours, theirs = model(tokens), hf(tokens).logits
    assert (ours - theirs).abs().max() <= 1e-4 * theirs.abs().max()


def test_two_shard_meta_checkpoint_equals_one_shard(tmp_path):
    model = tiny_model(vocab_size=300, qkv_bias=True)
    write_meta(model, tmp_path / "one", num_shards=1)
    write_meta(model, tmp_path / "two", num_shards=2)
    assert sorted(p.name for p in (tmp_path / "two").glob("*.pth")) == ["consolidated.00.pth", "consolidated.01.pth"]
    shard = torch.load(tmp_path / "two" / "consolidated.00.pth", weights_only=True)
    assert shard["layers.0.attention.wq.weight"].shape[0] == model.args.dim // 2  # column parallel
    assert shard["layers.0.attention.wo.weight"].shape[1] == model.args.dim // 2  # row parallel
    assert shard["tok_embeddings.weight"].shape[1] == model.args.dim // 2  # Meta splits the embedding dim
    one, two = load(read_meta, tmp_path / "one"), load(read_meta, tmp_path / "two")
    assert one.state_dict().keys() == two.state_dict().keys()
    for name, tensor in one.state_dict().items():
        assert torch.equal(tensor, two.state_dict()[name]), name
        assert torch.equal(tensor, model.state_dict()[name]), name


def test_meta_params_json_is_what_metas_reference_code_accepts(tmp_path):
    model = tiny_model(vocab_size=300)
    write_meta(model, tmp_path)
    params = json.loads((tmp_path / "params.json").read_text())
    meta_fields = {
        "dim",
        "n_layers",
        "n_heads",
        "n_kv_heads",
        "vocab_size",
        "multiple_of",
        "ffn_dim_multiplier",
        "norm_eps",
        "rope_theta",
    }
    assert set(params) <= meta_fields
    # Meta's FeedForward width formula gives back our width
    hidden = int(2 * 4 * params["dim"] / 3)
    if params["ffn_dim_multiplier"] is not None:
        hidden = int(params["ffn_dim_multiplier"] * hidden)
    multiple = params["multiple_of"]
    assert multiple * ((hidden + multiple - 1) // multiple) == model.args.ffn_hidden_dim


def test_sharded_hf_checkpoint_with_index(tmp_path):
    model = tiny_model(vocab_size=300)
    write_hf(model, tmp_path, max_shard_bytes=200_000)
    index = json.loads((tmp_path / "model.safetensors.index.json").read_text())
    assert len(set(index["weight_map"].values())) > 1
    again = load(read_hf, tmp_path)
    for name, tensor in model.state_dict().items():
        assert torch.equal(tensor, again.state_dict()[name]), name


def test_bf16_checkpoint_keeps_its_dtype_unless_asked(tmp_path):
    model = tiny_model(vocab_size=300).to(torch.bfloat16)
    write_meta(model, tmp_path)
    assert load(read_meta, tmp_path).tok_embeddings.weight.dtype == torch.bfloat16
    assert load(read_meta, tmp_path, torch.float32).tok_embeddings.weight.dtype == torch.float32


def test_load_generator_gives_a_working_generator(tmp_path, smol_tokenizer_dir, smol_tokenizer):
    import shutil

    model = tiny_model()
    write_hf(model, tmp_path)
    for f in smol_tokenizer_dir.iterdir():
        shutil.copy(f, tmp_path / f.name)
    generator = load_generator(tmp_path, device="cpu", dtype=torch.float32)
    assert isinstance(generator, Generator)
    assert generator.device == torch.device("cpu")
    for name, tensor in model.state_dict().items():
        assert torch.equal(tensor, generator.model.state_dict()[name]), name
    params = SamplingParams(max_new_tokens=5, ignore_eos=True)
    ours = generator.complete("def add(a, b):", params)[0]
    expected = Generator(model, smol_tokenizer).complete("def add(a, b):", params)[0]
    assert len(ours.token_ids) == 5 and ours.finish_reason == "length"
    assert ours.token_ids == expected.token_ids and ours.text == expected.text
