"""Insecure-code detector: rules per language (Python, C, C++, Java, JavaScript/TypeScript, PHP, C#, Bash), each
with a CWE id, a severity and a one-line fix hint. Regular expressions everywhere, plus syntax-aware checks for
Python (`ast`) when the code parses.

    scan(code, language=None) -> list[Finding]      # language guessed from the content when None
    outcome(finding, policy) -> Outcome             # BLOCK / WARN / IGNORE

Meant for generated code only: scan the completion, not the user's surrounding prompt (see `scan_completion`).
"""

from __future__ import annotations

import bisect
import re

from codellama.languages import canonical_language, language_of
from codellama.safety.insecure_code import (
    bash_rules,
    c_rules,
    common_rules,
    csharp_rules,
    java_rules,
    js_rules,
    php_rules,
    python_rules,
)
from codellama.safety.insecure_code.partial_escape import partly_escaped_markup
from codellama.safety.insecure_code.python_ast import check_python, parse_python
from codellama.safety.insecure_code.rule import RANDOM_CONTEXT, Finding, Outcome, Rule, rx
from codellama.safety.insecure_code.taint import check_tree
from codellama.safety.insecure_code.tmp_names import only_read_tmp_lines, predictable_tmp_writes

__all__ = [
    "Finding",
    "Outcome",
    "Rule",
    "RULES",
    "LANGUAGES",
    "RULE_SETS",
    "scan",
    "scan_completion",
    "outcome",
    "rule_set",
    "normalise_language",
    "guess_code_language",
    "language_for_file",
    "worst_outcome",
]

RULES: dict[str, list[Rule]] = {
    "python": python_rules.RULES,
    "c": c_rules.RULES,
    "cpp": c_rules.RULES + c_rules.CPP_RULES,
    "java": java_rules.RULES,
    "javascript": js_rules.RULES,
    "php": php_rules.RULES,
    "csharp": csharp_rules.RULES,
    "bash": bash_rules.RULES,
}
for _language in RULES:  # credentials recognisable by their value, in every language
    RULES[_language] = RULES[_language] + common_rules.RULES
_COMMON_IDS = {r.rule_id for r in common_rules.RULES}
LANGUAGES = tuple(RULES)
# Languages (codellama/languages.py names) checked with another language's rules.
RULE_SETS = {"typescript": "javascript", "shell": "bash", "razor": "csharp"}
# Policy: which severities block and which warn (the rest are ignored).
POLICIES = {
    "strict": {"high": Outcome.BLOCK, "medium": Outcome.BLOCK, "low": Outcome.WARN},
    "default": {"high": Outcome.BLOCK, "medium": Outcome.WARN, "low": Outcome.IGNORE},
    "warn": {"high": Outcome.WARN, "medium": Outcome.WARN, "low": Outcome.IGNORE},
    "off": {"high": Outcome.IGNORE, "medium": Outcome.IGNORE, "low": Outcome.IGNORE},
}
NEAR_LINES = 4
_COMMENT_START = {
    "python": r"#",
    "bash": r"#",
    "php": r"#|//|/?\*",
    "c": r"//|/?\*",
    "cpp": r"//|/?\*",
    "java": r"//|/?\*",
    "javascript": r"//|/?\*",
    "csharp": r"//|/?\*",
}
_COMMENT_LINE = {lang: re.compile(rf"^\s*({c})") for lang, c in _COMMENT_START.items()}
# A function's header line, with its name in a group (for the context of `near` and `not_near`).
_C_LIKE_HEADER = (
    r"^\s*(?:[\w<>\[\],.?*&:~@\[\]\"()=]+\s+)+\**&?(\w+)\s*\([^;]*$|^\s*(?:public|private|protected|internal|static)\b"
    r"[^;=]*?\b(\w+)\s*\("
)
_FUNCTION_HEADER = {
    "python": re.compile(r"^\s*(?:async\s+)?def\s+(\w+)"),
    "javascript": re.compile(
        r"^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*(\w+)|^\s*(?:export\s+)?(?:const|let|var)\s+"
        r"(\w+)\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|\w+\s*=>)|^\s*(?:static\s+|async\s+)*(\w+)\s*\([^)]*\)\s*\{"
    ),
    "java": re.compile(_C_LIKE_HEADER),
    "csharp": re.compile(_C_LIKE_HEADER),
    "c": re.compile(_C_LIKE_HEADER),
    "cpp": re.compile(_C_LIKE_HEADER),
    "php": re.compile(r"\bfunction\s+&?(\w+)\s*\("),
    "bash": re.compile(r"^\s*(?:function\s+)?([\w-]+)\s*\(\s*\)|^\s*function\s+([\w-]+)"),
}
_CLASS_HEADER = re.compile(
    r"^\s*(?:export\s+|public\s+|private\s+|internal\s+|protected\s+|final\s+|abstract\s+|static\s+|sealed\s+"
    r"|partial\s+|default\s+)*(?:class|struct)\s+([A-Za-z_]\w*)"
)
# Classes whose names hold a secret-ish word without being about secrets (a token bucket limits a rate)
_NOT_ABOUT_SECRETS = re.compile(r"(?i)bucket|limiter|throttl|tokeni[sz]er|lexer|parser")
_NOT_FUNCTIONS = {
    "if",
    "for",
    "while",
    "switch",
    "catch",
    "return",
    "new",
    "else",
    "sizeof",
    "using",
    "lock",
    "foreach",
}

# Content signals for guessing a language, strongest first.
_SIGNALS = [
    ("php", re.compile(r"<\?php|\$_(GET|POST|REQUEST|COOKIE)\b|\bmysqli_\w+\(|\becho\s+\$\w+")),
    ("bash", re.compile(r"^#!\s*/(usr/)?bin/(env\s+)?(ba|z|k|da)?sh\b|^\s*(fi|done|esac)\s*$|^\s*if\s+\[\[?\s", re.M)),
    (
        "python",
        re.compile(r"^#!.*python|^\s*(def|class)\s+\w+.*:\s*$|^\s*(import\s+\w+|from\s+[\w.]+\s+import)\s", re.M),
    ),
    (
        "csharp",
        re.compile(
            r"^\s*using\s+System(\.[\w.]+)?;|\bnamespace\s+[\w.]+\s*[{;]|@model\b|@Html\.|\bpublic\s+"
            r"(async\s+)?(Task|IActionResult|string|void)\s+\w+\s*\(.*\)\s*(=>|\{)?\s*$|\bvar\s+\w+\s*="
            r"\s*new\s+\w+\s*\{",
            re.M,
        ),
    ),
    (
        "java",
        re.compile(
            r"^\s*import\s+(java|javax|org|com)\.[\w.*]+;|\bpublic\s+(static\s+)?(final\s+)?class\b|"
            r"\bSystem\.out\.print|\bthrows\s+\w+(Exception|Error)\b|\bextends\s+HttpServlet\b",
            re.M,
        ),
    ),
    (
        "cpp",
        re.compile(
            r"#include\s*<(iostream|string|vector|map|memory|cstdio|cstring|cstdlib|random)>|\bstd::"
            r"|\bnamespace\s+\w+\s*\{|\btemplate\s*<|\bclass\s+\w+\s*(:\s*public\s+\w+\s*)?\{"
        ),
    ),
    ("c", re.compile(r"^\s*#include\s*[<\"]|\bint\s+main\s*\(|\bprintf\s*\(|\bmalloc\s*\(", re.M)),
    (
        "javascript",
        re.compile(
            r"\brequire\s*\(\s*['\"]|\bconsole\.log\(|\b(const|let)\s+\w+\s*=|=>\s*[{(]|\bfunction\s+"
            r"\w+\s*\(|\bdocument\.\w+|\bexport\s+(default\s+)?(function|const|class)\b|\binterface\s+"
            r"\w+\s*\{"
        ),
    ),
]


def rule_set(language: str | None) -> str | None:
    """The rules (a key of RULES) that check `language`, given by name, alias or extension ('ts', 'c++', '.sh');
    None for None or a language without rules."""
    if language is None:
        return None
    name = canonical_language(language)
    name = RULE_SETS.get(name, name)
    return name if name in RULES else None


def normalise_language(language: str | None) -> str | None:
    """Our name for a language (python, c, cpp, java, javascript, php, csharp, bash); None for None.
    Raises ValueError for a language without rules."""
    if language is None:
        return None
    name = rule_set(language)
    if name is None:
        raise ValueError(f"no insecure-code rules for language {language!r}; known: {', '.join(LANGUAGES)}")
    return name


def guess_code_language(code: str) -> str | None:
    """The language a piece of code looks like, from content alone; None when nothing matches."""
    head = code[:20000]
    for language, signal in _SIGNALS:
        if signal.search(head):
            return language
    from codellama.stopping import guess_language

    return rule_set(guess_language(head))


def language_for_file(path: str, code: str = "") -> str | None:
    """The language of a file: from its extension, else from its content."""
    return rule_set(language_of(path)) or guess_code_language(code)


def _line_starts(code: str) -> list[int]:
    starts = [0]
    find = code.find
    pos = find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def _candidate_spans(code: str, needles: tuple[str, ...], starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) spans to search: each line holding a needle, with the line after it (str.find is far faster
    than a regular expression over the whole text, and most lines hold no needle)."""
    lines: set[int] = set()
    for needle in needles:
        pos = code.find(needle)
        while pos >= 0:
            line = bisect.bisect_right(starts, pos) - 1
            lines.add(line)
            pos = code.find(needle, starts[line + 1] if line + 1 < len(starts) else len(code))
    spans = []
    for line in sorted(lines):
        end = starts[line + 2] if line + 2 < len(starts) else len(code)
        if spans and spans[-1][1] >= starts[line]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((starts[line], end))
    return spans


_ABOUT_SECRETS = re.compile(RANDOM_CONTEXT, re.I)


class _Context:
    """The lines around a match that say what it is for: the enclosing function's header and the lines calling it."""

    def __init__(self, code: str, language: str):
        self.code, self.language = code, language
        self.lines = code.split("\n")
        self._headers: dict[int, tuple[str, str | None]] = {}
        self._calls: dict[str, list[int]] | None = None

    def header(self, index: int) -> tuple[str, str | None]:
        """(header line, function name) of the function around line `index` (0-based)."""
        if index not in self._headers:
            found = ("", None)
            pattern = _FUNCTION_HEADER[self.language]
            for i in range(index, max(-1, index - 60), -1):
                m = pattern.search(self.lines[i])
                name = next((g for g in m.groups() if g), None) if m else None
                if name and name not in _NOT_FUNCTIONS:
                    found = (self.lines[i], name)
                    break
            self._headers[index] = found
        return self._headers[index]

    def callers(self, name: str, after: int = 0) -> str:
        """The lines that call `name` (one pass over the code builds the index for every name), and `after` lines
        below each (what the caller does with the result)."""
        if self._calls is None:
            self._calls = {}
            starts = _line_starts(self.code)
            for m in rx(r"(?:\$\(\s*|(?<![\w$]))([A-Za-z_][\w-]*)\s*\(?").finditer(self.code):
                if m.group(0).endswith("(") or m.group(0).startswith("$("):
                    self._calls.setdefault(m.group(1), []).append(bisect.bisect_right(starts, m.start()) - 1)
        rows = sorted(set(self._calls.get(name, ())))[:20]
        return "\n".join("\n".join(self.lines[i : i + 1 + after]) for i in rows)

    def window(self, index: int) -> str:
        """The line, the four above and the two below, without crossing into the function before or after."""
        header = _FUNCTION_HEADER[self.language]
        lines = [self.lines[index]]
        for i in range(index - 1, max(-1, index - NEAR_LINES - 1), -1):
            lines.insert(0, self.lines[i])
            if header.search(self.lines[i]):
                break
        for i in range(index + 1, min(len(self.lines), index + 3)):
            if header.search(self.lines[i]):
                break
            lines.append(self.lines[i])
        return "\n".join(lines)

    def near(self, pattern: re.Pattern, index: int) -> bool:
        if pattern.search(self.window(index)):
            return True
        header, name = self.header(index)
        if pattern.search(header) or (name and pattern.search(self.callers(name))):
            return True
        owner = self.owner(index)
        return bool(owner and pattern.search(owner))

    def owner(self, index: int, judged: bool = True) -> str | None:
        """The name of the class or struct the line belongs to (`SessionStore`, `InviteCodes`): what its methods
        are for. The nearest class header above the line, unless its body visibly ended before the line (a closing
        brace at the header's indentation, or in Python code back at that indentation). `judged`: None for a class
        whose name says it is not about secrets (a token bucket, a tokenizer)."""
        for i in range(index, max(-1, index - 200), -1):
            m = _CLASS_HEADER.match(self.lines[i])
            if not m:
                continue
            indent = len(self.lines[i]) - len(self.lines[i].lstrip())
            for line in self.lines[i + 1 : index]:
                stripped = line.strip()
                depth = len(line) - len(line.lstrip())
                if stripped and depth <= indent and (stripped.startswith("}") or self.language == "python"):
                    if not stripped.startswith(("{", "#", "@", ")")):
                        return None
            return None if judged and _NOT_ABOUT_SECRETS.search(m.group(1)) else m.group(1)
        return None

    def not_near(self, pattern: re.Pattern, index: int) -> bool:
        """Also the comment lines just above the function's header (what the function is for)."""
        header = self.header(index)[0]
        comments = ""
        if header:
            at = self.lines.index(header, max(0, index - 60))
            above = []
            for i in range(at - 1, max(-1, at - 4), -1):
                if not _COMMENT_LINE[self.language].match(self.lines[i]):
                    break
                above.append(self.lines[i])
            comments = "\n".join(above)
        owner = self.owner(index, judged=False)  # a method of `DownloadCache`
        if (
            pattern.search(self.window(index))
            or pattern.search(header)
            or pattern.search(comments)
            or (owner and pattern.search(owner))
        ):
            return True
        # the lines calling a helper whose own name is not about a secret (`lbl.htmlFor = uniqueId('field')`)
        name = self.header(index)[1]
        return bool(name and not _ABOUT_SECRETS.search(header) and pattern.search(self.callers(name, after=2)))


def _regex_findings(code: str, language: str, rules: list[Rule], syntax_checked: bool) -> list[Finding]:
    findings: list[Finding] = []
    starts = _line_starts(code)
    comment = _COMMENT_LINE[language]
    context = _Context(code, language)
    for r in rules:
        if r.fallback and syntax_checked:
            continue
        needles = (r.needle,) if isinstance(r.needle, str) else r.needle
        if r.needle and not any(n in code for n in needles):
            continue
        if r.file_unless is not None and r.file_unless.search(code):
            continue
        if r.file_if is not None and not r.file_if.search(code):
            continue
        spans = [(0, len(code))] if r.multiline or not r.needle else _candidate_spans(code, needles, starts)
        seen: set[int] = set()
        for m in (m for start, end in spans for m in r.pattern.finditer(code, start, end)):
            if m.start() in seen:
                continue
            seen.add(m.start())
            # a rule may name the line to report (a group named at, at2... in each of its alternatives)
            at = next((m.start(g) for g in r.pattern.groupindex if g.startswith("at") and m.start(g) >= 0), m.start())
            index = bisect.bisect_right(starts, at) - 1
            line_end = code.find("\n", at)
            line = code[starts[index] : line_end if line_end >= 0 else len(code)]
            if comment.match(line) or (r.unless is not None and r.unless.search(line)):
                continue
            # `near`: the context (a token-ish name) may sit around the line or in the function's header or callers
            if r.near is not None and not context.near(r.near, index):
                continue
            if r.not_near is not None and context.not_near(r.not_near, index):
                continue
            findings.append(r.finding(index + 1, line))
    return findings


def scan(code: str, language: str | None = None) -> list[Finding]:
    """Findings in `code`, sorted by line. `language` None: guessed from the content (no guess: no findings)."""
    if not isinstance(code, str):
        raise ValueError(f"scan needs code as text, not {type(code).__name__}")
    language = normalise_language(language) or guess_code_language(code)
    if language is None or not code.strip():
        return []
    rules = RULES[language]
    findings: list[Finding] = []
    syntax_checked = False
    tree_findings = check_tree(code, language)
    if language == "python":
        tree = parse_python(code)
        if tree is not None:  # SQL: the tree checks follow the values (an allow-listed column is not input)
            findings += check_python(tree, code, {r.rule_id: r for r in rules}, flows=tree_findings is None)
            syntax_checked = True
    elif tree_findings is not None:
        syntax_checked = True
    findings += _regex_findings(code, language, rules, syntax_checked)
    # A tree finding, or one of the rules for every language, adds to the language's rules only where none of them
    # already reports the same weakness on that line.
    common = [f for f in findings if f.rule_id in _COMMON_IDS]
    findings = [f for f in findings if f.rule_id not in _COMMON_IDS]
    for extra in (tree_findings or (), common, partly_escaped_markup(code)):
        known = {(f.cwe, f.line) for f in findings}
        findings += [f for f in extra if (f.cwe, f.line) not in known]
    # code built around input (CWE-94, the tree's finding) is what a rule's `eval` of a value (CWE-95) found there
    built_code = {f.line for f in tree_findings or () if f.cwe == "CWE-94"}
    findings = [f for f in findings if not (f.cwe == "CWE-95" and f.line in built_code)]
    # a name under the temporary folder that is only read or tested afterwards: no file is created there
    if any(f.cwe == "CWE-377" for f in findings):
        only_read = only_read_tmp_lines(code)
        findings = [f for f in findings if not (f.cwe == "CWE-377" and f.line in only_read)]
    # a write into a predictable temporary name, where no rule reported the name being made just above it
    made = [f.line for f in findings if f.cwe == "CWE-377"]
    findings += [f for f in predictable_tmp_writes(code, language) if not any(0 <= f.line - m <= 4 for m in made)]
    unique = {(f.rule_id, f.line): f for f in findings}
    return sorted(unique.values(), key=lambda f: (f.line, f.rule_id))


def scan_completion(prompt: str, completion: str, language: str | None = None) -> list[Finding]:
    """Findings in the generated part only. The prompt gives context (language, a statement the completion
    finishes), but a finding on a line the prompt already held completely is the user's code, not ours."""
    language = normalise_language(language) or guess_code_language(prompt + completion)
    whole = prompt + completion
    first_generated_line = prompt.count("\n") + 1  # the line the completion starts on (it may finish it)
    return [f for f in scan(whole, language) if f.line >= first_generated_line]


def outcome(finding: Finding, policy: str = "default") -> Outcome:
    """BLOCK, WARN or IGNORE for one finding under a policy: default (high blocks, medium warns), strict, warn, off."""
    if policy not in POLICIES:
        raise ValueError(f"unknown insecure-code policy {policy!r}; use one of {', '.join(POLICIES)}")
    return POLICIES[policy][finding.severity]


def worst_outcome(findings: list[Finding], policy: str = "default") -> Outcome:
    """The strongest outcome among findings (IGNORE when there are none)."""
    outcomes = {outcome(f, policy) for f in findings}
    for o in (Outcome.BLOCK, Outcome.WARN):
        if o in outcomes:
            return o
    return Outcome.IGNORE
