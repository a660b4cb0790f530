"""HumanEval with verified generation (`codellama eval humaneval --select verify`): per problem, the greedy answer
and n-1 samples, one of them chosen by codellama/verify.py, then scored by the hidden tests.

Selection sees only what a user has: the prompt (signature and docstring), the tests read from its docstring
examples, and tests the model writes. The problem's hidden tests are not passed to it (`visible` holds only the
prompt and the function's name); they score the chosen answer, and, for comparison in the same run, the greedy
answer (candidate 0) and every other candidate (how many problems any candidate solves: the ceiling of any
selection).
"""

from __future__ import annotations

import time
from pathlib import Path

from codellama.eval.harness import Program, ResultsLog
from codellama.eval.humaneval import (
    LIMITS,
    STOP_SEQUENCES,
    Mode,
    completion_from_reply,
    instruct_messages,
    load_problems,
    program,
)
from codellama.generation import SamplingParams
from codellama.sandbox import Sandbox
from codellama.verify import (
    CandidateRunner,
    Options,
    Task,
    candidate_params,
    candidate_requests,
    decide,
    generate_directly,
    requests_for_tests,
    run_given_tests,
    wants_generated_tests,
)
from codellama.verify_tests import TestSuite, defined_functions, example_tests, parse_written_tests


def visible_part(problem: dict) -> dict:
    """What a user of the model has: the prompt and the name of the function it asks for."""
    return {"prompt": problem["prompt"], "entry_point": problem["entry_point"]}


def task_for(visible: dict, mode: Mode) -> Task:
    """The generation task, and how a candidate's text becomes the program the harness would run."""
    if mode == "completion":
        return Task("complete", visible["prompt"], stop=list(STOP_SEQUENCES), to_code=lambda t: visible["prompt"] + t)
    return Task(
        "chat",
        messages=instruct_messages(visible),
        stop=["\n```\n"],
        to_code=lambda reply: visible["prompt"] + completion_from_reply(reply, visible),
    )


def completion_of(text: str, visible: dict, mode: Mode) -> str:
    return text if mode == "completion" else completion_from_reply(text, visible)


def run(
    generator,
    mode: Mode,
    params: SamplingParams,
    options: Options,
    *,
    settings: dict,
    limit: int | None = None,
    output: str | Path | None = None,
    sandbox: Sandbox | None = None,
    batch_size: int = 32,
    progress: bool = False,
) -> dict:
    """Verified selection on each problem; returns the summary (selected vs greedy pass@1, what selection used).

    The candidates of several problems are generated as one batch (`batch_size` sequences), and so are the
    tests the model writes for the problems that need them; each problem's choice is its own."""
    import tqdm

    problems = load_problems(limit)
    log = ResultsLog(output, {**settings, "benchmark": "humaneval", "select": "verify", "n": options.n})
    pending = [(task_id, problem) for task_id, problem in problems.items() if (task_id, 0) not in log.done]
    per_batch = max(1, batch_size // options.n)
    started = time.perf_counter()
    done = len(problems) - len(pending)
    bar = tqdm.tqdm(total=len(problems), initial=done, desc=f"humaneval {mode} verify", disable=not progress)
    tester = CandidateRunner(sandbox or Sandbox(LIMITS), options.workers)
    try:
        for first in range(0, len(pending), per_batch):
            for record in _solve(generator, pending[first : first + per_batch], mode, params, options, tester):
                log.append(record)
                bar.update(1)
    finally:
        bar.close()
        tester.close()
    records = [log.done[(task_id, 0)] for task_id in problems]
    return summarize(records, mode, options, settings, time.perf_counter() - started, output)


def _solve(
    generator, group: list[tuple[str, dict]], mode: Mode, params, options: Options, tester: CandidateRunner
) -> list[dict]:
    """Records for a group of problems: candidates generated together, each problem judged on its own."""
    generate = generate_directly(generator)
    started = time.perf_counter()
    visibles = [visible_part(problem) for _, problem in group]
    tasks = [task_for(visible, mode) for visible in visibles]
    examples = [example_tests(v["prompt"], _names(v)) for v in visibles]
    rows = candidate_params(params, options)
    requests = [r for task in tasks for r in candidate_requests(generator, task, rows)]
    completions = generate(requests)
    per_problem = [completions[i * options.n : (i + 1) * options.n] for i in range(len(group))]
    candidates = [run_given_tests(t, c, e, tester) for t, c, e in zip(tasks, per_problem, examples)]
    # the model's tests, for the problems whose examples cannot decide (one batch for the group)
    asking = [i for i in range(len(group)) if wants_generated_tests(tasks[i], options, examples[i], candidates[i])]
    asked = {i: requests_for_tests(generator, tasks[i], candidates[i], options) for i in asking}
    written = generate([r for i in asking for r in asked[i][1]])
    generated: dict[int, TestSuite] = {}
    for i in asking:
        entry, own = asked[i]
        generated[i] = parse_written_tests([c.text for c in written[: len(own)]], entry or "")
        written = written[len(own) :]
        if len(generated[i]):
            tester.apply(candidates[i], generated[i], "generated")
    seconds = (time.perf_counter() - started) / len(group)
    records = []
    for i, (task_id, problem) in enumerate(group):
        report = decide(candidates[i], examples[i], generated.get(i), seconds)
        # scoring, after the choice: the hidden tests on every candidate (identical programs run once)
        texts = [completion_of(c.text, visibles[i], mode) for c in report.candidates]
        futures = [tester.executor.submit(Program.python(program(problem, text), LIMITS)) for text in texts]
        hidden = [f.result().passed for f in futures]
        without_agreement = decide(candidates[i], examples[i], None, seconds)
        records.append(
            {
                "task_id": task_id,
                "sample": 0,
                "completion": texts[report.chosen],
                "chosen": report.chosen,
                "method": report.method,
                "passed": hidden[report.chosen],
                "greedy_passed": hidden[0],
                "candidates_passed": sum(hidden),
                "hidden": hidden,  # each candidate's result (scored after the choice; for pass@k by n)
                "passed_without_agreement": hidden[without_agreement.chosen],
                "examples": len(examples[i]),
                "examples_skipped": examples[i].skipped,
                "examples_passed_by": report.passed if len(examples[i]) else None,
                "generated_tests": len(report.generated) if report.generated is not None else 0,
                "n": report.n,
                "seconds": round(seconds, 2),
            }
        )
    return records


def _names(visible: dict) -> list[str]:
    return list(dict.fromkeys([*defined_functions(visible["prompt"]), visible["entry_point"]]))


def summarize(records: list[dict], mode: Mode, options: Options, settings: dict, wall: float, output) -> dict:
    count = len(records)
    selected = sum(r["passed"] for r in records)
    greedy = sum(r["greedy_passed"] for r in records)
    with_examples = [r for r in records if r["examples"]]
    without_agreement = sum(r["passed_without_agreement"] for r in records)
    return {
        "benchmark": "humaneval",
        "select": "verify",
        **settings,
        "mode": mode,
        "problems": count,
        "n": options.n,
        "temperature": options.temperature,
        "top_p": options.top_p,
        "pass@1_selected": round(selected / count, 4) if count else None,
        "pass@1_greedy": round(greedy / count, 4) if count else None,
        "passed_selected": selected,
        "passed_greedy": greedy,
        "passed_without_agreement": without_agreement,
        "any_candidate_passed": sum(r["candidates_passed"] > 0 for r in records),
        "any_candidate_passed_at_any_n": ceiling_estimate([r["candidates_passed"] for r in records], options.n),
        "selection": {
            "used": "the prompt, its docstring examples and model-written tests; never the hidden tests",
            "problems_with_docstring_examples": len(with_examples),
            "docstring_examples_passed_by_some_candidate": sum(bool(r["examples_passed_by"]) for r in with_examples),
            "fell_back_to_agreement": sum("agreement" in r["method"] for r in records),
            "methods": _counts(r["method"] for r in records),
        },
        "wall_seconds": round(wall, 1),
        "results_file": str(output) if output else None,
    }


def ceiling_estimate(passing: list[int], n: int) -> float | None:
    """How many problems some candidate would solve with many more candidates than `n`, estimated from how many
    of the n passed on each problem (`passing`): Chao2, the incidence form of the Chao1 species-richness
    lower bound, bias-corrected, S + (n-1)/n * Q1 (Q1 - 1) / (2 (Q2 + 1)) with S problems solved, Q1 of them
    by exactly one candidate and Q2 by exactly two. Problems solved by a single candidate in n mean more are
    out there; if most were solved by several, more candidates find few new ones. A floor, not a promise."""
    if n < 2:
        return None
    solved = sum(p > 0 for p in passing)
    once, twice = sum(p == 1 for p in passing), sum(p == 2 for p in passing)
    return round(solved + (n - 1) / n * once * (once - 1) / (2 * (twice + 1)), 1)


def _counts(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for value in values:
        out[value] = out.get(value, 0) + 1
    return dict(sorted(out.items()))
