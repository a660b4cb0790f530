"""Helpers whose every caller passes a clean value (round 10, mixed into the tree checker in taint.py).

A function's plain parameter is a weak source: the caller decides what it holds, so a helper that pastes it into SQL
or a command is reported even when nothing in the file calls it (a library function). When the file does call it,
its callers show what they pass: `count_for_day "$day"` after `[[ $day =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || exit`,
`lookup(db, day)` after `re.fullmatch(...)` or with a literal. A finding that only the helper's parameters reach is
then dropped when every mention of the helper's name is a call seen by the walk and none of those calls passes
anything that carries input for those parameters. One call passing input keeps it (and is reported at the call, as
before); a name mentioned other than as a call (a callback, an export, a string) keeps it too: callers unseen.

A C format string is judged the same way (round 11): `vsnprintf(msg, sizeof msg, fmt, ap)` in a printf-like
wrapper reports its `fmt` parameter, and the finding is dropped when every mention of the wrapper is a call seen
passing a literal format (or the `fmt` parameter of another wrapper whose own callers all do).
"""

from __future__ import annotations

from codellama.safety.insecure_code.taint_functions import function_name

# Leaves that hold a name in the grammars without "identifier" in the type (bash's command words, PHP's names)
_NAME_LEAVES = {"word", "name"}


class CallerChecks:
    """Mixed into the tree checker (needs text, params, value, summaries, findings, quiet)."""

    def start_callers(self, root, functions: list) -> None:
        """Before the final walk: the file's summarised functions (their mentions are counted only if needed)."""
        self.caller_root, self.caller_functions = root, functions
        self.mentions_as_call: dict[str, int] | None = None  # counted when a finding needs it
        self.calls_seen: dict[str, set[int]] = {}  # name -> the call sites the final walk bound
        self.dirty: dict[str, set[str]] = {}  # name -> parameters some call passes input for
        self.caller_decided: list[tuple[str, frozenset, list]] = []
        # printf-like wrappers: (wrapper, format parameter) -> the findings it decides; which parameters some call
        # passes a non-literal format for; a wrapper's parameter passed on as another wrapper's format
        self.format_decided: dict[tuple[str, str], list] = {}
        self.nonliteral: dict[str, set[str]] = {}
        self.forwarded: dict[tuple[str, str], set[tuple[str, str]]] = {}

    def count_mentions(self) -> dict[str, int]:
        """Where each summarised function's name is written as a name (not inside a string or a comment), besides
        its definitions."""
        functions = self.caller_functions
        counts = {name: 0 for name, _ in functions}
        stack = [self.caller_root]
        while stack:
            n = stack.pop()
            if n.child_count == 0:
                if n.type in _NAME_LEAVES or "identifier" in n.type:
                    name = self.text(n)
                    if name in counts:
                        counts[name] += 1
            else:
                stack.extend(n.children)
        defined: dict[str, int] = {}
        for name, _ in functions:
            defined[name] = defined.get(name, 0) + 1
        return {n: counts[n] - defined[n] for n in counts}

    def note_call(self, summary, node, bound: dict, scope) -> None:
        """At a call of a summarised helper (final walk only): which parameters this call fills with input."""
        if self.quiet:
            return
        name = function_name(summary.node, self.text)
        if not name:
            return
        self.calls_seen.setdefault(name, set()).add(node.start_byte)
        dirty = self.dirty.setdefault(name, set())
        for param, args in bound.items():
            if any(self.value(arg, scope).any for arg in args):
                dirty.add(param)
            if self.spec.language in ("c", "cpp"):
                self.note_format_args(name, param, args, scope)

    def note_format_args(self, name: str, param: str, args: list, scope) -> None:
        for arg in args[:1]:  # (the rest of a variadic call is bound to the last named parameter too)
            outer = self.own_param(arg, scope)
            if outer is not None:
                self.forwarded.setdefault((name, param), set()).add(outer)
            elif not self.literal_format(arg, scope):
                self.nonliteral.setdefault(name, set()).add(param)

    def own_param(self, node, scope) -> tuple[str, str] | None:
        """(function, parameter) when `node` is a plain parameter of the named function it is read in."""
        if node.type not in self.spec.idents or scope.fn is None:
            return None
        name, fn_name = self.name_of(node), function_name(scope.fn, self.text)
        if not fn_name or fn_name not in self.summaries or (name in scope.vars and scope.vars[name].strong):
            return None
        if name not in {n for names in self.params(scope.fn) for n in names}:
            return None
        return fn_name, name

    def format_by_callers(self, fmt, scope, start: int) -> None:
        """A format string that is the function's own parameter: its callers decide (see the module's docstring)."""
        key = self.own_param(fmt, scope)
        if key is not None and start < len(self.findings):
            self.format_decided.setdefault(key, []).extend(self.findings[start:])

    def format_clean(self, key: tuple[str, str], seen: set) -> bool:
        """Every call of the wrapper seen, each passing a literal format or a clean wrapper's format parameter."""
        if key in seen:
            return False  # (a wrapper calling itself: no literal reaches it through that call)
        seen.add(key)
        name, param = key
        calls = len(self.calls_seen.get(name, ()))
        if calls == 0 or calls != self.mentions_as_call.get(name, -1) or param in self.nonliteral.get(name, set()):
            return False
        return all(self.format_clean(outer, seen) for outer in self.forwarded.get(key, ()))

    def decided_by_callers(self, acc, scope, start: int) -> None:
        """The findings reported since `start` came from the function's own parameters only: keep them aside until
        the calls are known."""
        if acc.strong or acc.remote or not acc.params or start == len(self.findings):
            return
        fn = scope.fn
        while fn is not None:  # (a callback inside the helper, `new Promise((resolve) => exec(... + name))`)
            name = function_name(fn, self.text)
            own = {n for names in self.params(fn) for n in names} | {"@", "*"}
            if name and acc.params <= own:
                if name in self.summaries:
                    self.caller_decided.append((name, frozenset(acc.params), self.findings[start:]))
                return
            fn = self.enclosing_function(fn)

    def enclosing_function(self, node):
        up = node.parent
        while up is not None and up.type not in self.spec.functions:
            up = up.parent
        return up

    def drop_decided_clean(self) -> None:
        """Drop the findings of helpers whose every call (all mentions of the name) passed clean values."""
        dropped: set[int] = set()
        if (self.caller_decided or self.format_decided) and self.mentions_as_call is None:
            self.mentions_as_call = self.count_mentions()
        for name, params, found in self.caller_decided:
            # (at least one call: a name mentioned only in a docstring has its callers elsewhere)
            seen = len(self.calls_seen.get(name, ()))
            every_call_seen = seen > 0 and seen == self.mentions_as_call.get(name, -1)
            if every_call_seen and not (self.dirty.get(name, set()) & params):
                dropped.update(id(f) for f in found)
        for key, found in self.format_decided.items():
            if self.format_clean(key, set()):
                dropped.update(id(f) for f in found)
        if dropped:
            self.findings = [f for f in self.findings if id(f) not in dropped]
