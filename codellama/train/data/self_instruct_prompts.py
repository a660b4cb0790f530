"""What self-instruct asks the model, and how its answers are read (codellama/train/data/self_instruct.py runs it).

Three prompts, each written so that a small model can follow it:
- questions: a numbered list of interview-style questions (a few seed questions, shuffled per prompt), continued
  by one more item. Every question asks for one Python function and names it in backticks, so that the tests
  and the solutions can agree on what to call.
- tests: in the model's chat format, a few turns asking for the seed questions' tests and answering with them, then
  the question, the answer started as ```python and `assert NAME(`.
- solutions: the question in the model's chat format, the answer started as a ```python block.
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import json
import keyword
import random
import re
import textwrap

# Short questions on varied topics (numbers, strings, lists, dicts, sets, bits, parsing), one function each, with
# tests that are right (tests/test_self_instruct.py runs them against reference solutions): the examples of both
# prompts. They are easy on purpose: a model writes questions like its examples, and its tests of an easy question
# are more often right.
SEEDS = (
    (
        "Write a Python function `max_of_two(a, b)` that returns the larger of the two numbers a and b.",
        ["assert max_of_two(3, 7) == 7", "assert max_of_two(-1, -5) == -1", "assert max_of_two(2, 2) == 2"],
    ),
    (
        "Write a Python function `reverse_string(text)` that returns the string text written backwards.",
        ['assert reverse_string("abc") == "cba"', 'assert reverse_string("") == ""'],
    ),
    (
        "Write a Python function `is_prime(n)` that returns True if the integer n is a prime number and False "
        "otherwise.",
        ["assert is_prime(7) == True", "assert is_prime(1) == False", "assert is_prime(12) == False"],
    ),
    (
        "Write a Python function `count_vowels(text)` that returns how many vowels (a, e, i, o, u) the string text "
        "contains.",
        ['assert count_vowels("hello") == 2', 'assert count_vowels("sky") == 0', 'assert count_vowels("banana") == 3'],
    ),
    (
        "Write a Python function `sum_list(numbers)` that returns the sum of a list of numbers, 0 for an empty list.",
        ["assert sum_list([1, 2, 3]) == 6", "assert sum_list([]) == 0", "assert sum_list([-4, 4, 5]) == 5"],
    ),
    (
        "Write a Python function `factorial(n)` that returns the factorial of a non-negative integer n.",
        ["assert factorial(0) == 1", "assert factorial(5) == 120", "assert factorial(3) == 6"],
    ),
    (
        "Write a Python function `celsius_to_fahrenheit(c)` that converts a temperature from Celsius to Fahrenheit.",
        ["assert celsius_to_fahrenheit(0) == 32", "assert celsius_to_fahrenheit(100) == 212"],
    ),
    (
        "Write a Python function `count_words(sentence)` that returns the number of words in the sentence.",
        ['assert count_words("the cat sat") == 3', 'assert count_words("hello") == 1', 'assert count_words("") == 0'],
    ),
    (
        "Write a Python function `second_largest(numbers)` that returns the second largest distinct value in a list "
        "of integers.",
        ["assert second_largest([4, 1, 3]) == 3", "assert second_largest([5, 5, 2]) == 2"],
    ),
    (
        "Write a Python function `word_frequencies(text)` that returns a dictionary mapping each word of the text to "
        "the number of times it occurs.",
        ['assert word_frequencies("a b a") == {"a": 2, "b": 1}', 'assert word_frequencies("") == {}'],
    ),
    (
        "Write a Python function `count_set_bits(n)` that returns the number of 1 bits in the binary representation "
        "of a non-negative integer.",
        ["assert count_set_bits(0) == 0", "assert count_set_bits(5) == 2", "assert count_set_bits(255) == 8"],
    ),
    (
        "Write a Python function `common_elements(a, b)` that returns a sorted list of the values that appear in "
        "both lists.",
        ["assert common_elements([3, 1, 2], [2, 3, 4]) == [2, 3]", "assert common_elements([1], [2]) == []"],
    ),
)
SEED_QUESTIONS = tuple(question for question, _ in SEEDS)
QUESTION_HEADER = (
    "Short programming interview questions. Each one asks for a single Python function, names it in backticks with "
    "its arguments, and says exactly what it must return.\n\n"
)
SHOTS_PER_PROMPT = 5
TESTS_INSTRUCTION = (
    "Write unit tests for `{name}`: a few Python assert statements with small inputs and their exact results, in one "
    "```python code block."
)
TEST_SHOTS = 3
CODE_STOP = ["\n```"]

SOLUTION_INSTRUCTION = "Reply with the complete function `{name}` in a single ```python code block."
SOLUTION_PREFIX = "```python\n"  # the start of the assistant's reply, so that it is code from the first token

TASK_WORDS = re.compile(
    r"\b(write|implement|create|define|given|return|returns|compute|calculate|find|build|design|make|convert|check)\b",
    re.I,
)
NUMBERING = re.compile(r"^\s*(?:\d+\s*[.)]|[-*])\s*")
BACKTICKED = re.compile(r"`\s*([A-Za-z_]\w*)\s*(\([^`]*\))?\s*`")
NAMED_FUNCTION = re.compile(r"\bfunction\s+(?:called\s+|named\s+)?`?([A-Za-z_]\w*)`?\s*\(")
NOT_NAMES = set(dir(builtins)) | set(keyword.kwlist) | {"self", "cls", "python", "list", "dict", "str", "int"}
MIN_QUESTION_CHARS, MAX_QUESTION_CHARS = 40, 400
FENCE_END = re.compile(r"^```", re.M)


def prompts_version() -> str:
    """A fingerprint of every prompt: a resumed run must not mix outputs of different prompts."""
    text = json.dumps(
        [SEEDS, QUESTION_HEADER, SHOTS_PER_PROMPT, TESTS_INSTRUCTION, TEST_SHOTS, SOLUTION_INSTRUCTION, SOLUTION_PREFIX]
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def question_prompt(attempt_seed: int) -> str:
    """A numbered list of SHOTS_PER_PROMPT seed questions (a different choice and order per seed), then the next
    number for the model to fill."""
    shots = random.Random(attempt_seed).sample(SEED_QUESTIONS, SHOTS_PER_PROMPT)
    items = "".join(f"{i}. {q}\n" for i, q in enumerate(shots, 1))
    return f"{QUESTION_HEADER}{items}{len(shots) + 1}."


def parse_question(text: str, finished: bool = True) -> tuple[str, str] | str:
    """(question, function name) from one generated list item, or why it is unusable: empty, truncated (the token
    budget ran out mid-question), too_short, too_long, not_a_task (no request to write or compute anything),
    no_function_name (no function named with its arguments, in backticks or as `function NAME(`)."""
    question = NUMBERING.sub("", text.strip().split("\n", 1)[0]).strip()
    if not question:
        return "empty"
    if not finished:
        return "truncated"
    if len(question) < MIN_QUESTION_CHARS:
        return "too_short"
    if len(question) > MAX_QUESTION_CHARS:
        return "too_long"
    if not TASK_WORDS.search(question):
        return "not_a_task"
    name = function_name(question)
    if name is None:
        return "no_function_name"
    return question, name


def function_name(question: str) -> str | None:
    """The function a question asks for, with its arguments: `function NAME(...` first, else the first backticked
    `NAME(...)`; never a builtin or keyword (`map()` in "use `map()`" is not it). A name without an argument list
    says too little for tests and solutions to agree on."""
    candidates = [m.group(1) for m in NAMED_FUNCTION.finditer(question)]
    candidates += [m.group(1) for m in BACKTICKED.finditer(question) if m.group(2)]
    for name in candidates:
        if name not in NOT_NAMES:
            return name
    return None


def normalise_question(question: str) -> str:
    """The form exact duplicates share: lower case, words only."""
    return " ".join(re.findall(r"[a-z0-9_]+", question.lower()))


def tests_messages(question: str, name: str) -> list[dict]:
    """TEST_SHOTS seed questions (chosen by the question) asked for tests and answered, then the question."""
    messages = []
    for seed_question, tests in random.Random(question).sample(SEEDS, TEST_SHOTS):
        ask = f"{seed_question}\n{TESTS_INSTRUCTION.format(name=function_name(seed_question))}"
        messages += [{"role": "user", "content": ask}, {"role": "assistant", "content": answer("\n".join(tests))}]
    return messages + [{"role": "user", "content": f"{question}\n{TESTS_INSTRUCTION.format(name=name)}"}]


def tests_prefix(name: str) -> str:
    """The start of the tests answer: code, and an assert calling the function."""
    return f"```python\nassert {name}("


def parse_tests(continuation: str, name: str, limit: int) -> list[str]:
    """Up to `limit` distinct `assert` lines that parse and call `name`, from the text after `assert NAME(`.
    Asserts that contradict each other (the same call equal to two different values, as a small model repeating
    itself writes) are all dropped: no solution could pass them."""
    tests: list[tuple[str, str | None, str | None]] = []  # (line, the call compared, the value it must equal)
    for line in (line.strip() for line in f"assert {name}({continuation}".split("\n")):
        if not line.startswith("assert ") or any(line == t[0] for t in tests):
            continue
        try:
            test = ast.parse(line).body[0]
        except SyntaxError:  # the line the token budget cut, for one
            continue
        if not any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == name for n in ast.walk(test)):
            continue
        check = test.test
        if isinstance(check, ast.Compare) and len(check.ops) == 1 and isinstance(check.ops[0], ast.Eq):
            tests.append((line, ast.dump(check.left), ast.dump(check.comparators[0])))
        else:
            tests.append((line, None, None))
    expected: dict[str, set[str]] = {}
    for _, call, value in tests:
        if call is not None:
            expected.setdefault(call, set()).add(value)
    return [line for line, call, _ in tests if call is None or len(expected[call]) == 1][:limit]


WEAK_TESTS_PROGRAM = """
tests = {tests!r}
stubs = [lambda *args, value=value, **kwargs: value for value in (None, True, False, 0, 1, -1, "", [], {{}}, ())]
stubs.append(lambda *args, **kwargs: args[0] if args else None)
for stub in stubs:
    try:
        for test in tests:
            exec(test, {{{name!r}: stub}})
    except BaseException:
        continue
    print("weak")
    break
"""


def weak_tests_program(name: str, tests: list[str]) -> str:
    """A program that prints `weak` when a function returning a constant, or its first argument, passes every test:
    such tests cannot tell a solution from a wrong one (`assert is_palindrome("") == False`)."""
    return WEAK_TESTS_PROGRAM.format(tests=tests, name=name)


def solution_messages(question: str, name: str) -> list[dict]:
    return [{"role": "user", "content": f"{question}\n{SOLUTION_INSTRUCTION.format(name=name)}"}]


def parse_solution(reply: str, name: str) -> tuple[str, str | None]:
    """(code, None) from the rest of a reply that started with SOLUTION_PREFIX, or ("", why not): syntax_error, or
    missing_function (it does not define `name` at the top level). Only imports, functions, classes and the
    constants defined before `name` are kept: example calls, prints and data after it (or under `if __name__ ==
    "__main__":`) would run with the tests, and are not part of the answer."""
    end = FENCE_END.search(reply)
    code = textwrap.dedent(reply[: end.start()] if end else reply).strip()
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return "", "syntax_error"
    definitions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    target = [i for i, n in enumerate(tree.body) if isinstance(n, definitions[:2]) and n.name == name]
    if not target:
        return "", "missing_function"
    lines, pieces = code.split("\n"), []
    for i, node in enumerate(tree.body):
        constant = isinstance(node, ast.Assign) and i < target[0] and not _calls(node.value)
        if not (isinstance(node, definitions + (ast.Import, ast.ImportFrom)) or constant):
            continue
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        pieces.append((isinstance(node, definitions), "\n".join(lines[first - 1 : node.end_lineno])))
    kept = pieces[0][1]
    for (before, _), (definition, piece) in zip(pieces, pieces[1:]):
        kept += ("\n\n\n" if before or definition else "\n") + piece  # two blank lines around a definition
    return kept, None


def _calls(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) for n in ast.walk(node))


def program_with_tests(code: str, tests: list[str]) -> str:
    """What the sandbox runs: the solution, then its tests (any failing assert exits non-zero)."""
    return f"{code}\n\n\n" + "\n".join(tests) + "\n"


def answer(code: str) -> str:
    """The assistant turn of a kept pair: the solution as the code block it was asked for."""
    return f"```python\n{code}\n```"
