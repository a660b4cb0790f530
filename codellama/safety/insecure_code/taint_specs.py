"""Per-language tables for the tree checks (taint.py): the syntax node types that matter, where untrusted values
come from, what cleans them, and the sinks with their CWE, severity, message and fix hint."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field


def _rx(p: str, flags: int = 0) -> re.Pattern:
    return re.compile(p, flags)


@dataclass(frozen=True)
class Sink:
    rule_id: str
    cwe: int
    severity: str
    message: str
    fix: str
    callee: re.Pattern  # the called name (or, for property sinks, the assigned name; for statements, unused)
    args: tuple[int, ...] | None = None  # which arguments carry the value (None: any)
    built: bool = False  # the value must be built (concatenation, interpolation, formatting) or come from a source
    requires: re.Pattern | None = None  # must match the call's text (with the values of the names it uses)
    excludes: re.Pattern | None = None  # must not match the call's text (with the values of the names it uses)
    receiver: re.Pattern | None = None  # the object called on must be, or have been assigned, this
    literal_ok: bool | None = None  # False: report when the chosen argument is not a literal (format strings)
    strong_only: bool = False  # only values from a real input source count (not plain parameters)
    remote_ok: bool = False  # data fetched from elsewhere (an HTTP response body) counts too (HTML output)
    on_receiver: bool = False  # the value is the object the method is called on (Path(p).read_text())
    also: tuple = ()  # further findings (rule_id, cwe, severity, message, fix) for the same flaw under other CWEs
    # a helper's sink whose own text did not show what `requires` asks (`run_query() { sqlite3 "$DB" "$1"; }`): the
    # argument a caller passes must show it (`run_query "SELECT ... '$1'"`)
    deferred: bool = False

    def finding_fields(self) -> tuple:
        return self.rule_id, self.cwe, self.severity, self.message, self.fix


def sink(rule_id, cwe, severity, message, fix, callee, **kw) -> Sink:
    return Sink(rule_id, cwe, severity, message, fix, _rx(callee), **kw)


SQL_WORDS = _rx(r"(?i)\b(select|insert|update|delete|replace)\b.*\b(from|into|set|where|values)\b|\bwhere\b")
# What a host compared with is not when the comparison refuses it: nothing, or a local or internal address.
_NOT_ALLOWED_HOST = (
    r"""['"]{2}|null\b|None\b|undefined\b|['"]\[?(localhost|127\.|0\.0\.0\.0|169\.254|10\.|192\.168|::1|metadata)"""
    r"|\w*(BLOCK|DENY|INTERNAL|PRIVATE|FORBIDDEN|Block|Deny|Internal|Private|Forbidden|block|deny|internal|private)"
)
# A check against a fixed set of values, a pattern or a canonical root: the value is trusted after it.
ALLOW_CHECK = _rx(
    r"\bin_array\b|\.includes\(|\.has\(|\.contains\(|\bContains(Key)?\(|\.indexOf\(|\bIndexOf\(|\bAllowed\w*"
    r"|\bnot\s+in\b|\bin\s+[A-Z_({\[]"
    r"|\.startsWith\(|\.startswith\(|StartsWith\(|\bpreg_match\b|\bfullmatch\b|\bre\.match\b|\.test\(|\.matches\("
    r"|IsMatch\(|\bisdigit\(|\bisalnum\(|\bis_numeric\b|\bctype_\w+|\bisValid\w*\(|\ballowed\w*\b|\bwhitelist|\ballowlist"
    r"|\bALLOWED\w*|\bVALID\w*|\bcommonpath\b|\bis_relative_to\b|\brfind\([^)]*,\s*0\s*\)\s*[!=]=\s*0|=~"
    r"|\b[iI]s_?(Local|local|Safe|safe|Relative|relative|Trusted|trusted|Allowed|allowed)\w*\(|url_has_allowed_host"
    r"|\bstr_starts_with\(|\bstrpos\([^)]*\)\s*[!=]==?\s*0\b"
    # every character from an allowed set (`strspn(name, ALNUM) != strlen(name)`), a whole-string pattern (C++)
    r"|\bstrspn\(|\bregex_match\b|\bRegex\.IsMatch\b"
    # a key looked up in a fixed table (`isset(SIZES[$size])`, `array_key_exists($k, MAP)`, `MAP.hasOwnProperty(k)`)
    # membership in a fixed set named for what it allows (`kAllowedServices.count(name) == 0`,
    # `knownPrinters.contains(p)`, `ValidModes.Contains(m)`)
    r"|\b(\w*(Allowed|Allow|Permitted|Known|Valid|Whitelist|Allowlist)|(allow|permitted|known|valid|whitelist))\w*"
    r"\s*(\.|->)\s*(count|contains|find|has|Contains|ContainsKey)\s*\("
    r"|\barray_key_exists\(|\.hasOwnProperty\(|\bObject\.hasOwn\(|\bisset\(\s*(self::|static::)?[A-Z][A-Z0-9_]*\["
    # a prefix compared with a root (`strncmp(resolved, ROOT, n)`, `strncmp(real, base_dir, len)`), not with a literal
    # nor with a key searched for (`strncmp(p, key, klen) == 0` finds a query parameter, it checks nothing)
    r"|\bstrn(case)?cmp\(\s*[^,]+,\s*\$?([A-Z][A-Z0-9_]*\b|[\w.>-]*(?i:root|base|dir|prefix|allow|home|jail|top|safe|www"
    r"|upload|folder|path)[\w]*\b)"
    # a name refused when it holds a slash or "..": strchr(name, '/'), strstr(q, ".."), ".." in name
    r"""|\b(strchr|strrchr|strstr|strpos|stripos|str_contains)\s*\([^,()]+,\s*['"](\.\.|/|\\\\)['"]"""
    r"""|['"](\.\.|/)['"]\s+(not\s+)?in\b|\.find\(\s*['"](\.\.|/)['"]\s*\)"""
    # the path relative to the root starts with "..": `*rel.begin() == ".."` (rel = p.lexically_relative(root))
    r"""|\*\s*[\w.]+\.begin\(\)\s*[!=]=\s*['"]\.\.['"]|\.parts\[0\]\s*[!=]=\s*['"]\.\.['"]"""
    # a URL's origin or host compared with the one allowed (`target.origin !== APP_ORIGIN.origin`, `u.host == HOST`),
    # not with an address refused (`u.hostname === 'localhost'` is a deny-list: every other host passes)
    rf"|\.(origin|host|hostname|netloc|Host|Authority)\s*[!=]==?\s*(?!{_NOT_ALLOWED_HOST})[\w'\"]"
    rf"|[!=]==?\s*(?!{_NOT_ALLOWED_HOST})[\w.]+\.(origin|host|hostname|netloc|Host|Authority)\b"
)
# An XPath predicate written in a string, where input is pasted between quotes: `"/staff/member[badge='"`,
# `"//user[@name=\""`, `"//book[contains(title, '"`: a step's name (or `*`, `]`, `)`) then `[` then a test.
XPATH_PREDICATE = _rx(
    r"""[\w*\])]\[[^\[\]'"=<>;]{0,80}(!=|=|<|>)=?\s*(\\?['"]|\$\{|\{)"""
    r"""|[\w*\])]\[\s*(contains|starts-with|ends-with|normalize-space|translate)\s*\("""
)
# A stream's or a file's read into the memory at its first argument (`in.read(...)`, `fread(...)`)
STRUCT_READ = _rx(r"(\.|->)read$|(^|::)fread$")
# An LDAP search filter written in a string: `"(uid=`, `'(&(objectClass=person)(cn=`.
LDAP_FILTER = _rx(r"""[`'"]\s*\(\s*[&|!]?\s*\(?\s*[A-Za-z][\w.-]*\s*[~<>]?=""")
# Checks that look like allow-lists but are not: a URL's scheme (any host passes), a pattern anchored only at the
# start (anything may follow it).
_NOT_A_CHECK = _rx(
    # (also with a comparison given: `raw.StartsWith("http", StringComparison.OrdinalIgnoreCase)`)
    r"""(?i)\.(startswith|startsWith|StartsWith)\(\s*\(?\s*(\s*['"](https?|ftp|file|ws|wss)(:|://)?['"]\s*,?)+\s*\)?"""
    r"""\s*(,?\s*(StringComparison\.\w+|true|false)\s*)?\)"""
    # a substring of the value (`url.Contains("example.com")`, `host.includes("example.com")`): any value holding it
    # passes (`evil.example/?example.com`); a refused `..` or slash stays a check
    r"""|\.(includes|contains|Contains)\(\s*['"](?!\.\.['"]|/['"]|\\\\['"])[^'"]*['"]\s*(,\s*[\w.]+\s*)?\)"""
    # membership in a cache, a memo or a set of values already seen (`previewCache.has(url)`, `_cache.ContainsKey(k)`,
    # `key in self._cache`): it says the value came before, not that it is allowed
    r"""|\b[\w.>$-]*(?i:cache|memo|seen|visited|pending|in_?flight|processed|recent|dedupe?)\w*\s*(\.|->)\s*"""
    r"""(has|contains|Contains|ContainsKey|containsKey|includes|indexOf|IndexOf|count|find)\s*\([^()]*\)"""
    r"""|\bin\s+[\w.]*(?i:cache|memo|seen|visited|pending|processed)\w*\b"""
    # a key present in the request's parameters (`params.has('welcome')`, `Request.Query.ContainsKey("next")`): the
    # value under it may be anything (not a header set on an outgoing request: `request.headers.has('connection')`)
    r"""|\b(query|Query|searchParams|params|Params|args|form|Form|GET|POST|REQUEST|cookies|Cookies|q|qs|sp|search)"""
    r"""\s*(\.|->)\s*(has|ContainsKey|containsKey|hasOwnProperty|has_key)\(\s*['"][^'"]*['"]\s*\)"""
    # a shell pattern not anchored at the end (`[[ "$line" =~ ^[A-Z_]+= ]]`): anything may follow what it matched
    r"""|=~\s*["']?\^?[^\s"']*[^\s"'$]["']?\s*\]\]"""
    # one character's class (`isalnum((unsigned char)host[0])`, `ctype_alpha($h[0])`, `name[0].isalpha()`,
    # `char.IsLetter(s[0])`): the rest of the value may hold anything
    r"""|\b(is(alnum|alpha|digit|xdigit|lower|upper)|ctype_\w+|Is(Letter|Digit|LetterOrDigit))\s*\(\s*"""
    r"""(\(\s*unsigned\s+char\s*\)\s*)?[\w.>$-]+\s*\[\s*\d+\s*\]\s*\)"""
    r"""|[\w.$]+\s*\[\s*\d+\s*\]\s*\.\s*is(alnum|alpha|digit|lower|upper|identifier)\s*\(\s*\)"""
    r"""|/\^?\(?https?(?:(?!\$/)\S)*?/[gimsuy]*\.test\(|(re\.match|preg_match)\(\s*r?['"][/#~!|@%{]?\^?\(?https?[^'"$]*['"]"""
)


# A value starting with one slash: "//evil.example" and "/\\evil.example" start with it too (and an absolute path is
# no root), unless the same condition refuses those or a host (`not target.startswith("//")`, `parts.netloc`).
_SLASH_ONLY = _rx(r"""\.(startswith|startsWith|StartsWith)\(\s*['"]/['"]\s*(,\s*[\w.]+\s*)?\)""")
_NOT_ONLY_LOCAL = _rx(
    r"""['"]//|['"]/\\|\\\\|netloc|\bscheme\b|\bhost(name)?\b|\bHost\b|IsAbsoluteUri|authority|Authority"""
)


def is_allow_check(condition: str) -> bool:
    """A condition that checks a value against an allow-list, a full pattern or a canonical root."""
    condition = _NOT_A_CHECK.sub(" ", condition)
    if not _NOT_ONLY_LOCAL.search(condition):
        condition = _SLASH_ONLY.sub(" ", condition)
    return bool(ALLOW_CHECK.search(condition))


SECRET_NAME = _rx(
    r"(?i)(passw(or)?d|passwd|\bpwd|_pwd|pwd_|secret|api_?key|apikey|access_?key|private_?key|token|auth_?key"
    r"|credential|conn(ection)?_?str|smtppass|dbpass)"
)
# Words of a name that say it holds something about a secret, not the secret (PASSWORD_PATTERN, kPasswordMinLength,
# passwordField, TOKEN_ALPHABET, API_KEY_ENV...).
_NOT_SECRET_WORDS = {
    "pattern",
    "regex",
    "regexp",
    "re",
    "rx",
    "format",
    "fmt",
    "policy",
    "rule",
    "rules",
    "label",
    "prompt",
    "hint",
    "placeholder",
    "field",
    "param",
    "header",
    "name",
    "names",
    "url",
    "uri",
    "path",
    "file",
    "filename",
    "dir",
    "len",
    "length",
    "min",
    "max",
    "minimum",
    "maximum",
    "message",
    "msg",
    "error",
    "type",
    "kind",
    "id",
    "env",
    "var",
    "column",
    "col",
    "validator",
    "mask",
    "template",
    "endpoint",
    "route",
    "prefix",
    "suffix",
    "query",
    "selector",
    "input",
    "alphabet",
    "charset",
    "chars",
    "characters",
    "digits",
    "letters",
    "ttl",
    "expiry",
    "expires",
    "expiration",
    "timeout",
    "count",
    "size",
    "bytes",
    "element",
    "attr",
    "attribute",
    "event",
    "audience",
    "issuer",
    "hash",
    "hashed",
    "digest",
    "salt",
    "strength",
    "reset",
    "confirm",
    "confirmation",
    "required",
    "valid",
    "validation",
    "regexes",
    "key_name",
    "keyname",
    "storage",
    "cookie",
    "expire",
    "lifetime",
    "algorithm",
    "alg",
}


def _not_secret_name(name: str) -> bool:
    return any(w in _NOT_SECRET_WORDS for w in identifier_words(name.rsplit(".", 1)[-1].rsplit("->", 1)[-1]))


# Words of an identifier that name a secret (DB_PASS, dbPassword, smtp_pwd, apiKey, GITHUB_TOKEN...).
_SECRET_WORDS = {
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "pass",
    "secret",
    "token",
    "apikey",
    "credential",
    "credentials",
    "privatekey",
    "secretkey",
    "accesskey",
    "authkey",
    "connstr",
    "connectionstring",
}
_SECRET_PAIRS = {
    ("api", "key"),
    ("access", "key"),
    ("private", "key"),
    ("secret", "key"),
    ("auth", "key"),
    ("signing", "key"),
    ("encryption", "key"),
    ("master", "key"),
    ("client", "secret"),
    ("conn", "str"),
    ("connection", "string"),
    ("db", "pass"),
    ("smtp", "pass"),
}


def identifier_words(name: str) -> list[str]:
    """dbPassword -> [db, password]; DB_PASS -> [db, pass]; kApiKey -> [k, api, key]."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", name))
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]


def secret_name(name: str) -> bool:
    """A variable, field, constant or key name that means a secret."""
    name = name.rsplit(".", 1)[-1].rsplit("->", 1)[-1].lstrip("$")
    if SECRET_NAME.search(name):
        return True
    words = identifier_words(name)
    return any(w in _SECRET_WORDS for w in words) or any(p in _SECRET_PAIRS for p in zip(words, words[1:]))


def setter_secret_name(method: str) -> str | None:
    """The secret a setter call hands over (`setPassword` -> password, `withApiKey` -> api_key,
    `username_pw_set` -> password), or None for any other call."""
    words = identifier_words(re.split(r"\.|->|::", method)[-1])
    if "pw" in words and ("user" in words or "username" in words):
        words = ["password"]
    elif len(words) > 1 and words[0] in ("set", "with", "put"):
        words = words[1:]
    else:
        return None
    name = "_".join(words)
    return name if secret_name(name) else None


_REGEX_LIKE = _rx(r"^\^|\$$|\(\?|\\[dwsbDWS.]|\[[^\]]*\]|\{\d*,\d*\}|\.[*+?]|[*+]\)|\|")
_FORMAT_LIKE = _rx(r"%[sdif]|\{\w*\}|\$\{|\{\{")
_PLACEHOLDER = _rx(
    r"(?i)^(changeme|change_me|your[_-]|xxx|<|\*{3}|example|placeholder|dummy|test|todo|none|null|secret|password"
    r"|\.\.\.|redacted|fake|sample)"
)


def looks_like_secret(name: str, value: str) -> bool:
    """A literal worth calling a hard-coded credential: no spaces, not a pattern or format, not a placeholder, not
    the NAME of an environment variable, and held by a name that means a secret (not a 'password_pattern')."""
    if _not_secret_name(name):
        return False
    if len(value) < 6 or any(c.isspace() for c in value) or _PLACEHOLDER.search(value):
        return False
    if _REGEX_LIKE.search(value) or _FORMAT_LIKE.search(value) or re.fullmatch(r"[A-Z][A-Z0-9_]+", value):
        return False
    if re.fullmatch(r"[\w.-]+(/[\w.-]+){2,}/?|[\w.]+(\\\\?[\w.]+){2,}", value):  # a path or a class name
        return False
    if set(identifier_words(value)) <= set(identifier_words(name)) | {
        "x",
        "use",
    }:  # USE_CREDENTIALS = 'use-credentials'
        return False
    return not re.match(r"(?i)^(https?|file)://[^:@]*$|^[./~]", value)


@dataclass
class Spec:
    language: str
    functions: set[str]
    params: set[str]
    idents: set[str]
    assigns: set[str]
    calls: set[str]
    news: set[str]
    strings: set[str]  # literal string node types (for secrets and format strings)
    interp_strings: set[str]  # string node types that are "built" when they hold an interpolation
    interpolations: set[str]  # the interpolation node types inside them
    concat: set[str]  # binary node types, "built" when concat_op is their operator
    concat_op: re.Pattern
    formatters: re.Pattern  # calls whose result is built (format, join...)
    sources: re.Pattern
    sanitisers: re.Pattern
    sinks: list[Sink]
    property_sinks: list[Sink] = field(default_factory=list)
    statement_sinks: dict[str, Sink] = field(default_factory=dict)
    statement_extra: dict[str, tuple] = field(default_factory=dict)
    out_params: list[tuple[re.Pattern, int]] = field(default_factory=list)
    source_nodes: set[str] = field(default_factory=set)  # member/subscript nodes read whole against `sources`
    # (a ternary's test too: `Url.IsLocalUrl(next) ? Redirect(next) : Redirect("/")`)
    conditions: set[str] = field(
        default_factory=lambda: {
            "if_statement",
            "switch_statement",
            "case_statement",
            "conditional_expression",
            "ternary_expression",
        }
    )
    remote_sources: re.Pattern | None = None  # data fetched over the network (counts for HTML sinks only)
    weak_sources: re.Pattern | None = None  # the environment: set by whoever runs the program (like a parameter)
    loops: set[str] = field(default_factory=set)  # loops whose condition bounds an index (C/C++)
    return_sink: Sink | None = None  # what a request handler returns is the response (Python: HTML)
    return_sinks: list[Sink] = field(default_factory=list)  # more: Spring's "redirect:" + url
    secret_finding: tuple | None = None
    file_check: Callable | None = None
    sides: Callable = None  # (node) -> (lhs, rhs)

    def __post_init__(self):
        # A sanitiser is named whole (`escape`, `obj.escape`, `html_escape`), not as the end of another name:
        # `implode` is not PHP's `e()`, `unquote` is not `quote`.
        self.sanitisers = re.compile(rf"(?:^|(?<=[.>:\\_\s]))(?:{self.sanitisers.pattern})")


def generic_sides(node):
    if node.type == "foreach_statement" and node.child_by_field_name("left") is not None:  # C# foreach (var x in xs)
        return node.child_by_field_name("left"), node.child_by_field_name("right")
    if node.type == "foreach_statement" and node.named_children:  # PHP foreach ($rows as $k => $v)
        named = [c for c in node.named_children if c.type not in ("compound_statement", "colon_block")]
        if len(named) >= 2:
            target = named[1].named_children[-1] if named[1].type == "pair" else named[1]
            return target, named[0]
    if node.type == "array_element_initializer":  # 'db_pass' => 'secret'
        named = node.named_children
        return (named[0], named[1]) if len(named) == 2 else (None, None)
    if node.type == "for_range_loop":  # (`const auto& job : jobs`: the name under the reference declarator)
        lhs = node.child_by_field_name("declarator")
        while lhs is not None and lhs.type in ("pointer_declarator", "reference_declarator") and lhs.named_children:
            lhs = lhs.named_children[-1]
        return lhs, node.child_by_field_name("right")
    if node.type == "property_declaration":  # C# `public string SmtpPassword { get; set; } = "..."`
        return node.child_by_field_name("name"), node.child_by_field_name("value")
    lhs = node.child_by_field_name("left") or node.child_by_field_name("name")
    lhs = lhs or node.child_by_field_name("declarator") or node.child_by_field_name("variable")
    rhs = node.child_by_field_name("right") or node.child_by_field_name("value")
    named = node.named_children
    if lhs is None and named:
        lhs = named[0]
    if rhs is None and len(named) >= 2:
        rhs = named[-1]
        if rhs.type == "equals_value_clause" and rhs.named_children:
            rhs = rhs.named_children[0]
    while lhs is not None and lhs.type in ("pointer_declarator", "reference_declarator", "array_declarator"):
        lhs = lhs.child_by_field_name("declarator") or (lhs.named_children[-1] if lhs.named_children else None)
    return lhs, rhs


def cin_sides(node):
    """`std::cin >> name` reads input into name: an assignment from a source; `out << value` writes the value into a
    stream (an ostringstream building a command) as `out += value` would."""
    if node.type == "binary_expression":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None or not left.text:
            return None, None
        operator = node.child_by_field_name("operator")
        if left.text.decode().endswith("cin"):
            return right, left
        if operator is not None and operator.text == b"<<":
            stream = left
            while stream.type == "binary_expression" and stream.child_by_field_name("left") is not None:
                stream = stream.child_by_field_name("left")
            if stream.type == "identifier" and not re.search(rb"^(cout|cerr|clog)$", stream.text):
                return stream, right
        return None, None
    return generic_sides(node)


def secret_finding(language: str) -> tuple:
    return (
        f"{ {'javascript': 'js', 'python': 'py', 'csharp': 'cs'}.get(language, language) }-hardcoded-credential",
        798,
        "high",
        "hard-coded credential: a secret-looking literal assigned to a secret-named variable",
        "read it from the environment or a secret store at run time",
    )


def tmp_file_check(checker, root) -> list:
    """Bash: a fixed or PID-based name under /tmp (predictable temporary file, CWE-377) when mktemp is not used."""
    if "mktemp" in checker.text(root):
        return []
    fixed = re.compile(r"^(?!.*XXX)[\"']?/(var/)?tmp/(\$\([^)]*\)|[^\s\"'])*[\"']?$")  # fixed, or $$, $(date)...
    stack = [root]
    while stack:
        n = stack.pop()
        if n.type == "variable_assignment":
            value = n.child_by_field_name("value")
            if value is not None and fixed.match(checker.text(value)):
                checker.report(_TMP, n)
                _report_writes(checker, root, n.child_by_field_name("name"))
                return []
        elif n.type == "file_redirect":
            dest = n.child_by_field_name("destination")
            if dest is not None and fixed.match(checker.text(dest)):
                checker.report(_TMP, n)
                return []
        stack.extend(reversed(n.named_children))
    return []


def _report_writes(checker, root, name) -> None:
    """The lines that write into the predictable file (`> "$TMPFILE"`): where another user's link would be followed."""
    if name is None:
        return
    variable = re.compile(r"\$\{?" + re.escape(checker.text(name)) + r"\b")
    stack = [root]
    while stack:
        n = stack.pop()
        if n.type == "file_redirect" and checker.text(n).lstrip().startswith((">", "&>")):
            dest = n.child_by_field_name("destination")
            if dest is not None and variable.match(checker.text(dest).strip('"')):
                checker.report(_TMP, n)
        stack.extend(n.named_children)


_TMP = (
    "bash-predictable-tmp",
    377,
    "medium",
    "predictable temporary file under /tmp: another user can pre-create or link it",
    "use tmp=$(mktemp) and trap 'rm -f \"$tmp\"' EXIT",
)
_SHELL_FIX = "pass arguments as a list without a shell, or check the value against an allow-list"
_SQL_FIX = "use a parameterised query (placeholders and bound values)"
_PATH_FIX = "reduce the name to its base name, or resolve the path and check it stays under the root"
_HTML_FIX = "escape the value for HTML (or set text, not HTML)"


def common_sinks(p: str) -> dict[str, tuple]:
    return {
        "shell": (f"{p}-taint-shell", 78, "high", "a command built from untrusted input runs in a shell", _SHELL_FIX),
        "sql": (f"{p}-taint-sql", 89, "high", "SQL built from untrusted input: SQL injection", _SQL_FIX),
        "path": (f"{p}-taint-path", 22, "high", "a file path built from untrusted input: path traversal", _PATH_FIX),
        "html": (f"{p}-taint-html", 79, "high", "untrusted input written into HTML: cross-site scripting", _HTML_FIX),
        "eval": (f"{p}-taint-eval", 95, "high", "untrusted input evaluated as code", "never evaluate input"),
        "ssrf": (
            f"{p}-taint-ssrf",
            918,
            "high",
            "the server fetches a URL taken from the request: server-side request forgery",
            "fetch only URLs whose host is on an allow-list (and not internal addresses)",
        ),
        "redirect": (
            f"{p}-taint-redirect",
            601,
            "medium",
            "a redirect to a URL taken from the request: open redirect",
            "redirect only to local paths (reject '//' and schemes) or to hosts on an allow-list",
        ),
        "ldap": (
            f"{p}-taint-ldap",
            90,
            "high",
            "an LDAP filter built from untrusted input: LDAP injection",
            "escape the value for an LDAP filter (RFC 4515) or pass it as a filter argument ({0})",
        ),
        "xpath": (
            f"{p}-taint-xpath",
            643,
            "high",
            "an XPath expression built from untrusted input: XPath injection",
            "pass the value as an XPath variable ($name with a variable resolver) or check it against an allow-list",
        ),
        "header": (
            f"{p}-taint-header",
            113,
            "high",
            "a response header written with untrusted input: HTTP response splitting (header injection)",
            "remove CR and LF from the value (or URL-encode it), or set the header through a framework that refuses"
            " newlines",
        ),
        "deser": (
            f"{p}-taint-deserialize",
            502,
            "high",
            "untrusted data deserialised",
            "use a data-only format (JSON) or an allow-listed type binder",
        ),
    }


def common_sink(kind: tuple, callee: str, **kw) -> Sink:
    return sink(*kind, callee, **kw)
