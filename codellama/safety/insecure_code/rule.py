"""One insecure-code rule: a pattern, the weakness it stands for (CWE), how bad it is, and how to fix it."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from enum import Enum

SEVERITIES = ("low", "medium", "high")


class Outcome(Enum):
    BLOCK = "block"
    WARN = "warn"
    IGNORE = "ignore"


@dataclass(frozen=True)
class Finding:
    rule_id: str
    cwe: str  # "CWE-89"
    severity: str  # low | medium | high
    line: int  # 1-based line in the scanned code
    message: str
    fix_hint: str
    snippet: str = ""  # the offending line, stripped

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Rule:
    """A regular-expression rule. `needle`: a literal that must occur for the pattern to be tried (speed);
    `unless`: a pattern that, found on the same line, clears it (patterns are tried only on lines holding a needle
    and the line after, unless `multiline`); `near`: a pattern that must occur on the same
    line (e.g. a token-ish name for weak randomness); `file_unless`: a pattern that, anywhere in the code, clears
    every match (e.g. a hardened XML parser); `fallback`: only used when the syntax-aware check could not run."""

    rule_id: str
    cwe: str
    severity: str
    pattern: re.Pattern
    message: str
    fix_hint: str
    needle: str | tuple[str, ...] = ""
    unless: re.Pattern | None = None
    near: re.Pattern | None = None
    file_unless: re.Pattern | None = None
    fallback: bool = False
    multiline: bool = False  # the pattern may span more than two lines: search the whole text, not needle lines

    def finding(self, line: int, snippet: str) -> Finding:
        return Finding(self.rule_id, self.cwe, self.severity, line, self.message, self.fix_hint, snippet.strip()[:200])


def rule(
    rule_id: str,
    cwe: int,
    severity: str,
    pattern: str,
    message: str,
    fix_hint: str,
    *,
    needle: str | tuple[str, ...] = "",
    unless: str | None = None,
    near: str | None = None,
    file_unless: str | None = None,
    fallback: bool = False,
    multiline: bool = False,
    flags: int = 0,
) -> Rule:
    assert severity in SEVERITIES, severity
    compiled = lambda p: re.compile(p, flags | re.I) if p else None
    return Rule(
        rule_id,
        f"CWE-{cwe}",
        severity,
        re.compile(pattern, flags | re.M),
        message,
        fix_hint,
        needle,
        compiled(unless),
        compiled(near),
        compiled(file_unless),
        fallback,
        multiline,
    )


# Names that make weak randomness or a literal value a security matter.
SECRET_NAME = r"(token|passw|pwd|secret|salt|nonce|otp|session|api_?key|private_?key|auth|csrf|reset|key\b)"
