"""Continuous batching: requests join and leave the running batch at token granularity.

One thread owns the model and drives the decode engine (`codellama/engine.py`), which
keeps the running sequences packed in the rows of one static KV cache. This module adds
what a server needs around it: a bounded queue, deadlines, cancellation and the handles
that stream each job's deltas to its client. A step:

  1. drop rows whose client went away or whose deadline passed;
  2. admit waiting requests into free rows (the engine prefills them);
  3. one engine step: a token for every row, its text to its handle, finished rows retired.

Work that needs the model to itself with a cache of its own (infilling by ranking, for
models without infill tokens) runs between steps with the batch's cache set aside.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import torch

from codellama.engine import Completion, Delta, Engine, FinishReason, GenerationError, Request
from codellama.generation import Generator

log = logging.getLogger("codellama.server")
DELIVERY_INTERVAL = 0.05  # seconds: streamed deltas are handed to the event loop at most this often (Handle._put)

Job = Request  # one sequence to generate; its deadline and predict_seconds are the scheduler's to enforce


class QueueFull(Exception):
    """The waiting queue is at its bound: the client should retry later."""


class DeadlineExceeded(Exception):
    """The request waited past its deadline before it could start."""


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
        self._held: list = []  # deltas not yet handed to the event loop (see _put)
        self._handed_over_at = 0.0

    def cancel(self) -> None:
        self.cancelled = True

    def _put(self, item: Delta | BaseException) -> None:
        if self._loop is None:
            self._sync.append(item)
            self._ready.set()
            return
        # Each hand-over wakes the event loop's thread, which then competes for a core with the engine's
        # OpenMP workers in the middle of a step; so deltas that come within DELIVERY_INTERVAL of the last
        # hand-over wait for the next one (at most one token late). The first and the last go at once.
        self._held.append(item)
        now = time.monotonic()
        last = isinstance(item, BaseException) or (isinstance(item, Delta) and item.completion is not None)
        if not last and now - self._handed_over_at < DELIVERY_INTERVAL:
            return
        self.flush(now)

    def flush(self, now: float | None = None) -> None:
        """Hand the held deltas to the event loop now (before the scheduler pauses the batch)."""
        if not self._held:
            return
        items, self._held, self._handed_over_at = self._held, [], now or time.monotonic()
        try:
            self._loop.call_soon_threadsafe(self._hand_over, items)
        except RuntimeError:  # the event loop is closed: nobody is listening any more
            self.cancelled = True

    def _hand_over(self, items: list) -> None:
        for item in items:
            self._queue.put_nowait(item)

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
class SchedulerStats:
    prompt_tokens: int = 0
    generated_tokens: int = 0
    tokens_per_second: float = 0.0  # generated, averaged over the last few seconds


class Scheduler:
    def __init__(
        self,
        generator: Generator,
        max_batch: int = 8,
        context: int | None = None,
        max_queue: int = 64,
        on_finish: Callable[[Handle, Completion | None], None] | None = None,
    ):
        self.generator = generator
        self.model = generator.model
        self.engine = Engine(generator.model, generator.vocab)  # its rows' owners are Handles
        self.max_batch = max_batch
        self.context = min(context or generator.context_length, generator.context_length)
        self.max_queue = max_queue
        self.on_finish = on_finish  # called on the scheduler thread when a job ends (None: cancelled/failed)
        self.stats = SchedulerStats()
        self._waiting: deque[Handle] = deque()
        self._exclusive: deque[tuple[Callable, concurrent.futures.Future]] = deque()
        self._admitting: list[Handle] = []  # taken from the queue, not yet rows (ended if admission fails)
        self._wake = threading.Condition()
        self._stopping = False
        self._recent: deque[tuple[float, int]] = deque()
        # the KV cache now, not on the thread: one that cannot fit (Transformer.setup_cache's message names
        # --parallel and --ctx-size) fails the server's start instead of leaving it up with no one generating.
        # As inference tensors, as the Generator's are: a compiled graph guards on that (its dispatch keys), so a
        # cache made outside inference mode missed every graph Generator.warm_up had compiled; the recompiles
        # then reached dynamo's limit and the batched steps ran eagerly.
        with torch.inference_mode():
            self.model.setup_cache(self.max_batch, self.context)
        self._thread = threading.Thread(target=self._loop, name="codellama-scheduler", daemon=True)
        self._thread.start()

    # -- the consumer side -----------------------------------------------------------------
    @property
    def running(self) -> int:
        return self.engine.running

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def check(self, job: Job) -> None:
        """Raise GenerationError when the job can never run here (checked before it queues)."""
        self.engine.check(job, self.context, "the prompt")

    def submit(self, jobs: list[Job], loop: asyncio.AbstractEventLoop | None = None) -> list[Handle]:
        """Queue jobs (all or none); their Handles stream the results. `loop`: the asyncio loop that
        will read the handles (None: read them with a plain `for`)."""
        for job in jobs:
            self.check(job)
        if len(jobs) > self.max_queue:
            raise GenerationError(
                f"the request asks for {len(jobs)} sequences (prompts x n); this server queues "
                f"at most {self.max_queue} (--max-queue): ask for fewer"
            )
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
        with torch.inference_mode():
            self.model.setup_cache(self.max_batch, self.context)
            while True:
                with self._wake:
                    while not (self._stopping or self._busy() or self._waiting or self._exclusive):
                        self._wake.wait()
                    if self._stopping:
                        break
                try:
                    self._run_exclusive_work()
                    self._step()
                except Exception as e:  # a failure of ours (not the request's): fail those in the batch, keep serving
                    log.exception("generation step failed")
                    failed = {id(h): h for h in self._handles() + self._prefilling() + self._admitting}
                    for handle in failed.values():
                        self._end(handle, RuntimeError(f"generation failed: {e}"))
                    self.engine.clear()
                    self._admitting = []
        for handle in self._handles() + self._prefilling() + list(self._waiting):
            self._end(handle, RuntimeError("the server is shutting down"))
        while self._exclusive:
            self._exclusive.popleft()[1].set_exception(RuntimeError("the server is shutting down"))

    def _handles(self) -> list[Handle]:
        return [row.owner for row in self.engine.rows]

    def _prefilling(self) -> list[Handle]:
        return [p.owner for p in self.engine.prefilling]

    def _busy(self) -> bool:
        return bool(self.engine.running or self.engine.prefilling)

    def _run_exclusive_work(self) -> None:
        if self._exclusive:  # the batch waits for this work: what it has written so far goes out first
            for handle in self._handles():
                handle.flush()
        while self._exclusive:
            work, future = self._exclusive.popleft()
            if not future.set_running_or_notify_cancel():
                continue
            batch_cache, self.model.cache = self.model.cache, None  # set the batch's cache aside
            try:
                future.set_result(work())
            except Exception as e:
                future.set_exception(e)
            finally:
                self.model.cache = batch_cache

    def _step(self) -> None:
        engine = self.engine
        now = time.monotonic()
        for event in engine.remove([i for i, h in enumerate(self._handles()) if h.cancelled]):
            self._end(event.owner, None)
        for event in engine.remove([i for i, h in enumerate(self._handles()) if _expired(h, now)], FinishReason.LENGTH):
            self._deliver(event.owner, event.text, event.completion)
        for event in engine.remove_prefilling([h for h in self._prefilling() if h.cancelled]):
            self._end(event.owner, None)
        for event in engine.remove_prefilling([h for h in self._prefilling() if _expired(h, now)], FinishReason.LENGTH):
            self._deliver(event.owner, event.text, event.completion)
        self._admit(time.monotonic())
        events = engine.step()
        for event in events:
            if event.owner.first_token_at is None:
                event.owner.first_token_at = time.monotonic()
            self._deliver(event.owner, event.text, event.completion)
        self.stats.generated_tokens += len(events)
        if events:
            self._count_recent(len(events))

    def _deliver(self, handle: Handle, text: str, completion: Completion | None) -> None:
        if completion is None:
            if text:
                handle._put(Delta(0, text))
            return
        handle._put(Delta(0, text, completion))
        self._end(handle, completion)

    def _end(self, handle: Handle, outcome: Completion | BaseException | None) -> None:
        if isinstance(outcome, BaseException):
            handle._put(outcome)
        handle._put(StopIteration())
        if self.on_finish is not None:
            try:
                self.on_finish(handle, outcome if isinstance(outcome, Completion) else None)
            except Exception:
                log.exception("on_finish hook failed")

    def _admit(self, now: float) -> None:
        """Move waiting jobs into free rows. A long prompt (Engine.prefills_in_steps: on a GPU, longer than a
        prefill chunk) is prefilled a chunk per step while the running rows keep decoding, one such prompt at a
        time (the next waits at the head of the queue)."""
        admitted: list[Handle] = []
        long_prompt: Handle | None = None
        engine = self.engine
        with self._wake:
            while self._waiting and (
                engine.running + len(engine.prefilling) + (long_prompt is not None) + len(admitted) < self.max_batch
            ):
                handle = self._waiting[0]
                if handle.cancelled:
                    self._end(self._waiting.popleft(), None)
                elif _expired(handle, now):
                    self._end(
                        self._waiting.popleft(),
                        DeadlineExceeded("the request waited past its deadline before a slot was free"),
                    )
                elif engine.prefills_in_steps(handle.job):
                    if engine.prefilling or long_prompt is not None:
                        break
                    long_prompt = self._waiting.popleft()
                else:
                    admitted.append(self._waiting.popleft())
        if long_prompt is not None:
            self._admitting = [long_prompt]
            engine.start_prefill(long_prompt.job, long_prompt)
            self.stats.prompt_tokens += len(long_prompt.job.prompt_ids)
            self._admitting = []
        if not admitted:
            return
        self._admitting = admitted
        self.engine.admit([h.job for h in admitted], owners=admitted)
        self.stats.prompt_tokens += sum(len(h.job.prompt_ids) for h in admitted)
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
