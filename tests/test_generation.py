"""Generation: batching, streaming, stop strings, sampling, code-aware stops, infill and chat."""

from __future__ import annotations

import ast

import pytest
import torch

from codellama.engine import sample, sample_token
from codellama.generation import GenerationError, Generator, SamplingParams
from codellama.stopping import CodeStop, TextTracker, guess_language

PROMPTS = ["def fibonacci(n):", "import os\n\nclass Walker:\n    def __init__(self, root):", "日本語のテキスト ☃"]


def greedy(n: int = 40, **kw) -> SamplingParams:
    return SamplingParams(max_new_tokens=n, **kw)


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


def stream(generator: Generator, prompt: str, params: SamplingParams) -> str:
    return "".join(generator.stream_complete(prompt, params))


def test_streaming_equals_non_streaming_with_multibyte_text(tiny_generator):
    for prompt in PROMPTS:
        params = greedy(60)
        whole = tiny_generator.complete(prompt, params)[0]
        assert any(ord(c) > 127 for c in whole.text) or prompt != PROMPTS[2]
        assert stream(tiny_generator, prompt, params) == whole.text


def test_stop_strings_match_across_tokens_and_are_never_shown(tiny_generator):
    prompt = PROMPTS[2]
    full = tiny_generator.complete(prompt, greedy(60))[0]
    tokens = full.token_ids
    # a stop string that straddles a token boundary, from the middle of the output
    boundary = len(tiny_generator.tokenizer.decode_continuation(tokens[:20]))
    stop = full.text[boundary - 2 : boundary + 3]
    assert len(stop) == 5 and full.text.index(stop) <= boundary - 2
    params = greedy(60, stop=[stop])
    result = tiny_generator.complete(prompt, params)[0]
    assert result.text == full.text[: full.text.index(stop)]
    assert result.finish_reason == "stop"
    streamed = stream(tiny_generator, prompt, params)
    assert streamed == result.text and stop not in streamed


def test_text_tracker_never_splits_a_utf8_character(smol_tokenizer):
    ids = smol_tokenizer.encode_continuation("héllo ☃ 日本語 🙂")
    tracker = TextTracker(smol_tokenizer)
    pieces = [tracker.push(i) for i in ids] + [tracker.finish()]
    assert "".join(pieces) == "héllo ☃ 日本語 🙂"
    assert all("\ufffd" not in p for p in pieces)


def test_same_seed_same_output_and_sampling_varies(tiny_generator):
    params = SamplingParams(max_new_tokens=30, temperature=1.0, top_p=0.95, seed=7)
    first = tiny_generator.complete(PROMPTS[0], params)[0].token_ids
    assert tiny_generator.complete(PROMPTS[0], params)[0].token_ids == first
    others = {tuple(tiny_generator.complete(PROMPTS[0], SamplingParams(30, 1.0, seed=s))[0].token_ids)
              for s in range(4)}
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


# -- code-aware stops -------------------------------------------------------------------------

def test_python_code_stop_ends_at_the_function():
    stop = CodeStop("python", "import math\n\ndef area(r):")
    text = "\n    return math.pi * r ** 2\n\n\nprint(area(2))\n"
    assert text[: stop.cut(text)] == "\n    return math.pi * r ** 2\n\n\n"
    assert stop.cut("\n    x = 1\n    ") is None  # indentation of the last line not known yet
    nested = CodeStop("python", "class A:\n    def f(self):\n")
    assert nested.cut("        return 1\n    def g(self):\n") == len("        return 1\n")


def test_python_code_stop_follows_the_block_the_completion_is_in():
    # the prompt's inner function has ended: the completion continues the outer one
    outer = CodeStop("python", "def outer(items):\n    def key(x):\n        return x[1]\n    items = sorted(items)\n")
    text = "    return items[0]\n\n# Example usage:\nouter([])\n"
    assert text[: outer.cut(text)] == "    return items[0]\n\n"
    # a completion that starts a new method ends with that method, not before it
    method = CodeStop("python", "class Stack:\n    def __init__(self):\n        self.items = []\n\n")
    text = "    def push(self, item):\n        self.items.append(item)\n\n    def pop(self):\n"
    assert text[: method.cut(text)] == "    def push(self, item):\n        self.items.append(item)\n\n"
    # column-0 lines inside a docstring do not end the function
    doc = CodeStop("python", "def usage():\n")
    text = '    text = """\nUsage: prog [options]\n"""\n    return text\nprint(usage())\n'
    assert text[: doc.cut(text)] == '    text = """\nUsage: prog [options]\n"""\n    return text\n'


def test_brace_code_stop_ignores_strings_being_written_and_rust_lifetimes():
    stop = CodeStop("rust", "fn f() {\n")
    assert stop.cut('    let s = "}') is None  # the string is not finished yet
    text = '    let s = "}";\n}\nfn g() {}\n'
    assert text[: stop.cut(text)] == '    let s = "}";\n}'
    lifetimes = CodeStop("rust", "struct S<'a> { x: &'a str }\nfn f<'a>(s: &'a str) -> &'a str {\n")
    assert lifetimes.depth == 1
    text = "    s\n}\n"
    assert text[: lifetimes.cut(text)] == "    s\n}"


def test_brace_code_stop_ends_at_the_closing_brace():
    stop = CodeStop("c", "int add(int a, int b) {\n")
    text = '    if (a) { return a + b; }\n    printf("}");\n    return 0;\n}\nint main() {}'
    assert text[: stop.cut(text)].endswith("return 0;\n}")
    assert CodeStop("java", "int f()").cut(" {\n  return 1;\n}\n\nint g() {}") == len(" {\n  return 1;\n}")


def test_language_guess():
    assert guess_language("def f(x):") == "python"
    assert guess_language("int main(void) {") == "c"
    assert guess_language("Dear diary,") is None
    assert guess_language("anything", "x.rs") == "rust"


def test_code_stop_streams_exactly_the_final_text(tiny_generator):
    params = greedy(80, code_stop="python")
    whole = tiny_generator.complete(PROMPTS[1], params)[0]
    assert stream(tiny_generator, PROMPTS[1], params) == whole.text


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
    answer = default_generator.chat([{"role": "user", "content": "What is 2 + 2? Answer with a number."}],
                                    greedy(20)).text
    assert "4" in answer
