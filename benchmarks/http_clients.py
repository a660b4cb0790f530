"""Streaming clients of an OpenAI-compatible server, in a process of their own (the standard library only).

benchmarks/gpu_suite.py runs the server in its own process and these clients here, so that parsing the clients'
streams does not compete with the server's decode loop for one interpreter. It reads jobs from standard input,
one JSON object a line, and answers each with one JSON line:

    {"port": 8080, "prompts": [[1, 2, 3], ...], "tokens": 128, "count": 64, "timeout": 300}
    -> {"seconds": 4.2, "streamed": [128, ..., null], "failures": [null, ..., "RuntimeError: HTTP 429: ..."]}

`count` clients start at once, client i streaming /v1/completions of prompts[i] (token ids, greedy, `tokens`
tokens); `seconds` runs until the last one finished (or `timeout`); `streamed` is each client's completion_tokens
(its stream's usage), null for a client that raised (its `failures` entry says what) or had not finished.
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
import time
from collections.abc import Callable


def stream_completion(port: int, prompt: list[int], tokens: int, timeout: float) -> int:
    """One streamed /v1/completions on 127.0.0.1:`port`, read event by event: its completion_tokens."""
    body = dict(prompt=prompt, max_tokens=tokens, temperature=0, stream=True, stream_options={"include_usage": True})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/v1/completions", json.dumps(body), {"Content-Type": "application/json"})
        response = connection.getresponse()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}: {response.read()[:300]!r}")
        streamed = 0
        for line in response:  # server-sent events: "data: {...}" lines, then "data: [DONE]"
            if line.startswith(b"data: {"):
                usage = json.loads(line[6:]).get("usage")
                streamed = usage["completion_tokens"] if usage else streamed
        return streamed
    finally:
        connection.close()


def at_once(count: int, client: Callable[[int], int], timeout: float) -> tuple[float, list, list]:
    """Clients 0..count-1 started together, each on a thread: client(i) -> tokens streamed. Returns the seconds
    until the last finished (or `timeout`), the tokens each streamed (None: raised or unfinished) and what each
    raised (None: nothing)."""
    streamed: list[int | None] = [None] * count
    failures: list[str | None] = [None] * count

    def run_one(i: int) -> None:
        try:
            streamed[i] = client(i)
        except Exception as e:
            failures[i] = f"{type(e).__name__}: {e}"

    threads = [threading.Thread(target=run_one, args=(i,), daemon=True) for i in range(count)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(start + timeout - time.perf_counter(), 0))
    return time.perf_counter() - start, streamed, failures


def run(job: dict) -> dict:
    def client(i: int) -> int:
        return stream_completion(job["port"], job["prompts"][i], job["tokens"], job["timeout"])

    seconds, streamed, failures = at_once(job["count"], client, job["timeout"])
    return {"seconds": seconds, "streamed": streamed, "failures": failures}


def main() -> None:
    for line in sys.stdin:
        print(json.dumps(run(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
