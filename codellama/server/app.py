"""The HTTP server: OpenAI- and llama.cpp-compatible endpoints over the continuous-batching scheduler.

`create_app(load, settings)` returns a FastAPI app that starts answering at once: the model
loads in a background thread (`load()` returns a Generator) while GET /health says 503.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from codellama.generation import Generator
from codellama.server import llamacpp_api, openai_api, openai_chat
from codellama.server.common import ApiError, ServerSettings, ServerState, authorize, error_response, state_of
from codellama.server.openmp import serial_torch_in_this_thread

log = logging.getLogger("codellama.server")
KNOWN_PATHS = {
    "/",
    "/health",
    "/metrics",
    "/v1/models",
    "/v1/completions",
    "/v1/chat/completions",
    "/completion",
    "/infill",
    "/tokenize",
    "/detokenize",
    "/props",
}


def create_app(
    load: Callable[[], Generator],
    settings: ServerSettings | None = None,
    on_load_error: Callable[[BaseException], None] | None = None,
) -> FastAPI:
    state = ServerState(settings or ServerSettings())

    def load_model() -> None:
        try:
            started = time.perf_counter()
            state.attach(load())
            log.info("model %s ready in %.1fs", state.settings.model_name, time.perf_counter() - started)
        except BaseException as e:  # shown by /health, and the command exits
            state.load_error = f"{type(e).__name__}: {e}"
            log.error("loading the model failed: %s", state.load_error)
            if on_load_error is not None:
                on_load_error(e)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # torch ops on the event loop and the filters' threads stay off OpenMP: the engine's pool spins only
        # while it is the process's only one (codellama/server/openmp.py)
        serial_torch_in_this_thread()
        workers = ThreadPoolExecutor(thread_name_prefix="codellama-worker", initializer=serial_torch_in_this_thread)
        asyncio.get_running_loop().set_default_executor(workers)
        threading.Thread(target=load_model, name="codellama-load", daemon=True).start()
        yield
        if state.scheduler is not None:
            state.scheduler.close()

    app = FastAPI(title="codellama", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.server = state
    app.include_router(openai_api.router)
    app.include_router(openai_chat.router)
    app.include_router(llamacpp_api.router)
    app.add_middleware(_MetricsMiddleware, state=state)
    _add_error_handlers(app)

    @app.get("/health")
    async def health():
        if state.load_error:
            return JSONResponse({"status": "error", "error": state.load_error}, status_code=500)
        if not state.ready:
            return JSONResponse({"status": "loading model"}, status_code=503)
        return {
            "status": "ok",
            "slots_idle": state.scheduler.max_batch - state.scheduler.running,
            "slots_processing": state.scheduler.running,
            "requests_waiting": state.scheduler.waiting,
        }

    @app.get("/metrics")
    async def metrics(request: Request):
        authorize(request)
        return Response(state.metrics.render(), media_type="text/plain; version=0.0.4")

    @app.get("/", response_class=HTMLResponse)
    async def playground():
        return files("codellama.server").joinpath("playground.html").read_text(encoding="utf-8")

    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError):
        return error.response()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        if error.status_code == 404:
            return error_response(404, f"no endpoint {request.method} {request.url.path}", code="not_found")
        if error.status_code == 405:
            return error_response(
                405, f"{request.method} is not allowed on {request.url.path}", code="method_not_allowed"
            )
        return error_response(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError):
        return error_response(400, str(error))

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return error_response(500, f"internal error: {type(error).__name__}", kind="server_error")


class _MetricsMiddleware:
    """Counts every request by endpoint and status, and times it to its last byte (streams included)."""

    def __init__(self, app, state: ServerState):
        self.app = app
        self.state = state

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status = 500

        async def send_and_note(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            path = scope["path"] if scope["path"] in KNOWN_PATHS else "other"
            metrics = self.state.metrics
            metrics.requests.labels(path, str(status)).inc()
            metrics.latency.labels(path).observe(time.perf_counter() - started)


def app_state(app: FastAPI) -> ServerState:
    return app.state.server


__all__ = ["ServerSettings", "create_app", "app_state", "state_of"]
