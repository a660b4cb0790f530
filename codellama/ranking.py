"""Infilling for models without infill tokens (the embedded SmolLM2): draft continuations of the
prefix, cut each at every line, and keep the cut under which the model finds the document most
likely (the middle, then the start of the suffix).

Drafting: `candidates` continuations in one batch (one greedy, the rest sampled) that share one
prefill of the prefix; each stops where it writes the suffix's first line, after DRAFT_TOKENS, or
at a line end once DRAFT_SHARE of the time budget is spent.

Under a time budget (an editor's request), middles have at most LINES_PER_SECOND lines per second of
it, one line on the usual second: drafting ends once every draft has that many lines. An editor asks
again for the next line once one is accepted (llama.cpp's t_max_predict_ms, likewise, ends a
completion at its first line end past the budget), and on this CPU drafting and scoring a second line
took the time of the whole budget: ranking one line answered in 0.8 s rather than 1.3-1.4 s (p50 over
40 single-line holes of the published set that benchmarks/editor_latency.py does not use), with the
same exact matches (17 of 40).

Scoring: log P(heal + middle + suffix head | prefix) for every cut. The drafts leave the prefix in
the KV cache, so it is not prefilled again; the candidates, sorted by their tokens, are shared out
among cache rows, and each row computes a candidate only from where it stops sharing tokens with
the one it scored before (the cuts of one draft share most of theirs). Under a time budget the
short middles (up to SHORT_LINES lines: the holes an editor asks for most) are scored first and the
longer ones only while time is left.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

import torch

from codellama.engine import Completion, FinishReason, SamplingParams, many_tokens_forward

if TYPE_CHECKING:
    from codellama.generation import Generator

DRAFT_TOKENS = 64  # length of each candidate continuation
SUFFIX_HEAD_TOKENS = 32  # how much of the suffix a middle must lead into
MAX_CUT_LINES = 16
SCORE_ROWS = 8  # cache rows scoring candidates side by side
DRAFT_SHARE = 0.5  # of a time budget, what drafting may take; scoring has the rest
LINES_PER_SECOND = 1  # under a time budget, the most lines a middle may have, per second of it (drafts stop there)
SHORT_LINES = 2  # middles of at most this many lines are scored even when the budget is spent


@torch.inference_mode()  # the cache it sets up holds inference tensors, as the engine's do (else a compiled
# forward meets two kinds of cache tensor and compiles a graph for each)
def infill_by_ranking(
    generator: Generator,
    prefix: str,
    suffix: str,
    params: SamplingParams,
    candidates: int = 4,
    budget: float | None = None,
) -> Completion:
    """The best-scoring middle between `prefix` and `suffix`, as a Completion. `budget`: seconds for the
    whole ranking (see the module's docstring), overrun at most by finishing lines and scoring short middles."""
    deadline = None if budget is None else time.monotonic() + budget
    tokenizer = generator.tokenizer
    prefix_ids, heal_text = generator.vocab.heal_prompt(generator.encode_prompt(prefix))
    # a draft that writes the suffix's first line has gone past the hole
    suffix_lines = [line for line in suffix.split("\n") if line.strip()]
    stop = list(params.stop) + (["\n" + suffix_lines[0]] if suffix_lines else [])
    length = min(params.max_new_tokens, DRAFT_TOKENS)
    draft = replace(params, stop=stop, logprobs=None, max_new_tokens=length)
    rows = [draft] + [
        replace(draft, temperature=max(params.temperature, 0.8), top_p=0.95, seed=(params.seed or 0) + j)
        for j in range(1, candidates)
    ]
    suffix_head_ids = tokenizer.encode_continuation(suffix)[:SUFFIX_HEAD_TOKENS]
    # room for the drafts and then for scoring, so the prefix the drafts leave in the cache stays there
    generator.model.setup_cache(max(len(rows), SCORE_ROWS), len(prefix_ids) + 2 * length + len(suffix_head_ids) + 8)
    drafting = None if budget is None else budget * DRAFT_SHARE
    lines = None if budget is None else max(1, int(budget * LINES_PER_SECOND))
    texts = draft_lines(generator, prefix_ids, rows, heal_text, drafting, lines)
    options = sorted({""} | {cut for t in texts for cut in middle_cuts(t, suffix)})
    suffix_head = tokenizer.decode_continuation(suffix_head_ids)

    def score(middles: list[str]) -> dict[str, float]:
        texts = [heal_text + m + suffix_head for m in middles]
        return dict(zip(middles, continuation_logprobs(generator, prefix_ids, texts, prefix_cached=True)))

    scores = score([m for m in options if _line_count(m) <= SHORT_LINES])  # "" at least
    longer = [m for m in options if _line_count(m) > SHORT_LINES]
    if longer and (deadline is None or time.monotonic() < deadline):
        scores.update(score(longer))
    best = max(scores, key=scores.__getitem__)
    token_ids = tokenizer.encode_continuation(best) if best else []
    return Completion(best, token_ids, FinishReason.STOP, len(prefix_ids))


def draft_lines(
    generator: Generator,
    prefix_ids: list[int],
    rows: list[SamplingParams],
    heal_text: str,
    predict_seconds: float | None,
    lines: int | None,
) -> list[str]:
    """One continuation of the prefix per row of sampling parameters, generated side by side. `lines`: each
    is wanted only up to that many lines (not counting newlines it starts with): drafting ends once every one
    has them, and each is cut there."""

    def enough(text: str) -> bool:
        return lines is not None and text.lstrip("\n").count("\n") >= lines

    texts, done = [""] * len(rows), [False] * len(rows)
    stream = generator.stream_tokens(
        [prefix_ids] * len(rows), rows, healed=[heal_text] * len(rows), predict_seconds=predict_seconds
    )
    for delta in stream:
        if delta.completion is not None:
            texts[delta.index], done[delta.index] = delta.completion.text, True
        else:
            texts[delta.index] += delta.text
            done[delta.index] = enough(texts[delta.index])
        if all(done):
            break
    stream.close()
    if lines is None:
        return texts
    cut = []
    for text in texts:
        body = text.lstrip("\n")
        cut.append(text[: len(text) - len(body)] + "\n".join(body.split("\n")[:lines]))
    return cut


def middle_cuts(draft: str, suffix: str) -> list[str]:
    """Candidate middles from one continuation of the prefix: its first line, first two
    lines, ... (ending in a newline when the suffix starts a new line)."""
    lines = draft.split("\n")
    newline = "" if suffix.startswith("\n") else "\n"
    return ["\n".join(lines[:j]) + newline for j in range(1, min(len(lines), MAX_CUT_LINES) + 1)]


@torch.inference_mode()
def continuation_logprobs(
    generator: Generator, prefix_ids: list[int], texts: list[str], rows: int = SCORE_ROWS, prefix_cached: bool = False
) -> list[float]:
    """log P(text | prefix) for each text (0 for a text of no tokens). `prefix_cached`: cache row 0
    already holds the prefix's keys and values (as drafting over the prefix leaves them)."""
    model, device = generator.model, generator.device
    conts = [generator.tokenizer.encode_continuation(t) for t in texts]
    scores = [0.0] * len(conts)
    order = sorted((i for i, c in enumerate(conts) if c), key=lambda i: conts[i])
    if not order:
        return scores
    L = len(prefix_ids)
    rows = max(1, min(rows, len(order)))
    per_row = -(-len(order) // rows)
    groups = [order[r * per_row : (r + 1) * per_row] for r in range(rows)]
    groups = [g for g in groups if g]
    rows = len(groups)
    # +2: the last position is scratch space for padding, beyond every real position
    length = L + max(len(c) for c in conts) + 2
    cache = model.cache
    if not (prefix_cached and cache is not None and cache.batch >= rows and cache.length >= length):
        from codellama.engine import Engine

        model.setup_cache(rows, length)
        Engine(model, generator.vocab).prefill([prefix_ids])
    model.cache.copy_row(0, slice(1, rows), L)
    scratch = model.cache.length - 1
    previous: list[list[int]] = [[] for _ in range(rows)]  # the tokens each row scored last
    sums: list[list[float]] = [[0.0] for _ in range(rows)]  # sums[r][k]: log P of its first k tokens
    for step in range(per_row):
        feeds, starts, shared = [], [], []
        for r, group in enumerate(groups):
            if step >= len(group):  # nothing left for this row: one token into the scratch slot
                feeds.append([0])
                starts.append(scratch)
                shared.append(0)
                continue
            c = conts[group[step]]
            keep = min(_common_prefix(previous[r], c), len(c) - 1)
            # re-feed the token before the first new one: its output predicts the first new token
            feeds.append([prefix_ids[-1] if keep == 0 else c[keep - 1]] + c[keep:])
            starts.append(L - 1 + keep)
            shared.append(keep)
        width = max(len(f) for f in feeds)
        tokens = torch.zeros(rows, width, dtype=torch.long)
        positions = torch.full((rows, width), scratch, dtype=torch.long)
        for r, (feed, start) in enumerate(zip(feeds, starts)):
            tokens[r, : len(feed)] = torch.tensor(feed)
            positions[r, : len(feed)] = torch.arange(start, start + len(feed))
        forward = many_tokens_forward(model, tokens.numel())
        log_probs = torch.log_softmax(forward(tokens.to(device), positions.to(device), kv_len=scratch + 1), dim=-1)
        for r, group in enumerate(groups):
            if step >= len(group):
                continue
            c, keep = conts[group[step]], shared[r]
            new = torch.tensor(c[keep:], device=device)
            picked = log_probs[r, : len(new)].gather(-1, new[:, None])[:, 0].tolist()
            row_sums = sums[r][: keep + 1]
            for lp in picked:
                row_sums.append(row_sums[-1] + lp)
            scores[group[step]] = row_sums[len(c)]
            previous[r], sums[r] = c, row_sums
    return scores


def _line_count(middle: str) -> int:
    return len(middle.rstrip("\n").split("\n")) if middle else 0


def _common_prefix(a: list[int], b: list[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
