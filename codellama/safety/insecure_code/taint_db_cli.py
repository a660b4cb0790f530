"""SQL run through a database's command-line client (CWE-89), in every language: `subprocess.run(["sqlite3", db,
sql])`, `execFile("psql", ["-c", sql])`, `new ProcessBuilder("mysql", "-e", sql)`, `psi.ArgumentList.Add(query)`
for `sqlcmd`, `execlp("sqlite3", "sqlite3", db, sql, NULL)`, PHP `shell_exec("sqlite3 db " . escapeshellarg($sql))`.

Passing the query as one argument (or quoting it for the shell) keeps the shell out, not the SQL: a quote in the
value still ends the SQL string. The query is the argument that holds SQL words or is named like a query (`sql`,
`query`, `statement`); a helper taking it as a parameter is reported where a caller passes one built from input.
"""

from __future__ import annotations

import re
from dataclasses import replace

from codellama.safety.insecure_code.taint_specs import SQL_WORDS, Sink, common_sinks, sink

# The programs: SQLite, MySQL/MariaDB, PostgreSQL, SQL Server, ClickHouse, DuckDB, Cassandra, Snowflake, Oracle
DB_CLI = re.compile(
    r"""(?<![\w-])(sqlite3?|mysql|mariadb|psql|sqlcmd|clickhouse-client|clickhouse|duckdb|cqlsh|snowsql|sqlplus"""
    r"""|bq\s+query)(\.exe)?(?![\w-])"""
)
# Functions that start a program, per language (the shell-string ones too: quoting for the shell is not for SQL)
_LAUNCHERS = {
    "python": r"(^|\.)(run|call|check_call|check_output|Popen|create_subprocess_exec|system|popen|getoutput"
    r"|getstatusoutput)$",
    "javascript": r"(^|\.)(execFile|execFileSync|spawn|spawnSync|exec|execSync|execa|execaSync)$",
    "java": r"(^|\.)(ProcessBuilder|exec|command)$",
    "csharp": r"(^|\.)(ProcessStartInfo|Start|ArgumentList\.Add|Arguments)$",
    "php": r"^(shell_exec|exec|system|passthru|popen|proc_open)$",
    "c": r"(^|::)(execl|execlp|execle|execv|execvp|execvpe|posix_spawn|posix_spawnp|system|popen)$",
    "cpp": r"(^|::)(execl|execlp|execle|execv|execvp|execvpe|posix_spawn|posix_spawnp|system|popen)$",
}
# Shell quoting: keeps the value one word, not out of the SQL (the quoted value is what is checked)
_SHELL_QUOTERS = re.compile(r"(^|[.:>])(escapeshellarg|escapeshellcmd|quote|shlex\.quote|ShellQuote)$")
# A value named as the query it holds
_QUERY_NAME = re.compile(
    r"^\$?(\w*_)?(sql|query|stmt|statement|q|SQL|QUERY|STMT)(_\w+|s)?$|^\$?(sql|query)[A-Z]\w*$|[a-z](Sql|Query|Statement)$"
)
# The element lists a launcher takes: a Python list or tuple, a JS array, a Java/C# array or collection
_SEQUENCES = {
    "list",
    "tuple",
    "array",
    "array_initializer",
    "array_creation_expression",
    "initializer_expression",
    "implicit_array_creation_expression",
    "collection_expression",
}


def db_cli_sink(language: str) -> Sink:
    k = common_sinks({"javascript": "js", "python": "py", "csharp": "cs"}.get(language, language))
    rule_id, cwe, severity, _message, fix = k["sql"]
    message = "SQL built from untrusted input and run by a database's command-line client: SQL injection"
    return sink(rule_id.replace("-sql", "-sql-cli"), cwe, severity, message, fix, r".", built=True)


class DbCliChecks:
    """Mixed into the tree checker (needs its value walk, `hit` and `expanded`)."""

    def db_cli_call(self, node, callee: str, args: list, scope) -> None:
        launcher = _LAUNCHERS.get(self.spec.language)
        if launcher is None or not re.search(launcher, callee) or not args:
            return
        text = self.expanded(node, scope)
        if not DB_CLI.search(text):  # the program may be named in a module-level constant: DB = {"binary": "sqlite3"}
            words = set(re.findall(r"[A-Za-z_]\w*", self.text(node)))
            if not any(DB_CLI.search(v) for n, v in self.module_texts().items() if n in words):
                return
        target = db_cli_sink(self.spec.language)
        for element in self._elements(args):
            if self._is_query(element, scope):
                if self.hit(target, element, scope, node):
                    return
            elif scope.summary is not None and element.type in self.spec.idents:
                # run_sql(db, s): a caller passing SQL built from input as `s` decides (not a list spread into argv)
                acc = self.value(element, scope)
                if acc.params:
                    self.remember(replace(target, deferred=True, requires=SQL_WORDS), acc.params, False, node, scope)

    def module_texts(self) -> dict[str, str]:
        """What each name assigned outside any function is given (its text), computed once per file."""
        if getattr(self, "_module_texts", None) is None:
            out, stack = {}, [self.root] if getattr(self, "root", None) is not None else []
            while stack:
                n = stack.pop()
                if n.type in self.spec.functions:
                    continue
                if n.type in self.spec.assigns:
                    lhs, rhs = self.spec.sides(n)
                    if lhs is not None and rhs is not None and lhs.type in self.spec.idents | {"identifier"}:
                        out[self.name_of(lhs)] = self.text(rhs)[:500]
                stack.extend(n.named_children)
            self._module_texts = out
        return self._module_texts

    def _elements(self, args: list) -> list:
        """The arguments, with the elements of list arguments and the values inside shell quoting calls."""
        out, stack = [], list(args)
        while stack:
            a = stack.pop(0)
            if a.type in _SEQUENCES or (a.type == "argument_list" and a.named_children):
                stack[:0] = list(a.named_children)
                continue
            if a.type in self.spec.calls and _SHELL_QUOTERS.search(self.callee(a)):
                stack[:0] = self.args(a)
                continue
            if a.type in self.spec.concat:  # 'sqlite3 db ' . escapeshellarg($sql): the quoted parts
                quoted = [
                    c for c in _descendants(a) if c.type in self.spec.calls and _SHELL_QUOTERS.search(self.callee(c))
                ]
                if quoted:
                    stack[:0] = [x for q in quoted for x in self.args(q)]
                    continue
            out.append(a)
        return out

    def _is_query(self, element, scope) -> bool:
        text = self.text(element)
        if SQL_WORDS.search(text):
            return True
        if element.type in self.spec.idents:
            name = self.name_of(element)
            return bool(_QUERY_NAME.search(name)) or bool(SQL_WORDS.search(scope.values.get(name, "")))
        return False


def _descendants(node) -> list:
    out, stack = [], list(node.named_children)
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n.named_children)
    return out
