"""The compact delta of a LoRA run (adapters + new token rows): made by a tiny real training run on the CPU, applied
at load exactly as the merged weights predict, refused for another base, turned on and off."""

from __future__ import annotations

import json

import pytest
import torch

from codellama.checkpoints import CheckpointError, load_model
from codellama.checkpoints.delta import DEFAULT_DELTA, MAX_FILE_BYTES, delta_for, fingerprint, read_delta
from codellama.model import ModelArgs, Transformer

SHAPE = dict(dim=32, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden_dim=64, max_seq_len=64)
STEPS = 3


@pytest.fixture(scope="module")
def trained(tmp_path_factory, smol_tokenizer):
    """(base checkpoint directory, delta directory, run directory) of a 3-step LoRA + FIM run on a tiny model."""
    from codellama.checkpoints import write_hf
    from codellama.train.config import LoraSettings, TrainConfig
    from codellama.train.data.decontaminate import Decontaminator
    from codellama.train.data.fim import FIMConfig
    from codellama.train.data.pipeline import Pipeline, PipelineConfig
    from codellama.train.infill_tokens import add_infill_tokens
    from codellama.train.trainer import run
    from tests.test_train_trainer import _corpus

    root = tmp_path_factory.mktemp("delta")
    torch.manual_seed(0)
    write_hf(Transformer(ModelArgs(**SHAPE, vocab_size=smol_tokenizer.vocab_size)), root / "base")
    smol_tokenizer.save(root / "base")
    _corpus(root / "src")
    pipeline = PipelineConfig([str(root / "src")], str(root / "data"), near_dedup=False, fim=FIMConfig(0.9, 0.5, 4096))
    Pipeline(pipeline, tokenizer=add_infill_tokens(smol_tokenizer), decontaminator=Decontaminator([])).run()
    config = TrainConfig(
        model=str(root / "base"),
        data=[(str(root / "data"), 1.0)],
        seq_len=32,
        batch_tokens=64,
        steps=STEPS,
        lr=1e-2,
        warmup_steps=0,
        out=str(root / "run"),
        export=["hf"],
        peak_tflops=0.01,
        lora=LoraSettings(rank=4, alpha=8, dropout=0.0, target_modules=["wq", "wv", "w2"]),
        delta_out=str(root / "delta"),
    )
    run(config)
    return root / "base", root / "delta", root / "run"


def test_the_delta_holds_adapters_new_rows_and_provenance(trained):
    base, directory, _ = trained
    delta = read_delta(directory)
    manifest = delta.manifest
    assert manifest["base"]["sha256"] == fingerprint(base) and manifest["base"]["vocab_size"] == 49152
    assert manifest["added_tokens"]["ids"] == [49152, 49153, 49154]
    assert manifest["added_tokens"]["pieces"] == ["<fim_prefix>", "<fim_suffix>", "<fim_middle>"]
    assert manifest["steps"] == STEPS and manifest["tokens_seen"] == STEPS * 64
    assert manifest["lora"]["scale"] == 2.0 and manifest["data"][0]["documents_by_source_and_license"]
    assert {d["license"] for d in manifest["data"][0]["documents_by_source_and_license"]} == {"MIT"}
    names = set(delta.tensors)
    assert "tok_embeddings.new_rows" in names and "output.new_rows" in names  # an untied model: both tables
    assert {n.split(".")[-3] for n in names if n.endswith("lora_A")} == {"wq", "wv", "w2"}
    assert all((directory / f).stat().st_size <= MAX_FILE_BYTES for f in manifest["files"])


def test_loading_applies_the_delta_exactly_as_the_merged_weights_predict(trained):
    base, directory, run = trained
    plain, plain_tokenizer = load_model(str(base), delta=False)
    model, tokenizer = load_model(str(base), delta=directory)
    assert plain_tokenizer.infill is None and tokenizer.infill.family == "starcoder"
    assert model.args.vocab_size == tokenizer.vocab_size == 49155
    delta = read_delta(directory)
    expected = {k: v.clone() for k, v in plain.state_dict().items()}
    for name in {n.removesuffix(".lora_A") for n in delta.tensors if n.endswith(".lora_A")}:
        a, b = delta.tensors[f"{name}.lora_A"], delta.tensors[f"{name}.lora_B"]
        expected[name] = expected[name] + 2.0 * (b @ a)
    for table in ("tok_embeddings", "output"):
        expected[f"{table}.weight"] = torch.cat([expected[f"{table}.weight"], delta.tensors[f"{table}.new_rows"]])
    reference = Transformer(ModelArgs(**{**vars(plain.args), "vocab_size": 49155}))
    reference.load_state_dict(expected)
    prompt = torch.tensor([[tokenizer.infill.prefix, *tokenizer.encode("def f(values):\n"), tokenizer.infill.middle]])
    assert torch.equal(model(prompt), reference(prompt))
    text = torch.tensor([tokenizer.encode("def f(values):\n")])
    assert not torch.allclose(model(text)[..., :49152], plain(text), atol=1e-4)  # the adapters change the model
    # the run's own merged export (peft's merge_and_unload) agrees with the delta applied at load
    exported, _ = load_model(str(run / "export" / "hf"), delta=False)
    for name, tensor in exported.state_dict().items():
        torch.testing.assert_close(model.state_dict()[name], tensor, rtol=1e-5, atol=1e-6, msg=name)
    quantised, _ = load_model(str(base), delta=directory, quant="int8")  # merged, then quantised
    assert quantised.args.vocab_size == 49155


def test_a_delta_for_another_base_is_refused(trained, tmp_path):
    import shutil

    base, directory, _ = trained
    wrong = tmp_path / "wrong"
    shutil.copytree(directory, wrong)
    manifest = json.loads((wrong / "delta.json").read_text())
    manifest["base"]["sha256"] = "0" * 64
    (wrong / "delta.json").write_text(json.dumps(manifest))
    with pytest.raises(CheckpointError, match=r"was made for base \(sha256 0000000000000000...\).*CODELLAMA_DELTA=off"):
        load_model(str(base), delta=wrong)


def test_the_environment_turns_the_delta_on_and_off(trained, monkeypatch, tmp_path):
    base, directory, _ = trained
    assert load_model(str(base))[0].args.vocab_size == 49152  # not the default model, nothing asked: no delta
    monkeypatch.setenv("CODELLAMA_DELTA", str(directory))
    assert load_model(str(base))[0].args.vocab_size == 49155
    from codellama.train.config import TrainConfig
    from codellama.train.trainer import build_training_model

    plain, _ = load_model(str(base), delta=False)
    trained_on, _ = build_training_model(TrainConfig(model=str(base)))  # training starts from the file, not the delta
    assert torch.equal(trained_on.layers[0].attention.wq.weight, plain.layers[0].attention.wq.weight)
    monkeypatch.setenv("CODELLAMA_DELTA", "off")
    assert load_model(str(base))[0].args.vocab_size == 49152
    monkeypatch.delenv("CODELLAMA_DELTA")
    # the package's own delta goes with the embedded model once shipped, and with no other model
    monkeypatch.setattr("codellama.checkpoints.delta.DEFAULT_DELTA", directory)
    assert delta_for(base, is_default=True) == directory and delta_for(base, is_default=False) is None
    assert delta_for(base, is_default=True, requested=False) is None
    monkeypatch.setattr("codellama.checkpoints.delta.DEFAULT_DELTA", tmp_path)  # no delta.json: nothing shipped
    assert delta_for(base, is_default=True) is None
    assert DEFAULT_DELTA.name == "default_delta" and (DEFAULT_DELTA / "README.md").exists()


def test_a_quantised_checkpoint_holds_the_delta_a_load_would_apply(trained, tmp_path):
    from codellama.checkpoints import quantize_checkpoint

    base, directory, _ = trained
    summary = quantize_checkpoint(str(base), tmp_path / "q8", "int8", delta=directory)
    assert summary["delta"] == str(directory)
    direct, tokenizer = load_model(str(base), delta=directory, quant="int8")
    written, written_tokenizer = load_model(str(tmp_path / "q8"), quant="auto")
    assert written_tokenizer.infill.family == "starcoder" and written_tokenizer.vocab_size == 49155
    prompt = torch.tensor([[tokenizer.infill.prefix, *tokenizer.encode("def f(values):\n"), tokenizer.infill.middle]])
    assert torch.equal(written(prompt), direct(prompt))
    assert "delta" not in quantize_checkpoint(str(base), tmp_path / "plain", "int8", delta=False)
    assert load_model(str(tmp_path / "plain"))[1].infill is None


def test_the_embedded_model_loads_with_its_delta_exactly_when_one_is_shipped(monkeypatch):
    monkeypatch.delenv("CODELLAMA_DELTA")  # (off in the other tests: conftest.py)
    shipped = (DEFAULT_DELTA / "delta.json").exists()
    model, tokenizer = load_model()
    assert (tokenizer.infill is not None) == shipped
    assert ("delta" in model.args.extra) == shipped
