"""The values side of the tree checks (taint.py): what a value is made of (input, a parameter, fetched data,
numbers only), how it is read from the syntax tree (names, members, calls, lookups, ternaries, comprehensions,
`items.map(render)`), and what a call to a function of the same file returns, from that function's summary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from codellama.safety.insecure_code.rule import rx
from codellama.safety.insecure_code.taint_functions import function_name, parameter_names, return_value_nodes
from codellama.safety.insecure_code.taint_specs import STRUCT_READ, is_allow_check

SUBSCRIPTS = {"subscript_expression", "subscript", "element_access_expression", "array_access"}
_EXPANSIONS = {"simple_expansion", "expansion"}  # shell `$1`, `${1}`
_TERNARIES = {"conditional_expression", "ternary_expression"}
_COMPREHENSIONS = {"list_comprehension", "generator_expression", "set_comprehension", "dictionary_comprehension"}
MEMBERS = {"attribute", "member_expression", "field_access", "member_access_expression", "field_expression"}
# Receivers that mean "a function of this file": self.helper(x), $this->helper($x), static::helper(), Helper.f(x)
_SELF = re.compile(r"^(this|self|cls|\$this|self::|static::|parent::|super|base|Self)$")
# table.get(key): the value is the table's, not the key's
_LOOKUP = re.compile(r"(^|\.|->)(get|getOrDefault|GetValueOrDefault|TryGetValue|get_or_default|getProperty|fetch)$")
PATTERNS = {"object_pattern", "array_pattern", "pattern_list", "tuple_pattern", "list_pattern", "list_literal"}
# Environment variables that carry a CGI request
# The program's command line (a weak source, strong in a program that a link opens)
_ARGV = re.compile(r"\bargv\b|\bparse_args\b|\bargs\b|\bGetCommandLineArgs\b|\$argv\b")
_CGI = re.compile(r"\b(QUERY_STRING|HTTP_[A-Z_]+|REQUEST_URI|PATH_INFO|CONTENT_TYPE|REMOTE_USER|SCRIPT_NAME)\b")
# A function of this file that escapes HTML (it maps &, <, > to entities): its result is clean.
ESCAPER = re.compile(r"&(lt|gt|amp|quot|#0?39|#x27);|replace\w*\(\s*/\[[^\]/]*[<>&][^\]/]*\]/g?")
# An object made from a class: `new WebhookTester(3000)`, `Report(path, region)`, `new Archiver(...)`
_NEW_OBJECT = re.compile(r"^\s*(new\s+)?[A-Z]\w*(<[^>]*>)?\s*\(")
# An object a class's static factory makes in place: `ReviewCard::fromRequest($_POST)`, `Card.from(req.body)`
_FACTORY = re.compile(r"^\s*[A-Z]\w*(::|\.)(\w+)\s*\(")
_LITERAL_CONTAINERS = {"array", "list", "tuple", "parenthesized_expression", "array_creation_expression", "dictionary"}
# A line or the rest read from a reader over an accepted connection's stream (C#, Java)
_SOCKET_READ = re.compile(r"\.(ReadLine|ReadLineAsync|ReadToEnd|ReadToEndAsync|readLine)$")
_ACCEPTS = re.compile(r"\b(AcceptTcpClient|AcceptSocket|AcceptAsync|AcceptTcpClientAsync|accept)\s*\(")
_NETWORK_STREAM = re.compile(r"\b(GetStream|getInputStream)\s*\(|\bNetworkStream\b")
_MAPPERS = re.compile(r"\.(map|flatMap|Select|SelectMany)$")
# Replacing every character outside a harmless class with nothing (`preg_replace('/[^a-z0-9_-]/i', '', $x)`,
# `re.sub(r"[^\w-]", "", x)`): what is left cannot hold a quote, a slash, markup or a shell operator.
# How many there are, or how long (`params.length`, `items.getLength()`, `len(rows)`, `count($a)`): a number, not the
# text (outside C and C++, where a length decides how much is copied).
_COUNT = re.compile(
    r"[.\->](length|Length|Count|LongCount|size|byteLength)\s*$|[.\->](size|getLength|count|Count|length|getSize)\(\s*\)$"
    r"|^(len|count|sizeof|strlen|mb_strlen|Object\.keys\([^()]*\)\.length)\s*\("
)
# A query run with its values: what it returns is the database's rows, not the values it was given.
_QUERY_CALL = re.compile(r"(^|\.|->)(execute|executemany|query|queryForList|queryForObject|prepare|raw|all|get)$")
_SQL_TEXT = re.compile(r"""^\s*\(?\s*[fbru]*['"`]+\s*(SELECT|WITH)\b""", re.I)
_REPLACERS = re.compile(r"(^|\.|\\)(preg_replace|sub|replace|replaceAll|Replace|str_replace)$")
# Quotes doubled for an SQL string literal: x.replace("'", "''"), str_replace("'", "''", $x), ${x//\'/\'\'}
_QUOTES_DOUBLED = re.compile(r"""(['"]\\?'['"]|/'/g?)\s*,\s*['"]\\?'\\?'['"]|^\$\{\w+//(\\'|"'")/(\\'\\'|"''")\}$""")
_SERVER_FILE_FIELDS = re.compile(r"""^\$_FILES\s*\[[^\]]+\]\s*\[\s*['"](tmp_name|size|error)['"]\s*\]$""")
_POINTER_OFFSET = re.compile(r"^\s*[A-Za-z_]\w*\s*\+\s*(\d+|strlen\s*\([^()]*\)|sizeof\s*\(?[^()]*\)?)\s*$")
_GIT_QUOTED = re.compile(r"\brev-parse\b.*\s--(sq|sq-quote|parseopt)\b")
_QUOTED_FORMAT = re.compile(r"""^['"]?%q""")  # a shell printf quoting each argument
_STRIP_TO_CLASS = re.compile(r"""\[\^(?![^\]]*(/|<|>|'|"|;|&|\||\$|`|\\s|\\W|\\S| ))[^\]]*\][^,]*,\s*(r?''|r?""|@"")""")


def mentions(text: str, name: str, shell: bool = False) -> bool:
    """`name` occurs in `text` as a whole name (`$name`/`${name}` in a shell). String search, not a regular expression
    built per name: those would crowd the patterns in use out of the `re` module's cache."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        after = text[end : end + 1]
        before = text[start - 1 : start] if start else ""
        if not (after.isalnum() or after == "_"):
            if shell and (before == "$" or (before == "{" and text[start - 2 : start - 1] == "$")):
                return True
            if not shell and not (before.isalnum() or before in ("_", "$")):
                return True
        start = text.find(name, start + 1)
    return False


@dataclass(frozen=True)
class Var:
    """What a tainted name holds."""

    strong: bool = False  # from a real input source (request, route parameter, argv, stdin, environment)
    remote: bool = False  # fetched from elsewhere (an HTTP response): counts for HTML output only
    params: frozenset = frozenset()  # the parameters of the enclosing function it came from
    built: bool = False  # made by concatenation, interpolation or formatting
    numeric: bool = False  # only numbers (an int parameter): matters for indexes and sizes, not for injection


class Acc:
    """What a value is made of, gathered while walking an expression."""

    __slots__ = ("any", "strong", "remote", "textual", "params", "names")

    def __init__(self):
        self.any = self.strong = self.remote = self.textual = False
        self.params: set[str] = set()
        self.names: set[str] = set()

    def source(self, strong: bool = False, remote: bool = False) -> None:
        self.any = self.textual = True
        self.strong |= strong
        self.remote |= remote

    def add(self, var: Var, name: str | None = None) -> None:
        self.any = True
        self.textual |= not var.numeric
        self.strong |= var.strong
        self.remote |= var.remote
        self.params |= var.params
        if name is not None:
            self.names.add(name)

    def var(self, built: bool) -> Var:
        return Var(self.strong, self.remote, frozenset(self.params), built, numeric=not self.textual)


@dataclass
class Summary:
    """What a named function does with its parameters: which reach which sink (and where), and which flow out."""

    node: object
    params: list[tuple[str, ...]]
    escapes: bool = False  # the function escapes HTML: what it returns is clean
    returns: Var | None = None
    writes: dict = field(default_factory=dict)  # out-parameter -> Var of what the function writes into it
    returns_any: bool = False
    sinks: list = field(default_factory=list)  # (sink, frozenset of parameter names, node, built at the sink)
    # `return sql, params`: what each position holds, when every return gives a tuple or array of one length
    # (None: not seen yet; False: returns of other shapes)
    items: list | bool | None = None
    # `return {"fmt": ..., "title": ...}` (or a name given that literal): what each key holds (False: other shapes)
    keys: dict | bool | None = None
    # C/C++: parameters the function copies into with a length of its own (`memcpy(dst, src.data(), src.size())`):
    # a caller passing a fixed-size array there overflows it
    copies: list = field(default_factory=list)
    # C/C++: pointer parameters the function writes into at an index nothing bounds (`out[n++] = strtod(tok, NULL)`
    # while the input lasts): a caller passing a fixed-size array there overflows it
    index_writes: list = field(default_factory=list)

    def param_names(self) -> set[str]:
        return {n for names in self.params for n in names}


# A C or C++ cast written before an argument: `reinterpret_cast<char *>(`, `(char *)`, `(void *)`
_CAST = re.compile(r"^\s*((reinterpret|static)_cast\s*<[^<>]*>\s*\(|\(\s*(const\s+)?(unsigned\s+)?\w+\s*\*+\s*\))")


class Scope:
    """What is known inside one function: tainted names, the text each name was assigned, what each name was
    derived from (for clearing), the conditions seen so far, and the summary being gathered (if any)."""

    def __init__(self, outer: Scope | None = None, summary: Summary | None = None, fn=None):
        self.outer = outer
        self.vars: dict[str, Var] = dict(outer.vars) if outer else {}
        self.values: dict[str, str] = dict(outer.values) if outer else {}
        self.rhs: dict[str, object] = dict(outer.rhs) if outer else {}  # name -> the node last assigned to it
        self.parents: dict[str, set[str]] = dict(outer.parents) if outer else {}
        self.views: set[str] = set(outer.views) if outer else set()
        self.checked: list[str] = list(outer.checked) if outer else []
        # input read in place and checked against an allow-list (`ALLOWED.includes(req.query.next)`): clean after
        self.cleared: set[str] = set(outer.cleared) if outer else set()
        self.loops: dict[str, str] = dict(outer.loops) if outer else {}  # loop variable -> its bound (C/C++)
        self.summary = summary if summary is not None else (outer.summary if outer else None)
        self.fn = fn if fn is not None else (outer.fn if outer else None)
        self.handler = False  # the function is a request handler (its return value is the response)
        self.locals: set[str] = set(outer.locals) if outer and fn is None else set()


# A value kept in the user's session under a literal key: `request.session["next"]`, `session.get("next")`,
# `$_SESSION['next']`, `req.session.next`, `HttpContext.Session.GetString("next")`, `getSession().getAttribute("next")`,
# `$request->session()->get('next')`, `session('next')`
_SESSION_KEY = re.compile(
    r"""^\s*(?:[\w.$>-]|\(\))*?(?:session|Session|\$_SESSION)(?:\(\))?\s*(?:\[\s*|(?:\.|->)(?:get|pop|pull|put|set"""
    r"""|setdefault|GetString|SetString|getAttribute|setAttribute|Get|Set|remove)\s*\(\s*|\(\s*)(?:['"]([\w.-]+)['"]"""
    # or a constant naming the key (`session.setAttribute(RETURN_KEY, returnTo)`, `Session.GetString(SessionKeys.Next)`)
    r"""|((?:self|static|[A-Z]\w*)(?:\.|::)[A-Z]\w*|[A-Z][A-Z0-9_]*|k[A-Z]\w*|[A-Z][a-z]\w*Key)\s*[,)\]])"""
    r"""|^\s*[\w.]*\bsession\.([A-Za-z_]\w*)\s*$"""
)


def session_key(text: str) -> str | None:
    m = _SESSION_KEY.match(text)
    return (m.group(1) or m.group(2) or m.group(3)) if m else None


class Values:
    """Mixed into the tree checker (needs self.src, self.spec, self.summaries)."""

    # A program that runs with more rights than its user (setuid): the environment is the user's input, not its
    # configuration (`fopen(getenv("REPORT"), "w")` in a setuid-root tool writes any file the user names).
    privileged = False
    linked = False  # a program a link opens (a URL-scheme handler): its command line is the link's (taint.py)
    # A shell script that answers requests (a webhook, CGI, inetd): what it reads on stdin is the request.
    service = False
    sudo_script = False  # a shell script others run through sudo (taint.py)
    # Session keys some handler of the file fills from the request (`request.session["next"] = request.GET["next"]`):
    # read back in another handler, they are that input.
    session_keys: set = frozenset()

    def text(self, node) -> str:
        return self.src[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def name_of(self, node) -> str:
        """A variable's name as the scope keys it (PHP keeps its $, shell expansions lose theirs)."""
        if self.spec.language == "bash":
            if node.type in ("expansion", "simple_expansion"):  # ${name%%&*}, ${1:?usage}, $@
                for c in node.named_children:
                    if c.type in ("variable_name", "special_variable_name"):
                        return self.text(c)
                    if c.type == "subscript" and c.child_by_field_name("name") is not None:  # ${settings[$key]}
                        return self.text(c.child_by_field_name("name"))
            return self.text(node).strip().lstrip("$").strip('{}"')
        return self.text(node).strip()

    def callee(self, node) -> str:
        if node.type == "command":
            name = node.child_by_field_name("name")
            return self.text(name).strip() if name is not None else ""
        args = self._arguments(node)
        if args is None and node.type == "object_creation_expression":  # C# `new T { ... }`
            kind = node.child_by_field_name("type")
            return self.text(kind) if kind is not None else ""
        end = args.start_byte if args is not None else node.end_byte
        callee = rx(r"^new\s+").sub("", self.src[node.start_byte : end].decode("utf-8", "replace").strip())
        return rx(r"\s*<[\w\s,.<>?\[\]]*>$").sub("", callee)  # conn.Query<User>( -> conn.Query

    def args(self, node) -> list:
        if node.type == "command":
            return node.children_by_field_name("argument")
        args = self._arguments(node)
        if args is None:
            return []
        out = [a for a in args.named_children if a.type not in ("comment",)]
        return [a.named_children[-1] if a.type == "argument" and a.named_children else a for a in out]

    def _arguments(self, node):
        args = node.child_by_field_name("arguments")
        if args is None and node.type == "object_creation_expression":  # PHP `new RedirectResponse($url)`
            args = next((c for c in node.named_children if c.type == "arguments"), None)
        return args

    def receiver(self, node):
        """The object a method is called on (`obj` in obj.f(x), $obj->f(), Cls::f()), or None."""
        if node.type in ("method_invocation", "member_call_expression", "scoped_call_expression"):
            return node.child_by_field_name("object") or node.child_by_field_name("scope")
        fn = node.child_by_field_name("function")
        if fn is None or fn.type not in MEMBERS:
            return None
        return fn.child_by_field_name("object") or fn.child_by_field_name("expression") or fn.named_children[0]

    def root_name(self, node) -> str | None:
        """`sb` for sb.append(a).append(b), `$arr` for $arr[$k], `params` for params.items."""
        while node is not None:
            if node.type in self.spec.idents or (node.type == "variable_name" and self.spec.language == "bash"):
                return self.name_of(node)
            if node.type in self.spec.calls:
                node = self.receiver(node)
            elif node.type in SUBSCRIPTS or node.type in MEMBERS:
                node = node.named_children[0] if node.named_children else None
            else:
                return None
        return None

    def container(self, node) -> str | None:
        """The name a builder call fills: `sb` for sb.append(a).append(b), `psi.ArgumentList` for its Add(x)."""
        while node is not None and node.type in self.spec.calls:
            node = self.receiver(node)
        if node is None or not (node.type in self.spec.idents or node.type in MEMBERS):
            return None
        return self.name_of(node)

    def local(self, callee: str, scope: Scope | None = None) -> Summary | None:
        """The summary of a function of this file that `callee` names: a plain call, a call on this/self or a class,
        or a method called on an object the function made (`tester = new WebhookTester(3000)`; `tester.ping(url)`)."""
        parts = rx(r"(\.|->|::)").split(callee)
        name = parts[-1].strip().lstrip("$")
        summary = self.summaries.get(name)
        if summary is None:
            return None
        receiver = "".join(parts[:-2]).strip()
        # a class (`WebhookTester.ping`), not a CONSTANT (`ORDERINGS.get` looks a key up in a table)
        if receiver and not _SELF.match(receiver) and not rx(r"[A-Z]\w*[a-z]\w*").fullmatch(receiver):
            made = scope.values.get(receiver, "") if scope is not None else ""
            # (an object made in place: `new Poller(url).poll()`)
            if not _NEW_OBJECT.match(made) and not _NEW_OBJECT.match(receiver.lstrip("(")):
                factory = _FACTORY.match(receiver)
                if factory is None or factory.group(2) not in self.summaries:
                    return None
        return summary

    def bind(self, summary: Summary, call) -> dict[str, list]:
        """Parameter name -> the argument nodes a call passes for it."""
        args = self.args(call)
        params = summary.params
        bound: dict[str, list] = {}
        if params and params[0] and params[0][0] in ("self", "cls"):
            params = params[1:]
            # probe.command(): `self` is the object, made from what it was given (self.helper() inside the class:
            # the helper's own findings already say it)
            obj = self.receiver(call)
            if obj is not None and call.type in self.spec.calls and not _SELF.match(self.text(obj)):
                bound[summary.params[0][0]] = [obj]
            elif obj is not None and call.type in self.spec.calls and self.text(obj) == "self":
                bound[summary.params[0][0]] = [obj]  # self.command() inside run(): the same object's fields
        positional = [a for a in args if a.type not in ("keyword_argument", "named_argument")]
        for names, arg in zip(params, positional):
            for n in names:
                bound.setdefault(n, []).append(arg)
        for a in args:
            if a.type in ("keyword_argument", "named_argument"):
                key, value = a.child_by_field_name("name"), a.child_by_field_name("value")
                if key is not None and value is not None:
                    bound.setdefault(self.text(key), []).append(value)
        obj = self.receiver(call) if call.type in self.spec.calls else None
        if obj is not None and not _SELF.match(self.text(obj)):  # report.build(): the fields it reads are report's
            for name, var in getattr(self, "fields", {}).items():
                if var.params == {name} and name not in bound:
                    bound[name] = [obj]
        if self.spec.language == "bash":
            bound["@"] = bound["*"] = list(args)
        if params and len(positional) > len(params):  # varargs: the rest goes to the last parameter
            for n in params[-1]:
                bound[n].extend(positional[len(params) :])
        return bound

    def value(self, node, scope: Scope) -> Acc:
        acc = Acc()
        self._walk(node, scope, acc)
        return acc

    def _local_argv(self, node, scope: Scope) -> bool:
        """C/C++ `argv` in a function that has no parameter of that name: a local array or vector, not main's."""
        if self.spec.language not in ("c", "cpp") or node.type not in self.spec.idents or scope.fn is None:
            return False
        if self.name_of(node) != "argv":
            return False
        return "argv" not in {p for names in self.params(scope.fn) for p in names}

    def _walk(self, node, scope: Scope, acc: Acc) -> None:
        """Names and sources a value is made of, skipping what a sanitiser wraps."""
        spec = self.spec
        t = node.type
        if (t in MEMBERS or t in spec.calls) and spec.language not in ("c", "cpp") and _COUNT.search(self.text(node)):
            if self.text(node) not in scope.vars:  # (`$this->size` a constructor set from its parameter is a field)
                return
        if (
            scope.cleared
            and (t in MEMBERS or t in SUBSCRIPTS or t in spec.calls or t in _EXPANSIONS)
            and (self.text(node) in scope.cleared)
        ):
            return
        if (t == "expansion" or (t in spec.calls and _REPLACERS.search(self.callee(node)))) and _QUOTES_DOUBLED.search(
            self.text(node)
        ):
            return  # quotes doubled: the value stays inside its SQL string
        if (t in MEMBERS or t in SUBSCRIPTS) and self._keyed(node, scope, acc):
            return
        if t in spec.calls or t in MEMBERS or t in SUBSCRIPTS:
            key = session_key(self.text(node))
            if key is not None:  # what the file's handlers put under that key, not the whole session
                if key in self.session_keys:
                    acc.source(strong=True)  # input, put in the session by this or another handler
                return
        if t in spec.calls:
            callee = self.callee(node)
            if spec.sanitisers.search(callee):
                return
            if node.type == "command" and callee == "cat" and self.service and not self._file_args(node):
                acc.source(strong=True)  # payload="$(cat)": the request's body
                return
            if node.type == "command" and callee == "printf" and _QUOTED_FORMAT.match(self.text(node)[6:].lstrip()):
                return  # printf '%q ' "${files[@]}": quoted for the shell
            if node.type == "command" and callee == "git" and _GIT_QUOTED.search(self.text(node)):
                return  # git rev-parse --sq / --sq-quote / --parseopt: printed quoted for the shell's eval
            if _QUERY_CALL.search(callee) and self._rows(node, scope):
                return
            if _REPLACERS.search(callee) and _STRIP_TO_CLASS.search(self.text(node)):
                return
            summary = self.local(callee, scope)
            if summary is not None:
                if not summary.escapes:
                    self._returns(summary, node, scope, acc)
                if self._fills_and_returns_itself(summary):
                    # `new MemberSearch().withTeam(team)`: a method keeping its argument in a field and returning
                    # the object hands the caller an object that holds the argument
                    for arg in self.args(node):
                        self._walk(arg, scope, acc)
                return
            # the call's own name: `[row(a), row(req.get('ua'))].join` is not `req.get` (its parts are walked below)
            callee = callee[max(callee.rfind(")"), callee.rfind("]"), callee.rfind("}")) + 1 :] or callee
            if spec.sources.search(callee + "("):
                acc.source(strong=True)
                return
            if spec.weak_sources is not None and spec.weak_sources.search(callee + "("):
                acc.source()
                acc.strong |= bool(_CGI.search(self.text(node))) or self.privileged  # getenv("QUERY_STRING")
                acc.strong |= self.linked and bool(_ARGV.search(callee))
                return
            if spec.remote_sources is not None and spec.remote_sources.search(callee + "("):
                acc.source(remote=True)
                return
            if _SOCKET_READ.search(callee) and self._from_accepted_socket(callee, scope):
                acc.source(strong=True)  # a request line read from a connection the server accepted
                return
            if _MAPPERS.search(callee) and self._mapped(node, scope, acc):
                return
            if _LOOKUP.search(callee) and node.type != "command" and not spec.formatters.search(callee):
                obj = self.receiver(node)
                if obj is not None:
                    self._walk(obj, scope, acc)
                    return
        elif t in spec.news:
            if spec.sources.search(self.callee(node) + "("):
                acc.source(strong=True)
                return
        if t == "cast_expression" and rx(r"\(\s*(int|long|float|bool|double|unsigned|size_t)").match(self.text(node)):
            return
        if t in SUBSCRIPTS and node.named_children:  # table[key]: the value comes from the table, not the key
            if _SERVER_FILE_FIELDS.search(self.text(node)):
                return  # $_FILES['f']['tmp_name']: the name PHP gave the upload, not the client's
            container = node.named_children[0]
            if self._local_argv(container, scope):
                # a local of a source's name (`std::vector<char*> argv = to_argv(args); execv(argv[0], ...)`): what
                # was assigned to it, not the program's arguments
                self._walk(container, scope, acc)
            elif spec.sources.search(self.text(container)):
                acc.source(strong=True)
            elif spec.weak_sources is not None and spec.weak_sources.search(self.text(container)):
                acc.source()  # $_SERVER['HTTP_HOST'] is the request; $_SERVER['DOCUMENT_ROOT'] is configuration
                acc.strong |= bool(spec.sources.search(self.text(node)) or _CGI.search(self.text(node)))
                acc.strong |= self.privileged or (self.linked and bool(_ARGV.search(self.text(container))))
            else:
                self._walk(container, scope, acc)
            return
        if t in _TERNARIES:
            cond = node.child_by_field_name("condition") or (node.named_children[0] if node.named_children else None)
            if self.spec.language == "python" and len(node.named_children) == 3:  # `a if cond else b`
                cond = node.named_children[1]
            if cond is not None and is_allow_check(self.text(cond)):
                return  # in_array($x, $allowed) ? $x : 'home'
            if cond is not None and len(node.named_children) >= 3:  # the value is a branch, not the condition
                for child in node.named_children:
                    if child != cond:
                        self._walk(child, scope, acc)
                return
        if t in _COMPREHENSIONS:
            self._comprehension(node, scope, acc)
            return
        if t in ("match_expression", "switch_expression"):  # match ($sort) { 'name' => 'name', default => 'id' }
            for arm in self._selected_values(node):
                self._walk(arm, scope, acc)
            return
        if t in spec.idents or (t in MEMBERS and self.text(node) in scope.vars):
            name = self.name_of(node)
            if name in scope.vars:
                acc.add(scope.vars[name], name)
            elif spec.sources.search(self.text(node)) and not self._local_argv(node, scope):
                acc.source(strong=True)
            return
        if t not in spec.calls and (t in spec.source_nodes or node.child_count == 0) and not self._compound(node):
            if spec.sources.search(self.text(node)):
                acc.source(strong=True)
                return
            if spec.weak_sources is not None and spec.weak_sources.search(self.text(node)):
                acc.source()
                acc.strong |= bool(_CGI.search(self.text(node))) or self.privileged
                acc.strong |= self.linked and bool(_ARGV.search(self.text(node)))
                return
            if spec.remote_sources is not None and spec.remote_sources.search(self.text(node)):
                acc.source(remote=True)
                return
        for child in node.named_children:
            self._walk(child, scope, acc)

    def _keyed(self, node, scope: Scope, acc: Acc) -> bool:
        """`opts["title"]`, `opts.ref` where `opts = export_options(...)` and that helper returns a literal: the value
        of that key, not of the whole object (`"fmt"` checked, `"width"` an int, `"title"` raw)."""
        if not node.named_children:
            return False
        obj = node.named_children[0]
        if obj.type not in self.spec.idents:
            return False
        made = scope.rhs.get(self.name_of(obj))
        if made is None or made.type not in self.spec.calls:
            return False
        summary = self.local(self.callee(made), scope)
        if summary is None or not summary.keys:
            return False
        key = node.child_by_field_name("property") or node.child_by_field_name("name") or node.named_children[-1]
        name = self.text(key).strip("'\"` ")
        if name not in summary.keys:
            return False
        if summary.keys[name] is not None:
            active = self.__dict__.setdefault("_keying", set())
            if made.id in active:  # opts = merge(opts["a"]): the call is already being read
                return False
            active.add(made.id)
            try:
                self._returned(summary.keys[name], summary, made, scope, acc)
            finally:
                active.discard(made.id)
        return True

    def _selected_values(self, node) -> list:
        """What a PHP `match`, a C# or Java `switch` expression gives: its arms' values, not what it tests."""
        out, stack = [], [node]
        while stack:
            n = stack.pop()
            if n.type in ("match_conditional_expression", "match_default_expression"):
                value = n.child_by_field_name("return_expression")
                out += [value] if value is not None else []
            elif n.type == "switch_expression_arm" and n.named_children:
                out.append(n.named_children[-1])
            elif n.type == "switch_rule" and n.named_children:
                out.append(n.named_children[-1])
            else:
                stack.extend(c for c in n.named_children if not (n is node and c is n.named_children[0]))
        return out

    def _file_args(self, node) -> list:
        """The files a shell `cat` reads (none, `-` or /dev/stdin: its standard input)."""
        words = [self.text(a) for a in self.args(node)]
        return [w for w in words if w not in ("-", "/dev/stdin") and not w.startswith("-")]

    def _rows(self, node, scope: Scope) -> bool:
        """`db.execute("SELECT ... WHERE title LIKE ?", (q,))`: a parameterised query, whose result is rows of the
        database (its SQL built from input is the SQL sink's business, not the rows')."""
        args = self.args(node)
        if len(args) < 2 or node.type == "command":
            return False
        first = args[0]
        sql = scope.values.get(self.name_of(first), "") if first.type in self.spec.idents else self.text(first)
        return bool(_SQL_TEXT.search(sql))

    def _compound(self, node) -> bool:
        """A member of a call's result or of a literal (`[row(a), row(b)].join`): its parts are walked one by one,
        not read whole against the sources."""
        first = node.named_children[0] if node.type in MEMBERS and node.named_children else None
        return first is not None and (first.type in self.spec.calls or first.type in _LITERAL_CONTAINERS)

    def _returns(self, summary: Summary, call, scope: Scope, acc: Acc) -> None:
        """A call to a function of this file: its return value, in terms of what the call passes."""
        if summary.returns is not None:
            self._returned(summary.returns, summary, call, scope, acc)

    def item_value(self, summary: Summary, index: int, call, scope: Scope) -> Acc:
        """Position `index` of the tuple a function of this file returns, in terms of what the call passes."""
        acc = Acc()
        if summary.items[index] is not None:
            self._returned(summary.items[index], summary, call, scope, acc)
        return acc

    def _returned(self, value, summary: Summary, call, scope: Scope, acc: Acc) -> None:
        """What a function returns (`value`: its sources and the parameters it passes on), at one call."""
        if value.strong or value.remote:
            acc.source()
            acc.strong |= value.strong
            acc.remote |= value.remote
        bound = self.bind(summary, call)
        if not value.strong and self.spec.weak_sources is not None:
            # header("HTTP_X_MODEL") where header(name) returns getenv(name): the request's header, not configuration
            named = [a for args in bound.values() for a in args if _CGI.search(self.text(a))]
            if named and self.spec.weak_sources.search(self.text(summary.node)):
                acc.source(strong=True)
        fields = getattr(self, "fields", {})
        for name in value.params:
            for arg in bound.get(name, ()):
                self._walk(arg, scope, acc)
            if name not in bound and name in fields and name in scope.vars:
                acc.add(scope.vars[name], name)  # $this->command() reads $this->size: this object's field

    def _mapped(self, node, scope: Scope, acc: Acc) -> bool:
        """items.map(render) / items.map(x => `<li>${x}</li>`): the function's result for each element."""
        args = self.args(node)
        obj = self.receiver(node)
        if not args or obj is None:
            return False
        fn = args[0]
        element = self.value(obj, scope)
        if fn.type in self.spec.idents and self.name_of(fn) in self.summaries:
            summary = self.summaries[self.name_of(fn)]
            r = summary.returns
            if r is not None and (r.params or r.strong):
                if element.any:
                    acc.add(element.var(False))
                if r.strong:
                    acc.source(strong=True)
            return True
        if fn.type in self.spec.functions:
            inner = Scope(scope, fn=fn)
            params = parameter_names(fn, self.spec, self.name_of)
            if params and element.any:
                for n in params[0]:
                    inner.vars[n] = element.var(False)
            for body in return_value_nodes(fn, self.spec) or self._return_statements(fn):
                self._walk(body, inner, acc)
            return True
        return False

    def _fills_and_returns_itself(self, summary) -> bool:
        """A method of this file that keeps a parameter in a field (`field_writers`) and returns `this`/`self`."""
        writers = getattr(self, "field_writers", None)
        if not writers or function_name(summary.node, self.text) not in writers:
            return False
        returned = self._return_statements(summary.node)
        return bool(returned) and all(self.text(r) in ("this", "self", "$this") for r in returned)

    def _return_statements(self, fn) -> list:
        out, stack = [], list(fn.named_children)
        while stack:
            n = stack.pop()
            if n.type in self.spec.functions:
                continue
            if n.type == "return_statement" and n.named_children:
                out.append(n.named_children[0])
            elif n.type == "return_statement" and len(n.children) > 1 and n.children[1].type == "this":
                out.append(n.children[1])  # C#'s `return this;` (its `this` is a keyword, not a named node)
            stack.extend(n.named_children)
        return out

    def _comprehension(self, node, scope: Scope, acc: Acc) -> None:
        inner = Scope(scope)
        for clause in node.named_children:
            if clause.type == "for_in_clause":
                left, right = clause.child_by_field_name("left"), clause.child_by_field_name("right")
                if left is not None and right is not None:
                    element = self.value(right, inner)
                    for ident in self._identifiers(left):
                        if element.any:
                            inner.vars[ident] = element.var(False)
        body = node.child_by_field_name("body") or (node.named_children[0] if node.named_children else None)
        if body is not None:
            self._walk(body, inner, acc)

    def _identifiers(self, node) -> list[str]:
        if node.type in self.spec.idents:
            return [self.name_of(node)]
        return [n for c in node.named_children for n in self._identifiers(c)]

    def built(self, node, scope: Scope) -> bool:
        """Made by concatenation, interpolation or formatting (or a variable that was)."""
        spec = self.spec
        stack = [node]
        while stack:
            n = stack.pop()
            if n.type in spec.concat and spec.concat_op.search(self._operator(n)):
                if not (spec.language in ("c", "cpp") and _POINTER_OFFSET.match(self.text(n))):
                    return True  # (C `tok + 4` moves a pointer along the same string: nothing is joined)
            if n.type in spec.interp_strings and any(c.type in spec.interpolations for c in n.named_children):
                if not (spec.language == "bash" and len(n.named_children) == 1):  # "$f", "$(jq ...)": one value
                    return True
            if n.type == "heredoc_body" and any(c.type in spec.interpolations for c in n.named_children):
                return True  # PHP <<<SQL ... '$name' ... SQL
            if n.type in spec.calls:
                callee = self.callee(n)
                if spec.formatters.search(callee):
                    return True
                summary = self.local(callee, scope)
                if summary is not None and summary.returns is not None and summary.returns.built:
                    return True
            if n.type in spec.idents and scope.vars.get(self.name_of(n), Var()).built:
                return True
            if n.type in _TERNARIES and len(n.named_children) >= 3:
                # env ? env : DEFAULT_DIR "/receipts.txt": only the branches that carry a value in (a default
                # written out is built from nothing)
                cond = n.named_children[1] if spec.language == "python" else n.named_children[0]
                stack.extend(c for c in n.named_children if c != cond and self.value(c, scope).any)
                continue
            if n.type not in spec.calls or n is node:
                stack.extend(n.named_children)
            elif (obj := self.receiver(n)) is not None:
                stack.append(obj)
        return False

    def _operator(self, node) -> str:
        op = node.child_by_field_name("operator")
        if op is not None:
            return self.text(op)
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is not None and right is not None:
            return self.src[left.end_byte : right.start_byte].decode("utf-8", "replace")
        return self.text(node)

    def expanded(self, node, scope: Scope) -> str:
        """The call's text with the values of the names it uses (for `**opts`, `shell=flag`, a query variable)."""
        text = self.text(node)
        names = {n for token in rx(r"\$?[A-Za-z_]\w*").findall(text) for n in (token, token.lstrip("$"))}
        extra = [scope.values[n] for n in names if n in scope.values]
        # one level further: `sql = self.base; sql += ...` where `base = "SELECT ... WHERE ..."` is a class attribute
        deeper = {
            n for v in extra for token in rx(r"\$?[A-Za-z_]\w*").findall(v[:500]) for n in (token, token.lstrip("$"))
        }
        extra += [scope.values[n] for n in deeper - names if n in scope.values]
        text = text + " " + " ".join(extra)
        # What the file's own helpers called here return: `res.send(page(card(user)))` sends the markup `card`
        # builds, `ctx.search(base, filterFor(dept, name))` runs the filter `filterFor` builds.
        called = rx(r"\$\(\s*([A-Za-z_][\w-]*)" if self.spec.language == "bash" else r"([A-Za-z_]\w*)\s*\(")
        helpers = {m for m in called.findall(text) if m in self.summaries}  # bash: query="$(build_query "$x")"
        returned = [self.returned_text(self.summaries[h]) for h in sorted(helpers)]
        return text + " " + " ".join(returned) if returned else text

    def returned_text(self, summary: Summary) -> str:
        """The string literals of a function of this file that builds what it returns (`let sql = 'SELECT ...';
        sql += ...; return sql`): they hold the query, the markup or the filter (its code, `i < n`, does not)."""
        kinds = self.spec.strings | self.spec.interp_strings | {"heredoc"}
        out, stack = [], [summary.node]
        while stack and len(out) < 200:
            n = stack.pop()
            if n.type in kinds:
                out.append(self.text(n))
            else:
                stack.extend(n.named_children)
        return " ".join(out)[:4000]

    def _from_accepted_socket(self, callee: str, scope: Scope) -> bool:
        """`reader.ReadLine()` where `reader = new StreamReader(client.GetStream())` and the file accepts connections
        (`AcceptTcpClient`, `serverSocket.accept()`): what a client sent (a hand-written HTTP server's request)."""
        if getattr(self, "_accepts", None) is None:  # (read once per file)
            self._accepts = bool(_ACCEPTS.search(self.lines_text()))
        if not self._accepts:
            return False
        head = rx(r"\.|->").split(callee)[0]
        made = scope.values.get(head, "")
        stream = rx(r"[A-Za-z_]\w*").findall(made)
        return bool(
            _NETWORK_STREAM.search(made) or any(_NETWORK_STREAM.search(scope.values.get(n, "")) for n in stream)
        )

    def receiver_is(self, callee: str, pattern: re.Pattern, scope: Scope) -> bool:
        if pattern.search(callee):
            return True
        head = rx(r"\.|->").split(callee)[0]
        return bool(pattern.search(scope.values.get(head, "")))

    def out_params(self, node, callee: str, args: list, scope: Scope) -> None:
        """read(fd, buf, n), getline(cin, s), snprintf(cmd, ...), TryGetValue(k, out var v): the output holds input."""
        spec = self.spec
        targets: list[tuple[str, int | None]] = []
        for pattern, index in spec.out_params:
            if pattern is STRUCT_READ and not (len(args) > index and "&" in self.text(args[index])):
                continue  # (bytes into a buffer, `in.read(magic, 4)`: only a struct read whole is a header)
            if pattern.search(callee) and len(args) > index:
                # (`reinterpret_cast<char *>(&hdr)`, `(char *)&hdr`: the struct read into)
                target = _CAST.sub("", self.name_of(args[index])) if spec.language in ("c", "cpp") else None
                target = target.strip("()&* ") if target else self.name_of(args[index]).lstrip("&*")
                targets.append((target, index))
        if spec.language == "csharp":
            raw = node.child_by_field_name("arguments")
            for i, a in enumerate(raw.named_children if raw is not None else []):
                if self.text(a).startswith("out "):
                    idents = self._identifiers(a)
                    if idents:
                        targets.append((idents[-1], i))
        for target, index in targets:
            scope.values[target] = self.text(node)  # snprintf(q, n, "SELECT ... %s", x): what q now holds
            if spec.sources.search(callee) or STRUCT_READ.search(callee):
                scope.vars[target] = Var(strong=True, built=True)
                self.wrote(target, scope.vars[target], scope)
                self.read_into_field(args[index], scope)
                continue
            acc = Acc()
            if rx(r"TryGetValue$").search(callee):
                obj = self.receiver(node)
                if obj is not None:
                    self._walk(obj, scope, acc)
            elif not spec.sanitisers.search(callee):
                for i, a in enumerate(args):
                    if i != index and not self.text(a).startswith("out "):
                        self._walk(a, scope, acc)
            if acc.any:
                scope.vars[target] = acc.var(True)
                scope.parents[target] = set(acc.names)
                scope.views.add(target)
                self.wrote(target, scope.vars[target], scope)
            else:
                scope.vars.pop(target, None)

    def read_into_field(self, arg, scope: Scope) -> None:
        """`std::getline(row, job.project, '\t')`, `fgets(rec.name, sizeof rec.name, f)`: input read into a field
        is held by the struct, as `job.project = line` would make it (`jobs.push_back(job)`, `tar_command(job)`)."""
        while arg.type in ("pointer_expression", "parenthesized_expression") and arg.named_children:
            arg = arg.named_children[-1]  # (&rec.name)
        if self.spec.language not in ("c", "cpp") or arg.type not in MEMBERS:
            return
        root = self.root_name(arg)
        if not root or root in ("this", "self"):
            return
        old = scope.vars.get(root)
        scope.vars[root] = Var(True, old.remote if old else False, old.params if old else frozenset(), True)

    def wrote(self, target: str, var: Var, scope: Scope) -> None:
        """A helper writes into its own parameter (snprintf(out, n, "... %s", host)): its callers' argument holds it."""
        summary = scope.summary
        root = rx(r"^[\w$]+").match(target)
        field = False
        if summary is not None and target not in summary.param_names() and root and self.spec.language in ("c", "cpp"):
            target, field = root.group(0), True  # strncpy(cfg->iface, ...): the caller's struct holds it
        if summary is not None and target in summary.param_names() and scope.fn is summary.node:
            old = summary.writes.get(target)
            # (two fields written, `o->store = ...; o->out_file = env;`, are not one value joined from both)
            built = old is not None and (old.built or var.built or not field)
            summary.writes[target] = (
                var
                if old is None
                else Var(old.strong or var.strong, old.remote or var.remote, old.params | var.params, built)
            )

    def shell_read(self, node, args: list, scope: Scope) -> None:
        """`read [-p prompt] NAME`: input. A `while read` loop reads a file, not the user: what it reads is data of
        unknown origin (weak, like a parameter: evaluating it as code is a flaw, opening it as a path is not)."""
        var = Var(strong=True)
        up = node.parent
        while up is not None and up.type in ("list", "pipeline", "negated_command", "redirected_statement"):
            up = up.parent
        if up is not None and up.type == "while_statement":
            var = Var(params=frozenset({"<file>"}))
        skip = False
        for a in args:
            word = self.text(a)
            if skip:
                skip = False
            elif word in ("-p", "-d", "-n", "-t", "-u", "-a", "-N"):
                skip = True
            elif not word.startswith("-"):
                scope.vars[word] = var
