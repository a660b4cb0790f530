"""Insecure-code detector on real parsers: values followed from sources to sinks, sanitisers and allow-lists."""

import pytest

from codellama.safety.insecure_code import scan, scan_completion
from codellama.safety.insecure_code import taint as taint_module


def cwes(code, language):
    return {f.cwe for f in scan(code, language)}


SHELL_VIA_VARIABLE = """import subprocess

def archive(request):
    folder = request.args.get("folder")
    cmd = "tar czf /srv/out/archive.tgz " + folder
    opts = {"shell": True}
    subprocess.run(cmd, **opts)
"""
SHELL_ALLOW_LISTED = """import subprocess

ALLOWED = {"reports", "invoices"}

def archive(request):
    folder = request.args.get("folder")
    if folder not in ALLOWED:
        raise ValueError(folder)
    subprocess.run(["tar", "czf", "/srv/out/archive.tgz", folder])
"""


def test_python_shell_true_reached_through_a_variable_is_found_and_the_allow_listed_version_is_not():
    [finding] = [f for f in scan(SHELL_VIA_VARIABLE, "python") if f.cwe == "CWE-78"]
    assert finding.line == 7 and finding.severity == "high" and finding.fix_hint
    assert scan(SHELL_ALLOW_LISTED, "python") == []


@pytest.mark.parametrize(
    "language, vulnerable, safe, cwe",
    [
        (
            "javascript",
            "app.get('/f', (req, res) => {\n  const p = path.join(ROOT, req.query.name);\n"
            "  fs.readFile(p, (e, d) => res.send(d));\n});\n",
            "app.get('/f', (req, res) => {\n  const p = path.join(ROOT, path.basename(req.query.name));\n"
            "  fs.readFile(p, (e, d) => res.send(d));\n});\n",
            "CWE-22",
        ),
        (
            "php",
            "<?php\n$who = $_GET['who'];\n$line = 'Hi ' . $who;\necho $line;\n",
            "<?php\n$who = htmlspecialchars($_GET['who'], ENT_QUOTES);\n$line = 'Hi ' . $who;\necho $line;\n",
            "CWE-79",
        ),
        (
            "csharp",
            "public class R {\n  public int N(SqlConnection c, string name) {\n"
            '    var sql = "SELECT COUNT(*) FROM T WHERE Name = \'" + name + "\'";\n'
            "    using var cmd = new SqlCommand(sql, c);\n    return (int)cmd.ExecuteScalar();\n  }\n}\n",
            "public class R {\n  public int N(SqlConnection c, string name) {\n"
            '    using var cmd = new SqlCommand("SELECT COUNT(*) FROM T WHERE Name = @n", c);\n'
            '    cmd.Parameters.AddWithValue("@n", name);\n    return (int)cmd.ExecuteScalar();\n  }\n}\n',
            "CWE-89",
        ),
        (
            "cpp",
            "class P {\n  char buf_[64];\n public:\n  void load(const char* d, size_t n) {\n"
            "    if (!d) return;\n    std::memcpy(buf_, d, n);\n  }\n};\n",
            "class P {\n  char buf_[64];\n public:\n  void load(const char* d, size_t n) {\n"
            "    if (!d || n > sizeof(buf_)) return;\n    std::memcpy(buf_, d, n);\n  }\n};\n",
            "CWE-120",
        ),
        (
            "bash",
            '#!/bin/bash\nop="$1"\ncmd="service $op"\neval "$cmd"\n',
            '#!/bin/bash\nop="$1"\ncase "$op" in\n  start|stop) service nginx "$op" ;;\nesac\n',
            "CWE-95",
        ),
        (
            "bash",
            '#!/bin/bash\nlist=/tmp/files.txt\nls /etc > "$list"\nwc -l < "$list"\n',
            '#!/bin/bash\nlist=$(mktemp)\nls /etc > "$list"\nwc -l < "$list"\n',
            "CWE-377",
        ),
        (
            "java",
            "class S extends HttpServlet {\n  void doGet(HttpServletRequest req, HttpServletResponse resp) throws "
            'Exception {\n    String q = req.getParameter("q");\n'
            '    resp.getWriter().println("<p>" + q + "</p>");\n  }\n}\n',
            "class S extends HttpServlet {\n  void doGet(HttpServletRequest req, HttpServletResponse resp) throws "
            'Exception {\n    String q = req.getParameter("q");\n'
            '    resp.getWriter().println("<p>" + Encode.forHtml(q) + "</p>");\n  }\n}\n',
            "CWE-79",
        ),
    ],
)
def test_tainted_value_reaches_a_sink_and_the_cleaned_one_does_not(language, vulnerable, safe, cwe):
    assert cwe in cwes(vulnerable, language)
    assert scan(safe, language) == []


def test_hard_coded_credentials_are_secret_literals_not_patterns():
    code = (
        "public static class Mail {\n"
        '  private const string SmtpPassword = "Xk9!vQ2#mPz7";\n'
        '  private const string PasswordPolicy = @"^(?=.*\\d).{10,}$";\n}\n'
    )
    findings = scan(code, "csharp")
    assert [(f.cwe, f.line) for f in findings] == [("CWE-798", 2)]
    assert scan('PASSWORD_PATTERN = r"^(?=.*[A-Z]).{12,}$"\n', "python") == []
    assert scan('const passwordRegex = "^[a-z0-9]{8,}$";\n', "javascript") == []


def test_only_generated_lines_are_judged_with_the_tree_checks_too():
    prompt = "import os\nfrom flask import request\n\ndef show():\n    name = request.args['n']\n"
    [finding] = scan_completion(prompt, "    return open(os.path.join('/srv', name)).read()\n", "python")
    assert (finding.cwe, finding.line) == ("CWE-22", 6)
    assert scan_completion(prompt, "    return name.upper()\n", "python") == []


def test_without_a_parser_the_regular_expressions_still_run(monkeypatch):
    monkeypatch.setattr(taint_module, "parser_for", lambda language: None)
    assert [f.rule_id for f in scan("el.innerHTML = userInput;\n", "javascript")] == ["js-inner-html"]
