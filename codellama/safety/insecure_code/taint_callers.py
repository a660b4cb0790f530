"""Helpers whose every caller passes a clean value (round 10, mixed into the tree checker in taint.py).

A function's plain parameter is a weak source: the caller decides what it holds, so a helper that pastes it into SQL
or a command is reported even when nothing in the file calls it (a library function). When the file does call it,
its callers show what they pass: `count_for_day "$day"` after `[[ $day =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || exit`,
`lookup(db, day)` after `re.fullmatch(...)` or with a literal. A finding that only the helper's parameters reach is
then dropped when every mention of the helper's name is a call seen by the walk and none of those calls passes
anything that carries input for those parameters. One call passing input keeps it (and is reported at the call, as
before); a name mentioned other than as a call (a callback, an export, a string) keeps it too: callers unseen.
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
        if self.caller_decided and self.mentions_as_call is None:
            self.mentions_as_call = self.count_mentions()
        for name, params, found in self.caller_decided:
            # (at least one call: a name mentioned only in a docstring has its callers elsewhere)
            seen = len(self.calls_seen.get(name, ()))
            every_call_seen = seen > 0 and seen == self.mentions_as_call.get(name, -1)
            if every_call_seen and not (self.dirty.get(name, set()) & params):
                dropped.update(id(f) for f in found)
        if dropped:
            self.findings = [f for f in self.findings if id(f) not in dropped]
