"""The trainer under `torchrun --nproc-per-node 2` on the CPU (gloo): the loss falls, and a run killed
with SIGKILL and resumed from its last checkpoint gives exactly the losses of an uninterrupted run."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codellama.train.config import TrainConfig, load_recipe, parse_override
from codellama.train.data.decontaminate import Decontaminator
from codellama.train.data.pipeline import Pipeline, PipelineConfig
from codellama.train.trainer import free_port, lr_at

MIT = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software. "
    "The above copyright notice and this permission notice shall be included in all copies."
)
STEPS = 24


def _corpus(root: Path) -> None:
    """Small, regular Python files: a tiny model can learn them within a few dozen steps."""
    root.mkdir(parents=True)
    (root / "LICENSE").write_text(MIT)
    for i in range(40):
        body = "".join(f"    total = total + values[{j}] * {i % 5}\n" for j in range(6 + i % 4))
        (root / f"module_{i}.py").write_text(f"def weighted_sum_{i}(values):\n    total = 0\n{body}    return total\n")


@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory, smol_tokenizer) -> Path:
    base = tmp_path_factory.mktemp("train")
    _corpus(base / "src")
    config = PipelineConfig([str(base / "src")], str(base / "data"), near_dedup=False)
    Pipeline(config, tokenizer=smol_tokenizer, decontaminator=Decontaminator([])).run()
    return base / "data"


def _config(data: Path, out: Path, **overrides) -> Path:
    settings = dict(
        model_args={"dim": 32, "n_layers": 2, "n_heads": 4, "n_kv_heads": 2, "ffn_hidden_dim": 64, "max_seq_len": 64},
        data=[(str(data), 1.0)],
        seq_len=32,
        batch_tokens=128,
        micro_batch=1,
        steps=STEPS,
        lr=1e-2,
        warmup_steps=2,
        out=str(out),
        save_every=4,
        export=[],
        peak_tflops=0.01,
    )
    config = TrainConfig(**{**settings, **overrides})
    path = out.with_suffix(".json")
    path.write_text(config.to_json())
    return path


def _torchrun(config: Path, nproc: int = 2) -> subprocess.Popen:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(Path(__file__).parents[1])}
    command = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--nproc-per-node",
        str(nproc),
        "--master-addr",
        "127.0.0.1",
        "--master-port",
        str(free_port()),
        "-m",
        "codellama.train.trainer",
        "--config",
        str(config),
    ]
    return subprocess.Popen(
        ["nice", "-n", "19", *command],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _records(out: Path) -> list[dict]:
    log = out / "log.jsonl"
    return [json.loads(line) for line in log.read_text().splitlines() if line.endswith("}")] if log.exists() else []


def _losses(out: Path) -> dict[int, float]:
    # a resumed run's later entry wins
    return {record["step"]: record["loss"] for record in _records(out) if "loss" in record}


def _checkpoints(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "checkpoints").glob("step-*") if not p.name.endswith(".tmp"))


def _wait_until_logged(proc: subprocess.Popen, out: Path, step: int) -> None:
    """Wait (however long the machine needs) until the run has logged the loss of `step`; fail if it ends first."""
    while not any(record.get("step", 0) >= step and "loss" in record for record in _records(out)):
        if proc.poll() is not None:
            pytest.fail(f"the run ended before step {step}: {proc.stdout.read()[-3000:]}")
        time.sleep(0.05)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):  # exited while we looked
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        below = children.get(todo.pop(), [])
        found += below
        todo += below
    return found


def _kill_run(proc: subprocess.Popen) -> None:
    """SIGKILL torchrun and its ranks at once, as a crash would. The ranks run in sessions of their own
    (torchrun starts them so), so killing torchrun's process group alone would leave them training on."""
    ranks = _descendants(proc.pid)
    assert ranks, "torchrun has no rank processes"
    for pid in [*ranks, proc.pid]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    proc.wait()
    while any(Path(f"/proc/{pid}").exists() and _state(pid) != "Z" for pid in ranks):
        time.sleep(0.02)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def _dcp_model_state(checkpoint: Path, tmp_path: Path) -> dict:
    """The model tensors of a DCP checkpoint, read on one process with torch's own converter."""
    import torch
    from torch.distributed.checkpoint.format_utils import dcp_to_torch_save

    dcp_to_torch_save(str(checkpoint), str(tmp_path / "checkpoint.pt"))
    return torch.load(tmp_path / "checkpoint.pt", weights_only=True)["model"]


def _finish(proc: subprocess.Popen) -> str:
    output, _ = proc.communicate(timeout=150)
    assert proc.returncode == 0, output[-3000:]
    return output


@pytest.mark.slow
def test_torchrun_two_ranks_loss_falls_and_sigkill_resume_is_exact(tiny_data, tmp_path):
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    uninterrupted = _torchrun(_config(tiny_data, whole, export=["hf", "meta"]))
    interrupted = _torchrun(_config(tiny_data, killed))
    _wait_until_logged(interrupted, killed, 10)  # past the checkpoint of step 8
    _kill_run(interrupted)
    before = _losses(killed)
    assert before and 10 <= max(before) < STEPS, "the run was meant to be killed mid-way"
    complete = _checkpoints(killed)
    # a checkpoint half written when a run died (its .tmp directory) is never resumed from
    partial = killed / "checkpoints" / f"step-{STEPS:07d}.tmp"
    partial.mkdir(exist_ok=True)
    (partial / ".metadata").write_bytes(b"not a checkpoint")
    (partial / "train_state.json").write_text(json.dumps({"step": STEPS, "world": 2}))
    output = _finish(uninterrupted)
    resumed = _finish(_torchrun(_config(tiny_data, killed)))
    assert '"event": "resume"' in resumed and "world" in output
    [resume] = [r for r in _records(killed) if r.get("event") == "resume"]
    assert f"step-{resume['step']:07d}" == complete[-1] and resume["step"] >= 8

    expected = _losses(whole)
    assert sorted(expected) == list(range(1, STEPS + 1))
    assert _losses(killed) == expected  # bit for bit, every step
    first, last = expected[1], sum(expected[s] for s in range(STEPS - 3, STEPS + 1)) / 4
    assert last < first - 1.0, (first, last)
    assert _checkpoints(whole) == [f"step-{STEPS - 4:07d}", f"step-{STEPS:07d}"]  # keep_checkpoints = 2

    import torch

    from codellama.checkpoints import load_model
    from codellama.model import ModelArgs, Transformer
    from codellama.train.metrics import flops_per_token

    # MFU: tokens/s x FLOPs per token over the given peak (0.01 TFLOP/s) of both ranks; FLOPs per token from
    # the parameters counted here (6 per matmul weight: all but the embedding lookup) and PaLM's attention term
    start = [r for r in _records(whole) if r.get("event") == "start"][0]
    shape = ModelArgs(**{**json.loads(_config(tiny_data, whole).read_text())["model_args"], "vocab_size": 49155})
    model = Transformer(shape)
    matmul = sum(p.numel() for n, p in model.named_parameters() if n != "tok_embeddings.weight")
    per_token = 6 * matmul + 12 * shape.n_layers * shape.n_heads * shape.head_dim * 32
    assert flops_per_token(shape, 32) == per_token and start["world"] == 2 and start["peak_flops"] == 1e10
    for record in (r for r in _records(whole) if "loss" in r):
        assert record["tokens"] == 128 and record["tokens_per_s"] == pytest.approx(128 / record["seconds"])
        assert record["mfu"] == pytest.approx(record["tokens_per_s"] * per_token / 2e10)

    # the exports hold exactly the weights of the last checkpoint
    trained = _dcp_model_state(whole / "checkpoints" / f"step-{STEPS:07d}", tmp_path)
    model, tokenizer = load_model(str(whole / "export" / "hf"))
    assert model.args.vocab_size == tokenizer.vocab_size == 49155 and tokenizer.infill.family == "starcoder"
    meta, _ = load_model(str(whole / "export" / "meta"))
    for exported in (model, meta):
        assert exported.state_dict().keys() == trained.keys()
        for name, tensor in trained.items():
            assert torch.equal(exported.state_dict()[name], tensor), name
    prompt = torch.tensor([tokenizer.encode("def weighted_sum_3(values):\n") + [tokenizer.infill.middle]])
    assert torch.allclose(meta(prompt), model(prompt), atol=1e-5)

    # resumed on one rank instead of two: the checkpoint reshards and the steps give the same losses
    one_rank = tmp_path / "one-rank"
    shutil.copytree(whole / "checkpoints", one_rank / "checkpoints")
    shutil.rmtree(one_rank / "checkpoints" / f"step-{STEPS:07d}")
    _finish(_torchrun(_config(tiny_data, one_rank), nproc=1))
    [resume] = [r for r in _records(one_rank) if r.get("event") == "resume"]
    assert resume["step"] == STEPS - 4
    again = _losses(one_rank)
    assert sorted(again) == list(range(STEPS - 3, STEPS + 1))
    for step, loss in again.items():
        assert loss == pytest.approx(expected[step], rel=1e-4, abs=1e-5), step


def test_schedule_warms_up_then_decays_to_a_thirtieth():
    config = TrainConfig(steps=100, warmup_steps=10, lr=3e-4)
    rates = [lr_at(s, config) for s in range(100)]
    assert rates[0] == pytest.approx(3e-5) and rates[9] == pytest.approx(3e-4)
    assert all(a >= b - 1e-12 for a, b in zip(rates[9:], rates[10:]))
    assert rates[-1] == pytest.approx(3e-4 / 30)


def test_recipes_load_and_overrides_apply():
    code = load_recipe("code", {"steps": 5000})
    assert code.steps == 5000 and code.betas == (0.9, 0.95) and code.weight_decay == 0.1
    long_context = load_recipe("long-context")
    assert long_context.rope_theta == 1e6 and long_context.seq_len == 16384
    assert load_recipe("lora").lora.rank > 0
    assert load_recipe("python").mix["python"] == 0.75 and load_recipe("code").fim_rate == 0.9
    assert parse_override("lr=1e-4") == ("lr", 1e-4) and parse_override("out=runs/x") == ("out", "runs/x")
    with pytest.raises(ValueError, match="no recipe"):
        load_recipe("nonexistent")
    with pytest.raises(ValueError, match="unknown setting"):
        load_recipe("code", {"learning_rate": 1})


def test_a_short_run_scales_the_recipes_warm_up_instead_of_refusing():
    trial = load_recipe("code", {"steps": 3})  # the recipe: 1,000 warm-up steps of 10,000
    assert (trial.steps, trial.warmup_steps) == (3, 0)
    assert "1000 of the recipe's 10000 steps -> 0 of 3" in trial.warmup_note
    half = load_recipe("code", {"steps": 5000})
    assert half.warmup_steps == 500 and half.warmup_note
    assert load_recipe("code").warmup_note is None and load_recipe("code").warmup_steps == 1000
    assert load_recipe("code", {"steps": 3, "warmup_steps": 2}).warmup_steps == 2  # given: kept as it is
    with pytest.raises(ValueError, match="--set warmup_steps=N"):
        load_recipe("code", {"steps": 3, "warmup_steps": 5})


def test_data_mix_follows_weights_and_order_is_a_function_of_the_seed(tmp_path):
    import numpy as np

    from codellama.train.data.loader import PackedData

    for name, offset in (("a", 0), ("b", 50_000)):  # every window distinct; b's tokens >= 50,000
        (tmp_path / name / "tokens").mkdir(parents=True)
        np.save(tmp_path / name / "tokens" / "s.npy", (offset + np.arange(10_000)).astype(np.uint16))
        manifest = {"tokenizer": {"vocab_size": 60_000}, "shards": [{"tokens": "tokens/s.npy"}]}
        (tmp_path / name / "manifest.json").write_text(json.dumps(manifest))
    sources = [(str(tmp_path / "a"), 3.0), (str(tmp_path / "b"), 1.0)]
    data = PackedData(sources, seq_len=8, seed=1)
    firsts = [int(data.sequence(g)[0][0]) for g in range(4000)]
    assert abs(sum(f < 50_000 for f in firsts) / 4000 - 0.75) < 0.03
    from_a = [f for f in firsts if f < 50_000][:1249]  # one epoch of a's 1,249 windows: each exactly once
    assert sorted(from_a) == list(range(0, 9992, 8))
    late_first = PackedData(sources, seq_len=8, seed=1)
    late = late_first.sequence(9000)
    assert all(np.array_equal(late_first.sequence(g)[0], data.sequence(g)[0]) for g in (0, 17, 3999))
    assert np.array_equal(late[0], data.sequence(9000)[0])
    with pytest.raises(ValueError, match="weights must be positive"):
        PackedData([(str(tmp_path / "a"), 0.0)], seq_len=8)
    with pytest.raises(ValueError, match="no manifest.json"):
        PackedData([(str(tmp_path), 1.0)], seq_len=8)
