"""Writing and reading Meta and Hugging Face checkpoints: exact round trips and shard merging."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors.torch import load_file

from codellama.checkpoints import build_model, load_generator, read_hf, read_meta, write_hf, write_meta
from codellama.checkpoints.files import atomic_save
from codellama.generation import Generator, SamplingParams
from tests.support.models import make_hf_model, tiny_model

# Meta's model parallelism, from its model code (llama/model.py): ColumnParallelLinear splits the output features
# (dim 0), RowParallelLinear the input features (dim 1), ParallelEmbedding the embedding dim (dim 1); the RMSNorm
# weights are whole in every shard. Written out here, apart from the table the reader and writer share.
COLUMN_PARALLEL = {"wq", "wk", "wv", "w1", "w3", "output"}
ROW_PARALLEL = {"wo", "w2"}
PARALLEL_EMBEDDING = {"tok_embeddings"}
REPLICATED = {"attention_norm", "ffn_norm", "norm"}


def meta_split_dim(name: str) -> int | None:
    kind = name.split(".")[-2]
    if kind in COLUMN_PARALLEL:
        return 0  # a bias of a column-parallel layer (Qwen2's q/k/v) splits with its output rows
    if kind in ROW_PARALLEL or kind in PARALLEL_EMBEDDING:
        assert name.endswith(".weight"), name
        return 1
    assert kind in REPLICATED, name
    return None


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
    pytest.importorskip("transformers")
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


@pytest.mark.parametrize(
    "shape",
    [
        dict(qkv_bias=True, tie_embeddings=True),  # written as qwen2
        dict(n_kv_heads=1),  # llama, grouped-query attention
        dict(rope_scaling={"type": "linear", "factor": 4.0}),
        dict(
            rope_scaling={
                "type": "llama3",
                "factor": 8.0,
                "low_freq_factor": 1.0,
                "high_freq_factor": 4.0,
                "original_max_position_embeddings": 16,
            }
        ),
        dict(rope_scaling={"type": "yarn", "factor": 4.0, "original_max_position_embeddings": 32}),
        dict(rope_scaling={"type": "ntk", "factor": 4.0}),
    ],
    ids=["qwen2-bias-tied", "llama-gqa", "llama-linear-rope", "llama3-rope", "yarn-rope", "ntk-rope"],
)
def test_written_hf_checkpoint_loads_in_transformers(shape, tmp_path):
    transformers = pytest.importorskip("transformers")
    model = tiny_model(vocab_size=300, **shape)
    write_hf(model, tmp_path)
    hf = transformers.AutoModelForCausalLM.from_pretrained(tmp_path, dtype=torch.float32).eval()
    assert hf.config.model_type == ("qwen2" if shape.get("qkv_bias") else "llama")
    tokens = torch.randint(0, 300, (1, 120), generator=torch.Generator().manual_seed(0))  # past the llama3 window
    with torch.no_grad():
        ours, theirs = model(tokens), hf(tokens).logits
    assert (ours - theirs).abs().max() <= 1e-4 * theirs.abs().max()
    if shape.get("rope_scaling"):  # the scaling matters at these positions: without it the logits differ
        plain = tiny_model(vocab_size=300)
        with torch.no_grad():
            assert (plain(tokens) - theirs).abs().max() > 1e-2 * theirs.abs().max()


def test_ntk_scaling_round_trips_and_dynamic_reads_as_unscaled_within_the_trained_context(tmp_path):
    """Our static NTK scaling reads back as itself; transformers' "dynamic" NTK leaves positions inside
    max_position_embeddings unscaled, so it loads unscaled (not as a static NTK scaling)."""
    model = tiny_model(vocab_size=300, rope_scaling={"type": "ntk", "factor": 4.0})
    write_hf(model, tmp_path / "ntk")
    assert load(read_hf, tmp_path / "ntk").args.rope_scaling == {"type": "ntk", "factor": 4.0}
    plain = tiny_model(vocab_size=300)
    write_hf(plain, tmp_path / "dynamic")
    config_path = tmp_path / "dynamic" / "config.json"
    config = json.loads(config_path.read_text())
    config["rope_scaling"] = {"rope_type": "dynamic", "factor": 4.0}
    config_path.write_text(json.dumps(config))
    loaded = load(read_hf, tmp_path / "dynamic")
    assert loaded.args.rope_scaling is None
    assert torch.equal(loaded.inv_freq, plain.inv_freq)


def test_two_shard_meta_checkpoint_equals_one_shard(tmp_path):
    model = tiny_model(vocab_size=300, qkv_bias=True)
    write_meta(model, tmp_path / "one", num_shards=1)
    write_meta(model, tmp_path / "two", num_shards=2)
    assert sorted(p.name for p in (tmp_path / "two").glob("*.pth")) == ["consolidated.00.pth", "consolidated.01.pth"]
    shards = [torch.load(tmp_path / "two" / f"consolidated.0{i}.pth", weights_only=True) for i in (0, 1)]
    state = model.state_dict()
    for i, shard in enumerate(shards):  # every tensor is the piece of Meta's split this shard holds
        assert shard.keys() == state.keys()
        for name, whole in state.items():
            dim = meta_split_dim(name)
            expected = whole if dim is None else whole.chunk(2, dim=dim)[i]
            assert shard[name].shape == expected.shape and torch.equal(shard[name], expected), (i, name)
    one, two = load(read_meta, tmp_path / "one"), load(read_meta, tmp_path / "two")
    assert one.state_dict().keys() == two.state_dict().keys()
    for name, tensor in one.state_dict().items():
        assert torch.equal(tensor, two.state_dict()[name]), name
        assert torch.equal(tensor, model.state_dict()[name]), name


def test_meta_params_json_is_what_metas_reference_code_accepts(tmp_path):
    model = tiny_model(vocab_size=300)
    write_meta(model, tmp_path)
    params = json.loads((tmp_path / "params.json").read_text())
    # Meta's ModelArgs fields only; multiple_of 1 with a multiplier: no multiple_of gives our width of 128
    assert params == {
        "dim": 64,
        "n_layers": 2,
        "n_heads": 4,
        "n_kv_heads": 2,
        "vocab_size": 300,
        "multiple_of": 1,
        "ffn_dim_multiplier": params["ffn_dim_multiplier"],
        "norm_eps": 1e-5,
        "rope_theta": 10_000.0,
    }
    # Meta's FeedForward width formula gives back our width
    hidden = int(2 * 4 * params["dim"] / 3)
    if params["ffn_dim_multiplier"] is not None:
        hidden = int(params["ffn_dim_multiplier"] * hidden)
    multiple = params["multiple_of"]
    assert multiple * ((hidden + multiple - 1) // multiple) == model.args.ffn_hidden_dim
    extra = json.loads((tmp_path / "codellama_params.json").read_text())
    assert extra == {"max_seq_len": 512, "rope_scaling": None, "head_dim": 16}


def test_meta_params_json_of_a_code_llama_shape(tmp_path):
    """Code Llama 7B's params.json says dim 4096, multiple_of 256, no multiplier (FFN 11008); the same rule at
    dim 64 gives an FFN of 256, written as multiple_of 256 and no multiplier."""
    model = tiny_model(vocab_size=300, ffn_hidden_dim=256, n_kv_heads=4, rope_theta=1e6)
    write_meta(model, tmp_path)
    assert json.loads((tmp_path / "params.json").read_text()) == {
        "dim": 64,
        "n_layers": 2,
        "n_heads": 4,
        "n_kv_heads": 4,
        "vocab_size": 300,
        "multiple_of": 256,
        "ffn_dim_multiplier": None,
        "norm_eps": 1e-5,
        "rope_theta": 1e6,
    }


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


@pytest.mark.parametrize(
    "fmt",
    [
        "meta",
        "hf",
    ],
)
def test_a_tied_model_written_in_two_shards_is_read_back_tied(fmt, tmp_path):
    model = tiny_model(vocab_size=300, tie_embeddings=True)
    if fmt == "meta":
        write_meta(model, tmp_path, num_shards=2)
        again = load(read_meta, tmp_path)
    else:
        write_hf(model, tmp_path, max_shard_bytes=20_000)
        assert len(list(tmp_path.glob("*.safetensors"))) > 1
        again = load(read_hf, tmp_path)
    assert again.args.tie_embeddings
    assert again.output.weight.data_ptr() == again.tok_embeddings.weight.data_ptr()  # one tensor, as trained
    for name, tensor in model.state_dict().items():
        assert torch.equal(tensor, again.state_dict()[name]), name


def test_shapes_that_cannot_be_split_are_refused_before_anything_is_written(tmp_path):
    model = tiny_model(vocab_size=300)  # dim 64, 4 heads, 2 key-value heads: not three ways
    with pytest.raises(ValueError, match=r"cannot be split into 3 shards"):
        write_meta(model, tmp_path, num_shards=3)
    assert list(tmp_path.glob("consolidated.*")) == [] and not (tmp_path / "params.json").exists()


def test_atomic_save_leaves_the_old_file_when_the_write_fails(tmp_path):
    path = tmp_path / "weights.pth"
    path.write_bytes(b"old weights")

    def crash_mid_write(p):
        p.write_bytes(b"half of the new")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_save(crash_mid_write, path)
    assert path.read_bytes() == b"old weights"
    atomic_save(lambda p: p.write_bytes(b"new weights"), path)
    assert path.read_bytes() == b"new weights" and sorted(tmp_path.iterdir()) == [path]


def test_a_checkpoint_write_that_crashes_leaves_the_previous_checkpoint_readable(tmp_path, monkeypatch):
    old, new = tiny_model(seed=0, vocab_size=300), tiny_model(seed=1, vocab_size=300)
    write_meta(old, tmp_path)
    real_save = torch.save

    def dies_half_way(obj, f, *args, **kwargs):
        real_save({"partial": torch.zeros(1)}, f)
        raise KeyboardInterrupt  # the process was stopped mid-write

    monkeypatch.setattr(torch, "save", dies_half_way)
    with pytest.raises(KeyboardInterrupt):
        write_meta(new, tmp_path)
    monkeypatch.undo()
    again = load(read_meta, tmp_path)
    for name, tensor in old.state_dict().items():
        assert torch.equal(tensor, again.state_dict()[name]), name
