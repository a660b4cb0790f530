"""Round 6 of issue 14's scanner: the causes behind heldout14e's misses and false flags, each as a vulnerable case
and its safe near-miss: open redirects in more frameworks and through the session, checks that are no allow-lists
(one leading slash, a substring), table lookups that are, credentials in struct initialisers, setters and keyed calls,
shell functions sharing the script's variables, request handlers written in Bash, PHP argv arrays, values passed in
object literals."""

from pathlib import Path

import pytest

from codellama.safety.insecure_code import scan

REPO = Path(__file__).resolve().parents[1]


def cwes(code: str, language: str) -> set[str]:
    return {f.cwe for f in scan(code, language)}


def lines(code: str, language: str, cwe: str) -> set[int]:
    return {f.line for f in scan(code, language) if f.cwe == cwe}


# ---- open redirects, every framework's redirect call ----

REDIRECTS = [
    (
        "python",
        "import tornado.web\nclass B(tornado.web.RequestHandler):\n    def get(self):\n"
        '        to = self.get_argument("next")\n        self.redirect(TARGET)\n',
    ),
    (
        "python",
        "from aiohttp import web\nasync def back(request):\n"
        '    to = request.query.get("next", "/")\n    raise web.HTTPFound(TARGET)\n',
    ),
    (
        "python",
        "from flask import Flask, request, make_response\napp = Flask(__name__)\n@app.get('/out')\n"
        "def out():\n    to = request.args['to']\n    resp = make_response('', 302)\n"
        '    resp.headers["Location"] = TARGET\n    return resp\n',
    ),
    (
        "javascript",
        'import { NextResponse } from "next/server";\nexport function GET(request) {\n'
        '  const to = request.nextUrl.searchParams.get("to");\n  return NextResponse.redirect(TARGET);\n}\n',
    ),
    (
        "javascript",
        "server.route({ method: 'GET', path: '/go', handler: (request, h) => {\n"
        "  const to = request.query.to;\n  return h.redirect(TARGET);\n}});\n",
    ),
    (
        "java",
        '@RestController\nclass Go {\n  @GetMapping("/go")\n'
        "  public ResponseEntity<Void> go(@RequestParam String to) {\n"
        "    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(TARGET)).build();\n  }\n}\n",
    ),
    (
        "java",
        '@Path("/go")\npublic class Go {\n  @GET\n  public Response go(@QueryParam("to") String to) {\n'
        "    return Response.seeOther(URI.create(TARGET)).build();\n  }\n}\n",
    ),
    (
        "csharp",
        'public class GoController : Controller {\n  [HttpGet("/go")]\n'
        '  public IActionResult Go([FromQuery] string to) {\n    Response.Headers["Location"] = TARGET;\n'
        "    return StatusCode(302);\n  }\n}\n",
    ),
    (
        "php",
        "<?php\nclass GoController extends AbstractController {\n  public function go(Request $request): Response {\n"
        "    $to = $request->query->get('to');\n    return new RedirectResponse(TARGET);\n  }\n}\n",
    ),
    (
        "php",
        "<?php\n$app->get('/go', function ($request, $response) {\n    $to = $request->getQueryParams()['to'];\n"
        "    return $response->withHeader('Location', TARGET)->withStatus(302);\n});\n",
    ),
    (
        "c",
        '#include <stdio.h>\n#include <stdlib.h>\nint main(void) {\n    const char *qs = getenv("QUERY_STRING");\n'
        '    char to[256];\n    if (!qs || sscanf(qs, "to=%255s", to) != 1) return 1;\n'
        '    printf("Status: 302 Found\\r\\nLocation: LOCATION\\r\\n\\r\\n", to);\n    return 0;\n}\n',
    ),
    (
        "cpp",
        "#include <httplib.h>\nint main() {\n  httplib::Server svr;\n"
        '  svr.Get("/go", [](const httplib::Request& req, httplib::Response& res) {\n'
        '    auto to = req.get_param_value("to");\n    res.set_redirect(TARGET);\n  });\n}\n',
    ),
    (
        "bash",
        '#!/bin/bash\nto="${QUERY_STRING#to=}"\n'
        "printf 'Status: 302 Found\\r\\nLocation: LOCATION\\r\\n\\r\\n' \"$to\"\n",
    ),
]


@pytest.mark.parametrize("language,code", REDIRECTS, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(REDIRECTS)])
def test_a_redirect_to_a_url_from_the_request_is_reported_in_every_framework(language, code):
    quote = "'" if language in ("php", "bash") else '"'
    open_redirect = code.replace("TARGET", "$to" if language == "php" else "to").replace("LOCATION", "%s")
    assert "CWE-601" in cwes(open_redirect, language)
    # a fixed local path with the input only in its query stays on the site
    local = code.replace(
        "TARGET", f"{quote}/home?from={quote} . $to" if language == "php" else f"{quote}/home?from={quote} + to"
    )
    local = local.replace("LOCATION", "/home?from=%s")
    assert "CWE-601" not in cwes(local, language)


def test_one_leading_slash_is_no_local_check_but_refusing_two_is():
    code = (
        "from flask import Flask, redirect, request\napp = Flask(__name__)\n@app.get('/back')\ndef back():\n"
        '    target = request.args.get("next", "/")\n    if CHECK:\n        return redirect(target)\n'
        '    return redirect("/")\n'
    )
    assert 7 in lines(code.replace("CHECK", 'target.startswith("/")'), "python", "CWE-601")
    assert 7 in lines(code.replace("CHECK", 'target.startswith("/") or target.startswith("http")'), "python", "CWE-601")
    safe = code.replace("CHECK", 'target.startswith("/") and not target.startswith("//")')
    assert "CWE-601" not in cwes(safe, "python")


def test_a_substring_of_a_url_is_no_allow_list():
    code = (
        "public class LoginModel { public string ReturnUrl { get; set; } }\n"
        "public class AccountController : Controller {\n"
        "    private static string Next(LoginModel m) {\n"
        '        return CHECK ? m.ReturnUrl : "/home";\n    }\n'
        '    [HttpPost("/login")]\n'
        "    public IActionResult Login([FromForm] LoginModel model) {\n"
        "        return Redirect(Next(model));\n    }\n}\n"
    )
    assert "CWE-601" in cwes(code.replace("CHECK", 'm.ReturnUrl.Contains("tickets.example.com")'), "csharp")
    assert "CWE-601" not in cwes(code.replace("CHECK", "Allowed.Contains(m.ReturnUrl)"), "csharp")


def test_a_ternary_test_guards_the_branch_it_chooses():
    code = (
        'public class GoController : Controller {\n  [HttpGet("/go")]\n'
        "  public IActionResult Go([FromQuery] string next) {\n"
        '    return Url.IsLocalUrl(next) ? Redirect(next) : Redirect("/");\n  }\n}\n'
    )
    assert "CWE-601" not in cwes(code, "csharp")
    assert "CWE-601" in cwes(code.replace("Url.IsLocalUrl(next)", "next != null"), "csharp")


SESSION = """from django.http import HttpResponseRedirect
from django.shortcuts import render


def remember(request):
    request.session["after_login"] = VALUE


def login_view(request):
    remember(request)
    return render(request, "login.html")


def finish_login(request):
    target = request.session.pop("after_login", "/")
    return HttpResponseRedirect(target)
"""


def test_input_kept_in_the_session_is_input_where_it_is_read_back():
    assert lines(SESSION.replace("VALUE", 'request.GET.get("next", "/")'), "python", "CWE-601") == {16}
    # what the server itself put there is not the request's
    assert "CWE-601" not in cwes(SESSION.replace("VALUE", "request.user.profile.home_url"), "python")
    php = (
        "<?php\nsession_start();\nif (isset($_GET['next'])) { $_SESSION['after_login'] = $_GET['next']; }\n"
        "$_SESSION['home'] = $user->home;\nheader('Location: ' . $_SESSION['KEY']);\n"
    )
    assert "CWE-601" in cwes(php.replace("KEY", "after_login"), "php")
    assert "CWE-601" not in cwes(php.replace("KEY", "home"), "php")
    # a session value read inside a sanitiser's call is the sanitiser's result
    encoded = php.replace("$_SESSION['KEY']", "'/items?q=' . urlencode($_SESSION['after_login'])")
    assert "CWE-601" not in cwes(encoded, "php")


# ---- allow-lists by lookup ----

LOOKUP = """import os
from flask import Flask, abort, request, send_file

app = Flask(__name__)
FORMATS = {"mp3": "audio/mpeg", "ogg": "audio/ogg"}


@app.post("/convert")
def convert():
    fmt = request.form.get("format", "mp3")
    mime = FORMATS.get(fmt)
    if CHECK:
        abort(400)
    return send_file(os.path.join("/srv/out", "track." + fmt), mimetype=mime)
"""


def test_a_key_found_in_a_fixed_table_is_one_of_its_keys():
    assert "CWE-22" not in cwes(LOOKUP.replace("CHECK", "mime is None"), "python")
    # the check of another value says nothing of the key
    assert 14 in lines(LOOKUP.replace("CHECK", "request.content_length is None"), "python", "CWE-22")


def test_php_proc_open_of_an_argv_array_runs_no_shell():
    code = (
        "<?php\nfunction argv_for(string $src): array { return ['/usr/bin/convert', $src, 'out.png']; }\n"
        "function run(array $argv): int { $p = proc_open($argv, [], $pipes); return proc_close($p); }\n"
        "run(argv_for($_POST['image']));\n"
    )
    assert "CWE-78" not in cwes(code, "php")
    command = code.replace("array $argv", "string $argv").replace(
        "run(argv_for($_POST['image']))", "run('/usr/bin/convert ' . $_POST['image'])"
    )
    assert "CWE-78" in cwes(command, "php")


def test_strncmp_against_a_searched_key_checks_nothing():
    code = (
        "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
        "static int param(const char *qs, const char *key, char *out, size_t cap) {\n"
        "    size_t k = strlen(key);\n"
        "    if (strncmp(qs, key, k) != 0 || qs[k] != '=') return -1;\n"
        '    size_t n = strcspn(qs + k + 1, "&");\n    if (n >= cap) n = cap - 1;\n'
        "    memcpy(out, qs + k + 1, n);\n    out[n] = 0;\n    return 0;\n}\n"
        "int main(void) {\n    char name[64], path[128];\n"
        '    if (param(getenv("QUERY_STRING"), "f", name, sizeof name)) return 1;\n'
        '    snprintf(path, sizeof path, "/srv/files/%s", name);\n'
        '    FILE *f = fopen(path, "r");\n    return f == NULL;\n}\n'
    )
    assert 17 in lines(code, "c", "CWE-22")


# ---- credentials ----


def test_c_struct_initialisers_with_a_password_are_credentials_but_formats_are_not():
    code = (
        "struct broker { const char *host; const char *user; const char *pass; const char *topic_fmt; };\n"
        'static const struct broker B = { .host = "mqtt.example", .user = "dev", .pass = PASS, '
        '.topic_fmt = "site/%s/temp" };\n'
        'static const struct broker LIST[] = { { "a.example", "svc", PASS, "x/%s" } };\n'
        "void pub(const struct broker *b, const char *id) { char t[64]; snprintf(t, sizeof t, b->topic_fmt, id); }\n"
    )
    assert lines(code.replace("PASS", '"Gr33nh0use!2024"'), "c", "CWE-798") == {2, 3}
    assert "CWE-798" not in cwes(code.replace("PASS", "NULL"), "c")
    assert "CWE-134" not in cwes(code.replace("PASS", "NULL"), "c")  # the format field is only given literals


@pytest.mark.parametrize(
    "language,code",
    [
        ("cpp", 'class Link {\n  std::string user_ = "gw";\n  std::string password_ = SECRET;\n};\n'),
        ("java", 'class M { void m() { props.put("mail.smtp.password", SECRET); } }\n'),
        ("java", "class M { void m() { options.setPassword(SECRET.toCharArray()); } }\n"),
        ("java", 'class M {\n  @Value("${smtp.password:Sm7p!Relay2024}")\n  private String smtpPassword;\n}\n'),
        ("python", 'client.username_pw_set("dev", SECRET)\n'),
        ("python", "class Settings:\n    mqtt_password: str = SECRET\n"),
        ("python", 'config.set("smtp", "password", SECRET)\n'),
        ("c", 'int f(struct mosquitto *m) { return mosquitto_username_pw_set(m, "dev", SECRET); }\n'),
        ("javascript", 'headers.set("X-Api-Key", SECRET);\n'),
        ("bash", "#!/bin/bash\nmosquitto_pub -h broker -u svc -P SECRET -t t -m x\n"),
    ],
)
def test_credentials_in_setters_keyed_calls_and_members(language, code):
    assert "CWE-798" in cwes(code.replace("SECRET", '"Wq1!ee3rr77"'), language)
    if "SECRET" in code:  # a placeholder or a value read at run time is no credential
        assert "CWE-798" not in cwes(code.replace("SECRET", '"changeme"'), language)


# ---- Bash ----

BASH_GLOBAL = """#!/bin/bash
declare -A conf=([name]=app)
load() {
  local line
  while IFS= read -r line; do
    CHECK
    conf[${line%%=*}]="${line#*=}"
  done < "$CONFIG_FILE"
}
show() {
  local k v
  for k in "${!conf[@]}"; do
    eval "v=\\"${conf[$k]}\\""
    echo "$k=$v"
  done
}
load
show
"""


def test_a_shell_function_reads_what_another_put_in_the_scripts_variables():
    # (code built around the value: CWE-94 since round 10, CWE-95 before)
    assert lines(BASH_GLOBAL.replace("CHECK", ":"), "bash", "CWE-94") == {13}
    checked = BASH_GLOBAL.replace("CHECK", '[[ "$line" =~ ^[a-z]+=[A-Za-z0-9._-]*$ ]] || continue')
    assert not {"CWE-94", "CWE-95"} & cwes(checked, "bash")


BASH_HOOK = """#!/bin/bash
# webhook handler: the JSON payload arrives on stdin
payload="$(cat)"
name="$(jq -r .name <<<"$payload")"
CHECK
tail -n 100 -- "$name"
"""


def test_a_bash_request_handler_opening_a_file_the_request_names():
    assert lines(BASH_HOOK.replace("CHECK", ":"), "bash", "CWE-73") == {6}
    checked = BASH_HOOK.replace("CHECK", '[[ "$name" =~ ^[a-z0-9-]+\\.log$ ]] || exit 1')
    assert "CWE-73" not in cwes(checked, "bash")
    # a tool reading the file its own user names on stdin is no traversal
    assert "CWE-73" not in cwes(BASH_HOOK.replace("# webhook handler: the", "# the").replace("CHECK", ":"), "bash")


def test_su_c_runs_only_the_command_after_c():
    code = (
        "#!/bin/sh\nwhile IFS=: read -r user rest; do\n"
        '  su -l -s /bin/sh -c "gpgconf --apply-defaults" "$user"\ndone < /etc/passwd\n'
    )
    assert "CWE-78" not in cwes(code, "bash")
    assert "CWE-78" in cwes(code.replace('"gpgconf --apply-defaults"', '"$rest"'), "bash")


# ---- JavaScript object literals ----


def test_values_passed_in_an_object_literal_reach_the_helper():
    code = (
        'const { exec } = require("child_process");\n'
        "function build(o) { return { cmd: `convert in.png -annotate 0 '${o.mark}' out.png` }; }\n"
        'app.post("/t", (req, res) => {\n  const { mark } = req.body;\n'
        "  const job = build({ mark });\n  exec(job.cmd);\n});\n"
    )
    assert 6 in lines(code, "javascript", "CWE-78")
    assert "CWE-78" not in cwes(code.replace("{ mark }", '{ mark: "draft" }'), "javascript")


# ---- heldout14e (development data since round 6) ----


# ---- objects holding what they are given; selections and character allow-lists ----


def test_an_object_holds_what_its_methods_are_given():
    js = (
        "class List {\n  constructor() { this.items = []; }\n  add(x) { this.items.push(x); }\n"
        '  render() { return "<ul>" + this.items.map((i) => `<li>${i}</li>`).join("") + "</ul>"; }\n}\n'
        'app.get("/names", (req, res) => {\n  const list = new List();\n'
        "  for (const n of VALUES) list.add(n);\n  res.send(list.render());\n});\n"
    )
    assert 9 in lines(js.replace("VALUES", 'req.query.names.split(",")'), "javascript", "CWE-79")
    assert "CWE-79" not in cwes(js.replace("VALUES", '["Ada", "Grace"]'), "javascript")
    py = (
        "import subprocess\nfrom flask import Flask, request\napp = Flask(__name__)\n\n"
        "class Probe:\n    def __init__(self, path):\n        self.path = path\n\n"
        "    def command(self):\n        return 'ffprobe ' + self.path\n\n"
        "@app.get('/probe')\ndef probe():\n    p = Probe(VALUE)\n"
        "    return subprocess.check_output(p.command(), shell=True)\n"
    )
    assert 15 in lines(py.replace("VALUE", 'request.args["file"]'), "python", "CWE-78")
    assert "CWE-78" not in cwes(py.replace("VALUE", '"/srv/media/intro.mp4"'), "python")


def test_a_selection_of_literals_is_not_its_subject():
    php = (
        "<?php\n$pdo = new PDO(getenv('DSN'));\n$sort = $_GET['sort'] ?? 'date';\n"
        "$column = match ($sort) { 'name' => 'name', 'date' => 'created_at', default => FALLBACK };\n"
        '$stmt = $pdo->query("SELECT id, name FROM products ORDER BY $column");\n'
    )
    assert "CWE-89" not in cwes(php.replace("FALLBACK", "'id'"), "php")
    assert 5 in lines(php.replace("FALLBACK", "$sort"), "php", "CWE-89")


def test_every_character_from_an_allowed_set_or_a_whole_pattern():
    c = (
        "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
        '#define ALNUM "abcdefghijklmnopqrstuvwxyz0123456789-"\n'
        'int main(void) {\n    const char *qs = getenv("QUERY_STRING");\n    char name[64], path[128];\n'
        '    if (!qs || sscanf(qs, "n=%63s", name) != 1) return 1;\n    CHECK\n'
        '    snprintf(path, sizeof path, "/srv/notes/%s.txt", name);\n    FILE *f = fopen(path, "r");\n'
        "    return f == NULL;\n}\n"
    )
    assert "CWE-22" not in cwes(c.replace("CHECK", "if (strspn(name, ALNUM) != strlen(name)) return 1;"), "c")
    assert 11 in lines(c.replace("CHECK", ""), "c", "CWE-22")


def test_php_a_function_named_by_the_request_is_code_injection():
    code = "<?php\n$fn = $_GET['action'] ?? 'index';\necho CALL;\n"
    assert "CWE-94" in cwes(code.replace("CALL", "call_user_func($fn, 1)"), "php")
    assert "CWE-94" in cwes(code.replace("CALL", "$fn(1)"), "php")
    mapped = (
        "<?php\n$h = ['list' => 'list_items'];\n$a = $_GET['action'] ?? 'list';\n"
        "$fn = $h[$a] ?? 'list_items';\necho $fn(1);\n"
    )
    assert "CWE-94" not in cwes(mapped, "php")
    closure = "<?php\n$unix = function ($p) { return str_replace('\\\\', '/', $p); };\necho $unix($_GET['p']);\n"
    assert "CWE-94" not in cwes(closure, "php")  # the file's own closure, called with input


def test_a_length_read_from_the_input_and_checked_against_the_field_bounds_the_copy():
    code = (
        "#include <unistd.h>\nstruct user { char name[64]; int age; };\n"
        "int read_user(int fd, struct user *u) {\n    unsigned char len;\n"
        "    if (read(fd, &len, 1) != 1) return -1;\n    CHECK\n"
        "    if (read(fd, u->name, len) != len) return -1;\n    u->name[len] = '\\0';\n    return 0;\n}\n"
    )
    assert not cwes(code.replace("CHECK", "if (len >= sizeof u->name) return -1;"), "c")
    assert {"CWE-120", "CWE-787"} <= cwes(code.replace("CHECK", ""), "c")


def test_a_helper_copying_as_much_as_the_source_holds_into_a_fixed_field_its_caller_passes():
    code = (
        "#include <cstring>\n#include <string>\nstruct Header { char name[32]; char value[128]; };\n"
        "static void copy_field(char *dst, const std::string &src) {\n"
        "    std::memcpy(dst, src.data(), src.size());\n    dst[src.size()] = '\\0';\n}\n"
        "Header parse(const std::string &line) {\n    Header h{};\n    CHECK\n"
        "    copy_field(h.value, line);\n    return h;\n}\n"
    )
    assert {5, 11} <= lines(code.replace("CHECK", ""), "cpp", "CWE-120")
    checked = code.replace("CHECK", "if (line.size() >= sizeof h.value) return h;")
    assert "CWE-120" not in cwes(checked, "cpp")


def test_a_default_after_a_comparison_with_literals_leaves_one_of_them_but_after_a_type_test_the_input():
    code = (
        'app.get("/list", (req, res) => {\n  let dir = req.query.dir;\n  CHECK dir = "asc";\n'
        "  db.query(`SELECT * FROM items ORDER BY name ${dir}`, (e, rows) => res.json(rows));\n});\n"
    )
    assert "CWE-89" not in cwes(code.replace("CHECK", 'if (dir !== "asc" && dir !== "desc")'), "javascript")
    assert 4 in lines(code.replace("CHECK", 'if (typeof dir !== "string")'), "javascript", "CWE-89")


def test_a_redirect_starting_with_a_url_the_app_builds_stays_on_the_site():
    code = (
        "import tornado.web\nclass Back(tornado.web.RequestHandler):\n    def get(self):\n"
        '        tab = self.get_argument("tab", "overview")\n        self.redirect(START + "?tab=" + tab)\n'
    )
    assert "CWE-601" not in cwes(code.replace("START", 'self.reverse_url("profile")'), "python")
    assert 5 in lines(code.replace("START", 'self.get_argument("next")'), "python", "CWE-601")
    assert 5 in lines(code.replace("START", "tab.strip()"), "python", "CWE-601")


def test_a_weakened_parser_or_trust_manager_is_reported_where_it_is_used_too():
    java = (
        "import javax.net.ssl.*;\nclass Client {\n"
        "  private static final X509TrustManager LENIENT = new X509TrustManager() {\n"
        "    public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) { }\n"
        "    public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) { BODY }\n"
        "    public java.security.cert.X509Certificate[] getAcceptedIssuers() { return null; }\n  };\n"
        '  Client() throws Exception {\n    SSLContext ctx = SSLContext.getInstance("TLS");\n'
        "    ctx.init(null, new TrustManager[] { LENIENT }, null);\n  }\n}\n"
    )
    assert {5, 10} <= lines(java.replace("BODY", ""), "java", "CWE-295")
    assert "CWE-295" not in cwes(
        java.replace("BODY", 'throw new java.security.cert.CertificateException("no");'), "java"
    )
    php = (
        "<?php\nclass Import {\n  private int $flags = LIBXML_NONET;\n"
        "  public function __construct(bool $entities) { if ($entities) { $this->flags |= FLAG; } }\n"
        "  public function parse(string $xml) { $d = new DOMDocument(); $d->loadXML($xml, $this->flags); }\n}\n"
    )
    assert {4, 5} <= lines(php.replace("FLAG", "LIBXML_NOENT"), "php", "CWE-611")
    assert "CWE-611" not in cwes(php.replace("FLAG", "LIBXML_NOBLANKS"), "php")
