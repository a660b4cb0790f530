"""The server's `codellama_verify` extension: off by default, the chosen candidate and a report when on, strict
checking of the field, the request's deadline kept, and a clear error when the sandbox is unavailable."""

from __future__ import annotations

import time

import httpx
import pytest

from codellama.generation import Generator
from codellama.prompts import chat_prompt_tokens
from codellama.sandbox import SandboxUnavailable
from codellama.server import verify as server_verify
from tests.support.branching import BranchingModel
from tests.support.server import running_server

ADD = 'def add(a, b):\n    """Add two numbers.\n\n    >>> add(2, 3)\n    5\n    """\n'
ANSWERS = ["    return a - b\n", "    return a * b\n", "    return a + b\n"]  # greedy writes the first
MESSAGES = [{"role": "user", "content": "Write add(a, b) in Python, in a code block."}]
REPLIES = [f"```python\ndef add(a, b):\n{body}```" for body in ANSWERS]
N = 12  # candidates: with the default seeds, every answer above is among them


@pytest.fixture(scope="module")
def generator(smol_tokenizer) -> Generator:
    """Writes one of ANSWERS after ADD, and one of REPLIES to MESSAGES."""
    tokenizer = smol_tokenizer
    probe = Generator(BranchingModel([], tokenizer.eos_id), tokenizer)
    ids, healed, _ = probe.completion_prompt(ADD)
    branches = [
        (ids, [tokenizer.encode_continuation(healed + a) for a in ANSWERS]),
        (chat_prompt_tokens(tokenizer, MESSAGES), [tokenizer.encode_continuation(r) for r in REPLIES]),
    ]
    return Generator(BranchingModel(branches, tokenizer.eos_id), tokenizer)


@pytest.fixture(scope="module")
def url(generator):
    with running_server(generator, model_name="scripted", request_timeout=120) as server:
        yield server.url


def complete(url: str, **fields) -> httpx.Response:
    return httpx.post(url + "/v1/completions", json={"prompt": ADD, "max_tokens": 24, **fields}, timeout=120)


def test_off_by_default(url):
    body = complete(url, temperature=0).json()
    assert "codellama_verify" not in body
    assert body["choices"][0]["text"] == ANSWERS[0]


def test_completion_returns_the_passing_candidate_and_a_report(url):
    body = complete(url, codellama_verify={"tests": "assert add(10, 5) == 15\n", "n": N}).json()
    [choice] = body["choices"]
    report = body["codellama_verify"]
    assert choice["text"] == ANSWERS[2]
    assert report["n"] == N and report["any_passed"] and report["verified"]
    assert report["passed"] == sum(c["given_passed"] == 1 for c in report["candidates"]) >= 1
    assert report["chosen"] > 0 and not report["candidates"][report["chosen"]]["greedy"]
    assert report["candidates"][0]["given"] == ["failed"]
    assert report["tests"] == {"given": 1, "origin": "file", "generated": 0}
    assert body["usage"]["completion_tokens"] == sum(c["tokens"] for c in report["candidates"])


def test_without_tests_the_docstring_examples_are_used(url):
    report = complete(url, codellama_verify={"n": N}).json()["codellama_verify"]
    assert report["tests"]["origin"] == "docstring" and report["tests"]["given"] == 1
    assert report["verified"]


def test_says_so_when_no_candidate_passes(url):
    response = complete(url, codellama_verify={"tests": "assert add(1, 1) == 3", "n": 4})
    assert response.status_code == 200
    report = response.json()["codellama_verify"]
    assert (report["passed"], report["any_passed"], report["verified"], report["chosen"]) == (0, False, False, 0)
    assert report["summary"].startswith("NONE of the 4 candidates passed")


def test_chat_returns_the_reply_whose_code_passes(url):
    body = {"messages": MESSAGES, "codellama_verify": {"tests": "assert add(2, 3) == 5", "n": N}}
    answer = httpx.post(url + "/v1/chat/completions", json=body, timeout=120).json()
    assert answer["choices"][0]["message"]["content"] == REPLIES[2]
    assert answer["codellama_verify"]["verified"]


@pytest.mark.parametrize(
    "fields, param, says",
    [
        ({"codellama_verify": {"n": 0}}, "codellama_verify.n", "greater than or equal to 1"),
        ({"codellama_verify": {"n": 17}}, "codellama_verify.n", "less than or equal to 16"),
        ({"codellama_verify": {"n": "3"}}, "codellama_verify.n", "integer"),
        ({"codellama_verify": {"tests": 5}}, "codellama_verify.tests", "string"),
        ({"codellama_verify": "yes"}, "codellama_verify", ""),
        ({"codellama_verify": {"language": "cobol"}}, "codellama_verify.language", "cobol"),
        ({"codellama_verify": {"tests": "assert add(1, 2) =="}}, "codellama_verify.tests", "line 1"),
        ({"codellama_verify": {"language": "cpp"}}, "codellama_verify.tests", "required for cpp"),
        ({"codellama_verify": {}, "stream": True}, "stream", "cannot be streamed"),
        ({"codellama_verify": {}, "n": 2}, "n", "codellama_verify.n"),
        ({"codellama_verify": {}, "echo": True}, "echo", "echo"),
        ({"codellama_verify": {}, "prompt": [ADD, ADD]}, "prompt", "one prompt"),
    ],
)
def test_the_field_is_checked(url, fields, param, says):
    response = complete(url, **fields)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["param"] == param and says in error["message"]


def test_deadline_is_kept(generator):
    timeout = 4.0
    endless = "def test_forever():\n    import time\n    time.sleep(60)\n"
    with running_server(generator, model_name="scripted", request_timeout=timeout) as server:
        started = time.monotonic()
        response = complete(server.url, codellama_verify={"tests": endless, "n": N})
        elapsed = time.monotonic() - started
    assert elapsed < timeout + server_verify.GRACE_SECONDS + 1.5
    if response.status_code == 200:  # every run ended by the deadline: none passed
        report = response.json()["codellama_verify"]
        assert not report["any_passed"]
        assert all("Timeout" in c["given"][0] or c["given"][0] == "timeout" for c in report["candidates"])
    else:
        assert response.status_code == 503 and response.json()["error"]["code"] == "deadline_exceeded"


def test_sandbox_unavailable_is_a_clear_error(url, monkeypatch):
    def unavailable():
        raise SandboxUnavailable("cannot isolate untrusted programs: missing unshare")

    monkeypatch.setattr(server_verify, "_sandbox", unavailable)
    response = complete(url, codellama_verify={"tests": "assert add(1, 2) == 3"})
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "sandbox_unavailable" and "missing unshare" in error["message"]
    assert complete(url, temperature=0).status_code == 200  # the server serves on
