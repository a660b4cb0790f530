"""Editor latency: single-line infilling sent to `codellama serve` one request at a time, as an editor does.

Starts the server as its own process (default model unless --model), then sends HumanEval single-line
infilling tasks (spread over the 1,033 of the published set) to `/infill` the way llama.vscode does
(`t_max_predict_ms: 1000`, greedy) and to `/v1/completions` with a `suffix`, and prints p50/p90 latency
and the exact match of the returned middle's first line. The bar (issue 12): p50 <= 1.0 s and
p90 <= 2.0 s on the default model.

    .venv/bin/python benchmarks/editor_latency.py [--tasks 50] [--server-args "--no-compile"]

Only 127.0.0.1 is addressed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import socket
import time

import httpx
from serve_load import percentile, start_server

from codellama.eval.infilling import read_published

REQUEST_TIMEOUT = 120.0


def spread(tasks: list[dict], count: int) -> list[dict]:
    step = max(1, len(tasks) // count)
    return tasks[::step][:count]


def first_line(text: str) -> str:
    return text.strip("\n").split("\n")[0].strip()


def infill_body(task: dict) -> dict:
    # what llama.vscode sends: the prefix up to the cursor's line, the line's start as `prompt`
    head, _, line_start = task["prompt"].rpartition("\n")
    return {
        "input_prefix": head + "\n" if _ else "",
        "prompt": line_start,
        "input_suffix": task["suffix"],
        "n_predict": 128,
        "temperature": 0,
        "top_k": 40,
        "top_p": 0.99,
        "stream": False,
        "cache_prompt": True,
        "t_max_predict_ms": 1000,
    }


def completions_body(task: dict) -> dict:
    return {"model": "bench", "prompt": task["prompt"], "suffix": task["suffix"], "max_tokens": 64, "temperature": 0}


def measure(client: httpx.Client, path: str, body: dict) -> tuple[float, str]:
    sent = time.perf_counter()
    response = client.post(path, json=body, timeout=REQUEST_TIMEOUT)
    elapsed = time.perf_counter() - sent
    response.raise_for_status()
    data = response.json()
    text = data["content"] if path == "/infill" else data["choices"][0]["text"]
    return elapsed, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--server-args", default="", help="extra `codellama serve` flags, e.g. '--quant none'")
    args = parser.parse_args()
    tasks = spread(read_published("single-line"), args.tasks)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = start_server(port, parallel=4, ctx=2048, threads=None, extra=shlex.split(args.server_args))
    rows = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            measure(client, "/infill", infill_body(tasks[0]))  # warm-up
            for path, body_of in [("/infill", infill_body), ("/v1/completions", completions_body)]:
                latencies, exact = [], 0
                for task in tasks:
                    elapsed, middle = measure(client, path, body_of(task))
                    latencies.append(elapsed)
                    exact += first_line(middle) == first_line(task["canonical_solution"])
                rows[path] = (latencies, exact)
                print(f"  {path}: {len(tasks)} tasks in {sum(latencies):.1f}s", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    print(f"\nsingle-line infilling, {len(tasks)} HumanEval tasks, one at a time, {os.cpu_count()} CPUs")
    print(f"{'endpoint':>16} {'p50':>7} {'p90':>7} {'max':>7} {'exact match':>12}")
    for path, (latencies, exact) in rows.items():
        p50, p90 = percentile(latencies, 0.5), percentile(latencies, 0.9)
        print(
            f"{path:>16} {p50:>6.2f}s {p90:>6.2f}s {max(latencies):>6.2f}s {exact:>5}/{len(tasks)} "
            f"({'meets' if p50 <= 1.0 and p90 <= 2.0 else 'MISSES'} p50<=1s, p90<=2s)"
        )


if __name__ == "__main__":
    main()
