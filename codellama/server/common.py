"""What every endpoint shares: the server's state, errors in OpenAI's shape, strict body parsing,
and running a request's choices through the scheduler as one merged stream."""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from fastapi import Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ValidationError

from codellama.engine import ContextLengthError
from codellama.generation import Completion, Delta, GenerationError, Generator
from codellama.server.filters import FilterContext, FilterReport, Filters
from codellama.server.metrics import Metrics
from codellama.server.scheduler import DeadlineExceeded, Job, QueueFull, Scheduler
from codellama.server.schemas import describe

KEEP_ALIVE_SECONDS = 1.0  # an idle stream sends a comment this often, which also notices a client gone away


@dataclass
class ServerSettings:
    model_name: str = "default"
    api_key: str | None = None
    parallel: int = 8  # sequences decoded together
    context: int | None = None  # positions per sequence (prompt + output); None: min(model's, 4096)
    max_queue: int = 64  # waiting sequences before 429
    max_body_bytes: int = 4 * 1024 * 1024
    request_timeout: float = 600.0  # seconds from arrival; generation stops there
    infill_budget: float = 1.0  # seconds for infilling by ranking when a request sets none (t_max_predict_ms)

    def ranking_budget(self, requested: float | None = None) -> float:
        """Seconds an infill by ranking (models without infill tokens) may take: the request's, else ours."""
        return min(requested or self.infill_budget, self.request_timeout)

    filters: Filters = field(default_factory=Filters)


class ApiError(Exception):
    """A request we refuse: becomes {"error": {...}} with this status."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        param: str | None = None,
        code: str | None = None,
        kind: str = "invalid_request_error",
        headers: dict | None = None,
    ):
        super().__init__(message)
        self.status, self.message, self.param, self.code, self.kind = status, message, param, code, kind
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        return error_response(
            self.status, self.message, param=self.param, code=self.code, kind=self.kind, headers=self.headers
        )


def busy_error(error: Exception) -> ApiError:
    """The 429 for a full request queue (the scheduler's QueueFull), with a retry hint."""
    return ApiError(
        429,
        f"the server is busy ({error}): retry shortly",
        kind="rate_limit_error",
        code="queue_full",
        headers={"Retry-After": "2"},
    )


def error_response(
    status: int, message: str, *, param=None, code=None, kind="invalid_request_error", headers=None
) -> JSONResponse:
    body = {"error": {"message": message, "type": kind, "param": param, "code": code}}
    return JSONResponse(body, status_code=status, headers=headers)


class ServerState:
    """The model, once loaded, and everything the endpoints share."""

    def __init__(self, settings: ServerSettings):
        self.settings = settings
        self.metrics = Metrics()
        self.generator: Generator | None = None
        self.scheduler: Scheduler | None = None
        self.load_error: str | None = None
        self.started = int(time.time())

    @property
    def ready(self) -> bool:
        return self.scheduler is not None

    def attach(self, generator: Generator) -> None:
        s = self.settings
        context = min(s.context or 4096, generator.context_length)
        self.generator = generator
        self.scheduler = Scheduler(
            generator, max_batch=s.parallel, context=context, max_queue=s.max_queue, on_finish=self._finished
        )
        self.metrics.scheduler = self.scheduler
        self.metrics.loaded.set(1)

    def _finished(self, handle, completion) -> None:
        if handle.first_token_at is not None:
            self.metrics.first_token.observe(handle.first_token_at - handle.submitted)


def state_of(request: Request) -> ServerState:
    return request.app.state.server


def authorize(request: Request) -> None:
    key = state_of(request).settings.api_key
    if not key:
        return
    given = request.headers.get("authorization", "")
    token = given[7:].strip() if given[:7].lower() == "bearer " else request.headers.get("x-api-key", "")
    if not secrets.compare_digest(token.encode(), key.encode()):
        problem = "no API key was given" if not token else "the API key is not valid"
        raise ApiError(
            401,
            f"{problem}: send 'Authorization: Bearer <key>' with the key the server was started with",
            code="invalid_api_key",
        )


def ready_state(request: Request) -> ServerState:
    """The state of a server whose model is loaded (503 before), after checking the key."""
    authorize(request)
    state = state_of(request)
    if not state.ready:
        raise ApiError(
            503,
            "the model is still loading: retry when GET /health answers 200",
            kind="unavailable",
            code="model_loading",
            headers={"Retry-After": "5"},
        )
    return state


async def read_json(request: Request) -> dict:
    """The body as a JSON object, with a clear 4xx for anything else."""
    limit = state_of(request).settings.max_body_bytes
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise ApiError(413, f"the body is larger than this server's limit of {limit} bytes", code="body_too_large")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"the body is larger than this server's limit of {limit} bytes", code="body_too_large")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise ApiError(400, "the body is empty: send a JSON object")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ApiError(400, f"the body is not valid UTF-8 (byte {e.start}): send JSON text in UTF-8") from None
    try:
        body = json.loads(text, parse_constant=_reject_constant)
    except (json.JSONDecodeError, ValueError) as e:
        raise ApiError(400, f"the body is not valid JSON: {e}") from None
    except RecursionError:
        raise ApiError(400, "the body's JSON is nested too deeply") from None
    if not isinstance(body, dict):
        raise ApiError(400, f"the body must be a JSON object, not {type(body).__name__}")
    try:  # "\ud800" escapes decode to lone surrogates, which no tokenizer can encode
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(
            400, "the body contains an unpaired UTF-16 surrogate escape (like \\ud800): send valid Unicode text"
        ) from None
    return body


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def parse(model: type[BaseModel], body: dict):
    try:
        return model.model_validate(body)
    except ValidationError as e:
        param, message = describe(e, getattr(model, "expected", None))
        raise ApiError(400, message, param=param) from None


def check_model_name(state: ServerState, name: str | None) -> None:
    if name and name != state.settings.model_name:
        raise ApiError(
            404,
            f"model {name!r} is not served here; this server serves {state.settings.model_name!r} (see GET /v1/models)",
            param="model",
            code="model_not_found",
        )


def check_token_ids(state: ServerState, ids: list[int], param: str) -> None:
    vocab = state.generator.tokenizer.vocab_size
    bad = next((t for t in ids if t >= vocab), None)
    if bad is not None:
        raise ApiError(400, f"{param}: token id {bad} is outside the vocabulary (0..{vocab - 1})", param=param)


async def run_filters(state: ServerState, context: FilterContext, text: str | None = None) -> list[FilterReport]:
    """Request filters (text None) or response filters, on a worker thread (a judge may wait for the model);
    every report is counted in /metrics."""
    filters = state.settings.filters
    if not (filters.request if text is None else filters.response):
        return []
    context.generator = state.generator
    context.run_on_model = lambda work: state.scheduler.run_exclusive(work).result()
    check = filters.check_request if text is None else lambda c: filters.check_response(c, text)
    reports = await asyncio.to_thread(check, context)
    for report in reports:
        state.metrics.filter_actions.labels(report.filter, report.action).inc()
    return reports


# -- running choices --------------------------------------------------------------------------

Choice = Job | Callable[[], Completion]  # a sequence for the batch, or work that needs the model to itself


class Run:
    """A request's choices, submitted at once (so a full queue or an impossible request is refused
    before any response starts), then read back as one merged stream."""

    def __init__(self, state: ServerState, choices: list[Choice]):
        loop = asyncio.get_running_loop()
        deadline = time.monotonic() + state.settings.request_timeout
        jobs = [c for c in choices if isinstance(c, Job)]
        for job in jobs:
            job.deadline = deadline
        try:
            self.handles = state.scheduler.submit(jobs, loop)
        except QueueFull as e:
            raise busy_error(e) from None
        except GenerationError as e:
            code = "context_length_exceeded" if isinstance(e, ContextLengthError) else None
            raise ApiError(400, str(e), code=code) from None
        self.queue: asyncio.Queue = asyncio.Queue()
        self.tasks = []
        handle_of = iter(self.handles)
        for index, choice in enumerate(choices):
            if isinstance(choice, Job):
                self.tasks.append(asyncio.create_task(_pump_handle(index, next(handle_of), self.queue)))
            else:
                future = state.scheduler.run_exclusive(choice)
                self.tasks.append(asyncio.create_task(_pump_future(index, future, self.queue)))
        self.remaining = len(choices)

    async def events(self, request: Request, watch_disconnect: bool) -> AsyncIterator[tuple[int, Delta | None]]:
        """(choice index, delta) as text arrives, and (-1, None) after KEEP_ALIVE_SECONDS of silence.
        Leaving early (client gone, error) frees every slot at once."""
        try:
            while self.remaining:
                try:
                    index, item = await asyncio.wait_for(self.queue.get(), KEEP_ALIVE_SECONDS)
                except TimeoutError:
                    if watch_disconnect and await request.is_disconnected():
                        return
                    yield -1, None
                    continue
                if item is None:
                    self.remaining -= 1
                elif isinstance(item, BaseException):
                    raise _as_api_error(item)
                else:
                    yield index, item
        finally:
            self.cancel()

    def cancel(self) -> None:
        for handle in self.handles:
            handle.cancel()
        for task in self.tasks:
            task.cancel()


async def _pump_handle(index: int, handle, queue: asyncio.Queue) -> None:
    try:
        async for delta in handle:
            queue.put_nowait((index, delta))
    except Exception as e:
        queue.put_nowait((index, e))
    queue.put_nowait((index, None))


async def _pump_future(index: int, future, queue: asyncio.Queue) -> None:
    try:
        completion: Completion = await asyncio.wrap_future(future)
        queue.put_nowait((index, Delta(index, completion.text, completion)))
    except asyncio.CancelledError:
        future.cancel()
        raise
    except Exception as e:
        queue.put_nowait((index, e))
    queue.put_nowait((index, None))


def _as_api_error(error: BaseException) -> ApiError:
    if isinstance(error, ApiError):
        return error
    if isinstance(error, DeadlineExceeded):
        return ApiError(503, str(error), kind="timeout", code="deadline_exceeded")
    if isinstance(error, ValueError):  # GenerationError, PromptError: the request's own fault
        return ApiError(400, str(error))
    return ApiError(500, f"generation failed: {error}", kind="server_error")


async def collect(request: Request, run: Run) -> list[Completion]:
    """Read a run to the end (non-streaming); a client that leaves cancels it."""
    results: list[Completion | None] = [None] * run.remaining
    async for index, delta in run.events(request, watch_disconnect=True):
        if delta is not None and delta.completion is not None:
            results[index] = delta.completion
    if any(r is None for r in results):
        raise ApiError(499, "the client closed the request")
    return results


def sse(payload: dict | str) -> bytes:
    data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return f"data: {data}\n\n".encode()


KEEP_ALIVE = b": keep-alive\n\n"


def sse_response(events: AsyncIterator[bytes], headers: dict | None = None) -> StreamingResponse:
    return StreamingResponse(
        events,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **(headers or {})},
    )


def sse_error(error: ApiError) -> bytes:
    return sse({"error": {"message": error.message, "type": error.kind, "param": error.param, "code": error.code}})
