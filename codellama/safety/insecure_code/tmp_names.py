"""Predictable temporary files (CWE-377) in every language, followed through names, config entries and helpers:
`settings = { exportDir: os.tmpdir() }`, a helper returning `path.join(settings.exportDir, `report-${id}.csv`)`,
and `fs.writeFileSync(file, ...)` where `file = exportFile(id)`; a C helper filling `snprintf(out, n, "%s/job-%d",
SPOOL_DIR, getpid())` for its caller's `fopen(name, "w")`; a PHP `writeCsv($path, ...)` whose `fopen($path, 'w')`
is given a name under `sys_get_temp_dir()`.

The shared temporary directory is where any local user may create or link the name first. A name with a random
part (uuid, random bytes), one made by the system (mkstemp, mkdtemp, tempnam, createTempFile, GetTempFileName,
mktemp) or a file created exclusively ('wx', O_EXCL, CREATE_NEW, FileMode.CreateNew, mode "x") is fine.

Text-based on purpose: it runs the same way for the eight languages and for fragments that do not parse.

    predictable_tmp_writes(code, language) -> list[Finding]
"""

from __future__ import annotations

import re

from codellama.safety.insecure_code.rule import Finding

# The shared temporary directory, however a language spells it (a bare "/tmp" string, or a path literal in it).
_TMP_DIR = re.compile(
    r"""\bos\.tmpdir\(\)|\btmpdir\(\)|\bgettempdir\(\)|\bGetTempPath\(\)|java\.io\.tmpdir|\bsys_get_temp_dir\(\)"""
    r"""|\btemp_directory_path\(\)|\bP_tmpdir\b|\bTMPDIR\b|getenv\(\s*["'](TMP|TEMP)["']\)"""
    r"""|["'`](/var)?/tmp/?["'`]|["'`](/var)?/tmp/[^"'`\s]"""
)
# A name made random or by the system, or a file created exclusively: no other user can have made it first.
_SAFE = re.compile(
    r"mkstemp|mkdtemp|mkdtempSync|NamedTemporaryFile|TemporaryFile|TemporaryDirectory|SpooledTemporaryFile|tempnam"
    r"|\btmpfile\(|createTempFile|createTempDirectory|GetTempFileName|GetRandomFileName|\bmktemp\b|XXXXXX|O_EXCL"
    r"|CREATE_NEW|CreateNew|['\"]wx\+?['\"]|['\"]x[b+]?['\"]|\buuid|randomUUID|Guid\.NewGuid|NewGuid\(\)"
    r"|random_bytes|randomBytes|randomUUID|token_hex|token_urlsafe|\bsecrets\.|urandom|SecureRandom"
    r"|RandomNumberGenerator|\bcrypto\.random|openssl_random|\bopenssl\s+rand\b|/dev/urandom"
)
# The name of a value being assigned: `x = `, `const x = `, `self.x = `, `x: ` in a dict or object, `#define X`,
# bash `local x=`. (Not `==`, `=>`, `>=`.)
_ASSIGN = re.compile(
    r"""(?:^|[\s,{(])(?:#define\s+)?[$@]?(?:this\.|self\.|\$this->)?["']?([A-Za-z_]\w*)["']?\s*"""
    r"""(?:(?<![=!<>])=(?![=>~])|:(?!:)\s*(?=\S))"""
)
_KEY = re.compile(r"""^\s*["']?([A-Za-z_]\w*)["']?\s*(?::(?!:)|=>)\s*""")
_DEFINE = re.compile(r"^\s*#\s*define\s+([A-Za-z_]\w*)\s+(.+)$")
# A function's header: its name and its parameter text (Python, JS, Java, C#, C/C++, PHP, Bash).
_HEADER = re.compile(
    r"""^\s*(?:(?:public|private|protected|internal|static|final|async|export|override|virtual|inline|const|def"""
    r"""|function|func|fn)\s+)*(?:[\w<>\[\],.:*&?]+\s+[*&]?)?([A-Za-z_]\w*)\s*\(([^;]*?)\)\s*(?:const\s*)?"""
    r"""(?::\s*[\w?\\]+\s*)?(?:->\s*[^:{]+)?(?:throws\s+[\w.,\s]+)?\s*(?:\{|:)?\s*$"""
)
_NOT_FUNCTIONS = set(
    "if for while switch catch foreach using lock return elif with try synchronized fixed sizeof defined elseif else"
    " do until unless new typeof await assert".split()
)
# A directory created where it must not exist yet (no -p, no exist_ok, no recursive): nobody else can own it.
_EXCLUSIVE_DIR = re.compile(
    r"""\bmkdir\s+(?:-m\s*\S+\s+)?(?:--\s+)?"?\$\{?(\w+)\}?"?\s*(?:\)|&&|\|\||;|$)"""
    r"""|\b(?:os\.mkdir|mkdirSync|mkdir|Files\.createDirectory)\s*\(\s*(?:\$)?(\w+)\s*(?:,\s*0?o?[0-7]+\s*)?\)""",
    re.M,
)
_FILE_OUT = re.compile(r"^\s*(?:snprintf|sprintf|strcpy|strcat|strncpy|strncat)\s*\(\s*([A-Za-z_]\w*)")
# Calls that create or write a file, with the argument that names it (group "path").
_WRITES = [
    re.compile(r"""\b(?:fopen|open)\s*\(\s*(?P<path>[^,]+?)\s*,\s*(?:mode\s*=\s*)?["'`][wa]"""),
    re.compile(
        r"""\b(?:writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|file_put_contents)"""
        r"""\s*\(\s*(?P<path>[^,)]+)"""
    ),
    re.compile(
        r"""\bnew\s+(?:FileWriter|FileOutputStream|PrintWriter|StreamWriter|FileStream)\s*\(\s*(?P<path>[^,)]+)"""
    ),
    re.compile(r"""\bFiles\.(?:write|writeString|newBufferedWriter|newOutputStream)\s*\(\s*(?P<path>[^,)]+)"""),
    re.compile(
        r"""\bFile\.(?:WriteAll\w*|AppendAll\w*|Create|OpenWrite|AppendText|CreateText)\s*\(\s*(?P<path>[^,)]+)"""
    ),
    re.compile(r"""\b(?:std::)?(?:ofstream|fstream)\s+\w+\s*[({]\s*(?P<path>[^,)}]+)"""),
    re.compile(r"""\.(?:write_text|write_bytes)\s*\(|(?P<path>[^\s(]+)\.(?:to_csv|to_json|to_parquet|save)\("""),
    re.compile(r"""\.(?:to_csv|to_json|to_parquet|to_excel|savefig)\s*\(\s*(?P<path>[^,)]+)"""),
    re.compile(r"""(?:[^<>&\d]|^)>>?\s*(?P<path>"?\$\{?\w+\}?[^\s;|&)]*"?)"""),
    re.compile(r"""\btee\s+(?:-a\s+)?(?P<path>"?\$\{?\w+\}?[^\s;|&)]*"?)"""),
]
_WRITES_CODE = _WRITES[:-2]
_WRITES_SHELL = _WRITES[-2:]
_WRITE_NEEDLE = re.compile(
    r"open|file_put|[Ww]rite|[Aa]ppend|File|stream|to_(csv|json|parquet|excel)|savefig|save|>|\btee\b"
)
# Uses of a path that read or test it, and calls that write (stricter than _WRITE_NEEDLE: no bare `>` or `File`)
_READ_ONLY = re.compile(
    r"exists|existsSync|readFile|readFileSync|read_text|read_bytes|isfile|is_file|file_exists|\bstat\b|statSync"
    r"|getsize|createReadStream|File\.(Read\w*|Exists|OpenRead)|Files\.(exists|read\w*|size)|\bfopen\s*\([^,]+,\s*\"r"
    r"|\bopen\s*\([^,)]+\)|\bopen\s*\([^,]+,\s*['\"]r|\bconsole\.log|\bprint|\becho\b|\blog\w*\(|\bcat\b|\btest\s+-[ef]"
    r"|\[\[?\s*-[ef]\s"
)
_WRITE_NEEDLE_STRICT = re.compile(
    r"[Ww]rite|[Aa]ppend|file_put|fopen\s*\([^,]+,\s*\"[wa]|open\s*\([^,]+,\s*['\"][wax]|createWriteStream|to_(csv|json)"
    r"|savefig|\.save\(|>>?\s*\"?\$|\btee\b|ofstream|FileOutputStream|FileWriter|StreamWriter|File\.Create|mkdir|rename"
    r"|copy|move|unlink|remove"
)
# A C++ constructor's initializer list (`) : workDir_(std::move(workDir)), n_(0) {}`) and one of its entries
_MEMBER_INIT = re.compile(r"\)\s*(?:noexcept\s*)?:(?!:)\s*")
_INITIALISER = re.compile(r"([A-Za-z_]\w*)\s*[({]((?:[^(){}]|\([^()]*\))*)[)}]")
_OUT_CALL = re.compile(r"^\s*([A-Za-z_]\w*)\s*\(\s*&?([A-Za-z_]\w*)\s*,")
_WRITER_CALL = re.compile(r"^\s*(?:\$this->|this\.|self\.)?([A-Za-z_]\w*)\s*\((.*)\)\s*;?\s*$")
_FINDING = (
    "tmp-predictable-name",
    377,
    "medium",
    "a file written under the shared temporary directory with a name another user can guess: they can create or "
    "link it first",
    "create it with the system's temporary-file call (mkstemp, tempfile, mkdtemp, createTempFile, tempnam, mktemp)",
)


def predictable_tmp_writes(code: str, language: str) -> list[Finding]:
    """Lines that write a file whose name is made under the temporary directory with no random part."""
    if not _maybe_tmp(code):
        return []
    lines = code.splitlines()
    at_tmp = {i for i, text in enumerate(lines) if _maybe_tmp(text) and _TMP_DIR.search(text)}
    if not at_tmp:
        return []
    if language == "bash" and "mktemp" in code and re.search(r"\bmktemp\b", code):
        return []  # `mktemp ... || tmp=/tmp/x$$`: the fallback for systems without it (the bash rules do the same)
    headers = [_header(text) for text in lines]
    scopes = _scopes(lines, headers)
    # (umask 077 && mkdir "$TEMPDIR"): a folder made by us or not at all
    private = {n for pair in _EXCLUSIVE_DIR.findall(code) for n in pair if n}
    names: dict[str | None, set[str]] = {None: set()}  # per function (None: module, fields, config, constants)
    functions: set[str] = set()  # functions returning such a path (or filling their out-parameter with one)

    def tmp(text: str, scope: str | None) -> bool:
        return _is_tmp(text, names[None] | names.get(scope, set()), functions)

    index = _WordIndex(lines)
    candidates = sorted(i for i in at_tmp if not headers[i])
    for _ in range(3):  # names made from names made from helpers
        before = (sum(map(len, names.values())), len(functions))
        for i in candidates:
            text, scope = lines[i], scopes[i]
            if not tmp(text, scope):
                continue
            named = _assigned(text, names[None] | names.get(scope, set()), functions)
            if named and named not in private:
                field = scope is None or re.search(r"(this\.|self\.|\$this->)" + named + r"\b", text)
                names.setdefault(None if field else scope, set()).add(named)
            for field in _initialised_fields(text, lambda init, s=scope: tmp(init, s)):
                names[None].add(field)  # PdfRenderer(std::string dir = "/tmp") : dir_(std::move(dir)): a field
            out = _FILE_OUT.match(text)
            if out:
                names.setdefault(scope, set()).add(out.group(1))
            if scope and (re.search(r"\breturn\b|^\s*(echo|printf)\b", text) or out):
                functions.add(scope)
        # the lines that mention a name made from the temporary folder (one search of the text for all of them)
        words = set().union(*names.values()) | functions
        known = index.lines(words)
        for i in known:  # spool_name(name, sizeof name, job): the helper filled `name`
            call = _OUT_CALL.match(lines[i]) if not headers[i] else None
            if call and call.group(1) in functions:
                names.setdefault(scopes[i], set()).add(call.group(2))
        if (sum(map(len, names.values())), len(functions)) == before:
            break
        candidates = sorted(i for i in at_tmp | known if not headers[i])
    if set().union(*names.values()) | functions != words:
        known = index.lines(set().union(*names.values()) | functions)
    mentioned = at_tmp | known
    writes = _WRITES_SHELL if language == "bash" else _WRITES_CODE
    writers = _writer_functions(lines, scopes, headers, writes)
    found: list[Finding] = []
    for i in sorted(mentioned):
        number, text, scope = i + 1, lines[i], scopes[i]
        if headers[i] or _SAFE.search(text):
            continue
        for write in writes:
            m = write.search(text)
            if m is None:
                continue
            path = m.group("path") if m.group("path") else text[: m.start()]
            if tmp(path, scope):
                found.append(_finding(number, text))
                break
        call = _WRITER_CALL.match(text) if writers else None
        if call and call.group(1) in writers:
            index, line = writers[call.group(1)]
            args = [a.strip() for a in call.group(2).split(",")]
            if index < len(args) and tmp(args[index], scope):
                found.append(_finding(number, text))
                found.append(_finding(line, lines[line - 1]))
    return found


def only_read_tmp_lines(code: str) -> set[int]:
    """Lines that name a path under the temporary folder that the code then only reads or tests (`const log =
    path.join(os.tmpdir(), 'app.log'); if (fs.existsSync(log)) ...`): no file is created there, whatever is written
    elsewhere nearby."""
    if not _maybe_tmp(code):
        return set()
    lines = code.splitlines()
    out = set()
    for i, text in enumerate(lines):
        if not (_maybe_tmp(text) and _TMP_DIR.search(text)) or _WRITE_NEEDLE_STRICT.search(text):
            continue
        named = _assigned(text, set(), set())
        if not named:
            continue
        word = re.compile(r"(?<![\w$])\$?\{?" + re.escape(named) + r"\b")
        uses = [t for j, t in enumerate(lines) if j != i and word.search(t)]
        if uses and all(_READ_ONLY.search(t) and not _WRITE_NEEDLE_STRICT.search(t) for t in uses):
            out.add(i + 1)
    return out


def _maybe_tmp(text: str) -> bool:
    """A literal test before the slower pattern."""
    low = text.lower()
    return "tmp" in low or "temp" in low


class _WordIndex:
    """The lines a set of names occurs on: a substring test first (fast), then the whole-word pattern."""

    def __init__(self, lines: list[str]):
        self._text = lines

    def lines(self, words: set[str]) -> set[int]:
        if not words:
            return set()
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b")
        return {i for i, text in enumerate(self._text) if any(w in text for w in words) and pattern.search(text)}


def _scopes(lines: list[str], headers: list) -> list[str | None]:
    """The function each line is in (by the last header above it; None at the top level)."""
    out, function = [], None
    for text, header in zip(lines, headers):
        if header:
            function = header.group(1)
        elif text[:1].strip() and not text.startswith(("}", "{", "#", "//", "/*", "*", ")", "]")):
            function = None  # code at the top level again
        out.append(function)
    return out


def _header(text: str) -> re.Match | None:
    header = _HEADER.match(text)
    return header if header and header.group(1) not in _NOT_FUNCTIONS else None


def _is_tmp(text: str, names: set[str], functions: set[str]) -> bool:
    if _SAFE.search(text):
        return False
    if _TMP_DIR.search(text):
        return True
    return any(word in names or word in functions for word in re.findall(r"[A-Za-z_]\w*", text))


def _assigned(text: str, names: set[str], functions: set[str]) -> str | None:
    """The name a line gives the temporary path: the key of a config entry holding it (`{ scratch: os.tmpdir(),
    out: './build' }`: `scratch`, not the whole object), else the variable, field or constant assigned."""
    define = _DEFINE.match(text)
    if define:
        return define.group(1)
    for part in re.split(r"[,{\[]", text):
        key = _KEY.match(part)
        if key and _is_tmp(part[key.end() :], names, functions):
            return key.group(1)
    m = _ASSIGN.search(text)
    return m.group(1) if m else None


def _initialised_fields(text: str, is_tmp) -> list[str]:
    """C++ fields a constructor's initializer list gives a temporary path (`: workDir_(std::move(workDir))`, after
    the parameter's default `std::string workDir = "/tmp"` made `workDir` one): read in the class's methods."""
    start = _MEMBER_INIT.search(text)
    if start is None:
        return []
    return [m.group(1) for m in _INITIALISER.finditer(text[start.end() :]) if is_tmp(m.group(2))]


def _writer_functions(lines: list[str], scopes: list, headers: list, writes: list) -> dict[str, tuple[int, int]]:
    """Functions that write the file named by one of their parameters (`writeCsv($path, $rows)`): the parameter's
    index and the line that writes."""
    out: dict[str, tuple[int, int]] = {}
    params: list[str] = []
    for number, (text, scope, header) in enumerate(zip(lines, scopes, headers), 1):
        if header:
            params = [_param_name(p) for p in header.group(2).split(",")] if header.group(2).strip() else []
            continue
        if scope is None or not params or scope in out or not _WRITE_NEEDLE.search(text) or _SAFE.search(text):
            continue
        for write in writes:
            m = write.search(text)
            if m is None or not m.group("path"):
                continue
            words = re.findall(r"[A-Za-z_]\w*", m.group("path"))
            if len(words) == 1 and words[0] in params:
                out[scope] = (params.index(words[0]), number)
                break
    return out


def _param_name(text: str) -> str:
    text = text.split("=")[0].strip()
    words = re.findall(r"[A-Za-z_]\w*", text)
    return words[-1] if words else ""


def _finding(line: int, text: str) -> Finding:
    rule_id, cwe, severity, message, fix = _FINDING
    return Finding(rule_id, f"CWE-{cwe}", severity, line, message, fix, text.strip()[:200])
