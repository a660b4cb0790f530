"""Tests for verified generation (verify.py): where they come from, and the program that runs them.

Where tests come from:
- a file the user gives: Python (top-level `assert`s and calls are tests; `def test_*()` functions and a
  HumanEval-style `check(candidate)` are called; imports, helpers and assignments are setup), or, for another
  language, a MultiPL-E-style harness appended to the candidate (one test: the program exits 0);
- the prompt itself: its docstring examples, in the styles people write them (`>>> f(1)` then `2` on the next
  line; `f(1) == 2`, `f(1) ➞ 2`, `f(1) => 2`, `f(1) -> 2`, `f(1) should return 2`, `f(1) returns 2`,
  `f(1)  # returns 2`; `Input: 1` / `Output: 2`; `For x = 1 the output should be 2`);
- the model: `assert f(...) == ...` lines it writes when asked to test the function (CodeT's prompt).

How they run: one sandboxed Python program per candidate executes the candidate's code, then the setup, then each
test on its own (its own time limit; an error or a timeout fails that test only), and prints one marked JSON line
per test, so a candidate killed half way still has the outcomes of the tests it finished.
"""

from __future__ import annotations

import ast
import json
import re
import secrets
from dataclasses import dataclass, field
from typing import Literal

from codellama.eval.harness import Program
from codellama.sandbox import Limits, RunResult

Origin = Literal["file", "docstring", "generated"]
TEST_SECONDS = 3.0  # each test's time limit (the candidate's own top-level code gets as long)
MAX_TESTS = 64


@dataclass
class TestSuite:
    """Python tests (statements run after the candidate) or, for another language, a harness appended to it."""

    __test__ = False  # not a pytest class
    origin: Origin
    tests: list[str] = field(default_factory=list)  # each one statement or a few (Python)
    setup: list[str] = field(default_factory=list)  # run once before the tests (imports, helpers)
    language: str = "python"
    harness: str | None = None  # other languages: the text appended to the candidate's code
    skipped: int = 0  # examples seen but not turned into tests (their expected value is not a literal)

    def __len__(self) -> int:
        return 1 if self.harness is not None else len(self.tests)

    def to_json(self) -> dict:
        return {"origin": self.origin, "language": self.language, "tests": self.tests or None, "count": len(self)}


# -- tests from a file ---------------------------------------------------------------------------


def read_tests_file(text: str, language: str = "python", entry_point: str | None = None) -> TestSuite:
    """The tests a file holds. Python: top-level asserts and calls are tests, the rest setup; `test_*`
    functions and `check(candidate)` (HumanEval's form, called with `entry_point`) are called when the file
    does not call them itself. Another language: the whole file is appended to the candidate."""
    if language != "python":
        if not text.strip():
            raise ValueError("the tests file is empty: give the harness to append to the candidate's code")
        return TestSuite("file", language=language, harness=text)
    try:
        tree = ast.parse(text)
    except SyntaxError as e:
        raise ValueError(f"the tests are not valid Python: line {e.lineno}: {e.msg}") from None
    setup, tests, called, defined = [], [], set(), []
    for node in tree.body:
        source = ast.get_source_segment(text, node) or ast.unparse(node)
        if isinstance(node, ast.Assert) or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
            tests.append(source)
            called |= {n.func.id for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        else:
            setup.append(source)
            if isinstance(node, ast.FunctionDef):
                defined.append(node)
    for node in defined:
        if node.name in called:
            continue
        if node.name.startswith("test") and not node.args.args:
            tests.append(f"{node.name}()")
        elif node.name == "check" and len(node.args.args) == 1 and entry_point:
            tests.append(f"check({entry_point})")
    if not tests:
        raise ValueError(
            "the tests file has no tests: write top-level `assert` statements, test_* functions, or "
            "check(candidate) (with the function's name known)"
        )
    return TestSuite("file", tests[:MAX_TESTS], setup)


# -- tests from the prompt's examples ------------------------------------------------------------


def defined_functions(code: str) -> list[str]:
    """Names of the functions `code` defines with `def` (in order, without repeats)."""
    return list(dict.fromkeys(re.findall(r"^[ \t]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(", code, re.M)))


def entry_point_of(code: str) -> str | None:
    """The function a prompt asks for: the last one it defines."""
    names = defined_functions(code)
    return names[-1] if names else None


def example_tests(text: str, names: list[str] | None = None) -> TestSuite:
    """Tests from the examples in a prompt or docstring: doctests (`>>> expr` then its value), and calls of
    the functions `names` (default: those the text defines) followed by an arrow or words and a value.
    Examples whose value is not a Python literal are skipped (counted in `skipped`), never guessed."""
    names = defined_functions(text) if names is None else names
    tests, setup, skipped = [], [], 0
    doctest_lines: set[int] = set()
    lines = text.split("\n")
    for source, output, used in _doctests(lines):
        if not output.strip() and _is_expression(source):
            continue  # `>>> f(1) == 2` with no output: read below as a call example, like prose
        doctest_lines |= used
        statement = _doctest_test(source, output)
        if statement is None:
            if output.strip():
                skipped += 1
            else:
                setup.append(source)  # `>>> x = [1, 2]`: later examples need it
            continue
        tests.append(statement)
    prose = "\n".join("" if i in doctest_lines else line for i, line in enumerate(lines))
    for call, expected in _call_examples(prose, names):
        value = _literal(expected)
        if value is _NOT_LITERAL:
            skipped += 1
            continue
        tests.append(_assert_equal(call, value))
    params = _parameters(text, names[-1]) if names else None
    for arguments, expected in _input_output_examples(prose):
        value, call = _literal(expected), _call_from_arguments(names[-1] if names else None, arguments, params)
        if value is _NOT_LITERAL or call is None:
            skipped += 1
            continue
        tests.append(_assert_equal(call, value))
    return TestSuite("docstring", list(dict.fromkeys(tests))[:MAX_TESTS], setup, skipped=skipped)


_DOCSTRING_END = re.compile(r"^(.*?)(?:\"\"\"|''')")


def _doctests(lines: list[str]):
    """(source, expected output, lines used) of each `>>> ` example."""
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped.startswith(">>>"):
            i += 1
            continue
        used = {i}
        source = [stripped[3:].strip()]
        i += 1
        while i < len(lines) and lines[i].strip().startswith("..."):
            source.append(lines[i].strip()[3:].removeprefix(" "))
            used.add(i)
            i += 1
        output = []
        while i < len(lines) and lines[i].strip() and not lines[i].strip().startswith(">>>"):
            end = _DOCSTRING_END.match(lines[i])
            if end:
                if end.group(1).strip():
                    output.append(end.group(1).strip())
                used.add(i)
                i += 1
                break
            output.append(lines[i].strip())
            used.add(i)
            i += 1
        src = "\n".join(source)
        end = _DOCSTRING_END.match(src)
        yield (end.group(1).strip() if end else src), "\n".join(output), used


def _is_expression(source: str) -> bool:
    try:
        return isinstance(ast.parse(source).body[0], ast.Expr)
    except (SyntaxError, IndexError):
        return True  # not Python: nothing to run


def _doctest_test(source: str, output: str) -> str | None:
    if not output.strip() or output.startswith("Traceback"):
        return None
    try:
        expression = ast.unparse(ast.parse(source, mode="eval"))  # without its comments
    except SyntaxError:
        return None
    value = _literal(output, whole=True)
    if value is _NOT_LITERAL:
        return None
    return _assert_equal(expression, value)


_NOT_LITERAL = object()
_WORDS = {"true": "True", "false": "False", "null": "None", "none": "None"}


def _literal(text: str, whole: bool = False):
    """The Python value `text` writes (as an expected value), or _NOT_LITERAL. Tolerates what surrounds values
    in prose: a trailing full stop, a `# comment`, a worked sum before the last `=` (`19 - 5 - 6 = 8`), and
    JSON-ish words (true, false, null); `whole`: the text must be the value and nothing else (doctest output)."""
    text = text.strip()
    attempts = [text, text.rstrip(".,;"), re.split(r"\s#", text)[0].strip().rstrip(".,;")]
    if not whole and re.search(r"(?<![=!<>])=(?!=)", text):
        attempts.append(re.split(r"(?<![=!<>])=(?!=)", text)[-1].strip().rstrip(".,;"))
    attempts += [re.sub(r"\b(true|false|null|none)\b", lambda m: _WORDS[m.group(1).lower()], a) for a in attempts]
    for attempt in attempts:
        value = _safe_literal(attempt)
        if value is not _NOT_LITERAL:
            return value
    if whole:
        return _NOT_LITERAL
    # the longest start that is a value, when prose follows it (`16 (explanation)`, `2, because ...`)
    for end in range(len(text) - 1, 0, -1):
        if text[end] in " ,.;(" and (value := _safe_literal(text[:end])) is not _NOT_LITERAL:
            return value
    return _NOT_LITERAL


def _safe_literal(text: str):
    if not text or len(text) > 10_000:
        return _NOT_LITERAL
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return _NOT_LITERAL


def _assert_equal(call: str, value) -> str:
    if isinstance(value, float):
        return f"assert abs({call} - {value!r}) < 1e-6"
    return f"assert {call} == {value!r}"


# separators between an example call and its value, longest first
_SEPARATORS = re.compile(
    r"\s*(?:==>|==|=>|->|➞|→|⇒|=|:|#\s*(?:returns?|=>|->|==>)?|should\s+return|should\s+be|returns?|is|gives?|"
    r"outputs?)\s*",
    re.I,
)


def _call_examples(text: str, names: list[str]):
    """(call source, expected text) for each `name(literal args)` followed by a separator and a value."""
    if not names:
        return
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, names)) + r")\s*\(")
    for match in pattern.finditer(text):
        if _inside_def(text, match.start()):
            continue
        end = _closing_paren(text, match.end() - 1)
        if end is None:
            continue
        call = text[match.start() : end + 1]
        try:
            node = ast.parse(re.sub(r"\s*\n\s*", " ", call), mode="eval").body
        except SyntaxError:
            continue
        if not _literal_arguments(node):
            continue
        rest = text[end + 1 :].split("\n", 1)[0]
        separator = _SEPARATORS.match(rest)
        if not separator or not separator.group(0).strip():
            continue
        yield ast.unparse(node), rest[separator.end() :]


def _inside_def(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return bool(re.match(r"\s*(?:async\s+)?def\s", text[line_start:position]))


def _closing_paren(text: str, open_at: int) -> int | None:
    depth, quote, i = 0, None, open_at
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _literal_arguments(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        return False
    for arg in [*node.args, *(k.value for k in node.keywords)]:
        try:
            ast.literal_eval(arg)
        except (ValueError, SyntaxError, TypeError):
            return False
    return all(k.arg for k in node.keywords)


_INPUT_OUTPUT = re.compile(r"^\s*Input\s*:\s*(?P<input>.+?)\s*\n\s*Output\s*:\s*(?P<output>.+?)\s*$", re.M | re.I)
_FOR_OUTPUT = re.compile(
    r"\bFor\s+(?P<input>\w+\s*=.+?),?\s+the\s+(?:output|result)\s+should\s+be\s+(?P<output>.+?)\s*$", re.M
)


def _input_output_examples(text: str):
    for pattern in (_INPUT_OUTPUT, _FOR_OUTPUT):
        for match in pattern.finditer(text):
            yield match.group("input"), match.group("output")


def _parameters(text: str, name: str) -> list[str] | None:
    match = re.search(rf"def\s+{re.escape(name)}\s*\((.*?)\)\s*(?:->[^:]*)?:", text, re.S)
    if not match:
        return None
    try:
        args = ast.parse(f"def f({match.group(1)}): pass").body[0].args
    except SyntaxError:
        return None
    return [a.arg for a in args.args]


def _call_from_arguments(name: str | None, arguments: str, params: list[str] | None) -> str | None:
    """`name(...)` from an example's input: `[4, 2, 3]` (one argument), or `arr = [1, 2], k = 3` (keywords,
    when they are the function's parameters; a worked explanation after them is ignored)."""
    if name is None or params is None:
        return None
    if (value := _safe_literal(arguments.strip().rstrip(".,;"))) is not _NOT_LITERAL and len(params) == 1:
        return f"{name}({value!r})"
    keywords = {}
    for part in re.finditer(r"(\w+)\s*=\s*", arguments):
        if part.group(1) not in params:
            continue
        rest = arguments[part.end() :]
        for end in range(len(rest), 0, -1):
            if end == len(rest) or rest[end] in ",;":
                if (value := _safe_literal(rest[:end].strip())) is not _NOT_LITERAL:
                    keywords[part.group(1)] = value
                    break
    if not keywords or set(keywords) != set(params):
        return None
    return f"{name}({', '.join(f'{k}={v!r}' for k, v in keywords.items())})"


# -- tests the model writes ----------------------------------------------------------------------


def prompt_for_tests(code: str, entry_point: str) -> str:
    """CodeT's prompt for tests: the function's signature and docstring with a `pass` body, then the start of
    an assert that calls it."""
    return f"{code.rstrip()}\n    pass\n\n\n# check the correctness of {entry_point}\nassert {entry_point}("


def parse_written_tests(texts: list[str], entry_point: str, per_sample: int = 5) -> TestSuite:
    """Assert statements from the model's continuations of `prompt_for_tests` (each continues `assert name(`):
    the first `per_sample` complete, parseable asserts of each that call the function, without repeats."""
    tests = []
    for text in texts:
        found = 0
        for line in f"assert {entry_point}({text}".split("\n"):
            line = line.strip()
            if not line.startswith("assert ") or f"{entry_point}(" not in line:
                continue
            try:
                node = ast.parse(line).body[0]
            except (SyntaxError, IndexError):
                continue
            if not isinstance(node, ast.Assert):
                continue
            tests.append(ast.unparse(node))
            found += 1
            if found == per_sample:
                break
    return TestSuite("generated", list(dict.fromkeys(tests))[:MAX_TESTS])


# -- running tests on a candidate ----------------------------------------------------------------

# Runs in the sandbox: argv[1] the marker of result lines. The candidate's own output goes nowhere (it could
# mimic our lines, or fill the output limit); `__name__` is not "__main__", so its demo block does not run.
RUNNER = r"""
import json, os, signal, sys
marker = sys.argv[1]
spec = json.load(open("tests.json"))
report = os.fdopen(os.dup(1), "w")
sys.stdout = sys.stderr = open(os.devnull, "w")
sys.stdin = open(os.devnull)
def out(**fields):
    report.write(marker + json.dumps(fields) + "\n")
    report.flush()
def too_long(*_):
    raise TimeoutError("took longer than %s s" % spec["seconds"])
signal.signal(signal.SIGALRM, too_long)
def run(source, name):
    signal.setitimer(signal.ITIMER_REAL, spec["seconds"])
    try:
        exec(compile(source, name, "exec"), scope)
        return "passed"
    except AssertionError as e:
        return "failed" + (": " + str(e)[:200] if str(e) else "")
    except BaseException as e:
        return "error: %s: %s" % (type(e).__name__, str(e)[:200])
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
scope = {"__name__": "candidate", "__builtins__": __builtins__}
sys.setrecursionlimit(10000)
loaded = run(open("candidate.py").read(), "candidate.py")
out(candidate=loaded)
for i, source in enumerate(spec["setup"]):
    run(source, "setup-%d" % i)
for i, source in enumerate(spec["tests"]):
    out(test=i, outcome=run(source, "test-%d" % i) if loaded == "passed" else "not run: " + loaded)
"""


def result_marker() -> str:
    """What our result lines start with: unguessable, so a candidate's own output cannot pass for them."""
    return "@@codellama-verify-" + secrets.token_hex(8) + "@@"


def python_test_program(code: str, suite: TestSuite, limits: Limits, marker: str) -> Program:
    """The sandboxed program that runs `suite` on `code`, printing result lines that start with `marker`."""
    from codellama.sandbox import system_python

    spec = json.dumps({"setup": suite.setup, "tests": suite.tests, "seconds": TEST_SECONDS})
    files = (("candidate.py", code), ("tests.json", spec), ("runner.py", RUNNER))
    return Program((system_python(), "-I", "runner.py", marker), files, limits)


def parse_outcomes(result: RunResult, marker: str, count: int) -> list[str]:
    """Each test's outcome: passed, failed..., error: ..., not run: ... (candidate's code failed), or the
    sandbox's reason (timeout, memory_limit, ...) for tests the run never reached."""
    outcomes: dict[int, str] = {}
    for line in result.stdout.splitlines():
        if not line.startswith(marker):
            continue
        try:
            record = json.loads(line[len(marker) :])
        except ValueError:
            continue
        if "test" in record and isinstance(record["test"], int):
            outcomes[record["test"]] = str(record["outcome"])
    missing = result.reason if result.reason != "ok" else "no result"
    return [outcomes.get(i, missing) for i in range(count)]


def trimmed_outcome(result: RunResult) -> str:
    """One harness run's outcome (other languages): passed, or why not, with the end of its error output."""
    if result.passed:
        return "passed"
    tail = result.stderr.strip().splitlines()[-1:] or [""]
    return f"{result.reason}: {tail[0][:200]}".rstrip(": ")
