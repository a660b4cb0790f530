"""Python: files written under the shared temporary directory with a name another user can guess (CWE-377),
followed through variables and helpers: `EXPORT_DIR = os.environ.get("EXPORT_TMP", "/tmp")`, a helper returning
`os.path.join(EXPORT_DIR, "export_%s.csv" % customer_id)`, and `open(path, "w")` in a third function.

A name with a random part (uuid, secrets, mkstemp...) or a file opened with "x" (create, fail if it exists) is fine.
"""

from __future__ import annotations

import ast
import re

# A directory value that is the shared temporary directory (also as an environment variable's fallback).
_TMP_DIR = re.compile(r"""gettempdir\(\)|['"]/(var/)?tmp/?['"]|\bTMPDIR\b|['"]TEMP['"]|['"]TMP['"]""")
# What makes a temporary name safe: made by the tempfile module or holding a random part.
_RANDOM_PART = re.compile(
    r"mkstemp|mkdtemp|NamedTemporaryFile|TemporaryDirectory|TemporaryFile|uuid|token_hex|token_urlsafe|secrets\."
    r"|urandom|XXXXXX"
)
_WRITE_METHODS = {"write_text", "write_bytes", "to_csv", "to_excel", "to_parquet", "to_json", "savefig", "save"}


def predictable_tmp_writes(tree: ast.Module, code: str) -> list[int]:
    """Lines that open for writing a path made under the temporary directory with a guessable name."""
    if not _TMP_DIR.search(code):
        return []
    text = ast.unparse  # (get_source_segment splits the whole code on every call)
    tmp_dirs = {
        t.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _TMP_DIR.search(text(node.value)) and not _RANDOM_PART.search(text(node))
        for t in node.targets
        if isinstance(t, ast.Name)
    }

    def tmp_path(node: ast.AST | None, names: set[str], helpers: set[str]) -> bool:
        """A path under the temporary directory, its name not random."""
        return node is not None and _made_under_tmp(node, names, helpers) and not _RANDOM_PART.search(text(node))

    def _made_under_tmp(node: ast.AST, names: set[str], helpers: set[str]) -> bool:
        if isinstance(node, ast.Name):
            return node.id in names
        if isinstance(node, ast.Call):
            func = node.func.id if isinstance(node.func, ast.Name) else _dotted_tail(node.func)
            if func.rsplit(".", 1)[-1] in helpers:
                return True
            if func in ("os.path.join", "path.join", "Path", "pathlib.Path") and len(node.args) >= 2:
                return _under_tmp(node.args[0])
            return False
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):  # Path(TMP) / name, TMP + name
            return _under_tmp(node.left) or _made_under_tmp(node.left, names, helpers)
        if isinstance(node, ast.JoinedStr) and node.values:  # f"{TMP}/export-{id}.csv", f"/tmp/export-{id}.csv"
            first = node.values[0]
            if isinstance(first, ast.FormattedValue):
                return _under_tmp(first.value)
            return isinstance(first.value, str) and bool(re.match(r"/(var/)?tmp/", first.value))
        return False

    def _under_tmp(node: ast.AST) -> bool:
        if isinstance(node, ast.Call) and _dotted_tail(node.func) in ("Path", "pathlib.Path") and node.args:
            node = node.args[0]  # Path(TMP)
        return (isinstance(node, ast.Name) and node.id in tmp_dirs) or bool(_TMP_DIR.search(text(node)))

    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    helpers: set[str] = set()
    for _ in range(2):  # helpers of helpers
        for fn in functions:
            names = _assigned_tmp(fn, tmp_path, set(), helpers)
            if any(isinstance(n, ast.Return) and tmp_path(n.value, names, helpers) for n in ast.walk(fn)):
                helpers.add(fn.name)

    lines = []
    for scope in [tree, *functions]:
        names = _assigned_tmp(scope, tmp_path, set(), helpers)
        body = scope.body if isinstance(scope, ast.Module) else [scope]
        for call in (n for stmt in body for n in ast.walk(stmt) if isinstance(n, ast.Call)):
            if isinstance(scope, ast.Module) and _inside_function(call, functions):
                continue
            target = _written(call)
            if target is not None and tmp_path(target, names, helpers):
                lines.append(call.lineno)
    return sorted(set(lines))


def _assigned_tmp(scope: ast.AST, tmp_path, names: set[str], helpers: set[str]) -> set[str]:
    """Names a function (or the module) assigns a temporary path, in order."""
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and tmp_path(node.value, names, helpers):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _written(call: ast.Call) -> ast.AST | None:
    """The path a call writes: open(path, "w"/"a"), Path(...).write_text(), df.to_csv(path)."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name == "open" and call.args:
        mode = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "mode"), None)
        if isinstance(mode, ast.Constant) and isinstance(mode.value, str) and re.search(r"[wa]", mode.value):
            return call.args[0] if "x" not in mode.value else None
        return None
    if name in _WRITE_METHODS and isinstance(func, ast.Attribute):
        if name in ("write_text", "write_bytes"):
            return func.value
        return call.args[0] if call.args else None
    return None


def _inside_function(node: ast.AST, functions: list) -> bool:
    return any(fn.lineno <= node.lineno <= (fn.end_lineno or fn.lineno) for fn in functions)


def _dotted_tail(node: ast.AST) -> str:
    """`os.path.join` for an attribute chain of names, "" for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    return ".".join([node.id, *reversed(parts)])
