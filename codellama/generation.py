"""Generation: complete, infill and chat, batched and streamed, over one model + tokenizer.

Each sequence of a batch sits at its own positions in the static KV cache: prompts
are prefilled right-padded (padding slots are overwritten before any token can
attend to them), then every row decodes at its own position.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import torch

from codellama.model import Transformer
from codellama.prompts import ChatFormat, InfillMode, chat_prompt_tokens, chat_stop_strings, infill_prompt_tokens
from codellama.stopping import CodeStop, TextTracker, guess_language
from codellama.tokenizer import Tokenizer

PREFILL_CHUNK = 512  # prompt tokens per forward: bounds the attention scores' memory
RANKING_DRAFT_TOKENS = 64  # infill without infill tokens: length of each candidate continuation


class GenerationError(ValueError):
    """A request that cannot be generated; the message says what to change."""


@dataclass
class SamplingParams:
    max_new_tokens: int = 256
    temperature: float = 0.0  # 0: greedy
    top_p: float = 1.0
    top_k: int = 0  # 0: off
    min_p: float = 0.0
    repetition_penalty: float = 1.0  # llama.cpp's: divides the logits of every token seen (prompt included)
    presence_penalty: float = 0.0  # OpenAI's: subtracted once from each token generated so far
    frequency_penalty: float = 0.0  # OpenAI's: subtracted per occurrence in the generated tokens
    seed: int | None = None
    stop: list[str] = field(default_factory=list)
    ignore_eos: bool = False
    logprobs: int | None = None  # None: off; N: the chosen token's and the N most likely
    code_stop: str | None = None  # a language: stop at the end of the current function/block

    def validate(self) -> None:
        checks = [
            (self.max_new_tokens >= 1, "max_new_tokens must be at least 1"),
            (self.temperature >= 0 and math.isfinite(self.temperature), "temperature must be >= 0"),
            (0 < self.top_p <= 1, "top_p must be in (0, 1]"),
            (self.top_k >= 0, "top_k must be >= 0"),
            (0 <= self.min_p <= 1, "min_p must be in [0, 1]"),
            (0.01 <= self.repetition_penalty <= 100, "repetition_penalty must be between 0.01 and 100"),
            (-2 <= self.presence_penalty <= 2, "presence_penalty must be between -2 and 2"),
            (-2 <= self.frequency_penalty <= 2, "frequency_penalty must be between -2 and 2"),
            (self.logprobs is None or 0 <= self.logprobs <= 20, "logprobs must be between 0 and 20"),
            (isinstance(self.stop, list) and all(isinstance(s, str) for s in self.stop),
             "stop must be a list of strings"),
        ]
        for ok, message in checks:
            if not ok:
                raise GenerationError(message)


@dataclass
class TokenLogprob:
    token: str
    token_id: int
    logprob: float
    top: dict[str, float] = field(default_factory=dict)


@dataclass
class Completion:
    text: str
    token_ids: list[int]
    finish_reason: str  # "stop" (EOS, EOT, stop string, code stop) or "length"
    prompt_tokens: int
    logprobs: list[TokenLogprob] | None = None
    prompt_logprobs: list[TokenLogprob | None] | None = None


@dataclass
class Delta:
    """One step of a streamed sequence: new text (maybe ''), and the final Completion at the end."""

    index: int
    text: str
    completion: Completion | None = None


@dataclass
class InfillResult:
    middle: str
    text: str  # prefix + middle + suffix
    completion: Completion


class Sequence:
    """One sequence being generated: its sampler state, the text it has shown and its log-probabilities.
    Generator.stream_tokens and the server's scheduler both advance sequences one token at a time."""

    def __init__(self, generator: Generator, prompt_ids: list[int], params: SamplingParams, prompt_text: str = "",
                 healed: str = "", stop_ids: set[int] | None = None):
        self.generator = generator
        self.params = params
        self.prompt_length = len(prompt_ids)
        self.history = list(prompt_ids)  # prompt + generated ids, for the repetition penalty
        code_stop = CodeStop(params.code_stop, prompt_text) if params.code_stop else None
        self.tracker = TextTracker(generator.tokenizer, params.stop, code_stop, hidden=healed)
        self.rng = generator.rng(params.seed)
        self.stop_ids = generator.tokenizer.stop_ids if stop_ids is None else stop_ids
        self.logprobs: list[TokenLogprob] = []
        self.prompt_logprobs: list[TokenLogprob | None] | None = None
        self.completion: Completion | None = None  # set when the sequence ends

    def advance(self, token: int, log_probs: torch.Tensor | None = None,
                over_budget: Callable[[], bool] | None = None) -> str:
        """Take the next token; return the text it makes showable. `over_budget()`, asked after the
        token, ends the sequence as "length" when True."""
        p, tracker = self.params, self.tracker
        if log_probs is not None and p.logprobs is not None:
            self.logprobs.append(self.generator.token_logprob(log_probs, token, p.logprobs))
        if token in self.stop_ids and not p.ignore_eos:
            return self.finish("stop")
        self.history.append(token)
        text = tracker.push(token)
        if tracker.stopped:
            return text + self.finish("stop")
        if len(tracker.tokens) >= p.max_new_tokens or (over_budget is not None and over_budget()):
            return text + self.finish("length")
        return text

    def finish(self, reason: str) -> str:
        """End the sequence now ("stop" or "length"); return the text that was still held back."""
        text = self.tracker.finish()
        self.completion = Completion(self.tracker.result, list(self.tracker.tokens), reason, self.prompt_length,
                                     self.logprobs if self.params.logprobs is not None else None,
                                     self.prompt_logprobs)
        return text


class Generator:
    def __init__(self, model: Transformer, tokenizer: Tokenizer):
        self.model = model
        self.tokenizer = tokenizer
        self.device = model.tok_embeddings.weight.device
        self._pieces: list[str] | None = None  # each token's text, for token healing
        self._healing_masks: dict[str, torch.Tensor] = {}  # healed text -> tokens that may start with it

    @property
    def context_length(self) -> int:
        return self.model.args.max_seq_len

    # -- the core: tokens in, deltas out --------------------------------------------------
    @torch.inference_mode()
    def stream_tokens(
        self,
        prompts: list[list[int]],
        params: list[SamplingParams],
        stop_ids: set[int] | None = None,
        prompt_texts: list[str] | None = None,
        prompt_logprobs: bool = False,
        healed: list[str] | None = None,
    ) -> Iterator[Delta]:
        """Generate for every prompt at once, yielding text deltas as they become showable.

        `healed[i]`: text taken off the end of prompt i (see `heal_prompt`): the first
        token must start with it, and it is not shown again."""
        B = len(prompts)
        if B == 0:
            return
        for p in params:
            p.validate()
        for i, (ids, p) in enumerate(zip(prompts, params)):
            if not ids:
                raise GenerationError("the prompt is empty: give some text to continue")
            if len(ids) + p.max_new_tokens > self.context_length:
                raise GenerationError(
                    f"prompt {i} has {len(ids)} tokens; with max_new_tokens {p.max_new_tokens} that is beyond "
                    f"the model's context of {self.context_length} tokens: shorten the prompt or ask for fewer tokens"
                )
        prompt_texts = prompt_texts or [""] * B
        healed = healed or [""] * B
        sequences = [Sequence(self, ids, p, prompt_texts[i], healed[i], stop_ids)
                     for i, (ids, p) in enumerate(zip(prompts, params))]
        lengths = torch.tensor([len(ids) for ids in prompts], device=self.device)
        self.model.setup_cache(B, max(len(ids) + p.max_new_tokens for ids, p in zip(prompts, params)))

        logits, prompt_lps = self.prefill(prompts, lengths, prompt_logprobs)
        for sequence, lps in zip(sequences, prompt_lps or []):
            sequence.prompt_logprobs = lps
        for i, text in enumerate(healed):
            if text:
                logits[i] = logits[i].masked_fill(~self.tokens_starting_with(text), -math.inf)
        positions = lengths.clone()
        for _step in range(max(p.max_new_tokens for p in params)):
            next_tokens = self.sample(logits, params, [s.rng for s in sequences], [s.history for s in sequences],
                                      [s.tracker.tokens for s in sequences])
            log_probs = torch.log_softmax(logits, dim=-1) if any(p.logprobs is not None for p in params) else None
            for i, sequence in enumerate(sequences):
                if sequence.completion is not None:
                    continue
                text = sequence.advance(int(next_tokens[i]), None if log_probs is None else log_probs[i])
                if sequence.completion is not None:
                    yield Delta(i, text, sequence.completion)
                elif text:
                    yield Delta(i, text)
            done = [s.completion is not None for s in sequences]
            if all(done):
                return
            # finished rows keep rewriting their last slot; their output is ignored
            active = torch.tensor([not d for d in done], device=self.device)
            tokens = torch.where(active, next_tokens, 0)[:, None]
            feed_positions = torch.where(active, positions, positions - 1)
            logits = self.model(tokens, feed_positions[:, None], output_index=torch.zeros(B, dtype=torch.long))[:, 0]
            positions = torch.where(active, positions + 1, positions)

    def prefill(self, prompts: list[list[int]], lengths: torch.Tensor, want_prompt_logprobs: bool,
                row_offset: int = 0) -> tuple[torch.Tensor, list | None]:
        """Write the prompts into cache rows row_offset.. (right-padded, in chunks); return each one's
        next-token logits (B, V) and, if asked, the log-probability of every prompt token."""
        B, T = len(prompts), int(lengths.max())
        tokens = torch.zeros(B, T, dtype=torch.long, device=self.device)
        for i, ids in enumerate(prompts):
            tokens[i, : len(ids)] = torch.tensor(ids)
        last = lengths - 1
        logits = torch.zeros(B, self.model.args.vocab_size, device=self.device)
        prompt_lps = [[None] for _ in range(B)] if want_prompt_logprobs else None
        for start in range(0, T, PREFILL_CHUNK):
            end = min(start + PREFILL_CHUNK, T)
            positions = torch.arange(start, end, device=self.device).expand(B, -1)
            if want_prompt_logprobs:
                chunk_logits = self.model(tokens[:, start:end], positions, row_offset=row_offset)  # (B, t, V)
                log_probs = torch.log_softmax(chunk_logits, dim=-1)
                for i, ids in enumerate(prompts):
                    for pos in range(start, min(end, len(ids) - 1)):
                        prompt_lps[i].append(self.token_logprob(log_probs[i, pos - start], ids[pos + 1], 0))
                picked = chunk_logits[torch.arange(B), (last - start).clamp(0, end - start - 1)]
            else:
                index = (last - start).clamp(0, end - start - 1)
                picked = self.model(tokens[:, start:end], positions, output_index=index, row_offset=row_offset)[:, 0]
            in_chunk = (last >= start) & (last < end)
            logits[in_chunk] = picked[in_chunk]
        return logits, prompt_lps

    def heal_prompt(self, ids: list[int]) -> tuple[list[int], str]:
        """Token healing: a prompt that ends in whitespace (`return `, an indent) ends in a
        token the model rarely saw there, since BPE glues spaces to the next word. Take
        that token off; generation then starts with a token that begins with its text."""
        if len(ids) < 2 or self.tokenizer.is_control(ids[-1]):
            return ids, ""
        text = self.tokenizer.decode_continuation(ids[-1:])
        if not text or not text.isspace() or not bool(self.tokens_starting_with(text).any()):
            return ids, ""
        return ids[:-1], text

    def tokens_starting_with(self, text: str) -> torch.Tensor:
        if text not in self._healing_masks:
            if self._pieces is None:
                decode = self.tokenizer.decode_continuation
                self._pieces = [decode([i]) for i in range(self.tokenizer.vocab_size)]
            mask = torch.zeros(self.model.args.vocab_size, dtype=torch.bool, device=self.device)
            mask[[i for i, piece in enumerate(self._pieces) if piece.startswith(text)]] = True
            self._healing_masks[text] = mask
        return self._healing_masks[text]

    def rng(self, seed: int | None) -> torch.Generator:
        generator = torch.Generator(device=self.device)
        generator.manual_seed(seed % (1 << 64) if seed is not None else secrets.randbits(63))  # any int is a seed
        return generator

    def token_logprob(self, log_probs: torch.Tensor, token: int, top_n: int) -> TokenLogprob:
        piece = self.tokenizer.decode_continuation([token])
        top = {}
        if top_n:
            values, indices = log_probs.topk(top_n)
            top = {self.tokenizer.decode_continuation([int(j)]): float(v) for v, j in zip(values, indices)}
        return TokenLogprob(piece, token, float(log_probs[token]), top)

    def sample(self, logits: torch.Tensor, params: list[SamplingParams], generators, history,
                generated: list[list[int]]) -> torch.Tensor:
        """Next token per row; `history`: each row's prompt + generated ids, `generated`: the generated ones."""
        out = logits.argmax(dim=-1)
        for i, p in enumerate(params):
            penalised = p.repetition_penalty != 1.0 or p.presence_penalty or p.frequency_penalty
            if p.temperature == 0 and not penalised:
                continue
            row = apply_penalties(logits[i].clone(), p, history[i], generated[i]) if penalised else logits[i]
            out[i] = row.argmax() if p.temperature == 0 else sample_token(row, p, generators[i])
        return out

    # -- text in, text out ----------------------------------------------------------------
    def encode_prompt(self, text: str, allow_special: bool = False) -> list[int]:
        """The prompt's ids; `allow_special`: control-token text (`<|im_start|>`, `<PRE>`) becomes those tokens."""
        return self.tokenizer.encode(text, bos=self.tokenizer.add_bos, allow_special=allow_special)

    def complete(
        self, prompts: list[str] | str, params: SamplingParams | None = None, n: int = 1, echo: bool = False
    ) -> list[Completion]:
        """Continue each prompt (n completions per prompt, in prompt order)."""
        prompts = [prompts] if isinstance(prompts, str) else list(prompts)
        params = params or SamplingParams()
        if any(not p for p in prompts):
            raise GenerationError("the prompt is empty: give some text to continue")
        heal = not echo and params.logprobs is None
        ids, healed, texts = [], [], []
        for text in prompts:
            prompt_ids, heal_text, kept = self.completion_prompt(text, heal)
            ids += [prompt_ids] * n
            healed += [heal_text] * n
            texts += [kept] * n
        per_row = [_with_seed(params, j) for j in range(len(ids))]
        results = self.run(ids, per_row, prompt_texts=texts, healed=healed,
                           prompt_logprobs=echo and params.logprobs is not None)
        if echo:
            for result, text in zip(results, texts):
                result.text = text + result.text
        return results

    def completion_prompt(self, text: str, heal: bool = True, allow_special: bool = False
                          ) -> tuple[list[int], str, str]:
        """Prompt ids, the text healing took off them, and the prompt text that remains."""
        ids = self.encode_prompt(text, allow_special)
        if not heal:
            return ids, "", text
        ids, heal_text = self.heal_prompt(ids)
        return ids, heal_text, text[: len(text) - len(heal_text)]

    def stream_complete(self, prompt: str, params: SamplingParams | None = None) -> Iterator[str]:
        if not prompt:
            raise GenerationError("the prompt is empty: give some text to continue")
        ids, heal_text, kept = self.completion_prompt(prompt, heal=True)
        for delta in self.stream_tokens([ids], [params or SamplingParams()], prompt_texts=[kept], healed=[heal_text]):
            if delta.text:
                yield delta.text

    def run(self, prompts: list[list[int]], params: list[SamplingParams], **kwargs) -> list[Completion]:
        results: list[Completion | None] = [None] * len(prompts)
        for delta in self.stream_tokens(prompts, params, **kwargs):
            if delta.completion is not None:
                results[delta.index] = delta.completion
        return results

    def infill(
        self, prefix: str, suffix: str, params: SamplingParams | None = None, mode: InfillMode = "psm",
        candidates: int = 4,
    ) -> InfillResult:
        """Fill in the code between `prefix` and `suffix`.

        With infill tokens: the family's trained format (PSM or SPM). Without (e.g. the
        embedded SmolLM2): `candidates` continuations of the prefix, each cut at every
        line where it reaches the suffix, ranked by the model's likelihood of the whole
        document (middle, then the start of the suffix)."""
        params = params or SamplingParams()
        if self.tokenizer.infill is None and not suffix.strip():
            # nothing after the hole: a completion of the current line, or of the block on an empty line
            if prefix.rsplit("\n", 1)[-1].strip():
                params = replace(params, stop=list(params.stop) + ["\n"])
            else:
                params = replace(params, code_stop=params.code_stop or guess_language(prefix))
            completion = self.complete(prefix, params)[0]
            return InfillResult(completion.text, prefix + completion.text + suffix, completion)
        if self.tokenizer.infill is None:
            return self._infill_by_ranking(prefix, suffix, params, candidates)
        ids = infill_prompt_tokens(self.tokenizer, prefix, suffix, mode)
        completion = self.run([ids], [params], prompt_texts=[prefix])[0]
        return InfillResult(completion.text, prefix + completion.text + suffix, completion)

    def stream_infill(self, prefix: str, suffix: str, params: SamplingParams | None = None,
                      mode: InfillMode = "psm") -> Iterator[str]:
        if self.tokenizer.infill is None:  # ranking needs whole candidates: one delta
            yield self.infill(prefix, suffix, params).middle
            return
        ids = infill_prompt_tokens(self.tokenizer, prefix, suffix, mode)
        for delta in self.stream_tokens([ids], [params or SamplingParams()], prompt_texts=[prefix]):
            if delta.text:
                yield delta.text

    def chat(self, messages: list[dict], params: SamplingParams | None = None,
             chat_format: ChatFormat = "auto") -> Completion:
        ids, params = self._chat_request(messages, params, chat_format)
        return self.run([ids], [params])[0]

    def stream_chat(self, messages: list[dict], params: SamplingParams | None = None,
                    chat_format: ChatFormat = "auto") -> Iterator[str]:
        ids, params = self._chat_request(messages, params, chat_format)
        for delta in self.stream_tokens([ids], [params]):
            if delta.text:
                yield delta.text

    def _chat_request(self, messages, params, chat_format) -> tuple[list[int], SamplingParams]:
        params = params or SamplingParams()
        ids = chat_prompt_tokens(self.tokenizer, messages, chat_format)
        extra_stops = chat_stop_strings(self.tokenizer, chat_format)
        if extra_stops:
            params = replace(params, stop=list(params.stop) + extra_stops)
        return ids, params

    # -- infilling for models without infill tokens -----------------------------------------
    def _infill_by_ranking(self, prefix: str, suffix: str, params: SamplingParams, candidates: int) -> InfillResult:
        prefix_ids, heal_text = self.heal_prompt(self.encode_prompt(prefix))
        # a draft that writes the suffix's first line has gone past the hole
        suffix_lines = [line for line in suffix.split("\n") if line.strip()]
        stop = list(params.stop) + (["\n" + suffix_lines[0]] if suffix_lines else [])
        length = min(params.max_new_tokens, RANKING_DRAFT_TOKENS)
        draft = replace(params, stop=stop, logprobs=None, max_new_tokens=length)
        rows = [draft] + [
            replace(draft, temperature=max(params.temperature, 0.8), top_p=0.95, seed=(params.seed or 0) + j)
            for j in range(1, candidates)
        ]
        drafts = self.run([prefix_ids] * len(rows), rows, healed=[heal_text] * len(rows))
        options = sorted({""} | {cut for d in drafts for cut in _middle_cuts(d.text, suffix)})
        suffix_head = self.tokenizer.decode_continuation(self.tokenizer.encode_continuation(suffix)[:32])
        scores = self._continuation_logprob(prefix_ids, [heal_text + m + suffix_head for m in options])
        best = options[max(range(len(options)), key=scores.__getitem__)]
        completion = Completion(best, self.tokenizer.encode_continuation(best) if best else [], "stop", len(prefix_ids))
        return InfillResult(best, prefix + best + suffix, completion)

    @torch.inference_mode()
    def _continuation_logprob(self, prefix_ids: list[int], texts: list[str], rows: int = 8) -> list[float]:
        """log P(text | prefix) for each text. The prefix is prefilled once and its cache
        copied to `rows` rows, which then score the texts a batch at a time."""
        conts = [self.tokenizer.encode_continuation(t) for t in texts]
        L, longest = len(prefix_ids), max(len(c) for c in conts)
        rows = max(1, min(rows, len(conts)))
        self.model.setup_cache(rows, L + longest)
        prefix = torch.tensor([prefix_ids], device=self.device)
        first = self.model(prefix, torch.arange(L, device=self.device)[None], output_index=torch.tensor([L - 1]))
        first = torch.log_softmax(first[0, 0], dim=-1)
        self.model.copy_cache_row(0, rows, L)
        scores = []
        for start in range(0, len(conts), rows):
            batch = conts[start : start + rows]
            width = max(1, max(len(c) for c in batch))
            tokens = torch.zeros(len(batch), width, dtype=torch.long, device=self.device)
            for i, c in enumerate(batch):
                tokens[i, : len(c)] = torch.tensor(c, dtype=torch.long)
            positions = (L + torch.arange(width, device=self.device)).expand(len(batch), -1)
            log_probs = torch.log_softmax(self.model(tokens, positions), dim=-1)
            for i, c in enumerate(batch):
                if not c:
                    scores.append(0.0)
                    continue
                rest = log_probs[i, : len(c) - 1].gather(-1, tokens[i, 1 : len(c), None]).sum()
                scores.append(float(first[c[0]] + rest))
        return scores


def _middle_cuts(draft: str, suffix: str) -> list[str]:
    """Candidate middles from one continuation of the prefix: its first line, first two
    lines, ... (ending in a newline when the suffix starts a new line)."""
    lines = draft.split("\n")
    newline = "" if suffix.startswith("\n") else "\n"
    return ["\n".join(lines[:j]) + newline for j in range(1, min(len(lines), 16) + 1)]


def _with_seed(params: SamplingParams, offset: int) -> SamplingParams:
    if params.seed is None or offset == 0:
        return params
    return replace(params, seed=params.seed + offset)


def apply_penalties(row: torch.Tensor, p: SamplingParams, history: list[int], generated: list[int]) -> torch.Tensor:
    """Repetition (llama.cpp), presence and frequency (OpenAI) penalties on one row of logits, in place."""
    if p.repetition_penalty != 1.0 and history:
        seen = torch.tensor(sorted(set(history)), device=row.device)
        scores = row[seen]
        row[seen] = torch.where(scores > 0, scores / p.repetition_penalty, scores * p.repetition_penalty)
    if (p.presence_penalty or p.frequency_penalty) and generated:
        ids, counts = torch.tensor(generated, device=row.device).unique(return_counts=True)
        row[ids] -= p.presence_penalty + p.frequency_penalty * counts.to(row.dtype)
    return row


def sample_token(logits: torch.Tensor, p: SamplingParams, generator: torch.Generator) -> int:
    """Sample from one row of logits with temperature, top-k, top-p and min-p."""
    logits = logits / max(p.temperature, 1e-4)  # a vanishing temperature is greedy, not a division by zero
    if p.top_k:
        kth = logits.topk(min(p.top_k, logits.numel())).values[-1]
        logits = logits.masked_fill(logits < kth, -math.inf)
    probs = torch.softmax(logits, dim=-1)
    if p.min_p > 0:
        probs = probs.masked_fill(probs < p.min_p * probs.max(), 0)
    if p.top_p < 1:
        sorted_probs, order = probs.sort(descending=True)
        cumulative = sorted_probs.cumsum(-1)
        drop = cumulative - sorted_probs > p.top_p  # keep the smallest set reaching top_p
        probs = probs.scatter(0, order, sorted_probs.masked_fill(drop, 0))
    if not bool(torch.isfinite(probs).all()) or float(probs.sum()) <= 0:  # nothing sensible to sample from
        return int(logits.argmax())
    return int(torch.multinomial(probs, 1, generator=generator))
