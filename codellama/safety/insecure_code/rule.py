"""One insecure-code rule: a pattern, the weakness it stands for (CWE), how bad it is, and how to fix it."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from enum import Enum
from functools import lru_cache

SEVERITIES = ("low", "medium", "high")


@lru_cache(maxsize=8192)
def rx(pattern: str, flags: int = 0) -> re.Pattern:
    """A compiled pattern, kept: scanning uses several hundred patterns, close to what the `re` module's own cache
    holds (512 entries, shared with the rest of the process), so none of ours is compiled twice."""
    return re.compile(pattern, flags)


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
    and the line after, unless `multiline`); `near`: a pattern that must occur in the context: the line, the four
    above and the two below, the header of the enclosing function, or a line that calls that function (a token-ish
    name for weak randomness); `not_near`: a pattern that, on the line, the two above or the enclosing function's
    header, clears it (a cache key for a weak hash, jitter for randomness); `file_if`: a pattern that must occur
    somewhere in the code; `file_unless`: a pattern that, anywhere in the code, clears every match (e.g. a hardened
    XML parser); `fallback`: only used when the syntax-aware check could not run."""

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
    not_near: re.Pattern | None = None
    file_if: re.Pattern | None = None

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
    not_near: str | None = None,
    file_if: str | None = None,
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
        compiled(not_near),
        re.compile(file_if, flags) if file_if else None,
    )


# Names that make weak randomness or a literal value a security matter.
SECRET_NAME = r"(token|passw|pwd|secret|salt|nonce|otp|session|api_?key|private_?key|auth|csrf|reset|key\b)"
# Where weak randomness is a security matter: the value is (or builds) a token, password, key, code or id.
RANDOM_CONTEXT = (
    SECRET_NAME[:-1] + r"|invite|invitation|verif|activation|coupon|voucher|\bpin\b|passcode|\bsid\b|sessid|"
    r"credential|one.?time|magic.?link|(?<=_)pass\b|\bpass_|passphrase|(reset|confirm\w*|access|login|promo|gift"
    r"|discount|recovery|backup|referral)_?code|apikey|api_key|\bcode\s*=)"
)
# Random text made from an alphabet or a range of digits: how tokens and codes are made.
TOKEN_LIKE = (
    r"\b(ALPHABET|CHARSET|CHARS|LETTERS|DIGITS|alphabet|charset|chars|Chars|letters|ascii_\w+|hexdigits)\b"
    r"|toString\(\s*(36|16)\s*\)|\.join\(\s*random\.|\brandom\.choices?\(\s*(string\.|\w*(ALPHA|CHAR|LETTER|DIGIT|HEX"
    r"|SYMBOL|alpha|char|letter|digit))|%0?\d*[xX]"
    r"|\b1000+\s*,\s*9999+\b|\b1000+\s*\+\s*\w+\.next\w*\(\s*9000+"
)
# Uses of randomness or a weak hash that are not about security.
NOT_SECURITY_RANDOM = (
    r"jitter|backoff|retry|retries|delay|sleep|shuffle|sample|sampling|colou?r|animation|dice|game|quiz|mock|fake"
    r"|simulat|noise|temperature|\bseed\(\s*\d+|placeholder|demo"
)
NOT_SECURITY_HASH = (
    r"etag|e_tag|cache|gravatar|dedup|shard|bucket|partition|usedforsecurity|non.?crypto|not (for|a) security"
    r"|content.?address|fingerprint_?cache"
)
# A name in /tmp is a weakness when the code creates or writes the file there, or makes the name from a PID or clock.
TMP_WRITE = (
    r"open\s*\(|fopen|ofstream|fstream|writeFile|createWriteStream|FileOutputStream|FileWriter|WriteAll|StreamWriter"
    r"|File\.Create|file_put_contents|fwrite|\bwrite|[\"']wb?\+?[\"']|O_CREAT|\bcreat\(|to_csv|\.dump\(|\.save\("
    r"|getpid|\$\$|\bpid\b|\btime\(|Date\.now|uniqid|currentTimeMillis|Ticks\b|>\s*[\"']?\$"
    r"|\bdate\(|strftime|DateTime\.(Now|UtcNow|Today)|LocalDate(Time)?\.now|Instant\.now|datetime\.now|\$\(date\b"
)
