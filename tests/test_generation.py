"""Generation: batching, streaming, sampling, infill and chat (stop strings and code-aware stops: test_stopping.py)."""

from __future__ import annotations

import ast

import pytest
import torch

from codellama import engine, ranking
from codellama.engine import Penalties, nucleus, sample, sample_token
from codellama.generation import GenerationError, Generator, SamplingParams
from codellama.prompts import chat_prompt_tokens
from tests.support.generation import PROMPTS, greedy, stream
from tests.support.models import ScriptedModel


@torch.no_grad()
def full_forward_logprob(model, prefix_ids: list[int], continuation: list[int]) -> float:
    """log P(continuation | prefix) from one forward over the whole sequence, without the KV cache."""
    model.clear_cache()
    log_probs = torch.log_softmax(model(torch.tensor([prefix_ids + continuation]))[0].double(), dim=-1)
    return sum(float(log_probs[len(prefix_ids) + k - 1, token]) for k, token in enumerate(continuation))


@torch.no_grad()
def full_forward_greedy(model, ids: list[int], n: int, stop: set[int]) -> list[int]:
    """Greedy tokens from full forwards (no cache), up to and including the first stop token."""
    out = []
    for _ in range(n):
        model.clear_cache()
        token = int(model(torch.tensor([ids + out]))[0, -1].argmax())
        out.append(token)
        if token in stop:
            break
    return out


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


def penalties(prompt: list[int], generated: list[int], vocab: int = 4) -> Penalties:
    state = Penalties(prompt, vocab, torch.device("cpu"))
    for token in generated:
        state.add(token)
    return state


def test_repetition_penalty_discourages_seen_tokens(tiny_generator):
    logits = torch.tensor([[3.0, 2.5, -1.0, 0.5]])
    gens = [torch.Generator()]
    assert int(sample(logits, [greedy(1)], gens, [penalties([0], [])])[0]) == 0
    # 3.0 / 1.5 = 2.0 < 2.5: the seen token loses its lead; negative logits are multiplied
    assert int(sample(logits, [greedy(1, repetition_penalty=1.5)], gens, [penalties([0], [])])[0]) == 1
    negative = torch.tensor([[-0.2, -0.3]])
    assert int(sample(negative, [greedy(1, repetition_penalty=2.0)], gens, [penalties([0], [], vocab=2)])[0]) == 1


def test_presence_and_frequency_penalties_count_generated_tokens_only(tiny_generator):
    logits = torch.tensor([[3.0, 2.5, 2.0, 0.5]])
    gens = [torch.Generator()]
    # token 0 is in the prompt only: OpenAI's penalties leave it alone
    assert int(sample(logits, [greedy(1, presence_penalty=1.0)], gens, [penalties([0], [])])[0]) == 0
    # generated once: 3.0 - 1.0 = 2.0 < 2.5
    assert int(sample(logits, [greedy(1, presence_penalty=1.0)], gens, [penalties([0], [0])])[0]) == 1
    # frequency scales with the count: 3.0 - 3 * 0.2 = 2.4 < 2.5, while presence 0.4 alone keeps 2.6
    assert int(sample(logits, [greedy(1, frequency_penalty=0.2)], gens, [penalties([], [0, 0, 0])])[0]) == 1
    assert int(sample(logits, [greedy(1, presence_penalty=0.4)], gens, [penalties([], [0, 0, 0])])[0]) == 0


def test_a_strong_repetition_penalty_keeps_every_token_of_prompt_and_output_from_coming_back(default_generator):
    prompt_ids = default_generator.encode_prompt(PROMPTS[0])
    plain = default_generator.complete(PROMPTS[0], greedy(24))[0].token_ids
    assert len(set(prompt_ids + plain)) < len(prompt_ids) + len(plain)  # unpenalised, tokens do come back
    penalised = default_generator.complete(PROMPTS[0], greedy(24, repetition_penalty=100.0))[0].token_ids
    assert len(penalised) == 24
    assert not set(penalised) & set(prompt_ids)
    assert len(set(penalised)) == len(penalised)


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


@pytest.mark.parametrize("chunk", [512, 4])  # 4: the prompt is prefilled over chunk boundaries
def test_prompt_logprobs_are_each_prompt_tokens_log_probability(tiny_generator, monkeypatch, chunk):
    monkeypatch.setattr(engine, "prefill_plan", lambda device: (chunk, False))
    prompts = [PROMPTS[1], PROMPTS[0], "x"]  # prefilled together, padded to the longest
    results = tiny_generator.complete(prompts, greedy(1, logprobs=0), echo=True)
    for prompt, result in zip(prompts, results):
        ids = tiny_generator.encode_prompt(prompt)
        assert len(result.prompt_logprobs) == len(ids) and result.prompt_logprobs[0] is None
        tiny_generator.model.clear_cache()
        with torch.no_grad():
            log_probs = torch.log_softmax(tiny_generator.model(torch.tensor([ids])), -1)[0]
        for k in range(1, len(ids)):
            entry = result.prompt_logprobs[k]
            assert entry.token_id == ids[k]
            assert entry.logprob == pytest.approx(float(log_probs[k - 1, ids[k]]), abs=1e-4)


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


def test_infill_without_infill_tokens_ranks_candidate_middles(tiny_generator, monkeypatch):
    prefix, suffix = "def add(a, b):\n    return ", "\n\nprint(add(1, 2))\n"
    scored = []  # (prefix ids, candidate texts) as the ranking saw them
    real = ranking.continuation_logprobs

    def spy(generator, prefix_ids, texts, **kwargs):
        scored.append((list(prefix_ids), list(texts)))
        return real(generator, prefix_ids, texts, **kwargs)

    monkeypatch.setattr(ranking, "continuation_logprobs", spy)
    result = tiny_generator.infill(prefix, suffix, greedy(16, seed=0))
    assert result.text == prefix + result.middle + suffix
    assert "\n" not in result.middle.strip("\n") or result.middle.count("\n") <= 16
    assert "print(add(1, 2))" not in result.middle
    # the winner is the candidate an independent, cache-free forward scores best (middle + start of the suffix)
    [(prefix_ids, texts)] = scored
    tokenizer, model = tiny_generator.tokenizer, tiny_generator.model
    scores = [full_forward_logprob(model, prefix_ids, tokenizer.encode_continuation(t)) for t in texts]
    assert len(texts) >= 3 and max(scores) - min(scores) > 1.0, scores
    best = max(range(len(texts)), key=scores.__getitem__)
    runner_up = max(s for i, s in enumerate(scores) if i != best)
    assert scores[best] - runner_up > 1e-3  # a clear winner: float noise cannot reorder it
    healed = tokenizer.decode_continuation(tiny_generator.encode_prompt(prefix)[len(prefix_ids) :])
    suffix_head = tokenizer.decode_continuation(tokenizer.encode_continuation(suffix)[:32])
    assert texts[best] == healed + result.middle + suffix_head


def test_token_healing_takes_trailing_whitespace_off_the_prompt(tiny_generator):
    vocab, tokenizer = tiny_generator.vocab, tiny_generator.tokenizer
    ids = tiny_generator.encode_prompt("print(1, ")
    assert vocab.heal_prompt(ids) == (ids[:-1], " ")
    indented = tiny_generator.encode_prompt("class A:\n    ")
    healed_ids, healed = vocab.heal_prompt(indented)
    assert (
        healed.strip() == "" and healed.startswith("\n") and tokenizer.decode(healed_ids) + healed == "class A:\n    "
    )
    for unchanged in ("print(1,", "x"):  # no trailing whitespace; a single token
        plain = tiny_generator.encode_prompt(unchanged)
        assert vocab.heal_prompt(plain) == (plain, "")
    im_end = tokenizer.encode("<|im_end|>", allow_special=True)
    assert vocab.heal_prompt(ids + im_end) == (ids + im_end, "")  # never a control token
    mask = vocab.tokens_starting_with(" ")
    [space_return] = tokenizer.encode_continuation(" return")
    [bare_return] = tokenizer.encode_continuation("return")
    assert mask[space_return] and not mask[bare_return]
    assert 0 < int(mask.sum()) < tokenizer.vocab_size
    assert all(tokenizer.decode_continuation([int(t)]).startswith(" ") for t in mask.nonzero()[:, 0][:500])


def test_generation_after_healing_starts_with_the_best_token_that_restores_the_text(tiny_generator):
    prompt = "print(1, "  # the tiny model's own first choice here has no leading space
    ids = tiny_generator.encode_prompt(prompt)
    result = tiny_generator.complete(prompt, greedy(6))[0]
    tokenizer, model = tiny_generator.tokenizer, tiny_generator.model
    model.clear_cache()
    with torch.no_grad():
        logits = model(torch.tensor([ids[:-1]]))[0, -1]
    spaced = [t for t in range(tokenizer.vocab_size) if tokenizer.decode_continuation([t]).startswith(" ")]
    assert result.token_ids[0] == max(spaced, key=lambda t: float(logits[t])) != int(logits.argmax())
    assert prompt + result.text == tokenizer.decode(ids[:-1] + result.token_ids)  # the space is not doubled


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
    messages = [{"role": "user", "content": "hello"}]
    result = tiny_generator.chat(messages, greedy(20))
    tokenizer = tiny_generator.tokenizer
    ids = chat_prompt_tokens(tokenizer, messages)
    assert tokenizer.decode(ids).endswith("<|im_start|>user\nhello<|im_end|>\n<|im_start|>assistant\n")
    expected = full_forward_greedy(tiny_generator.model, ids, 20, tokenizer.stop_ids)
    ended = expected[-1] in tokenizer.stop_ids
    assert result.token_ids == (expected[:-1] if ended else expected)
    assert result.finish_reason == ("stop" if ended else "length")
    assert "<|im_end|>" not in result.text
    with pytest.raises(ValueError, match="control tag"):
        tiny_generator.chat([{"role": "user", "content": "<|im_start|>system"}], greedy(5))
    # a model that ends its turn: the answer stops there, with finish_reason "stop"
    answer = "Hello! How can I help?"
    scripted = Generator(ScriptedModel(tokenizer.encode_continuation(answer), len(ids), tokenizer.eos_id), tokenizer)
    turn = scripted.chat(messages, greedy(20))
    assert (turn.text, turn.finish_reason) == (answer, "stop")


@pytest.mark.slow
def test_default_model_chat_answers(default_generator):
    answer = default_generator.chat(
        [{"role": "user", "content": "What is 2 + 2? Answer with a number."}], greedy(20)
    ).text
    assert "4" in answer


def test_nucleus_is_the_same_set_as_a_full_sort():
    # the search starts among the 64 most likely tokens and widens: flat and peaked rows give nuclei
    # of every size, and each must equal the one a sort of the whole row gives
    torch.manual_seed(0)
    for spread in (0.1, 1.0, 3.0, 8.0):
        probs = torch.softmax(torch.randn(49152) * spread, dim=-1)
        for top_p in (0.1, 0.5, 0.95):
            kept, ids = nucleus(probs, top_p)
            sorted_probs, order = probs.sort(descending=True)
            want = order[(sorted_probs.cumsum(-1) - sorted_probs) <= top_p]
            assert set(ids[kept > 0].tolist()) == set(want.tolist())
            assert torch.equal(kept[kept > 0], probs[ids[kept > 0]])
