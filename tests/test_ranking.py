"""Infilling by ranking (models without infill tokens): the cached, prefix-sharing scorer gives the
same log-probabilities as a plain forward over each whole document (that the best-scoring candidate
wins is checked in test_generation.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
import torch

from codellama import ranking
from codellama.generation import Generator, SamplingParams
from codellama.ranking import continuation_logprobs, middle_cuts
from tests.support.models import tiny_model


@pytest.fixture(scope="module")
def generator(smol_tokenizer) -> Generator:
    return Generator(tiny_model(seed=3), smol_tokenizer)


def full_forward_logprob(generator: Generator, prefix_ids: list[int], text: str) -> float:
    """log P(text | prefix) from one uncached forward over prefix + text."""
    cont = generator.tokenizer.encode_continuation(text)
    ids = torch.tensor([prefix_ids + cont])
    generator.model.clear_cache()
    with torch.inference_mode():
        log_probs = torch.log_softmax(generator.model(ids)[0], dim=-1)
    L = len(prefix_ids)
    return sum(float(log_probs[L - 1 + j, t]) for j, t in enumerate(cont))


def test_shared_prefix_scoring_equals_a_full_forward_per_text(generator):
    prefix_ids = generator.encode_prompt("def total(items):\n    result = 0\n")
    # cuts of one draft share most of their tokens; other texts share none
    texts = [
        "    for x in items:\n",
        "    for x in items:\n        result += x\n",
        "    for x in items:\n  ",
        "    return sum(items)\n",
        "    return sum(items)\n    # done\n",
        "",
        "\n",
        "x",
    ]
    for rows in (1, 3, 8):
        generator.model.clear_cache()
        scores = continuation_logprobs(generator, prefix_ids, texts, rows=rows)
        expected = [full_forward_logprob(generator, prefix_ids, t) if t else 0.0 for t in texts]
        assert scores == pytest.approx(expected, abs=1e-3), rows


def test_cuts_end_where_the_suffix_needs_them():
    assert middle_cuts("a\nb\nc", "\nrest") == ["a", "a\nb", "a\nb\nc"]
    assert middle_cuts("a\nb", "rest") == ["a\n", "a\nb\n"]


def test_a_spent_time_budget_scores_only_the_short_middles(generator, monkeypatch):
    """An editor's budget bounds the ranking: drafting gets its share, and once the budget is spent the
    middles of more than SHORT_LINES lines are not scored (the short ones always are)."""
    draft = "    a = 1\n    b = 2\n    c = 3\n    d = 4\n    e = 5"
    drafting_budgets, scored = [], []
    real_run, real_scores = generator.run, ranking.continuation_logprobs

    def drafting(prompts, params, **kwargs):
        drafting_budgets.append(kwargs["predict_seconds"])
        return [replace(c, text=draft) for c in real_run(prompts, params, **kwargs)]

    def scoring(gen, prefix_ids, texts, **kwargs):
        scored.extend(texts)
        return real_scores(gen, prefix_ids, texts, **kwargs)

    monkeypatch.setattr(generator, "run", drafting)
    monkeypatch.setattr(ranking, "continuation_logprobs", scoring)
    params = SamplingParams(max_new_tokens=8, temperature=0.0)
    prefix, suffix = "def f():\n", "\n    return a\n"

    ranking.infill_by_ranking(generator, prefix, suffix, params, candidates=2, budget=0.0)
    assert drafting_budgets == [0.0]
    assert max(t.count(" = ") for t in scored) == ranking.SHORT_LINES  # the lines of the longest middle scored

    drafting_budgets.clear(), scored.clear()
    ranking.infill_by_ranking(generator, prefix, suffix, params, candidates=2, budget=None)
    assert drafting_budgets == [None]
    assert max(t.count(" = ") for t in scored) == 5  # without a budget every cut is scored, the longest too
