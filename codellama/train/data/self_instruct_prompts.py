"""What self-instruct asks the model, and how its answers are read (codellama/train/data/self_instruct.py runs it).

Three prompts, each written so that a small model can follow it:
- questions: a numbered list of interview-style questions (a few seed questions, shuffled per prompt), continued
  by one more item. Every question asks for one Python function and names it in backticks, so that the tests
  and the solutions can agree on what to call.
- tests: a few-shot list of `assert` lines for a question, continued after `assert NAME(`.
- solutions: the question in the model's chat format, with the answer started as a ```python block.
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import keyword
import random
import re
import textwrap

# Varied topics (strings, numbers, lists, dicts, sets, recursion, parsing, matrices, bits, dates), one function each.
SEED_QUESTIONS = (
    "Write a Python function `reverse_words(sentence)` that returns the sentence with the order of its words reversed.",
    "Write a Python function `is_prime(n)` that returns True if the integer n is a prime number and False otherwise.",
    "Write a Python function `count_vowels(text)` that returns how many vowels (a, e, i, o, u) the string text "
    "contains.",
    "Write a Python function `second_largest(numbers)` that returns the second largest distinct value in a list of "
    "integers.",
    "Write a Python function `flatten(nested)` that turns a list of lists into a single flat list.",
    "Write a Python function `is_balanced(brackets)` that returns True if every bracket in the string is closed in "
    "the right order.",
    "Write a Python function `word_frequencies(text)` that returns a dictionary mapping each word of the text to the "
    "number of times it occurs.",
    "Write a Python function `transpose(matrix)` that returns the transpose of a matrix given as a list of rows.",
    "Write a Python function `count_set_bits(n)` that returns the number of 1 bits in the binary representation of a "
    "non-negative integer.",
    "Write a Python function `common_elements(a, b)` that returns a sorted list of the values that appear in both "
    "lists.",
    "Write a Python function `fibonacci(n)` that returns the n-th Fibonacci number, with fibonacci(0) == 0.",
    "Write a Python function `parse_time(text)` that turns a string like '1:05:30' into a number of seconds.",
)
QUESTION_HEADER = (
    "Programming interview questions. Each one asks for a single Python function, names it in backticks with its "
    "arguments, and says exactly what it must return.\n\n"
)
SHOTS_PER_PROMPT = 5

TESTS_PROMPT = """Question: Write a Python function `add(a, b)` that returns the sum of two numbers.
Tests:
assert add(1, 2) == 3
assert add(-4, 4) == 0
assert add(0, 0) == 0

Question: Write a Python function `count_vowels(text)` that returns how many vowels the string text contains.
Tests:
assert count_vowels("hello") == 2
assert count_vowels("sky") == 0
assert count_vowels("AEIOU") == 5

Question: Write a Python function `last_item(items)` that returns the last element of a list, or None if it is empty.
Tests:
assert last_item([1, 2, 3]) == 3
assert last_item([]) is None
assert last_item(["a"]) == "a"

Question: {question}
Tests:
assert {name}("""
TESTS_STOP = ["\n\n", "\nQuestion", "\nTests"]

SOLUTION_INSTRUCTION = "Reply with the complete function `{name}` in a single ```python code block."
SOLUTION_PREFIX = "```python\n"  # the start of the assistant's reply, so that it is code from the first token
SOLUTION_STOP = ["\n```"]

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
MAIN_BLOCK = re.compile(r"^if\s+__name__\s*==\s*['\"]__main__['\"]\s*:", re.M)


def prompts_version() -> str:
    """A fingerprint of every prompt: a resumed run must not mix outputs of different prompts."""
    text = "\x00".join((*SEED_QUESTIONS, QUESTION_HEADER, TESTS_PROMPT, SOLUTION_INSTRUCTION, SOLUTION_PREFIX))
    return hashlib.sha256(f"{text}\x00{SHOTS_PER_PROMPT}".encode()).hexdigest()[:16]


def question_prompt(attempt_seed: int) -> str:
    """A numbered list of SHOTS_PER_PROMPT seed questions (a different choice and order per seed), then the next
    number for the model to fill."""
    shots = random.Random(attempt_seed).sample(SEED_QUESTIONS, SHOTS_PER_PROMPT)
    items = "".join(f"{i}. {q}\n" for i, q in enumerate(shots, 1))
    return f"{QUESTION_HEADER}{items}{len(shots) + 1}."


def parse_question(text: str, finished: bool = True) -> tuple[str, str] | str:
    """(question, function name) from one generated list item, or why it is unusable: empty, truncated (the token
    budget ran out mid-question), too_short, too_long, not_a_task (no request to write or compute anything),
    no_function_name (no function named in backticks or as `function NAME(`)."""
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
    """The function a question asks for: `function NAME(` or `function `NAME``, else the first backticked name with
    arguments, else the first backticked name; never a builtin or keyword (`map()` in "use `map()`" is not it)."""
    candidates = [m.group(1) for m in NAMED_FUNCTION.finditer(question)]
    backticked = list(BACKTICKED.finditer(question))
    candidates += [m.group(1) for m in backticked if m.group(2)] + [m.group(1) for m in backticked]
    for name in candidates:
        if name not in NOT_NAMES:
            return name
    return None


def normalise_question(question: str) -> str:
    """The form exact duplicates share: lower case, words only."""
    return " ".join(re.findall(r"[a-z0-9_]+", question.lower()))


def tests_prompt(question: str, name: str) -> str:
    return TESTS_PROMPT.format(question=question, name=name)


def parse_tests(continuation: str, name: str, limit: int) -> list[str]:
    """Up to `limit` distinct `assert` lines that parse and call `name`, from the text after `assert NAME(`."""
    lines = f"assert {name}({continuation}".split("\n")
    tests: list[str] = []
    for line in (line.strip() for line in lines):
        if not line.startswith("assert ") or line in tests:
            continue
        try:
            tree = ast.parse(line)
        except SyntaxError:  # the line the token budget cut, for one
            continue
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == name]
        if calls:
            tests.append(line)
        if len(tests) == limit:
            break
    return tests


def solution_messages(question: str, name: str) -> list[dict]:
    return [{"role": "user", "content": f"{question}\n{SOLUTION_INSTRUCTION.format(name=name)}"}]


def parse_solution(reply: str, name: str) -> tuple[str, str | None]:
    """(code, None) from the rest of a reply that started with SOLUTION_PREFIX, or ("", why not): syntax_error, or
    missing_function (it does not define `name` at the top level). Example runs under `if __name__ ==
    "__main__":` are cut (they would run with the tests)."""
    end = FENCE_END.search(reply)
    code = reply[: end.start()] if end else reply
    main = MAIN_BLOCK.search(code)
    code = textwrap.dedent(code[: main.start()] if main else code).strip()
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return "", "syntax_error"
    if not any(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == name for n in tree.body):
        return "", "missing_function"
    return code, None


def program_with_tests(code: str, tests: list[str]) -> str:
    """What the sandbox runs: the solution, then its tests (any failing assert exits non-zero)."""
    return f"{code}\n\n\n" + "\n".join(tests) + "\n"


def answer(code: str) -> str:
    """The assistant turn of a kept pair: the solution as the code block it was asked for."""
    return f"```python\n{code}\n```"
