"""Continuous batching: requests join and leave the running batch at token granularity.

One thread owns the model. Every running sequence has a row of one static KV cache; the
running rows are kept packed at rows 0..n-1 (a finished row's place is taken by the last
one), so each decode step is a single forward over a contiguous batch. A step:

  1. drop rows whose client went away or whose deadline passed;
  2. admit waiting requests into free rows and prefill them (the same prompt asked for
     n times is prefilled once and its cache row copied);
  3. sample one token for every row, hand out the text it completes, retire the rows
     that finished;
  4. one decode forward for the rest.

Work that needs the model to itself with a cache of its own (infilling by ranking, for
models without infill tokens) runs between steps with the batch's cache set aside.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import torch

from codellama.generation import Completion, Delta, GenerationError, Generator, SamplingParams, Sequence

log = logging.getLogger("codellama.server")


class QueueFull(Exception):
    """The waiting queue is at its bound: the client should retry later."""


class DeadlineExceeded(Exception):
    """The request waited past its deadline before it could start."""


@dataclass
class Job:
    """One sequence to generate."""

    prompt_ids: list[int]
    params: SamplingParams
    prompt_text: str = ""  # the text the prompt ends with, for code-aware stops
    healed: str = ""  # text token healing took off the prompt (see Generator.heal_prompt)
    stop_ids: set[int] | None = None  # None: the tokenizer's end-of-sequence tokens
    prompt_logprobs: bool = False
    deadline: float | None = None  # time.monotonic() past which generation stops
    predict_seconds: float | None = None  # editors' budget: stop at a line end once generating took this long


class Handle:
    """The consumer's side of a job: an async iterator of Deltas, ending with the one that carries
    the Completion. `cancel()` frees the job's row at the next step."""

    def __init__(self, job: Job, loop: asyncio.AbstractEventLoop | None):
        self.job = job
        self.cancelled = False
        self.submitted = time.monotonic()
        self.first_token_at: float | None = None
        self._loop = loop
        self._queue: asyncio.Queue | None = asyncio.Queue() if loop else None
        self._sync: deque = deque()
        self._ready = threading.Event()

    def cancel(self) -> None:
        self.cancelled = True

    def _put(self, item: Delta | BaseException) -> None:
        if self._loop is None:
            self._sync.append(item)
            self._ready.set()
            return
        try:
            self._loop.call_soon_threadsafe(self._queue.put_nowait, item)
        except RuntimeError:  # the event loop is closed: nobody is listening any more
            self.cancelled = True

    def __aiter__(self):
        return self

    async def __anext__(self) -> Delta:
        item = await self._queue.get()
        return self._unwrap(item)

    def __iter__(self):
        return self

    def __next__(self) -> Delta:
        while not self._sync:
            self._ready.wait()
            self._ready.clear()
        return self._unwrap(self._sync.popleft())

    def _unwrap(self, item):
        if isinstance(item, StopIteration):
            raise StopAsyncIteration if self._loop else StopIteration
        if isinstance(item, BaseException):
            raise item
        return item


@dataclass
class _Row:
    handle: Handle
    sequence: Sequence
    position: int  # cache positions written so far


@dataclass
class SchedulerStats:
    prompt_tokens: int = 0
    generated_tokens: int = 0
    tokens_per_second: float = 0.0  # generated, averaged over the last few seconds


class Scheduler:
    def __init__(self, generator: Generator, max_batch: int = 8, context: int | None = None, max_queue: int = 64,
                 on_finish: Callable[[Handle, Completion | None], None] | None = None):
        self.generator = generator
        self.model = generator.model
        self.max_batch = max_batch
        self.context = min(context or generator.context_length, generator.context_length)
        self.max_queue = max_queue
        self.on_finish = on_finish  # called on the scheduler thread when a job ends (None: cancelled/failed)
        self.stats = SchedulerStats()
        self._waiting: deque[Handle] = deque()
        self._exclusive: deque[tuple[Callable, concurrent.futures.Future]] = deque()
        self._rows: list[_Row] = []
        self._logits: torch.Tensor | None = None  # (len(rows), V): each row's next-token distribution
        self._admitting: list[Handle] = []  # taken from the queue, not yet rows (ended if admission fails)
        self._cache = None  # the batch's KV cache while exclusive work runs
        self._wake = threading.Condition()
        self._stopping = False
        self._recent: deque[tuple[float, int]] = deque()
        self._thread = threading.Thread(target=self._loop, name="codellama-scheduler", daemon=True)
        self._thread.start()

    # -- the consumer side -----------------------------------------------------------------
    @property
    def running(self) -> int:
        return len(self._rows)

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def check(self, job: Job) -> None:
        """Raise GenerationError when the job can never run here (checked before it queues)."""
        job.params.validate()
        if not job.prompt_ids:
            raise GenerationError("the prompt is empty: give some text to continue")
        need = len(job.prompt_ids) + job.params.max_new_tokens
        if need > self.context:
            raise GenerationError(
                f"the prompt has {len(job.prompt_ids)} tokens; with max_tokens {job.params.max_new_tokens} that "
                f"needs {need} positions, beyond this server's context of {self.context} tokens per request: "
                f"shorten the prompt or ask for fewer tokens")

    def submit(self, jobs: list[Job], loop: asyncio.AbstractEventLoop | None = None) -> list[Handle]:
        """Queue jobs (all or none); their Handles stream the results. `loop`: the asyncio loop that
        will read the handles (None: read them with a plain `for`)."""
        for job in jobs:
            self.check(job)
        if len(jobs) > self.max_queue:
            raise GenerationError(f"the request asks for {len(jobs)} sequences (prompts x n); this server queues "
                                  f"at most {self.max_queue} (--max-queue): ask for fewer")
        handles = [Handle(job, loop) for job in jobs]
        with self._wake:
            for gone in [h for h in self._waiting if h.cancelled]:  # their clients left: free their places
                self._waiting.remove(gone)
                self._end(gone, None)
            if len(self._waiting) + len(handles) > self.max_queue:
                raise QueueFull(f"{len(self._waiting)} requests are waiting (the bound is {self.max_queue})")
            self._waiting.extend(handles)
            self._wake.notify()
        return handles

    def run_exclusive(self, work: Callable[[], object]) -> concurrent.futures.Future:
        """Run `work()` on the scheduler thread with the model to itself (and a KV cache of its own)."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        with self._wake:
            self._exclusive.append((work, future))
            self._wake.notify()
        return future

    def close(self) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self._thread.join(timeout=10)

    # -- the scheduler thread --------------------------------------------------------------
    def _loop(self) -> None:
        self.model.setup_cache(self.max_batch, self.context)
        with torch.inference_mode():
            while True:
                with self._wake:
                    while not (self._stopping or self._rows or self._waiting or self._exclusive):
                        self._wake.wait()
                    if self._stopping:
                        break
                try:
                    self._run_exclusive_work()
                    self._step()
                except Exception as e:  # a failure of ours (not the request's): fail those in the batch, keep serving
                    log.exception("generation step failed")
                    failed = {id(h): h for h in [r.handle for r in self._rows] + self._admitting}
                    for handle in failed.values():
                        self._end(handle, RuntimeError(f"generation failed: {e}"))
                    self._rows, self._logits, self._admitting = [], None, []
        for handle in [r.handle for r in self._rows] + list(self._waiting):
            self._end(handle, RuntimeError("the server is shutting down"))
        while self._exclusive:
            self._exclusive.popleft()[1].set_exception(RuntimeError("the server is shutting down"))

    def _run_exclusive_work(self) -> None:
        while self._exclusive:
            work, future = self._exclusive.popleft()
            if not future.set_running_or_notify_cancel():
                continue
            batch_cache = self.model.swap_cache(None)
            try:
                future.set_result(work())
            except Exception as e:
                future.set_exception(e)
            finally:
                self.model.swap_cache(batch_cache)

    def _step(self) -> None:
        now = time.monotonic()
        self._retire([i for i, r in enumerate(self._rows) if r.handle.cancelled], None)
        self._retire([i for i, r in enumerate(self._rows) if _expired(r.handle, now)], "length")
        self._admit(time.monotonic())
        if not self._rows:
            return
        generator = self.generator
        sequences = [r.sequence for r in self._rows]
        params = [s.params for s in sequences]
        tokens = generator.sample(self._logits, params, [s.rng for s in sequences], [s.history for s in sequences],
                                  [s.tracker.tokens for s in sequences])
        want_logprobs = any(p.logprobs is not None for p in params)
        log_probs = torch.log_softmax(self._logits, dim=-1) if want_logprobs else None
        finished: list[int] = []
        for i, row in enumerate(self._rows):
            if self._advance(row, int(tokens[i]), log_probs[i] if want_logprobs else None):
                finished.append(i)
        self.stats.generated_tokens += len(self._rows)
        self._count_recent(len(self._rows))
        done = set(finished)
        survivors = [i for i in range(len(self._rows)) if i not in done]
        feed = tokens[survivors]
        self._retire(finished, "done")
        if not self._rows:
            self._logits = None
            return
        positions = torch.tensor([r.position for r in self._rows], device=generator.device)
        first = torch.zeros(len(self._rows), dtype=torch.long, device=generator.device)
        logits = self.model(feed[:, None], positions[:, None], output_index=first)
        self._logits = logits[:, 0]
        for row in self._rows:
            row.position += 1

    def _advance(self, row: _Row, token: int, log_probs: torch.Tensor | None) -> bool:
        """Give the row its next token; True when the row is finished."""
        if row.handle.first_token_at is None:
            row.handle.first_token_at = time.monotonic()
        budget = (lambda: self._out_of_time(row)) if row.handle.job.predict_seconds is not None else None
        text = row.sequence.advance(token, log_probs, over_budget=budget)
        if row.sequence.completion is None:
            if text:
                row.handle._put(Delta(0, text))
            return False
        self._complete(row, text)
        return True

    def _out_of_time(self, row: _Row) -> bool:
        """llama.cpp's t_max_predict_ms: past the budget, a completion ends once it has a whole line."""
        return (time.monotonic() - row.handle.first_token_at > row.handle.job.predict_seconds
                and "\n" in row.sequence.tracker.result)

    def _complete(self, row: _Row, text: str) -> None:
        completion = row.sequence.completion
        row.handle._put(Delta(0, text, completion))
        self._end(row.handle, completion)

    def _end(self, handle: Handle, outcome: Completion | BaseException | None) -> None:
        if isinstance(outcome, BaseException):
            handle._put(outcome)
        handle._put(StopIteration())
        if self.on_finish is not None:
            try:
                self.on_finish(handle, outcome if isinstance(outcome, Completion) else None)
            except Exception:
                log.exception("on_finish hook failed")

    def _retire(self, indices: list[int], reason: str | None) -> None:
        """Take rows out of the batch and pack the rest into rows 0..n-1.
        reason: "length" (deadline: finish with what there is), None (cancelled), "done" (already finished)."""
        if not indices:
            return
        for i in indices:
            row = self._rows[i]
            if reason == "length":
                self._complete(row, row.sequence.finish("length"))
            elif reason is None:
                self._end(row.handle, None)
        gone = set(indices)
        survivors = [i for i in range(len(self._rows)) if i not in gone]
        for target, source in enumerate(survivors):
            if source != target:
                self.model.move_cache_row(source, target, self._rows[source].position)
        if self._logits is not None and len(self._logits) == len(self._rows):
            self._logits = self._logits[survivors]
        self._rows = [self._rows[i] for i in survivors]

    def _admit(self, now: float) -> None:
        admitted: list[Handle] = []
        with self._wake:
            while self._waiting and len(self._rows) + len(admitted) < self.max_batch:
                handle = self._waiting.popleft()
                if handle.cancelled:
                    self._end(handle, None)
                elif _expired(handle, now):
                    self._end(handle, DeadlineExceeded("the request waited past its deadline before a slot was free"))
                else:
                    admitted.append(handle)
        if not admitted:
            return
        self._admitting = admitted
        # the same prompt asked for several times (n > 1) is prefilled once
        unique: dict[int, int] = {}
        for handle in admitted:
            unique.setdefault(id(handle.job.prompt_ids), len(unique))
        firsts = {}
        for handle in admitted:
            firsts.setdefault(id(handle.job.prompt_ids), handle)
        prompts = [h.job.prompt_ids for h in firsts.values()]
        start = len(self._rows)
        lengths = torch.tensor([len(ids) for ids in prompts], device=self.generator.device)
        want_lps = any(h.job.prompt_logprobs for h in firsts.values())
        logits, prompt_lps = self.generator.prefill(prompts, lengths, want_lps, row_offset=start)
        # rows start..start+len(prompts)-1 hold the unique prompts; copies go after them
        order = list(firsts.values()) + [h for h in admitted if firsts[id(h.job.prompt_ids)] is not h]
        new_logits = []
        for slot, handle in enumerate(order, start=start):
            source = unique[id(handle.job.prompt_ids)]
            if slot != start + source:
                self.model.move_cache_row(start + source, slot, len(handle.job.prompt_ids))
            new_logits.append(logits[source])
            job = handle.job
            sequence = Sequence(self.generator, job.prompt_ids, job.params, job.prompt_text, job.healed, job.stop_ids)
            if prompt_lps and job.prompt_logprobs:
                sequence.prompt_logprobs = prompt_lps[source]
            self._rows.append(_Row(handle, sequence, len(job.prompt_ids)))
            self.stats.prompt_tokens += len(handle.job.prompt_ids)
        # token healing: the first token must start with the text taken off the prompt
        new_logits = torch.stack(new_logits)
        for j, handle in enumerate(order):
            if handle.job.healed:
                mask = self.generator.tokens_starting_with(handle.job.healed)
                new_logits[j] = new_logits[j].masked_fill(~mask, -math.inf)
        self._logits = new_logits if self._logits is None else torch.cat([self._logits, new_logits])
        self._admitting = []

    def _count_recent(self, tokens: int, window: float = 5.0) -> None:
        now = time.monotonic()
        self._recent.append((now, tokens))
        while self._recent and self._recent[0][0] < now - window:
            self._recent.popleft()
        span = max(now - self._recent[0][0], 1e-3) if len(self._recent) > 1 else window
        self.stats.tokens_per_second = sum(n for _, n in self._recent) / span


def _expired(handle: Handle, now: float) -> bool:
    return handle.job.deadline is not None and now > handle.job.deadline
