"""Round 11 of issue 14's scanner (heldout14j's false flags and misses as development data), each mechanism found and
each protection respected, in more than one language: a printf-like wrapper's format decided by its callers, checks
that raise inside a `try` (`relative_to`, UUID and number parses), a substring test against a name given a string,
XPath injection (CWE-643), input read into a struct's field and range-for over references, a file header read into
a struct indexing a fixed array (and the coordinates checked), and a stored webhook URL fetched (CWE-918)."""

from codellama.safety.insecure_code import scan


def cwes(code: str, language: str) -> set[str]:
    return {f.cwe for f in scan(code, language)}


# ---- a printf-like wrapper: its callers decide whether the format is a literal ----

C_WRAPPER = """#include <stdarg.h>
#include <stdio.h>

static void audit(int prio, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fputs(msg, stderr);
}

void on_scan(const char *badge, const char *reason)
{
    audit(1, "badge %.32s: %s", badge, reason);
    CALL
}
"""


def test_c_wrapper_called_only_with_literal_formats_is_clean():
    assert not cwes(C_WRAPPER.replace("CALL", 'audit(2, "done\\n");'), "c")


def test_c_wrapper_given_a_non_literal_format_or_passed_as_a_value_keeps_its_finding():
    assert "CWE-134" in cwes(C_WRAPPER.replace("CALL", "audit(2, reason);"), "c")
    pointer = C_WRAPPER.replace("CALL", "") + "\nvoid (*hook)(int, const char *, ...) = audit;\n"
    assert "CWE-134" in cwes(pointer, "c")


CPP_CHAIN = """#include <cstdarg>
#include <cstdio>

static void vlog(const char *fmt, va_list ap) {
    std::vfprintf(stderr, fmt, ap);
}

static void log(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vlog(fmt, ap);
    va_end(ap);
}

void failed(const char *user) { log(ARG, user); }
"""


def test_cpp_wrapper_chain_is_judged_by_the_outer_wrappers_callers():
    assert not cwes(CPP_CHAIN.replace("ARG", '"login failed for %s\\n"'), "cpp")
    assert "CWE-134" in cwes(CPP_CHAIN.replace("ARG", "user").replace("log(user, user)", "log(user)"), "cpp")


# ---- a check that raises inside a try, every handler leaving ----

PY_RELATIVE = """from pathlib import Path
from flask import Flask, abort, request, send_file

app = Flask(__name__)
ROOT = Path("/srv/reports").resolve()


@app.get("/report")
def report():
    candidate = (ROOT / request.args["name"]).resolve()
    try:
        candidate.relative_to(ROOT)
    except ValueError:
        HANDLER
    return send_file(candidate)
"""


def test_python_relative_to_in_a_try_whose_handler_leaves_is_a_check():
    assert not cwes(PY_RELATIVE.replace("HANDLER", "abort(404)"), "python")


def test_python_relative_to_whose_handler_goes_on_is_no_check():
    assert "CWE-22" in cwes(PY_RELATIVE.replace("HANDLER", "app.logger.warning('outside')"), "python")


JAVA_UUID = """import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Receipts extends javax.servlet.http.HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String id = req.getParameter("id");
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            HANDLER
        }
        resp.getOutputStream().write(Files.readAllBytes(Path.of("/srv/receipts").resolve(id + ".pdf")));
    }
}
"""


def test_java_uuid_parse_in_a_try_is_a_check_when_the_handler_leaves():
    assert not cwes(JAVA_UUID.replace("HANDLER", "resp.sendError(400);\n            return;"), "java")
    assert "CWE-22" in cwes(JAVA_UUID.replace("HANDLER", "id = id.trim();"), "java")


# ---- a substring test against a name given a string is no allow-list ----

JS_SUBSTRING = """const express = require("express");
const router = express.Router();
const APP_DOMAIN = "messages.example.sch.uk";

router.get("/back", (req, res) => {
  const wanted = req.query.to;
  if (wanted && CHECK) {
    return res.redirect(wanted);
  }
  res.redirect("/inbox");
});
"""


def test_javascript_includes_of_a_constant_domain_is_no_check():
    assert "CWE-601" in cwes(JS_SUBSTRING.replace("CHECK", "wanted.includes(APP_DOMAIN)"), "javascript")


def test_javascript_membership_in_a_fixed_set_stays_a_check():
    code = JS_SUBSTRING.replace("CHECK", "PAGES.has(wanted)").replace(
        'const APP_DOMAIN = "messages.example.sch.uk";', 'const PAGES = new Set(["/inbox", "/settings"]);'
    )
    assert not cwes(code, "javascript")


CS_SUBSTRING = """using Microsoft.AspNetCore.Mvc;

public class SignOutController : Controller
{
    private const string ShopDomain = "shop.example.com";

    [HttpGet("signout")]
    public IActionResult SignOut(string returnUrl)
    {
        if (returnUrl != null && CHECK)
        {
            return Redirect(returnUrl);
        }
        return Redirect("/");
    }
}
"""


def test_csharp_contains_of_a_constant_domain_is_no_check_but_url_is_local_is():
    assert "CWE-601" in cwes(CS_SUBSTRING.replace("CHECK", "returnUrl.Contains(ShopDomain)"), "csharp")
    assert not cwes(CS_SUBSTRING.replace("CHECK", "Url.IsLocalUrl(returnUrl)"), "csharp")


# ---- XPath injection ----


def test_java_xpath_built_from_a_parameter_is_cwe_643_and_a_variable_is_not():
    built = """import javax.xml.xpath.*;
import org.w3c.dom.*;

public class Staff {
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    public Node unlock(Document doc, String badge, String pin) throws Exception {
        String expr = "/staff/member[badge='" + badge + "' and pin='" + pin + "']";
        return (Node) xpath.evaluate(expr, doc, XPathConstants.NODE);
    }
}
"""
    assert "CWE-643" in cwes(built, "java")
    variable = built.replace(
        '"/staff/member[badge=\'" + badge + "\' and pin=\'" + pin + "\']"', '"/staff/member[badge=$b]"'
    )
    assert "CWE-643" not in cwes(variable, "java")


def test_xpath_from_request_input_in_python_php_javascript_and_csharp():
    python = """from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.get("/email")
def email():
    tree = etree.parse(request.files["doc"])
    login = request.args.get("login", "")
    return str(tree.xpath(f"//user[login/text()='{login}']/email/text()"))
"""
    php = """<?php
$xp = new DOMXPath($doc);
$nodes = $xp->query("//member[@handle='" . $_GET['member'] . "']/points");
"""
    js = """const xpath = require("xpath");
app.get("/stock", (req, res) => {
  res.json(xpath.select(`//part[code='${req.query.part}']/qty/text()`, doc));
});
"""
    cs = """public class Catalog : Controller
{
    [HttpGet("price")]
    public IActionResult Price(string sku)
    {
        var node = _catalog.SelectSingleNode("/catalog/item[@sku='" + sku + "']/price");
        return Content(node.InnerText);
    }
}
"""
    assert "CWE-643" in cwes(python, "python")
    assert "CWE-643" in cwes(php, "php")
    assert "CWE-643" in cwes(js, "javascript")
    assert "CWE-643" in cwes(cs, "csharp")


def test_xpath_with_a_bound_variable_or_a_fixed_expression_is_clean():
    lxml = """from flask import Flask, request
from lxml import etree

app = Flask(__name__)
BOOKS = etree.parse("/srv/library/books.xml")


@app.get("/books")
def books():
    return str(BOOKS.xpath("//book[author=$who]/title/text()", who=request.args.get("author", "")))
"""
    assert not cwes(lxml, "python")  # (and a literal file is the program's own: no XXE)
    php = """<?php
$xp = new DOMXPath($doc);
$nodes = $xp->query("//member[@active='1']/points");
echo (int) $_GET['page'];
"""
    assert not cwes(php, "php")


# ---- input read into a struct's field; a range-for over references ----

CPP_JOBS = """#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

struct Job { std::string project; };

static std::vector<Job> load(const char *queue) {
    std::vector<Job> jobs;
    std::ifstream in(queue);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream row(line);
        Job job;
        std::getline(row, job.project, '\\t');
        jobs.push_back(job);
    }
    return jobs;
}

int main() {
    for (const auto& job : load("/var/spool/archiver/queue.tsv")) {
        std::string cmd = "tar -czf /backup/x.tgz '" + job.project + "'";
        std::system(cmd.c_str());
    }
}
"""


def test_cpp_fields_read_from_a_queue_file_reach_a_command_through_a_vector():
    assert "CWE-78" in cwes(CPP_JOBS, "cpp")


def test_c_fgets_into_a_struct_field_reaches_a_command():
    code = """#include <stdio.h>
#include <stdlib.h>

struct share { char host[64]; };

int main(void)
{
    FILE *f = fopen("/var/spool/mounts/requests.txt", "r");
    struct share s;
    char cmd[256];
    while (fgets(s.host, sizeof s.host, f)) {
        snprintf(cmd, sizeof cmd, "ping -c1 %s", s.host);
        system(cmd);
    }
    return 0;
}
"""
    assert "CWE-78" in cwes(code, "c")


# ---- a file's header read into a struct, indexing a fixed array ----

C_SPRITE = """#include <stdint.h>
#include <stdio.h>

#define W 64
#define H 64

struct hdr { uint8_t x, y, w, h; };
static uint8_t screen[W * H];

int draw(FILE *f)
{
    struct hdr t;
    if (fread(&t, sizeof t, 1, f) != 1)
        return -1;
    CHECK
    for (int r = 0; r < t.h; r++)
        for (int c = 0; c < t.w; c++) {
            int at = (t.y + r) * W + t.x + c;
            screen[at] = 1;
        }
    return 0;
}
"""


def test_c_header_from_fread_indexing_a_fixed_array_is_cwe_787():
    assert "CWE-787" in cwes(C_SPRITE.replace("CHECK", ""), "c")


def test_c_header_coordinates_compared_with_the_array_bounds_are_checked():
    check = "if (t.x + t.w > W || t.y + t.h > H)\n        return -1;"
    assert not cwes(C_SPRITE.replace("CHECK", check), "c")


def test_cpp_istream_read_through_a_cast_is_input_and_a_length_check_is_not_a_coordinate_check():
    code = C_SPRITE.replace("#include <stdio.h>", "#include <istream>").replace("FILE *f", "std::istream &in")
    code = code.replace(
        "if (fread(&t, sizeof t, 1, f) != 1)", "in.read(reinterpret_cast<char *>(&t), sizeof t);\n    if (!in)"
    )
    assert "CWE-787" in cwes(code.replace("CHECK", ""), "cpp")
    assert "CWE-787" in cwes(code.replace("CHECK", "if (t.w * 2 + 1 > W) return -1;"), "cpp")


# ---- a stored webhook or callback URL fetched without a host check ----


def test_stored_webhook_urls_fetched_are_ssrf_in_python_javascript_php_and_java():
    python = """import requests

def deliver(integration, body):
    target = integration.callback_url
    return requests.post(target, data=body, timeout=5).status_code
"""
    js = """async function notify(hook, payload) {
  await fetch(hook.webhookUrl, { method: "POST", body: JSON.stringify(payload) });
}
"""
    php = """<?php
function ipn(array $row): void {
    $ch = curl_init($row['notify_url']);
    curl_exec($ch);
}
"""
    java = """public class Notifier {
    public void sent(Partner partner, Event e) {
        rest.postForObject(partner.getCallbackUrl(), e, String.class);
    }
}
"""
    assert "CWE-918" in cwes(python, "python")
    assert "CWE-918" in cwes(js, "javascript")
    assert "CWE-918" in cwes(php, "php")
    assert "CWE-918" in cwes(java, "java")


def test_webhook_url_with_a_host_check_or_from_configuration_is_clean():
    checked = """from urllib.parse import urlparse
import requests

ALLOWED = {"hooks.slack.com"}

def alert(channel, text):
    url = channel.webhook_url
    if urlparse(url).hostname not in ALLOWED:
        raise ValueError("host")
    requests.post(url, json={"text": text}, timeout=5)
"""
    config = """import requests
from django.conf import settings

def alert(text):
    requests.post(settings.OPS_WEBHOOK_URL, json={"text": text}, timeout=5)
"""
    js = """async function ping() {
  await fetch(config.webhookUrl, { method: "POST" });
}
"""
    assert not cwes(checked, "python")
    assert not cwes(config, "python")
    assert not cwes(js, "javascript")
