"""A live `codellama serve` app on a free loopback port, for the server tests and benchmarks."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import uvicorn

from codellama.generation import Generator
from codellama.server.app import create_app
from codellama.server.common import ServerSettings, ServerState


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    state: ServerState  # the app's insides, for tests that must hold the scheduler still


@contextlib.contextmanager
def running_server(load: Callable[[], Generator] | Generator, wait: bool = True, **settings) -> Iterator[LiveServer]:
    """Serve on 127.0.0.1 in a background thread; yields once /health says ready (if `wait`)."""
    loader = load if callable(load) and not isinstance(load, Generator) else (lambda: load)
    # infilling by ranking is compared with Generator.infill, which has no time budget: give it time enough
    settings.setdefault("infill_budget", 600.0)
    app = create_app(loader, ServerSettings(**settings))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            status = httpx.get(url + "/health", timeout=2).status_code
            if status == 200 or not wait:
                break
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    else:
        raise RuntimeError("the test server did not become ready in 120 s")
    try:
        yield LiveServer(url, app.state.server)
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def metric(url: str, name: str, headers: dict | None = None) -> float:
    """The value of one unlabelled metric from /metrics."""
    for line in httpx.get(url + "/metrics", headers=headers, timeout=10).text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise KeyError(name)
