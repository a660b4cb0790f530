"""What a MultiPL-E translation needs from a HumanEval problem: the function's name, docstring and parameter
and return types, and its tests as (arguments, expected) checks.

Types come from the annotations where the prompt has them and are inferred from the test values where it does
not (most HumanEval prompts are unannotated). A type is a tuple: ("int",), ("float",), ("str",), ("bool",),
("list", T), ("tuple", (T, ...)), ("dict", K, V), ("optional", T), and ("unknown",) while not yet known.
A problem we cannot translate raises Untranslatable with the reason.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

UNKNOWN = ("unknown",)
SCALARS = {"int": ("int",), "float": ("float",), "str": ("str",), "bool": ("bool",)}


class Untranslatable(ValueError):
    """A problem the translation cannot express; str(e) is the reason, listed in the report."""


@dataclass(frozen=True)
class Check:
    args: tuple
    expected: object
    tolerance: float | None = None  # None: equality; otherwise |actual - expected| < tolerance


@dataclass(frozen=True)
class Signature:
    task_id: str
    name: str
    params: tuple[tuple[str, tuple], ...]
    returns: tuple
    doc: str
    checks: tuple[Check, ...]


def read_problem(task_id: str, problem: dict) -> Signature:
    module = ast.parse(problem["prompt"])
    functions = [node for node in module.body if isinstance(node, ast.FunctionDef)]
    if len(functions) != 1:
        raise Untranslatable("the prompt defines helper functions in Python, which would need translating too")
    fn = functions[0]
    if fn.args.vararg or fn.args.kwarg or fn.args.kwonlyargs or fn.args.defaults:
        raise Untranslatable("the function has default, variadic or keyword-only parameters")
    checks = read_checks(problem["test"])
    names = [a.arg for a in fn.args.args]
    for check in checks:
        if len(check.args) != len(names):
            raise Untranslatable(f"a test calls the function with {len(check.args)} arguments, it takes {len(names)}")
    params = []
    for i, arg in enumerate(fn.args.args):
        declared = annotation_type(arg.annotation)
        params.append((arg.arg, _settle(declared, [c.args[i] for c in checks], f"parameter {arg.arg}")))
    returns = _settle(annotation_type(fn.returns), [c.expected for c in checks], "the return value")
    return Signature(task_id, fn.name, tuple(params), returns, ast.get_docstring(fn) or "", tuple(checks))


def read_checks(test_source: str) -> list[Check]:
    """The `assert candidate(...) == value` lines of check(); any other line that uses the candidate makes the
    problem untranslatable (dropping it would quietly weaken the tests)."""
    module = ast.parse(test_source)
    check_fn = next((n for n in module.body if isinstance(n, ast.FunctionDef) and n.name == "check"), None)
    if check_fn is None:
        raise Untranslatable("the tests have no check(candidate) function")
    checks = []
    for statement in check_fn.body:
        uses_candidate = any(isinstance(n, ast.Name) and n.id == "candidate" for n in ast.walk(statement))
        if not uses_candidate:
            continue  # e.g. `assert True, "This prints if this assert fails"`
        check = _as_check(statement)
        if check is None:
            raise Untranslatable(f"test line `{ast.unparse(statement)[:80]}` is not an equality check on literals")
        checks.append(check)
    if not checks:
        raise Untranslatable("no test compares the candidate's result with a value")
    return checks


def _as_check(statement: ast.stmt) -> Check | None:
    if not isinstance(statement, ast.Assert):
        return None
    test = statement.test
    try:
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, right, op = test.left, test.comparators[0], test.ops[0]
            if isinstance(op, (ast.Eq, ast.Is)):
                if _is_call(right) and not _is_call(left):
                    left, right = right, left
                if _is_call(left):
                    return Check(_args(left), _literal(right))
            # abs(candidate(...) - expected) < tolerance
            is_abs = isinstance(left, ast.Call) and getattr(left.func, "id", "") == "abs"
            if isinstance(op, (ast.Lt, ast.LtE)) and is_abs:
                inner = left.args[0]
                if isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Sub) and _is_call(inner.left):
                    return Check(_args(inner.left), _literal(inner.right), float(_literal(right)))
        if _is_call(test):
            return Check(_args(test), True)
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and _is_call(test.operand):
            return Check(_args(test.operand), False)
    except (ValueError, TypeError, SyntaxError):  # not literals
        return None
    return None


ARITHMETIC = (
    ast.Expression,
    ast.Constant,
    ast.BinOp,
    ast.UnaryOp,
    ast.List,
    ast.Tuple,
    ast.Dict,
    ast.Set,
    ast.Load,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.FloorDiv,
    ast.Mod,
    ast.Pow,
    ast.USub,
    ast.UAdd,
)


def _literal(node: ast.expr) -> object:
    """A literal, or constant arithmetic on literals (tests write `3 * 19`, `'abc' + 'de'`, `2.0 / 3.0`)."""
    try:
        return ast.literal_eval(node)
    except ValueError:
        expression = ast.Expression(node)
        if not all(isinstance(n, ARITHMETIC) for n in ast.walk(expression)):
            raise
        return eval(compile(expression, "<test>", "eval"), {"__builtins__": {}})  # only literals and operators


def _is_call(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "candidate"


def _args(call: ast.Call) -> tuple:
    if call.keywords:
        raise ValueError("keyword arguments")
    return tuple(_literal(a) for a in call.args)


def annotation_type(node: ast.expr | None) -> tuple:
    """An annotation as a type; what it leaves open (no annotation, bare `list`, Any) is UNKNOWN."""
    if node is None or (isinstance(node, ast.Name) and node.id == "Any"):
        return UNKNOWN
    if isinstance(node, ast.Name):
        if node.id in SCALARS:
            return SCALARS[node.id]
        return {
            "list": ("list", UNKNOWN),
            "List": ("list", UNKNOWN),
            "dict": ("dict", UNKNOWN, UNKNOWN),
            "tuple": UNKNOWN,
        }.get(node.id, UNKNOWN)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        outer = node.value.id.lower()
        inner = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if outer == "list":
            return ("list", annotation_type(inner[0]))
        if outer == "optional":
            return ("optional", annotation_type(inner[0]))
        if outer == "dict":
            return ("dict", annotation_type(inner[0]), annotation_type(inner[1]))
        if outer == "tuple":
            if len(inner) == 2 and isinstance(inner[1], ast.Constant) and inner[1].value is Ellipsis:
                return ("list", annotation_type(inner[0]))
            return ("tuple", tuple(annotation_type(t) for t in inner))
    return UNKNOWN


def value_type(value: object) -> tuple:
    if value is None:
        return ("optional", UNKNOWN)
    if isinstance(value, bool):
        return ("bool",)
    if isinstance(value, int):
        return ("int",)
    if isinstance(value, float):
        return ("float",)
    if isinstance(value, str):
        return ("str",)
    if isinstance(value, list):
        return ("list", _unify_all([value_type(v) for v in value], "a list's elements"))
    if isinstance(value, tuple):
        return ("tuple", tuple(value_type(v) for v in value))
    if isinstance(value, dict):
        return (
            "dict",
            _unify_all([value_type(k) for k in value], "a dict's keys"),
            _unify_all([value_type(v) for v in value.values()], "a dict's values"),
        )
    raise Untranslatable(f"a test uses a {type(value).__name__} value")


def unify(a: tuple, b: tuple, what: str) -> tuple:
    if a == b or b == UNKNOWN:
        return a
    if a == UNKNOWN:
        return b
    kinds = {a[0], b[0]}
    if kinds == {"int", "float"}:
        return ("float",)
    if "optional" in kinds:
        inner_a = a[1] if a[0] == "optional" else a
        inner_b = b[1] if b[0] == "optional" else b
        return ("optional", unify(inner_a, inner_b, what))
    if a[0] == b[0] == "list":
        return ("list", unify(a[1], b[1], what))
    if a[0] == b[0] == "dict":
        return ("dict", unify(a[1], b[1], what), unify(a[2], b[2], what))
    if a[0] == b[0] == "tuple" and len(a[1]) == len(b[1]):
        return ("tuple", tuple(unify(x, y, what) for x, y in zip(a[1], b[1])))
    raise Untranslatable(f"{what} mixes {describe(a)} and {describe(b)}")


def _unify_all(types: list[tuple], what: str) -> tuple:
    result = UNKNOWN
    for t in types:
        result = unify(result, t, what)
    return result


def _settle(declared: tuple, values: list, what: str) -> tuple:
    """The declared type with its open parts filled from the values; an open part nothing fills is an error."""
    inferred = _unify_all([value_type(v) for v in values], what)
    settled = _fill(declared, inferred, what)
    if _has_unknown(settled):
        raise Untranslatable(f"the type of {what} cannot be told from the tests ({describe(settled)})")
    return settled


def _fill(declared: tuple, inferred: tuple, what: str) -> tuple:
    if declared == UNKNOWN:
        return inferred
    if inferred == UNKNOWN or declared[0] in SCALARS:
        return declared
    if declared[0] == "optional":
        return ("optional", _fill(declared[1], inferred[1] if inferred[0] == "optional" else inferred, what))
    if declared[0] != inferred[0]:
        raise Untranslatable(f"{what} is declared {describe(declared)} but the tests give {describe(inferred)}")
    if declared[0] == "list":
        return ("list", _fill(declared[1], inferred[1], what))
    if declared[0] == "dict":
        return ("dict", _fill(declared[1], inferred[1], what), _fill(declared[2], inferred[2], what))
    return ("tuple", tuple(_fill(d, i, what) for d, i in zip(declared[1], inferred[1])))


def _has_unknown(t: tuple) -> bool:
    if t == UNKNOWN:
        return True
    if t[0] == "tuple":
        return any(_has_unknown(part) for part in t[1])
    return any(_has_unknown(part) for part in t[1:])


def describe(t: tuple) -> str:
    if t[0] in ("list", "optional"):
        return f"{t[0]}[{describe(t[1])}]"
    if t[0] == "dict":
        return f"dict[{describe(t[1])}, {describe(t[2])}]"
    if t[0] == "tuple":
        return f"tuple[{', '.join(describe(p) for p in t[1])}]"
    return t[0]
