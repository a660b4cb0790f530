"""Infilling by ranking (models without infill tokens): the cached, prefix-sharing scorer gives the
same log-probabilities as a plain forward over each whole document (that the best-scoring candidate
wins is checked in test_generation.py)."""

from __future__ import annotations

import pytest
import torch

from codellama import ranking
from codellama.engine import Completion, Delta, FinishReason
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


def test_a_time_budget_ranks_a_line_per_second_and_drafting_stops_there(generator, monkeypatch):
    """An editor's budget bounds the ranking: drafting gets its share and ends once every draft has the
    lines the budget allows (LINES_PER_SECOND), and no longer middle is scored; without a budget every cut
    of the whole drafts is."""
    lines = ["    a = 1\n", "    b = 2\n", "    c = 3\n", "    d = 4\n", "    e = 5"]
    drafting_budgets, pulled, scored = [], [], []
    real_scores = ranking.continuation_logprobs

    def drafting(prompts, params, **kwargs):  # each draft's text a line at a time, the drafts in turn
        drafting_budgets.append(kwargs["predict_seconds"])
        for line in lines:
            for index in range(len(prompts)):
                pulled.append(line)
                yield Delta(index, line)
        for index in range(len(prompts)):
            yield Delta(index, "", Completion("".join(lines), [], FinishReason.LENGTH, len(prompts[index])))

    def scoring(gen, prefix_ids, texts, **kwargs):
        scored.extend(texts)
        return real_scores(gen, prefix_ids, texts, **kwargs)

    monkeypatch.setattr(generator, "stream_tokens", drafting)
    monkeypatch.setattr(ranking, "continuation_logprobs", scoring)
    params = SamplingParams(max_new_tokens=8, temperature=0.0)
    prefix, suffix = "def f():\n", "\n    return a\n"

    for budget, most_lines in [(1.0, 1), (2.5, 2), (0.0, 1)]:
        drafting_budgets.clear(), pulled.clear(), scored.clear()
        ranking.infill_by_ranking(generator, prefix, suffix, params, candidates=2, budget=budget)
        assert drafting_budgets == [budget * ranking.DRAFT_SHARE]
        assert max(t.count(" = ") for t in scored) == most_lines  # the lines of the longest middle scored
        assert len(pulled) == 2 * most_lines  # drafting ended once both drafts had their lines

    drafting_budgets.clear(), scored.clear()
    ranking.infill_by_ranking(generator, prefix, suffix, params, candidates=2, budget=None)
    assert drafting_budgets == [None]
    assert max(t.count(" = ") for t in scored) == 5  # without a budget every cut is scored, the longest too


def test_drafts_are_cut_after_their_lines_not_counting_leading_newlines(generator, monkeypatch):
    def drafting(prompts, params, **kwargs):
        yield Delta(0, "\n    x = 1\n    y")
        yield Delta(0, " = 2\n")

    monkeypatch.setattr(generator, "stream_tokens", drafting)
    params = [SamplingParams()]
    assert ranking.draft_lines(generator, [1], params, "", None, 1) == ["\n    x = 1"]
