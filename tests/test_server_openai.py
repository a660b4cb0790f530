"""The server through the real `openai` client, on loopback: what OpenAI-speaking tools rely on."""

from __future__ import annotations

import threading
import time

import httpx
import openai
import pytest

from codellama.generation import Generator, SamplingParams
from tests.support.models import tiny_model
from tests.support.server import metric, running_server

KEY = "test-key-123"
MODEL = "tiny"


def greedy(n: int, **kw) -> SamplingParams:
    return SamplingParams(max_new_tokens=n, temperature=0.0, **kw)


@pytest.fixture(scope="module")
def reference(smol_tokenizer) -> Generator:
    """The same weights as the served model, run directly."""
    return Generator(tiny_model(), smol_tokenizer)


@pytest.fixture(scope="module")
def served(smol_tokenizer) -> Generator:
    return Generator(tiny_model(), smol_tokenizer)


@pytest.fixture(scope="module")
def url(served):
    with running_server(served, model_name=MODEL, api_key=KEY, parallel=4) as server:
        yield server.url


@pytest.fixture
def client(url) -> openai.OpenAI:
    return openai.OpenAI(base_url=url + "/v1", api_key=KEY, max_retries=0, timeout=60)


def test_models_lists_the_served_model(client):
    assert [m.id for m in client.models.list().data] == [MODEL]


def test_completion_equals_direct_generation(client, reference):
    prompt = "def fibonacci(n):"
    response = client.completions.create(model=MODEL, prompt=prompt, max_tokens=12, temperature=0)
    expected = reference.complete(prompt, greedy(12))[0]
    assert response.choices[0].text == expected.text
    assert response.choices[0].finish_reason == expected.finish_reason
    assert response.usage.completion_tokens == len(expected.token_ids)


def test_streamed_completion_equals_the_whole_one(client):
    kwargs = dict(model=MODEL, prompt="import os\n", max_tokens=15, temperature=0)
    whole = client.completions.create(**kwargs).choices[0]
    chunks = list(client.completions.create(**kwargs, stream=True))
    assert "".join(c.choices[0].text for c in chunks) == whole.text
    assert len(chunks) > 2  # it really streamed
    assert chunks[-1].choices[0].finish_reason == whole.finish_reason


def test_n_choices_are_sampled_separately_and_reproducible_with_a_seed(client):
    kwargs = dict(model=MODEL, prompt="class Stack:", max_tokens=10, temperature=1.0, n=3, seed=7)
    first = client.completions.create(**kwargs)
    assert [c.index for c in first.choices] == [0, 1, 2]
    texts = [c.text for c in first.choices]
    assert len(set(texts)) > 1
    assert [c.text for c in client.completions.create(**kwargs).choices] == texts


def test_stop_strings_cut_the_completion(client, reference):
    prompt = "for i in range(10):"
    full = reference.complete(prompt, greedy(20))[0].text
    stop = full[len(full) // 2 : len(full) // 2 + 2]
    response = client.completions.create(model=MODEL, prompt=prompt, max_tokens=20, temperature=0, stop=[stop])
    assert response.choices[0].text == full[: full.index(stop)]
    assert response.choices[0].finish_reason == "stop"


def test_suffix_fills_in_the_middle(client, reference):
    prefix, suffix = "def add(a, b):\n    return ", "\n\nprint(add(1, 2))\n"
    response = client.completions.create(model=MODEL, prompt=prefix, suffix=suffix, max_tokens=16, temperature=0)
    assert response.choices[0].text == reference.infill(prefix, suffix, greedy(16)).middle


def test_chat_and_streamed_chat_equal_direct_generation(client, reference):
    messages = [{"role": "user", "content": "Write a function that reverses a string."}]
    expected = reference.chat(messages, greedy(20)).text
    response = client.chat.completions.create(model=MODEL, messages=messages, max_tokens=20, temperature=0)
    assert response.choices[0].message.role == "assistant"
    assert response.choices[0].message.content == expected
    stream = client.chat.completions.create(
        model=MODEL,
        messages=messages,
        max_tokens=20,
        temperature=0,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == expected
    assert chunks[-1].usage.completion_tokens == response.usage.completion_tokens


def test_logprobs_and_echo(client, reference):
    prompt = "x = 1\n"
    response = client.completions.create(model=MODEL, prompt=prompt, max_tokens=5, temperature=0, logprobs=2)
    logprobs = response.choices[0].logprobs
    assert len(logprobs.tokens) == response.usage.completion_tokens == len(logprobs.token_logprobs)
    assert all(len(top) == 2 and lp <= 0 for top, lp in zip(logprobs.top_logprobs, logprobs.token_logprobs))
    expected = reference.complete(prompt, greedy(5, logprobs=2))[0]
    assert logprobs.token_logprobs == pytest.approx([e.logprob for e in expected.logprobs], abs=1e-4)
    echoed = client.completions.create(model=MODEL, prompt=prompt, max_tokens=5, temperature=0, echo=True)
    assert echoed.choices[0].text.startswith(prompt)


def test_wrong_or_missing_api_key_is_401_and_health_needs_none(url):
    wrong = openai.OpenAI(base_url=url + "/v1", api_key="not-the-key", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as error:
        wrong.completions.create(model=MODEL, prompt="x", max_tokens=1)
    assert "API key" in error.value.message
    assert httpx.post(url + "/v1/completions", json={"prompt": "x"}).status_code == 401
    assert httpx.get(url + "/health").status_code == 200


def test_unknown_model_is_404_with_the_served_name(client):
    with pytest.raises(openai.NotFoundError) as error:
        client.completions.create(model="gpt-4", prompt="x", max_tokens=1)
    assert MODEL in error.value.message


def test_requests_join_a_running_batch(client, url):
    """Continuous batching: a short request that arrives while a long one runs finishes first."""
    finished = {}

    def long_request():
        client.completions.create(
            model=MODEL, prompt="long", max_tokens=300, temperature=0, extra_body={"repetition_penalty": 1.0}
        )
        finished["long"] = time.monotonic()

    thread = threading.Thread(target=long_request)
    thread.start()
    deadline = time.monotonic() + 30
    while metric(url, "codellama_requests_running", {"Authorization": f"Bearer {KEY}"}) < 1:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    client.completions.create(model=MODEL, prompt="short", max_tokens=3, temperature=0)
    finished["short"] = time.monotonic()
    thread.join()
    assert finished["short"] < finished["long"]


def all_metrics(url: str, headers: dict) -> dict[str, float]:
    """Every sample line of /metrics: 'name{labels}' -> value."""
    lines = httpx.get(url + "/metrics", headers=headers).text.splitlines()
    return {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1]) for line in lines if line and line[0] != "#"}


def test_metrics_count_tokens_and_requests(client, url, reference):
    headers = {"Authorization": f"Bearer {KEY}"}
    prompt = "def f():"
    before = all_metrics(url, headers)
    response = client.completions.create(model=MODEL, prompt=prompt, max_tokens=4, temperature=0)
    after = all_metrics(url, headers)
    expected = reference.complete(prompt, greedy(4))[0]
    assert (len(expected.token_ids), expected.finish_reason) == (4, "length")
    assert (response.usage.completion_tokens, response.choices[0].finish_reason) == (4, "length")
    prompt_tokens = len(reference.completion_prompt(prompt)[0])  # after token healing, as prefilled
    assert response.usage.prompt_tokens == prompt_tokens

    def grew(name: str) -> float:
        return after[name] - before.get(name, 0.0)

    assert grew("codellama_generated_tokens_total") == 4
    assert grew("codellama_prompt_tokens_total") == prompt_tokens
    assert grew('codellama_requests_total{endpoint="/v1/completions",status="200"}') == 1
    assert grew('codellama_request_duration_seconds_count{endpoint="/v1/completions"}') == 1
    assert grew("codellama_time_to_first_token_seconds_count") == 1
    assert after["codellama_requests_waiting"] == 0 and after["codellama_requests_running"] == 0
    assert after["codellama_tokens_per_second"] > 0 and after["codellama_model_loaded"] == 1
    assert httpx.get(url + "/metrics").status_code == 401


def test_n_choices_of_a_text_prompt_are_prefilled_once(client, served):
    prompt = "class Stack:\n    def push(self, item):\n        self.items.append(item)\n"
    prompt_ids = served.completion_prompt(prompt)[0]
    prefilled = []  # tokens of every forward that writes more than one position per row: the prefills
    hook = served.model.register_forward_pre_hook(
        lambda module, args: prefilled.append(args[0].numel()) if args[0].shape[1] > 1 else None
    )
    try:
        response = client.completions.create(model=MODEL, prompt=prompt, max_tokens=6, temperature=1.0, n=3, seed=5)
    finally:
        hook.remove()
    assert len(response.choices) == 3
    assert prefilled == [len(prompt_ids)]  # one prefill of the prompt, not one per choice
