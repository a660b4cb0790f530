"""MultiPL-E: HumanEval translated into C++, Java, PHP, TypeScript, C# and Bash, run with each language's own
toolchain in the sandbox (installed by scripts/setup.d/toolchains.sh). Problems that cannot be translated are
returned with the reason and reported; they are never dropped silently."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from codellama.eval.harness import Executor, Item, Program, ResultsLog, evaluate, failure_reasons, pass_at_k
from codellama.eval.humaneval import load_problems
from codellama.eval.multipl_e_languages import LANGUAGES, Language
from codellama.eval.multipl_e_source import Untranslatable, read_problem
from codellama.sandbox import Sandbox

TOOLS = {
    "cpp": ["g++"],
    "java": ["javac", "java"],
    "php": ["php"],
    "ts": ["tsc", "node"],
    "cs": ["mcs", "mono"],
    "sh": ["bash", "awk"],
}


def language(name: str) -> Language:
    if name not in LANGUAGES:
        raise ValueError(f"unknown MultiPL-E language {name!r}: choose from {', '.join(LANGUAGES)}")
    missing = [tool for tool in TOOLS[name] if shutil.which(tool) is None]
    if missing:
        raise ValueError(f"{name}: {', '.join(missing)} not installed: run scripts/setup.d/toolchains.sh (as root)")
    return LANGUAGES[name]


def translate(name: str, limit: int | None = None) -> tuple[list[dict], dict[str, str]]:
    """The translated problems (task_id, name, prompt, tests, language) and {task_id: reason} for the rest."""
    lang = LANGUAGES[name]
    problems, skipped = [], {}
    for task_id, problem in load_problems(limit).items():
        try:
            sig = read_problem(task_id, problem)
            problems.append(
                {
                    "task_id": task_id.replace("HumanEval", f"HumanEval_{name}"),
                    "name": sig.name,
                    "prompt": lang.prompt(sig),
                    "tests": lang.tests(sig),
                    "language": name,
                }
            )
        except Untranslatable as e:
            skipped[task_id] = str(e)
    return problems, skipped


def program(problem: dict, body: str) -> Program:
    lang = LANGUAGES[problem["language"]]
    filename = "Problem.java" if lang.name == "java" else f"program.{lang.extension}"
    return Program(
        tuple(lang.command()), ((filename, problem["prompt"] + body + "\n" + problem["tests"]),), lang.limits
    )


def model_completer(generator, params) -> Callable[[list[Item]], list[str]]:
    """Bodies continued from each prompt, cut at the language's end of the function."""

    def complete(batch: list[Item]) -> list[str]:
        rows = [replace(params, stop=list(params.stop) + LANGUAGES[item.task["language"]].stop) for item in batch]
        prepared = [generator.completion_prompt(item.task["prompt"]) for item in batch]
        ids, healed, kept = (list(column) for column in zip(*prepared))
        return [r.text for r in generator.run(ids, rows, prompt_texts=kept, healed=healed)]

    return complete


def run(
    complete: Callable[[list[Item]], list[str]],
    name: str,
    *,
    settings: dict,
    n: int = 1,
    limit: int | None = None,
    ks: tuple[int, ...] = (1, 10, 100),
    output: str | Path | None = None,
    workers: int = 2,
    batch_size: int = 8,
    sandbox: Sandbox | None = None,
    progress: bool = False,
) -> dict:
    language(name)
    problems, skipped = translate(name, limit)
    items = [Item(p["task_id"], sample, p) for p in problems for sample in range(n)]
    log = ResultsLog(output, {**settings, "benchmark": "multipl-e", "language": name, "n": n})
    executor = Executor(sandbox or Sandbox(), workers)
    started = time.perf_counter()
    try:
        records = evaluate(
            items,
            complete,
            lambda item, body: program(item.task, body),
            log,
            executor,
            batch_size,
            progress,
            describe=f"multipl-e {name}",
        )
    finally:
        executor.close()
    return {
        "benchmark": "multipl-e",
        "language": name,
        **settings,
        "problems": len(problems),
        "samples_per_problem": n,
        "passed": sum(r["passed"] for r in records),
        **pass_at_k(records, ks),
        "failures": failure_reasons(records),
        "untranslatable": skipped,
        "wall_seconds": round(time.perf_counter() - started, 1),
        "results_file": str(output) if output else None,
    }
