"""`codellama data self-instruct`: questions filtered and deduplicated, tests parsed, solutions run in the sandbox
(the first passing one kept), every drop counted, and the output read back by the instruct recipe's data path."""

from __future__ import annotations

import json
import re
import shutil

import numpy as np
import pytest

from codellama.checkpoints import write_hf
from codellama.generation import Generator, SamplingParams
from codellama.sandbox import RunResult, Sandbox
from codellama.train.data import self_instruct_prompts as prompts
from codellama.train.data.chat import conversation_tokens
from codellama.train.data.self_instruct import (
    LIMITS,
    GeneratorModel,
    Reply,
    SelfInstruct,
    SelfInstructConfig,
    format_report,
    tokenise,
)
from tests.support.models import ScriptedModel, tiny_model

ADD_ONE = "Write a Python function `add_one(x)` that returns the integer x plus one."
# What the model "writes" when asked for question number k (one per prompt, in order).
QUESTIONS = [
    ADD_ONE,
    "Write a Python function `add_one(x)` that returns the integer x plus one!!",  # exact after normalisation
    "Write a Python function `add_one(x)` that returns the given integer x plus one.",  # near duplicate
    "short",  # too short
    "Write something nice about the weather in the spring and in the autumn.",  # names no function
    prompts.SEED_QUESTIONS[0],  # a copy of a few-shot example
    "Write a Python function `double(n)` that returns twice the number n, for any integer n.",  # never solved
    "Write a Python function `shout(word)` that returns the word in upper case with an exclamation mark.",  # no tests
    "Write a Python function `square(v)` that returns the square of the number v, v times v.",  # solved first try
    "Write a Python function `is_empty(items)` that returns True when the list items has no elements.",  # weak tests
]
TESTS = {
    "add_one": "1) == 2\nassert add_one(-1) == 0\nassert add_one(41) == 42\nassert add_one(",  # last line cut
    "double": "2) == 4\nassert double(0) == 0",
    "shout": ' == "HI!"\nprint("no asserts here")',  # the first line does not parse
    "square": "3) == 9\nassert square(-2) == 4",
    "is_empty": "[1]) == False\nassert is_empty([2, 3]) == False",  # `return False` passes: they judge nothing
}
SOLUTIONS = {
    "add_one": [
        "def add_one(x):\n    return x\n```",  # wrong
        "def add_one(x)\n    return x + 1\n```",  # syntax error
        "def plus_one(x):\n    return x + 1\n```",  # not the function asked for
        "def add_one(x):\n    return x + 1\n\nif __name__ == '__main__':\n    print(add_one(int(input())))\n```",
        "def add_one(x):\n    return 1 + x\n```",  # also right, but never looked at
    ],
    "double": ["def double(n):\n    return n * 3\n", "def double(n):\n    return [][n]\n"],  # both fail
    "shout": ["def shout(word):\n    return word.upper() + '!'\n"],
    "square": ["def square(v):\n    return v * v\n```"],
    "is_empty": ["def is_empty(items):\n    return False\n"],
}


class FakeModel:
    """Writes the scripted questions, tests and solutions above, counting what it is asked."""

    def __init__(self):
        self.questions_asked = 0
        self.samples: dict[str, int] = {}
        self.chat_prompts: list[list[dict]] = []

    def complete(self, texts: list[str], params: list[SamplingParams]) -> list[Reply]:
        replies = []
        for text in texts:
            assert text.startswith(prompts.QUESTION_HEADER)
            k = self.questions_asked
            self.questions_asked += 1
            replies.append(Reply(f" {QUESTIONS[k]}" if k < len(QUESTIONS) else " Hello.", True))
        return replies

    def chat(self, conversations: list[list[dict]], starts: list[str], params: list[SamplingParams]) -> list[Reply]:
        replies = []
        for messages, start in zip(conversations, starts):
            self.chat_prompts.append(messages)
            name = re.search(r"`(\w+)`", messages[-1]["content"].split("\n")[-1]).group(1)
            if start.startswith("```python\nassert "):  # asked for tests
                assert start == f"```python\nassert {name}(" and "Write unit tests" in messages[-1]["content"]
                replies.append(Reply(TESTS[name], True))
                continue
            assert start == "```python\n"
            k = self.samples.get(name, 0)
            self.samples[name] = k + 1
            replies.append(Reply(SOLUTIONS[name][k % len(SOLUTIONS[name])], True))
        return replies


@pytest.fixture(scope="module")
def sandbox():
    return Sandbox(LIMITS)


def run_pipeline(tmp_path, sandbox, model=None, **settings):
    config = SelfInstructConfig(
        out=str(tmp_path / "si"), **{"questions": 4, "solutions": 6, "batch_size": 4, **settings}
    )
    model = model or FakeModel()
    return SelfInstruct(config, model, sandbox, log=lambda message: None).run(), model


def test_keeps_the_first_passing_solution_and_counts_every_drop(tmp_path, sandbox):
    report, model = run_pipeline(tmp_path, sandbox, questions=5)
    assert report["questions"] == {
        "target": 5,
        "generated": 10,
        "kept": 5,
        "dropped": {"copies_seed": 1, "duplicate": 2, "no_function_name": 1, "too_short": 1},
    }
    assert report["tests"] == {"questions": 5, "no_tests_parsed": 1, "weak_tests": 1, "with_tests": 3, "asserts": 7}
    # add_one: wrong, syntax error, wrong name, right (sample 3); double: 6 failures; square: right at once
    assert report["solutions"]["outcomes"] == {"error": 1 + 6, "missing_function": 1, "ok": 2, "syntax_error": 1}
    assert report["solutions"]["no_solution_passed"] == 1 and report["kept"] == 2
    assert model.samples == {"add_one": 4, "double": 6, "square": 1}  # nothing drawn after a question's first pass

    out = tmp_path / "si"
    pairs = [json.loads(line) for line in (out / "pairs.jsonl").read_text().splitlines()]
    assert [(p["function"], p["sample"]) for p in pairs] == [("add_one", 3), ("square", 0)]
    assert pairs[0]["solution"] == "def add_one(x):\n    return x + 1"  # the __main__ block cut: it reads stdin
    assert pairs[0]["tests"] == ["assert add_one(1) == 2", "assert add_one(-1) == 0", "assert add_one(41) == 42"]
    conversations = [json.loads(line) for line in (out / "conversations.jsonl").read_text().splitlines()]
    assert conversations[0] == {
        "messages": [
            {"role": "user", "content": ADD_ONE},
            {"role": "assistant", "content": "```python\ndef add_one(x):\n    return x + 1\n```"},
        ]
    }
    assert json.loads((out / "report.json").read_text()) == report
    text = format_report(report)
    assert "2 duplicate" in text and "1 copies_seed" in text and "kept: 2 " in text


def test_a_rerun_resumes_without_asking_again_and_a_larger_target_extends(tmp_path, sandbox):
    first, _ = run_pipeline(tmp_path, sandbox, questions=3)
    again, model = run_pipeline(tmp_path, sandbox, questions=3)
    assert model.questions_asked == 0 and model.samples == {}  # all from the logs
    assert {k: v for k, v in again.items() if k != "seconds"} == {k: v for k, v in first.items() if k != "seconds"}
    more, model = run_pipeline(tmp_path, sandbox, questions=4)
    assert more["questions"]["kept"] == 4 and more["kept"] == 2 and model.samples == {"square": 1}
    with pytest.raises(ValueError, match=r"other settings \(seed\).*another --out"):
        run_pipeline(tmp_path, sandbox, seed=1)


class FailingSandbox(Sandbox):
    """Cannot start the runs of one function's solutions (as when namespaces are refused); runs the rest."""

    def __init__(self, function: str):
        super().__init__(LIMITS)
        self.function = function

    def run(self, argv, files=None, stdin=b"", limits=None) -> RunResult:
        if f"def {self.function}(" in (files or {}).get("program.py", ""):
            return RunResult(None, "setup_failed", "", "codellama-sandbox: cannot mount", 0.0)
        return super().run(argv, files, stdin, limits)


def test_sandbox_failures_are_counted_and_retried_by_a_rerun(tmp_path, sandbox):
    report, model = run_pipeline(tmp_path, FailingSandbox("add_one"))
    assert report["solutions"]["outcomes"] == {"error": 6, "ok": 1, "sandbox_error": 1}
    assert model.samples["add_one"] == 1  # no later sample is drawn while an earlier one waits for the sandbox
    assert report["kept"] == 1
    report, model = run_pipeline(tmp_path, sandbox)
    assert model.samples == {"add_one": 4}  # the failed run is drawn again, the rest comes from the logs
    assert report["kept"] == 2 and report["solutions"]["outcomes"]["ok"] == 2


def test_the_output_is_what_the_instruct_recipe_trains_on(tmp_path, sandbox, smol_tokenizer):
    from codellama.train.data.loader import IGNORE, PackedData

    run_pipeline(tmp_path, sandbox)
    out = tmp_path / "si"
    manifest = tokenise(out, smol_tokenizer)
    assert manifest["num_documents"] == 2 and json.loads((out / "chat" / "manifest.json").read_text()) == manifest
    tokens = np.load(out / "chat" / "tokens" / "shard-00000.npy")
    mask = np.load(out / "chat" / "tokens" / "shard-00000.mask.npy").astype(bool)
    answers = smol_tokenizer.decode(tokens[mask].tolist())
    assert answers.count("```python\ndef ") == 2 and "Write a Python function" not in answers  # loss on answers only
    first = json.loads((out / "conversations.jsonl").read_text().splitlines()[0])["messages"]
    assert (
        conversation_tokens(smol_tokenizer, first)[0]
        == tokens[: len(conversation_tokens(smol_tokenizer, first)[0])].tolist()
    )
    x, y = PackedData([(str(out / "chat"), 1.0)], seq_len=16).batch(0, 2)
    assert (y == IGNORE).any() and (y != IGNORE).any()


def test_nothing_kept_writes_empty_files_and_no_chat(tmp_path, sandbox):
    class Junk(FakeModel):
        def complete(self, texts, params):
            return [Reply(" Hello there, this is not a programming question at all", False) for _ in texts]

    report, _ = run_pipeline(tmp_path, sandbox, model=Junk(), questions=2, max_attempts=6)
    assert report["questions"]["dropped"] == {"truncated": 6} and report["kept"] == 0
    assert "gave up after 6 attempts" in format_report(report)
    assert (tmp_path / "si" / "conversations.jsonl").read_text() == ""
    assert tokenise(tmp_path / "si", None) is None and not (tmp_path / "si" / "chat").exists()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            " Write a function `is_even(n)` that returns True for even n.",
            ("Write a function `is_even(n)` that returns True for even n.", "is_even"),
        ),
        ("7. Implement a function named merge_all(lists) that merges sorted lists into one.", "merge_all"),
        (" Use the `map()` builtin to write a function `squares(xs)` returning their squares.", "squares"),
        (" Write a Python function `f-strings` that formats a number as currency for printing.", "no_function_name"),
        (" Write a Python function `multigrid` that assigns colours to the cells of a grid.", "no_function_name"),
        (" Tell me about the history of the Python programming language, please, in detail.", "not_a_task"),
        ("   ", "empty"),
    ],
)
def test_question_parsing(text, expected):
    parsed = prompts.parse_question(text)
    if isinstance(expected, str) and not isinstance(parsed, str):
        assert parsed[1] == expected
    else:
        assert parsed == expected
    assert prompts.parse_question(" Write a Python function `ok(x)` that returns", finished=False) == "truncated"


REFERENCE_SOLUTIONS = """
def max_of_two(a, b):
    return a if a > b else b
def reverse_string(text):
    return text[::-1]
def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n**0.5) + 1))
def count_vowels(text):
    return sum(c in "aeiou" for c in text)
def sum_list(numbers):
    return sum(numbers)
def factorial(n):
    return 1 if n == 0 else n * factorial(n - 1)
def celsius_to_fahrenheit(c):
    return c * 9 / 5 + 32
def count_words(sentence):
    return len(sentence.split())
def second_largest(numbers):
    return sorted(set(numbers))[-2]
def word_frequencies(text):
    return {w: text.split().count(w) for w in text.split()}
def count_set_bits(n):
    return bin(n).count("1")
def common_elements(a, b):
    return sorted(set(a) & set(b))
"""


def test_the_few_shot_examples_are_right():
    """Every seed question's tests pass with a reference solution, and a wrong solution fails them."""
    for question, tests in prompts.SEEDS:
        name = prompts.function_name(question)
        assert (
            prompts.parse_tests(tests[0].removeprefix(f"assert {name}(") + "\n" + "\n".join(tests[1:]), name, 9)
            == tests
        )
        namespace: dict = {}
        exec(REFERENCE_SOLUTIONS, namespace)
        for test in tests:
            exec(test, namespace)
        namespace[name] = lambda *args: None
        with pytest.raises(AssertionError):
            exec("\n".join(tests), namespace)
    messages = prompts.tests_messages(ADD_ONE, "add_one")
    assert [m["role"] for m in messages] == ["user", "assistant"] * prompts.TEST_SHOTS + ["user"]
    assert messages[-1]["content"].startswith(ADD_ONE) and "`add_one`" in messages[-1]["content"]
    assert all(m["content"].startswith("```python\nassert ") and m["content"].endswith("\n```") for m in messages[1::2])


def test_question_dedup_catches_one_word_changes_and_keeps_different_tasks():
    from codellama.train.data.self_instruct import QuestionIndex

    index = QuestionIndex(0.7)
    palindrome = "Write a Python function `is_palindrome(text)` that checks if a given text is a palindrome."
    assert index.duplicate_of("a", palindrome) is None
    assert index.duplicate_of("b", palindrome.replace("a given", "the given")) == "a"  # Jaccard 0.75
    assert index.duplicate_of("c", palindrome.upper()) == "a"
    assert index.duplicate_of("d", ADD_ONE) is None
    assert index.duplicate_of("e", ADD_ONE.replace("add_one", "add_two").replace("plus one", "plus two")) is None


def test_contradicting_asserts_are_dropped_and_only_calls_of_the_function_kept():
    continuation = (
        "10) == 1\nassert fermat(10) == 2\nassert fermat(3) == 0\nassert fermat(3) == 0\n"
        "assert other(1) == 1\nassert fermat(4) in (0, 1)\nassert fermat(5) == 1\nassert fermat("
    )
    assert prompts.parse_tests(continuation, "fermat", 5) == [
        "assert fermat(3) == 0",
        "assert fermat(4) in (0, 1)",
        "assert fermat(5) == 1",
    ]
    assert prompts.parse_tests(continuation, "fermat", 2) == ["assert fermat(3) == 0", "assert fermat(4) in (0, 1)"]


def test_solutions_keep_definitions_and_drop_example_runs():
    reply = (
        "import math\nLIMIT = 10\n\n@decorate\ndef helper(x):\n    return x\n\n\ndef area(r):\n"
        "    # the area\n    return math.pi * r * r\n\nprint(area(2))\nresult = area(3)\nvalues = [1, 2]\n"
        "if __name__ == '__main__':\n    area(int(input()))\n```\nThis computes the area."
    )
    code, problem = prompts.parse_solution(reply, "area")
    assert problem is None
    assert code == (
        "import math\nLIMIT = 10\n\n\n@decorate\ndef helper(x):\n    return x\n\n\n"
        "def area(r):\n    # the area\n    return math.pi * r * r"
    )
    assert prompts.parse_solution("def area(r):\n    return r *\n```", "area") == ("", "syntax_error")
    assert prompts.parse_solution("def circle_area(r):\n    return r\n", "area") == ("", "missing_function")


def test_generator_model_sends_the_chat_prompt_with_the_reply_started(smol_tokenizer):
    """A model that writes a fixed text after exactly the expected prompt: a misaligned prompt garbles it."""
    from codellama.prompts import chat_prompt_tokens

    messages = prompts.solution_messages(ADD_ONE, "add_one")
    expected = chat_prompt_tokens(smol_tokenizer, messages) + smol_tokenizer.encode(prompts.SOLUTION_PREFIX)
    code = "def add_one(x):\n    return x + 1\n```\nDone."
    script = smol_tokenizer.encode_continuation(code)
    model = GeneratorModel(Generator(ScriptedModel(script, len(expected), smol_tokenizer.eos_id), smol_tokenizer))
    params = [SamplingParams(64, stop=list(prompts.CODE_STOP))] * 2
    replies = model.chat([messages, messages], [prompts.SOLUTION_PREFIX] * 2, params)
    assert [(r.text, r.finished) for r in replies] == [("def add_one(x):\n    return x + 1", True)] * 2
    prompt = prompts.question_prompt(7)
    ids = smol_tokenizer.encode(prompt)
    script = smol_tokenizer.encode_continuation(f" {ADD_ONE}\n7. Write")
    model = GeneratorModel(Generator(ScriptedModel(script, len(ids), smol_tokenizer.eos_id), smol_tokenizer))
    [reply] = model.complete([prompt], [SamplingParams(64, stop=["\n"])])
    assert (reply.text, reply.finished) == (f" {ADD_ONE}", True)
    [reply] = model.complete([prompt], [SamplingParams(4, stop=["\n"])])
    assert not reply.finished and prompts.parse_question(reply.text, reply.finished) == "truncated"


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory, smol_tokenizer_dir):
    directory = tmp_path_factory.mktemp("tiny-hf")
    write_hf(tiny_model(max_seq_len=512), directory)
    for f in smol_tokenizer_dir.iterdir():
        shutil.copy(f, directory / f.name)
    return directory


def test_command_writes_chat_data_that_codellama_train_instruct_trains_on(tmp_path, tiny_dir, monkeypatch, capsys):
    """The whole command line: self-instruct (the scripted writer in place of the tiny model's babble), then two
    steps of the instruct recipe on its output."""
    from codellama.cli import main
    from codellama.train.data import self_instruct

    monkeypatch.setattr(self_instruct, "GeneratorModel", lambda generator: FakeModel())
    out = tmp_path / "si"
    argv = [
        "data",
        "self-instruct",
        "--out",
        str(out),
        "--questions",
        "4",
        "--solutions",
        "6",
        "--model",
        str(tiny_dir),
    ]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "kept: 2 instruction/answer pairs" in printed and f"--data {out}/chat" in printed
    run = tmp_path / "run"
    argv = ["train", "--recipe", "instruct", "--data", str(out / "chat"), "--model", str(tiny_dir), "--out", str(run)]
    argv += ["--steps", "2", "--seq-len", "32", "--batch-tokens", "32", "--set", "activation_checkpointing=false"]
    argv += ["--set", "export=[]", "--set", "warmup_steps=1", "--set", "peak_tflops=0.01"]
    assert main(argv) == 0
    log = [json.loads(line) for line in (run / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in log if "loss" in r] == [1, 2]


@pytest.mark.parametrize(
    "flags, message",
    [
        (["--questions", "0"], "--questions, --solutions, --tests, --batch-size and --workers must each be at least 1"),
        (["--seed", "5"], "holds a self-instruct run with other settings (seed)"),
    ],
)
def test_bad_input_is_explained_before_a_model_is_loaded(tmp_path, monkeypatch, capsys, flags, message):
    from codellama import cli_common
    from codellama.cli import main

    (tmp_path / "si" / "work").mkdir(parents=True)
    (tmp_path / "si" / "work" / "settings.json").write_text(
        json.dumps(SelfInstructConfig(str(tmp_path / "si")).settings())
    )
    monkeypatch.setattr(cli_common, "generator_from_args", lambda args: pytest.fail("loaded a model"))
    assert main(["data", "self-instruct", "--out", str(tmp_path / "si"), *flags]) == 2
    assert message in capsys.readouterr().err
