"""Functions as the tree checks see them: a name (so a call in the same file can use what the function does with
its parameters), the parameters in order (each the names it binds), and which parameters a web framework fills from
the request: Flask/FastAPI routes and Django views, Spring and JAX-RS annotations, ASP.NET actions and `[From*]`
attributes, minimal-API and Laravel route closures, NestJS decorators, and C's `main`.
"""

from __future__ import annotations

import re

from codellama.safety.insecure_code.rule import rx

_NAMED_FIELDS = ("name", "pattern", "left", "declarator")
_PYTHON_ROUTE = re.compile(
    r"^@\s*[\w.]*\.(route|get|post|put|patch|delete|api_route|websocket)\s*\(|^@\s*(api_view|require_(GET|POST|safe|"
    r"http_methods))\b"
)
_VIEW_METHOD = re.compile(r"^(get|post|put|patch|delete|head|options)$")
_NOT_FROM_REQUEST_PY = re.compile(r"^(self|cls|request|req|db|session|conn|background_tasks|response)$")
_JAVA_PARAM = re.compile(
    r"@(RequestParam|PathVariable|RequestBody|RequestHeader|CookieValue|ModelAttribute|RequestPart|QueryParam"
    r"|PathParam|FormParam|HeaderParam|CookieParam|MatrixParam|BeanParam)\b"
)
_JAVA_HANDLER = re.compile(r"@(Get|Post|Put|Delete|Patch|Request)Mapping\b|@(GET|POST|PUT|DELETE|PATCH|Path)\b")
_JAVA_FRAMEWORK_TYPE = re.compile(
    r"\b(HttpServlet\w+|Model|ModelMap|Principal|Authentication|BindingResult|HttpSession|Locale|Pageable|Errors"
    r"|RedirectAttributes|\w+Service|\w+Repository|UriComponentsBuilder)\b"
)
_CS_PARAM = re.compile(r"\[\s*From(Query|Body|Route|Form|Header)\b")
_CS_HANDLER = re.compile(r"\[\s*(Http(Get|Post|Put|Delete|Patch)|Route|AcceptVerbs)\b")
_CS_NOT_FROM_REQUEST = re.compile(
    r"\[\s*FromServices\b|\bCancellationToken\b|^\s*I[A-Z]\w*\b|\bHttpContext\b|\bILogger"
)
_CS_MINIMAL_API = re.compile(r"\.Map(Get|Post|Put|Delete|Patch|Methods)\s*\(")
_PHP_ROUTE = re.compile(r"\bRoute::(get|post|put|patch|delete|any|match)\s*\(")
_JS_PARAM = re.compile(r"@(Query|Param|Body|Headers|Req)\s*\(")


def function_name(fn, text) -> str | None:
    """The name a call would use for this function (methods by their own name; None when anonymous)."""
    name = fn.child_by_field_name("name")
    if name is None and fn.type == "function_definition":  # C/C++: the name sits inside the declarator chain
        node = fn.child_by_field_name("declarator")
        while node is not None and node.type != "function_declarator":
            node = node.child_by_field_name("declarator")
        name = node.child_by_field_name("declarator") if node is not None else None
        if name is not None and name.type == "qualified_identifier":
            name = name.child_by_field_name("name")
    if (
        name is None
        and fn.parent is not None
        and fn.parent.type in ("variable_declarator", "pair", "assignment_expression")
    ):
        name = fn.parent.child_by_field_name("name") or fn.parent.child_by_field_name("key")
        name = name or fn.parent.child_by_field_name("left")
    if name is None:
        return None
    value = rx(r"\.|->|::").split(text(name))[-1].strip().lstrip("$").strip("'\"")
    return value if rx(r"[A-Za-z_][\w-]*").fullmatch(value) else None


def parameter_list(fn, spec):
    """The node holding the function's parameters (None for a shell function)."""
    plist = fn.child_by_field_name("parameters")
    if plist is None:
        node = fn.child_by_field_name("declarator")  # C/C++ functions and lambdas
        while node is not None and plist is None:
            plist = node.child_by_field_name("parameters")
            node = node.child_by_field_name("declarator")
    if plist is None:
        plist = next((c for c in fn.named_children if c.type in spec.params), None)
    return plist


def parameter_names(fn, spec, name_of) -> list[tuple[str, ...]]:
    """The names each parameter binds, in order (a destructured parameter binds several); bash: $1..$9."""
    if spec.language == "bash":
        return [(str(i),) for i in range(1, 10)]
    plist = parameter_list(fn, spec)
    if plist is None:
        return [(name_of(fn.child_by_field_name("parameter")),)] if fn.child_by_field_name("parameter") else []
    if plist.type in spec.idents:  # lambda x: ...
        return [(name_of(plist),)]
    out = []
    for p in plist.named_children:
        if p.type in ("comment", "attribute_list", "modifiers", "decorator"):
            continue
        names = _bound_names(p, spec, name_of)
        if names:
            out.append(tuple(names))
    return out


def _bound_names(p, spec, name_of) -> list[str]:
    if p.type in spec.idents:
        return [name_of(p)]
    for field in _NAMED_FIELDS:
        inner = p.child_by_field_name(field)
        if inner is not None:
            return _bound_names(inner, spec, name_of)
    if p.type in ("object_pattern", "array_pattern", "tuple_pattern", "list_pattern"):
        return [n for c in p.named_children for n in _bound_names(c, spec, name_of)]
    idents = [c for c in p.named_children if c.type in spec.idents or c.type == "shorthand_property_identifier_pattern"]
    if idents:  # typed_parameter, list_splat_pattern, spread parameters: the first name is the parameter
        return [name_of(idents[0])]
    for c in reversed(p.named_children):
        names = _bound_names(c, spec, name_of)
        if names:
            return names
    return []


def is_python_handler(fn, text) -> bool:
    """A Flask/FastAPI route or a Django view (first parameter `request`): what it returns is the response."""
    decorated = fn.parent if fn.parent is not None and fn.parent.type == "decorated_definition" else None
    decorators = [text(d) for d in decorated.named_children if d.type == "decorator"] if decorated else []
    if any(_PYTHON_ROUTE.search(d) for d in decorators):
        return True
    params = fn.child_by_field_name("parameters")
    named = params.named_children if params is not None else []
    if (
        named
        and text(named[0]) == "self"
        and len(named) > 1
        and _VIEW_METHOD.match(text(fn.child_by_field_name("name")))
    ):
        named = named[1:]  # a class-based view: def get(self, request, slug)
    first = named[0] if named else None
    return first is not None and text(first).split(":")[0].strip() == "request"


def is_handler(fn, spec, text) -> bool:
    """A request handler whose return value is the response body (Flask/Django/FastAPI, Spring)."""
    if spec.language == "python":
        return fn.type == "function_definition" and is_python_handler(fn, text)
    if spec.language == "java" and fn.type == "method_declaration":
        plist = fn.child_by_field_name("parameters")
        header = text(fn)[: max(0, plist.start_byte - fn.start_byte)] if plist is not None else ""
        return bool(_JAVA_HANDLER.search(header))
    return False


def strong_parameters(fn, spec, text, name_of) -> set[str]:
    """Parameters a framework fills from the request (or, for `main`, the command line)."""
    language = spec.language
    params = parameter_names(fn, spec, name_of)
    every = {n for names in params for n in names}
    plist = parameter_list(fn, spec)
    if language == "python":
        if fn.type == "function_definition" and is_python_handler(fn, text):  # the other parameters are URL parts
            skip = {
                text(p).split("=")[0].split(":")[0].strip()
                for p in (plist.named_children if plist else [])
                if "Depends(" in text(p)
            }
            return {n for n in every if not _NOT_FROM_REQUEST_PY.match(n) and n not in skip}
        return set()
    if language in ("c", "cpp"):
        return every if function_name(fn, text) == "main" else set()
    if plist is None or language == "bash":
        return set()
    items = [p for p in plist.named_children if p.type not in ("comment",)]
    if language == "java":
        header = text(fn)[: max(0, plist.start_byte - fn.start_byte)]
        handler = bool(_JAVA_HANDLER.search(header))
        return {
            n
            for p in items
            for n in _bound_names(p, spec, name_of)
            if _JAVA_PARAM.search(text(p)) or (handler and not _JAVA_FRAMEWORK_TYPE.search(text(p)))
        }
    if language == "csharp":
        header = text(fn)[: max(0, plist.start_byte - fn.start_byte)]
        handler = bool(_CS_HANDLER.search(header)) or (
            fn.type == "method_declaration" and rx(r"\bpublic\b").search(header) and _in_controller(fn, text)
        )
        if fn.type == "lambda_expression" and fn.parent is not None:
            call = fn.parent.parent.parent if fn.parent.parent is not None else None
            handler = handler or (call is not None and bool(_CS_MINIMAL_API.search(text(call)[:200])))
        return {
            n
            for p in items
            for n in _bound_names(p, spec, name_of)
            if _CS_PARAM.search(text(p)) or (handler and not _CS_NOT_FROM_REQUEST.search(text(p)))
        }
    if language == "php":
        route = fn.type in ("anonymous_function", "arrow_function") and _enclosing_call_matches(fn, text, _PHP_ROUTE)
        controller = fn.type == "method_declaration" and "public" in text(fn)[:40] and _in_controller(fn, text)
        if route or controller:  # scalar or untyped parameters come from the route or the query
            return {
                n
                for p in items
                for n in _bound_names(p, spec, name_of)
                if not rx(r"\s*\??[A-Z]\w*\s").match(text(p)) or text(p).lstrip("?").startswith(("int", "string"))
            }
        return set()
    if language == "javascript":
        if _enclosing_call_matches(fn, text, _JS_BODY_EVENT):  # req.on('data', (chunk) => ...): the body's bytes
            return every
        return {n for p in items for n in _bound_names(p, spec, name_of) if _JS_PARAM.search(text(p))}
    return set()


# Node's request read as a stream: each 'data' event hands the callback a piece of the body
_JS_BODY_EVENT = rx(r"^\s*(req|request|incoming)\.(on|once|addListener)\(\s*['\"]data['\"]")


def _in_controller(fn, text) -> bool:
    node = fn.parent
    while node is not None and node.type not in ("class_declaration", "class_specifier"):
        node = node.parent
    if node is None:
        return False
    header = text(node)[:300].split("{", 1)[0]
    return bool(rx(r"(:|\bextends)\s*[\w\\.]*(Controller|ControllerBase|PageModel)\b|\[ApiController\]").search(header))


def _enclosing_call_matches(fn, text, pattern) -> bool:
    node = fn.parent
    for _ in range(3):
        if node is None:
            return False
        if pattern.search(text(node)[:120]):
            return True
        node = node.parent
    return False


def return_value_nodes(fn, spec) -> list:
    """An expression-bodied function's body (`x => x + 1`, `fn($x) => ...`, `lambda q: q`), else []."""
    body = fn.child_by_field_name("body")
    if body is None:
        body = next((c for c in fn.named_children if c.type == "arrow_expression_clause"), None)
        if body is not None and body.named_children:
            return [body.named_children[0]]
        return []
    if body.type in ("block", "statement_block", "compound_statement", "constructor_body", "declaration_list"):
        return []
    return [body]


_NUMERIC_TYPE = re.compile(
    r"^\s*(const\s+|unsigned\s+|signed\s+|final\s+|readonly\s+|\?)*(int|long|short|byte|double|float|bool|boolean|char"
    r"|decimal|uint|ulong|ushort|sbyte|Integer|Long|Short|Double|Float|Boolean|BigDecimal|BigInteger|size_t|ssize_t"
    r"|off_t|pid_t|u?int\d+_t|number|bigint|Guid|UUID|DateTime|DateTimeOffset|TimeSpan|LocalDate|LocalDateTime|Instant"
    r"|std::size_t|std::u?int\d+_t)\??\s*$"
)


_CONVERTED = re.compile(r"<(?:int|float|uuid):(\w+)>")


def numeric_parameters(fn, spec, text, name_of) -> set[str]:
    """Parameters declared as numbers, booleans, dates or UUIDs (`int limit`, `$id: int`, `n: number`)."""
    plist = parameter_list(fn, spec)
    if plist is None or spec.language == "bash":
        return set()
    out = set()
    if spec.language == "python" and fn.parent is not None and fn.parent.type == "decorated_definition":
        # @app.route("/charts/<int:chart_id>"): Flask's converter lets only digits through
        for decorator in fn.parent.named_children:
            if decorator.type == "decorator":
                out.update(_CONVERTED.findall(text(decorator)))
    for p in plist.named_children:
        kind = p.child_by_field_name("type")
        if kind is None:
            continue
        declarator = p.child_by_field_name("declarator")
        if declarator is not None and declarator.type != "identifier":  # char *s, int buf[], T& x
            continue
        if _NUMERIC_TYPE.match(text(kind).lstrip(":").strip()):
            out.update(_bound_names(p, spec, name_of))
    return out
