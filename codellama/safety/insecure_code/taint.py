"""Syntax-aware checks on real parsers (tree-sitter) for all eight languages: values are followed from input sources
(request parameters, route parameters, argv, stdin, the environment, `read`, `$_GET`...) and from each function's
parameters, through assignments, containers, builders and class fields, to sinks (a shell, SQL, HTML output, file
paths, URLs fetched by the server, redirects, LDAP filters, eval, deserialisation, format strings, memory copies and
index writes into fixed buffers).

Calls between functions of the same file are followed: each named function is first summarised (which of its
parameters reach which sink, and which flow into its return value), so a helper that runs its parameter in a shell
is a sink for its callers, and a helper that returns `escape(x)` or a checked path is a sanitiser. A sanitiser call
(escaping, basename, an integer cast...) or a check against an allow-list, a full pattern or a canonical root
clears a value, and the values it was parsed from or that were built from it.

    check_tree(code, language) -> list[Finding] | None   # None: no parser for the language, or the code did not parse

The per-language tables (sources, sanitisers, sinks) are in taint_languages.py and taint_languages_web.py; how
values are read in taint_values.py; C/C++ buffer checks in taint_buffers.py; class fields and credentials in
taint_classes.py; functions and framework parameters in taint_functions.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from codellama.safety.insecure_code.rule import Finding, rx
from codellama.safety.insecure_code.taint_buffers import BufferChecks
from codellama.safety.insecure_code.taint_callers import CallerChecks
from codellama.safety.insecure_code.taint_classes import ClassChecks
from codellama.safety.insecure_code.taint_db_cli import DbCliChecks
from codellama.safety.insecure_code.taint_functions import (
    function_name,
    is_handler,
    numeric_parameters,
    parameter_list,
    parameter_names,
    return_value_nodes,
    strong_parameters,
)
from codellama.safety.insecure_code.taint_languages import SPECS
from codellama.safety.insecure_code.taint_specs import Sink, Spec, is_allow_check
from codellama.safety.insecure_code.taint_values import (
    ESCAPER,
    MEMBERS,
    PATTERNS,
    SUBSCRIPTS,
    Acc,
    Scope,
    Summary,
    Values,
    Var,
    mentions,
    session_key,
)

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
# builder.append(x), list.push(x), $arr[] = x: the container holds the value from then on
_APPEND = re.compile(
    r"(^|\.|->)(append|push|add|extend|insert|put|set|unshift|Append|AppendLine|AppendFormat|Add|AddRange|Insert"
    r"|addAll|write|writelines|update|setdefault|concat|join|push_back|emplace_back|push_front|emplace_front|emplace)$"
)
# A URL whose scheme and host are written out (only a path or query is filled in): the server talks to that host.
_FIXED_HOST = re.compile(r"""^\s*(f|\$|@)?[`'"](https?://[\w.-]+(:\d+)?/)""")
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


class _Checker(Values, BufferChecks, ClassChecks, DbCliChecks, CallerChecks):
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
        self.fields: dict[str, Var] = {}
        self.field_values: dict[str, list] = {}  # C/C++ struct field -> the values the file gives it
        self.globals: dict[str, Var] = {}  # shell: variables a function sets for the whole script
        self.field_writers: set[str] = set()
        self.trusts_all: bool | None = None  # Java: the file defines a trust manager that checks nothing
        self.module_names: set[str] = set()  # names the file defines outside any function
        self.shifts = False  # a shell script that shifts its arguments
        self._validators: dict[str, bool] = {}  # functions whose result is an allow-list check
        self.held: dict[str, Var] = {}  # module-level containers a function fills with input (a Map, a dict)

    # ---- helpers ----
    def report(self, sink: Sink | tuple, node) -> None:
        if self.quiet:
            return
        fields = [sink if isinstance(sink, tuple) else sink.finding_fields()]
        fields += list(sink.also) if isinstance(sink, Sink) else []
        line = node.start_point[0] + 1
        snippet = self.lines[line - 1].strip()[:200] if line <= len(self.lines) else ""
        for rule_id, cwe, severity, message, fix in fields:
            self.findings.append(Finding(rule_id, f"CWE-{cwe}", severity, line, message, fix, snippet))

    # ---- values ----
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

    def hit(self, sink: Sink, value_node, scope: Scope, at) -> bool:
        """Report `sink` at `at` when the value reaches it as the sink asks; else remember which parameters of the
        function being summarised would make it fire."""
        if value_node.type in self.spec.functions:  # setTimeout(() => ...): a function, not code in a string
            return False
        if sink.cwe == 918 and self.fixed_host(value_node, scope):  # f"https://api.example.com/users/{id}"
            return False
        if sink.cwe == 601 and self.fixed_start(value_node, scope):  # f"{login_url}?next={target}"
            return False
        if sink.cwe == 113 and self.newlines_removed(value_node, scope):
            return False
        if sink.cwe == 918 and self.stored_url(value_node, scope):
            self.report(replace(sink, message=_STORED_URL_MESSAGE), at)
            return True
        acc = self.value(value_node, scope)
        if not acc.any:
            return False
        built = self.built(value_node, scope)
        self.remember(sink, acc.params, built, at, scope)  # callers that pass input are reported at their call
        if (
            self.fires(sink, acc, built)
            and not self.callers_decide(sink, acc, scope)
            and not self.named_on_command_line(sink, value_node, built, scope)
        ):
            start = len(self.findings)
            self.report(self.whole_name(sink, built), at)
            self.report_builders(sink, value_node, scope)
            self.decided_by_callers(acc, scope, start)
            return True
        return False

    def newlines_removed(self, value_node, scope: Scope) -> bool:
        """`v.replace(/[\r\n]/g, '')`, `Regex.Replace(v, "[\r\n]", "")`, `str_replace(["\r", "\n"], '', $v)`, or a
        check that refuses a value holding one (`if (v.contains("\n")) return`): the value cannot end the header."""
        if _CRLF_STRIP.search(self.expanded(value_node, scope)):
            return True
        names = set(self._identifiers(value_node))
        return any(_CRLF.search(c) and any(self.mentions(c, n) for n in names) for c in scope.checked)

    def stored_url(self, value_node, scope: Scope) -> bool:
        """`requests.post(integration.callback_url, ...)`, `fetch(hook.webhookUrl)`: a webhook or callback URL that the
        application's users enter and it stores, read back from a record and fetched with no check of its host, is a
        request forgery one step removed (the user typed it in an earlier request). Not the operator's configuration
        (`settings.SLACK_WEBHOOK_URL`, `config.callbackUrl`), and not after a check of the URL or its host."""
        text = self.expanded(value_node, scope)
        fields = [m.group(0) for m in _STORED_URL.finditer(text) if not _CONFIG_HOLDER.match(m.group(1))]
        if not fields:
            return False
        names = [self.name_of(value_node)] if value_node.type in self.spec.idents else []
        for cond in scope.checked:
            if any(self.mentions(cond, n) for n in names) or any(f in cond for f in fields):
                if is_allow_check(cond) or self.validates(cond) or _URL_PARTS.search(cond):
                    return False
        return True

    def whole_name(self, sink: Sink, built: bool) -> Sink:
        """C/C++: a file opened by a name the input gives whole (no folder it was meant to stay in) is external
        control of the file name (CWE-73), not a traversal out of a folder (CWE-22). Code built around the input
        (`eval "export $key=\"$value\""`, `eval('return ' . $expr . ';')`) is code injection (CWE-94); the input
        evaluated whole stays eval injection (CWE-95)."""
        if sink.cwe == 95 and built:
            return replace(sink, rule_id=sink.rule_id.replace("-eval", "-code"), cwe=94, message=_BUILT_CODE)
        if sink.cwe != 22 or built or self.spec.language not in ("c", "cpp", "bash"):
            return sink
        return replace(sink, rule_id=sink.rule_id.replace("-path", "-file-name"), cwe=73, message=_WHOLE_NAME)

    def callers_decide(self, sink: Sink, acc, scope: Scope) -> bool:
        """C/C++ paths count from a plain parameter (C seldom shows where a name comes from), except in a function
        this file calls: there its callers show what they pass, and one passing input is reported through the
        function's summary (`serve(q + 5)` after `strchr(q, '/')` refused a slash is fine)."""
        if sink.cwe != 22 or acc.strong or self.spec.language not in ("c", "cpp") or scope.fn is None:
            return False
        return any(s.node is scope.fn for s in self.summaries.values())

    def named_on_command_line(self, sink: Sink, value_node, built: bool, scope: Scope) -> bool:
        """C/C++ `fopen(argv[i], "r")`: a tool opening the file its user names is no traversal (a name joined under
        a fixed folder, `"%s/%s", root, argv[1]`, still is: the path was meant to stay there)."""
        if sink.cwe != 22 or built or self.spec.language not in ("c", "cpp"):
            return False
        node = value_node
        if node.type in self.spec.idents and scope.rhs.get(self.name_of(node)) is not None:
            node = scope.rhs[self.name_of(node)]
        return bool(rx(r"^\s*(argv\s*\[[^\]]*\]|optarg)\s*$").match(self.text(node)))

    def report_builders(self, sink: Sink, value_node, scope: Scope) -> None:
        """`fs.readFile(attachmentPath(req.params.id, req.params.name))`: the flaw is also where the helper builds
        the value (`return path.join(ATTACHMENTS, id, name)`), which is reported too."""
        stack, seen = [value_node], set()
        while stack:
            n = stack.pop()
            if n.type in self.spec.idents and n.id not in seen:  # sql = buildSearch(q); db.query(sql)
                seen.add(n.id)
                assigned = scope.rhs.get(self.name_of(n))
                if assigned is not None:
                    stack.append(assigned)
            if n.type in self.spec.calls:
                summary = self.local(self.callee(n), scope)
                if summary is not None and summary.returns is not None and summary.returns.built:
                    fn = summary.node
                    for ret in return_value_nodes(fn, self.spec) or self._return_statements(fn):
                        if sink.cwe == 601 and self.fixed_start(ret, Scope()):
                            continue  # return "/tickets/" + id: a local path, wherever the id comes from
                        if self.built(ret, Scope()):
                            self.report(sink, ret)
                        elif ret.type in self.spec.idents:  # return sql: where sql was built from a parameter
                            self.report_assignments(sink, fn, self.name_of(ret), summary.returns.params)
            stack.extend(n.named_children)

    def report_assignments(self, sink: Sink, fn, name: str, params) -> None:
        stack = [fn]
        while stack:
            n = stack.pop()
            if n.type in self.spec.assigns:
                lhs, rhs = self.spec.sides(n)
                if lhs is not None and rhs is not None and self.name_of(lhs) == name:
                    if self.built(rhs, Scope()) and any(self.mentions(self.text(rhs), p) for p in params):
                        self.report(sink, n)
            stack.extend(n.named_children)

    def fixed_host(self, node, scope: Scope) -> bool:
        """A URL whose scheme and host are written out, directly or in the constant it starts with: only a path or a
        query is filled in, so the server talks to that host."""
        text = self.text(node)
        if _FIXED_HOST.match(text):
            return True
        first = rx(r"""\s*(?:(?:f|\$|@)?[`'"]\{?\$?\{?)?([A-Za-z_$][\w$.]*)""").match(text)
        if not first:
            return False
        base = scope.values.get(first.group(1), "").strip()
        if not rx(r"""^[`'"]https?://[\w.-]+(:\d+)?(/[^`'"]*)?[`'"]$""").match(base):
            return False
        rest = text[first.end() :]  # the host ends where the constant does: what follows must start a path
        return base[-2] == "/" or bool(rx(r"""\}?/|\s*\+\s*[`'"]/""").match(rest))

    def fixed_start(self, node, scope: Scope, depth: int = 0) -> bool:
        """A redirect whose target starts with a fixed host or a local path (`"/login?next=" + x`, `url_for(...) +
        "?" + q`, `LOGIN_URL + "?next=" + x`): the input fills in only the rest, so it cannot send the user away."""
        if self.fixed_host(node, scope):
            return True
        assigned = scope.rhs.get(self.name_of(node)) if node.type in self.spec.idents else None
        if assigned is not None and depth < 3:  # redirect_uri = f"{login_uri}?{query}"
            return self.fixed_start(assigned, scope, depth + 1)
        if (node.type in self.spec.calls or node.type in self.spec.news) and depth < 3:
            args = self.args(node)
            if len(args) == 1 and _URI_WRAPPER.search(self.callee(node)):  # URI.create("/tickets/" + id)
                return self.fixed_start(args[0], scope, depth + 1)
        summary = self.local(self.callee(node), scope) if node.type in self.spec.calls and depth < 3 else None
        returned = summary.returns if summary is not None else None
        if returned is not None and returned.params and not returned.strong:
            # landing(next, id) whose returns that carry what the call passes all start with a local path
            fn, passed = summary.node, summary.returns.params
            returns = return_value_nodes(fn, self.spec) or self._return_statements(fn)
            carrying = [r for r in returns if any(self.mentions(self.text(r), p) for p in passed)]
            return bool(carrying) and all(self.fixed_start(r, Scope(), depth + 1) for r in carrying)
        text = self.text(node).strip()
        if _LOCAL_PATH.match(text):
            return True
        first = _FIRST_NAME.match(text)
        if first is None or first.end() >= len(text.rstrip("`'\")")):
            return False
        call = rx(r"\s*\(([^()]*)\)").match(text, first.end())  # url_for("login") + ...: what the call is given
        if call is not None and any(v.strong and self.mentions(call.group(1), n) for n, v in scope.vars.items()):
            return False
        name = first.group(1)  # login_url, settings.LOGIN_URL, self.reverse_url("profile")
        if self.spec.sources.search(name) or self.spec.sources.search(name + "("):
            return False  # req.query.next + "...": the input itself
        var = scope.vars.get(name) or scope.vars.get(name.split(".")[0])
        return var is None or not var.strong

    def remember(self, sink: Sink, params, built: bool, at, scope: Scope) -> None:
        summary = scope.summary
        if summary is not None:
            # (a field the method reads: `job.run()` passes what `job` was made from, see bind)
            mine = frozenset(params) & (summary.param_names() | self.fields.keys() | _ALL_ARGS)
            if mine:
                summary.sinks.append((sink, mine, at, built))

    # ---- the walk ----
    def run(self, root) -> list[Finding]:
        self.root = root
        if self.spec.language in ("c", "cpp"):
            self.field_values = self.struct_fields(root)
            self.arrays = self.fixed_arrays(root)
            self.privileged = bool(_PRIVILEGED.search(self.src.decode("utf-8", "replace")))
        self.linked = bool(_LINK_HANDLER.search(self.src.decode("utf-8", "replace")))
        self.shifts = self.spec.language == "bash" and bool(rx(r"(^|[\s;&|(])shift\b").search(self.lines_text()))
        if self.spec.language == "bash":  # (a URL in a comment, `show_bug.cgi?id=`, says nothing)
            self.service = bool(_SERVICE.search(rx(r"\w+://\S+").sub(" ", self.src.decode("utf-8", "replace"))))
            self.sudo_script = bool(_SUDO_SCRIPT.search(self.src.decode("utf-8", "replace")))
        # Only functions the file calls need a summary (a name that occurs more often than it is defined).
        text = self.src.decode("utf-8", "replace")
        defined = self.named_functions(root)
        counts: dict[str, int] = {}
        for name, _ in defined:
            counts[name] = counts.get(name, 0) + 1
        words = Counter(re.findall(r"[A-Za-z_][\w-]*" if self.spec.language == "bash" else r"[A-Za-z_]\w*", text))
        functions = [(n, fn) for n, fn in defined if words[n] > counts[n]]
        self.start_callers(root, functions)
        self.fields = self.class_fields(root)
        if self.spec.language not in ("bash", "c"):
            self.module_names = self.top_level_names(root)
        self.quiet = True
        if functions and _SESSION_WRITE.search(text):
            self.session_writes(root)
        previous = None
        script = Scope()
        if self.spec.language == "bash" and functions:
            # a shell function reads the script's variables: `pattern="$2"` set above it reaches its printf
            self.summaries = {}
            self.scope_walk(root, script)
        elif functions:
            script.values.update(self.module_strings(root))
        for _ in range(SUMMARY_ROUNDS):
            summaries: dict[str, Summary] = {}
            for name, fn in functions:
                summary = Summary(fn, self.params(fn), escapes=bool(ESCAPER.search(self.text(fn))))
                self.function(fn, Scope(script), summary)
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
        self.struct_secrets()
        self.scope_walk(root, Scope())
        self.drop_decided_clean()
        return self.findings

    def session_writes(self, root) -> None:
        """The session keys the file's handlers fill from the request, known before the helpers are summarised: a
        helper reading one (`landingFor(session)` returns `session.getAttribute("postLoginTarget")`, set by another
        handler from its `@RequestParam`) returns that input. A quiet walk that keeps only the keys."""
        held, shell_globals = dict(self.held), dict(self.globals)
        self.scope_walk(root, Scope())
        self.held, self.globals = held, shell_globals

    def module_strings(self, root) -> dict[str, str]:
        """Names given one plain string outside any function (`API_BASE = "https://api.github.com"`, a `static final`
        field): what a helper's summary knows of them (a URL built on a fixed host fetches only that host)."""
        spec, seen, out = self.spec, {}, {}
        stack = [root]
        while stack:
            n = stack.pop()
            if n.type in spec.functions:
                continue
            if n.type in spec.assigns and n.type not in spec.loops:
                lhs, rhs = spec.sides(n)
                if lhs is not None and rhs is not None and lhs.type in spec.idents:
                    name = self.name_of(lhs)
                    seen[name] = seen.get(name, 0) + 1
                    plain = rhs.type in spec.strings and not any(
                        c.type in spec.interpolations for c in rhs.named_children
                    )
                    if plain:
                        out[name] = self.text(rhs)
            stack.extend(n.named_children)
        return {name: text for name, text in out.items() if seen[name] == 1}

    def lines_text(self) -> str:
        return self.src.decode("utf-8", "replace")

    def top_level_names(self, root) -> set[str]:
        """Names assigned outside any function (`const integrations = new Map()`, `SESSIONS = {}`)."""
        spec, out, stack = self.spec, set(), [root]
        while stack:
            n = stack.pop()
            if n.type in spec.functions:
                continue
            if n.type in _FIELD_DECLARATIONS:  # a controller's field (`static Map<String, String> TARGETS`)
                stack.extend(c for c in n.named_children if c.type not in spec.functions)
                for d in n.named_children:
                    declarators = d.named_children if d.type == "variable_declaration" else [d]  # C#: inside
                    for v in declarators:
                        name = v.child_by_field_name("name") if v.type == "variable_declarator" else None
                        if name is None and v.type == "variable_declarator" and v.named_children:
                            name = v.named_children[0]
                        if name is not None:
                            out.add(self.text(name))
                continue
            if n.type in ("class_definition", "class_body") and spec.language == "python":
                continue  # (a Python class attribute is read through self or the class, not by its name)
            if n.type in spec.assigns and n.type not in spec.loops:
                lhs, _ = spec.sides(n)
                if lhs is not None and lhs.type in spec.idents:
                    out.add(self.name_of(lhs))
            stack.extend(n.named_children)
        return out

    def hold(self, name: str | None, acc: Acc, scope: Scope, value=None) -> None:
        """A module-level container a function fills with input (`integrations.set(id, new Integration(id,
        {callbackUrl}))`, `JOBS[job_id] = request.json`): every function of the file that reads it reads input."""
        if name and name in self.module_names and scope.fn is not None and acc.strong and name not in scope.locals:
            if value is not None and self.fixed_host(value, scope):
                return  # "https://hooks.example.com/" + id: a URL on the server's own host
            self.held[name] = Var(strong=True, built=True)

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

    def function(self, fn, outer: Scope, summary: Summary | None = None) -> None:
        """Walk one function: its parameters are untrusted (strong when a framework fills them from the request)."""
        scope = Scope(outer, summary=summary, fn=fn)
        for name, var in self.fields.items():
            scope.vars.setdefault(name, var)
        for name, var in self.held.items():  # (over a field's own weak value; the parameters below come after)
            if name not in scope.vars or not scope.vars[name].strong:
                scope.vars[name] = var
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
            for n, var in self.globals.items():  # set by another function (`load_settings` fills `settings`)
                scope.vars.setdefault(n, var)
        if self.spec.language == "java":  # a parameter's declared type tells what it is (`PrintWriter out`)
            plist = parameter_list(fn, self.spec)
            for p in plist.named_children if plist is not None else ():
                kind = p.child_by_field_name("type")
                name = p.child_by_field_name("name")
                if kind is not None and name is not None:
                    scope.values.setdefault(self.text(name), self.text(kind))
        scope.handler = is_handler(fn, self.spec, self.text)
        for body in return_value_nodes(fn, self.spec):
            self.returned(body, scope)
        self.scope_walk(fn, scope)

    def returned(self, node, scope: Scope) -> None:
        if scope.summary is not None and scope.fn is scope.summary.node:
            self.returned_items(node, scope)
            self.returned_keys(node, scope)
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
        if scope.handler:
            for sink in ([self.spec.return_sink] if self.spec.return_sink else []) + self.spec.return_sinks:
                if sink.requires is None or sink.requires.search(self.expanded(node, scope)):
                    self.hit(sink, node, scope, node)

    def returned_items(self, node, scope: Scope) -> None:
        """`return where, params`: what each position holds (a caller unpacking it gets each its own)."""
        summary = scope.summary
        if summary.items is False:
            return
        if node.type not in _TUPLES:
            summary.items = False
            return
        items = []
        for child in node.named_children:
            acc = self.value(child, scope)
            items.append(acc.var(self.built(child, scope)) if acc.any else None)
        if summary.items is None:
            summary.items = items
        elif len(summary.items) != len(items):
            summary.items = False
        else:
            summary.items = [
                a
                if b is None
                else b
                if a is None
                else Var(a.strong or b.strong, a.remote or b.remote, a.params | b.params, a.built or b.built)
                for a, b in zip(summary.items, items)
            ]

    def returned_keys(self, node, scope: Scope) -> None:
        """`return {"fmt": payload.get("format"), "width": int(...)}`, `const opts = {...}; return opts;`: what each
        key holds, so a caller reading one key gets that key's value."""
        summary = scope.summary
        if summary.keys is False:
            return
        literal = node
        if node.type in self.spec.idents:
            name = self.name_of(node)
            literal = scope.rhs.get(name)
            mutated = rx(rf"\b{re.escape(name)}\s*(\.\s*\w+|\[[^\]]*\])\s*[-+]?=(?!=)")
            if literal is None or mutated.search(self.text(scope.fn)):
                summary.keys = False
                return
        if literal.type not in _OBJECT_LITERALS:
            summary.keys = False
            return
        keys = {}
        for pair in literal.named_children:
            if pair.type in ("pair", "keyed_element") and pair.named_children:
                key, value = pair.named_children[0], pair.named_children[-1]
            elif pair.type == "array_element_initializer" and len(pair.named_children) == 2:  # PHP 'k' => v
                key, value = pair.named_children
            elif pair.type == "shorthand_property_identifier":
                key = value = pair
            elif pair.type == "comment":
                continue
            else:  # a spread, a computed key: give up on keys
                summary.keys = False
                return
            acc = self.value(value, scope)
            keys[self.text(key).strip("'\"`")] = acc.var(self.built(value, scope)) if acc.any else None
        old = summary.keys or {}
        for k, var in old.items():
            if k not in keys:
                keys[k] = var
            elif var is not None and keys[k] is not None:
                new = keys[k]
                keys[k] = Var(var.strong or new.strong, var.remote or new.remote, var.params | new.params, True)
            else:
                keys[k] = var or keys[k]
        summary.keys = keys

    def unpacked(self, lhs, rhs, scope: Scope, node) -> bool:
        """`where, params = self._where(criteria)`: each name gets its own position of what the helper returns."""
        if rhs.type not in self.spec.calls or lhs.type not in _TUPLE_PATTERNS:
            return False
        summary = self.local(self.callee(rhs), scope)
        targets = [c for c in lhs.named_children if c.type in self.spec.idents]
        if summary is None or not summary.items or len(targets) != len(lhs.named_children):
            return False
        if len(targets) != len(summary.items):
            return False
        for index, target in enumerate(targets):
            name = self.name_of(target)
            acc = self.item_value(summary, index, rhs, scope)
            scope.values[name] = self.text(rhs)
            if acc.any:
                scope.vars[name] = acc.var(bool(summary.items[index] and summary.items[index].built))
                scope.parents[name] = set(acc.names)
            else:
                scope.vars.pop(name, None)
        return True

    def scope_walk(self, node, scope: Scope) -> None:
        spec = self.spec
        for child in node.named_children:
            t = child.type
            if t in spec.functions:
                self.function(child, scope, scope.summary)
                continue
            if t in spec.conditions:
                self.condition(child, scope)
            elif t == "try_statement":
                self.checked_by_raising(child, scope)
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

    def condition(self, node, scope: Scope) -> None:
        cond = node.child_by_field_name("condition") or node.child_by_field_name("value") or node
        text = self.text(cond) if cond is not node else self.text(node)[:300]
        scope.checked.append(text)
        text = self.substring_literals(text, scope)
        if cond is node and node.type == "case_statement" and self.spec.language != "bash":
            return  # `default:` checks nothing (its body is not a condition: `fprintf(stderr, "usage: -i iface")`)
        if (
            is_allow_check(text)
            or node.type in ("case_statement", "switch_statement", "match_statement")
            or self.validates(text)
        ):
            rewrites = self.rewritten(node, cond)
            for name in list(scope.vars):
                if self.mentions(text, name) and name not in rewrites:
                    fields = self.checked_fields(text, name, scope)
                    if fields:  # (opts["fmt"] checked is opts['fmt'] read)
                        scope.cleared.update(fields + [f.translate(_SWAP_QUOTES) for f in fields])
                    else:
                        self.clear(name, scope)
            if cond is not node and is_allow_check(_TRAVERSAL_CHECK.sub(" ", text)):  # (not only `..` refused)
                self.clear_read_in_place(cond, scope)
            # [[ "$1" =~ ^[a-f0-9]{32}$ ]] || exit: the script's argument is checked (not a `case` over options, and not
            # in a script that shifts its arguments: `$1` is another one after `shift`)
            if self.spec.language == "bash" and node.type != "case_statement" and not self.shifts:
                for m in _POSITIONAL.finditer(text):
                    if m.group(1) not in scope.vars:
                        scope.cleared.update({f"${m.group(1)}", f"${{{m.group(1)}}}"})
        if cond is not node and _MISSING.search(text):
            self.clear_looked_up(text, scope)

    def substring_literals(self, text: str, scope: Scope) -> str:
        """`wanted.includes(APP_DOMAIN)` with `const APP_DOMAIN = "messages.example.sch.uk"`: a substring test against
        a name given a string is the same test as against the string (`evil.example/?messages.example.sch.uk` holds
        it), so the string is written in for the allow-list test to read."""

        def literal(m: re.Match) -> str:
            value = scope.values.get(m.group(2), "").strip()
            if not _STRING_VALUE.fullmatch(value):
                return m.group(0)
            return m.group(1) + value + m.group(3)

        return _SUBSTRING_OF_NAME.sub(literal, text)

    def checked_by_raising(self, node, scope: Scope) -> None:
        """`try: candidate.relative_to(base) except ValueError: abort(404)`, `try { UUID.fromString(id); } catch (...)
        { return badRequest(); }`: a call that raises unless the value lies under the root (or has a fixed shape),
        every handler leaving, checks the names the call reads, as `if not ...: abort()` would."""
        body = node.child_by_field_name("body")
        handlers = [c for c in node.named_children if c.type in _HANDLERS]
        if body is None or not handlers or not all(_LEAVES.search(self.text(h)) for h in handlers):
            return
        for statement in body.named_children:
            call = statement.named_children[-1] if statement.named_children else None
            if call is not None and call.type in self.spec.assigns:  # rel = candidate.relative_to(base)
                call = call.child_by_field_name("right") or call.child_by_field_name("value") or call
            if call is None or call.type not in self.spec.calls or not _RAISING_CHECK.search(self.callee(call)):
                continue
            text = self.text(call)
            for name in list(scope.vars):
                if self.mentions(text, name):
                    self.clear(name, scope)

    def rewritten(self, node, cond) -> set[str]:
        """`if (src.startsWith("//")) { src = "https:" + src; }`: a branch that rewrites the value it tested and goes
        on (no return, throw, exit) normalises the value, it does not check it: the names it assigns stay as they were.
        """
        body = node.child_by_field_name("consequence") or node.child_by_field_name("body")
        if cond is node or node.type != "if_statement" or body is None:
            return set()
        text = self.text(body)
        if _LEAVES.search(text):
            return set()
        # (`if (!ALLOWED.includes(sort)) sort = "id";` replaces the value: the check holds; a rewrite reads it)
        names = set()
        for m in _ASSIGNED.finditer(text):
            name, php = m.group(1), "$" + m.group(1)  # (PHP's names keep their `$`)
            if m.group(2) or self.mentions(m.group(3), name) or self.mentions(m.group(3), php):
                names |= {name, php}
        return names

    def validates(self, text: str) -> bool:
        """`if (!valid_printer(name)) return 1;`: a function of this file whose result is an allow-list check
        (`return strspn(name, ALNUM) == strlen(name);`, `return ALLOWED.includes(x)`) checks what it is given."""
        for called in _CALLED.findall(text):
            summary = self.summaries.get(called)
            if summary is None:
                continue
            if called not in self._validators:
                returns = self._return_statements(summary.node) or return_value_nodes(summary.node, self.spec)
                # each return checks a parameter itself (not a part of it: a URL's path or scheme lets any host by)
                params = summary.param_names()
                self._validators[called] = bool(returns) and all(
                    is_allow_check(self.text(r))
                    and not _SCHEME_WORD.search(self.text(r))
                    and any(self.mentions(self.text(r), p) for p in params)
                    for r in returns
                )
            if self._validators[called]:
                return True
        return False

    def checked_fields(self, text: str, name: str, scope: Scope) -> list[str]:
        """`['dhl', 'ups'].includes(body.carrier)`, `parsed.scheme in ("http", "https")`: a check that reads only
        fields of an object checks those fields (cleared where they are read), not the object's other fields
        (`body.reference`). A parsed URL's host, origin or path checked stays a check of the whole URL."""
        fields = []
        for m in _FIELD_READ.finditer(text):
            if m.group(1) == name:
                fields.append(m.group(0).replace(" ", ""))
        if not fields or sum(1 for _ in _word(name).finditer(text)) != len(fields):
            return []  # the object itself is read somewhere in the check
        if any(self.spec.sources.search(f) for f in fields):
            return []  # input read in place (`argv[1]`, `req.query.x`): clear_read_in_place judges the check
        parsed_url = name in scope.views and _URL_PARTS.search(scope.values.get(name, ""))
        if parsed_url and not all(_SCHEME_FIELD.search(f.split(name, 1)[1]) for f in fields):
            return []
        return fields

    def clear_looked_up(self, text: str, scope: Scope) -> None:
        """`codec = FORMATS.get(fmt)` then `if codec is None: abort(...)`: a key found in a fixed table is one of the
        table's keys (an allow-list in all but name)."""
        for name, rhs in list(scope.rhs.items()):
            if not self.mentions(text, name) or not _MISSING.search(text):
                continue
            key = None
            if rhs.type in self.spec.calls and rx(r"(^|\.|->|::)(get|Get|getOrDefault|GetValueOrDefault)$").search(
                self.callee(rhs)
            ):
                table = self.receiver(rhs)
                args = self.args(rhs)
                key = args[0] if args and table is not None and _TABLE.fullmatch(self.text(table)) else None
            elif rhs.type in SUBSCRIPTS and len(rhs.named_children) >= 2:
                if _TABLE.fullmatch(self.text(rhs.named_children[0])):
                    key = rhs.named_children[1]
            if key is not None:
                for ident in self._identifiers(key):
                    self.clear(ident, scope)

    def started(self, node, callee: str, args: list, scope: Scope) -> None:
        """C# `Process.Start(psi)`: the command line `psi` was made with (`new ProcessStartInfo("cmd.exe", "/c " +
        x)`) is also reported where the process starts."""
        if self.spec.language != "csharp" or not callee.endswith("Process.Start") or len(args) != 1:
            return
        made = scope.rhs.get(self.name_of(args[0])) if args[0].type in self.spec.idents else None
        if made is None or made.type not in self.spec.news:
            return
        for sink in self.spec.sinks:
            if sink.callee.search(self.callee(made)):
                for a in self.args(made):
                    if self.hit(sink, a, scope, node):
                        return

    def clear_read_in_place(self, cond, scope: Scope) -> None:
        """`if (!ALLOWED.includes(req.query.next)) return;`: that request value, read again later, is checked."""
        stack = [cond]
        while stack:
            n = stack.pop()
            if (n.type in MEMBERS or n.type in SUBSCRIPTS) and self.spec.sources.search(self.text(n)):
                scope.cleared.add(self.text(n))
                continue
            stack.extend(n.named_children)

    def mentions(self, text: str, name: str) -> bool:
        return mentions(text, name, shell=self.spec.language == "bash")

    def clear(self, name: str, scope: Scope) -> None:
        """A checked value is clean, and so are the values it was parsed from (`urlparse(url).hostname in ALLOWED`
        checks url) and those built only from it."""
        scope.vars.pop(name, None)
        made = scope.values.get(name, "")
        if name in scope.views and (
            _URL_PARTS.search(made) and not _SCHEME_PART.search(made) or _RELATIVE.search(made)
        ):
            for parent in scope.parents.get(name, ()):
                scope.vars.pop(parent, None)
        for child, parents in list(scope.parents.items()):
            if child in scope.vars and parents and not any(p in scope.vars for p in parents):
                scope.vars.pop(child, None)

    def assignment(self, node, scope: Scope) -> None:
        lhs, rhs = self.spec.sides(node)
        if lhs is None or rhs is None:
            return
        between = self.src[lhs.end_byte : rhs.start_byte].decode("utf-8", "replace")
        augmented = (
            node.type in ("augmented_assignment", "augmented_assignment_expression")
            or bool(rx(r"\s*(\+|\.|\|\||\?\?)=").match(between))
            or (node.type == "binary_expression" and "<<" in self.text(node))  # out << value
        )
        container = lhs.type in SUBSCRIPTS or (
            lhs.type in MEMBERS and self.root_name(lhs) not in (None, "this", "self", "$this")
        )
        if lhs.type in PATTERNS:  # const { a, b } = req.query; a, b = pair
            if self.unpacked(lhs, rhs, scope, node):
                return
            for ident in self._identifiers(lhs):
                self.assign_name(ident, rhs, scope, augmented=False, container=False, node=node)
            return
        name = self.root_name(lhs) if container else self.name_of(lhs)
        if name is None:
            return
        if self.spec.language in ("c", "cpp"):
            target = lhs
            while target.type == "field_expression" and target.named_children:  # out->readings[i].value = v
                target = target.named_children[0]
            if target.type == "subscript_expression":
                self.index_write(target, node, scope)  # (before `name` is given this value)
            if target.type in ("subscript_expression", "pointer_expression"):
                self.wrote_element(target, rhs, scope)
        self.session_write(self.text(lhs), [rhs], scope)
        rhs_text = self.text(rhs)
        keeps = augmented or container or mentions(rhs_text, name)  # x = x.strip()
        scope.values[name] = scope.values.get(name, "") + " " + rhs_text if keeps else rhs_text
        if not (name in scope.vars and self.in_branch(node, scope)):  # a default for a missing value: the input's
            scope.rhs[name] = rhs  # assignment still decides where a redirect may start
        self.secret(lhs, rhs, self.name_of(lhs))
        for sink in self.spec.property_sinks:
            if sink.callee.search(self.name_of(lhs)) and (
                sink.requires is None
                or sink.requires.search(self.text(node.parent or node))
                # `searcher.Filter = BuildFilter(login, office)`: the filter the file's helper builds and returns
                or sink.requires.search(self.expanded(rhs, scope))
            ):
                self.hit(sink, rhs, scope, node)
        self.assign_name(name, rhs, scope, augmented, container, node)
        if self.spec.language in ("c", "cpp") and lhs.type == "field_expression" and scope.summary is not None:
            acc = self.value(rhs, scope)  # o->outfile = qs + 4 in a helper: the caller's struct holds it
            if acc.any:
                self.wrote(self.text(lhs), acc.var(self.built(rhs, scope)), scope)

    def wrote_element(self, target, rhs, scope: Scope) -> None:
        """C/C++: a helper copying its source into its out-parameter one character at a time (`dst[i++] = *src` in
        `url_decode(dst, src, cap)`, `*dst++ = *src++`, or through a pointer into it: `char *d = dst; *d++ = c`)
        fills the caller's buffer with the source, as `snprintf(dst, ...)` would."""
        summary = scope.summary
        base = target.child_by_field_name("argument")
        while base is not None and base.type in ("update_expression", "parenthesized_expression"):
            base = base.child_by_field_name("argument") or (base.named_children[0] if base.named_children else None)
        if summary is None or base is None or base.type != "identifier":
            return
        name = self.text(base)
        if name not in summary.param_names() and scope.rhs.get(name) is not None:
            alias = rx(r"\s*\(?\s*([A-Za-z_]\w*)\s*\)?\s*(\+[^=]*)?$").match(self.text(scope.rhs[name]))
            name = alias.group(1) if alias else name  # char *d = dst; (or dst + len)
        acc = self.value(rhs, scope)
        if acc.any and acc.textual:
            self.wrote(name, acc.var(False), scope)

    def assign_name(self, name: str, rhs, scope: Scope, augmented: bool, container: bool, node) -> None:
        acc = self.value(rhs, scope)
        if container:
            self.hold(name, acc, scope, rhs)
        elif scope.fn is not None and name in self.module_names:
            scope.locals.add(name)  # (a local of the same name shadows the module's)
        if acc.any:
            var = acc.var(self.built(rhs, scope) or (augmented and node.type != "for_statement"))
            old = scope.vars.get(name)
            if (augmented or container) and old is not None:
                var = Var(old.strong or var.strong, old.remote or var.remote, old.params | var.params, True)
            elif old is not None and self.in_branch(node, scope):  # a default for a missing value: the input stays
                var = Var(old.strong or var.strong, old.remote or var.remote, old.params | var.params, old.built)
            scope.vars[name] = var
            scope.parents[name] = set(acc.names)
            if augmented:  # (`req.on('data', (c) => { body += c; })`: the outer function's `body`)
                self.fill_outer(name, scope, added=True)
            self.shell_global(name, var, scope)
            if rhs.type in self.spec.calls or rhs.type in MEMBERS or rhs.type in self.spec.news:
                scope.views.add(name)
            else:
                scope.views.discard(name)
        elif not augmented and not container and not self.in_branch(node, scope):
            scope.vars.pop(name, None)

    def session_write(self, target: str, values: list, scope: Scope) -> None:
        """Input kept in the user's session under a literal key: reading that key elsewhere reads the input."""
        key = session_key(target)
        if key is not None and any(self.value(v, scope).strong for v in values):
            if not isinstance(self.session_keys, set):
                self.session_keys = set()
            self.session_keys.add(key)

    def shell_global(self, name: str, var: Var, scope: Scope) -> None:
        """A shell function's variables are the script's unless declared `local`: what one function puts in them
        (`settings[$key]="$value"` read from a file) is there for the others (`eval "x=${settings[$k]}"`)."""
        fn = scope.fn
        if self.spec.language != "bash" or fn is None or var.params - {"<file>"}:
            return  # (a value made from the function's own arguments means nothing to the others)
        if rx(rf"\b(local|declare|typeset)\b[^\n;]*\b{re.escape(name)}\b").search(self.text(fn)):
            return
        old = self.globals.get(name)
        self.globals[name] = var if old is None else Var(old.strong or var.strong, old.remote, old.params, True)

    def in_branch(self, node, scope: Scope) -> bool:
        """A default filled in when the value is missing (`if (!target) target = "/";`, `if x is None: x = ...`):
        the tainted value stays for what follows. A clean value assigned after any other check of it (an origin
        compared, a pattern tested) replaces a value found bad, and clears it."""
        n = node.parent
        while n is not None and n is not scope.fn and n.type not in self.spec.functions:
            if n.type == "if_statement":
                cond = n.child_by_field_name("condition")
                text = self.text(cond) if cond is not None else ""
                name = self.name_of(self.spec.sides(node)[0])
                # (a default given when the value failed a test that is no allow-list: what passed it is still input;
                # compared with literals, `if (dir !== "asc" && dir !== "desc") dir = "asc"`, it is one of them)
                if not self.mentions(text, name):
                    return False
                compared = _LITERAL_COMPARE.search(_TYPE_TEST.sub(" ", text))
                return bool(_MISSING.search(text)) or not (is_allow_check(text) or compared)
            n = n.parent
        return False

    def call(self, node, scope: Scope) -> None:
        spec = self.spec
        callee = self.callee(node)
        args = self.args(node)
        if spec.language in ("c", "cpp"):  # before out_params: the destination's size comes from what it held
            self.buffer_call(node, callee, args, scope)
        self.out_params(node, callee, args, scope)
        if spec.language == "php" and callee == "define" and len(args) == 2 and args[0].type in spec.strings:
            self.secret(args[0], args[1], self.text(args[0]).strip("'\""))  # define('DB_PASSWORD', '...')
        if node.type != "command":
            self.setter_secret(callee, args)
            if len(args) >= 2:  # session.put("next", $next), HttpContext.Session.SetString("next", next)
                self.session_write(self.text(node), args[1:], scope)
        if node.type == "command" and callee == "read":
            self.shell_read(node, args, scope)
        if _APPEND.search(callee) and node.type != "command":
            target = self.container(self.receiver(node))
            acc = Acc()
            for a in args:
                self._walk(a, scope, acc)
            if target and target not in ("this", "self", "$this") and len(scope.values.get(target, "")) < 2000:
                scope.values[target] = scope.values.get(target, "") + " " + " ".join(self.text(a) for a in args)
            if rx(r"(^|\.|->)(set|put|Add|setdefault)$").search(callee) and len(args) == 2:
                self.hold(
                    target, self.value(args[1], scope), scope, args[1]
                )  # Map.set(key, value): the value is what is read
            else:
                self.hold(target, acc, scope)
            if target and acc.any and target not in ("this", "self", "$this"):
                old = scope.vars.get(target, Var())
                scope.vars[target] = Var(
                    old.strong or acc.strong, old.remote or acc.remote, old.params | acc.params, True
                )
                scope.parents.setdefault(target, set()).update(acc.names)
                self.fill_outer(target, scope)
        summary = self.local(callee, scope)
        if summary is not None:
            self.call_local(summary, node, scope)
        self.db_cli_call(node, callee, args, scope)
        self.variable_function(node, scope)
        if spec.language == "php" and _PHP_XML_PARSE.search(callee):
            self.entity_flags_in_field(node)
        if spec.language == "java" and callee.endswith(".init") and self.trusts_all is None:
            text = self.src.decode("utf-8", "replace")
            self.trusts_all = bool(_EMPTY_TRUST_CHECK.search(text))
        if (
            spec.language == "java"
            and self.trusts_all
            and callee.endswith(".init")
            and "TrustManager" in self.text(node)
        ):
            self.report(
                _TRUST_ALL_INSTALLED, node
            )  # ctx.init(null, new TrustManager[] { LENIENT }, ...): where it acts
        argv = callee == "proc_open" and bool(args) and self.argv_array(args[0], scope)
        for sink in spec.sinks:
            if not sink.callee.search(callee) or argv:
                continue
            if sink.requires is not None or sink.excludes is not None:
                text = self.expanded(node, scope)
                if sink.requires is not None and not sink.requires.search(text) and not self.serves(sink):
                    self.defer(sink, args, scope, node)
                    continue
                if sink.excludes is not None and sink.excludes.search(text):
                    self.started(node, callee, args, scope)
                    continue
                if sink.excludes is not None and spec.language == "java" and args and self.java_argv(args[0], scope):
                    continue
            if sink.receiver is not None and not self.receiver_is(callee, sink.receiver, scope):
                continue
            if sink.on_receiver:
                obj = self.receiver(node)
                chosen = [obj] if obj is not None else []
            elif node.type == "command" and callee == "ssh":
                chosen = self.remote_command(args)
            elif node.type == "command" and callee in _SHELLS:  # su -c CMD user, bash -c CMD name args: CMD
                texts = [self.text(a) for a in args]
                chosen = [args[i + 1] for i, t in enumerate(texts[:-1]) if t == "-c"][:1] or args
            elif node.type == "command" and callee == "find":  # find ... -exec sh -c SCRIPT: the script
                texts = [self.text(a) for a in args]
                chosen = [args[i + 1] for i, t in enumerate(texts[:-1]) if t == "-c"][:1]
            elif callee == "curl_setopt_array":
                chosen = self.keyed_values(args[1:2], "CURLOPT_URL")
            else:
                chosen = [a for i, a in enumerate(args) if sink.args is None or i in sink.args]
            if sink.literal_ok is False:
                if chosen and not self.literal_format(chosen[0], scope):
                    start = len(self.findings)
                    self.report(sink, node)
                    self.format_by_callers(chosen[0], scope, start)
                    return
                continue
            for a in chosen:
                if self.hit(sink, a, scope, node):
                    return

    def fill_outer(self, target: str, scope: Scope, added: bool = False) -> None:
        """A callback filling a container of the function around it (`req.on('data', (c) => chunks.push(c))`,
        `rows.forEach(r -> out.add(r))`): the outer function's container holds the value after the callback."""
        outer = scope.outer
        if outer is None or outer.fn is None or outer.fn is scope.fn or target not in outer.rhs:
            return  # (a module's container filled by a function is `hold`'s)
        if not added and scope.rhs.get(target) is not outer.rhs[target]:
            return  # (a container of the callback's own, of the same name)
        old = outer.vars.get(target, Var())
        new = scope.vars[target]
        outer.vars[target] = Var(old.strong or new.strong, old.remote or new.remote, old.params | new.params, True)

    def keyed_values(self, arrays: list, key: str) -> list:
        """The values given under `key` in PHP array literals (`[CURLOPT_URL => $url, CURLOPT_POSTFIELDS => $body]`):
        the other options' values go elsewhere (a body posted to a fixed URL is no SSRF)."""
        out = []
        for array in arrays:
            for item in array.named_children if array.type == "array_creation_expression" else ():
                parts = item.named_children
                if len(parts) == 2 and self.text(parts[0]).strip() == key:
                    out.append(parts[1])
        return out

    def defer(self, sink: Sink, args: list, scope: Scope, node) -> None:
        """A helper passing its parameter to a sink that needs to see what the value is (SQL words for a database
        client): its callers decide, by what they pass."""
        if scope.summary is None or sink.cwe != 89:
            return
        for a in args:
            acc = self.value(a, scope)
            if acc.params:
                self.remember(replace(sink, deferred=True), acc.params, False, node, scope)

    def serves(self, sink: Sink) -> bool:
        """A shell script that answers requests (a webhook, CGI, inetd or a forced ssh command), or one that others
        run through sudo (`Run via sudo by the self-service portal: restore-file <user> <path>`): files it opens by
        names the request or the caller gives, joined under a folder, are a traversal whatever the variable is
        called."""
        return self.spec.language == "bash" and sink.cwe == 22 and (self.service or self.sudo_script)

    def entity_flags_in_field(self, node) -> None:
        """PHP `$doc->loadXML($xml, $this->flags)` where the class sets `$this->flags |= LIBXML_NOENT`: the parse that
        substitutes entities is where the flaw acts (the flags' own line is reported by the rule)."""
        for field_name in rx(r"->\s*(\w+)").findall(" ".join(self.text(a) for a in self.args(node))):
            pattern = rf"\$this->{field_name}\s*[|.]?=[^;\n]*\bLIBXML_(NOENT|DTDLOAD)\b"
            if rx(pattern).search(self.src.decode("utf-8", "replace")):
                self.report(_PHP_XXE, node)
                return

    def variable_function(self, node, scope: Scope) -> None:
        """PHP `$action($arg)`: the request names the function that runs."""
        fn = node.child_by_field_name("function") if node.type == "function_call_expression" else None
        if fn is None or fn.type != "variable_name":
            return
        assigned = scope.rhs.get(self.name_of(fn))
        if assigned is not None and assigned.type in self.spec.functions:
            return  # $unixPath = function ($p) {...}: the file's own closure
        for sink in self.spec.sinks:
            if sink.rule_id == "php-taint-callable":
                self.hit(sink, fn, scope, node)
                return

    def java_argv(self, node, scope: Scope) -> bool:
        """`new ProcessBuilder(cmd)` where `cmd` is a list started with a program that is no shell
        (`cmd.add("pg_dump")`), also when a helper of this file builds and returns it: each element is one argument,
        no shell reads it."""
        if node.type in self.spec.idents and scope.fn is not None:
            lists = [(self.name_of(node), self.text(scope.fn))]
        elif node.type in self.spec.calls and self.local(self.callee(node), scope) is not None:
            fn = self.local(self.callee(node), scope).node
            returned = [r for r in self._return_statements(fn) if r.type in self.spec.idents]
            lists = [(self.name_of(r), self.text(fn)) for r in returned]
        else:
            return False
        for name, body in lists:
            first = rx(
                rf"\b{re.escape(name)}\s*\.\s*(add|addAll)\s*\(\s*(List\.of\(|Arrays\.asList\()?\s*\"([^\"]*)\""
            ).search(body)
            if first is None or rx(r"^((/usr)?(/bin/)?(ba|z|da|k)?sh|cmd(\.exe)?|powershell(\.exe)?|pwsh)$").match(
                first.group(3)
            ):
                return False
        return bool(lists)

    def argv_array(self, node, scope: Scope, depth: int = 0) -> bool:
        """PHP `proc_open($argv, ...)` given an array (a literal, a variable holding one, a parameter declared
        `array`, a helper of this file returning one) runs the program with those arguments: no shell."""
        if node.type == "array_creation_expression":
            return True
        if depth > 3:
            return False
        if node.type in self.spec.idents:
            name = self.name_of(node)
            if scope.rhs.get(name) is not None:
                return self.argv_array(scope.rhs[name], scope, depth + 1)
            plist = parameter_list(scope.fn, self.spec) if scope.fn is not None else None
            return plist is not None and bool(rx(rf"\barray\s+&?{re.escape(name)}\b").search(self.text(plist)))
        if node.type in self.spec.calls:
            summary = self.local(self.callee(node), scope)
            if summary is None:
                return False
            returned = self._return_statements(summary.node)
            return bool(returned) and all(r.type == "array_creation_expression" for r in returned)
        return False

    def remote_command(self, args: list) -> list:
        """`ssh [options] destination command...`: the command words (the destination is a host, not a command)."""
        i = 0
        while i < len(args) and self.text(args[i]).startswith("-"):
            i += 2 if rx(r"-[BbcDEeFIiJLlmOoPpQRSWw]").fullmatch(self.text(args[i])) else 1
        return args[i + 1 :]

    def literal_format(self, node, scope: Scope) -> bool:
        """A literal, or a name only ever given a literal (`const char *fmt = "%d\\n"`)."""
        if node.type in self.spec.strings:
            return True
        if node.type in self.spec.idents:
            value = scope.values.get(self.name_of(node), "")
            return bool(rx(r'\s*(L|u8|u|U)?"[^"]*"\s*').fullmatch(value))
        if node.type == "field_expression" and node.child_by_field_name("field") is not None:
            # cfg->topic_fmt, where every value the file gives that field is a literal (`.topic_fmt = "a/%s"`)
            given = self.field_values.get(self.text(node.child_by_field_name("field")), [])
            return bool(given) and all(v.type in self.spec.strings for v in given)
        if node.type in self.spec.calls and _TRANSLATED.search(self.callee(node)):  # _("cannot open %s\n")
            args = self.args(node)
            return bool(args) and all(a.type in self.spec.strings or a.type in ("number_literal",) for a in args)
        return False

    def call_local(self, summary: Summary, node, scope: Scope) -> None:
        """A call to a function of this file: its parameter sinks fire with what the call passes, and what it writes
        into its out-parameters lands in the caller's arguments."""
        bound = self.bind(summary, node)
        self.note_call(summary, node, bound, scope)
        if summary.copies or summary.index_writes:
            self.copied_into(summary, node, bound, scope)
        obj = self.receiver(node)
        if obj is not None and self.field_writers and function_name(summary.node, self.text) in self.field_writers:
            holder = self.root_name(obj)  # report.filter("region", input): the report holds the input from then on
            acc = Acc()
            for arg in self.args(node):
                self._walk(arg, scope, acc)
            if acc.any and holder and not _SELF_NAME.match(holder):
                was = scope.vars.get(holder, Var())
                held = Var(was.strong or acc.strong, was.remote or acc.remote, was.params | acc.params, True)
                scope.vars[holder] = held
        for target, var in summary.writes.items():
            acc = Acc()
            if var.strong:
                acc.source(strong=True)
            for p in var.params - {target}:
                for arg in bound.get(p, ()):
                    self._walk(arg, scope, acc)
            for arg in bound.get(target, ()):
                name = self.name_of(arg).lstrip("&*")
                if acc.any and rx(r"[$\w.>-]+").fullmatch(name):
                    scope.vars[name] = acc.var(var.built)  # (`o->f = qs + 4` is not built, snprintf is)
                    self.wrote(name, scope.vars[name], scope)  # get_param(qs, out) { url_decode(out, qs) }
        for sink, params, at, built_at in summary.sinks:
            for p in params:
                for arg in bound.get(p, ()):
                    if self.fields_checked(p, arg, at, scope):
                        continue
                    acc = self.value(arg, scope)
                    if not acc.any:
                        continue
                    if sink.deferred and not sink.requires.search(self.expanded(arg, scope)):
                        continue
                    # (deferred: the caller's value holds SQL words around the input, so it was pasted into SQL)
                    built = built_at or sink.deferred or self.built(arg, scope)
                    if self.fires(sink, acc, built):
                        sink = self.whole_name(sink, built)
                        self.report(sink, at)  # where the value reaches the sink, inside the helper
                        self.report(sink, node)  # and the call that passes it (a completion may add only the call)
                    else:
                        self.remember(sink, acc.params, built, at, scope)

    def fields_checked(self, param: str, arg, at, scope: Scope) -> bool:
        """`if (!MODES.includes(opts.mode)) return; run(opts)` where `run` puts only `opts.mode` into the sink: the
        caller checked every field of the object the helper's sink reads (the sink's own text reads the parameter
        only through fields, each of them cleared in the caller), so the object passed whole is no input there."""
        if not scope.cleared or arg.type not in self.spec.idents:
            return False
        text, name = self.text(at), self.name_of(arg)
        reads = [m.group(0).replace(" ", "") for m in _FIELD_READ.finditer(text) if m.group(1) == param]
        if not reads or sum(1 for _ in _word(param).finditer(text)) != len(reads):
            return False  # the parameter is read whole somewhere in the sink (or through a local of the helper)
        return all(name + r[len(param) :] in scope.cleared for r in reads)

    def statement_sink(self, node, scope: Scope) -> None:
        sink = self.spec.statement_sinks[node.type]
        if node.type == "expression_statement":  # PHP `<?= $x ?>`: the expression is echoed
            before = node.prev_sibling
            if before is None or not self.text(before).rstrip().endswith("<?="):
                return
        if sink.requires is not None and not sink.requires.search(self.text(node)):
            return
        if node.type == "declaration":  # C++ `std::ifstream in(path);` may parse as a function declaration
            inside = self.text(node).split("(", 1)[-1]
            hit = [w for w in rx(r"[A-Za-z_]\w*").findall(inside) if w in scope.vars]
            built_here = rx(r"\+|\bformat\b|\bappend\b").search(inside)
            if hit and (built_here or any(scope.vars[w].strong or scope.vars[w].built for w in hit)):
                self.report(sink, node)
            elif hit:
                params = set().union(*(scope.vars[w].params for w in hit))
                self.remember(sink, params, False, node, scope)
            return
        if self.hit(sink, node, scope, node):
            for extra in self.spec.statement_extra.get(node.type, ()):
                self.report(extra, node)


# A CR or LF written in code (an escape, a class, a name) and a call that removes or replaces it
_CRLF = re.compile(r"\\[rn]|%0[dDaA]|\bCRLF\b|\bchr\(1[03]\)|\bNewLine\b|\bPHP_EOL\b|\\x0[dDaA]")
_CRLF_STRIP = re.compile(
    r"(replace\w*|Replace|str_replace|preg_replace|re\.sub|sub|gsub|tr|strip|translate|strtr|Trim)\s*\([^;\n]*"
    r"(\\[rn]|%0[dDaA]|\bNewLine\b|\\x0[dDaA]|\\s|\\v|\[:cntrl:\]|\\p\{C|\\x00-\\x1[fF]|\\u0000-\\u001[fF])"
    r"|\b(URLEncoder\.encode|Uri\.EscapeDataString|WebUtility\.UrlEncode|HttpUtility\.UrlEncode|encodeURIComponent"
    r"|quote|quote_plus|rawurlencode|urlencode)\s*\("
)
# A name refused only for a slash or `..` in it: a check for paths, not for a command or a query
_TRAVERSAL_CHECK = re.compile(
    r"""\b(strchr|strrchr|strstr|strpos|stripos|str_contains)\s*\([^,()]+,\s*['"](\.\.|/|\\\\)['"]\s*\)"""
    r"""|['"](\.\.|/)['"]\s+(not\s+)?in\b|\.find\(\s*['"](\.\.|/)['"]\s*\)|\.includes\(\s*['"](\.\.|/)['"]\s*\)"""
)
# A tuple or array returned whole (`return sql, params`, `return [sql, params]`) and the patterns unpacking one
_ALL_ARGS = frozenset({"@", "*"})  # a shell function's "$@" and "$*": every argument a caller passes
_FIELD_DECLARATIONS = {"field_declaration"}  # Java and C# fields
_OBJECT_LITERALS = {"dictionary", "object", "array_creation_expression"}
_TUPLES = {"expression_list", "tuple", "array", "list"}
_TUPLE_PATTERNS = {"pattern_list", "tuple_pattern", "array_pattern", "list_pattern"}
# A program installed or running setuid/setgid (said in code or in a comment)
_PRIVILEGED = re.compile(
    r"\bset(e|re|res)?[ug]id\s*\(|\bS_IS[UG]ID\b|\bsetuid\b|set-user-ID|\bsuid\b|chmod\s+[ugo]*\+s\b"
)
# A program that a link opens (a URL-scheme handler, `pixelquest://restore?slot=..` in its header, Electron's
# setAsDefaultProtocolClient, a desktop file's x-scheme-handler): whoever wrote the link chose its command line.
_LINK_HANDLER = re.compile(
    r"(?i)x-scheme-handler|setAsDefaultProtocolClient|\b(protocol|url[- ]scheme|custom[- ]scheme|deep[- ]link)"
    r"\s+handler"
    r"|\b(?!(https?|ftps?|file|wss?|jdbc|postgres(ql)?|mysql|mongodb(\+srv)?|redis|rediss|amqps?|s3|gs|sqlite|mailto|git"
    r"|ssh|sftp|smb|ldaps?|tcp|udp|unix|grpc|nats|kafka|mqtts?|data)://)[a-z][a-z0-9+.-]{2,}://[\w/.-]*\?\w+="
)
_BUILT_CODE = "code built around untrusted input is evaluated: code injection"
# A value stored in the session (`session.setAttribute(`, `session["next"] = `, `$_SESSION['to'] = `)
_SESSION_WRITE = re.compile(
    r"(?i)session(\(\))?\s*(\.|->)\s*(setAttribute|put|set|SetString|Set)\s*\(|session\s*\[[^\]\n]+\]\s*=(?!=)"
)
# A branch that leaves (a refusal); the names a branch assigns (`src = ...`, `$src .= ...`, `src += ...`), what with
_HANDLERS = {"except_clause", "catch_clause"}
# A URL a user stores for the server to call back: `integration.callback_url`, `hook.webhookUrl`,
# `$sub->notify_url`, `row["ipn_url"]`, `endpoint.getCallbackUrl()`, `hook.WebhookUrl`
_STORED_URL = re.compile(
    r"""(?<![\w$.>])(\$?[A-Za-z_]\w*)\s*(?:\.|->|\[\s*['"])\s*(?:get)?(?i:(?:webhook|callback|notify|notification"""
    r"""|ipn|postback|status_callback|hook|delivery)_?(?:url|uri))(?:\(\))?(?![\w])"""
)
# The operator's configuration or the code's own object, not a record of the users'
_CONFIG_HOLDER = re.compile(
    r"^\$?((?i:settings|config|conf|cfg|env|environ|options|opts|app|current_app|self|this)|[A-Z0-9_]+)$"
)
_STORED_URL_MESSAGE = (
    "the server fetches a URL its users stored (a webhook or callback URL) without checking the host: "
    "server-side request forgery"
)
# A substring test whose needle is a name (`url.includes(APP_DOMAIN)`, `u.Contains(AppHost)`)
_SUBSTRING_OF_NAME = re.compile(r"(\.(?:includes|contains|Contains)\(\s*)([A-Za-z_$][\w$.]*)(\s*[,)])")
_STRING_VALUE = re.compile(r"""(@|\$)?(['"])[^'"\\]*\2""")
# Calls that raise unless a path lies under a root (`relative_to`) or a value has a fixed shape (a UUID, a number)
_RAISING_CHECK = re.compile(
    r"(^|\.)relative_to$|^(UUID\.fromString|uuid\.UUID|UUID|int|BigInt|Integer\.parseInt|Long\.parseLong"
    r"|(int|long|Guid|Int32|Int64)\.Parse(Exact)?)$"
)
_LEAVES = re.compile(r"\b(return|throw|raise|exit|die|abort|continue|break|goto|sys\.exit|process\.exit)\b")
_ASSIGNED = re.compile(r"(?<![\w.>])\$?([A-Za-z_]\w*)\s*([.+]|\?\?)?=(?!=)([^;\n]*)")
# A shell script that other users run with more rights than their own (a sudo rule for it): its arguments are theirs.
# Not `$SUDO_USER` alone nor "run with sudo": an installer its administrator runs with sudo takes the administrator's.
_SUDO_SCRIPT = re.compile(r"(?i)\b(via|through|under)\s+sudo\b|\bsudoers\b|\bNOPASSWD\b")
# A shell script that answers requests: its stdin (`payload="$(cat)"`) is the request
_SERVICE = re.compile(
    r"(?i)\bweb-?hooks?\b|\bcgi\b|\bQUERY_STRING\b|\bREQUEST_METHOD\b|\bSSH_ORIGINAL_COMMAND\b|\bx?inetd\b"
    r"|\bsocat\b|\bncat\b|\bnc\s+-l"
)
# Calls that make a URI object of the text they are given
_URI_WRAPPER = re.compile(r"(^|\.)(URI|URL|Uri|HttpUrl)(\.create|\.parse|\.of|\.get)?$|^(encodeURI|URI\.create)$")
# A value compared with a non-empty string literal (`dir !== "asc"`, `"asc".equals(dir)`, `strcmp(m, "x")`)
_LITERAL_COMPARE = re.compile(
    r"""[!=]==?\s*(['"])[^'"]+\1|(['"])[^'"]+\2\s*[!=]==?|(['"])[^'"]+\3\.equals(IgnoreCase)?\(|\.equals(IgnoreCase)?\(\s*(['"])[^'"]+\5"""
    r"""|\bstr(case)?cmp\([^,()]+,\s*"[^"]+"\s*\)|\bnot\s+in\s*\("""
)
_TYPE_TEST = re.compile(r"""\btypeof\s+[\w.$]+\s*[!=]==?\s*(['"])\w+\1|\bgettype\([^)]*\)\s*[!=]==?\s*(['"])\w+\2""")
# A Java trust manager that accepts every certificate chain, and the finding where an SSLContext is given one
_EMPTY_TRUST_CHECK = re.compile(r"\bcheckServerTrusted\s*\([^)]*\)\s*(throws\s+[\w.,\s]+)?\{\s*(return\s*;\s*)?\}")
_TRUST_ALL_INSTALLED = (
    "java-trust-all",
    295,
    "high",
    "TLS certificates or host names not checked",
    "use the default TrustManager and HostnameVerifier",
)
_PHP_XML_PARSE = re.compile(r"(->|^)(loadXML|load|loadHTML|simplexml_load_string|simplexml_load_file|xml)$")
_PHP_XXE = (
    "php-xxe",
    611,
    "high",
    "XML parsed with external entities substituted or DTDs loaded: XXE",
    "parse without LIBXML_NOENT / LIBXML_DTDLOAD",
)
_SELF_NAME = re.compile(r"^(this|self|\$this|base|super)$")
_SHELLS = {"bash", "sh", "zsh", "dash", "ksh", "su", "sudo"}
_WHOLE_NAME = "a file opened by a name taken whole from untrusted input: external control of file name"
# A literal local path at the start of a value ("/account?tab=" + x), not a protocol-relative "//host"
_LOCAL_PATH = re.compile(r"""^(f|\$|@)?[`'"]/[^/`'"{$\\]""")
# The first name a value is built from (`login_url` in `login_url + "?next=" + x`, f"{login_url}?...")
_FIRST_NAME = re.compile(
    r"""^\s*(?:(?:f|\$|@)?[`'"]\{?\$?\{?)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_]\w*)*)"""
    r"""(?=\s*(\+|\.\s|\}|[`'"]?\s*\.\s)|\([^()]*\)\s*\+)"""
)
# A condition that tests whether a value is missing: null, None, empty, blank, unset
# A value parsed out of a URL (its host, origin, scheme): a check of it is a check of the URL. An extension or a MIME
# type checked says nothing of the rest of a file name.
# `obj.field`, `obj?.field`, `$obj->field`, `obj["key"]` (a method called on the object is a read of the object)
_FIELD_READ = re.compile(
    r"""(?<![\w$.>])(\$?[A-Za-z_]\w*)((\s*(\?\.|\.|->)\s*\w+)|\[\s*['"]?[\w-]+['"]?\s*\])+(?!\s*\(|\w)"""
)
# `parse_url($url, PHP_URL_SCHEME)`, `urlparse(u).scheme`, `new URL(u).protocol`, `uri.getScheme()`: only the scheme
_SCHEME_PART = re.compile(r"(?i)(URL_SCHEME|[.>](scheme|protocol|getScheme\(\)|Scheme)\s*$)")
_SCHEME_WORD = re.compile(r"(?i)scheme|protocol")
_CALLED = re.compile(r"([A-Za-z_]\w*)\s*\(")
_SWAP_QUOTES = str.maketrans({"'": '"', '"': "'"})
_POSITIONAL = re.compile(r"\$\{?([1-9])\}?")
_SCHEME_FIELD = re.compile(r"(?i)^\W*(scheme|protocol)\W*$")


@cache
def _word(name: str) -> re.Pattern:
    return re.compile(r"(?<![\w$])" + re.escape(name) + r"(?!\w)")


# a path made relative to a root: checking it (`*rel.begin() == ".."`) checks the path it was made from
_RELATIVE = re.compile(r"\b(lexically_relative|lexically_proximate|relative_to|relpath|GetRelativePath)\b")
# (a document parsed, `JSON.parse(body)`, `yaml.parse(text)`, `parseInt(n)`, is no URL: its fields are the sender's)
_URL_PARTS = re.compile(
    r"(?i)url|uri|(?<!json\.)(?<!yaml\.)parse(?!int|float|_str)|host|origin|netloc|scheme|authority|domain|IPAddress"
    r"|ip_address|inet_"
)
# A fixed table named as a constant (FORMATS, self.CODECS, static::SIZES, Config.ALLOWED_TYPES)
_TABLE = re.compile(r"((self|this|cls|static|self::|static::|[A-Z]\w*)(\.|->|::))?\$?[A-Z][A-Z0-9_]+")
# Translation lookups of a literal message: the translated text is the program's own format.
_TRANSLATED = re.compile(r"^(_|N_|gettext|dgettext|dcgettext|ngettext|pgettext|tr|QObject::tr|i18n|_T|TEXT)$")
_MISSING = re.compile(
    r"\b(null|None|undefined|nil|empty|isEmpty|IsNullOr\w+|isBlank|is_null)\b|(^|[(\s&|])!\s*\$?[\w.]+\s*\)?\s*$"
    r"|(^|[(\s])not\s+[\w.]+\s*\)?\s*:?\s*$|-z\s|===?\s*(''|\"\")|(''|\"\")\s*===?|\.length\s*===?\s*0|\blen\(\w+\)\s*==\s*0"
)


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
    try:
        findings = checker.run(tree.root_node)
    except RecursionError:  # a value defined through itself that a walk did not foresee: the regex rules still run
        return None
    if spec.file_check is not None:
        findings += spec.file_check(checker, tree.root_node)
    return findings
