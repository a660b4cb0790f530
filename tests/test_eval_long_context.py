"""Long context: key retrieval prompts are built to length with the key at its depth, answers are scored, and
perplexity is measured by position."""

from __future__ import annotations

import math
import re

import pytest
import torch

from codellama.eval import long_context


@pytest.mark.parametrize("depth", [0, 0.4, 1])
def test_prompt_fits_the_length_and_puts_the_key_at_its_depth(smol_tokenizer, depth):
    prompt, tokens = long_context.key_retrieval_prompt(smol_tokenizer, 2048, depth, key=31337)
    assert 2048 - 400 < tokens <= 2048 - long_context.ANSWER_TOKENS
    assert prompt.endswith(long_context.QUESTION) and prompt.count("return 31337") == 1
    at = prompt.index("def my_function")
    assert abs(at / len(prompt) - depth) < 0.1
    compile(prompt + "31337\n", "<prompt>", "exec")  # the whole file is valid Python


@pytest.mark.parametrize("length", [16384, 32768])
def test_a_long_prompt_fits_its_length_though_its_pieces_merge_across_seams(smol_tokenizer, length):
    # the distractors are counted one by one; joined, their tokens differ (32,882 for 32,768 before the trim)
    _, tokens = long_context.key_retrieval_prompt(smol_tokenizer, length, 0.5, key=12345)
    assert length - 1000 < tokens <= length - long_context.ANSWER_TOKENS


def test_bad_depth_and_length_are_explained(smol_tokenizer, tiny_generator):
    with pytest.raises(ValueError, match="depth"):
        long_context.key_retrieval_prompt(smol_tokenizer, 2048, 1.5, key=1)
    with pytest.raises(ValueError, match="too short"):
        long_context.key_retrieval_prompt(smol_tokenizer, 30, 0.5, key=1)
    with pytest.raises(ValueError, match="exceed the model's context of 512"):
        long_context.key_retrieval(tiny_generator, [1024], [0.5])


def test_answers_are_scored_against_the_key(smol_tokenizer, monkeypatch):
    from codellama.generation import Completion, Generator
    from tests.support.models import tiny_model

    generator = Generator(tiny_model(max_seq_len=4096), smol_tokenizer)

    def oracle(prompt, params):  # a model that always finds the key, except when it is at the very start
        key = re.search(r"return (\d+)\n", prompt[prompt.index("def my_function") :]).group(1)
        text = "0" if prompt.startswith("def my_function") else key
        return [Completion(text, [], "stop", 0)]

    monkeypatch.setattr(generator, "complete", oracle)
    result = long_context.key_retrieval(generator, [2048, 4096], [0, 0.5, 1], trials=2)
    assert result["accuracy"] == [[0.0, 1.0, 1.0], [0.0, 1.0, 1.0]]
    assert len(result["samples"]) == 12 and all(s["tokens"] <= s["length"] for s in result["samples"])


def test_perplexity_by_position(tiny_generator):
    result = long_context.perplexity_by_position(
        tiny_generator, long_context.default_documents()[:1], 128, bins=4, max_documents=3
    )
    assert result["documents"] == 3 and len(result["bins"]) == 4
    assert result["tokens"] == result["documents"] * (127 - 1)  # every token but each document's first
    # the same numbers from full forwards: documents of 127 tokens (one position left for a new token), each
    # token's negative log-likelihood in the bin of its position (127 / 4 positions a bin)
    path = long_context.default_documents()[0]
    text = f"# {path.name}\n{path.read_text(errors='replace')}\n"
    ids = tiny_generator.tokenizer.encode(text, bos=False)
    sums, counts = [0.0] * 4, [0] * 4
    for start in range(0, 3 * 127, 127):
        doc = ids[start : start + 127]
        tiny_generator.model.clear_cache()
        with torch.no_grad():
            log_probs = torch.log_softmax(tiny_generator.model(torch.tensor([doc]))[0].double(), -1)
        for position in range(1, 127):
            sums[int(position / (127 / 4))] -= float(log_probs[position - 1, doc[position]])
            counts[int(position / (127 / 4))] += 1
    expected = [math.exp(total / n) for total, n in zip(sums, counts)]
    assert [b["perplexity"] for b in result["bins"]] == pytest.approx(expected, rel=1e-4)
    assert [(b["start"], b["end"]) for b in result["bins"]] == [(0, 32), (32, 64), (64, 95), (95, 127)]
    assert long_context.default_lengths(16384) == [1024, 2048, 4096, 8192, 16384]
