"""Verified generation (codellama/verify.py, verify_tests.py): tests read from prompts and files, the program that
runs them in the sandbox, the choice among candidates, and the whole loop on a model that writes scripted
candidates (tests/support/branching.py)."""

from __future__ import annotations

import json
import shutil

import pytest

from codellama.cli import main
from codellama.eval.humaneval import load_problems
from codellama.eval.humaneval_verify import ceiling_estimate
from codellama.generation import Generator
from codellama.prompts import chat_prompt_tokens
from codellama.sandbox import Sandbox
from codellama.verify import (
    LIMITS,
    Candidate,
    CandidateRunner,
    Options,
    Task,
    choose,
    code_from_reply,
    dual_agreement,
    prompt_for_tests,
    verify,
)
from codellama.verify_tests import TestSuite, example_tests, parse_written_tests, read_tests_file
from tests.support.branching import BranchingModel

ADD = '''def add(a, b):
    """Add two numbers.

    >>> add(2, 3)
    5
    >>> add(-1, 1)
    0
    """
'''
DOUBLE = 'def double(x):\n    """Return twice x."""\n'


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox(LIMITS)


# -- tests from examples ---------------------------------------------------------------------------


def test_doctest_examples_become_asserts():
    suite = example_tests(ADD)
    assert suite.origin == "docstring"
    assert suite.tests == ["assert add(2, 3) == 5", "assert add(-1, 1) == 0"]


def test_doctest_setup_multiline_output_comments_and_floats():
    text = '''def f(xs):
    """
    >>> xs = [3, 1]
    >>> f(xs)  # sorted
    [1,
     3]
    >>> f([2.5])
    [2.5]
    >>> g(1)
    0.5
    >>> f([3, 2]) == [2, 3]
    """
'''
    suite = example_tests(text)
    assert suite.setup == ["xs = [3, 1]"]
    assert suite.tests == [
        "assert f(xs) == [1, 3]",
        "assert f([2.5]) == [2.5]",
        "assert abs(g(1) - 0.5) < 1e-6",
        "assert f([3, 2]) == [2, 3]",  # `>>> expr == value` without output reads as a call example
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("f(1) ➞ 2", "assert f(1) == 2"),
        ("f([1, 2]) => [2]", "assert f([1, 2]) == [2]"),
        ("f(1) ==> True", "assert f(1) == True"),
        ("f('a') should return 'b'.", "assert f('a') == 'b'"),
        ('f(3)   # returns "x"', "assert f(3) == 'x'"),
        ("f(2) returns true", "assert f(2) == True"),
        ("f(5, 1) -> 19 - 5 - 6 = 8", "assert f(5, 1) == 8"),
        ("f(4) == -1", "assert f(4) == -1"),
        ("f(9) = 14", "assert f(9) == 14"),
        ("f(1.5) == 2.25", "assert abs(f(1.5) - 2.25) < 1e-6"),
        ('* f("x") => null', "assert f('x') == None"),
    ],
)
def test_call_examples_in_prose(line, expected):
    suite = example_tests(f'def f(x, y=0):\n    """Example:\n    {line}\n    """\n')
    assert suite.tests == [expected]


def test_examples_that_are_not_values_are_skipped_not_guessed():
    text = 'def f(s):\n    """\n    f(a) => False\n    f("hi") => a greeting\n    f("x") ➞ 1\n    """\n'
    suite = example_tests(text)
    assert suite.tests == ["assert f('x') == 1"]  # `f(a)`: a name, not a value; "a greeting": not a value
    assert suite.skipped == 1


def test_input_output_and_for_examples():
    one = 'def f(arr):\n    """\n    Example 1:\n        Input: [4,2,3]\n        Output: [2, 1]\n    """\n'
    assert example_tests(one).tests == ["assert f([4, 2, 3]) == [2, 1]"]
    two = 'def g(s, c):\n    """\n    For s = "abcde", c = "ae", the result should be (\'bcd\',False)\n    """\n'
    assert example_tests(two).tests == ["assert g(s='abcde', c='ae') == ('bcd', False)"]


def test_humaneval_examples_pass_the_canonical_solution_and_fail_a_wrong_one(sandbox):
    problems = load_problems(12)
    tester = CandidateRunner(sandbox)
    try:
        for task_id, problem in problems.items():
            suite = example_tests(problem["prompt"])
            assert len(suite) >= 1, task_id
            codes = [problem["prompt"] + problem["canonical_solution"], problem["prompt"] + "    return None\n"]
            (right_loaded, right), (wrong_loaded, wrong) = tester.run(codes, suite)
            assert right_loaded and wrong_loaded
            assert right == ["passed"] * len(suite), (task_id, suite.tests, right)
            assert any(o != "passed" for o in wrong), task_id
    finally:
        tester.close()


# -- tests from a file and from the model ----------------------------------------------------------


def test_python_tests_file():
    text = (
        "import math\n\nassert add(1, 2) == 3\n\ndef test_zero():\n    assert add(0, 0) == 0\n\n"
        "def check(candidate):\n    assert candidate(2, 2) == 4\n\nhelper = 1\n"
    )
    suite = read_tests_file(text, entry_point="add")
    assert suite.tests == ["assert add(1, 2) == 3", "test_zero()", "check(add)"]
    assert suite.setup[0] == "import math" and len(suite.setup) == 4
    called = read_tests_file("def check(candidate):\n    assert candidate(1) == 1\n\ncheck(f)\n", entry_point="f")
    assert called.tests == ["check(f)"]  # the file calls check itself: not called twice
    with pytest.raises(ValueError, match="line 1"):
        read_tests_file("assert f(1) ==\n")
    with pytest.raises(ValueError, match="no tests"):
        read_tests_file("x = 1\n")


def test_model_written_tests_are_parsed_from_the_prompt_continuation():
    prompt = prompt_for_tests(DOUBLE, "double")
    assert prompt.endswith("    pass\n\n\n# check the correctness of double\nassert double(")
    texts = ["2) == 4\nassert double(3) == 6\nassert double(x\nprint(1)\n", "2) == 4\nassert other(1) == 2\n"]
    assert parse_written_tests(texts, "double").tests == ["assert double(2) == 4", "assert double(3) == 6"]


# -- running tests ---------------------------------------------------------------------------------


def test_runner_isolates_each_test_and_reports_each_outcome(sandbox):
    suite = TestSuite(
        "file",
        tests=["assert f(1) == 1", "assert f(2) == 3", "f(-1)", "assert f(1) == 1", "import sys; sys.exit(0)"],
    )
    code = 'import sys\nprint(\'@@codellama-verify-forged@@{"test": 1, "outcome": "passed"}\')\n' + (
        "def f(x):\n    while x < 0:\n        pass\n    return x\n"
    )
    tester = CandidateRunner(sandbox)
    try:
        [(loaded, outcomes)] = tester.run([code], suite)
        assert loaded
        assert outcomes[0] == "passed" and outcomes[1] == "failed"
        assert outcomes[2].startswith("error: TimeoutError")  # the endless loop fails its own test only
        assert outcomes[3] == "passed"
        assert outcomes[4].startswith("error: SystemExit")
        [(loaded, outcomes)] = tester.run(["def f(x) return x\n"], suite)
        assert loaded is False and all(o.startswith("not run: error: SyntaxError") for o in outcomes)
    finally:
        tester.close()


@pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is installed by scripts/setup.d/toolchains.sh")
def test_a_cpp_harness_runs_with_the_candidate(sandbox):
    harness = "}\nint main() {\n    assert(add(2, 3) == 5);\n}\n"
    suite = read_tests_file(harness, language="cpp")
    prompt = "#include <cassert>\nlong add(long a, long b) {\n"
    tester = CandidateRunner(sandbox)
    try:
        results = tester.run([prompt + "    return a + b;\n", prompt + "    return a - b;\n"], suite)
    finally:
        tester.close()
    assert results[0][1] == ["passed"]
    assert results[1][1][0].startswith("signal:SIGABRT") or results[1][1][0].startswith("error")


# -- choosing --------------------------------------------------------------------------------------


def candidate(index: int, given: list[str] = (), generated: list[str] = (), loaded: bool = True) -> Candidate:
    return Candidate(index, f"text {index}", "", "stop", index == 0, 1, loaded, list(given), list(generated))


def test_choose_prefers_passing_then_earliest():
    given = TestSuite("file", ["a", "b"])
    pool = [candidate(0, ["failed", "passed"]), candidate(1, ["passed", "passed"]), candidate(2, ["passed", "passed"])]
    assert choose(pool, given, None) == (1, "passed the given tests")
    pool[0].given = ["passed", "passed"]
    assert choose(pool, given, None)[0] == 0  # the greedy answer, when it passes
    partial = [
        candidate(0, ["failed", "failed"]),
        candidate(1, ["failed", "passed"]),
        candidate(2, ["failed", "failed"]),
    ]
    assert choose(partial, given, None) == (1, "passed the most given tests (1)")
    broken = [candidate(0, loaded=False), candidate(1)]
    assert choose(broken, None, None) == (1, "first")  # code that does not even load is set aside


def test_dual_agreement_picks_the_largest_agreeing_group():
    # tests 0-2; candidates 1 and 3 agree on passing all three; candidate 0 passes two, candidate 2 one
    pool = [
        candidate(0, generated=["passed", "passed", "failed"]),
        candidate(1, generated=["passed", "passed", "passed"]),
        candidate(2, generated=["failed", "failed", "passed"]),
        candidate(3, generated=["passed", "passed", "passed"]),
    ]
    assert dual_agreement(pool) == 1  # group {1, 3}: 2 x 3 = 6 beats {0}: 1 x 2
    pool[1].generated = pool[3].generated = ["failed", "passed", "passed"]
    pool.append(candidate(4, generated=["passed", "passed", "failed"]))
    assert dual_agreement(pool) == 0  # {0, 4}: 2 x 2 = 4 ties {1, 3}: 2 x 2; the earliest group wins
    assert dual_agreement([candidate(0, generated=["failed"]), candidate(1, generated=["failed"])]) is None
    assert choose(pool, None, TestSuite("generated", ["a", "b", "c"])) == (0, "agreement")


def test_code_from_reply():
    reply = "Here:\n```text\nnot code\n```\nand\n```python\ndef f():\n    return 1\n```\nDone."
    assert code_from_reply(reply) == "def f():\n    return 1"
    assert code_from_reply("```\nx = 1\n```") == "x = 1"
    assert code_from_reply("def f(): pass") == "def f(): pass"


# -- the whole loop, on a model whose candidates differ ----------------------------------------------


def completion_generator(tokenizer, prompt: str, answers: list[str], tests: list[str] | None = None) -> Generator:
    """A generator that writes one of `answers` after `prompt` (the first one greedily) and, asked for tests of
    the prompt's function, writes `tests`."""
    probe = Generator(BranchingModel([], tokenizer.eos_id), tokenizer)
    branches = [_branch(probe, prompt, answers)]
    if tests is not None:
        entry = prompt.split("def ", 1)[1].split("(", 1)[0]
        branches.append(_branch(probe, prompt_for_tests(prompt, entry), tests))
    return Generator(BranchingModel(branches, tokenizer.eos_id), tokenizer)


def _branch(probe: Generator, prompt: str, answers: list[str]):
    ids, healed, _ = probe.completion_prompt(prompt)
    return ids, [probe.tokenizer.encode_continuation(healed + answer) for answer in answers]


WRONG_ADDS = ["    return a - b\n", "    return a * b\n"]


def test_returns_a_passing_candidate_not_the_first_failing_one(smol_tokenizer, sandbox):
    generator = completion_generator(smol_tokenizer, ADD, [*WRONG_ADDS, "    return a + b\n"])
    verified = verify(generator, Task("complete", ADD), example_tests(ADD), options=Options(n=12), sandbox=sandbox)
    report = verified.report
    assert verified.text == "    return a + b\n"
    assert report.candidates[0].text == WRONG_ADDS[0] and report.candidates[0].given == ["failed", "failed"]
    assert report.chosen > 0 and report.verified and report.method == "passed the given tests"
    assert report.passed == sum(c.text == "    return a + b\n" for c in report.candidates) >= 1
    assert len({c.text for c in report.candidates}) == 3  # greedy + samples: the batch wrote every script
    as_json = report.to_json()
    assert (as_json["n"], as_json["chosen"], as_json["any_passed"]) == (12, report.chosen, True)
    assert "candidates passed the 2 docstring-example tests" in report.summary()


def test_says_so_when_no_candidate_passes(smol_tokenizer, sandbox):
    generator = completion_generator(smol_tokenizer, ADD, WRONG_ADDS)
    verified = verify(generator, Task("complete", ADD), example_tests(ADD), options=Options(n=4), sandbox=sandbox)
    report = verified.report
    assert report.passed == 0 and not report.verified and not report.to_json()["any_passed"]
    assert report.chosen == 0 and verified.text == WRONG_ADDS[0]
    assert report.summary().startswith("NONE of the 4 candidates passed")


def test_without_given_tests_the_model_writes_tests_and_agreement_decides(smol_tokenizer, sandbox):
    answers = ["    return x * x\n", "    return x + x\n", "    return 2 * x\n"]
    written = ["2) == 4\nassert double(3) == 6\nassert double(5) == 10\n"]
    generator = completion_generator(smol_tokenizer, DOUBLE, answers, written)
    verified = verify(generator, Task("complete", DOUBLE), None, options=Options(n=6), sandbox=sandbox)
    report = verified.report
    assert report.generated.tests == ["assert double(2) == 4", "assert double(3) == 6", "assert double(5) == 10"]
    assert report.candidates[0].text == answers[0]  # greedy: x * x passes double(2) == 4 only
    assert verified.text in answers[1:] and report.method == "agreement"
    assert not report.verified and "not verified by any test you wrote" in report.summary()


def test_chat_candidates_are_tested_on_their_code_blocks(smol_tokenizer, sandbox):
    messages = [{"role": "user", "content": "Write add(a, b) in Python."}]
    replies = [f"```python\ndef add(a, b):\n{body}```" for body in [*WRONG_ADDS, "    return a + b\n"]]
    ids = chat_prompt_tokens(smol_tokenizer, messages)
    model = BranchingModel([(ids, [smol_tokenizer.encode_continuation(r) for r in replies])], smol_tokenizer.eos_id)
    generator = Generator(model, smol_tokenizer)
    tests = read_tests_file("assert add(2, 3) == 5\n")
    verified = verify(generator, Task("chat", messages=messages), tests, options=Options(n=8), sandbox=sandbox)
    assert verified.text == replies[2] and verified.report.verified


def test_cli_prints_the_chosen_answer_and_the_report(smol_tokenizer, tmp_path, monkeypatch, capsys):
    generator = completion_generator(smol_tokenizer, ADD, [*WRONG_ADDS, "    return a + b\n"])
    monkeypatch.setattr("codellama.cli_common.generator_from_args", lambda args: generator)
    tests = tmp_path / "test_add.py"
    tests.write_text("assert add(10, 5) == 15\n")
    assert main(["complete", ADD, "--tests", str(tests), "--verify-n", "12", "--code-policy", "off"]) == 0
    out, err = capsys.readouterr()
    assert out == "    return a + b\n\n"
    assert "candidate 0 (greedy): 0/1 tests passed (first failure: failed)" in err
    assert "candidates passed the 1 given test; returned candidate" in err
    assert main(["complete", ADD, "--verify", "--verify-n", "12", "--json", "--code-policy", "off"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["text"] == "    return a + b\n" and result["verify"]["tests"]["origin"] == "docstring"
    tests.write_text("assert add(1, 1) == 3\n")
    with pytest.raises(SystemExit) as exited:
        main(["complete", ADD, "--tests", str(tests), "--verify-n", "4", "--code-policy", "off"])
    assert exited.value.code == 1
    assert "NONE of the 4 candidates passed the 1 given test" in capsys.readouterr().err


def test_options_are_checked(smol_tokenizer, capsys):
    generator = completion_generator(smol_tokenizer, ADD, ["    return a + b\n"])
    with pytest.raises(ValueError, match="between 1 and 64"):
        verify(generator, Task("complete", ADD), None, options=Options(n=0))
    with pytest.raises(ValueError, match="harness"):
        verify(generator, Task("complete", "int f() {", language="cpp"), None)
    assert main(["complete", ADD, "--verify", "--verify-n", "0"]) == 2
    assert "--verify-n must be at least 1" in capsys.readouterr().err
    assert main(["chat", "--verify"]) == 2
    assert "give the message as an argument" in capsys.readouterr().err


def test_infill_candidates_without_infill_tokens_are_drafts_cut_by_ranking(smol_tokenizer, sandbox):
    prefix, suffix = "def add(a, b):\n    return ", "\n\n\nx = 1\n"
    middles = ["a - b", "a * b", "a + b"]  # each written on through the suffix, as models do
    probe = Generator(BranchingModel([], smol_tokenizer.eos_id), smol_tokenizer)
    ids, healed = probe.vocab.heal_prompt(probe.encode_prompt(prefix))
    scripts = [smol_tokenizer.encode_continuation(healed + m + suffix) for m in middles]
    generator = Generator(BranchingModel([(ids, scripts)], smol_tokenizer.eos_id), smol_tokenizer)
    assert generator.tokenizer.infill is None
    tests = read_tests_file("assert add(2, 3) == 5\n")
    verified = verify(generator, Task("infill", prefix, suffix), tests, options=Options(n=12), sandbox=sandbox)
    assert verified.text == "a + b" and verified.report.verified
    assert verified.report.candidates[0].text == "a - b"  # the greedy draft, cut where it meets the suffix


@pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is installed by scripts/setup.d/toolchains.sh")
def test_cli_verifies_cpp_with_a_multipl_e_harness(smol_tokenizer, tmp_path, monkeypatch, capsys):
    prompt = "#include <cassert>\nlong add(long a, long b) {\n"
    answers = ["    return a - b;\n}\n", "    return a * b;\n}\n", "    return a + b;\n}\n"]
    generator = completion_generator(smol_tokenizer, prompt, answers)
    monkeypatch.setattr("codellama.cli_common.generator_from_args", lambda args: generator)
    harness = tmp_path / "test_add.cpp"
    harness.write_text("}\nint main() {\n    assert(add(2, 3) == 5);\n}\n")  # MultiPL-E's: it closes the function
    assert main(["complete", prompt, "--tests", str(harness), "--verify-n", "12", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["text"] == "    return a + b;"  # the body, cut at the end of the function as MultiPL-E does
    assert result["verify"]["verified"] and result["verify"]["candidates"][0]["given"][0] != "passed"


HARNESSES = {  # language: (prompt, right body, wrong body, harness that closes the function and tests it)
    "php": (
        "<?php\nfunction add($a, $b) {\n",
        "    return $a + $b;\n",
        "    return $a - $b;\n",
        "}\nif (add(2, 3) !== 5) { throw new Exception('add'); }\n",
    ),
    "sh": (
        "add() {\n",
        "    echo $(( $1 + $2 ))\n",
        "    echo $(( $1 - $2 ))\n",
        '}\nset -e\n[[ "$(add 2 3)" = 5 ]]\n',
    ),
    "ts": (
        "function add(a: number, b: number): number {\n",
        "    return a + b;\n",
        "    return a - b;\n",
        '}\ndeclare var require: any;\nconst assert = require("node:assert");\nassert.deepStrictEqual(add(2, 3), 5);\n',
    ),
    "java": (
        "class Problem {\n    public static long add(long a, long b) {\n",
        "        return a + b;\n",
        "        return a - b;\n",
        "    }\n    public static void main(String[] args) {\n"
        "        if (add(2, 3) != 5) throw new AssertionError();\n    }\n}\n",
    ),
    "cs": (
        "class Problem {\n    public static long add(long a, long b) {\n",
        "        return a + b;\n",
        "        return a - b;\n",
        "    }\n    public static void Main(string[] args) {\n"
        "        if (add(2, 3) != 5) throw new System.Exception();\n    }\n}\n",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("language", sorted(HARNESSES))
def test_harnesses_of_the_other_multipl_e_languages(language, sandbox):
    from codellama.eval.multipl_e import TOOLS

    if any(shutil.which(tool) is None for tool in TOOLS[language]):
        pytest.skip(f"{language}'s toolchain is installed by scripts/setup.d/toolchains.sh")
    prompt, right, wrong, harness = HARNESSES[language]
    runner = CandidateRunner(sandbox)
    try:
        results = runner.run([prompt + right, prompt + wrong], read_tests_file(harness, language))
    finally:
        runner.close()
    assert results[0][1] == ["passed"], results[0]
    assert results[1][1][0] != "passed"


def test_eval_selects_by_docstring_examples_never_by_the_hidden_tests(smol_tokenizer, tmp_path, monkeypatch, capsys):
    problem = load_problems(1)["HumanEval/0"]
    examples_only = "    return len(numbers) > 3\n"  # passes both docstring examples, fails the hidden tests
    wrong = "    return False\n"  # fails an example

    def evaluate(answers: list[str], name: str) -> dict:
        generator = completion_generator(smol_tokenizer, problem["prompt"], answers)
        monkeypatch.setattr("codellama.eval.cli.generator_from_args", lambda args: generator)
        output = tmp_path / f"{name}.jsonl"
        argv = ["eval", "humaneval", "--select", "verify", "--n", "12", "--limit", "1", "-o", str(output)]
        assert main([*argv, "--no-progress"]) == 0
        capsys.readouterr()
        return json.loads(output.with_name(f"{name}.summary.json").read_text())

    summary = evaluate([wrong, problem["canonical_solution"]], "rescued")
    assert (summary["passed_selected"], summary["passed_greedy"], summary["any_candidate_passed"]) == (1, 0, 1)
    assert summary["selection"]["problems_with_docstring_examples"] == 1
    assert summary["selection"]["methods"] == {"passed the given tests": 1}
    # the greedy answer passes the examples: it is chosen, though a sampled one would pass the hidden tests
    summary = evaluate([examples_only, problem["canonical_solution"]], "fooled")
    assert (summary["passed_selected"], summary["passed_greedy"], summary["any_candidate_passed"]) == (0, 0, 1)


def test_ceiling_estimate_grows_with_problems_solved_by_a_single_candidate():
    # every solved problem solved by several candidates: more candidates would find no new ones
    assert ceiling_estimate([0, 0, 5, 3, 10], n=10) == 3
    # four problems solved by one candidate each, none by two: many more are out there
    assert ceiling_estimate([1, 1, 1, 1, 0, 0], n=10) == 4 + 0.9 * 4 * 3 / 2
    # the completion run of docs/evaluation.md: 12 solved, 3 by one candidate, 2 by two
    assert ceiling_estimate([0] * 152 + [1] * 3 + [2] * 2 + [4] * 3 + [6, 7, 8, 9], n=10) == 12.9
    assert ceiling_estimate([1, 0], n=1) is None  # one candidate each: nothing to estimate from
