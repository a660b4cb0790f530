"""How well models without infill tokens fill in the middle: ranking vs. plain continuation.

Task source: HumanEval single-line infilling (the published file the package ships), the
first `--limit` tasks taken evenly across the 1,033. Metric: exact match of the
middle with the canonical line (whitespace-trimmed), a cheap proxy until the
evaluation harness runs the tests in its sandbox. Peer: the naive method, the
greedy continuation of the prefix cut at the end of its first line.

    .venv/bin/python benchmarks/infill_ranking.py --limit 30
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from codellama.checkpoints import load_model
from codellama.eval.infilling import DEFAULT_DATA
from codellama.generation import Generator, SamplingParams


def load_tasks(path: Path, limit: int) -> list[dict]:
    with gzip.open(path, "rt") as f:
        tasks = [json.loads(line) for line in f]
    step = max(1, len(tasks) // limit)
    return tasks[::step][:limit]


def naive_middle(generator: Generator, prefix: str) -> str:
    text = generator.complete(prefix, SamplingParams(max_new_tokens=48, stop=["\n"]))[0].text
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA / "HumanEval-SingleLineInfilling.jsonl.gz")
    args = parser.parse_args()

    model, tokenizer = load_model(args.model)
    generator = Generator(model, tokenizer)
    tasks = load_tasks(args.data, args.limit)
    hits = {"ranking": 0, "naive": 0}
    started = time.perf_counter()
    for task in tasks:
        expected = task["canonical_solution"].strip()
        ranked = generator.infill(task["prompt"], task["suffix"], SamplingParams(max_new_tokens=48, seed=0)).middle
        naive = naive_middle(generator, task["prompt"])
        hits["ranking"] += ranked.strip() == expected
        hits["naive"] += naive.strip() == expected
    elapsed = time.perf_counter() - started
    n = len(tasks)
    print(f"model: {args.model or 'default (SmolLM2-135M-Instruct Q4_1)'}; tasks: {n} single-line; {elapsed:.0f}s")
    print(f"{'method':<10}{'exact match':>14}")
    for method, count in hits.items():
        print(f"{method:<10}{count:>6}/{n} = {count / n:5.1%}")
    ratio = hits["ranking"] / hits["naive"] if hits["naive"] else float("inf")
    print(f"ratio ranking/naive: {ratio:.2f}")


if __name__ == "__main__":
    main()
