"""The decode engine: a packed batch of sequences over the model's static KV cache.

The running sequences sit in cache rows 0..n-1, packed (a finished row's place is taken by
the rows after it), so each decode step is a single forward over a contiguous batch:

  admit(requests)  prefill new prompts into the next free rows, in chunks; a prompt asked
                   for several times (n > 1) is prefilled once and its row copied;
  step()           sample one token per row, hand out the text it completes, retire the
                   rows that finished, then one decode forward for the rest;
  remove(rows)     take rows out early (a client went away, a deadline passed).

`Generator` drives an engine synchronously; the server's scheduler drives one from its own
thread and keeps only queueing, deadlines and handles. Sampling, log-probabilities and the
token-healing mask live here and nowhere else.
"""

from __future__ import annotations

import math
import os
import secrets
import shutil
import time
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

import torch

from codellama.model import Transformer
from codellama.quant import INT4_DEQUANTIZED_FROM, unpacks_for_many_rows
from codellama.stopping import CodeStop, TextTracker
from codellama.tokenizer import Tokenizer

PREFILL_CHUNK = 512  # prompt tokens per forward: bounds the attention scores' memory (the CPU's masked path)
CUDA_PREFILL_CHUNK = 8192  # on a GPU, where chunks attend on flash kernels without a mask (see prefill_plan)
EMPTY_PROMPT = "the prompt is empty: give some text to continue"


class GenerationError(ValueError):
    """A request that cannot be generated; the message says what to change."""


class ContextLengthError(GenerationError):
    """The prompt plus the tokens asked for do not fit the context."""


class FinishReason(StrEnum):
    STOP = "stop"  # EOS, end of turn, a stop string or the end of a code block
    LENGTH = "length"  # max_new_tokens, the deadline or the editor's time budget


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
            (
                isinstance(self.stop, list) and all(isinstance(s, str) for s in self.stop),
                "stop must be a list of strings",
            ),
        ]
        for ok, message in checks:
            if not ok:
                raise GenerationError(message)

    @property
    def penalised(self) -> bool:
        return self.repetition_penalty != 1.0 or bool(self.presence_penalty) or bool(self.frequency_penalty)


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
    finish_reason: FinishReason
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
class Request:
    """One sequence to generate."""

    prompt_ids: list[int]
    params: SamplingParams
    prompt_text: str = ""  # the text the prompt ends with, for code-aware stops
    healed: str = ""  # text token healing took off the prompt (see Vocabulary.heal_prompt)
    stop_ids: set[int] | None = None  # None: the tokenizer's end-of-sequence tokens
    prompt_logprobs: bool = False
    deadline: float | None = None  # time.monotonic() past which generation stops (the scheduler's)
    predict_seconds: float | None = None  # editors' budget: stop at a line end once generating took this long


class Vocabulary:
    """What the engine knows of the tokenizer's tokens: each one's text (for token healing and for
    log-probabilities), computed once."""

    def __init__(self, tokenizer: Tokenizer, vocab_size: int, device: torch.device):
        self.tokenizer = tokenizer
        self.vocab_size = vocab_size  # the model's (may exceed the tokenizer's: padded embeddings)
        self.device = device
        self._pieces: list[str] | None = None
        self._healing_masks: dict[str, torch.Tensor] = {}  # healed text -> tokens that may start with it

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
        """(V,) bool: the tokens whose text starts with `text`."""
        if text not in self._healing_masks:
            if self._pieces is None:
                decode = self.tokenizer.decode_continuation
                self._pieces = [decode([i]) for i in range(self.tokenizer.vocab_size)]
            mask = torch.zeros(self.vocab_size, dtype=torch.bool, device=self.device)
            mask[[i for i, piece in enumerate(self._pieces) if piece.startswith(text)]] = True
            self._healing_masks[text] = mask
        return self._healing_masks[text]

    def prompt_logprob(self, token: int, logprob: float) -> TokenLogprob:
        return TokenLogprob(self.tokenizer.decode_continuation([token]), token, logprob, {})

    def token_logprob(self, log_probs: torch.Tensor, token: int, top_n: int) -> TokenLogprob:
        piece = self.tokenizer.decode_continuation([token])
        top = {}
        if top_n:
            values, indices = log_probs.topk(top_n)
            top = {self.tokenizer.decode_continuation([int(j)]): float(v) for v, j in zip(values, indices)}
        return TokenLogprob(piece, token, float(log_probs[token]), top)


def make_rng(seed: int | None, device: torch.device) -> torch.Generator:
    generator = torch.Generator(device=device)
    generator.manual_seed(seed % (1 << 64) if seed is not None else secrets.randbits(63))  # any int is a seed
    return generator


class Sequence:
    """One sequence being generated: its sampler state, the text it has shown and its log-probabilities."""

    def __init__(self, vocab: Vocabulary, request: Request):
        params = request.params
        self.vocab = vocab
        self.params = params
        self.prompt_length = len(request.prompt_ids)
        self.penalties = Penalties(request.prompt_ids, vocab.vocab_size, vocab.device) if params.penalised else None
        code_stop = CodeStop(params.code_stop, request.prompt_text) if params.code_stop else None
        self.tracker = TextTracker(vocab.tokenizer, params.stop, code_stop, hidden=request.healed)
        self.rng = make_rng(params.seed, vocab.device)
        self.stop_ids = vocab.tokenizer.stop_ids if request.stop_ids is None else request.stop_ids
        self.logprobs: list[TokenLogprob] = []
        self.prompt_logprobs: list[TokenLogprob | None] | None = None
        self.completion: Completion | None = None  # set when the sequence ends

    def advance(
        self, token: int, log_probs: torch.Tensor | None = None, over_budget: Callable[[], bool] | None = None
    ) -> str:
        """Take the next token; return the text it makes showable. `over_budget()`, asked after the
        token, ends the sequence as "length" when True."""
        p, tracker = self.params, self.tracker
        if log_probs is not None and p.logprobs is not None:
            self.logprobs.append(self.vocab.token_logprob(log_probs, token, p.logprobs))
        if token in self.stop_ids and not p.ignore_eos:
            return self.finish(FinishReason.STOP)
        if self.penalties is not None:
            self.penalties.add(token)
        text = tracker.push(token)
        if tracker.stopped:
            return text + self.finish(FinishReason.STOP)
        if len(tracker.tokens) >= p.max_new_tokens or (over_budget is not None and over_budget()):
            return text + self.finish(FinishReason.LENGTH)
        return text

    def finish(self, reason: FinishReason) -> str:
        """End the sequence now; return the text that was still held back."""
        text = self.tracker.finish()
        self.completion = Completion(
            self.tracker.result,
            list(self.tracker.tokens),
            reason,
            self.prompt_length,
            self.logprobs if self.params.logprobs is not None else None,
            self.prompt_logprobs,
        )
        return text


@dataclass
class Row:
    """A running sequence in the batch: cache row = its index in Engine.rows."""

    owner: object  # whoever asked (an index, a server handle): handed back in each Event
    request: Request
    sequence: Sequence
    position: int  # cache positions written so far
    first_token_at: float | None = None


@dataclass
class Prefilling:
    """A long prompt being prefilled one chunk per step (Engine.start_prefill), in the cache's last row: the running
    rows (packed from row 0) and the rows admitted beside them never reach it while the scheduler keeps
    running + prefilling rows within the cache's rows, and a padded decode step's idle rows write only the last
    position, which no prompt reaches."""

    owner: object
    request: Request
    row: int
    done: int = 0  # prompt positions written so far


@dataclass
class Event:
    """What one step did to one row: the text it made showable ('' possibly), and the Completion if it ended."""

    owner: object
    text: str
    completion: Completion | None = None


def prefill_plan(device: torch.device) -> tuple[int, bool]:
    """Prompt tokens per prefill forward, and whether chunks attend without a mask (Transformer.forward's
    `chunk_start`: causal, then lower-right causal after cached keys; flash kernels on a GPU). On the CPU chunks
    keep the explicit mask of 512-token chunks, the path its figures and tests were measured on."""
    if device.type == "cuda":
        return CUDA_PREFILL_CHUNK, True
    return PREFILL_CHUNK, False


class Engine:
    def __init__(self, model: Transformer, vocab: Vocabulary):
        self.model = model
        self.vocab = vocab
        self.device = vocab.device
        if self.device.type == "cuda" and model.compiled_decode is None:
            from codellama import cuda_step

            cuda_step.install(model)  # decode steps as CUDA graphs over bucketed shapes
        self.rows: list[Row] = []
        self.logits: torch.Tensor | None = None  # (len(rows), V): each row's next-token distribution
        self.prefilling: list[Prefilling] = []  # at most one: see start_prefill

    @property
    def running(self) -> int:
        return len(self.rows)

    def check(self, request: Request, context: int, what: str = "the prompt") -> None:
        """Raise GenerationError when the request can never run within `context` positions."""
        request.params.validate()
        if not request.prompt_ids:
            raise GenerationError(EMPTY_PROMPT)
        need = len(request.prompt_ids) + request.params.max_new_tokens
        if need > context:
            raise ContextLengthError(
                f"{what} has {len(request.prompt_ids)} tokens; with max_new_tokens {request.params.max_new_tokens} "
                f"that needs {need} positions, beyond the context of {context} tokens: shorten the prompt or ask "
                f"for fewer tokens"
            )

    # -- admit: prefill new requests into free rows ------------------------------------------------
    def admit(self, requests: list[Request], owners: list[object]) -> None:
        """Prefill the requests into rows len(rows).. (the KV cache must have room); each identical
        prompt once, copied to the rows of its repeats."""
        start = len(self.rows)
        unique: dict[tuple[int, ...], int] = {}  # prompt -> its index among the prefilled ones
        for request in requests:
            unique.setdefault(tuple(request.prompt_ids), len(unique))
        firsts: dict[tuple[int, ...], Request] = {}
        for request in requests:
            firsts.setdefault(tuple(request.prompt_ids), request)
        want_lps = any(r.prompt_logprobs for r in firsts.values())
        logits, prompt_lps = self.prefill([list(key) for key in unique], want_lps, row_offset=start)
        # rows start..start+len(unique)-1 hold the unique prompts in order; repeats go after them
        order = [(o, r) for o, r in zip(owners, requests) if firsts[tuple(r.prompt_ids)] is r]
        order += [(o, r) for o, r in zip(owners, requests) if firsts[tuple(r.prompt_ids)] is not r]
        new_logits = []
        for slot, (owner, request) in enumerate(order, start=start):
            source = unique[tuple(request.prompt_ids)]
            if slot != start + source:
                self.model.cache.copy_row(start + source, slot, len(request.prompt_ids))
            row_logits = logits[source]
            if request.healed:  # the first token must start with the text taken off the prompt
                row_logits = row_logits.masked_fill(~self.vocab.tokens_starting_with(request.healed), -math.inf)
            new_logits.append(row_logits)
            sequence = Sequence(self.vocab, request)
            if prompt_lps and request.prompt_logprobs:
                sequence.prompt_logprobs = prompt_lps[source]
            self.rows.append(Row(owner, request, sequence, len(request.prompt_ids)))
        new = torch.stack(new_logits)
        self.logits = new if self.logits is None else torch.cat([self.logits, new])

    def prefill(
        self, prompts: list[list[int]], want_prompt_logprobs: bool = False, row_offset: int = 0
    ) -> tuple[torch.Tensor, list | None]:
        """Write the prompts into cache rows row_offset.. (right-padded, in chunks); return each one's
        next-token logits (B, V) and, if asked, the log-probability of every prompt token."""
        B = len(prompts)
        lengths = torch.tensor([len(ids) for ids in prompts], device=self.device)
        T = int(lengths.max())
        tokens = torch.zeros(B, T, dtype=torch.long, device=self.device)
        for i, ids in enumerate(prompts):
            tokens[i, : len(ids)] = torch.tensor(ids)
        last = lengths - 1
        logits = torch.zeros(B, self.model.args.vocab_size, device=self.device)
        prompt_lps = [[None] for _ in range(B)] if want_prompt_logprobs else None
        chunk_size, mask_free = prefill_plan(self.device)
        for start in range(0, T, chunk_size):
            end = min(start + chunk_size, T)
            positions = torch.arange(start, end, device=self.device).expand(B, -1)
            index = (last - start).clamp(0, end - start - 1)
            placed = dict(row_offset=row_offset, kv_len=end) | (dict(chunk_start=start) if mask_free else {})
            if want_prompt_logprobs:
                chunk_logits = self.model(tokens[:, start:end], positions, **placed)
                # each position's next prompt token, its log-probability gathered on the device, read once a chunk
                following = torch.cat([tokens[:, start + 1 : end + 1], tokens.new_zeros(B, 1)], dim=1)[:, : end - start]
                chosen = torch.log_softmax(chunk_logits.float(), dim=-1).gather(-1, following[..., None])[..., 0]
                for i, (ids, values) in enumerate(zip(prompts, chosen.tolist())):
                    for pos in range(start, min(end, len(ids) - 1)):
                        prompt_lps[i].append(self.vocab.prompt_logprob(ids[pos + 1], values[pos - start]))
                picked = chunk_logits[torch.arange(B), index]
            else:
                # a chunk of a longer prompt, copied with dense strides (a row's stride then equals the chunk's
                # length, as a whole prompt's does; .contiguous() keeps a single row's): one compiled graph for both
                chunk = tokens[:, start:end].clone(memory_format=torch.contiguous_format)
                picked = many_tokens_forward(self.model, B * (end - start))(
                    chunk, positions, output_index=index, **placed
                )[:, 0]
            in_chunk = (last >= start) & (last < end)
            logits = torch.where(in_chunk[:, None], picked, logits)  # (no boolean indexing: no read-back)
        return logits, prompt_lps

    # -- long prompts: prefilled a chunk per step, between the running rows' decode steps ------------------
    def prefills_in_steps(self, request: Request) -> bool:
        """Whether `request` should be admitted with start_prefill rather than admit: a prompt longer than one
        prefill chunk, where chunks run without a mask (prefill_plan: on a GPU), so that running streams get a
        token between its chunks instead of waiting for the whole prompt."""
        chunk, mask_free = prefill_plan(self.device)
        return mask_free and len(request.prompt_ids) > chunk and not request.prompt_logprobs

    def start_prefill(self, request: Request, owner: object) -> None:
        """Take a long prompt into the cache's last row, to be prefilled one chunk per `step`; when its last chunk
        is written it joins the running rows (copied down to the next packed row). One at a time; the caller keeps
        running + prefilling rows within the cache's rows."""
        cache = self.model.cache
        if self.prefilling:
            raise GenerationError("a long prompt is being prefilled already: admit the next one after it")
        if len(self.rows) >= cache.batch:
            raise GenerationError(f"no free KV cache row for a long prompt beside {len(self.rows)} running ones")
        self.prefilling.append(Prefilling(owner, request, cache.batch - 1))

    def _advance_prefill(self) -> None:
        """Write the next chunk of the prompt being prefilled; after its last one, it joins the running rows."""
        if not self.prefilling:
            return
        current = self.prefilling[0]
        ids = current.request.prompt_ids
        chunk, mask_free = prefill_plan(self.device)
        start, end = current.done, min(current.done + chunk, len(ids))
        tokens = torch.tensor([ids[start:end]], device=self.device)
        positions = torch.arange(start, end, device=self.device)[None]
        placed = dict(row_offset=current.row, kv_len=end) | (dict(chunk_start=start) if mask_free else {})
        last = torch.tensor([end - start - 1], device=self.device)
        logits = self.model(tokens, positions, output_index=last, **placed)[:, 0]
        current.done = end
        if end < len(ids):
            return
        self.prefilling.pop(0)
        slot = len(self.rows)
        if slot != current.row:
            self.model.cache.copy_row(current.row, slot, len(ids))
        if current.request.healed:
            logits = logits.masked_fill(~self.vocab.tokens_starting_with(current.request.healed), -math.inf)
        self.rows.append(Row(current.owner, current.request, Sequence(self.vocab, current.request), len(ids)))
        self.logits = logits if self.logits is None else torch.cat([self.logits, logits])

    def remove_prefilling(self, owners: list[object], reason: FinishReason | None = None) -> list[Event]:
        """Stop prefilling the prompts of `owners`; as `remove` does for rows (with a reason, an empty Completion)."""
        events = []
        for current in [p for p in self.prefilling if any(p.owner is o for o in owners)]:
            self.prefilling.remove(current)
            completion = None
            if reason is not None:
                sequence = Sequence(self.vocab, current.request)
                sequence.finish(reason)
                completion = sequence.completion
            events.append(Event(current.owner, "", completion))
        return events

    # -- step: one token for every row -----------------------------------------------------------
    def step(self) -> list[Event]:
        """Write one chunk of a long prompt being prefilled (if any), then sample a token for every row, advance its
        sequence, retire the rows that ended and run the decode forward for the rest. One Event per row, in row
        order."""
        self._advance_prefill()
        if not self.rows:
            return []
        sequences = [row.sequence for row in self.rows]
        tokens = sample(
            self.logits,
            [s.params for s in sequences],
            [s.rng for s in sequences],
            [s.penalties for s in sequences],
        )
        want_logprobs = any(s.params.logprobs is not None for s in sequences)
        log_probs = torch.log_softmax(self.logits, dim=-1) if want_logprobs else None
        now = time.monotonic()
        events, finished = [], []
        for i, (row, token) in enumerate(zip(self.rows, tokens.tolist())):  # one read of the tokens for all rows
            if row.first_token_at is None:
                row.first_token_at = now
            budget = (lambda row=row: _out_of_time(row)) if row.request.predict_seconds is not None else None
            text = row.sequence.advance(token, None if log_probs is None else log_probs[i], budget)
            events.append(Event(row.owner, text, row.sequence.completion))
            if row.sequence.completion is not None:
                finished.append(i)
        if finished:
            done = set(finished)
            tokens = tokens[[i for i in range(len(self.rows)) if i not in done]]
        self._drop(finished)
        if self.rows:
            at = [row.position for row in self.rows]
            positions = torch.tensor(at, device=self.device)[:, None]
            forward = self.model.compiled_decode or self.model
            self.logits = forward(tokens[:, None], positions, kv_len=max(at) + 1)[:, 0]
            for row in self.rows:
                row.position += 1
        return events

    # -- remove: rows leaving before they finished ---------------------------------------------------
    def remove(self, indices: list[int], reason: FinishReason | None = None) -> list[Event]:
        """Take rows out of the batch. With a reason, each sequence ends now with what it has (its Event
        carries the Completion); without (cancelled), the Events carry none."""
        events = []
        for i in indices:
            row = self.rows[i]
            text = row.sequence.finish(reason) if reason is not None else ""
            events.append(Event(row.owner, text, row.sequence.completion if reason is not None else None))
        self._drop(indices)
        return events

    def clear(self) -> None:
        self.rows, self.logits, self.prefilling = [], None, []

    def _drop(self, indices: list[int]) -> None:
        """Take rows out and pack the rest into rows 0..n-1 (their cached positions copied down)."""
        if not indices:
            return
        gone = set(indices)
        survivors = [i for i in range(len(self.rows)) if i not in gone]
        for target, source in enumerate(survivors):
            if source != target:
                self.model.cache.copy_row(source, target, self.rows[source].position)
        self.rows = [self.rows[i] for i in survivors]
        self.logits = self.logits[survivors] if self.rows else None


def cpp_compiler_available() -> bool:
    """Whether torch.compile's CPU backend has a C++ compiler to build its kernels with."""
    return bool(os.environ.get("CXX") or any(shutil.which(c) for c in ("g++", "clang++", "c++")))


RECOMPILE_LIMIT = 16  # graphs of the compiled forward before dynamo runs a new kind eagerly (compile_decode)


def compile_decode(model: Transformer) -> None:
    """From now on, run `model`'s one-token decode steps (Engine.step) through torch.compile: inductor's C++
    kernels fuse the norms, rotary, casts and the cache write around the quantised matmuls and attention, and
    one call replaces hundreds of Python-dispatched ops. Prefill chunks of INT4_DEQUANTIZED_FROM tokens or more
    run compiled too (a graph of their own), where the int4 layers unpack their weights for a bf16 matmul;
    shorter prompts prefill eagerly.

    Compiling happens at the first step of each shape class: a batch of 1 and of 2 or more rows (and a KV
    cache of one row), each a graph of its own (the batch size, cache size and positions are dynamic within
    one). It takes a minute or two on a small CPU (cached on disk by inductor: later processes take seconds),
    and the compiled logits differ from eager ones by float rounding (not bit for bit). See
    docs/quantization.md for the figures."""
    import torch.fx.experimental._config as fx_config

    device = model.norm.weight.device
    if device.type == "cuda":  # CUDA graphs over inductor's kernels, one per batch bucket and cache window
        from codellama import cuda_step

        cuda_step.install(model, compile=True)
        return
    if device.type == "cpu" and not cpp_compiler_available():
        raise GenerationError(
            "compiling the decode step needs a C++ compiler for torch.compile's CPU backend (g++ or clang++, or "
            "one named by CXX): install one, or run without --compile"
        )
    # this model's graphs are cached on a code object of its own: they check nothing of its modules
    # (_skip_module_guards), so they must never meet another model's forward
    compiled = torch.compile(
        _own_code(model.forward), dynamic=True, options={"guard_filter_fn": _skip_module_guards(model)}
    )

    def decode(*args, **kwargs) -> torch.Tensor:
        # float attributes (the norms' eps) as constants, not symbols: else dynamo traces the model twice; and
        # no "duck" sizes (a cache of 3 rows sharing a symbol with 3 kv heads), which would recompile later.
        # Generator.warm_up's graph kinds are 7, one short of dynamo's default limit of 8 graphs a function, past
        # which every new kind would run eagerly without a word: room for a few more
        with (
            torch._dynamo.config.patch(specialize_float=True, recompile_limit=RECOMPILE_LIMIT),
            fx_config.patch(use_duck_shape=False),
        ):
            return compiled(*args, **kwargs)

    model.compiled_decode = decode


def _skip_module_guards(model: Transformer) -> Callable[[list], list[bool]]:
    """A guard filter for torch.compile: no checks on the loaded model's modules and weights. Dynamo guards
    everything a graph read: ~5,000 checks on a 30-layer model (each module's hooks, attributes such as
    `n_heads`, each weight's dtype, device, shape and strides), which took ~1.3 ms of a ~13 ms decode step. A
    loaded model's modules and weights do not change (compile_decode comes after loading; nothing registers
    hooks or swaps layers later). What does change keeps its guards: the inputs, the KV cache (`self.cache`,
    whose rows and length the graphs are specialised on), globals, and a buffer replaced by a new tensor (the
    rotary frequencies of set_rope: another identity than the weights held here)."""
    weights = {id(t): t for t in (*model.parameters(), *model.buffers())}  # held: no other tensor takes their ids

    def keep(entries: list) -> list[bool]:
        return [
            not (e.name.startswith("self._modules[") or (e.guard_type == "TENSOR_MATCH" and id(e.value) in weights))
            for e in entries
        ]

    return keep


def _own_code(method: Callable) -> Callable:
    """`method` as a bound method whose function has a copy of its code object: dynamo keeps compiled graphs
    per code object, so a graph compiled for this instance is never tried for another one."""
    function = method.__func__
    copy = types.FunctionType(
        function.__code__.replace(),
        function.__globals__,
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )
    copy.__kwdefaults__ = function.__kwdefaults__
    return types.MethodType(copy, method.__self__)


def many_tokens_forward(model: Transformer, tokens: int) -> Callable[..., torch.Tensor]:
    """What runs a forward over `tokens` tokens at once (a prefill chunk, infill candidates being scored): the
    compiled graph, if decode steps run compiled and there are enough tokens for the int4 layers to unpack their
    weights for a bf16 matmul, fused (quant.INT4_DEQUANTIZED_FROM), where they can (quant.unpacks_for_many_rows);
    else the eager model."""
    compiled = model.compiled_decode
    many = compiled is not None and tokens >= INT4_DEQUANTIZED_FROM
    return compiled if many and unpacks_for_many_rows(model) else model


def _out_of_time(row: Row) -> bool:
    """llama.cpp's t_max_predict_ms: past the budget, a completion ends once it has a whole line."""
    return time.monotonic() - row.first_token_at > row.request.predict_seconds and "\n" in row.sequence.tracker.result


# -- sampling ----------------------------------------------------------------------------------------
def sample(
    logits: torch.Tensor,
    params: list[SamplingParams],
    generators: list[torch.Generator],
    penalties: list[Penalties | None],
) -> torch.Tensor:
    """The next token of every row (B,): greedy rows by one argmax; the others penalised and sampled.
    `penalties`: each penalised row's token counts (None for the others).

    On a GPU (`batch_sampling`), the rows that sample without a seed or penalties are drawn together on the device
    (`sample_rows`, one generator for the batch: `generators[0]` of those rows); seeded rows keep their own
    generator, so a seed gives the same text as before."""
    out = logits.argmax(dim=-1)
    together = []
    if batch_sampling(logits.device):
        together = [i for i, p in enumerate(params) if p.temperature > 0 and p.seed is None and not p.penalised]
    if len(together) > 1:
        rows = torch.tensor(together, device=logits.device)
        chosen = [params[i] for i in together]

        def column(values, dtype):
            return torch.tensor(values, dtype=dtype, device=logits.device)

        out[rows] = sample_rows(
            logits[rows],
            column([p.temperature for p in chosen], torch.float32),
            column([p.top_k for p in chosen], torch.long),
            column([p.top_p for p in chosen], torch.float32),
            column([p.min_p for p in chosen], torch.float32),
            generators[together[0]],
        )
    done = set(together) if len(together) > 1 else set()
    for i, p in enumerate(params):
        if (p.temperature == 0 and not p.penalised) or i in done:
            continue
        row = penalties[i].apply(logits[i], p) if p.penalised else logits[i]
        out[i] = row.argmax() if p.temperature == 0 else sample_token(row, p, generators[i])
    return out


def batch_sampling(device: torch.device) -> bool:
    """Whether unseeded sampling rows are drawn together (`sample_rows`): on a GPU, where a loop over rows costs
    several launches and reads back per row. The CPU keeps the row-by-row draw its figures were measured on."""
    return device.type == "cuda"


def sample_rows(
    logits: torch.Tensor,
    temperature: torch.Tensor,
    top_k: torch.Tensor,
    top_p: torch.Tensor,
    min_p: torch.Tensor,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """One token for each row of `logits` (B, V), each row with its own temperature, top-k (0: off), top-p and
    min-p (each (B,)), all on the device in one pass: the same distribution as `sample_token` row by row (top-k's
    candidates, min-p relative to the most likely, then the nucleus of what is left, unrenormalised between the
    steps as there). Nothing is read back."""
    B, V = logits.shape
    scaled = logits.float() / temperature.clamp_min(1e-4)[:, None]
    ordered, ids = scaled.sort(dim=-1, descending=True)
    ranks = torch.arange(V, device=logits.device)
    k = torch.where(top_k > 0, top_k.clamp_max(V), V)
    probs = torch.softmax(ordered.masked_fill(ranks >= k[:, None], -math.inf), dim=-1)
    probs = probs.masked_fill(probs < min_p[:, None] * probs[:, :1], 0)
    probs = probs.masked_fill(probs.cumsum(-1) - probs > top_p[:, None], 0)
    usable = torch.isfinite(probs).all(-1) & (probs.sum(-1) > 0)
    probs = torch.where(usable[:, None], probs, (ranks == 0).to(probs.dtype))  # nothing sensible: the best token
    choice = torch.multinomial(probs, 1, generator=generator)
    return ids.gather(-1, choice)[:, 0]


class Penalties:
    """What a penalised row's penalties read, kept on the logits' device and updated a token at a time (no history
    re-uploaded each step, which a 100k-token prompt would make cost more than the step): which tokens the prompt
    and the output hold (the repetition penalty, llama.cpp's) and how often each was generated (presence and
    frequency, OpenAI's: generated tokens only)."""

    def __init__(self, prompt_ids: list[int], vocab_size: int, device: torch.device):
        self.seen = torch.zeros(vocab_size, dtype=torch.bool, device=device)
        if prompt_ids:
            self.seen[torch.tensor(prompt_ids, device=device)] = True
        self.generated = torch.zeros(vocab_size, device=device)

    def add(self, token: int) -> None:
        """A token was generated."""
        self.seen[token] = True
        self.generated[token] += 1

    def apply(self, row: torch.Tensor, p: SamplingParams) -> torch.Tensor:
        """`row` (V,) of logits with `p`'s penalties applied (a new tensor)."""
        if p.repetition_penalty != 1.0:
            penalised = torch.where(row > 0, row / p.repetition_penalty, row * p.repetition_penalty)
            row = torch.where(self.seen, penalised, row)
        if p.presence_penalty or p.frequency_penalty:
            counts = self.generated.to(row.dtype)
            row = row - torch.where(counts > 0, p.presence_penalty + p.frequency_penalty * counts, 0.0)
        return row


def sample_token(logits: torch.Tensor, p: SamplingParams, generator: torch.Generator) -> int:
    """Sample from one row of logits with temperature, top-k, top-p and min-p.

    Only the candidates are ranked and drawn from: top-k's, and under top-p the nucleus, found among the
    most likely tokens (a sort of the whole vocabulary, and a draw over all of it, took milliseconds a token)."""
    logits = logits / max(p.temperature, 1e-4)  # a vanishing temperature is greedy, not a division by zero
    ids = None  # the candidates' token ids, most likely first (None: the whole vocabulary, in order)
    if p.top_k:
        logits, ids = logits.topk(min(p.top_k, logits.numel()))
    probs = torch.softmax(logits, dim=-1)
    if p.min_p > 0:
        probs = probs.masked_fill(probs < p.min_p * probs.max(), 0)
    candidates = ids
    if p.top_p < 1:
        probs, ranks = nucleus(probs, p.top_p)
        ids = ranks if ids is None else ids[ranks]
    if not bool(torch.isfinite(probs).all()) or float(probs.sum()) <= 0:  # nothing sensible to sample from
        best = int(logits.argmax())
        return best if candidates is None else int(candidates[best])
    choice = int(torch.multinomial(probs, 1, generator=generator))
    return choice if ids is None else int(ids[choice])


NUCLEUS_FIRST_LOOK = 64  # ranks searched first for the top-p nucleus; widened while it holds too little


def nucleus(probs: torch.Tensor, top_p: float) -> tuple[torch.Tensor, torch.Tensor]:
    """The smallest set of most likely tokens whose probability reaches `top_p`: their probabilities (most
    likely first, the rest of the searched ranks zeroed) and their indices into `probs`. Exact: the search
    widens until the ranks it holds sum past `top_p`, so every token beyond them is outside the nucleus."""
    n, k = probs.numel(), min(NUCLEUS_FIRST_LOOK, probs.numel())
    while True:
        top, order = probs.topk(k)
        if k == n or float(top.sum()) > top_p:
            break
        k = min(k * 16, n)
    cumulative = top.cumsum(-1)
    return top.masked_fill(cumulative - top > top_p, 0), order
