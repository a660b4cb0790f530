"""Syntax-aware checks on real parsers (tree-sitter) for all eight languages: values are followed within each
function, from its parameters and from input sources (request parameters, argv, stdin, the environment, `read`,
`$_GET`...), through assignments, to sinks (a shell, SQL, HTML output, file paths, eval, deserialisation, memory
copies into fixed buffers). A sanitiser call (escaping, basename, an integer cast...) or a check against an
allow-list before the sink clears the value. Hard-coded credentials: a literal that looks like a secret (not a
sentence, a placeholder, a regular expression or a format) assigned to a secret-named variable, field or constant.

    check_tree(code, language) -> list[Finding] | None   # None: no parser for the language, or the code did not parse

The per-language tables (sources, sanitisers, sinks) are in taint_specs.py.
"""

from __future__ import annotations

import re
from functools import cache

from codellama.safety.insecure_code.rule import Finding
from codellama.safety.insecure_code.taint_languages import SPECS
from codellama.safety.insecure_code.taint_specs import ALLOW_CHECK, SECRET_NAME, Sink, Spec, looks_like_secret

_PARSER_MODULES = {
    "python": ("tree_sitter_python", "language"),
    "javascript": ("tree_sitter_typescript", "language_tsx"),  # TSX parses JavaScript, JSX and TypeScript
    "java": ("tree_sitter_java", "language"),
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
    "csharp": ("tree_sitter_c_sharp", "language"),
    "php": ("tree_sitter_php", "language_php"),
    "bash": ("tree_sitter_bash", "language"),
}
_SUBSCRIPTS = {"subscript_expression", "subscript", "element_access_expression", "array_access"}
_TERNARIES = {"conditional_expression", "ternary_expression"}
MAX_ERROR_SHARE = 0.2  # more of the code than this inside ERROR nodes: leave it to the regular expressions


@cache
def parser_for(language: str):
    """A tree-sitter parser for one of our languages; None when its grammar package is not installed."""
    try:
        import importlib

        import tree_sitter

        module, function = _PARSER_MODULES[language]
        grammar = getattr(importlib.import_module(module), function)()
        return tree_sitter.Parser(tree_sitter.Language(grammar))
    except (ImportError, KeyError, AttributeError, ValueError):
        return None


def _error_share(root) -> float:
    if not root.has_error:
        return 0.0
    bad, stack = 0, [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            bad += node.end_byte - node.start_byte
        elif node.has_error:
            stack.extend(node.children)
    return bad / max(1, root.end_byte - root.start_byte)


class _Scope:
    """What is known inside one function: tainted names (with whether each was built by concatenation), the text
    each name was last assigned, and the fixed-size arrays in view."""

    def __init__(self, tainted: dict[str, bool], arrays: dict[str, int]):
        self.tainted = dict(tainted)
        self.strong: set[str] = set()  # tainted names whose value came from a real input source
        self.values: dict[str, str] = {}
        self.arrays = dict(arrays)
        self.checked: list[str] = []  # conditions seen so far (bounds checks)


class _Checker:
    def __init__(self, code: str, spec: Spec):
        self.src = code.encode("utf-8", "surrogatepass")
        self.spec = spec
        self.lines = code.splitlines()
        self.findings: list[Finding] = []

    # ---- helpers ----
    def text(self, node) -> str:
        return self.src[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def report(self, sink: Sink | tuple, node) -> None:
        rule_id, cwe, severity, message, fix = sink if isinstance(sink, tuple) else sink.finding_fields()
        line = node.start_point[0] + 1
        snippet = self.lines[line - 1].strip()[:200] if line <= len(self.lines) else ""
        self.findings.append(Finding(rule_id, f"CWE-{cwe}", severity, line, message, fix, snippet))

    def name_of(self, node) -> str:
        """A variable's name as the scope keys it (PHP keeps its $, shell expansions lose theirs)."""
        t = self.text(node).strip()
        if self.spec.language == "bash":
            t = t.lstrip("$").strip('{}"')
        return t

    def callee(self, node) -> str:
        if node.type == "command":
            name = node.child_by_field_name("name")
            return self.text(name).strip() if name is not None else ""
        args = node.child_by_field_name("arguments")
        end = args.start_byte if args is not None else node.end_byte
        return re.sub(r"^new\s+", "", self.src[node.start_byte : end].decode("utf-8", "replace").strip())

    def args(self, node) -> list:
        if node.type == "command":
            return node.children_by_field_name("argument")
        args = node.child_by_field_name("arguments")
        if args is None:
            return []
        out = [a for a in args.named_children if a.type not in ("comment",)]
        return [a.named_children[0] if a.type == "argument" and a.named_children else a for a in out]

    def _walk_values(self, node, scope: _Scope, found: list[str]) -> None:
        """Names and sources a value is made of, skipping what a sanitiser wraps."""
        spec = self.spec
        t = node.type
        if t in spec.calls and spec.sanitisers.search(self.callee(node)):
            return
        if t == "cast_expression" and re.match(r"\(\s*(int|float|bool|double)", self.text(node)):
            return
        if t in _SUBSCRIPTS and node.named_children:  # table[key]: the value comes from the table, not the key
            container = node.named_children[0]
            if spec.sources.search(self.text(container)):
                found.append("<source>")
            else:
                self._walk_values(container, scope, found)
            return
        if t in _TERNARIES:
            cond = node.child_by_field_name("condition") or (node.named_children[0] if node.named_children else None)
            if cond is not None and ALLOW_CHECK.search(self.text(cond)):
                return  # in_array($x, $allowed) ? $x : 'home'
        if t in spec.idents:
            name = self.name_of(node)
            if name in scope.tainted:
                found.append(name)
            elif spec.sources.search(self.text(node)):
                found.append("<source>")
            return
        if t in spec.calls or t in spec.news:  # a call is a source by what it calls; else its arguments count
            if spec.sources.search(self.callee(node) + "("):
                found.append("<source>")
                return
        elif t in spec.source_nodes or node.child_count == 0:
            if spec.sources.search(self.text(node)):
                found.append("<source>")
                return
        for child in node.named_children:
            self._walk_values(child, scope, found)

    def tainted_in(self, node, scope: _Scope) -> list[str]:
        found: list[str] = []
        self._walk_values(node, scope, found)
        return found

    def fires(self, sink: Sink, node, scope: _Scope) -> bool:
        """The value reaches the sink tainted, built or from a source as the sink asks."""
        found = self.tainted_in(node, scope)
        if not found:
            return False
        strong = any(n == "<source>" or n in scope.strong for n in found)
        if sink.strong_only:
            return strong
        return not sink.built or strong or self.built(node, scope)

    def built(self, node, scope: _Scope) -> bool:
        """Made by concatenation, interpolation or formatting (or a variable that was)."""
        spec = self.spec
        stack = [node]
        while stack:
            n = stack.pop()
            if n.type in spec.concat and spec.concat_op.search(self._operator(n)):
                return True
            if n.type in spec.interp_strings and any(c.type in spec.interpolations for c in n.named_children):
                return True
            if n.type in spec.calls and spec.formatters.search(self.callee(n)):
                return True
            if n.type in spec.idents and scope.tainted.get(self.name_of(n)):
                return True
            if n.type not in spec.calls or n is node:
                stack.extend(n.named_children)
        return False

    def _operator(self, node) -> str:
        op = node.child_by_field_name("operator")
        if op is not None:
            return self.text(op)
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is not None and right is not None:
            return self.src[left.end_byte : right.start_byte].decode("utf-8", "replace")
        return self.text(node)

    # ---- the walk ----
    def run(self, root) -> list[Finding]:
        arrays = self.fixed_arrays(root) if self.spec.language in ("c", "cpp") else {}
        self.scope_walk(root, _Scope({}, arrays), top=True)
        return self.findings

    def fixed_arrays(self, root) -> dict[str, int]:
        """Every `T name[N]` declared anywhere (struct and class fields included): name -> N."""
        defines = re.findall(r"^\s*#\s*define\s+(\w+)\s+\(?(\d+)\)?\s*$", self.text(root), re.M)
        macros = {name: int(value) for name, value in defines}
        arrays, stack = {}, [root]
        while stack:
            n = stack.pop()
            if n.type == "array_declarator":
                size = n.child_by_field_name("size")
                inner = n.child_by_field_name("declarator")
                value = self.text(size) if size is not None else ""
                value = str(macros.get(value, value))
                if inner is not None and value.isdigit():
                    arrays[self.text(inner).split("::")[-1]] = int(value)
            stack.extend(n.named_children)
        return arrays

    def scope_walk(self, node, scope: _Scope, top: bool = False) -> None:
        spec = self.spec
        for child in node.named_children:
            t = child.type
            if t in spec.functions:
                inner = _Scope(scope.tainted, scope.arrays)
                inner.values = dict(scope.values)
                self.parameters(child, inner)
                self.scope_walk(child, inner)
                continue
            if t in spec.conditions:
                self.condition(child, scope)
            if t in spec.assigns:
                self.assignment(child, scope)
            if t in spec.calls or t in spec.news:
                self.call(child, scope)
            elif t in spec.statement_sinks:
                self.statement_sink(child, scope)
            self.scope_walk(child, scope)

    def parameters(self, fn, scope: _Scope) -> None:
        """Every name declared in the function's parameter list is untrusted (the caller decides its value)."""
        stack, plist = list(fn.children), None
        while stack and plist is None:
            n = stack.pop(0)
            if n.type in self.spec.params:
                plist = n
            elif n.type not in ("block", "compound_statement", "statement_block", "body"):
                stack.extend(n.children)
        if plist is None:
            return
        stack = [plist]
        while stack:
            n = stack.pop()
            if n.type in self.spec.idents:
                scope.tainted[self.name_of(n)] = False
            else:
                stack.extend(n.named_children)

    def condition(self, node, scope: _Scope) -> None:
        cond = node.child_by_field_name("condition") or node.child_by_field_name("value") or node
        text = self.text(cond) if cond is not node else self.text(node)[:300]
        scope.checked.append(text)
        if ALLOW_CHECK.search(text) or node.type in ("case_statement", "switch_statement", "match_statement"):
            for name in list(scope.tainted):
                if re.search(rf"(?<![\w$]){re.escape(name)}(?!\w)", text):
                    del scope.tainted[name]

    def assignment(self, node, scope: _Scope) -> None:
        lhs, rhs = self.spec.sides(node)
        if lhs is None:
            return
        name = self.name_of(lhs)
        if rhs is None:
            return
        rhs_text = self.text(rhs)
        scope.values[name] = rhs_text
        self.secret(lhs, rhs, name)
        for sink in self.spec.property_sinks:
            if sink.callee.search(name) and self.fires(sink, rhs, scope):
                self.report(sink, node)
        found = self.tainted_in(rhs, scope)
        if found:
            scope.tainted[name] = self.built(rhs, scope)
            if any(n == "<source>" or n in scope.strong for n in found):
                scope.strong.add(name)
            else:
                scope.strong.discard(name)
        else:
            scope.tainted.pop(name, None)
            scope.strong.discard(name)

    def secret(self, lhs, rhs, name: str) -> None:
        if (
            self.spec.secret_finding is None
            or rhs.type not in self.spec.strings
            or not SECRET_NAME.search(name.rsplit(".", 1)[-1])
        ):
            return
        if any(c.type in self.spec.interpolations for c in rhs.named_children):
            return
        value = self.text(rhs)
        value = re.sub(r"^[@$]?[rRbBuUfF]{0,2}(\"\"\"|'''|\"|'|`)", "", value)
        value = re.sub(r"(\"\"\"|'''|\"|'|`)$", "", value)
        if looks_like_secret(name, value):
            self.report(self.spec.secret_finding, rhs)

    def call(self, node, scope: _Scope) -> None:
        spec = self.spec
        callee = self.callee(node)
        args = self.args(node)
        for pattern, index in spec.out_params:  # read(fd, buf, n), getline(cin, s), strcpy(dst, src)...
            if pattern.search(callee) and len(args) > index:
                others = [a for i, a in enumerate(args) if i != index]
                if spec.sources.search(callee) or any(self.tainted_in(a, scope) for a in others):
                    target = self.name_of(args[index]).lstrip("&*")
                    scope.tainted[target] = True
                    scope.strong.add(target)
        in_loop_head = node.parent is not None and node.parent.type == "while_statement"
        if node.type == "command" and callee == "read" and not in_loop_head:  # read [-p prompt] NAME: input
            skip = False
            for a in args:
                word = self.text(a)
                if skip:
                    skip = False
                elif word in ("-p", "-d", "-n", "-t", "-u", "-a", "-N"):
                    skip = True
                elif not word.startswith("-"):
                    scope.tainted[word] = False
                    scope.strong.add(word)
        if spec.language in ("c", "cpp") and re.search(r"(^|::|\b)(memcpy|memmove|strncpy|strncat)$", callee):
            self.fixed_copy(node, args, scope)
        elif spec.language in ("c", "cpp") and re.search(r"(^|::|\b)(read|recv)$", callee):
            self.fixed_copy(node, args[1:], scope)  # read(fd, buf, n): the same check on (buf, ?, n)
        for sink in spec.sinks:
            if not sink.callee.search(callee):
                continue
            if sink.requires is not None and not sink.requires.search(self.expanded(node, scope)):
                continue
            if sink.receiver is not None and not self.receiver_is(callee, sink.receiver, scope):
                continue
            chosen = [a for i, a in enumerate(args) if sink.args is None or i in sink.args]
            if sink.literal_ok is False and chosen and chosen[0].type not in spec.strings:
                self.report(sink, node)
                return
            for a in chosen:
                if self.fires(sink, a, scope):
                    self.report(sink, node)
                    return

    def expanded(self, node, scope: _Scope) -> str:
        """The call's text with the values of the names it uses (for `**opts` and `shell=flag`)."""
        text = self.text(node)
        extra = [scope.values[n] for n in re.findall(r"[A-Za-z_$][\w$]*", text) if n in scope.values]
        return text + " " + " ".join(extra)

    def receiver_is(self, callee: str, pattern: re.Pattern, scope: _Scope) -> bool:
        if pattern.search(callee):
            return True
        head = re.split(r"\.|->", callee)[0]
        return bool(pattern.search(scope.values.get(head, "")))

    def fixed_copy(self, node, args: list, scope: _Scope) -> None:
        """memcpy(dst, src, n) into a fixed array when n is neither sizeof(dst), a small constant, nor checked."""
        if len(args) < 2:
            return
        dst = re.split(r"->|\.|::", self.text(args[0]).lstrip("&"))[-1].strip()
        size = self.text(args[-1] if len(args) == 2 else args[2])
        if dst not in scope.arrays or "sizeof" in size or re.search(r"\bmin\b", size):
            return
        if size.isdigit() and int(size) <= scope.arrays[dst]:
            return
        names = re.findall(r"[A-Za-z_]\w*", size)
        bound = re.compile(r"sizeof|[<>]=?\s*\d|\d\s*[<>]")
        if any(re.search(rf"\b{re.escape(n)}\b", c) and bound.search(c) for n in names for c in scope.checked):
            return
        self.report(self.spec.copy_finding, node)

    def statement_sink(self, node, scope: _Scope) -> None:
        sink = self.spec.statement_sinks[node.type]
        if sink.requires is not None and not sink.requires.search(self.text(node)):
            return
        if node.type == "declaration":  # C++ `std::ifstream in(path);` may parse as a function declaration
            inside = self.text(node).split("(", 1)[-1]
            hit = [w for w in re.findall(r"[A-Za-z_]\w*", inside) if w in scope.tainted]
            built_here = re.search(r"\+|\bformat\b|\bappend\b", inside)
            if hit and (built_here or any(w in scope.strong or scope.tainted[w] for w in hit)):
                self.report(sink, node)
            return
        if self.fires(sink, node, scope):
            self.report(sink, node)
            for extra in self.spec.statement_extra.get(node.type, ()):
                self.report(extra, node)


def check_tree(code: str, language: str) -> list[Finding] | None:
    """Findings of the tree checks; None when the language has no parser here or the code does not parse."""
    spec = SPECS.get(language)
    parser = parser_for(language) if spec else None
    if parser is None:
        return None
    tree = parser.parse(code.encode("utf-8", "surrogatepass"))
    if _error_share(tree.root_node) > MAX_ERROR_SHARE:
        return None
    checker = _Checker(code, spec)
    findings = checker.run(tree.root_node)
    if spec.file_check is not None:
        findings += spec.file_check(checker, tree.root_node)
    return findings
