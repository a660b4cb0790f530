"""Round 4 of issue 14's scanner: causes of heldout14c's misses and false flags, each as a vulnerable case and its
safe near-miss (the checks, not the snippets)."""

import pytest

from codellama.safety.insecure_code import scan


def cwes(code: str, language: str) -> set[str]:
    return {f.cwe for f in scan(code, language)}


def lines(code: str, language: str, cwe: str) -> set[int]:
    return {f.line for f in scan(code, language) if f.cwe == cwe}


JS_RETURN_TO = """const express = require('express');
const app = express();
const APP_ORIGIN = new URL(process.env.APP_ORIGIN || 'https://app.example.com');

function returnTo(raw) {
  if (!raw) return '/home';
  const target = new URL(raw, APP_ORIGIN);
  CHECK
  return target.pathname + target.search;
}

app.post('/login', (req, res) => {
  res.redirect(303, returnTo(req.query.returnTo));
});
"""


@pytest.mark.parametrize(
    "check, found",
    [
        ("if (target.origin !== APP_ORIGIN.origin) return '/home';", False),  # the allowed origin
        ("if (target.hostname === 'localhost') return '/home';", True),  # one address refused: a deny-list
        ("", True),
    ],
)
def test_an_origin_compared_with_the_allowed_one_is_a_check_but_a_refused_address_is_not(check, found):
    assert ("CWE-601" in cwes(JS_RETURN_TO.replace("CHECK", check), "javascript")) is found


PHP_INVOICE = """<?php
const ROOT = '/srv/app/invoices';
function invoice_path(string $requested): ?string
{
    $base = realpath(ROOT);
    $candidate = realpath($base . '/' . $requested);
    if ($candidate === false || CHECK) {
        return null;
    }
    return $candidate;
}
$path = invoice_path($_GET['file'] ?? '');
readfile($path);
"""


def test_php_strncmp_of_the_resolved_path_against_its_root_confines_it_but_a_literal_prefix_does_not():
    rooted = PHP_INVOICE.replace("CHECK", "strncmp($candidate, $base . '/', strlen($base) + 1) !== 0")
    literal = PHP_INVOICE.replace("CHECK", "strncmp($candidate, '/srv', 4) !== 0")
    assert "CWE-22" not in cwes(rooted, "php")
    assert "CWE-22" in cwes(literal, "php")


def test_a_shell_function_reads_the_scripts_variables_and_eval_is_command_injection():
    script = (
        '#!/bin/bash\npattern="$2"\nbuild() {\n  printf \'grep -i "%s" /var/log/app.log\' "$pattern"\n}\n'
        'cmd="$(build)"\neval "$cmd"\n'
    )
    assert 7 in lines(script, "bash", "CWE-78")
    checked = script.replace(
        'cmd="$(build)"', 'case "$pattern" in\n  error|warn) ;;\n  *) exit 1 ;;\nesac\ncmd="$(build)"'
    )
    assert not [f for f in scan(checked, "bash") if f.rule_id.startswith("bash-taint")]


def test_eval_of_a_fixed_commands_output_is_the_usual_setup_idiom():
    assert scan('#!/bin/bash\neval "$(ssh-agent -s)"\neval "$(opam env)"\n', "bash") == []
    assert {"CWE-78", "CWE-95"} <= cwes('#!/bin/bash\neval "$(cat "$1")"\n', "bash")


C_BATCH = """#include <stdint.h>
#define MAX_READINGS 64
struct reading { uint16_t id; int16_t value; };
struct batch { uint16_t count; struct reading readings[MAX_READINGS]; };
int parse(const uint8_t *buf, struct batch *out)
{
    out->count = (uint16_t)((buf[0] << 8) | buf[1]);
    for (uint16_t i = 0; LOOP; i++) {
        out->readings[i].id = buf[2 + 4 * i];
    }
    return 0;
}
"""


def test_a_field_array_written_through_a_member_needs_a_bound_on_the_count_read_from_input():
    assert 9 in lines(C_BATCH.replace("LOOP", "i < out->count"), "c", "CWE-787")
    assert scan(C_BATCH.replace("LOOP", "i < out->count && i < MAX_READINGS"), "c") == []


PY_EXPORT = """import os
EXPORT_DIR = os.environ.get("EXPORT_TMP", "/tmp")

def export_path(customer_id):
    return os.path.join(EXPORT_DIR, NAME)

def write_export(rows, customer_id):
    path = export_path(customer_id)
    with open(path, MODE) as fh:
        fh.write(rows)
    return path
"""


@pytest.mark.parametrize(
    "name, mode, found",
    [
        ('"orders_%s.csv" % customer_id', '"w"', True),
        ('f"orders_{customer_id}.csv"', '"a"', True),
        ('f"orders_{uuid.uuid4().hex}.csv"', '"w"', False),  # a random part
        ('"orders_%s.csv" % customer_id', '"x"', False),  # created exclusively
        ('"orders_%s.csv" % customer_id', '"r"', False),  # only read
    ],
)
def test_python_temporary_names_are_followed_through_helpers_to_the_write(name, mode, found):
    code = PY_EXPORT.replace("NAME", name).replace("MODE", mode)
    assert (9 in lines(code, "python", "CWE-377")) is found


def test_c_a_tmp_name_kept_in_a_constant_is_reported_where_the_file_is_written():
    code = (
        '#include <stdio.h>\nstatic const char *LOCK_PATH = "/tmp/backupd.lock";\n\n\n\n\n'
        "int take_lock(void)\n{\n    FILE *f = fopen(LOCK_PATH, MODE);\n    if (!f) return -1;\n"
        "    fclose(f);\n    return 0;\n}\n"
    )
    assert 9 in lines(code.replace("MODE", '"w"'), "c", "CWE-377")
    assert 9 not in lines(code.replace("MODE", '"r"'), "c", "CWE-377")


def test_a_default_for_a_missing_redirect_target_keeps_the_input():
    code = (
        "public class Login extends HttpServlet {\n"
        "  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {\n"
        '    String next = req.getParameter("next");\n'
        "    if (next == null || next.isEmpty()) {\n"
        '      next = req.getContextPath() + "/dashboard";\n'
        "    }\n"
        "    resp.sendRedirect(next);\n  }\n}\n"
    )
    assert 7 in lines(code, "java", "CWE-601")
    checked = code.replace(
        "next == null || next.isEmpty()", 'next == null || !next.startsWith("/") || next.startsWith("//")'
    )
    assert "CWE-601" not in cwes(checked, "java")
    # one leading slash alone lets "//evil.example" through (round 6)
    slash_only = code.replace("next == null || next.isEmpty()", 'next == null || !next.startsWith("/")')
    assert 7 in lines(slash_only, "java", "CWE-601")


def test_process_start_is_reported_with_the_command_line_its_start_info_was_made_with():
    code = (
        "public class Diag : Controller {\n"
        "  string Run(string args) {\n"
        '    var psi = new ProcessStartInfo("cmd.exe", "/c " + args) { UseShellExecute = false };\n'
        "    using var p = Process.Start(psi);\n"
        "    return p.StandardOutput.ReadToEnd();\n  }\n"
        '  public IActionResult Ping(string host) => Content(Run($"ping -n 2 {host}"));\n}\n'
    )
    assert {3, 4} <= lines(code, "csharp", "CWE-78")


def test_a_weak_hash_in_a_class_about_caching_is_fine_but_not_in_one_about_users():
    method = "    def _digest(self, value):\n        return hashlib.sha1(value.encode()).hexdigest()\n"
    assert scan(f"import hashlib\n\nclass DownloadCache:\n{method}", "python") == []
    assert "CWE-328" in cwes(f"import hashlib\n\nclass UserStore:\n{method}", "python")


def test_counts_and_lengths_are_numbers_not_text():
    code = (
        "async function search(pool, term) {\n  const params = [];\n  const where = ['active'];\n"
        "  if (term) { params.push(`%${term}%`); where.push(`name ILIKE $${params.length}`); }\n"
        "  return pool.query(`SELECT id FROM products WHERE ${where.join(' AND ')}`, params);\n}\n"
    )
    assert scan(code, "javascript") == []
    built = code.replace("where.push(`name ILIKE $${params.length}`)", "where.push(`name ILIKE '${term}'`)")
    assert "CWE-89" in cwes(built, "javascript")


def test_json_fetched_from_the_server_is_remote_data_for_html():
    code = (
        "async function load(id) {\n"
        "  const res = await fetch(`/api/posts/${encodeURIComponent(id)}/comments`);\n"
        "  const comments = await res.json();\n"
        "  for (const c of comments) {\n"
        "    const li = document.createElement('li');\n"
        "    li.innerHTML = `<p>${c.body}</p>`;\n"
        "  }\n}\n"
    )
    assert 6 in lines(code, "javascript", "CWE-79")
    assert scan(code.replace("li.innerHTML = `<p>${c.body}</p>`", "li.textContent = c.body"), "javascript") == []


def test_php_include_of_input_is_path_traversal_too():
    code = "<?php\n$page = $_GET['page'];\ninclude __DIR__ . '/pages/' . $page . '.php';\n"
    assert {"CWE-98", "CWE-22"} <= cwes(code, "php")
    allowed = code.replace(
        "$page = $_GET['page'];", "$page = in_array($_GET['page'], ['a', 'b'], true) ? $_GET['page'] : 'a';"
    )
    assert scan(allowed, "php") == []


def test_a_helper_fetching_a_path_on_the_files_fixed_host_is_not_a_request_forgery():
    code = (
        "import requests\nfrom flask import Flask, request\napp = Flask(__name__)\nAPI_BASE = WHERE\n\n"
        'def repos(login):\n    return requests.get(f"{API_BASE}/users/{login}/repos", timeout=5).json()\n\n'
        '@app.get("/profile")\ndef profile():\n    return {"repos": repos(request.args["login"])}\n'
    )
    assert scan(code.replace("WHERE", '"https://api.github.com"'), "python") == []
    assert "CWE-918" in cwes(code.replace("WHERE", 'os.environ["API"] + request.args["api"]'), "python")


def test_a_constant_table_lookup_is_not_a_call_of_the_views_own_get():
    code = (
        "class TicketList(View):\n    def get(self, request):\n"
        '        order = ORDERINGS.get(request.GET.get("order", ""), "created_at")\n'
        '        return Ticket.objects.raw("SELECT id FROM ticket ORDER BY " + order)\n'
    )
    assert scan(code, "python") == []
    assert "CWE-89" in cwes(
        code.replace('ORDERINGS.get(request.GET.get("order", ""), "created_at")', 'request.GET["order"]'), "python"
    )


C_SERVE = """#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int serve(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "/var/www/files/%s", name);
    FILE *f = fopen(path, "rb");
    return f ? 200 : 404;
}
int main(void)
{
    const char *q = getenv("QUERY_STRING");
    if (!q || CHECK)
        return 400;
    return serve(q);
}
"""


def test_c_a_helper_called_in_the_file_is_judged_by_what_its_callers_pass():
    assert "CWE-22" not in cwes(C_SERVE.replace("CHECK", "strchr(q, '/')"), "c")
    assert "CWE-22" in cwes(C_SERVE.replace("CHECK", "strlen(q) > 200"), "c")
    helper_alone = C_SERVE[: C_SERVE.index("int main")]  # nobody in the file calls it: its parameter counts
    assert "CWE-22" in cwes(helper_alone, "c")


def test_literal_passwords_to_connections_over_several_lines_and_fast_hashes_of_passwords():
    pdo = "<?php\n$pdo = new PDO(\n    'mysql:host=db;dbname=crm',\n    'crm_app',\n    PASS\n);\n"
    assert 5 in lines(pdo.replace("PASS", "'Crm#2024!prod'"), "php", "CWE-798")
    assert scan(pdo.replace("PASS", "getenv('CRM_DB_PASSWORD')"), "php") == []
    java = "class P {\n  String h(String salt, String rawPassword) {\n"
    java += "    return DigestUtils.sha256Hex(salt + VALUE);\n  }\n}\n"
    assert "CWE-916" in cwes(java.replace("VALUE", "rawPassword"), "java")
    assert scan(java.replace("VALUE", "email"), "java") == []


def test_math_random_for_an_element_id_is_fine_but_not_for_a_reset_token():
    helper = "function uniqueId(prefix) {\n  return `${prefix}-${Math.random().toString(36).slice(2, 9)}`;\n}\n"
    ui = helper + "const id = uniqueId('field');\nlabel.htmlFor = id;\ninput.id = id;\n"
    token = helper + "const resetToken = uniqueId('reset');\nawait db.resets.insert({ userId, resetToken });\n"
    assert scan(ui, "javascript") == []
    assert 2 in lines(token, "javascript", "CWE-338")


def test_rows_of_a_parameterised_query_are_the_databases_not_the_search_term():
    code = (
        "from flask import Flask, request\nfrom markupsafe import escape\napp = Flask(__name__)\n\n"
        '@app.get("/notes")\ndef notes():\n    q = request.args.get("q", "")\n'
        '    rows = db.execute("SELECT id, title FROM notes WHERE title LIKE ?", (f"%{q}%",)).fetchall()\n'
        "    items = \"\".join(f\"<li id='{r['id']}'>{escape(r['title'])}</li>\" for r in rows)\n"
        '    return f"<h1>{SHOWN}</h1><ul>{items}</ul>"\n'
    )
    assert scan(code.replace("SHOWN", "escape(q)"), "python") == []
    assert 10 in lines(code.replace("SHOWN", "q"), "python", "CWE-79")


C_SPLIT = """#include <string.h>
#define MAX_ARGS 8
struct command { char *args[MAX_ARGS]; int argc; };
int split(char *line, struct command *cmd)
{
    char *save = NULL, *tok;
    cmd->argc = 0;
    while ((tok = strtok_r(line, " ", &save)) != NULL LIMIT) {
        cmd->args[cmd->argc++] = tok;
        line = NULL;
    }
    return cmd->argc;
}
"""


def test_a_member_counter_as_the_index_needs_a_bound_on_that_member():
    assert 9 in lines(C_SPLIT.replace(" LIMIT", ""), "c", "CWE-787")
    assert scan(C_SPLIT.replace("LIMIT", "&& cmd->argc < MAX_ARGS"), "c") == []


def test_c_a_translated_literal_is_a_format_and_a_file_named_on_the_command_line_is_no_traversal():
    code = (
        "#include <stdio.h>\n#include <libintl.h>\n#define _(s) gettext(s)\n"
        "int main(int argc, char **argv)\n{\n    for (int i = 1; i < argc; i++) {\n"
        '        FILE *f = fopen(PATH, "r");\n'
        "        if (!f) { fprintf(stderr, FORMAT, argv[i]); continue; }\n"
        "        fclose(f);\n    }\n    return 0;\n}\n"
    )
    safe = code.replace("PATH", "argv[i]").replace("FORMAT", '_("cannot open %s\\n")')
    assert scan(safe, "c") == []
    assert "CWE-134" in cwes(code.replace("PATH", "argv[i]").replace("FORMAT", "argv[i]"), "c")
    joined = code.replace(
        'FILE *f = fopen(PATH, "r");',
        'char p[256];\n        snprintf(p, sizeof p, "/etc/app/%s", argv[i]);\n        FILE *f = fopen(p, "r");',
    )
    assert "CWE-22" in cwes(joined.replace("FORMAT", '"%s"'), "c")


@pytest.mark.parametrize(
    "language, code",
    [
        ("javascript", "const config = {\n  passwordField: 'password',\n  tokenHeader: 'x-auth-token',\n};\n"),
        ("csharp", 'public class O {\n  public const string ApiKeyHeader = "X-Gateway-Key";\n}\n'),
    ],
)
def test_names_about_a_secret_hold_no_secret(language, code):
    assert scan(code, language) == []
    assert "CWE-798" in cwes(
        code.replace("'password'", "'Hunter2!x9'")
        .replace('"X-Gateway-Key"', '"gk_9f8e7d6c5b4a"')
        .replace("passwordField", "dbPassword")
        .replace("ApiKeyHeader", "GatewayApiKey"),
        language,
    )


def test_values_passed_to_a_fixed_flask_template_are_escaped_but_a_template_built_from_input_is_not():
    head = (
        "from flask import Flask, request, render_template_string\napp = Flask(__name__)\n\n@app.get('/x')\ndef x():\n"
    )
    fixed = head + '    return render_template_string("<h1>Hi {{ name }}</h1>", name=request.args.get("name", ""))\n'
    built = head + '    return render_template_string("<h1>Hi " + request.args.get("name", "") + "</h1>")\n'
    assert scan(fixed, "python") == []
    assert {"CWE-79", "CWE-94"} <= cwes(built, "python")


def test_java_markup_cleaned_by_jsoup_is_not_input_written_into_html():
    code = (
        "public class P extends HttpServlet {\n"
        "  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {\n"
        '    String body = VALUE;\n    resp.getWriter().println("<div>" + body + "</div>");\n  }\n}\n'
    )
    assert scan(code.replace("VALUE", 'Jsoup.clean(req.getParameter("body"), Safelist.basic())'), "java") == []
    assert "CWE-79" in cwes(code.replace("VALUE", 'req.getParameter("body")'), "java")


def test_csharp_an_auto_property_initialised_with_a_secret_is_a_hard_coded_credential():
    code = "public class Settings\n{\n    public string NAME { get; set; } = VALUE;\n}\n"
    assert 3 in lines(code.replace("NAME", "SmtpPassword").replace("VALUE", '"Smtp#Secret99"'), "csharp", "CWE-798")
    assert scan(code.replace("NAME", "PasswordHeader").replace("VALUE", '"X-Password"'), "csharp") == []
    assert scan(code.replace("NAME", "SmtpPassword").replace("VALUE", 'Env("SMTP_PASSWORD")'), "csharp") == []


def test_an_extension_checked_says_nothing_of_the_rest_of_the_uploaded_name():
    code = (
        "<?php\n$file = $_FILES['avatar'];\n$ext = strtolower(pathinfo($file['name'], PATHINFO_EXTENSION));\n"
        "if (!in_array($ext, ['jpg', 'png'], true)) { exit; }\n"
        "move_uploaded_file($file['tmp_name'], __DIR__ . '/uploads/' . NAME);\n"
    )
    assert "CWE-22" in cwes(code.replace("NAME", "$file['name']"), "php")
    assert scan(code.replace("NAME", "bin2hex(random_bytes(16)) . '.' . $ext"), "php") == []


def test_find_exec_sh_c_with_input_in_the_script_is_command_injection():
    script = '#!/bin/bash\npattern="$1"\nfind /srv -name "$pattern" -exec sh -c SCRIPT \\;\n'
    assert "CWE-78" in cwes(script.replace("SCRIPT", '"rm -rf $pattern"'), "bash")
    assert scan(script.replace("SCRIPT", "'gzip \"$1\"' _ {}"), "bash") == []


def test_csharp_a_host_looked_up_in_an_allowed_array_is_a_check():
    code = (
        "public class P : Controller {\n"
        '  static readonly string[] AllowedHosts = { "img.example.com" };\n'
        "  public async Task<IActionResult> Fetch(string url) {\n"
        "    if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)CHECK)\n      return BadRequest();\n"
        '    return File(await _http.GetByteArrayAsync(uri), "image/jpeg");\n  }\n}\n'
    )
    assert scan(code.replace("CHECK", " || Array.IndexOf(AllowedHosts, uri.Host) < 0"), "csharp") == []
    assert "CWE-918" in cwes(code.replace("CHECK", ""), "csharp")
