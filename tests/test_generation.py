"""Generation: batching, streaming, sampling, infill and chat (stop strings and code-aware stops: test_stopping.py)."""

from __future__ import annotations

import ast

import pytest
import torch

from codellama.engine import sample, sample_token
from codellama.generation import GenerationError, SamplingParams
from tests.support.generation import PROMPTS, greedy, stream


def test_batched_generation_equals_one_at_a_time(tiny_generator):
    batched = tiny_generator.complete(PROMPTS, greedy())
    for prompt, result in zip(PROMPTS, batched):
        alone = tiny_generator.complete(prompt, greedy())[0]
        assert result.token_ids == alone.token_ids
        assert result.text == alone.text


@pytest.mark.slow
def test_batched_generation_equals_one_at_a_time_on_the_default_model(default_generator):
    batched = default_generator.complete(PROMPTS, greedy(24))
    for prompt, result in zip(PROMPTS, batched):
        assert result.token_ids == default_generator.complete(prompt, greedy(24))[0].token_ids


def test_streaming_equals_non_streaming_with_multibyte_text(tiny_generator):
    for prompt in PROMPTS:
        params = greedy(60)
        whole = tiny_generator.complete(prompt, params)[0]
        assert any(ord(c) > 127 for c in whole.text) or prompt != PROMPTS[2]
        assert stream(tiny_generator, prompt, params) == whole.text


def test_same_seed_same_output_and_sampling_varies(tiny_generator):
    params = SamplingParams(max_new_tokens=30, temperature=1.0, top_p=0.95, seed=7)
    first = tiny_generator.complete(PROMPTS[0], params)[0].token_ids
    assert tiny_generator.complete(PROMPTS[0], params)[0].token_ids == first
    others = {
        tuple(tiny_generator.complete(PROMPTS[0], SamplingParams(30, 1.0, seed=s))[0].token_ids) for s in range(4)
    }
    assert len(others) > 1
    # n > 1 with a seed: different samples, reproducible as a set
    a = tiny_generator.complete(PROMPTS[0], params, n=3)
    b = tiny_generator.complete(PROMPTS[0], params, n=3)
    assert [r.token_ids for r in a] == [r.token_ids for r in b]
    assert len({tuple(r.token_ids) for r in a}) > 1


def test_top_k_one_is_greedy(tiny_generator):
    sampled = tiny_generator.complete(PROMPTS[1], SamplingParams(20, temperature=1.5, top_k=1, seed=3))[0]
    assert sampled.token_ids == tiny_generator.complete(PROMPTS[1], greedy(20))[0].token_ids


def test_top_p_and_min_p_cut_the_tail():
    logits = torch.log(torch.tensor([0.6, 0.3, 0.05, 0.05]))
    gen = torch.Generator().manual_seed(0)
    draws = {sample_token(logits, SamplingParams(temperature=1.0, top_p=0.5), gen) for _ in range(200)}
    assert draws == {0}
    draws = {sample_token(logits, SamplingParams(temperature=1.0, top_p=0.8), gen) for _ in range(200)}
    assert draws == {0, 1}
    draws = {sample_token(logits, SamplingParams(temperature=1.0, min_p=0.2), gen) for _ in range(300)}
    assert draws == {0, 1}  # 0.05 < 0.2 * 0.6


def test_repetition_penalty_discourages_seen_tokens(tiny_generator):
    logits = torch.tensor([[3.0, 2.5, -1.0, 0.5]])
    gens = [torch.Generator()]
    assert int(sample(logits, [greedy(1)], gens, [[0]], [[]])[0]) == 0
    # 3.0 / 1.5 = 2.0 < 2.5: the seen token loses its lead; negative logits are multiplied
    assert int(sample(logits, [greedy(1, repetition_penalty=1.5)], gens, [[0]], [[]])[0]) == 1
    negative = torch.tensor([[-0.2, -0.3]])
    assert int(sample(negative, [greedy(1, repetition_penalty=2.0)], gens, [[0]], [[]])[0]) == 1


def test_presence_and_frequency_penalties_count_generated_tokens_only(tiny_generator):
    logits = torch.tensor([[3.0, 2.5, 2.0, 0.5]])
    gens = [torch.Generator()]
    # token 0 is in the prompt only: OpenAI's penalties leave it alone
    assert int(sample(logits, [greedy(1, presence_penalty=1.0)], gens, [[0]], [[]])[0]) == 0
    # generated once: 3.0 - 1.0 = 2.0 < 2.5
    assert int(sample(logits, [greedy(1, presence_penalty=1.0)], gens, [[0]], [[0]])[0]) == 1
    # frequency scales with the count: 3.0 - 3 * 0.2 = 2.4 < 2.5, while presence 0.4 alone keeps 2.6
    assert int(sample(logits, [greedy(1, frequency_penalty=0.2)], gens, [[]], [[0, 0, 0]])[0]) == 1
    assert int(sample(logits, [greedy(1, presence_penalty=0.4)], gens, [[]], [[0, 0, 0]])[0]) == 0


def test_logprobs_are_the_models_log_softmax(tiny_generator):
    result = tiny_generator.complete(PROMPTS[0], greedy(5, logprobs=3))[0]
    ids = tiny_generator.encode_prompt(PROMPTS[0]) + result.token_ids
    tiny_generator.model.clear_cache()
    with torch.no_grad():
        log_probs = torch.log_softmax(tiny_generator.model(torch.tensor([ids])), -1)[0]
    start = len(ids) - len(result.token_ids)
    for k, lp in enumerate(result.logprobs):
        assert lp.token_id == result.token_ids[k]
        assert lp.logprob == pytest.approx(float(log_probs[start + k - 1, lp.token_id]), abs=1e-4)
        assert max(lp.top.values()) == pytest.approx(lp.logprob, abs=1e-5)  # greedy took the best one
        assert len(lp.top) <= 3


def test_echo_returns_prompt_and_prompt_logprobs(tiny_generator):
    result = tiny_generator.complete(PROMPTS[0], greedy(3, logprobs=0), echo=True)[0]
    assert result.text.startswith(PROMPTS[0])
    assert result.prompt_logprobs[0] is None
    assert len(result.prompt_logprobs) == len(tiny_generator.encode_prompt(PROMPTS[0]))


def test_bad_requests_are_clear_errors(tiny_generator):
    with pytest.raises(GenerationError, match="empty"):
        tiny_generator.complete("", greedy())
    with pytest.raises(GenerationError, match="context of 512 tokens"):
        tiny_generator.complete("x " * 600, greedy())
    with pytest.raises(GenerationError, match="temperature"):
        tiny_generator.complete("x", SamplingParams(temperature=-1))
    with pytest.raises(GenerationError, match="top_p"):
        tiny_generator.complete("x", SamplingParams(top_p=0))
    with pytest.raises(GenerationError, match="stop must be a list"):
        tiny_generator.complete("x", SamplingParams(stop="END"))


def test_eos_ends_generation_unless_ignored(tiny_generator):
    tokenizer = tiny_generator.tokenizer
    first = tiny_generator.complete(PROMPTS[0], greedy(10))[0].token_ids[3]
    ids = tiny_generator.encode_prompt(PROMPTS[0])
    stopped = tiny_generator.run([ids], [greedy(10)], stop_ids={first})[0]
    assert stopped.finish_reason == "stop" and len(stopped.token_ids) == 3
    kept = tiny_generator.run([ids], [greedy(10, ignore_eos=True)], stop_ids={first})[0]
    assert kept.finish_reason == "length" and len(kept.token_ids) == 10
    assert tokenizer.eos_id in tokenizer.stop_ids


# -- infill and chat ---------------------------------------------------------------------------


def test_infill_without_infill_tokens_ranks_candidate_middles(tiny_generator):
    prefix, suffix = "def add(a, b):\n    return ", "\n\nprint(add(1, 2))\n"
    result = tiny_generator.infill(prefix, suffix, greedy(16, seed=0))
    assert result.text == prefix + result.middle + suffix
    assert "\n" not in result.middle.strip("\n") or result.middle.count("\n") <= 16
    assert "print(add(1, 2))" not in result.middle


def test_infill_with_nothing_after_the_hole_is_a_completion(tiny_generator):
    prefix = "def add(a, b):\n    return a"
    result = tiny_generator.infill(prefix, "", greedy(12))  # mid-line: the rest of the line
    assert result.middle and result.middle == tiny_generator.complete(prefix, greedy(12, stop=["\n"]))[0].text


@pytest.mark.slow
def test_default_model_infills_an_obvious_hole(default_generator):
    prefix = "def average(numbers):\n    total = sum(numbers)\n    return "
    result = default_generator.infill(prefix, "\n", greedy(16, seed=0))
    assert "total" in result.middle and "\n" not in result.middle
    ast.parse(result.text)


def test_chat_uses_the_template_and_stops_at_end_of_turn(tiny_generator):
    result = tiny_generator.chat([{"role": "user", "content": "hello"}], greedy(20))
    assert result.finish_reason in ("stop", "length")
    assert "<|im_end|>" not in result.text
    with pytest.raises(ValueError, match="control tag"):
        tiny_generator.chat([{"role": "user", "content": "<|im_start|>system"}], greedy(5))


@pytest.mark.slow
def test_default_model_chat_answers(default_generator):
    answer = default_generator.chat(
        [{"role": "user", "content": "What is 2 + 2? Answer with a number."}], greedy(20)
    ).text
    assert "4" in answer
