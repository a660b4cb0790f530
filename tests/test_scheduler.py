"""The continuous-batching scheduler: sequences that join and leave a running batch give exactly what
they give alone; cancelled and expired ones free their rows; the queue is bounded."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
import torch

from codellama.engine import Completion, Delta, FinishReason
from codellama.generation import GenerationError, Generator, SamplingParams
from codellama.server.scheduler import DeadlineExceeded, Handle, Job, QueueFull, Scheduler
from tests.support.models import tiny_model

PROMPTS = [
    "def add(a, b):",
    "import os\nimport sys\n",
    "class Stack:\n    def push(self, item):",
    "x = [",
    "# a",
    "for i in range(10):\n    print(i)\n",
    "return",
]


def greedy(n: int, **kw) -> SamplingParams:
    return SamplingParams(max_new_tokens=n, temperature=0.0, **kw)


@pytest.fixture
def generator(smol_tokenizer) -> Generator:
    return Generator(tiny_model(), smol_tokenizer)


@pytest.fixture
def reference(smol_tokenizer) -> Generator:
    return Generator(tiny_model(), smol_tokenizer)


def drain(handle) -> tuple[str, object]:
    text, completion = "", None
    for delta in handle:
        text += delta.text
        completion = delta.completion or completion
    return text, completion


def test_sequences_joining_and_leaving_equal_their_solo_runs(generator, reference):
    scheduler = Scheduler(generator, max_batch=3, context=256)
    try:
        jobs = [Job(reference.encode_prompt(p), greedy(5 + 7 * i), prompt_text=p) for i, p in enumerate(PROMPTS)]
        handles = scheduler.submit(jobs)
        results = [drain(h) for h in handles]
    finally:
        scheduler.close()
    for (streamed, completion), prompt, job in zip(results, PROMPTS, jobs):
        solo = reference.run([job.prompt_ids], [job.params])[0]
        assert completion.text == streamed == solo.text, prompt
        assert completion.token_ids == solo.token_ids and completion.finish_reason == solo.finish_reason


def test_late_arrivals_join_mid_generation(generator, reference):
    scheduler = Scheduler(generator, max_batch=4, context=256)
    try:
        first = scheduler.submit([Job(reference.encode_prompt(PROMPTS[0]), greedy(200, ignore_eos=True))])[0]
        next(first)  # the first sequence is decoding
        late = scheduler.submit([Job(reference.encode_prompt(p), greedy(20)) for p in PROMPTS[1:4]])
        late_results = [drain(h)[1] for h in late]
        first_result = drain(first)[1]
    finally:
        scheduler.close()
    assert (
        first_result.token_ids
        == reference.run([reference.encode_prompt(PROMPTS[0])], [greedy(200, ignore_eos=True)])[0].token_ids
    )
    for prompt, result in zip(PROMPTS[1:4], late_results):
        assert result.token_ids == reference.run([reference.encode_prompt(prompt)], [greedy(20)])[0].token_ids


def test_one_prompt_asked_n_times_is_prefilled_once_and_each_copy_is_right(generator, reference):
    ids = reference.encode_prompt(PROMPTS[2])
    scheduler = Scheduler(generator, max_batch=4, context=256)
    try:
        params = [SamplingParams(max_new_tokens=12, temperature=1.0, seed=s) for s in (1, 2, 3)]
        prefilled = []  # tokens of each forward that writes more than one position per row
        hook = generator.model.register_forward_pre_hook(
            lambda module, args: prefilled.append(args[0].numel()) if args[0].shape[1] > 1 else None
        )
        handles = scheduler.submit([Job(list(ids), p) for p in params])  # equal prompts, separate lists
        results = [drain(h)[1] for h in handles]
        hook.remove()
        assert scheduler.stats.prompt_tokens == len(ids) * 3
        assert prefilled == [len(ids)]  # one prefill, of one row
    finally:
        scheduler.close()
    for p, result in zip(params, results):
        assert result.token_ids == reference.run([ids], [p])[0].token_ids


def test_cancel_frees_the_row_and_reports_nothing_more(generator):
    ended, finished = [], threading.Event()

    def on_finish(handle, completion):
        ended.append(completion)
        finished.set()

    scheduler = Scheduler(generator, max_batch=2, context=512, on_finish=on_finish)
    try:
        handle = scheduler.submit([Job(generator.encode_prompt("x"), greedy(500, ignore_eos=True))])[0]
        next(handle)
        handle.cancel()
        assert finished.wait(timeout=120)  # the scheduler's next step takes the row out
        assert ended == [None] and scheduler.running == 0
    finally:
        scheduler.close()


def test_the_queue_is_bounded(generator):
    scheduler = Scheduler(generator, max_batch=1, context=128, max_queue=2)
    release = threading.Event()
    try:
        scheduler.run_exclusive(release.wait)  # hold the scheduler thread
        time.sleep(0.05)
        ids = generator.encode_prompt("x")
        scheduler.submit([Job(ids, greedy(2)), Job(ids, greedy(2))])
        with pytest.raises(QueueFull):
            scheduler.submit([Job(ids, greedy(2))])
    finally:
        release.set()
        scheduler.close()


def hold(scheduler: Scheduler) -> threading.Event:
    """Hold the scheduler thread (exclusive work that waits); set the returned event to let it go."""
    started, release = threading.Event(), threading.Event()
    scheduler.run_exclusive(lambda: (started.set(), release.wait()))
    assert started.wait(timeout=60)
    return release


def test_deadlines_refuse_waiting_jobs_and_cut_running_ones(generator):
    scheduler = Scheduler(generator, max_batch=1, context=512)
    try:
        ids = generator.encode_prompt("x")
        job = Job(ids, greedy(500, ignore_eos=True), deadline=time.monotonic() + 3600)
        handle = scheduler.submit([job])[0]
        text = next(handle).text  # it is generating
        job.deadline = time.monotonic()  # and now its time is up
        rest, completion = drain(handle)
        assert completion.finish_reason == "length" and 0 < len(completion.token_ids) < 500
        assert completion.text == text + rest
        release = hold(scheduler)
        late = scheduler.submit([Job(ids, greedy(2), deadline=time.monotonic() + 0.01)])[0]
        while time.monotonic() <= late.job.deadline:  # its deadline passes while it waits
            time.sleep(0.01)
        release.set()
        with pytest.raises(DeadlineExceeded):
            drain(late)
    finally:
        scheduler.close()


def test_close_fails_the_running_and_the_waiting_jobs(generator):
    scheduler = Scheduler(generator, max_batch=1, context=512)
    ids = generator.encode_prompt("x")
    running = scheduler.submit([Job(ids, greedy(500, ignore_eos=True))])[0]
    next(running)
    release = hold(scheduler)
    waiting = scheduler.submit([Job(ids, greedy(5)), Job(ids, greedy(5))])
    closing = threading.Thread(target=scheduler.close)
    closing.start()
    while not scheduler._stopping:
        time.sleep(0.01)
    release.set()
    closing.join(timeout=60)
    assert not closing.is_alive()
    for handle in [running, *waiting]:
        with pytest.raises(RuntimeError, match="shutting down"):
            drain(handle)
    assert scheduler.waiting == 2 and scheduler.running == 1  # failed where they were, none admitted


def test_the_healed_prompt_starts_with_a_token_that_begins_with_the_removed_text(generator, reference):
    """Token healing at admission: the text taken off the prompt's end masks the first token's choices."""
    prompt = "print(1, "  # the tiny model's own first choice, "inverse", has no leading space
    ids, healed = reference.vocab.heal_prompt(reference.encode_prompt(prompt))
    assert healed == " " and ids == reference.encode_prompt(prompt)[:-1]
    scheduler = Scheduler(generator, max_batch=2, context=256)
    try:
        handle = scheduler.submit([Job(ids, greedy(8), prompt_text=prompt[:-1], healed=healed)])[0]
        completion = drain(handle)[1]
    finally:
        scheduler.close()
    with torch.no_grad():
        logits = reference.model(torch.tensor([ids]))[0, -1]
    allowed = [
        t for t in range(reference.tokenizer.vocab_size) if reference.tokenizer.decode_continuation([t]).startswith(" ")
    ]
    best = max(allowed, key=lambda t: float(logits[t]))
    assert completion.token_ids[0] == best and best != int(logits.argmax())  # the mask changed the choice
    assert reference.tokenizer.decode_continuation(completion.token_ids).startswith(" ")
    assert not completion.text.startswith(" ")  # the space was already in the prompt: not shown twice


def test_exclusive_work_does_not_disturb_the_running_batch(generator, reference):
    scheduler = Scheduler(generator, max_batch=2, context=256)
    try:
        ids = reference.encode_prompt(PROMPTS[0])
        handle = scheduler.submit([Job(ids, greedy(60, ignore_eos=True))])[0]
        next(handle)
        side = scheduler.run_exclusive(lambda: generator.complete(PROMPTS[1], greedy(30))[0]).result(timeout=60)
        result = drain(handle)[1]
    finally:
        scheduler.close()
    assert result.token_ids == reference.run([ids], [greedy(60, ignore_eos=True)])[0].token_ids
    assert side.text == reference.complete(PROMPTS[1], greedy(30))[0].text


def test_impossible_jobs_are_refused_before_queueing(generator):
    scheduler = Scheduler(generator, max_batch=1, context=64)
    try:
        with pytest.raises(GenerationError, match="context of 64"):
            scheduler.submit([Job(generator.encode_prompt("x"), greedy(100))])
        with pytest.raises(GenerationError, match="empty"):
            scheduler.submit([Job([], greedy(1))])
    finally:
        scheduler.close()


def test_cancelled_waiting_jobs_give_their_queue_places_back(generator):
    scheduler = Scheduler(generator, max_batch=1, context=128, max_queue=2)
    release = threading.Event()
    try:
        scheduler.run_exclusive(release.wait)
        time.sleep(0.05)
        ids = generator.encode_prompt("x")
        for handle in scheduler.submit([Job(ids, greedy(2)), Job(ids, greedy(2))]):
            handle.cancel()  # their clients went away while they waited
        scheduler.submit([Job(ids, greedy(2)), Job(ids, greedy(2))])  # no QueueFull
        with pytest.raises(GenerationError, match="at most 2"):  # more than the queue can ever hold: a 400
            scheduler.submit([Job(ids, greedy(2))] * 3)
    finally:
        release.set()
        scheduler.close()


def test_a_failure_while_admitting_ends_those_jobs_instead_of_losing_them(generator, monkeypatch):
    scheduler = Scheduler(generator, max_batch=2, context=128)
    try:

        def broken_prefill(*args, **kwargs):
            raise RuntimeError("out of memory")

        monkeypatch.setattr(scheduler.engine, "prefill", broken_prefill)
        handle = scheduler.submit([Job(generator.encode_prompt("x"), greedy(2))])[0]
        with pytest.raises(RuntimeError, match="generation failed: out of memory"):
            drain(handle)
        monkeypatch.undo()
        assert drain(scheduler.submit([Job(generator.encode_prompt("x"), greedy(2))])[0])[1] is not None
    finally:
        scheduler.close()


def test_streamed_deltas_reach_the_event_loop_in_order_with_fewer_wakeups():
    """Deltas that come faster than DELIVERY_INTERVAL are handed to the event loop together (each hand-over wakes
    its thread); the first and the last go at once, and every one arrives, in order."""
    loop = asyncio.new_event_loop()
    handle = Handle(job=None, loop=loop)
    hand_overs: list[int] = []
    schedule = loop.call_soon_threadsafe
    loop.call_soon_threadsafe = lambda callback, items: (hand_overs.append(len(items)), schedule(callback, items))
    texts = ["def", " f", "(x", "):", "\n"]
    for text in texts:
        handle._put(Delta(0, text))
    handle._put(Delta(0, "", Completion("".join(texts), [], FinishReason.STOP, 3)))
    handle._put(StopIteration())

    async def read() -> list[Delta]:
        return [delta async for delta in handle]

    try:
        received = loop.run_until_complete(read())
    finally:
        loop.close()
    assert [d.text for d in received] == texts + [""] and received[-1].completion.text == "def f(x):\n"
    assert hand_overs[0] == 1 and len(hand_overs) == 3  # the first, then the held ones with the final delta, the end


def test_held_deltas_go_out_before_the_batch_pauses_for_exclusive_work():
    """A delta held back (see above) is handed over when the scheduler flushes, as it does before work that
    needs the model to itself (an infill by ranking), rather than after that work."""
    loop = asyncio.new_event_loop()
    handle = Handle(job=None, loop=loop)
    handle._put(Delta(0, "a"))
    handle._put(Delta(0, "b"))  # within the interval: held
    assert [d.text for d in handle._held] == ["b"]
    handle.flush()
    assert handle._held == []
    loop.run_until_complete(asyncio.sleep(0))  # run the hand-overs
    assert [handle._queue.get_nowait().text for _ in range(2)] == ["a", "b"]
    loop.close()
