"""The tree checks' tables for Python, JavaScript/TypeScript, Java, C# and PHP: node types, sources (request
parameters of each web framework), sanitisers and sinks (see taint.py)."""

from __future__ import annotations

import re

from codellama.safety.insecure_code.taint_specs import (
    LDAP_FILTER,
    SQL_WORDS,
    XPATH_PREDICATE,
    Spec,
    common_sinks,
    generic_sides,
    secret_finding,
)
from codellama.safety.insecure_code.taint_specs import common_sink as S

rx = re.compile
PLUS = rx(r"\s\+\s|\+")
HTML = rx(r"<\s*[a-zA-Z/!]")
# Markup for sinks that also write other things (a Python object's self.write, printf, Koa's ctx.body): a real tag
TAG = rx(
    r"<\s*/?\s*(html|body|head|title|div|p|h[1-6]|span|ul|ol|li|table|tr|td|th|a|b|i|em|strong|form|input|script"
    r"|img|br|pre|code|section|article|header|footer|main|nav|label|button|option|select|textarea|mark|small)(?=[\s>/])"
    r"|<!(doctype|DOCTYPE)\b"
)
# A variable or key that holds a URL (file_get_contents($url) fetches it: a request forgery, not a path traversal)
URLISH = rx(r"(?i)(url|uri|link|href|endpoint|callback|webhook|feed|https?:|src\b|target|remote|address)")
# A shell as the program a process runs (its arguments are then a command line)
_SHELL_PROGRAM = rx(
    r"""(?i)FileName\s*=\s*@?["'](/usr)?(/bin/)?(ba|z|da)?sh["']|FileName\s*=\s*@?["'](cmd|cmd\.exe|powershell|pwsh)["']"""
)
_SHELLS = r'(/usr)?(/bin/)?(ba|z|da|k)?sh"|cmd(\.exe)?"|powershell(\.exe)?"|pwsh"'
# exec(new String[] {"convert", in, out}), exec(cmd) where cmd = {"convert", ...}, ProcessBuilder("git", ...)
_JAVA_ARGV = rx(
    r"""(\.exec|ProcessBuilder|\.command)\s*\(\s*(new\s+String\s*\[\]\s*\{|List\.of\(|Arrays\.asList\()?\s*"(?!"""
    + _SHELLS
    + r""")[^"]*"\s*[,)}]|\.exec\s*\(\s*\w+\s*\)\s+(new\s+String\s*\[\]\s*)?\{\s*"(?!"""
    + _SHELLS
    + r""")"""
)
_JAVA_SHELL_C = rx(r"""["'](/usr)?(/bin/)?(ba|z|da|k)?sh["']\s*,\s*["']-c["']|["']cmd(\.exe)?["']\s*,\s*["']/c["']""")
CODE_FILE = rx(r"\.(php|phtml|inc)\b")


# A response's Location header set through its headers (`resp.headers["Location"] = url`, C#'s
# `Response.Headers["Location"]` and `Response.Headers.Location`)
_LOCATION_HEADER = r"""(?i)headers\s*\[\s*(['"]location['"]|HeaderNames\.Location)\s*\]$|Headers\.Location$"""


def python_spec() -> Spec:
    k = common_sinks("py")
    return Spec(
        language="python",
        functions={"function_definition", "lambda"},
        params={"parameters", "lambda_parameters"},
        idents={"identifier"},
        assigns={"assignment", "augmented_assignment", "for_statement", "with_item"},
        calls={"call"},
        news=set(),
        strings={"string"},
        interp_strings={"string"},
        interpolations={"interpolation"},
        concat={"binary_operator"},
        concat_op=rx(r"\+|%|/"),  # Path(root) / name builds a path
        formatters=rx(r"(\.format|os\.path\.join|path\.join|\.joinpath|Path|\.join|urljoin)$"),
        sources=rx(
            r"\brequest\.(args|form|values|json|get_json|cookies|COOKIES|headers|files|data|GET|POST|body|query_params"
            r"|path_params|META|FILES|match_info|rel_url|query|forms|params|matchdict|view_args|media|get_param)"
            r"|\breq\.(get_param\w*|media|params|bounded_stream)"
            r"|\bself\.get_(query_|body_)?arguments?\(|\bself\.request\.(body|arguments|query_arguments|uri)"
            r"|\.recv\("
        ),
        sanitisers=rx(
            r"(secure_filename|basename|safe_join|quote|escape|html\.escape|markupsafe\.escape|bleach\.clean|int|float"
            r"|uuid\.UUID|shlex\.quote|len|bool|hash\w*|sha256|hexdigest|literal_eval|escape_string|Identifier|Literal"
            r"|min|max|abs|round|escape_filter_chars|filter_format|escape_dn_chars|url_has_allowed_host_and_scheme"
            r"|quote_ident|quote_identifier"
            r"|render_template|render_template_string|render_to_string|format_html|format_html_join|conditional_escape"
            r"|strip_tags)$"  # Flask and Django templates escape, and so do Django's format_html helpers
        ),
        # the environment and the command line: set by whoever runs the program (a file it names is theirs to read)
        weak_sources=rx(r"\bos\.environ|\bgetenv\(|\bsys\.argv|\bargv\b|\bparse_args\(|\binput\(|\bsys\.stdin"),
        source_nodes={"attribute", "subscript"},
        sinks=[
            S(
                ("py-subprocess-shell", *k["shell"][1:]),
                r"(^|\.)(run|call|Popen|check_output|check_call)$",
                requires=rx(r"shell\W{1,4}True"),
            ),
            S(k["shell"], r"(^|\.)(getoutput|getstatusoutput)$", args=(0,)),
            S(
                ("py-subprocess-shell", *k["shell"][1:]),
                r"(^|\.)(run|call|Popen|check_output|check_call)$",
                requires=rx(r"""\[\s*['"](/bin/|/usr/bin/)?(ba|z|da)?sh['"]\s*,\s*['"]-c['"]"""),
            ),
            S(
                (
                    "py-taint-template",
                    94,
                    "high",
                    "a template compiled from input runs as code: template injection",
                    "render a fixed template and pass the input as a variable",
                ),
                r"(^|\.)(Template|from_string|render_template_string)$",
                args=(0,),
                strong_only=True,
                also=(k["html"],),  # the input is written into the page too
            ),
            S(("py-os-system", *k["shell"][1:]), r"^os\.(system|popen)$", args=(0,)),
            S(
                (
                    "py-sql-format",
                    89,
                    "high",
                    "SQL built with string formatting: SQL injection",
                    "pass values as query parameters (cursor.execute(sql, params))",
                ),
                r"(^|\.)(execute|executemany|executescript|raw|mogrify|read_sql|read_sql_query|extra)$|^(sa\.)?text$",
                args=(0,),
                built=True,
                requires=SQL_WORDS,
            ),
            S(
                k["path"],
                r"^(open|send_file|FileResponse|os\.remove|os\.unlink|os\.rmdir|shutil\.\w+|io\.open|os\.listdir"
                r"|codecs\.open|aiofiles\.open|Path)$",
                args=(0,),
                built=True,
            ),
            S(k["path"], r"\.(read_text|read_bytes|write_text|write_bytes|unlink|open)$", on_receiver=True, built=True),
            S(
                k["html"],
                r"(^|\.)(Markup|mark_safe|HTMLResponse|HttpResponse|make_response)$",
                built=True,
                requires=HTML,
            ),
            # the template itself; the values passed to a fixed template are escaped by it
            S(k["html"], r"(^|\.)render_template_string$", args=(0,), built=True, requires=HTML),
            S(k["deser"], r"^(pickle|cPickle|dill|marshal|jsonpickle|shelve)\.(loads?|decode|open)$", strong_only=True),
            S(k["html"], r"^self\.(write|finish)$", args=(0,), built=True, requires=TAG),  # Tornado handlers
            S(
                k["redirect"],
                r"^(flask\.|bottle\.)?redirect$|(^|\.)(HttpResponseRedirect|HttpResponsePermanentRedirect|RedirectResponse)$"
                # Tornado's handler, aiohttp's and Pyramid's redirect responses, Falcon's and Starlette's
                r"|^self\.redirect$|(^|\.)(HTTPFound|HTTPSeeOther|HTTPMovedPermanently|HTTPTemporaryRedirect"
                r"|HTTPPermanentRedirect|HTTPMovedPermanently)$",
                args=(0,),
                strong_only=True,
            ),
            S(k["ldap"], r"\.search$", args=(1,), built=True, requires=LDAP_FILTER, excludes=rx(r"^\s*(re|regex)\.")),
            # lxml's tree.xpath(expr) and etree.XPath(expr), ElementTree's find/findall/iterfind (paths with predicates)
            S(
                k["xpath"],
                # (find/findall on a tree or an element, not on a string or a regex)
                r"(^|\.)(xpath|XPath|ETXPath)$|(?i:tree|root|doc|xml|dom|element|elem|node|el)\w*\.(find|findall"
                r"|findtext|iterfind)$",
                args=(0,),
                built=True,
                requires=XPATH_PREDICATE,
            ),
            S(k["ldap"], r"\.(search_s|search_st|search_ext|search_ext_s|search_subtree_s)$", args=(2,), built=True),
            S(
                k["ssrf"],
                r"^(requests|httpx|urllib3|aiohttp|(self\._?)?(session|client|http|http_client|http_session)|s)\.(get|post|put"
                r"|patch|delete|head|request|stream|urlopen)$|(^|\.)(urlopen|Request|urlretrieve|HTTPConnection"
                r"|HTTPSConnection|ClientSession\(\)\.get)$",
                args=(0,),
                strong_only=True,
            ),
        ],
        property_sinks=[
            S(k["html"], r"^resp\.(text|body|data)$", built=True, requires=TAG),  # Falcon
            S(k["redirect"], _LOCATION_HEADER, strong_only=True),  # resp.headers["Location"] = url
        ],
        conditions={"if_statement", "match_statement", "while_statement", "conditional_expression"},
        return_sink=S(k["html"], r".", built=True, requires=HTML),
        sides=generic_sides,
    )


def javascript_spec() -> Spec:
    k = common_sinks("js")
    return Spec(
        language="javascript",
        functions={
            "function_declaration",
            "function_expression",
            "arrow_function",
            "method_definition",
            "generator_function_declaration",
            "function",
        },
        params={"formal_parameters"},
        idents={"identifier", "shorthand_property_identifier_pattern", "shorthand_property_identifier"},
        assigns={
            "variable_declarator",
            "assignment_expression",
            "augmented_assignment_expression",
            "for_in_statement",
            "field_definition",
            "public_field_definition",
            "pair",
        },
        calls={"call_expression"},
        news={"new_expression"},
        strings={"string"},
        interp_strings={"template_string"},
        interpolations={"template_substitution"},
        concat={"binary_expression"},
        concat_op=PLUS,
        formatters=rx(r"(^|\.)(join|resolve|format|concat)$"),
        sources=rx(
            r"\breq\.(query|params|body|cookies|signedCookies|headers|header|files|file|url|path|originalUrl|get|hostname)"
            r"|\brequest\.(query|params|body|url|nextUrl|headers|cookies)|\blocation\.(search|hash|href|pathname)|\bdocument\.(cookie|URL|referrer|location)|URLSearchParams"
            r"|searchParams|\.value\b|\bevent\.data|\be\.data|\bmsg\.data|\bprompt\(|window\.name"
            r"|\bctx\.(query|params|request|cookies|headers|get)|\bparams\.get\("
        ),
        remote_sources=rx(
            r"\.json\(\)?|\b(res|resp|response|r)\.text\(\)?|\bresponseText\b|\bresponse\.data\b|\bres\.data\b|\bresp\.data\b"
        ),
        sanitisers=rx(
            r"(escape\w*|esc|escHtml|encodeHtml|htmlEncode|htmlEscape|sanitize\w*|DOMPurify\.sanitize|encodeURI"
            r"|encodeURIComponent|basename|parseInt|parseFloat"
            r"|Number|Boolean|xss|he\.encode|JSON\.stringify|validator\.\w+|createHash|digest|Math\.\w+|escapeFilter"
            r"|EqualityFilter)$"
        ),
        weak_sources=rx(r"\bprocess\.env\b|\bprocess\.argv|\bargv\b|\breadline\b"),
        source_nodes={"member_expression", "subscript_expression"},
        sinks=[
            S(
                k["shell"],
                r"^(exec|execSync)$|(child_?process|cp|childProcess|shell|proc)(['\"]\))?\.(exec|execSync)$",
                args=(0,),
            ),
            S(k["shell"], r"(^|\.)(spawn|spawnSync|execFile|execFileSync)$", requires=rx(r"shell\s*:\s*true")),
            S(
                k["shell"],
                r"(^|\.)(spawn|spawnSync|execFile|execFileSync)$",
                args=(1,),
                built=True,
                requires=rx(r"""^[\w.]+\(\s*['"](/usr)?(/bin/)?(ba|z|da)?sh['"]\s*,\s*\[\s*['"]-c['"]"""),
            ),
            S(
                k["eval"],
                r"^(eval|vm\.runInNewContext|vm\.runInThisContext|vm\.runInContext|vm\.compileFunction)$|^(vm\.)?Script$",
                args=(0,),
            ),
            # new Function("order", "return " + rule): the body is the last argument (the names before it are code too)
            S(k["eval"], r"^(new )?Function$"),
            S(k["eval"], r"^(setTimeout|setInterval)$", args=(0,), built=True),  # a string of code, not a callback
            S(
                k["path"],
                r"(^|\.)(readFile|readFileSync|createReadStream|writeFile|writeFileSync|createWriteStream|appendFile"
                r"|appendFileSync|unlink|unlinkSync|readdir|readdirSync|sendFile|download|rm|rmSync|openSync|open"
                r"|stat|statSync|existsSync)$",
                args=(0,),
                built=True,
                excludes=rx(r"^\s*(window|document|indexedDB|db|dialog)\.open|sendFile\([^;]*\broot\s*:"),
            ),
            S(
                k["sql"],
                r"(^|\.)(query|execute|raw|run|all|get|exec|prepare|unsafe|\$queryRawUnsafe|\$executeRawUnsafe"
                r"|whereRaw|orderByRaw)$",
                args=(0,),
                built=True,
                requires=SQL_WORDS,
            ),
            S(k["html"], r"(^|\.)(write|writeln)$", receiver=rx(r"^document\b"), remote_ok=True),
            S(k["html"], r"(^|\.)insertAdjacentHTML$", args=(1,), remote_ok=True),
            S(
                k["html"],
                r"(^|\.)(html|append|prepend|after|before|replaceWith)$",
                receiver=rx(r"^\$|jQuery"),
                remote_ok=True,
            ),
            S(
                k["html"],
                r"^(res|reply|response|resp)(\.\w+\([^()]*\))*\.(send|write|end)$|^h\.response$",
                built=True,
                requires=HTML,
            ),
            S(k["deser"], r"(^|\.)(unserialize|deserialize)$", strong_only=True),
            S(k["redirect"], r"^(res|ctx|reply|response|resp|h)\.(redirect|location)$", strong_only=True),
            # Next.js and the Fetch API's responses, Next.js's and Remix's redirect()
            S(k["redirect"], r"^(NextResponse|Response)\.redirect$|^redirect$", args=(0,), strong_only=True),
            S(k["redirect"], r"^(window\.)?location\.(assign|replace)$", args=(0,), strong_only=True),
            S(
                k["redirect"],
                r"^(res|response|resp)\.(setHeader|header|set|writeHead)$",
                strong_only=True,
                requires=rx(r"(?i)['\"]?location['\"]?\s*[,:]"),
            ),
            S(k["ldap"], r"\.search$", args=(1,), built=True, requires=LDAP_FILTER),
            S(k["ldap"], r"(^|\.)parseFilter$", args=(0,), built=True),
            # the xpath package's select/select1/evaluate, the DOM's document.evaluate, xmldom + xpath, fontoxpath
            S(
                k["xpath"],
                # (not d3's or a query builder's select: the xpath module's, or select imported from it)
                r"(?i:xpath)\w*\.(select|select1|evaluate|parse)$|^(select|select1)$|^document\.evaluate$"
                r"|(^|\.)evaluateXPath\w*$",
                args=(0,),
                built=True,
                requires=XPATH_PREDICATE,
            ),
            S(
                k["ssrf"],
                # also on a field holding the client (`this.http = axios` in a constructor: `this.http.get(url)`)
                r"^(fetch|axios|got|needle|superagent|request|ky)$|^(this\._?)?(axios|got|needle|superagent|request|ky|http"
                r"|https|client|httpClient|api|apiClient|fetcher)\.(get|post|put|patch|delete|head|request)$",
                args=(0,),
                strong_only=True,
            ),
        ],
        property_sinks=[
            S(k["html"], r"\.(innerHTML|outerHTML)$", remote_ok=True),
            # (a bare `location = ...` is as often a local variable as the page's address)
            S(k["redirect"], r"^(window\.|document\.)location(\.href)?$|^location\.href$", strong_only=True),
            S(k["html"], r"^ctx\.body$", built=True, requires=TAG),  # Koa
        ],
        sides=generic_sides,
    )


def java_spec() -> Spec:
    k = common_sinks("java")
    return Spec(
        language="java",
        functions={"method_declaration", "constructor_declaration", "lambda_expression"},
        params={"formal_parameters"},
        idents={"identifier"},
        assigns={"variable_declarator", "assignment_expression", "enhanced_for_statement"},
        calls={"method_invocation"},
        news={"object_creation_expression"},
        strings={"string_literal"},
        interp_strings=set(),
        interpolations=set(),
        concat={"binary_expression"},
        concat_op=PLUS,
        formatters=rx(
            r"(String\.format|\.formatted|\.concat|Paths\.get|Path\.of|\.resolve|String\.join|\.toString|^File|^URL"
            r"|URI\.create|^URI)$"
        ),
        sources=rx(
            r"getParameter|getParameterValues|getParameterMap|getHeader|getQueryString|getCookies|getInputStream"
            r"|getReader|getPathInfo|getRequestURI|\breadLine\(|getPart\("
            r"|\b(queryParam|pathParam|formParam|getParam|queryParamAsClass|bodyAsString|getFormAttribute)\("
        ),
        sanitisers=rx(
            r"(escapeHtml\w*|encodeForHTML|Encode\.for\w+|htmlEscape|parseInt|parseLong|valueOf|UUID\.fromString"
            r"|getFileName|getName|escapeSql|quote|Math\.(min|max|abs|floorMod)|Integer\.\w+|Long\.\w+"
            r"|encodeForLDAP|encodeForDN|escapeLDAPSearchFilter|filterEncode|nameEncode|escapeValue|escapeFilter"
            r"|Jsoup\.clean|\.sanitize|escapeXml\w*)$"
        ),
        weak_sources=rx(r"System\.getenv|System\.getProperty|\bargs\[|\bnextLine\("),
        source_nodes={"field_access", "array_access"},
        sinks=[
            # an argv array or list that starts with a fixed program runs no shell: only a shell's -c command, or a
            # program (or whole command line) taken from the value, is command injection
            S(k["shell"], r"(^|\.)exec$", receiver=rx(r"Runtime|getRuntime"), excludes=_JAVA_ARGV),
            S(k["shell"], r"ProcessBuilder$", args=(0,), excludes=_JAVA_ARGV),
            S(k["shell"], r"ProcessBuilder$", built=True, requires=_JAVA_SHELL_C),
            S(k["shell"], r"\.command$", args=(0,), receiver=rx(r"ProcessBuilder|builder|pb"), excludes=_JAVA_ARGV),
            S(k["shell"], r"\.command$", built=True, receiver=rx(r"ProcessBuilder|builder|pb"), requires=_JAVA_SHELL_C),
            S(
                k["sql"],
                r"\.(executeQuery|executeUpdate|execute|executeLargeUpdate|addBatch|prepareStatement|prepareCall"
                r"|createQuery|createNativeQuery|createSQLQuery|queryForList|queryForObject|queryForMap|queryForRowSet"
                r"|query|update|batchUpdate)$",
                args=(0,),
                built=True,
                requires=SQL_WORDS,
            ),
            S(
                k["path"],
                r"^(FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|PrintWriter)$"
                r"|Files\.(readAllBytes|readString|readAllLines|newInputStream|newOutputStream|newBufferedReader|lines"
                r"|delete|deleteIfExists|write|writeString|copy|move|newBufferedWriter)$|FileSystemResource$",
                built=True,
            ),
            S(
                k["path"],
                r"\.(delete|createNewFile|mkdirs?|renameTo|listFiles|transferTo|write)$",
                on_receiver=True,
                built=True,
                receiver=rx(r"(?i)file|path|dir|target|dest"),
            ),
            S(
                k["html"],
                r"(^|\.)(println|print|write|append|format|printf)$",
                receiver=rx(r"getWriter\(\)|getOutputStream\(\)"),
                built=True,
            ),
            S(
                k["html"],
                r"(^|\.)(println|print|write|append|format|printf)$",
                receiver=rx(r"^(PrintWriter|JspWriter|ServletOutputStream|Writer)$"),  # a writer passed in
                requires=TAG,
            ),
            S(k["html"], r"^ctx\.html$"),  # Javalin
            S(k["eval"], r"(^|\.)eval$", receiver=rx(r"(?i)engine|script")),
            S(k["deser"], r"(^|\.)(fromXML|readObject)$", receiver=rx(r"XStream|xstream|ObjectInputStream")),
            S(k["redirect"], r"(^|\.)sendRedirect$", args=(0,), strong_only=True),
            S(
                k["redirect"],
                r"(^|\.)(setHeader|addHeader)$",
                args=(1,),
                strong_only=True,
                requires=rx(r"(?i)\(\s*\"location\""),
            ),
            S(k["redirect"], r"^RedirectView$", args=(0,), strong_only=True),
            # Spring's ResponseEntity and HttpHeaders, JAX-RS's Response: the Location of a redirect
            S(
                k["redirect"],
                r"(^|\.)(location|setLocation|seeOther|temporaryRedirect|permanentRedirect|redirect)$",
                args=(0,),
                strong_only=True,
                requires=rx(r"^(ResponseEntity|Response|headers|httpHeaders|HttpHeaders|HttpResponse)\b|\.status\("),
            ),
            S(k["ldap"], r"\.search$", args=(1,), built=True, requires=LDAP_FILTER),
            S(
                k["ldap"],
                r"(^|\.)(searchForObject|searchForContext|authenticate|filter)$",
                built=True,
                requires=LDAP_FILTER,
            ),
            # javax.xml.xpath's evaluate/compile, dom4j's and Jaxen's selectNodes/selectSingleNode/valueOf
            S(
                k["xpath"],
                # (on an XPath object: not Pattern.compile nor String.valueOf)
                r"(?i:xpath)[\w()]*\.(evaluate|compile|evaluateExpression)$|(^|\.)(selectNodes|selectSingleNode"
                r"|selectObject|createXPath)$",
                args=(0,),
                built=True,
                requires=XPATH_PREDICATE,
            ),
            S(
                k["ssrf"],
                r"^(HttpGet|HttpPost|HttpPut|HttpDelete|HttpHead)$|HttpRequest\.newBuilder$|(^|\.)(getForObject"
                r"|getForEntity|postForObject|postForEntity)$|Jsoup\.connect$",
                args=(0,),
                strong_only=True,
            ),
            # RestTemplate.exchange, WebClient's .uri(...), OkHttp's Request.Builder().url(...): on an HTTP client or a
            # request being built, not on any object with a method of that name (`verifier.exchange(code, session)`)
            S(
                k["ssrf"],
                r"(^|\.)(exchange|uri|url)$",
                args=(0,),
                strong_only=True,
                receiver=rx(
                    r"(?i)rest|template|client|http|request|builder|\.(get|post|put|delete|patch|method)\(|^get\(|^post\("
                ),
            ),
            S(k["ssrf"], r"\.(openConnection|openStream|getContent)$", on_receiver=True, strong_only=True),
        ],
        return_sink=S(k["html"], r".", built=True, requires=HTML),
        return_sinks=[S(k["redirect"], r".", strong_only=True, requires=rx(r"""^\s*"redirect:"\s*\+"""))],
        sides=generic_sides,
    )


def csharp_spec() -> Spec:
    k = common_sinks("cs")
    return Spec(
        language="csharp",
        functions={
            "method_declaration",
            "constructor_declaration",
            "local_function_statement",
            "lambda_expression",
        },
        params={"parameter_list"},
        idents={"identifier"},
        assigns={"variable_declarator", "assignment_expression", "foreach_statement", "property_declaration"},
        calls={"invocation_expression"},
        news={"object_creation_expression"},
        strings={"string_literal", "verbatim_string_literal", "raw_string_literal"},
        interp_strings={"interpolated_string_expression"},
        interpolations={"interpolation"},
        concat={"binary_expression"},
        concat_op=PLUS,
        formatters=rx(
            r"(string\.Format|String\.Format|Path\.Combine|string\.Concat|String\.Concat|string\.Join|ToString)$"
        ),
        sources=rx(
            r"Request\.(Query|Form|QueryString|Params|Cookies|Headers|Body|RouteValues|Path|Url)"
            r"|ReadFormAsync|ReadFromJsonAsync"
        ),
        sanitisers=rx(
            r"(HtmlEncode|HtmlAttributeEncode|JavaScriptStringEncode|UrlEncode|Encode|Path\.GetFileName|Parse|TryParse"
            r"|Sanitize|Escape\w*|EscapeDataString|GetFileNameWithoutExtension|Math\.\w+|Count|Length|EscapeLdap\w*|LdapEncode\w*"
            r"|LdapFilterEncode|EncodeLdap\w*)$"
        ),
        weak_sources=rx(
            r"Environment\.GetEnvironmentVariable|Configuration\[|Console\.ReadLine|GetCommandLineArgs|\bargs\["
        ),
        source_nodes={"member_access_expression", "element_access_expression"},
        sinks=[
            S(k["shell"], r"Process\.Start$", excludes=rx(r"new\s+ProcessStartInfo")),  # judged by its properties
            S(k["shell"], r"ProcessStartInfo$", built=True),
            S(k["shell"], r"\.ArgumentList\.Add$", built=True, requires=_SHELL_PROGRAM),  # a shell's -c command
            S(
                k["sql"],
                r"(SqlCommand|SqlDataAdapter|OleDbCommand|OdbcCommand|MySqlCommand|NpgsqlCommand|SQLiteCommand"
                r"|SqliteCommand)$",
                args=(0,),
                built=True,
            ),
            S(
                k["sql"],
                r"\.(ExecuteSqlRaw|ExecuteSqlRawAsync|FromSqlRaw|SqlQuery|SqlQueryRaw|ExecuteQuery|Query|QueryAsync"
                r"|Execute|ExecuteAsync|ExecuteScalar|QueryFirst\w*|QuerySingle\w*)$",
                args=(0,),
                built=True,
                requires=SQL_WORDS,
            ),
            S(
                k["path"],
                r"(File\.(ReadAllText|ReadAllBytes|ReadAllLines|ReadLines|OpenRead|OpenWrite|Open|OpenText|WriteAllText"
                r"|WriteAllBytes|AppendAllText|Delete|Copy|Move|Create)|PhysicalFile|FileStream|StreamReader|StreamWriter"
                r"|Directory\.(Delete|GetFiles|EnumerateFiles))$",
                args=(0,),
                built=True,
                # a reader over a stream (the request body), not over a file named by the value
                excludes=rx(r"^\s*(new\s+)?(StreamReader|StreamWriter)\s*\(\s*[\w.]*(Body|Stream|stream)\s*[,)]"),
            ),
            S(k["html"], r"(Response\.Write|Html\.Raw|HtmlString|MarkupString)$"),
            S(k["html"], r"(^|\.)Content$", built=True, requires=rx(r"text/html")),
            S(k["html"], r"Response\.WriteAsync$", built=True, requires=HTML),
            S(
                k["ssrf"],
                r"\.(GetAsync|GetStringAsync|GetByteArrayAsync|GetStreamAsync|PostAsync|PutAsync|DeleteAsync"
                r"|PostAsJsonAsync|GetFromJsonAsync|DownloadString|DownloadData|DownloadFile|DownloadStringTaskAsync"
                r"|DownloadDataTaskAsync|OpenRead)$|(WebRequest|HttpWebRequest)\.Create(Http)?$",
                args=(0,),
                strong_only=True,
            ),
            S(k["ssrf"], r"HttpRequestMessage$", args=(1,), strong_only=True),
            S(
                k["redirect"],
                r"^(Redirect|RedirectPermanent|Response\.Redirect|Results\.Redirect|RedirectPreserveMethod|RedirectResult"
                r"|RedirectPermanentPreserveMethod|TypedResults\.Redirect|HttpContext\.Response\.Redirect)$",
                args=(0,),
                strong_only=True,
            ),
            S(k["ldap"], r"(^|\.)(DirectorySearcher|SearchRequest)$", built=True, requires=LDAP_FILTER),
            # XmlNode.SelectNodes/SelectSingleNode, XPathNavigator.Select/Evaluate/Compile, LINQ to XML's XPath*
            S(
                k["xpath"],
                # (a navigator's Select, not LINQ's)
                r"(^|\.)(SelectNodes|SelectSingleNode|XPathSelectElement|XPathSelectElements|XPathEvaluate)$"
                r"|(?i:nav|navigator|xpath)\w*\.(Select|SelectSingleNode|Evaluate|Compile)$|XPathExpression\.Compile$",
                built=True,
                requires=XPATH_PREDICATE,
            ),
            S(
                k["redirect"],
                r"Headers\.(Add|Append|TryAdd)$",
                args=(1,),
                strong_only=True,
                requires=rx(r'(?i)\(\s*"location"|HeaderNames\.Location'),
            ),
        ],
        property_sinks=[
            S(k["redirect"], _LOCATION_HEADER, strong_only=True),  # Response.Headers["Location"] = url
            S(k["sql"], r"(^|\.)CommandText$", built=True),
            S(k["shell"], r"(^|\.)Arguments$", built=True),
            S(k["html"], r"\.(InnerHtml|Text)$", built=True, strong_only=True),
            S(k["ldap"], r"(^|\.)Filter$", built=True, requires=LDAP_FILTER),
            S(k["html"], r"^Content$", built=True, requires=rx(r"text/html")),
        ],
        secret_finding=secret_finding("csharp"),
        sides=generic_sides,
    )


def php_spec() -> Spec:
    k = common_sinks("php")
    include = S(
        ("php-taint-include", 98, "high", "a file included from untrusted input", "include from a fixed map"),
        r".",
        strong_only=True,  # a helper including what its caller names: reported when a caller passes input
        also=(k["path"],),  # the name may climb out of the folder too (local file inclusion)
    )
    callable_ = (
        "php-taint-callable",
        94,
        "high",
        "untrusted input chooses the function that is called: code injection",
        "map the input to a fixed set of functions (a match or an array of callables)",
    )
    code_file = (
        "php-code-file-write",
        94,
        "high",
        "untrusted input written into a PHP file that is later run: code injection",
        "store settings as data (JSON, var_export of checked values), never as code built from input",
    )
    return Spec(
        language="php",
        functions={"function_definition", "method_declaration", "anonymous_function", "arrow_function"},
        params={"formal_parameters"},
        idents={"variable_name"},
        assigns={
            "assignment_expression",
            "augmented_assignment_expression",
            "property_element",
            "foreach_statement",
            "array_element_initializer",
            "const_element",
        },
        calls={"function_call_expression", "member_call_expression", "scoped_call_expression"},
        news={"object_creation_expression"},
        strings={"string", "encapsed_string"},
        interp_strings={"encapsed_string", "heredoc"},
        interpolations={"variable_name", "subscript_expression", "member_access_expression", "complex_interpolation"},
        concat={"binary_expression"},
        concat_op=rx(r"\."),
        formatters=rx(r"^(sprintf|vsprintf|implode|join|str_replace)$"),
        sources=rx(
            r"\$_(GET|POST|REQUEST|COOKIE|FILES)\b|\$_SERVER\s*\[\s*['\"](HTTP_\w+|QUERY_STRING|REQUEST_URI|PHP_SELF|PATH_INFO)"
            r"|php://input|\bfilter_input\(|->(getQueryParams|getParsedBody|getUploadedFiles|getCookieParams)\("
            r"|\$this->input->(get|post|cookie|get_post)\(|\$this->request->get(Get|Post|Var|JSON|RawInput)\b"
            r"|^request\("
            r"|\$request->(input|query|get|post|all|cookie|header|file|route|json|string|integer|validate|validated|safe"
            r"|only|except|str)\b|\$request->(query"
            r"|request|cookies|headers|files)->"
        ),
        sanitisers=rx(
            r"(htmlspecialchars|htmlentities|strip_tags|intval|floatval|boolval|escapeshellarg|escapeshellcmd|basename"
            r"|mysqli_real_escape_string|real_escape_string|quote|addslashes|urlencode|rawurlencode"
            r"|json_encode|is_numeric|preg_quote|esc_html|esc_attr|esc_url|esc_sql|sanitize_\w+|absint"
            r"|e|h|esc|count|strlen|md5|sha1|hash|password_hash|password_verify|var_export|crc32|ldap_escape"
            r"|wp_validate_redirect|wp_safe_redirect|array_search)$"  # (array_search: a key of the array searched)
        ),
        weak_sources=rx(r"\$_(ENV|SERVER)\b|\bgetenv\(|\$argv"),
        source_nodes={"subscript_expression"},
        sinks=[
            S(
                k["sql"],
                r"(^|->|::)(mysqli_query|mysql_query|query|exec|prepare|pg_query|sqlite_query|get_results|get_row"
                r"|get_var|multi_query|real_query|select|raw|statement|unprepared|whereRaw|selectRaw|orderByRaw)$",
                built=True,
                requires=SQL_WORDS,
            ),
            S(k["shell"], r"^(system|exec|shell_exec|passthru|popen)$"),
            # proc_open(['convert', $in, $out]) and pcntl_exec($program, $argv) pass an argv array: no shell
            S(k["shell"], r"^proc_open$", args=(0,), excludes=rx(r"^proc_open\s*\(\s*(\[|array\s*\()\s*['\"]")),
            S(k["shell"], r"^pcntl_exec$", args=(0,)),
            S(k["html"], r"^(printf|vprintf)$", requires=TAG),  # printf('<p>%s</p>', $name) writes the page
            S(k["html"], r"^(response|Response)$|->setContent$", args=(0,), built=True, requires=TAG),  # Laravel
            S(k["eval"], r"^(eval|create_function)$"),
            S(k["eval"], r"^assert$", args=(0,), built=True),  # PHP 7: assert("$x > 0") evaluates the string
            S(
                callable_,
                r"^(call_user_func|call_user_func_array|forward_static_call|forward_static_call_array)$",
                args=(0,),
                strong_only=True,
            ),
            S(
                k["ssrf"],
                r"^(file_get_contents|fopen|readfile|file|get_headers|getimagesize)$",
                args=(0,),
                strong_only=True,
                requires=URLISH,
            ),
            S(
                k["path"],
                r"^(file_get_contents|fopen|readfile|file|unlink|file_put_contents|opendir|scandir|copy|rename"
                r"|fpassthru|show_source|highlight_file|is_file|mkdir|rmdir)$",
                args=(0,),
                built=True,
                excludes=rx(r"^\w+\(\s*['\"]php://|^\w+\(\s*\$(url|uri|link|endpoint|feed|webhook|callback)\w*\b"),
            ),
            S(k["path"], r"^(move_uploaded_file|copy|rename|symlink|link)$", args=(1,), built=True),
            S(code_file, r"^(file_put_contents|fwrite|fputs)$", args=(1,), requires=CODE_FILE),
            S(k["deser"], r"^unserialize$", args=(0,)),
            S(
                k["redirect"],
                r"^header$",
                args=(0,),
                strong_only=True,
                requires=rx(r"(?i)^header\s*\(\s*['\"]\s*(location|refresh)\s*:"),
            ),
            S(
                k["redirect"],
                r"^(wp_redirect|redirect)$|^(redirect\(\)->|Redirect::)(away|to)$"
                # Symfony's RedirectResponse and controller helper, Laravel's redirectTo, Laminas' toUrl
                r"|^(RedirectResponse|TrustedRedirectResponse)$|^\$this->redirect$|->(redirectTo|toUrl)$",
                args=(0,),
                strong_only=True,
            ),
            S(  # PSR-7: $response->withHeader('Location', $url)
                k["redirect"],
                r"->(withHeader|withAddedHeader)$",
                args=(1,),
                strong_only=True,
                requires=rx(r"(?i)\(\s*['\"]location['\"]"),
            ),
            S(k["ldap"], r"^(ldap_search|ldap_list|ldap_read)$", args=(2,), built=True),
            # DOMXPath's query/evaluate, SimpleXMLElement's xpath
            # (a DOMXPath's query, named for it, not PDO's or mysqli's)
            S(
                k["xpath"],
                r"(?i:\$\w*(xp|path|finder)\w*)->(query|evaluate)$|->xpath$",
                args=(0,),
                built=True,
                requires=XPATH_PREDICATE,
            ),
            S(k["ssrf"], r"^curl_init$", args=(0,), strong_only=True),
            S(k["ssrf"], r"^curl_setopt$", args=(2,), strong_only=True, requires=rx(r"CURLOPT_URL")),
            # curl_setopt_array($ch, [CURLOPT_URL => $url, ...]): the URL's value (taint.py picks it from the array)
            S(k["ssrf"], r"^curl_setopt_array$", args=(1,), strong_only=True, requires=rx(r"CURLOPT_URL")),
            S(
                k["ssrf"],
                r"->(get|post|request|head|put|delete|sendRequest)$",
                strong_only=True,
                receiver=rx(r"(?i)client|guzzle|http"),
            ),
        ],
        statement_sinks={
            "echo_statement": S(k["html"], r"."),
            "print_intrinsic": S(k["html"], r"."),
            "expression_statement": S(k["html"], r"."),  # only `<?= $x ?>` (see taint.statement_sink)
            "shell_command_expression": S(k["shell"], r"."),
            "include_expression": include,
            "include_once_expression": include,
            "require_expression": include,
            "require_once_expression": include,
        },
        statement_extra={
            t: (k["path"],)
            for t in ("include_expression", "include_once_expression", "require_expression", "require_once_expression")
        },
        conditions={"if_statement", "switch_statement", "match_expression", "conditional_expression"},
        secret_finding=secret_finding("php"),
        sides=generic_sides,
    )
