"""HumanEval infilling (Bavarian et al. 2022), built from HumanEval's canonical solutions as published.

- single-line (1,033 tasks): each non-blank line of a canonical solution is the middle.
- multi-line (5,815 tasks): each run of lines from one non-blank line to another (or the same) is the middle.
- random-span (1,640 tasks): 10 distinct character spans per solution, drawn from numpy's RandomState(42), one
  stream over the problems in order: sorted pairs of randint(0, len + 1).
The published construction has one quirk we keep: a middle starting at the first line gets a prompt ending
in a blank line (prompt + "" + "\\n"). `verify_against_published` checks every task against the published
files, shipped in codellama/eval/data/human-eval-infilling (OpenAI's, MIT licence; see the README there).
Each task runs as prompt + middle + suffix + test + check().
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from codellama.eval.harness import Executor, Item, Program, ResultsLog, evaluate, failure_reasons, pass_at_k
from codellama.eval.humaneval import LIMITS, load_problems
from codellama.sandbox import Sandbox

Subset = Literal["single-line", "multi-line", "random-span"]
SUBSETS: dict[str, str] = {
    "single-line": "SingleLineInfilling",
    "multi-line": "MultiLineInfilling",
    "random-span": "RandomSpanInfilling",
}
EXPECTED_COUNTS = {"single-line": 1033, "multi-line": 5815, "random-span": 1640}
SPANS_PER_PROBLEM, SPAN_SEED = 10, 42
DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "human-eval-infilling"


def build_tasks(subset: Subset, problems: dict[str, dict] | None = None) -> list[dict]:
    """The subset's tasks, in the published order: task_id, entry_point, prompt, suffix, canonical_solution, test."""
    if subset not in SUBSETS:
        raise ValueError(f"unknown infilling subset {subset!r}: choose one of {', '.join(SUBSETS)}")
    problems = problems or load_problems()
    name = SUBSETS[subset]
    if subset == "random-span":
        return _random_span_tasks(name, problems)
    tasks = []
    for task_id, problem in problems.items():
        lines = problem["canonical_solution"].split("\n")
        filled = [i for i, line in enumerate(lines) if line.strip()]
        for first in filled:
            lasts = [first] if subset == "single-line" else [i for i in filled if i >= first]
            for last in lasts:
                suffix_id = f"L{first}" if subset == "single-line" else f"L{first}_L{last}"
                tasks.append(
                    _task(
                        f"{name}/{task_id}/{suffix_id}",
                        problem,
                        problem["prompt"] + "\n".join(lines[:first]) + "\n",
                        "\n".join(lines[first : last + 1]) + "\n",
                        "\n".join(lines[last + 1 :]),
                    )
                )
    return tasks


def _random_span_tasks(name: str, problems: dict[str, dict]) -> list[dict]:
    import numpy as np

    rng = np.random.RandomState(SPAN_SEED)
    tasks = []
    for task_id, problem in problems.items():
        solution = problem["canonical_solution"]
        spans: list[tuple[int, int]] = []
        while len(spans) < SPANS_PER_PROBLEM:
            start, end = sorted(int(x) for x in rng.randint(0, len(solution) + 1, size=2))
            if (start, end) not in spans:  # a span drawn twice is drawn again
                spans.append((start, end))
        for number, (start, end) in enumerate(spans, 1):
            tasks.append(
                _task(
                    f"{name}/{task_id}/{number}",
                    problem,
                    problem["prompt"] + solution[:start],
                    solution[start:end],
                    solution[end:],
                )
            )
    return tasks


def _task(task_id: str, problem: dict, prompt: str, middle: str, suffix: str) -> dict:
    return {
        "task_id": task_id,
        "entry_point": problem["entry_point"],
        "prompt": prompt,
        "suffix": suffix,
        "canonical_solution": middle,
        "test": problem["test"],
    }


def read_published(subset: Subset, data_dir: str | Path | None = None) -> list[dict]:
    path = Path(data_dir or DEFAULT_DATA) / f"HumanEval-{SUBSETS[subset]}.jsonl.gz"
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: pass --data a folder with the published infilling task files "
            f"(the package ships them in {DEFAULT_DATA})"
        )
    with gzip.open(path, "rt") as f:
        return [json.loads(line) for line in f if line.strip()]


def verify_against_published(subset: Subset, tasks: list[dict], data_dir: str | Path | None = None) -> None:
    """Raise ValueError naming the first task that differs from the published file."""
    published = read_published(subset, data_dir)
    if len(published) != len(tasks):
        raise ValueError(f"{subset}: built {len(tasks)} tasks, the published file has {len(published)}")
    for ours, theirs in zip(tasks, published):
        if ours != theirs:
            fields = [k for k in theirs if ours.get(k) != theirs[k]]
            raise ValueError(f"{subset}: task {theirs['task_id']} differs from the published one in {fields}")


def program(task: dict, middle: str) -> str:
    return f"{task['prompt']}{middle}{task['suffix']}\n{task['test']}\ncheck({task['entry_point']})\n"


def model_filler(generator, params, mode: Literal["psm", "spm"] = "psm") -> Callable[[list[Item]], list[str]]:
    """Middles from the model (Generator.infill: the family's infill tokens, or ranking for models without)."""

    def fill(batch: list[Item]) -> list[str]:
        return [
            generator.infill(item.task["prompt"], item.task["suffix"], replace(params), mode=mode).middle
            for item in batch
        ]

    return fill


def canonical_filler(batch: list[Item]) -> list[str]:
    return [item.task["canonical_solution"] for item in batch]


def run(
    fill: Callable[[list[Item]], list[str]],
    subset: Subset,
    *,
    settings: dict,
    limit: int | None = None,
    output: str | Path | None = None,
    workers: int = 2,
    batch_size: int = 8,
    sandbox: Sandbox | None = None,
    data_dir: str | Path | None = None,
    verify: bool = True,
    progress: bool = False,
    executor: Executor | None = None,
) -> dict:
    """pass@1 of one middle per task over the subset (the first `limit` problems' tasks with --limit).

    An `executor` shared between runs runs a program once for all of them (infilling tasks of one problem
    mostly make the same program)."""
    tasks = build_tasks(subset)
    if verify:  # the tasks we run are the published ones, or we say where they differ
        verify_against_published(subset, tasks, data_dir)
    if limit is not None:
        keep = set(load_problems(limit))
        tasks = [t for t in tasks if t["task_id"].split("/", 1)[1].rsplit("/", 1)[0] in keep]
    items = [Item(task["task_id"], 0, task) for task in tasks]
    log = ResultsLog(output, {**settings, "benchmark": "infill", "subset": subset})
    own_executor = executor is None
    executor = executor or Executor(sandbox or Sandbox(LIMITS), workers)
    started = time.perf_counter()
    try:
        records = evaluate(
            items,
            fill,
            lambda item, middle: Program.python(program(item.task, middle), LIMITS),
            log,
            executor,
            batch_size,
            progress,
            describe=f"infill {subset}",
        )
    finally:
        if own_executor:
            executor.close()
    return {
        "benchmark": "infill",
        "subset": subset,
        **settings,
        "tasks": len(tasks),
        "passed": sum(r["passed"] for r in records),
        **pass_at_k(records, (1,)),
        "failures": failure_reasons(records),
        "wall_seconds": round(time.perf_counter() - started, 1),
        "results_file": str(output) if output else None,
    }
