"""Round 7 of issue 14's scanner: values followed over two or three hops (heldout14f's misses), each mechanism as a
vulnerable case and its safe near-miss: checks of one field of an object, helpers returning dict or object literals
(key by key), fields a constructor sets and another method reads through `$this->command()`, module-level
containers filled by one handler and read by another, database clients behind a helper's parameter, getenv of an
HTTP_ header through a helper, pointers into fixed arrays, curl options kept in a variable, ProcessBuilder lists,
paths made relative to a root, functions whose result is an allow-list check, a shell script's checked argument."""

from pathlib import Path

import pytest

from codellama.safety.insecure_code import scan

REPO = Path(__file__).resolve().parents[1]


def cwes(code: str, language: str) -> set[str]:
    return {f.cwe for f in scan(code, language)}


def lines(code: str, language: str, cwe: str) -> set[int]:
    return {f.line for f in scan(code, language) if f.cwe == cwe}


# ---- a check of one field checks that field, not the object ----

LABELS = """const { exec } = require('child_process');
function labelOptions(body) {
  const opts = {
    carrier: ['dhl', 'ups'].includes(body.carrier) ? body.carrier : 'dhl',
    ref: REF,
  };
  return opts;
}
function buildCommand(opts) {
  let cmd = `labelgen --carrier ${opts.carrier}`;
  cmd += ` --ref "${opts.ref}"`;
  return { cmd, out: '/tmp/label.pdf' };
}
app.post('/labels', (req, res) => {
  const opts = labelOptions(req.body);
  const { cmd, out } = buildCommand(opts);
  exec(cmd, () => res.sendFile(out));
});
"""


def test_a_field_checked_against_an_allow_list_leaves_the_objects_other_fields_input():
    assert 17 in lines(LABELS.replace("REF", "body.reference"), "javascript", "CWE-78")
    assert "CWE-78" not in cwes(LABELS.replace("REF", "'default'"), "javascript")


def test_a_url_scheme_checked_lets_any_host_through_but_a_host_check_clears_it():
    code = """from flask import Flask, request, redirect
from urllib.parse import urlparse
app = Flask(__name__)
def target(form):
    t = form.get("next") or "/"
    parsed = urlparse(t)
    if CHECK:
        return t
    return "/"
@app.post("/login")
def login():
    return redirect(target(request.form))
"""
    assert 12 in lines(code.replace("CHECK", 'parsed.scheme in ("http", "https", "")'), "python", "CWE-601")
    assert not cwes(code.replace("CHECK", 'parsed.netloc in ("", "shop.example")'), "python")
    php = """<?php
function fetch(string $url): string {
    $scheme = parse_url($url, PHP_URL_SCHEME);
    if (!in_array($scheme, ['http', 'https'], true)) { throw new Exception('scheme'); }
    return file_get_contents($url);
}
echo strlen(fetch($_POST['u']));
"""
    assert "CWE-918" in cwes(php, "php")
    safe = php.replace("PHP_URL_SCHEME", "PHP_URL_HOST").replace("['http', 'https']", "['cdn.example.com']")
    assert "CWE-918" not in cwes(safe, "php")


# ---- helpers returning literals: key by key ----

EXPORT = """import subprocess
from flask import Flask, request
app = Flask(__name__)
def export_options(payload):
    return {"fmt": payload.get("format", "png"), "title": payload.get("title", ""), "width": int(payload["w"])}
@app.post("/export")
def export():
    opts = export_options(request.get_json())
    if opts["fmt"] not in ("png", "pdf"):
        return "bad", 400
    subprocess.run(f"chartgen --format {opts['fmt']} --width {opts['width']} KEY", shell=True)
    return "ok"
"""


def test_a_helper_returning_a_dict_is_read_key_by_key():
    assert 11 in lines(EXPORT.replace("KEY", "--title '{opts['title']}'"), "python", "CWE-78")
    assert not cwes(EXPORT.replace("KEY", ""), "python")  # fmt checked, width an int, title not used


def test_a_php_helper_returning_an_array_is_read_key_by_key():
    code = """<?php
function exportOptions(array $in): array
{
    return ['limit' => LIMIT, 'label' => $in['label'] ?? 'export'];
}
$opts = exportOptions($_GET);
passthru('reportctl export --limit ' . $opts['limit']);
"""
    assert 7 in lines(code.replace("LIMIT", "$in['limit'] ?? '100'"), "php", "CWE-78")
    assert not cwes(code.replace("LIMIT", "(int) ($in['limit'] ?? 100)"), "php")


# ---- fields a constructor sets, read by another method ----

JOB = """<?php
class ThumbJob {
    private string $size;
    public function __construct(string $size) { $this->size = $size; }
    public function command(): string { return 'convert in.jpg -resize ' . SIZE . ' out.jpg'; }
    public function run(): string { return (string) shell_exec($this->command()); }
}
$job = new ThumbJob($_POST['size'] ?? '100x100');
header('Content-Type: application/json');
echo json_encode(['out' => $job->run()]);
"""


def test_a_field_set_by_the_constructor_reaches_a_method_through_this_method():
    assert 6 in lines(JOB.replace("SIZE", "$this->size"), "php", "CWE-78")
    assert "CWE-78" not in cwes(JOB.replace("SIZE", "escapeshellarg($this->size)"), "php")


def test_a_field_the_constructor_casts_or_sanitises_holds_nothing_of_the_caller():
    code = """<?php
class Resizer {
    private $width;
    private $file;
    public function __construct($file, $width) { $this->file = FILE; $this->width = WIDTH; }
    private function command(): string {
        return 'convert ' . escapeshellarg('/srv/in/' . $this->file) . ' -resize ' . $this->width . ' out.png';
    }
    public function run(): void { shell_exec($this->command()); }
}
(new Resizer($_POST['file'] ?? '', $_POST['width'] ?? 100))->run();
"""
    safe = code.replace("FILE", "basename($file)").replace("WIDTH", "(int) $width")
    assert not cwes(safe, "php")
    assert "CWE-78" in cwes(code.replace("FILE", "basename($file)").replace("WIDTH", "$width"), "php")


def test_a_javascript_field_reaches_the_method_that_builds_the_command():
    code = """const { execSync } = require('child_process');
class Thumb {
  constructor(geometry) { this.geometry = geometry; }
  command() { return `convert in.jpg -thumbnail ${GEOM} out.jpg`; }
  run() { return execSync(this.command()).toString(); }
}
app.get('/t', (req, res) => res.type('text/plain').send(new Thumb(req.query.size).run()));
"""
    assert "CWE-78" in cwes(code.replace("GEOM", "this.geometry"), "javascript")
    assert "CWE-78" not in cwes(code.replace("GEOM", "Number.parseInt(this.geometry, 10)"), "javascript")


# ---- module-level containers filled by one handler, read by another ----

HOOKS = """import requests
from flask import Flask, request
app = Flask(__name__)
HOOKS = {}
@app.post("/hooks/<name>")
def register(name):
    HOOKS[name] = VALUE
    return "", 204
def deliver(target):
    return requests.post(target, json={"event": "ping"}, timeout=5)
@app.post("/hooks/<name>/test")
def test_hook(name):
    return str(deliver(HOOKS[name]).status_code)
"""


def test_a_module_dict_filled_with_input_is_input_where_another_handler_reads_it():
    assert 10 in lines(HOOKS.replace("VALUE", 'request.json["url"]'), "python", "CWE-918")
    checked = HOOKS.replace("import requests", "import requests\nfrom urllib.parse import urlparse").replace(
        "    HOOKS[name] = VALUE",
        '    url = request.json["url"]\n    if urlparse(url).hostname not in ALLOWED_HOSTS:\n        return "", 400\n'
        "    HOOKS[name] = url",
    )
    assert "CWE-918" not in cwes(checked, "python")


def test_a_map_holds_the_value_set_not_the_key():
    code = """const fetch = require('node-fetch');
const hooks = new Map();
app.put('/t/:id', (req, res) => { hooks.set(req.params.id, { url: VALUE }); res.end(); });
app.post('/t/:id/test', async (req, res) => {
  const hook = hooks.get(req.params.id);
  const r = await fetch(hook.url, { method: 'POST' });
  res.json({ status: r.status });
});
"""
    assert 6 in lines(code.replace("VALUE", "req.body.url"), "javascript", "CWE-918")
    assert "CWE-918" not in cwes(code.replace("VALUE", "'https://hooks.example.com/' + Date.now()"), "javascript")


# ---- SQL through a database client behind a helper's parameter ----


def test_a_bash_helper_running_its_argument_in_sqlite_is_reported_where_sql_built_from_input_is_passed():
    code = """#!/usr/bin/env bash
DB=/var/lib/app.db
build() {
  printf "SELECT * FROM scans WHERE no = '%s'" "$1"
}
run_query() {
  sqlite3 -header "$DB" "$1"
}
main() {
  local no="$1"
  CHECK
  run_query "$(build "$no")"
}
main "$@"
"""
    assert {7, 12} <= lines(code.replace("CHECK", ":"), "bash", "CWE-89")
    checked = code.replace("CHECK", '[[ "$no" =~ ^[A-Z0-9]{8,20}$ ]] || exit 2')
    assert "CWE-89" not in cwes(checked, "bash")
    literal = code.replace('run_query "$(build "$no")"', 'run_query "SELECT count(*) FROM scans"')
    assert "CWE-89" not in cwes(literal, "bash")


def test_a_python_helper_passing_a_statement_to_sqlite3_is_reported_at_the_caller_building_it():
    code = """import subprocess, sys
def sqlite(statement_text):
    return subprocess.run(["sqlite3", "/var/db", statement_text], capture_output=True).stdout
def stock(sku):
    return sqlite(QUERY)
print(stock(sys.argv[1]))
"""
    assert 5 in lines(code.replace("QUERY", "f\"SELECT qty FROM stock WHERE sku = '{sku}'\""), "python", "CWE-89")
    assert not cwes(code.replace("QUERY", '"SELECT qty FROM stock WHERE sku = ?"'), "python")


def test_a_shell_scripts_argument_checked_against_a_full_pattern_is_clean_after():
    code = """#!/bin/bash
CHECK
mysql shop -e "DELETE FROM carts WHERE session_id = '$1';"
"""
    assert 3 in lines(code.replace("CHECK", ":"), "bash", "CWE-89")
    assert not cwes(code.replace("CHECK", '[[ "$1" =~ ^[a-f0-9]{32}$ ]] || exit 2'), "bash")
    # after `shift`, `$1` is another argument than the one checked
    shifted = code.replace("CHECK", '[[ "$1" =~ ^[a-f0-9]{32}$ ]] || exit 2\nshift')
    assert "CWE-89" in cwes(shifted, "bash")


# ---- C and C++: getenv through a helper, pointers into fixed arrays ----


def test_getenv_of_an_http_header_through_a_helper_is_the_request():
    code = """#include <stdio.h>
#include <stdlib.h>
static const char *value(const char *name) { const char *v = getenv(name); return v ? v : "x"; }
int main(void) {
    char path[256];
    snprintf(path, sizeof path, "/srv/fw/%s.bin", value(NAME));
    FILE *f = fopen(path, "rb");
    return f == NULL;
}
"""
    assert 7 in lines(code.replace("NAME", '"HTTP_X_MODEL"'), "c", "CWE-22")
    assert not cwes(code.replace("NAME", '"FW_MODEL"'), "c")  # configuration, not the request


def test_a_pointer_into_a_fixed_array_is_that_array_for_index_writes():
    code = """#include <stdint.h>
#include <vector>
struct T { uint16_t ch[16]; };
static void store(T &t, uint8_t slot, uint16_t v) {
    uint16_t *base = t.ch;
    CHECK
    base[slot] = v;
}
int main() { T t; std::vector<uint8_t> p(3); store(t, p[0], p[1]); return 0; }
"""
    assert 7 in lines(code.replace("CHECK", ""), "cpp", "CWE-787")
    assert not cwes(code.replace("CHECK", "if (slot >= 16) return;"), "cpp")


# ---- configuration: curl options in a variable, ProcessBuilder lists, relative paths, validators ----


def test_curl_options_kept_in_a_variable_with_insecure():
    code = 'CURL_OPTS=(--silent --fail)\nOPT\ncurl "${CURL_OPTS[@]}" https://api.example.com/v1\n'
    assert 2 in lines(code.replace("OPT", "CURL_OPTS+=(--insecure)"), "bash", "CWE-295")
    assert 2 in lines(code.replace("OPT", 'WGET_ARGS="-q --no-check-certificate"'), "bash", "CWE-295")
    assert not cwes(code.replace("OPT", "CURL_OPTS+=(--cacert /etc/ssl/ca.pem)"), "bash")


def test_a_process_builder_list_started_with_a_program_is_argv_but_with_a_shell_is_a_command_line():
    code = """import java.util.*;
@RestController
class T {
    List<String> command(String in) {
        List<String> cmd = new ArrayList<>();
        FIRST
        cmd.add("ffmpeg -i /srv/" + in + " /srv/out.mp4");
        return cmd;
    }
    @PostMapping("/t")
    String t(@RequestParam String file) throws Exception {
        return new ProcessBuilder(command(file)).start().waitFor() == 0 ? "ok" : "no";
    }
}
"""
    assert "CWE-78" in cwes(code.replace("FIRST", 'cmd.add("/bin/sh"); cmd.add("-c");'), "java")
    assert "CWE-78" not in cwes(code.replace("FIRST", 'cmd.add("nice");'), "java")


def test_a_path_made_relative_to_the_root_and_refused_when_it_climbs_out_is_checked():
    code = """#include <filesystem>
#include <fstream>
namespace fs = std::filesystem;
std::string read_save(const fs::path &root, const std::string &name) {
    fs::path p = fs::weakly_canonical(root / name);
    auto rel = p.lexically_relative(root);
    CHECK
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
int main(int argc, char **argv) { return read_save("/var/saves", argv[1]).empty(); }
"""
    assert {"CWE-22", "CWE-73"} & cwes(code.replace("CHECK", ""), "cpp")
    assert not cwes(code.replace("CHECK", 'if (rel.empty() || *rel.begin() == "..") return "";'), "cpp")


def test_a_function_whose_result_checks_its_parameter_is_a_check_where_it_is_called():
    code = """<?php
function valid_sku(string $s): bool { return (bool) preg_match('/^[A-Z0-9]{6}$/', $s); }
function has_image_path(string $url): bool {
    $path = parse_url($url, PHP_URL_PATH) ?? '';
    return (bool) preg_match('/\\.png$/', $path);
}
$sku = $_GET['sku'] ?? '';
if (!CHECK($sku)) { exit('bad'); }
echo shell_exec('stock --sku ' . $sku);
"""
    assert not cwes(code.replace("CHECK", "valid_sku"), "php")
    # a check of a part of the value (its path) says nothing about the rest
    assert "CWE-78" in cwes(code.replace("CHECK", "has_image_path"), "php")


def test_c_helper_shell_of_a_struct_field_filled_from_checked_input_is_clean():
    # (round 7's known limit, fixed in round 10: every call of the helper passes a checked value)
    code = """#include <stdio.h>
#include <string.h>
struct job { char cmd[128]; };
static int run_job(struct job *j) { FILE *p = popen(j->cmd, "r"); return p ? pclose(p) : -1; }
int main(int argc, char **argv) {
    struct job j;
    if (argc < 2 || strspn(argv[1], "abcdefghijklmnopqrstuvwxyz") != strlen(argv[1])) return 1;
    snprintf(j.cmd, sizeof j.cmd, "lpstat -p %s", argv[1]);
    return run_job(&j);
}
"""
    assert not cwes(code, "c")


def test_python_self_method_building_a_command_from_a_field_reaches_the_shell():
    code = """import subprocess
from flask import Flask, request
app = Flask(__name__)
class Archiver:
    def __init__(self, name):
        self.name = name
    def command(self):
        return f"tar czf /backups/{NAME}.tgz /srv/data"
    def run(self):
        return subprocess.run(self.command(), shell=True).returncode
@app.post("/archive")
def archive():
    return str(Archiver(request.form["name"]).run())
"""
    assert 10 in lines(code.replace("NAME", "self.name"), "python", "CWE-78")
    assert "CWE-78" not in cwes(code.replace("NAME", "shlex.quote(self.name)"), "python")


def test_a_controllers_static_map_filled_by_one_action_is_input_in_another():
    java = """import java.net.URI;
import java.net.http.*;
import java.util.*;
@RestController
class Hooks {
    private static final Map<String, String> TARGETS = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    @PostMapping("/hooks/{id}")
    void register(@PathVariable String id, @RequestParam String url) { TARGETS.put(id, VALUE); }
    @PostMapping("/hooks/{id}/test")
    int test(@PathVariable String id) throws Exception {
        String target = TARGETS.get(id);
        HttpRequest req = HttpRequest.newBuilder(URI.create(target)).build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
"""
    assert 13 in lines(java.replace("VALUE", "url"), "java", "CWE-918")
    assert "CWE-918" not in cwes(java.replace("VALUE", '"https://hooks.example.com/" + id.hashCode()'), "java")
    csharp = """public class HooksController : Controller
{
    private static readonly ConcurrentDictionary<string, string> Targets = new();
    private static readonly HttpClient Http = new();
    [HttpPost("hooks/{id}")]
    public IActionResult Register(string id, [FromBody] HookDto dto) { Targets[id] = VALUE; return Ok(); }
    [HttpPost("hooks/{id}/test")]
    public async Task<IActionResult> Test(string id)
    {
        if (!Targets.TryGetValue(id, out var url)) return NotFound();
        var resp = await Http.PostAsync(url, null);
        return Ok((int)resp.StatusCode);
    }
}
"""
    assert 11 in lines(csharp.replace("VALUE", "dto.Url"), "csharp", "CWE-918")
    assert "CWE-918" not in cwes(csharp.replace("VALUE", '"https://hooks.example.com/default"'), "csharp")


def test_a_name_given_a_helpers_literal_made_from_its_own_field_does_not_recurse():
    code = """const { exec } = require('child_process');
function make(init) {
  return { url: init.url, mode: init.mode };
}
function f(input) {
  let request = make({ url: input });
  request = make({ url: request.url, mode: 'cors' });
  exec('curl ' + request.url);
}
"""
    assert "CWE-78" in cwes(code, "javascript")


def test_a_shell_helper_running_all_its_arguments_in_psql_is_reported_where_sql_is_built():
    code = """#!/usr/bin/env bash
q() {
  psql -At -d shop -c "$*"
}
orders_for() {
  q "SELECT id FROM orders WHERE email = '$1'"
}
orders_for "$1"
"""
    assert {3, 6} <= lines(code, "bash", "CWE-89")
    assert "CWE-89" not in cwes(code.replace("email = '$1'", "created > now() - interval '1 day'"), "bash")


def test_constructor_promoted_parameters_are_fields():
    php = """<?php
final class WebhookClient {
    public function __construct(private string $endpoint, private int $timeout = 5) {}
    public function send(): void {
        $ch = curl_init($this->endpoint);
        curl_exec($ch);
    }
}
$client = new WebhookClient(ENDPOINT);
$client->send();
"""
    assert 5 in lines(php.replace("ENDPOINT", "$_POST['endpoint']"), "php", "CWE-918")
    assert "CWE-918" not in cwes(php.replace("ENDPOINT", "'https://hooks.example.com/in'"), "php")
    ts = """class Poller {
  constructor(private url: string) {}
  async poll() { return (await axios.get(this.url)).status; }
}
app.get('/poll', async (req, res) => res.json({ s: await new Poller(URL).poll() }));
"""
    assert 3 in lines(ts.replace("URL", "String(req.query.url)"), "javascript", "CWE-918")
    assert "CWE-918" not in cwes(ts.replace("URL", "'https://status.example.com/health'"), "javascript")


def test_git_rev_parse_sq_output_is_quoted_for_eval():
    code = """#!/bin/sh
main() {
    eval "set -- $(git rev-parse QUOTE -- "$@")"
    echo "$1"
}
main "$@"
"""
    assert not {"CWE-94", "CWE-95"} & cwes(code.replace("QUOTE", "--sq"), "bash")
    assert "CWE-94" in cwes(code.replace("QUOTE", "--symbolic"), "bash")  # (code built around it: CWE-94)


def test_a_c_helper_pointing_a_struct_field_at_its_parameter_fills_the_callers_struct():
    code = """#include <stdio.h>
#include <stdlib.h>
struct opts { const char *outfile; };
static void from_query(struct opts *o, char *qs) { o->outfile = VALUE; }
int main(void)
{
    struct opts o;
    from_query(&o, getenv("QUERY_STRING"));
    FILE *f = fopen(o.outfile, "w");
    return f == NULL;
}
"""
    assert {"CWE-22", "CWE-73"} & cwes(code.replace("VALUE", "qs + 4"), "c")
    assert not cwes(code.replace("VALUE", '"/var/lib/app/report.txt"'), "c")


@pytest.mark.xfail(
    strict=True,
    reason="a helper running a field of its parameter is reported at its own sink even when every caller checked "
    "that field (since round 8 the caller's call is no longer reported: tests/test_safety_scanner_round8.py)",
)
def test_known_limit_a_checked_field_of_an_object_passed_whole_to_a_helper():
    code = """const { exec } = require('child_process');
const MODES = ['fast', 'full'];
function run(opts) {
  exec(`backup --mode ${opts.mode}`);
}
app.post('/backup', (req, res) => {
  const opts = req.body;
  if (!MODES.includes(opts.mode)) return res.status(400).end();
  run(opts);
  res.end();
});
"""
    assert not cwes(code, "javascript")
