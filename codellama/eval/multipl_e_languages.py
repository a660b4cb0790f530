"""The six MultiPL-E targets: types, literals, the prompt (docstring as comments, then the signature with its
opening brace), the tests (closing the function, then one equality check per `assert candidate(...) == ...`),
and how to compile and run. The model writes the function's body; the program run is prompt + body + tests.
"""

from __future__ import annotations

import json
import math

from codellama.eval.multipl_e_source import Check, Signature, Untranslatable, describe
from codellama.sandbox import Limits

BIG_RUNTIME = Limits(wall_seconds=60, cpu_seconds=60, memory_mb=16384, file_size_mb=64, disk_mb=256, processes=512)


def _float(value: float) -> str:
    if not math.isfinite(value):
        raise Untranslatable(f"a test uses the float {value!r}")
    return repr(float(value))


def _int(value: int) -> str:
    if not -(2**63) <= value < 2**63:
        raise Untranslatable(f"a test uses {value}, beyond 64-bit integers")
    return str(value)


def _c_string(value: str) -> str:
    return json.dumps(value)  # \n, \", \\ and \uXXXX mean the same in C++, Java, C# and TypeScript


def _comment(doc: str, marker: str) -> str:
    return "".join(f"{marker} {line}".rstrip() + "\n" for line in doc.splitlines())


class Language:
    name = ""
    extension = ""
    stop: list[str] = []
    limits = Limits(wall_seconds=30, cpu_seconds=30, memory_mb=2048, file_size_mb=64, disk_mb=256, processes=64)

    def prompt(self, sig: Signature) -> str:
        raise NotImplementedError

    def tests(self, sig: Signature) -> str:
        raise NotImplementedError

    def command(self) -> list[str]:
        raise NotImplementedError

    def args(self, sig: Signature, check: Check) -> str:
        return ", ".join(self.literal(v, t) for v, (_, t) in zip(check.args, sig.params))

    def literal(self, value: object, t: tuple) -> str:
        raise NotImplementedError


class Cpp(Language):
    name, extension, stop = "cpp", "cpp", ["\n}"]

    def type(self, t: tuple) -> str:
        kind = t[0]
        if kind in ("int", "float", "str", "bool"):
            return {"int": "long", "float": "double", "str": "std::string", "bool": "bool"}[kind]
        if kind == "list":
            return f"std::vector<{self.type(t[1])}>"
        if kind == "tuple":
            return f"std::tuple<{', '.join(self.type(p) for p in t[1])}>"
        if kind == "dict":
            return f"std::map<{self.type(t[1])}, {self.type(t[2])}>"
        return f"std::optional<{self.type(t[1])}>"

    def literal(self, value: object, t: tuple) -> str:
        kind = t[0]
        if kind == "optional":
            return "std::nullopt" if value is None else f"{self.type(t)}({self.literal(value, t[1])})"
        if kind == "bool":
            return "true" if value else "false"
        if kind == "int":
            return _int(value)
        if kind == "float":
            return _float(value)
        if kind == "str":
            return f"std::string({_c_string(value)})"
        if kind == "list":
            return f"{self.type(t)}({{{', '.join(self.literal(v, t[1]) for v in value)}}})"
        if kind == "tuple":
            return f"std::make_tuple({', '.join(self.literal(v, p) for v, p in zip(value, t[1]))})"
        items = ", ".join(f"{{{self.literal(k, t[1])}, {self.literal(v, t[2])}}}" for k, v in value.items())
        return f"{self.type(t)}({{{items}}})"

    def prompt(self, sig: Signature) -> str:
        params = ", ".join(f"{self.type(t)} {name}" for name, t in sig.params)
        return (
            f"#include<assert.h>\n#include<bits/stdc++.h>\n{_comment(sig.doc, '//')}"
            f"{self.type(sig.returns)} {sig.name}({params}) {{\n"
        )

    def tests(self, sig: Signature) -> str:
        lines = [f"    auto candidate = {sig.name};"]
        for check in sig.checks:
            call, expected = f"candidate({self.args(sig, check)})", self.literal(check.expected, sig.returns)
            lines.append(
                f"    assert(std::abs({call} - {expected}) < {check.tolerance});"
                if check.tolerance
                else f"    assert({call} == {expected});"
            )
        return "}\nint main() {\n" + "\n".join(lines) + "\n}\n"

    def command(self) -> list[str]:
        return ["sh", "-c", "g++ -std=c++17 -o program program.cpp && ./program"]


class Java(Language):
    name, extension, stop = "java", "java", ["\n    }\n"]
    limits = BIG_RUNTIME
    BOXED = {"int": "Long", "float": "Double", "str": "String", "bool": "Boolean"}

    def type(self, t: tuple, boxed: bool = False) -> str:
        kind = t[0]
        if kind in self.BOXED:
            return (
                self.BOXED[kind]
                if boxed or kind == "str"
                else {"int": "long", "float": "double", "bool": "boolean"}[kind]
            )
        if kind == "list":
            return f"ArrayList<{self.type(t[1], True)}>"
        if kind == "dict":
            return f"HashMap<{self.type(t[1], True)},{self.type(t[2], True)}>"
        if kind == "optional":
            return f"Optional<{self.type(t[1], True)}>"
        raise Untranslatable(f"Java has no standard type for {describe(t)}")

    def literal(self, value: object, t: tuple) -> str:
        kind = t[0]
        if kind == "optional":
            return "Optional.empty()" if value is None else f"Optional.of({self.literal(value, t[1])})"
        if kind == "bool":
            return "true" if value else "false"
        if kind == "int":
            return f"{_int(value)}L"
        if kind == "float":
            return _float(value)
        if kind == "str":
            return _c_string(value)
        if kind == "list":
            items = ", ".join(self.literal(v, t[1]) for v in value)
            return f"new {self.type(t)}(Arrays.asList({items}))" if value else f"new {self.type(t)}()"
        if kind == "dict":
            puts = " ".join(f"put({self.literal(k, t[1])}, {self.literal(v, t[2])});" for k, v in value.items())
            return f"new {self.type(t)}() {{{{ {puts} }}}}"
        raise Untranslatable(f"Java has no standard type for {describe(t)}")

    def prompt(self, sig: Signature) -> str:
        params = ", ".join(f"{self.type(t)} {name}" for name, t in sig.params)
        self.type(sig.returns)
        return (
            "import java.util.*;\nimport java.lang.reflect.*;\nimport java.math.*;\nimport java.security.*;\n"
            "import java.util.stream.*;\nclass Problem {\n"
            + _comment(sig.doc, "    //")
            + f"    public static {self.type(sig.returns)} {sig.name}({params}) {{\n"
        )

    def tests(self, sig: Signature) -> str:
        lines = []
        for i, check in enumerate(sig.checks):
            call, expected = f"{sig.name}({self.args(sig, check)})", self.literal(check.expected, sig.returns)
            test = (
                f"Math.abs({call} - {expected}) < {check.tolerance}"
                if check.tolerance
                else f"Objects.equals({call}, {expected})"
            )
            lines.append(f'        if (!({test})) throw new AssertionError("check {i} failed");')
        return "    }\n    public static void main(String[] args) {\n" + "\n".join(lines) + "\n    }\n}\n"

    def command(self) -> list[str]:
        return ["sh", "-c", "javac -J-Xmx512m Problem.java && java -Xmx512m -Xss16m -cp . Problem"]


class CSharp(Language):
    name, extension, stop = "cs", "cs", ["\n    }\n"]
    limits = BIG_RUNTIME
    HELPER = """    static bool Eq(object a, object b) {
        if (a == null || b == null) return a == b;
        if (a is string || !(a is System.Collections.IEnumerable) || !(b is System.Collections.IEnumerable))
            return a.Equals(b);
        if (a is System.Collections.IDictionary da && b is System.Collections.IDictionary db) {
            if (da.Count != db.Count) return false;
            foreach (System.Collections.DictionaryEntry e in da)
                if (!db.Contains(e.Key) || !Eq(e.Value, db[e.Key])) return false;
            return true;
        }
        var xa = ((System.Collections.IEnumerable)a).Cast<object>().ToList();
        var xb = ((System.Collections.IEnumerable)b).Cast<object>().ToList();
        return xa.Count == xb.Count && xa.Zip(xb, Eq).All(x => x);
    }
"""

    def type(self, t: tuple) -> str:
        kind = t[0]
        if kind in ("int", "float", "str", "bool"):
            return {"int": "long", "float": "double", "str": "string", "bool": "bool"}[kind]
        if kind == "list":
            return f"List<{self.type(t[1])}>"
        if kind == "tuple":
            return f"Tuple<{', '.join(self.type(p) for p in t[1])}>"
        if kind == "dict":
            return f"Dictionary<{self.type(t[1])},{self.type(t[2])}>"
        inner = self.type(t[1])
        return inner if t[1][0] in ("str", "list", "dict", "tuple") else f"{inner}?"

    def literal(self, value: object, t: tuple) -> str:
        kind = t[0]
        if kind == "optional":
            return "null" if value is None else self.literal(value, t[1])
        if kind == "bool":
            return "true" if value else "false"
        if kind == "int":
            return f"{_int(value)}L"
        if kind == "float":
            return _float(value)
        if kind == "str":
            return _c_string(value)
        if kind == "list":
            return f"new {self.type(t)}(new {self.type(t[1])}[]{{{', '.join(self.literal(v, t[1]) for v in value)}}})"
        if kind == "tuple":
            return f"Tuple.Create({', '.join(self.literal(v, p) for v, p in zip(value, t[1]))})"
        items = ", ".join(f"{{{self.literal(k, t[1])}, {self.literal(v, t[2])}}}" for k, v in value.items())
        return f"new {self.type(t)}{{{items}}}"

    def prompt(self, sig: Signature) -> str:
        params = ", ".join(f"{self.type(t)} @{name}" for name, t in sig.params)  # @: names like `string` are keywords
        return (
            "using System;\nusing System.Numerics;\nusing System.Diagnostics;\nusing System.Collections.Generic;\n"
            "using System.Linq;\nusing System.Text;\nusing System.Security.Cryptography;\nclass Problem {\n"
            + _comment(sig.doc, "    //")
            + f"    public static {self.type(sig.returns)} {sig.name}({params}) {{\n"
        )

    def tests(self, sig: Signature) -> str:
        lines = []
        for i, check in enumerate(sig.checks):
            call, expected = f"{sig.name}({self.args(sig, check)})", self.literal(check.expected, sig.returns)
            test = (
                f"Math.Abs({call} - {expected}) < {check.tolerance}" if check.tolerance else f"Eq({call}, {expected})"
            )
            lines.append(f'        if (!({test})) throw new Exception("check {i} failed");')
        return (
            "    }\n"
            + self.HELPER
            + "    public static void Main(string[] args) {\n"
            + "\n".join(lines)
            + "\n    }\n}\n"
        )

    def command(self) -> list[str]:
        return ["sh", "-c", "mcs -nowarn:219,414,162,168 -out:program.exe program.cs >&2 && mono program.exe"]


class TypeScript(Language):
    name, extension, stop = "ts", "ts", ["\n}"]
    limits = BIG_RUNTIME

    def type(self, t: tuple) -> str:
        kind = t[0]
        if kind in ("int", "float", "str", "bool"):
            return {"int": "number", "float": "number", "str": "string", "bool": "boolean"}[kind]
        if kind == "list":
            return f"{self.type(t[1])}[]"
        if kind == "tuple":
            return f"[{', '.join(self.type(p) for p in t[1])}]"
        if kind == "dict":
            return f"{{[key: {self.type(t[1])}]: {self.type(t[2])}}}"
        return f"{self.type(t[1])} | undefined"

    def literal(self, value: object, t: tuple) -> str:
        kind = t[0]
        if kind == "optional":
            return "undefined" if value is None else self.literal(value, t[1])
        if kind == "bool":
            return "true" if value else "false"
        if kind == "int":
            return _int(value)
        if kind == "float":
            return _float(value)
        if kind == "str":
            return _c_string(value)
        if kind == "list":
            return f"[{', '.join(self.literal(v, t[1]) for v in value)}]"
        if kind == "tuple":
            return f"[{', '.join(self.literal(v, p) for v, p in zip(value, t[1]))}]"
        return "{" + ", ".join(f"{self.literal(k, t[1])}: {self.literal(v, t[2])}" for k, v in value.items()) + "}"

    def prompt(self, sig: Signature) -> str:
        params = ", ".join(f"{name}: {self.type(t)}" for name, t in sig.params)
        return _comment(sig.doc, "//") + f"function {sig.name}({params}): {self.type(sig.returns)} {{\n"

    def tests(self, sig: Signature) -> str:
        lines = [f"  let candidate = {sig.name};"]
        for check in sig.checks:
            call, expected = f"candidate({self.args(sig, check)})", self.literal(check.expected, sig.returns)
            lines.append(
                f"  assert.ok(Math.abs({call} - {expected}) < {check.tolerance});"
                if check.tolerance
                else f"  assert.deepStrictEqual({call}, {expected});"
            )
        return (
            '}\n\ndeclare var require: any;\nconst assert = require("node:assert");\nfunction test() {\n'
            + "\n".join(lines)
            + "\n}\n\ntest();\n"
        )

    def command(self) -> list[str]:
        return ["sh", "-c", "tsc --target es2020 --lib es2020 program.ts && node program.js"]


class Php(Language):
    name, extension, stop = "php", "php", ["\n}"]

    def literal(self, value: object, t: tuple) -> str:
        kind = t[0]
        if kind == "optional":
            return "null" if value is None else self.literal(value, t[1])
        if kind == "bool":
            return "true" if value else "false"
        if kind == "int":
            return _int(value)
        if kind == "float":
            return _float(value)
        if kind == "str":
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
        if kind == "list":
            return f"array({', '.join(self.literal(v, t[1]) for v in value)})"
        if kind == "tuple":
            return f"array({', '.join(self.literal(v, p) for v, p in zip(value, t[1]))})"
        return (
            "array(" + ", ".join(f"{self.literal(k, t[1])} => {self.literal(v, t[2])}" for k, v in value.items()) + ")"
        )

    def prompt(self, sig: Signature) -> str:
        params = ", ".join(f"${name}" for name, _ in sig.params)
        return f"<?php\n{_comment(sig.doc, '//')}function {sig.name}({params}) {{\n"

    def tests(self, sig: Signature) -> str:
        lines = []
        for check in sig.checks:
            call, expected = f"candidate({self.args(sig, check)})", self.literal(check.expected, sig.returns)
            failed = f"abs({call} - {expected}) >= {check.tolerance}" if check.tolerance else f"{call} !== {expected}"
            lines.append(f'    if ({failed}) {{ throw new Exception("Test failed!"); }}')
        return (
            f"}}\n\nfunction candidate(...$args) {{\n    return {sig.name}(...$args);\n}}\n\n"
            "function test(): void {\n" + "\n".join(lines) + "\n}\n\ntest();\n"
        )

    def command(self) -> list[str]:
        return ["php", "program.php"]


class Bash(Language):
    """Values are strings: a list is space-separated, a list of lists one row per line, a dict `key,value`
    lines, a bool true/false, None the empty string (MultiPL-E's conventions)."""

    name, extension, stop = "sh", "sh", ["\n}"]

    def text(self, value: object, t: tuple, nested: bool = False) -> str:
        kind = t[0]
        if kind == "optional":
            return "" if value is None else self.text(value, t[1], nested)
        if kind == "bool":
            return "true" if value else "false"
        if kind == "int":
            return _int(value)
        if kind == "float":
            return _float(value)
        if kind == "str":
            if nested and (not value or any(c.isspace() or c == "," for c in value)):
                raise Untranslatable("a list holds strings with spaces or commas, or empty strings")
            return value
        if kind in ("list", "tuple"):
            parts = t[1] if kind == "tuple" else [t[1]] * len(value)
            if any(p[0] in ("list", "tuple", "dict") for p in parts):
                if nested:
                    raise Untranslatable("lists nested more than two deep")
                return "\n".join(self.text(v, p, True) for v, p in zip(value, parts))
            return " ".join(self.text(v, p, True) for v, p in zip(value, parts))
        return "\n".join(f"{self.text(k, t[1], True)},{self.text(v, t[2], True)}" for k, v in value.items())

    def literal(self, value: object, t: tuple) -> str:
        return "'" + self.text(value, t).replace("'", "'\\''") + "'"

    def prompt(self, sig: Signature) -> str:
        described = "".join(f"# ${i} is {self.describe(t)}\n" for i, (_, t) in enumerate(sig.params, 1))
        return f"#!/bin/bash\n{_comment(sig.doc, '#')}#\n{described}{sig.name}() {{\n"

    @staticmethod
    def describe(t: tuple) -> str:
        kind = t[0]
        return {
            "int": "an integer",
            "float": "a floating point",
            "str": "a string",
            "bool": "true or false",
            "list": "a space-separated list",
            "tuple": "a space-separated list",
            "dict": "key,value lines",
            "optional": "a value or empty",
        }[kind]

    def tests(self, sig: Signature) -> str:
        lines = []
        for check in sig.checks:
            call = f"candidate {' '.join(self.literal(v, t) for v, (_, t) in zip(check.args, sig.params))}"
            expected = self.literal(check.expected, sig.returns)
            if check.tolerance:
                lines.append(
                    f'    awk -v a="$({call})" -v b={expected} \'BEGIN {{ d = a - b; '
                    f"exit !(d < {check.tolerance} && -d < {check.tolerance}) }}'"
                )
            else:
                lines.append(f'    [[ "$({call})" = {expected} ]]')
        return (
            f'}}\n\ncandidate() {{\n    {sig.name} "$@"\n}}\n\nset -e\nrun_test() {{\n'
            + "\n".join(lines)
            + "\n}\n\nrun_test\n"
        )

    def command(self) -> list[str]:
        return ["bash", "program.sh"]


LANGUAGES: dict[str, Language] = {lang.name: lang for lang in (Cpp(), Java(), Php(), TypeScript(), CSharp(), Bash())}
