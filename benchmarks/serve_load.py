"""Load on `codellama serve`: concurrent streaming clients against the default model, on loopback.

Starts the server as its own process, sends the same kind of request (a code prompt, greedy, up
to --max-tokens) one at a time and then from 16 and 32 concurrent clients, and prints aggregate
generated tokens/s, the ratio to the one-at-a-time figure, time to first token (p50/p99) and
errors; then the same one-at-a-time prompts through `Generator.complete` in this process. The bars
(issue 12): one stream at least 0.9x the Generator; 16 concurrent clients at least 8x the one-at-a-time
throughput.

    .venv/bin/python benchmarks/serve_load.py [--concurrency 16,32] [--requests 32] [--max-tokens 64]

Bounded: every level sends a fixed number of requests, each with a deadline, and the run stops
by itself. Only 127.0.0.1 is addressed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass

import httpx

PROMPTS = [
    "def fibonacci(n):",
    "def is_prime(n):",
    "def is_prime(n):\n",
    "def reverse_words(sentence):",
    "class Stack:\n    def __init__(self):",
    "def binary_search(items, target):",
    "def merge_sort(items):",
    "def read_json(path):",
    "def flatten(nested):",
    "def word_count(text):",
    "def gcd(a, b):",
    "def transpose(matrix):",
    "def is_palindrome(s):",
    "def celsius_to_fahrenheit(c):",
    "def unique(items):",
    "def chunks(items, size):",
    "def factorial(n):",
]
REQUEST_TIMEOUT = 300.0


@dataclass
class Outcome:
    tokens: int = 0
    first_token: float | None = None  # seconds from sending
    error: str | None = None


async def one_request(client: httpx.AsyncClient, prompt: str, max_tokens: int) -> Outcome:
    outcome = Outcome()
    body = {
        "model": "bench",
        "prompt": prompt,
        "max_tokens": max_tokens,
        "temperature": 0,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    sent = time.perf_counter()
    try:
        async with client.stream("POST", "/v1/completions", json=body, timeout=REQUEST_TIMEOUT) as response:
            if response.status_code != 200:
                outcome.error = f"HTTP {response.status_code}: {(await response.aread())[:200]!r}"
                return outcome
            async for line in response.aiter_lines():
                if not line.startswith("data: ") or line == "data: [DONE]":
                    continue
                event = json.loads(line[6:])
                if "error" in event:
                    outcome.error = event["error"]["message"]
                elif event.get("usage"):
                    outcome.tokens = event["usage"]["completion_tokens"]
                elif outcome.first_token is None and event["choices"] and event["choices"][0]["text"]:
                    outcome.first_token = time.perf_counter() - sent
    except (httpx.HTTPError, ValueError) as e:
        outcome.error = f"{type(e).__name__}: {e}"
    return outcome


async def level(url: str, concurrency: int, requests: int, max_tokens: int) -> tuple[float, list[Outcome]]:
    """Send `requests` requests from `concurrency` clients; (wall seconds, outcomes)."""
    prompts = [PROMPTS[i % len(PROMPTS)] for i in range(requests)]
    queue: asyncio.Queue = asyncio.Queue()
    for p in prompts:
        queue.put_nowait(p)
    outcomes: list[Outcome] = []
    limits = httpx.Limits(max_connections=concurrency + 4)

    async def client_loop(client):
        while not queue.empty():
            outcomes.append(await one_request(client, queue.get_nowait(), max_tokens))

    async with httpx.AsyncClient(base_url=url, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client) for _ in range(concurrency)))
        return time.perf_counter() - started, outcomes


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def generator_throughput(
    requests: int, max_tokens: int, threads: int | None, compiled: bool, batches: list[int]
) -> tuple[float, dict[int, float], float]:
    """Generated tokens/s of `Generator.complete` in this process, on the prompts the one-at-a-time level
    sent (the model loaded, and compiled or not, as `codellama serve` ran it); its tokens/s with each of
    `batches` prompts at once (one call: the engine's batched steps without a server, scheduler or client);
    and the compute ceiling of any batch: this CPU's fp32 matmul peak, measured now, over the FLOPs of one
    token (`compute_ceiling`)."""
    import torch

    from codellama.checkpoints.loading import load_generator
    from codellama.engine import compile_decode
    from codellama.generation import SamplingParams

    if threads:
        torch.set_num_threads(threads)
    generator = load_generator(None, quant="auto")
    if compiled:
        compile_decode(generator.model)
        generator.warm_up()
    params = SamplingParams(max_new_tokens=max_tokens, temperature=0)
    generator.complete(PROMPTS[0], SamplingParams(max_new_tokens=4, temperature=0))  # warm-up
    started, tokens = time.perf_counter(), 0
    for i in range(requests):
        tokens += len(generator.complete(PROMPTS[i % len(PROMPTS)], params)[0].token_ids)
    rate = tokens / (time.perf_counter() - started)
    batch_rates = {}
    for rows in batches:  # the same decode steps at `rows` rows, no server between: what the step allows there
        prompts = [PROMPTS[i % len(PROMPTS)] for i in range(rows)]
        started = time.perf_counter()
        tokens = sum(len(c.token_ids) for c in generator.complete(prompts, params))
        batch_rates[rows] = tokens / (time.perf_counter() - started)
    return rate, batch_rates, compute_ceiling(generator.model.args, context=max_tokens + 16)


def compute_ceiling(args, context: int) -> float:
    """Tokens/s no batch passes on this CPU with floating-point kernels: however many rows share a weight's
    read, each row's token still costs decode_flops_per_token, at best at the rate of a large fp32 matmul (the
    BLAS's best here; torch's int4/int8 kernels compute in floating point too, and reach less). The 16-client bar
    is a ratio to one stream, so a faster stream makes it harder: it can hold only while 8x the one-at-a-time
    rate stays under this ceiling."""
    from codellama.train.metrics import decode_flops_per_token, measured_matmul_flops

    return measured_matmul_flops(1536) / decode_flops_per_token(args, context)


def start_server(
    port: int, parallel: int, ctx: int, threads: int | None, extra: list[str] | None = None
) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "codellama.cli",
        "serve",
        "--port",
        str(port),
        "--model-name",
        "bench",
        "--parallel",
        str(parallel),
        "--ctx-size",
        str(ctx),
        "--max-queue",
        "256",
    ]
    if threads:
        command += ["--threads", str(threads)]
    command += extra or []
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 600  # a first start compiles its graphs (serve compiles by default on the CPU)
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited: {server.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    os.killpg(server.pid, signal.SIGKILL)
    raise SystemExit("the server did not become ready in 600 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", default="16,32", help="comma-separated client counts")
    parser.add_argument("--requests", type=int, default=32, help="requests per concurrent level")
    parser.add_argument("--sequential-requests", type=int, default=6, help="requests sent one at a time")
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument("--threads", type=int, default=None, help="the server's torch threads")
    parser.add_argument("--no-compile", action="store_true", help="the server (and the Generator) eager")
    parser.add_argument("--server-args", default="", help="extra `codellama serve` flags, e.g. '--guard off'")
    args = parser.parse_args()
    from codellama.server.cli import compiles_by_default

    compiled = not args.no_compile and compiles_by_default(None)
    levels = [int(c) for c in args.concurrency.split(",")]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    extra = shlex.split(args.server_args) + ([] if compiled else ["--no-compile"])
    server = start_server(port, parallel=max(levels), ctx=512, threads=args.threads, extra=extra)
    url = f"http://127.0.0.1:{port}"
    try:
        asyncio.run(level(url, 1, 1, 4))  # warm-up
        rows = []
        for concurrency, count in [(1, args.sequential_requests)] + [(c, max(args.requests, c)) for c in levels]:
            wall, outcomes = asyncio.run(level(url, concurrency, count, args.max_tokens))
            tokens = sum(o.tokens for o in outcomes)
            ttft = [o.first_token for o in outcomes if o.first_token is not None]
            errors = [o.error for o in outcomes if o.error]
            rows.append(
                (concurrency, count, tokens, wall, tokens / wall, percentile(ttft, 0.5), percentile(ttft, 0.99), errors)
            )
            print(f"  {concurrency:>3} clients: {count} requests, {tokens} tokens in {wall:.1f}s", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    sequential = rows[0][4]
    generator_rate, batch_rates, ceiling = generator_throughput(
        args.sequential_requests, args.max_tokens, args.threads, compiled, levels
    )
    mode = "compiled" if compiled else "eager"
    print(f"\ncodellama serve ({mode}), default model, {args.max_tokens} max tokens, greedy, {os.cpu_count()} CPUs")
    print(
        f"{'clients':>8} {'requests':>9} {'tokens':>7} {'tok/s':>8} {'vs 1-at-a-time':>15} "
        f"{'TTFT p50':>9} {'TTFT p99':>9} {'errors':>7}"
    )
    for concurrency, count, tokens, _wall, rate, p50, p99, errors in rows:
        print(
            f"{concurrency:>8} {count:>9} {tokens:>7} {rate:>8.1f} {rate / sequential:>14.2f}x "
            f"{p50:>8.2f}s {p99:>8.2f}s {len(errors):>7}"
        )
    for *_, errors in rows:
        for error in errors[:3]:
            print("  error:", error)
    verdict = "meets" if sequential / generator_rate >= 0.9 else "MISSES"
    print(
        f"\none stream: {sequential:.1f} tok/s; the Generator in-process on the same prompts: {generator_rate:.1f} "
        f"tok/s; ratio {sequential / generator_rate:.2f} ({verdict} the 0.9 bar)"
    )
    at16 = next((r for r in rows if r[0] == 16), None)
    if at16:
        verdict = "meets" if at16[4] / sequential >= 8 else "MISSES"
        print(f"16 clients: {at16[4] / sequential:.2f}x the one-at-a-time throughput ({verdict} the 8x bar)")
    for prompts, rate in batch_rates.items():
        print(
            f"the Generator with {prompts} prompts at once (the same batched decode steps, no server): {rate:.1f} "
            f"tok/s = {rate / generator_rate:.2f}x its one-at-a-time: what the step allows at that batch on this CPU"
        )
    print(
        f"compute ceiling of any batch on this CPU (its fp32 matmul peak, measured now, over the FLOPs of a token): "
        f"{ceiling:.0f} tok/s = {ceiling / sequential:.2f}x the one-at-a-time throughput"
    )
    if any(r[7] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
