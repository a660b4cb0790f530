"""The llama.cpp-compatible endpoints editors use (/infill, /completion, /tokenize, /detokenize), the
loading phase, and the bounded queue."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest

from codellama.generation import Generator, SamplingParams
from tests.support.models import tiny_model
from tests.support.server import running_server


def greedy(n: int, **kw) -> SamplingParams:
    return SamplingParams(max_new_tokens=n, temperature=0.0, **kw)


@pytest.fixture(scope="module")
def reference(smol_tokenizer) -> Generator:
    return Generator(tiny_model(), smol_tokenizer)


@pytest.fixture(scope="module")
def server(smol_tokenizer):
    with running_server(Generator(tiny_model(), smol_tokenizer), model_name="tiny", parallel=2, max_queue=3) as s:
        yield s


def sse_events(response) -> list[dict]:
    return [json.loads(line[6:]) for line in response.iter_lines() if line.startswith("data: ")]


def test_completion_and_its_stream_equal_direct_generation(server, reference):
    body = {"prompt": "def add(a, b):", "n_predict": 12, "temperature": 0}
    expected = reference.complete("def add(a, b):", greedy(12))[0]
    result = httpx.post(server.url + "/completion", json=body, timeout=60).json()
    assert result["content"] == expected.text and result["stop"] is True
    assert result["tokens_predicted"] == len(expected.token_ids)
    with httpx.stream("POST", server.url + "/completion", json={**body, "stream": True}, timeout=60) as response:
        events = sse_events(response)
    assert "".join(e["content"] for e in events) == expected.text
    assert events[-1]["stop"] is True and all(e["stop"] is False for e in events[:-1])


def test_completion_with_n_probs_reports_token_probabilities(server):
    body = {"prompt": "x = ", "n_predict": 3, "temperature": 0, "n_probs": 2}
    result = httpx.post(server.url + "/completion", json=body, timeout=60).json()
    probabilities = result["completion_probabilities"]
    assert len(probabilities) == result["tokens_predicted"]
    assert all(len(p["top_logprobs"]) == 2 and p["logprob"] <= 0 for p in probabilities)


def test_infill_uses_prefix_suffix_and_repository_context(server, reference):
    prefix, suffix = "def area(r):\n    return ", "\n\nprint(area(2))\n"
    body = {"input_prefix": prefix, "input_suffix": suffix, "n_predict": 16, "temperature": 0}
    result = httpx.post(server.url + "/infill", json=body, timeout=60).json()
    assert result["content"] == reference.infill(prefix, suffix, greedy(16)).middle
    extra = [{"filename": "geometry/constants.py", "text": "PI = 3.14159\n"}]
    with_context = httpx.post(server.url + "/infill", json={**body, "input_extra": extra}, timeout=60).json()
    expected = reference.infill("# geometry/constants.py\nPI = 3.14159\n\n" + prefix, suffix, greedy(16)).middle
    assert with_context["content"] == expected


def test_infill_by_ranking_gets_the_editors_time_budget(server, monkeypatch):
    """t_max_predict_ms bounds infilling by ranking (drafting and scoring); without it, the server's
    --infill-budget-ms does, for /infill and for /v1/completions with a suffix alike."""
    generator, budgets = server.state.generator, []
    real_infill = generator.infill

    def infill(*args, **kwargs):
        budgets.append(kwargs.get("budget"))
        return real_infill(*args, **kwargs)

    monkeypatch.setattr(generator, "infill", infill)
    body = {"input_prefix": "def area(r):\n    return ", "input_suffix": "\n", "n_predict": 4, "temperature": 0}
    for extra in ({"t_max_predict_ms": 250}, {}):
        assert httpx.post(server.url + "/infill", json={**body, **extra}, timeout=60).status_code == 200
    completion = {"model": "tiny", "prompt": "x = ", "suffix": "\ny = x\n", "max_tokens": 4}
    assert httpx.post(server.url + "/v1/completions", json=completion, timeout=60).status_code == 200
    default = server.state.settings.infill_budget
    assert budgets == [0.25, default, default]


def test_tokenize_and_detokenize_round_trip(server, smol_tokenizer):
    text = "def f(x):\n    return x + 1  # ünïcode"
    tokens = httpx.post(server.url + "/tokenize", json={"content": text}).json()["tokens"]
    assert tokens == smol_tokenizer.encode(text, bos=False)
    assert httpx.post(server.url + "/detokenize", json={"tokens": tokens}).json()["content"] == text
    pieces = httpx.post(server.url + "/tokenize", json={"content": "hello world", "with_pieces": True}).json()
    assert "".join(p["piece"] for p in pieces["tokens"]) == "hello world"


def test_a_full_queue_answers_429_with_retry_after(server):
    scheduler = server.state.scheduler
    release = threading.Event()
    scheduler.run_exclusive(release.wait)  # hold the batch: nothing leaves the queue
    time.sleep(0.05)
    body = {"prompt": "x", "max_tokens": 2, "temperature": 0}
    statuses = []
    post = lambda: statuses.append(httpx.post(server.url + "/v1/completions", json=body, timeout=60).status_code)
    waiting = [threading.Thread(target=post) for _ in range(3)]
    try:
        for thread in waiting:
            thread.start()
        deadline = time.monotonic() + 10
        while scheduler.waiting < 3:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        response = httpx.post(server.url + "/v1/completions", json=body, timeout=60)
        assert response.status_code == 429
        assert response.headers["retry-after"] == "2"
        assert response.json()["error"]["type"] == "rate_limit_error"
    finally:
        release.set()
        for thread in waiting:
            thread.join(timeout=30)
    assert statuses == [200, 200, 200]  # the queued ones were served once the batch moved


def test_health_is_503_while_loading_and_model_endpoints_say_so(smol_tokenizer):
    loaded = threading.Event()

    def slow_load():
        loaded.wait(timeout=30)
        return Generator(tiny_model(), smol_tokenizer)

    with running_server(slow_load, wait=False) as server:
        assert httpx.get(server.url + "/health").status_code == 503
        response = httpx.post(server.url + "/v1/completions", json={"prompt": "x"})
        assert response.status_code == 503 and response.json()["error"]["code"] == "model_loading"
        loaded.set()
        deadline = time.monotonic() + 30
        while httpx.get(server.url + "/health").status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.02)


def test_a_model_that_fails_to_load_shows_in_health(smol_tokenizer):
    def broken_load():
        raise FileNotFoundError("/models/missing.gguf")

    with running_server(broken_load, wait=False) as server:
        deadline = time.monotonic() + 10
        while (response := httpx.get(server.url + "/health")).status_code == 503:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert response.status_code == 500 and "missing.gguf" in response.json()["error"]


def test_completion_prompts_may_carry_control_tokens_as_text(server, reference, smol_tokenizer):
    """Like llama.cpp: editors send chat and fill-in-the-middle templates as text."""
    prompt = "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant:"
    body = {"prompt": prompt, "n_predict": 6, "temperature": 0}
    result = httpx.post(server.url + "/completion", json=body, timeout=60).json()
    ids = smol_tokenizer.encode(prompt, bos=smol_tokenizer.add_bos, allow_special=True)
    assert result["tokens_evaluated"] == len(ids) < len(smol_tokenizer.encode(prompt, bos=False))
    assert result["content"] == reference.run([ids], [greedy(6)])[0].text


def test_odd_but_valid_values_are_served_and_never_break_the_batch(server):
    """Huge seeds, vanishing temperatures and `max_tokens: null` are the client's right, not a crash."""
    bodies = [
        ("/completion", {"prompt": "def f():", "n_predict": 4, "seed": 2**64 + 5}),
        ("/completion", {"prompt": "def f():", "n_predict": 4, "temperature": 1e-40}),
        ("/v1/completions", {"prompt": "def f():", "max_tokens": None, "temperature": 0, "stop": ["\n"]}),
        ("/v1/completions", {"prompt": "x", "max_tokens": 4, "temperature": 0.7, "seed": -(2**63)}),
    ]
    for path, body in bodies:
        response = httpx.post(server.url + path, json=body, timeout=60)
        assert response.status_code == 200, (body, response.text)
    too_many = httpx.post(server.url + "/v1/completions", json={"prompt": ["a"] * 2, "n": 2, "max_tokens": 1})
    assert too_many.status_code == 400 and "at most 3" in too_many.json()["error"]["message"]
