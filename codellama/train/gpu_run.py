"""The one prepared GPU command: data, LoRA + FIM training of the default model, its delta, the infilling
evaluation with and without it, and the ~1B MFU benchmark, all inside a time budget (10 minutes on one H100/H200).

    python -m codellama.train.gpu_run --out $OUT [--base PATH/SmolLM2-135M-Instruct.Q4_1.gguf]
    python -m codellama.train.gpu_run --out /tmp/run --tiny        # the same pipeline on the CPU, ~2 minutes

Stages (each a subprocess with its own time cap; every figure goes into OUT/gpu_run.json, rewritten after
each stage, so what finished survives a later stage running out of time; each stage's output is in OUT/logs/):

1. at once, side by side: `codellama data prepare` (licence, quality, dedup, HumanEval decontamination filters;
   FIM 0.9, PSM and SPM half each) of the Python standard library and of installed packages' sources, one
   process per source, the kept files then cut into pieces of about 40 lines (whole top-level statements) and
   prepared again, so that FIM reaches them (a document longer than the context is never FIM'd, and most source
   files are); the sources that finish within the cap are the training data; and on the GPU
   `benchmarks/train_step.py --config 1b --compile` (tokens/s, MFU against the datasheet and the measured
   matmul peak);
2. LoRA (rank 16 on every linear layer) + the rows of the infill tokens, on the base model (default: the embedded
   SmolLM2-135M-Instruct GGUF), bf16 over float32 adapters, compiled blocks, packed documents kept apart, for as
   long as the budget leaves (at most --train-minutes), stopping cleanly and writing the delta to OUT/delta;
3. `codellama eval infill` (PSM, greedy) on the single-line tasks of the first --problems problems without the
   delta (ranking, the method the model has without infill tokens: run while the model trains, it needs no delta)
   and with it (native FIM), and on the multi-line tasks with it;
4. the delta copied into the package (codellama/default_delta/, unless --no-install; never in --tiny).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# installed packages whose sources join the standard library's (permissive licences; present on the GPU machine)
PACKAGES = ("transformers", "peft", "jinja2", "numpy", "scipy", "safetensors", "sentencepiece", "tokenizers")


class Stages:
    """The run's figures, written to OUT/gpu_run.json after every change."""

    def __init__(self, out: Path, settings: dict):
        self.out, self.started = out, time.monotonic()
        self.figures: dict = {"settings": settings, "stages": {}}
        (out / "logs").mkdir(parents=True, exist_ok=True)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def record(self, stage: str, figures: dict) -> None:
        self.figures["stages"][stage] = figures
        self.figures["wall_s"] = round(self.elapsed(), 1)
        path = self.out / "gpu_run.json"
        path.with_suffix(".tmp").write_text(json.dumps(self.figures, indent=2) + "\n")
        os.replace(path.with_suffix(".tmp"), path)
        print(f"[gpu_run {self.elapsed():6.1f}s] {stage}: {json.dumps(figures)[:400]}", flush=True)

    def start(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.out / "logs" / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        environment = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }
        print(f"[gpu_run {self.elapsed():6.1f}s] start {name}: {' '.join(command)}", flush=True)
        return subprocess.Popen(
            command, cwd=REPO, env={**environment, **(env or {})}, stdout=log, stderr=subprocess.STDOUT, text=True
        )


def finish(process: subprocess.Popen, deadline: float) -> dict:
    """Wait for `process` until `deadline` (time.monotonic()); kill it past it. Its exit status and seconds."""
    started = time.monotonic()
    try:
        code = process.wait(timeout=max(deadline - time.monotonic(), 0.1))
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        code = "killed at its time cap"
    return {"exit": code, "seconds": round(time.monotonic() - started, 1)}


def sources(tiny: bool, stdlib_parts: int = 5) -> dict[str, tuple[Path, list[str]]]:
    """{name: (source directory, names to exclude)}: the standard library, its biggest folders apart (each prepared
    by its own process, in parallel; a folder takes the LICENSE.txt above it), and the installed packages of
    PACKAGES (a small stdlib package only, for --tiny)."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    if tiny:
        return {"stdlib-json": (stdlib / "json", [])}
    skip = ("site-packages", "dist-packages", "__pycache__", "config-")
    folders = [d for d in stdlib.iterdir() if d.is_dir() and not d.name.startswith(skip) and not d.name.startswith(".")]
    size = {d: sum(f.stat().st_size for f in d.rglob("*.py")) for d in folders}
    apart = sorted(folders, key=lambda d: -size[d])[: stdlib_parts - 1]
    found = {"stdlib": (stdlib, [d.name for d in apart])}
    found |= {f"stdlib-{d.name}": (d, []) for d in apart}
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            found[name] = (Path(list(spec.submodule_search_locations)[0]), [])
    return found


def pieces(text: str, lines: int) -> list[str]:
    """`text` cut into pieces of about `lines` lines, each cut before a top-level statement (a line at column 0
    that is not blank, a comment or a closing bracket) or a method (`    def`, `    async def`, `    @`) that
    does not follow a decorator, so that pieces hold whole functions where they are short enough."""
    out, current = [], []
    for line in text.splitlines(keepends=True):
        top_level = line[:1] not in ("", " ", "\t", "\n", "\r", "#", ")", "]", "}")
        method = line.startswith(("    def ", "    async def ", "    @"))
        if len(current) >= lines and (top_level or method) and not current[-1].lstrip().startswith("@"):
            out.append("".join(current))
            current = []
        current.append(line)
    if current:
        out.append("".join(current))
    return [piece for piece in out if piece.count("\n") >= 3]


def prepare_source(source: str, out: Path, base: str, context: int, piece_lines: int, excludes: list[str]) -> None:
    """`codellama data prepare` of one source (all filters, FIM 0.9 half PSM half SPM) into OUT/whole; then its kept
    documents cut into pieces of about `piece_lines` lines (FIM needs a document within the context: most source
    files are longer) and prepared again into OUT/pieces (their licences carried over, exact dedup and
    decontamination again). The run uses OUT/pieces when it is there, else OUT/whole."""
    from codellama.train.data.fim import FIMConfig
    from codellama.train.data.pipeline import Pipeline, PipelineConfig, format_report
    from codellama.train.data.sources import DEFAULT_EXCLUDES

    fim = FIMConfig(0.9, 0.5, context, 0)
    # a distribution's Python may ship its standard library without the LICENSE.txt that says PSF-2.0 (Debian
    # keeps it in /usr/share/doc): its files are then the stdlib's own, PSF-2.0 by CPython's terms, said so here
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    inside_stdlib = Path(source).resolve().is_relative_to(stdlib)
    unlicensed_stdlib = inside_stdlib and not any((stdlib / n).exists() for n in ("LICENSE.txt", "LICENSE"))
    excludes = DEFAULT_EXCLUDES + tuple(excludes)
    whole = PipelineConfig(
        [source], str(out / "whole"), model=base, fim=fim, excludes=excludes, allow_unknown_license=unlicensed_stdlib
    )
    print(format_report(Pipeline(whole).run()), flush=True)
    if unlicensed_stdlib:
        print(f"{stdlib} has no LICENSE.txt: its files without another licence are taken as PSF-2.0", flush=True)
    records = out / "pieces.jsonl"
    with open(records, "w") as f:
        for part in sorted((out / "whole" / "documents").glob("*.jsonl")):
            for line in part.read_text().splitlines():
                doc = json.loads(line)
                for i, piece in enumerate(pieces(doc["text"], piece_lines)):
                    licence = "PSF-2.0" if unlicensed_stdlib and doc["license"] == "unknown" else doc["license"]
                    record = {"text": piece, "path": f"{doc['path']}#{i}", "license": licence}
                    f.write(json.dumps({**record, "language": doc["language"]}) + "\n")
    config = PipelineConfig([str(records)], str(out / "pieces"), model=base, fim=fim, near_dedup=False)
    print(format_report(Pipeline(config).run()), flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["prepare"]:  # one source's data, in its own process (see `prepare_source`)
        source, out, base, context, piece_lines, excludes = argv[1:]
        prepare_source(source, Path(out), base, int(context), int(piece_lines), [e for e in excludes.split(",") if e])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="where everything goes (on the GPU machine: $OUT)")
    parser.add_argument("--base", default=None, help="the base model file (default: the embedded model's GGUF)")
    parser.add_argument("--tiny", action="store_true", help="the whole pipeline on the CPU with tiny settings")
    parser.add_argument("--budget", type=float, default=540, help="seconds for everything (default 540)")
    parser.add_argument("--train-minutes", type=float, default=6.0, help="the most training may take")
    parser.add_argument("--data-seconds", type=float, default=100, help="cap of the data preparation")
    parser.add_argument("--eval-seconds", type=float, default=100, help="time kept for the evaluation after training")
    parser.add_argument("--piece-lines", type=int, default=40, help="source files are cut into pieces this long")
    parser.add_argument("--problems", type=int, default=40, help="HumanEval problems whose single-line tasks are run")
    parser.add_argument("--multi-line-problems", type=int, default=5, help="... whose multi-line tasks are run")
    parser.add_argument("--no-compile", action="store_true", help="train without torch.compile")
    parser.add_argument("--no-mfu", action="store_true", help="skip the 1B MFU benchmark")
    parser.add_argument("--no-install", action="store_true", help="do not copy the delta into codellama/default_delta")
    args = parser.parse_args(argv)
    from codellama.checkpoints import default_model_path

    out = Path(args.out).resolve()
    base = Path(args.base).resolve() if args.base else default_model_path()
    tiny = args.tiny
    if tiny:
        args.problems, args.multi_line_problems = min(args.problems, 1), min(args.multi_line_problems, 1)
    work = out / "work"
    stages = Stages(out, {**vars(args), "base": str(base)})
    deadline = stages.started + args.budget
    python = sys.executable

    # 1. data (CPU, one process per source) beside the MFU benchmark (GPU)
    seq_len = 64 if tiny else 2048
    preparing = {}
    for name, (source, excludes) in sources(tiny).items():
        command = [python, "-m", "codellama.train.gpu_run", "prepare", str(source), str(work / "data" / name)]
        # the FIM context: the training sequence's (tiny: wider than its 64 tokens, so that pieces are FIM'd)
        context = 512 if tiny else seq_len
        command += [str(base), str(context), str(args.piece_lines), ",".join(excludes)]
        preparing[name] = stages.start(f"data-{name}", command)
    mfu = None
    if not args.no_mfu:
        shape = ["--config", "tiny", "--seq-len", "64", "--micro-batch", "1", "--steps", "1", "--warmup", "1"]
        benchmark = [python, "benchmarks/train_step.py", *(shape if tiny else ["--config", "1b", "--compile"])]
        benchmark += ["--model", str(base)]
        mfu = stages.start("mfu", [*benchmark, "--json", str(out / "mfu.json")])
    data_deadline = stages.started + args.data_seconds
    prepared, data_figures = [], {}
    for name, process in preparing.items():
        data_figures[name] = finish(process, data_deadline)
        directory = work / "data" / name / "pieces"
        if not (directory / "manifest.json").exists():
            directory = directory.with_name("whole")
        data_figures[name]["prepared"] = directory.name
        if (directory / "manifest.json").exists():
            manifest = json.loads((directory / "manifest.json").read_text())
            stats = json.loads((directory / "stats.json").read_text())
            fim = stats.get("fim", {})
            data_figures[name] |= {
                "tokens": manifest["num_tokens"],
                "documents": stats.get("documents_out"),
                "fim": fim,
            }
            if manifest["num_tokens"] > 4 * (seq_len + 1):
                prepared.append((str(directory), float(manifest["num_tokens"])))
    stages.record("data", {"sources": data_figures, "used": [Path(d).parent.name for d, _ in prepared]})
    if mfu is not None:
        figures = finish(mfu, max(data_deadline, stages.started + 150))
        # a crash (not a run killed at its cap, which a second run would repeat at the training's expense):
        # flex_attention under compile is the likeliest failure, so the second run is plain causal
        crashed = isinstance(figures["exit"], int) and figures["exit"] != 0
        if crashed and not tiny:
            stages.record("mfu-document-masking", figures | {"log": "logs/mfu.log"})
            mfu = stages.start("mfu-causal", [*benchmark, "--no-document-masking", "--json", str(out / "mfu.json")])
            figures = finish(mfu, time.monotonic() + 120)
        if (out / "mfu.json").exists():
            figures |= json.loads((out / "mfu.json").read_text())
        stages.record("mfu", figures)
    if not prepared:
        stages.record("train", {"error": "no data source finished its preparation in time"})
        return 1

    # 2. LoRA + FIM training, as long as the budget leaves; the ranking baseline (no delta needed) is evaluated
    #    meanwhile on the same GPU (a 135M model: it slows the training little and gives the baseline minutes)
    device = "cpu" if tiny else "cuda"
    (out / "eval").mkdir(exist_ok=True)

    def evaluate(name: str, subset: str, problems: int, delta: str) -> subprocess.Popen:
        command = [python, "-m", "codellama.cli", "eval", "infill", "--subset", subset, "--infill-mode", "psm"]
        command += ["--model", str(base), "--device", device, "--limit", str(problems), "--unsafe", "--no-progress"]
        command += ["--workers", "2" if tiny else "4", "--output", str(out / "eval" / f"{name}.jsonl")]
        command += ["--max-tokens", "16"] if tiny else []  # a barely trained model may not stop by itself
        return stages.start(f"eval-{name}", command, env={"CODELLAMA_DELTA": delta})

    evaluating = {"single-line-ranking": evaluate("single-line-ranking", "single-line", args.problems, "off")}
    minutes = min(args.train_minutes, (deadline - time.monotonic() - args.eval_seconds - 45) / 60)
    if tiny:
        minutes = min(minutes, 1.0)
    config = training_config(base, prepared, work / "run", out / "delta", minutes, tiny, not args.no_compile)
    (work / "train.json").write_text(json.dumps(config))
    trainer = stages.start("train", [python, "-m", "codellama.train.trainer", "--config", str(work / "train.json")])
    figures = finish(trainer, time.monotonic() + 60 * minutes + 150)
    if figures["exit"] != 0 and config.get("compile"):  # a compiler failure must not cost the whole run
        stages.record("train-compiled", figures | {"log": "logs/train.log"})
        minutes = min(minutes, (deadline - time.monotonic() - args.eval_seconds - 30) / 60)
        # uncompiled, flex_attention would materialise each layer's scores: plain causal attention instead
        config |= {"compile": False, "document_masking": False, "max_minutes": minutes, "out": str(work / "run-eager")}
        (work / "train.json").write_text(json.dumps(config))
        command = [python, "-m", "codellama.train.trainer", "--config", str(work / "train.json")]
        figures = finish(stages.start("train-eager", command), time.monotonic() + 60 * minutes + 120)
    figures |= training_figures(Path(config["out"]) / "log.jsonl", minutes)
    stages.record("train", figures)
    if not (out / "delta" / "delta.json").exists():
        return 1

    # 3. infilling with the delta (native FIM) on the tasks the ranking run has, and multi-line beside
    evaluating["single-line-native"] = evaluate("single-line-native", "single-line", args.problems, str(out / "delta"))
    multi = args.multi_line_problems
    evaluating["multi-line-native"] = evaluate("multi-line-native", "multi-line", multi, str(out / "delta"))
    eval_deadline = max(deadline, time.monotonic() + 30)
    results = {}
    for name, process in evaluating.items():
        results[name] = finish(process, eval_deadline)
        summary = out / "eval" / f"{name}.summary.json"
        if summary.exists():
            s = json.loads(summary.read_text())
            results[name] |= {k: s.get(k) for k in ("tasks", "passed", "pass@1", "wall_seconds", "failures")}
    native, ranking = results["single-line-native"].get("pass@1"), results["single-line-ranking"].get("pass@1")
    if native is not None and ranking:
        results["native_over_ranking"] = native / ranking
    stages.record("eval", results)

    # 4. the delta into the package
    if not (tiny or args.no_install):
        shutil.copytree(out / "delta", REPO / "codellama" / "default_delta", dirs_exist_ok=True)
        stages.record("install", {"path": str(REPO / "codellama" / "default_delta")})
    return 0


def training_config(
    base: Path, data: list[tuple[str, float]], run: Path, delta: Path, minutes: float, tiny: bool, compile: bool
) -> dict:
    """The TrainConfig settings of the run (the `lora` recipe's optimiser, FIM data, a time budget)."""
    shared = dict(
        model=str(base),
        data=data,
        infill_family="starcoder",
        out=str(run),
        lora={"rank": 16, "alpha": 32.0, "dropout": 0.0, "target_modules": ["wq", "wk", "wv", "wo", "w1", "w2", "w3"]},
        delta_out=str(delta),
        max_minutes=minutes,
        export=[],
        save_every=10**9,  # one checkpoint, at the end
        weight_decay=0.0,
        document_masking=True,
        log_every=10,
    )
    if tiny:
        return shared | dict(seq_len=64, batch_tokens=128, micro_batch=1, steps=4, lr=1e-3, warmup_steps=1)
    # 128k tokens a step; the time budget shortens the steps to what fits (measured after the first ones)
    return shared | dict(
        seq_len=2048, batch_tokens=131_072, micro_batch=16, steps=20_000, lr=5e-4, warmup_steps=30, compile=compile
    )


def training_figures(log: Path, minutes: float) -> dict:
    """Steps, tokens seen, first and last losses and throughput of the run's log."""
    if not log.exists():
        return {"error": "no training log"}
    records = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    steps = [r for r in records if "loss" in r]
    delta = next((r for r in records if r.get("event") == "delta"), {})
    return {
        "minutes_budget": round(minutes, 2),
        "steps": delta.get("steps"),
        "tokens_seen": delta.get("tokens_seen"),
        "stopped_early": delta.get("stopped_early"),
        "first_loss": steps[0]["loss"] if steps else None,
        "last_loss": steps[-1]["loss"] if steps else None,
        "tokens_per_s": steps[-1]["tokens_per_s"] if steps else None,
        "fitted": next((r for r in records if r.get("event") == "steps fitted to the time budget"), None),
    }


if __name__ == "__main__":
    sys.exit(main())
