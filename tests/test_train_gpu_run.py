"""The prepared GPU command, whole, on the CPU (--tiny): data, the MFU benchmark, LoRA + FIM training of the
embedded model within a time budget, its delta, and the infilling evaluation with and without it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from codellama.checkpoints.delta import MAX_FILE_BYTES

pytest.importorskip("peft")


@pytest.mark.slow
def test_the_gpu_command_runs_whole_in_tiny_mode(tmp_path):
    from codellama.checkpoints import load_model

    root = Path(__file__).parents[1]
    done = subprocess.run(
        [sys.executable, "-m", "codellama.train.gpu_run", "--out", str(tmp_path), "--tiny"],
        cwd=root,
        env={"PYTHONPATH": str(root), "OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    figures = json.loads((tmp_path / "gpu_run.json").read_text())["stages"]
    assert set(figures) == {"data", "mfu", "train", "eval"}  # nothing installed into the package in --tiny
    prepared = figures["data"]["sources"]["stdlib-json"]
    assert figures["data"]["used"] == ["stdlib-json"] and prepared["prepared"] == "pieces" and prepared["tokens"] > 0
    assert prepared["fim"].get("psm", 0) > 0 and prepared["fim"].get("spm", 0) > 0  # PSM and SPM
    assert figures["mfu"]["exit"] == 0 and figures["mfu"]["mfu_measured_matmul"] > 0
    train = figures["train"]
    assert train["exit"] == 0 and train["steps"] == 4 and train["tokens_seen"] == 4 * 128
    for name in ("single-line-native", "single-line-ranking", "multi-line-native"):
        assert figures["eval"][name]["exit"] == 0 and figures["eval"][name]["tasks"] > 0, name
    assert figures["eval"]["single-line-native"]["tasks"] == figures["eval"]["single-line-ranking"]["tasks"]
    manifest = json.loads((tmp_path / "delta" / "delta.json").read_text())
    assert manifest["base"]["file"] == "SmolLM2-135M-Instruct.Q4_1.gguf" and manifest["steps"] == 4
    assert all((tmp_path / "delta" / f).stat().st_size <= MAX_FILE_BYTES for f in manifest["files"])
    assert sum((tmp_path / "delta" / f).stat().st_size for f in manifest["files"]) <= 64 * 2**20
    licences = {d["license"] for d in manifest["data"][0]["documents_by_source_and_license"]}
    assert licences == {"PSF-2.0"}
    # the embedded model with this delta infills natively (its tokenizer has StarCoder's infill tokens)
    model, tokenizer = load_model(None, delta=tmp_path / "delta", quant="auto")
    assert tokenizer.infill.family == "starcoder" and model.args.vocab_size == 49155
    assert not (root / "codellama" / "default_delta" / "delta.json").exists()


def test_source_files_are_cut_into_pieces_of_whole_functions():
    from codellama.train.gpu_run import pieces

    def function(name: str, body_lines: int) -> str:
        return f"def {name}(x):\n" + "".join(f"    x = x + {i}\n" for i in range(body_lines)) + "    return x\n\n"

    text = (
        "import os\n\n"
        + function("a", 30)
        + "@decorated\n"
        + function("b", 30)
        + "class C:\n"
        + ("    @property\n" + "".join("    " + line + "\n" for line in function("m", 30).splitlines()))
    )
    cut = pieces(text, 20)
    assert "".join(cut) == text  # nothing lost, nothing repeated
    assert [piece.splitlines()[0] for piece in cut] == ["import os", "@decorated", "class C:"]
    assert pieces("x = 1\n", 20) == []  # too short to be a piece


@pytest.mark.slow
def test_a_standard_library_without_its_licence_file_is_taken_as_psf(tmp_path, monkeypatch):
    """A distribution's Python may ship the stdlib without LICENSE.txt: its files are still the stdlib's (PSF-2.0)."""
    import sysconfig

    from codellama.checkpoints import default_model_path
    from codellama.train.gpu_run import prepare_source

    stdlib = tmp_path / "python3.12"
    (stdlib / "shlex_like").mkdir(parents=True)
    for i in range(3):
        body = "".join(f"    value = value * {j} + {i}\n" for j in range(12))
        (stdlib / "shlex_like" / f"part_{i}.py").write_text(f"def scale_{i}(value):\n{body}    return value\n" * 3)
    real = sysconfig.get_paths()
    monkeypatch.setattr(sysconfig, "get_paths", lambda *a, **k: {**real, "stdlib": str(stdlib)})
    prepare_source(str(stdlib / "shlex_like"), tmp_path / "out", str(default_model_path()), 2048, 10, [])
    documents = (tmp_path / "out" / "pieces" / "documents").glob("*.jsonl")
    licences = {json.loads(line)["license"] for part in documents for line in part.read_text().splitlines()}
    assert licences == {"PSF-2.0"}
