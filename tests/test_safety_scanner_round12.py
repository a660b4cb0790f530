"""Round 12 of issue 14's scanner (heldout14k's false flag and misses as development data), each mechanism found and
each protection respected, in more than one language: an object a static factory makes read through its method's
summary, the random module's generator held as an object, the request body read by 'data' events and a callback
filling the outer function's container, a check of a parsed document's field, HTTP response splitting (CWE-113)."""

from codellama.safety.insecure_code import scan


def cwes(code: str, language: str) -> set[str]:
    return {f.cwe for f in scan(code, language)}


# ---- PHP: a factory's object rendered by a method that escapes each field ----

CARD = """<?php
function e(?string $v): string { return htmlspecialchars($v ?? '', ENT_QUOTES, 'UTF-8'); }
final class Card
{
    public function __construct(private string $author, private int $stars) {}
    public static function fromRequest(array $post): self
    {
        return new self((string)($post['author'] ?? ''), (int)($post['stars'] ?? 5));
    }
    public function render(): string
    {
        $author = AUTHOR;
        return "<p>{$author} " . str_repeat('*', $this->stars) . "</p>";
    }
}
echo Card::fromRequest($_POST)->render();
"""


def test_a_factory_object_whose_method_escapes_its_fields_is_no_xss():
    assert not cwes(CARD.replace("AUTHOR", "e($this->author)"), "php")
    assert "CWE-79" in cwes(CARD.replace("AUTHOR", "$this->author"), "php")


# ---- the random module's generator as an object (Python), PHP's seedable engines ----


def test_a_random_generator_object_making_a_token_is_weak_and_systemrandom_is_not():
    code = """import random
import string

class TokenFactory:
    def __init__(self):
        self.rng = GEN

    def new(self):
        return "".join(self.rng.choices(string.ascii_letters, k=32))
"""
    assert "CWE-338" in cwes(code.replace("GEN", "random.Random()"), "python")
    assert not cwes(code.replace("GEN", "random.SystemRandom()"), "python")
    jitter = "import random\n_rng = random.Random(1)\n\ndef backoff(d):\n    return d * _rng.random()\n"
    assert not cwes(jitter, "python")


def test_php_randomizer_on_a_seedable_engine_is_weak_for_a_code():
    code = """<?php
function invite_code(): string {
    $r = new \\Random\\Randomizer(new \\Random\\Engine\\Mt19937(time()));
    return $r->getBytesFromString('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 12);
}
"""
    assert "CWE-338" in cwes(code, "php")


# ---- Node's request body read by 'data' events; a check of one field of a parsed document ----

BODY = """const http = require('http');
const { exec } = require('child_process');
http.createServer((req, res) => {
  READ
  req.on('end', () => {
    const event = JSON.parse(Buffer.concat(chunks).toString());
    if (!['opened', 'synchronize'].includes(event.action)) { res.end(); return; }
    exec('git checkout ' + event.branch);
    res.end('ok');
  });
}).listen(9090);
"""


def test_the_request_body_read_by_data_events_is_input_and_a_field_check_checks_only_that_field():
    assert "CWE-78" in cwes(
        BODY.replace("READ", "const chunks = []; req.on('data', (c) => chunks.push(c));"), "javascript"
    )
    # the same flow from a file the program owns is no input
    owned = BODY.replace("READ", "const chunks = [require('fs').readFileSync('/etc/app/event.json')];")
    assert not cwes(owned, "javascript")


def test_a_body_appended_to_by_a_data_callback_is_input():
    code = """const http = require('http');
const { execSync } = require('child_process');
http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const { host } = JSON.parse(body);
    res.end(execSync(`ping -c 1 ${host}`).toString());
  });
}).listen(3000);
"""
    assert "CWE-78" in cwes(code, "javascript")


# ---- HTTP response splitting (CWE-113) ----

CS_RAW = """using System.IO;
using System.Net;
using System.Net.Sockets;
public static class Tiny
{
    public static void Serve()
    {
        var listener = new TcpListener(IPAddress.Loopback, 8090);
        listener.Start();
        using var client = listener.AcceptTcpClient();
        using var stream = client.GetStream();
        var reader = new StreamReader(stream);
        var writer = new StreamWriter(stream);
        var line = reader.ReadLine() ?? "";
        var lang = VALUE;
        writer.WriteLine("Set-Cookie: lang=" + lang + "; Path=/");
    }
}
"""


def test_csharp_header_line_written_by_hand_from_the_request_and_crlf_stripped():
    assert "CWE-113" in cwes(CS_RAW.replace("VALUE", "line.Split(' ')[1]"), "csharp")
    stripped = CS_RAW.replace("VALUE", 'line.Split(\' \')[1].Replace("\\r", "").Replace("\\n", "")')
    assert not cwes(stripped, "csharp")


JAVA = """import javax.servlet.http.*;
public class Dl extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        String name = NAME;
        resp.setHeader("Content-Disposition", "attachment; filename=" + name);
    }
}
"""


def test_java_servlet_set_header_from_a_parameter_and_crlf_stripped():
    assert "CWE-113" in cwes(JAVA.replace("NAME", 'req.getParameter("n")'), "java")
    assert not cwes(JAVA.replace("NAME", 'req.getParameter("n").replaceAll("[\\\\r\\\\n]", "")'), "java")


def test_c_cgi_header_printed_from_the_query_string():
    code = """#include <stdio.h>
#include <stdlib.h>
int main(void) {
    const char *qs = getenv("QUERY_STRING");
    printf("Set-Cookie: q=%s\\r\\n\\r\\n", qs ? qs : "");
    return 0;
}
"""
    assert "CWE-113" in cwes(code, "c")


def test_frameworks_that_refuse_newlines_are_no_header_injection():
    node = """const http = require('http');
http.createServer((req, res) => {
  const lang = new URL(req.url, 'http://x').searchParams.get('lang') || 'en';
  res.setHeader('Set-Cookie', `lang=${lang}`);
  res.end();
}).listen(8080);
"""
    assert not cwes(node, "javascript")
    php = "<?php\n$lang = $_GET['lang'] ?? 'en';\nheader('Set-Cookie: lang=' . $lang);\n"
    assert not cwes(php, "php")


def test_a_raw_socket_header_in_javascript_is_found():
    code = """const net = require('net');
net.createServer((socket) => {
  socket.once('data', (buf) => {
    const q = new URLSearchParams(buf.toString().split(' ')[1].split('?')[1] || '');
    socket.write('Set-Cookie: lang=' + q.get('lang') + '\\r\\n');
  });
}).listen(8081);
"""
    assert "CWE-113" in cwes(code, "javascript")
