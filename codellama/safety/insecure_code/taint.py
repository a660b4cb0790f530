"""Syntax-aware checks on real parsers (tree-sitter) for all eight languages: values are followed from input sources
(request parameters, route parameters, argv, stdin, the environment, `read`, `$_GET`...) and from each function's
parameters, through assignments, containers and builders, to sinks (a shell, SQL, HTML output, file paths, URLs
fetched by the server, eval, deserialisation, format strings, memory copies and index writes into fixed buffers).

Calls between functions of the same file are followed: each named function is first summarised (which of its
parameters reach which sink, and which flow into its return value), so a helper that runs its parameter in a shell
is a sink for its callers, and a helper that returns `escape(x)` or a checked path is a sanitiser. A sanitiser call
(escaping, basename, an integer cast...) or a check against an allow-list, a full pattern or a canonical root
clears a value, and the values it was parsed from or that were built from it.

    check_tree(code, language) -> list[Finding] | None   # None: no parser for the language, or the code did not parse

The per-language tables (sources, sanitisers, sinks) are in taint_languages.py; C/C++ buffer checks in
taint_buffers.py; functions and framework parameters in taint_functions.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from codellama.safety.insecure_code.rule import Finding
from codellama.safety.insecure_code.taint_buffers import BufferChecks
from codellama.safety.insecure_code.taint_functions import (
    function_name,
    is_handler,
    numeric_parameters,
    parameter_names,
    return_value_nodes,
    strong_parameters,
)
from codellama.safety.insecure_code.taint_languages import SPECS
from codellama.safety.insecure_code.taint_specs import Sink, Spec, is_allow_check, looks_like_secret, secret_name

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
_COMPREHENSIONS = {"list_comprehension", "generator_expression", "set_comprehension", "dictionary_comprehension"}
_MEMBERS = {"attribute", "member_expression", "field_access", "member_access_expression", "field_expression"}
# Receivers that mean "a function of this file": self.helper(x), $this->helper($x), static::helper(), Helper.f(x)
_SELF = re.compile(r"^(this|self|cls|\$this|self::|static::|parent::|super|base|Self)$")
# table.get(key): the value is the table's, not the key's
_LOOKUP = re.compile(r"(^|\.|->)(get|getOrDefault|GetValueOrDefault|TryGetValue|get_or_default|getProperty|fetch)$")
# builder.append(x), list.push(x), $arr[] = x: the container holds the value from then on
_APPEND = re.compile(
    r"(^|\.|->)(append|push|add|extend|insert|put|set|unshift|Append|AppendLine|AppendFormat|Add|AddRange|Insert"
    r"|addAll|write|writelines|update|setdefault|concat|join)$"
)
_PATTERNS = {"object_pattern", "array_pattern", "pattern_list", "tuple_pattern", "list_pattern", "list_literal"}
# Environment variables that carry a CGI request
_CGI = re.compile(r"\b(QUERY_STRING|HTTP_[A-Z_]+|REQUEST_URI|PATH_INFO|CONTENT_TYPE|REMOTE_USER|SCRIPT_NAME)\b")
# A function of this file that escapes HTML (it maps &, <, > to entities): its result is clean.
_ESCAPER = re.compile(r"&(lt|gt|amp|quot|#0?39|#x27);|replace\w*\(\s*/\[[^\]/]*[<>&][^\]/]*\]/g?")
_MAPPERS = re.compile(r"\.(map|flatMap|Select|SelectMany)$")
MAX_ERROR_SHARE = 0.2  # more of the code than this inside ERROR nodes: leave it to the regular expressions
SUMMARY_ROUNDS = 3  # helpers of helpers of helpers


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


@dataclass(frozen=True)
class Var:
    """What a tainted name holds."""

    strong: bool = False  # from a real input source (request, route parameter, argv, stdin, environment)
    remote: bool = False  # fetched from elsewhere (an HTTP response): counts for HTML output only
    params: frozenset = frozenset()  # the parameters of the enclosing function it came from
    built: bool = False  # made by concatenation, interpolation or formatting
    numeric: bool = False  # only numbers (an int parameter): matters for indexes and sizes, not for injection


class Acc:
    """What a value is made of, gathered while walking an expression."""

    __slots__ = ("any", "strong", "remote", "textual", "params", "names")

    def __init__(self):
        self.any = self.strong = self.remote = self.textual = False
        self.params: set[str] = set()
        self.names: set[str] = set()

    def source(self, strong: bool = False, remote: bool = False) -> None:
        self.any = self.textual = True
        self.strong |= strong
        self.remote |= remote

    def add(self, var: Var, name: str | None = None) -> None:
        self.any = True
        self.textual |= not var.numeric
        self.strong |= var.strong
        self.remote |= var.remote
        self.params |= var.params
        if name is not None:
            self.names.add(name)

    def var(self, built: bool) -> Var:
        return Var(self.strong, self.remote, frozenset(self.params), built, numeric=not self.textual)


@dataclass
class Summary:
    """What a named function does with its parameters: which reach which sink (and where), and which flow out."""

    node: object
    params: list[tuple[str, ...]]
    escapes: bool = False  # the function escapes HTML: what it returns is clean
    returns: Var | None = None
    writes: dict = field(default_factory=dict)  # out-parameter -> Var of what the function writes into it
    returns_any: bool = False
    sinks: list = field(default_factory=list)  # (sink, frozenset of parameter names, node, built at the sink)

    def param_names(self) -> set[str]:
        return {n for names in self.params for n in names}


class _Scope:
    """What is known inside one function: tainted names, the text each name was assigned, what each name was
    derived from (for clearing), the conditions seen so far, and the summary being gathered (if any)."""

    def __init__(self, outer: _Scope | None = None, summary: Summary | None = None, fn=None):
        self.vars: dict[str, Var] = dict(outer.vars) if outer else {}
        self.values: dict[str, str] = dict(outer.values) if outer else {}
        self.parents: dict[str, set[str]] = dict(outer.parents) if outer else {}
        self.views: set[str] = set(outer.views) if outer else set()
        self.checked: list[str] = list(outer.checked) if outer else []
        self.loops: dict[str, str] = dict(outer.loops) if outer else {}  # loop variable -> its bound (C/C++)
        self.summary = summary if summary is not None else (outer.summary if outer else None)
        self.fn = fn if fn is not None else (outer.fn if outer else None)
        self.handler = False  # the function is a request handler (its return value is the response)


class _Checker(BufferChecks):
    def __init__(self, code: str, spec: Spec):
        self.src = code.encode("utf-8", "surrogatepass")
        self.spec = spec
        self.lines = code.splitlines()
        self.findings: list[Finding] = []
        self.quiet = False
        self.summaries: dict[str, Summary] = {}
        self.arrays: dict[str, tuple[int | None, str]] = {}
        self.constants: dict[str, int] = {}
        self._params: dict[tuple, list] = {}
        self._strong: dict[tuple, set] = {}

    # ---- helpers ----
    def text(self, node) -> str:
        return self.src[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def report(self, sink: Sink | tuple, node) -> None:
        if self.quiet:
            return
        fields = [sink if isinstance(sink, tuple) else sink.finding_fields()]
        fields += list(sink.also) if isinstance(sink, Sink) else []
        line = node.start_point[0] + 1
        snippet = self.lines[line - 1].strip()[:200] if line <= len(self.lines) else ""
        for rule_id, cwe, severity, message, fix in fields:
            self.findings.append(Finding(rule_id, f"CWE-{cwe}", severity, line, message, fix, snippet))

    def name_of(self, node) -> str:
        """A variable's name as the scope keys it (PHP keeps its $, shell expansions lose theirs)."""
        if self.spec.language == "bash":
            if node.type in ("expansion", "simple_expansion"):  # ${name%%&*}, ${1:?usage}, $@
                for c in node.named_children:
                    if c.type in ("variable_name", "special_variable_name"):
                        return self.text(c)
            return self.text(node).strip().lstrip("$").strip('{}"')
        return self.text(node).strip()

    def callee(self, node) -> str:
        if node.type == "command":
            name = node.child_by_field_name("name")
            return self.text(name).strip() if name is not None else ""
        args = node.child_by_field_name("arguments")
        if args is None and node.type == "object_creation_expression":  # C# `new T { ... }`
            kind = node.child_by_field_name("type")
            return self.text(kind) if kind is not None else ""
        end = args.start_byte if args is not None else node.end_byte
        callee = re.sub(r"^new\s+", "", self.src[node.start_byte : end].decode("utf-8", "replace").strip())
        return re.sub(r"\s*<[\w\s,.<>?\[\]]*>$", "", callee)  # conn.Query<User>( -> conn.Query

    def args(self, node) -> list:
        if node.type == "command":
            return node.children_by_field_name("argument")
        args = node.child_by_field_name("arguments")
        if args is None:
            return []
        out = [a for a in args.named_children if a.type not in ("comment",)]
        return [a.named_children[-1] if a.type == "argument" and a.named_children else a for a in out]

    def receiver(self, node):
        """The object a method is called on (`obj` in obj.f(x), $obj->f(), Cls::f()), or None."""
        if node.type in ("method_invocation", "member_call_expression", "scoped_call_expression"):
            return node.child_by_field_name("object") or node.child_by_field_name("scope")
        fn = node.child_by_field_name("function")
        if fn is None or fn.type not in _MEMBERS:
            return None
        return fn.child_by_field_name("object") or fn.child_by_field_name("expression") or fn.named_children[0]

    def root_name(self, node) -> str | None:
        """`sb` for sb.append(a).append(b), `$arr` for $arr[$k], `params` for params.items."""
        while node is not None:
            if node.type in self.spec.idents:
                return self.name_of(node)
            if node.type in self.spec.calls:
                node = self.receiver(node)
            elif node.type in _SUBSCRIPTS or node.type in _MEMBERS:
                node = node.named_children[0] if node.named_children else None
            else:
                return None
        return None

    def container(self, node) -> str | None:
        """The name a builder call fills: `sb` for sb.append(a).append(b), `psi.ArgumentList` for its Add(x)."""
        while node is not None and node.type in self.spec.calls:
            node = self.receiver(node)
        if node is None or not (node.type in self.spec.idents or node.type in _MEMBERS):
            return None
        return self.name_of(node)

    def local(self, callee: str) -> Summary | None:
        """The summary of a function of this file that `callee` names."""
        parts = re.split(r"(\.|->|::)", callee)
        name = parts[-1].strip().lstrip("$")
        summary = self.summaries.get(name)
        if summary is None:
            return None
        receiver = "".join(parts[:-2]).strip()
        if receiver and not _SELF.match(receiver) and not re.fullmatch(r"[A-Z]\w*", receiver):
            return None
        return summary

    def bind(self, summary: Summary, call) -> dict[str, list]:
        """Parameter name -> the argument nodes a call passes for it."""
        args = self.args(call)
        params = summary.params
        if params and params[0] and params[0][0] in ("self", "cls"):
            params = params[1:]
        bound: dict[str, list] = {}
        positional = [a for a in args if a.type not in ("keyword_argument", "named_argument")]
        for names, arg in zip(params, positional):
            for n in names:
                bound.setdefault(n, []).append(arg)
        for a in args:
            if a.type in ("keyword_argument", "named_argument"):
                key, value = a.child_by_field_name("name"), a.child_by_field_name("value")
                if key is not None and value is not None:
                    bound.setdefault(self.text(key), []).append(value)
        if self.spec.language == "bash":
            bound["@"] = bound["*"] = list(args)
        if params and len(positional) > len(params):  # varargs: the rest goes to the last parameter
            for n in params[-1]:
                bound[n].extend(positional[len(params) :])
        return bound

    # ---- values ----
    def value(self, node, scope: _Scope) -> Acc:
        acc = Acc()
        self._walk(node, scope, acc)
        return acc

    def _walk(self, node, scope: _Scope, acc: Acc) -> None:
        """Names and sources a value is made of, skipping what a sanitiser wraps."""
        spec = self.spec
        t = node.type
        if t in spec.calls:
            callee = self.callee(node)
            if spec.sanitisers.search(callee):
                return
            summary = self.local(callee)
            if summary is not None:
                if not summary.escapes:
                    self._returns(summary, node, scope, acc)
                return
            if spec.sources.search(callee + "("):
                acc.source(strong=True)
                return
            if spec.weak_sources is not None and spec.weak_sources.search(callee + "("):
                acc.source()
                acc.strong |= bool(_CGI.search(self.text(node)))  # getenv("QUERY_STRING"): the request
                return
            if spec.remote_sources is not None and spec.remote_sources.search(callee + "("):
                acc.source(remote=True)
                return
            if _MAPPERS.search(callee) and self._mapped(node, scope, acc):
                return
            if _LOOKUP.search(callee) and node.type != "command" and not spec.formatters.search(callee):
                obj = self.receiver(node)
                if obj is not None:
                    self._walk(obj, scope, acc)
                    return
        elif t in spec.news:
            if spec.sources.search(self.callee(node) + "("):
                acc.source(strong=True)
                return
        if t == "cast_expression" and re.match(r"\(\s*(int|long|float|bool|double|unsigned|size_t)", self.text(node)):
            return
        if t in _SUBSCRIPTS and node.named_children:  # table[key]: the value comes from the table, not the key
            container = node.named_children[0]
            if spec.sources.search(self.text(container)):
                acc.source(strong=True)
            elif spec.weak_sources is not None and spec.weak_sources.search(self.text(container)):
                acc.source()  # $_SERVER['HTTP_HOST'] is the request; $_SERVER['DOCUMENT_ROOT'] is configuration
                acc.strong |= bool(spec.sources.search(self.text(node)) or _CGI.search(self.text(node)))
            else:
                self._walk(container, scope, acc)
            return
        if t in _TERNARIES:
            cond = node.child_by_field_name("condition") or (node.named_children[0] if node.named_children else None)
            if cond is not None and is_allow_check(self.text(cond)):
                return  # in_array($x, $allowed) ? $x : 'home'
            if cond is not None and len(node.named_children) >= 3:  # the value is a branch, not the condition
                for child in node.named_children:
                    if child != cond:
                        self._walk(child, scope, acc)
                return
        if t in _COMPREHENSIONS:
            self._comprehension(node, scope, acc)
            return
        if t in spec.idents or (t in _MEMBERS and self.text(node) in scope.vars):
            name = self.name_of(node)
            if name in scope.vars:
                acc.add(scope.vars[name], name)
            elif spec.sources.search(self.text(node)):
                acc.source(strong=True)
            return
        if t not in spec.calls and (t in spec.source_nodes or node.child_count == 0):
            if spec.sources.search(self.text(node)):
                acc.source(strong=True)
                return
            if spec.weak_sources is not None and spec.weak_sources.search(self.text(node)):
                acc.source()
                acc.strong |= bool(_CGI.search(self.text(node)))
                return
            if spec.remote_sources is not None and spec.remote_sources.search(self.text(node)):
                acc.source(remote=True)
                return
        for child in node.named_children:
            self._walk(child, scope, acc)

    def _returns(self, summary: Summary, call, scope: _Scope, acc: Acc) -> None:
        """A call to a function of this file: its return value, in terms of what the call passes."""
        r = summary.returns
        if r is None:
            return
        if r.strong or r.remote:
            acc.source()
            acc.strong |= r.strong
            acc.remote |= r.remote
        bound = self.bind(summary, call)
        for name in r.params:
            for arg in bound.get(name, ()):
                self._walk(arg, scope, acc)

    def _mapped(self, node, scope: _Scope, acc: Acc) -> bool:
        """items.map(render) / items.map(x => `<li>${x}</li>`): the function's result for each element."""
        args = self.args(node)
        obj = self.receiver(node)
        if not args or obj is None:
            return False
        fn = args[0]
        element = self.value(obj, scope)
        if fn.type in self.spec.idents and self.name_of(fn) in self.summaries:
            summary = self.summaries[self.name_of(fn)]
            r = summary.returns
            if r is not None and (r.params or r.strong):
                if element.any:
                    acc.add(element.var(False))
                if r.strong:
                    acc.source(strong=True)
            return True
        if fn.type in self.spec.functions:
            inner = _Scope(scope, fn=fn)
            params = parameter_names(fn, self.spec, self.name_of)
            if params and element.any:
                for n in params[0]:
                    inner.vars[n] = element.var(False)
            for body in return_value_nodes(fn, self.spec) or self._return_statements(fn):
                self._walk(body, inner, acc)
            return True
        return False

    def _return_statements(self, fn) -> list:
        out, stack = [], list(fn.named_children)
        while stack:
            n = stack.pop()
            if n.type in self.spec.functions:
                continue
            if n.type == "return_statement" and n.named_children:
                out.append(n.named_children[0])
            stack.extend(n.named_children)
        return out

    def _comprehension(self, node, scope: _Scope, acc: Acc) -> None:
        inner = _Scope(scope)
        for clause in node.named_children:
            if clause.type == "for_in_clause":
                left, right = clause.child_by_field_name("left"), clause.child_by_field_name("right")
                if left is not None and right is not None:
                    element = self.value(right, inner)
                    for ident in self._identifiers(left):
                        if element.any:
                            inner.vars[ident] = element.var(False)
        body = node.child_by_field_name("body") or (node.named_children[0] if node.named_children else None)
        if body is not None:
            self._walk(body, inner, acc)

    def _identifiers(self, node) -> list[str]:
        if node.type in self.spec.idents:
            return [self.name_of(node)]
        return [n for c in node.named_children for n in self._identifiers(c)]

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
            if n.type in spec.calls:
                callee = self.callee(n)
                if spec.formatters.search(callee):
                    return True
                summary = self.local(callee)
                if summary is not None and summary.returns is not None and summary.returns.built:
                    return True
            if n.type in spec.idents and scope.vars.get(self.name_of(n), Var()).built:
                return True
            if n.type not in spec.calls or n is node:
                stack.extend(n.named_children)
            elif (obj := self.receiver(n)) is not None:
                stack.append(obj)
        return False

    def _operator(self, node) -> str:
        op = node.child_by_field_name("operator")
        if op is not None:
            return self.text(op)
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is not None and right is not None:
            return self.src[left.end_byte : right.start_byte].decode("utf-8", "replace")
        return self.text(node)

    # ---- sinks ----
    def fires(self, sink: Sink, acc: Acc, built: bool) -> bool:
        if not acc.textual:  # numbers cannot carry a command, a query or a path
            return False
        strong = acc.strong or (acc.remote and sink.remote_ok)
        weak = bool(acc.params) or (acc.any and not acc.strong and not acc.remote)
        if not strong and not weak:
            return False
        if sink.strong_only:
            return strong
        if sink.built:
            return strong or built
        return True

    def hit(self, sink: Sink, value_node, scope: _Scope, at) -> bool:
        """Report `sink` at `at` when the value reaches it as the sink asks; else remember which parameters of the
        function being summarised would make it fire."""
        if value_node.type in self.spec.functions:  # setTimeout(() => ...): a function, not code in a string
            return False
        acc = self.value(value_node, scope)
        if not acc.any:
            return False
        built = self.built(value_node, scope)
        self.remember(sink, acc.params, built, at, scope)  # callers that pass input are reported at their call
        if self.fires(sink, acc, built):
            self.report(sink, at)
            return True
        return False

    def remember(self, sink: Sink, params, built: bool, at, scope: _Scope) -> None:
        summary = scope.summary
        if summary is not None:
            mine = frozenset(params) & summary.param_names()
            if mine:
                summary.sinks.append((sink, mine, at, built))

    def expanded(self, node, scope: _Scope) -> str:
        """The call's text with the values of the names it uses (for `**opts`, `shell=flag`, a query variable)."""
        text = self.text(node)
        names = {n for token in re.findall(r"\$?[A-Za-z_]\w*", text) for n in (token, token.lstrip("$"))}
        extra = [scope.values[n] for n in names if n in scope.values]
        return text + " " + " ".join(extra)

    def receiver_is(self, callee: str, pattern: re.Pattern, scope: _Scope) -> bool:
        if pattern.search(callee):
            return True
        head = re.split(r"\.|->", callee)[0]
        return bool(pattern.search(scope.values.get(head, "")))

    # ---- the walk ----
    def run(self, root) -> list[Finding]:
        if self.spec.language in ("c", "cpp"):
            self.arrays = self.fixed_arrays(root)
        # Only functions the file calls need a summary (a name that occurs more often than it is defined).
        text = self.src.decode("utf-8", "replace")
        defined = self.named_functions(root)
        counts: dict[str, int] = {}
        for name, _ in defined:
            counts[name] = counts.get(name, 0) + 1
        words = Counter(re.findall(r"[A-Za-z_][\w-]*" if self.spec.language == "bash" else r"[A-Za-z_]\w*", text))
        functions = [(n, fn) for n, fn in defined if words[n] > counts[n]]
        self.quiet = True
        previous = None
        for _ in range(SUMMARY_ROUNDS):
            summaries: dict[str, Summary] = {}
            for name, fn in functions:
                summary = Summary(fn, self.params(fn), escapes=bool(_ESCAPER.search(self.text(fn))))
                self.function(fn, _Scope(), summary)
                if name in summaries:  # overloads: one summary for all
                    old = summaries[name]
                    old.sinks += summary.sinks
                    old.returns = old.returns or summary.returns
                    old.writes = {**summary.writes, **old.writes}
                else:
                    summaries[name] = summary
            self.summaries = summaries
            shape = {n: (s.returns, len(s.sinks), tuple(sorted(s.writes))) for n, s in summaries.items()}
            if shape == previous:  # nothing new reached through a helper
                break
            previous = shape
        self.quiet = False
        self.scope_walk(root, _Scope())
        return self.findings

    def params(self, fn) -> list[tuple[str, ...]]:
        key = (fn.start_byte, fn.end_byte)
        if key not in self._params:
            self._params[key] = parameter_names(fn, self.spec, self.name_of)
        return self._params[key]

    def named_functions(self, root) -> list[tuple[str, object]]:
        out, stack = [], [root]
        while stack:
            n = stack.pop()
            if n.type in self.spec.functions:
                name = function_name(n, self.text)
                if name:
                    out.append((name, n))
            stack.extend(reversed(n.named_children))
        return out

    def function(self, fn, outer: _Scope, summary: Summary | None = None) -> None:
        """Walk one function: its parameters are untrusted (strong when a framework fills them from the request)."""
        scope = _Scope(outer, summary=summary, fn=fn)
        key = (fn.start_byte, fn.end_byte)
        if key not in self._strong:
            self._strong[key] = strong_parameters(fn, self.spec, self.text, self.name_of)
        strong = self._strong[key]
        numeric = numeric_parameters(fn, self.spec, self.text, self.name_of)
        for names in self.params(fn):
            for n in names:
                if n in numeric and self.spec.language not in ("c", "cpp"):
                    continue  # an int, a bool, a UUID: no injection (C/C++ keep them for index and size checks)
                scope.vars[n] = Var(strong=n in strong, params=frozenset({n}), numeric=n in numeric)
        if self.spec.language == "bash":
            for n in ("@", "*"):
                scope.vars[n] = Var(params=frozenset({n}))
        scope.handler = is_handler(fn, self.spec, self.text)
        for body in return_value_nodes(fn, self.spec):
            self.returned(body, scope)
        self.scope_walk(fn, scope)

    def returned(self, node, scope: _Scope) -> None:
        if scope.summary is not None and scope.fn is scope.summary.node:
            acc = self.value(node, scope)
            if acc.any:
                var = acc.var(self.built(node, scope))
                old = scope.summary.returns
                if old is not None:
                    var = Var(
                        old.strong or var.strong,
                        old.remote or var.remote,
                        old.params | var.params,
                        old.built or var.built,
                    )
                scope.summary.returns = var
        if scope.handler and self.spec.return_sink is not None:
            sink = self.spec.return_sink
            if sink.requires is None or sink.requires.search(self.expanded(node, scope)):
                self.hit(sink, node, scope, node)

    def scope_walk(self, node, scope: _Scope) -> None:
        spec = self.spec
        for child in node.named_children:
            t = child.type
            if t in spec.functions:
                self.function(child, scope, scope.summary)
                continue
            if t in spec.conditions:
                self.condition(child, scope)
            if t in spec.loops:
                self.loop(child, scope)
            if t == "return_statement" and child.named_children:
                self.returned(child.named_children[0], scope)
            if spec.language == "bash" and t == "command" and self.callee(child) in ("echo", "printf"):
                for arg in self.args(child):
                    self.returned(arg, scope)
            if t in spec.assigns:
                self.assignment(child, scope)
            elif t == "update_expression" and spec.language in ("c", "cpp"):  # hist[b]++
                target = child.child_by_field_name("argument")
                if target is not None and target.type == "subscript_expression":
                    self.index_write(target, child, scope)
            if t in spec.calls or t in spec.news:
                self.call(child, scope)
            elif t in spec.statement_sinks:
                self.statement_sink(child, scope)
            self.scope_walk(child, scope)

    def condition(self, node, scope: _Scope) -> None:
        cond = node.child_by_field_name("condition") or node.child_by_field_name("value") or node
        text = self.text(cond) if cond is not node else self.text(node)[:300]
        scope.checked.append(text)
        if is_allow_check(text) or node.type in ("case_statement", "switch_statement", "match_statement"):
            for name in list(scope.vars):
                if self.mentions(text, name):
                    self.clear(name, scope)

    def mentions(self, text: str, name: str) -> bool:
        if self.spec.language == "bash":
            return bool(re.search(rf"\$\{{?{re.escape(name)}(?!\w)", text))
        return bool(re.search(rf"(?<![\w$]){re.escape(name)}(?!\w)", text))

    def clear(self, name: str, scope: _Scope) -> None:
        """A checked value is clean, and so are the values it was parsed from (`urlparse(url).hostname in ALLOWED`
        checks url) and those built only from it."""
        scope.vars.pop(name, None)
        if name in scope.views:
            for parent in scope.parents.get(name, ()):
                scope.vars.pop(parent, None)
        for child, parents in list(scope.parents.items()):
            if child in scope.vars and parents and not any(p in scope.vars for p in parents):
                scope.vars.pop(child, None)

    def assignment(self, node, scope: _Scope) -> None:
        lhs, rhs = self.spec.sides(node)
        if lhs is None or rhs is None:
            return
        between = self.src[lhs.end_byte : rhs.start_byte].decode("utf-8", "replace")
        augmented = (
            node.type in ("augmented_assignment", "augmented_assignment_expression")
            or bool(re.match(r"\s*(\+|\.|\|\||\?\?)=", between))
            or (node.type == "binary_expression" and "<<" in self.text(node))  # out << value
        )
        container = lhs.type in _SUBSCRIPTS or (
            lhs.type in _MEMBERS and self.root_name(lhs) not in (None, "this", "self", "$this")
        )
        if lhs.type in _PATTERNS:  # const { a, b } = req.query; a, b = pair
            for ident in self._identifiers(lhs):
                self.assign_name(ident, rhs, scope, augmented=False, container=False, node=node)
            return
        name = self.root_name(lhs) if container else self.name_of(lhs)
        if name is None:
            return
        rhs_text = self.text(rhs)
        keeps = augmented or container or re.search(rf"(?<![\w$]){re.escape(name)}(?!\w)", rhs_text)  # x = x.strip()
        scope.values[name] = scope.values.get(name, "") + " " + rhs_text if keeps else rhs_text
        self.secret(lhs, rhs, self.name_of(lhs))
        for sink in self.spec.property_sinks:
            if sink.callee.search(self.name_of(lhs)) and (
                sink.requires is None or sink.requires.search(self.text(node.parent or node))
            ):
                self.hit(sink, rhs, scope, node)
        if self.spec.language in ("c", "cpp") and lhs.type == "subscript_expression":
            self.index_write(lhs, node, scope)
        self.assign_name(name, rhs, scope, augmented, container, node)

    def assign_name(self, name: str, rhs, scope: _Scope, augmented: bool, container: bool, node) -> None:
        acc = self.value(rhs, scope)
        if acc.any:
            var = acc.var(self.built(rhs, scope) or (augmented and node.type != "for_statement"))
            old = scope.vars.get(name)
            if (augmented or container) and old is not None:
                var = Var(old.strong or var.strong, old.remote or var.remote, old.params | var.params, True)
            scope.vars[name] = var
            scope.parents[name] = set(acc.names)
            if rhs.type in self.spec.calls or rhs.type in _MEMBERS or rhs.type in self.spec.news:
                scope.views.add(name)
            else:
                scope.views.discard(name)
        elif not augmented and not container:
            scope.vars.pop(name, None)

    def secret(self, lhs, rhs, name: str) -> None:
        literal = rhs.type in self.spec.strings or (
            rhs.type == "preproc_arg" and re.fullmatch(r'\s*"[^"]*"\s*', self.text(rhs))
        )
        if self.spec.secret_finding is None or not literal or not secret_name(name):
            return
        if any(c.type in self.spec.interpolations for c in rhs.named_children):
            return
        value = self.text(rhs).strip()
        value = re.sub(r"^[@$]?[rRbBuUfFL]{0,2}(\"\"\"|'''|\"|'|`)", "", value)
        value = re.sub(r"(\"\"\"|'''|\"|'|`)$", "", value)
        if looks_like_secret(name, value):
            self.report(self.spec.secret_finding, rhs)

    def call(self, node, scope: _Scope) -> None:
        spec = self.spec
        callee = self.callee(node)
        args = self.args(node)
        if spec.language in ("c", "cpp"):  # before out_params: the destination's size comes from what it held
            self.buffer_call(node, callee, args, scope)
        self.out_params(node, callee, args, scope)
        if node.type == "command" and callee == "read":
            self.shell_read(node, args, scope)
        if _APPEND.search(callee) and node.type != "command":
            target = self.container(self.receiver(node))
            acc = Acc()
            for a in args:
                self._walk(a, scope, acc)
            if target and acc.any and target not in ("this", "self", "$this"):
                old = scope.vars.get(target, Var())
                scope.vars[target] = Var(
                    old.strong or acc.strong, old.remote or acc.remote, old.params | acc.params, True
                )
                scope.parents.setdefault(target, set()).update(acc.names)
        summary = self.local(callee)
        if summary is not None:
            self.call_local(summary, node, scope)
        for sink in spec.sinks:
            if not sink.callee.search(callee):
                continue
            if sink.requires is not None or sink.excludes is not None:
                text = self.expanded(node, scope)
                if sink.requires is not None and not sink.requires.search(text):
                    continue
                if sink.excludes is not None and sink.excludes.search(text):
                    continue
            if sink.receiver is not None and not self.receiver_is(callee, sink.receiver, scope):
                continue
            if sink.on_receiver:
                obj = self.receiver(node)
                chosen = [obj] if obj is not None else []
            else:
                chosen = [a for i, a in enumerate(args) if sink.args is None or i in sink.args]
            if sink.literal_ok is False:
                if chosen and not self.literal_format(chosen[0], scope):
                    self.report(sink, node)
                    return
                continue
            for a in chosen:
                if self.hit(sink, a, scope, node):
                    return

    def literal_format(self, node, scope: _Scope) -> bool:
        """A literal, or a name only ever given a literal (`const char *fmt = "%d\\n"`)."""
        if node.type in self.spec.strings:
            return True
        if node.type in self.spec.idents:
            value = scope.values.get(self.name_of(node), "")
            return bool(re.fullmatch(r'\s*(L|u8|u|U)?"[^"]*"\s*', value))
        return False

    def call_local(self, summary: Summary, node, scope: _Scope) -> None:
        """A call to a function of this file: its parameter sinks fire with what the call passes, and what it writes
        into its out-parameters lands in the caller's arguments."""
        bound = self.bind(summary, node)
        for target, var in summary.writes.items():
            acc = Acc()
            if var.strong:
                acc.source(strong=True)
            for p in var.params - {target}:
                for arg in bound.get(p, ()):
                    self._walk(arg, scope, acc)
            for arg in bound.get(target, ()):
                name = self.name_of(arg).lstrip("&*")
                if acc.any and re.fullmatch(r"[$\w.>-]+", name):
                    scope.vars[name] = acc.var(True)
        for sink, params, at, built_at in summary.sinks:
            for p in params:
                for arg in bound.get(p, ()):
                    acc = self.value(arg, scope)
                    if not acc.any:
                        continue
                    built = built_at or self.built(arg, scope)
                    if self.fires(sink, acc, built):
                        self.report(sink, at)  # where the value reaches the sink, inside the helper
                        self.report(sink, node)  # and the call that passes it (a completion may add only the call)
                    else:
                        self.remember(sink, acc.params, built, at, scope)

    def out_params(self, node, callee: str, args: list, scope: _Scope) -> None:
        """read(fd, buf, n), getline(cin, s), snprintf(cmd, ...), TryGetValue(k, out var v): the output holds input."""
        spec = self.spec
        targets: list[tuple[str, int | None]] = []
        for pattern, index in spec.out_params:
            if pattern.search(callee) and len(args) > index:
                targets.append((self.name_of(args[index]).lstrip("&*"), index))
        if spec.language == "csharp":
            raw = node.child_by_field_name("arguments")
            for i, a in enumerate(raw.named_children if raw is not None else []):
                if self.text(a).startswith("out "):
                    idents = self._identifiers(a)
                    if idents:
                        targets.append((idents[-1], i))
        for target, index in targets:
            scope.values[target] = self.text(node)  # snprintf(q, n, "SELECT ... %s", x): what q now holds
            if spec.sources.search(callee):
                scope.vars[target] = Var(strong=True, built=True)
                self.wrote(target, scope.vars[target], scope)
                continue
            acc = Acc()
            if re.search(r"TryGetValue$", callee):
                obj = self.receiver(node)
                if obj is not None:
                    self._walk(obj, scope, acc)
            elif not spec.sanitisers.search(callee):
                for i, a in enumerate(args):
                    if i != index and not self.text(a).startswith("out "):
                        self._walk(a, scope, acc)
            if acc.any:
                scope.vars[target] = acc.var(True)
                scope.parents[target] = set(acc.names)
                scope.views.add(target)
                self.wrote(target, scope.vars[target], scope)
            else:
                scope.vars.pop(target, None)

    def wrote(self, target: str, var: Var, scope: _Scope) -> None:
        """A helper writes into its own parameter (snprintf(out, n, "... %s", host)): its callers' argument holds it."""
        summary = scope.summary
        if summary is not None and target in summary.param_names() and scope.fn is summary.node:
            old = summary.writes.get(target)
            summary.writes[target] = (
                var
                if old is None
                else Var(old.strong or var.strong, old.remote or var.remote, old.params | var.params, True)
            )

    def shell_read(self, node, args: list, scope: _Scope) -> None:
        """`read [-p prompt] NAME`: input (a `while read` loop reads a file, not the user)."""
        if node.parent is not None and node.parent.type == "while_statement":
            return
        skip = False
        for a in args:
            word = self.text(a)
            if skip:
                skip = False
            elif word in ("-p", "-d", "-n", "-t", "-u", "-a", "-N"):
                skip = True
            elif not word.startswith("-"):
                scope.vars[word] = Var(strong=True)

    def statement_sink(self, node, scope: _Scope) -> None:
        sink = self.spec.statement_sinks[node.type]
        if node.type == "expression_statement":  # PHP `<?= $x ?>`: the expression is echoed
            before = node.prev_sibling
            if before is None or not self.text(before).rstrip().endswith("<?="):
                return
        if sink.requires is not None and not sink.requires.search(self.text(node)):
            return
        if node.type == "declaration":  # C++ `std::ifstream in(path);` may parse as a function declaration
            inside = self.text(node).split("(", 1)[-1]
            hit = [w for w in re.findall(r"[A-Za-z_]\w*", inside) if w in scope.vars]
            built_here = re.search(r"\+|\bformat\b|\bappend\b", inside)
            if hit and (built_here or any(scope.vars[w].strong or scope.vars[w].built for w in hit)):
                self.report(sink, node)
            elif hit:
                params = set().union(*(scope.vars[w].params for w in hit))
                self.remember(sink, params, False, node, scope)
            return
        if self.hit(sink, node, scope, node):
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
