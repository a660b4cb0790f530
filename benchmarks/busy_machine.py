"""Decode speed when other programs keep the CPU busy, under each OpenMP wait policy.

torch runs its CPU kernels on OpenMP (libgomp), whose workers by default spin for a while after each parallel
region, waiting for the next. On a quiet machine that saves a wake-up per region; when other programs compete for
the cores (a build, a browser, a second model), a spinning worker burns the time slice its busy sibling needs, and
a decode step of a few hundred small regions waits on the scheduler at every one of them.

Each configuration runs in a process of its own (libgomp reads its settings when it loads), as does llama.cpp (the
peer, with its own thread pool), with `--busy` extra processes spinning in pure Python beside it (0: a quiet
machine). Each prints ms a token of decoding (ours: `Engine.step`, greedy, batch 1, the default model, decode.py's
prompt; llama.cpp: the same GGUF and prompt, greedy) and the share of that it spent on the CPU. The rounds go
through the configurations in turn, so slow drifts of a shared machine hit them alike; the best and the median of
the rounds are printed, and each policy's best against llama.cpp's.

    .venv/bin/python benchmarks/busy_machine.py [--busy 0 2] [--policies default passive spin:1000 llama.cpp]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time

MEASURE = r"""
import json, sys, time
sys.path.insert(0, {benchmarks!r})
import torch
from decode import PROMPT
from decode_ops import decode_engine
from codellama.checkpoints import load_model
from codellama.engine import compile_decode

model, tokenizer = load_model(quant="auto")
if {compiled!r}:
    compile_decode(model)
ids = tokenizer.encode(PROMPT)
with torch.inference_mode():
    engine = decode_engine(model, tokenizer, ids, {tokens} + 8)
    for _ in range(8):  # warm-up (and the compile, when asked)
        engine.step()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range({tokens}):
        engine.step()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({{"ms": wall / {tokens} * 1e3, "cpu_share": cpu / wall}}))
"""


MEASURE_LLAMACPP = r"""
import itertools, json, os, sys, time
sys.path.insert(0, {benchmarks!r})
from decode import PROMPT
from llamacpp_peer import load_llama
from codellama.checkpoints import default_model_path

llm = load_llama(default_model_path(), n_ctx=1024, threads=os.cpu_count())
ids = llm.tokenize(PROMPT.encode())
tokens = llm.generate(ids, temp=0.0)
for _ in itertools.islice(tokens, 8):  # prefill and warm-up
    pass
wall, cpu = time.perf_counter(), time.process_time()
for _ in itertools.islice(tokens, {tokens}):
    pass
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({{"ms": wall / {tokens} * 1e3, "cpu_share": cpu / wall}}))
"""
PEER = "llama.cpp"


def policy_env(policy: str) -> dict[str, str]:
    """The environment of one configuration: `default` (libgomp's own), `passive` (sleep at once) or `spin:N`."""
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "KMP_BLOCKTIME")}
    if policy == "passive":
        env["OMP_WAIT_POLICY"] = "PASSIVE"
    elif policy.startswith("spin:"):
        env["GOMP_SPINCOUNT"] = policy.split(":", 1)[1]
    elif policy not in ("default", PEER):
        raise ValueError(f"unknown policy {policy!r}: use default, passive or spin:N")
    return env


def spin_forever() -> None:
    while True:
        pass


def measure(policy: str, tokens: int, compiled: bool) -> dict:
    benchmarks = os.path.dirname(os.path.abspath(__file__))
    if policy == PEER:
        code = MEASURE_LLAMACPP.format(benchmarks=benchmarks, tokens=tokens)
    else:
        code = MEASURE.format(benchmarks=benchmarks, tokens=tokens, compiled=compiled)
    out = subprocess.run(
        [sys.executable, "-c", code], env=policy_env(policy), capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--busy",
        type=int,
        nargs="+",
        default=[0, os.cpu_count() or 1],
        help="competing busy processes (each a core's worth), one run per count",
    )
    parser.add_argument(
        "--policies",
        nargs="+",
        default=["default", "passive", "spin:1000", PEER],
        help=f"default, passive, spin:N (GOMP_SPINCOUNT), {PEER} (the peer, its own thread pool)",
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tokens", type=int, default=32)
    parser.add_argument("--compile", action="store_true", help="compiled decode steps (engine.compile_decode)")
    args = parser.parse_args()
    for policy in args.policies:
        policy_env(policy)  # a bad name fails before anything runs
    print(f"{os.cpu_count()} CPUs, {args.tokens} tokens a run, {'compiled' if args.compile else 'eager'} decode")
    for busy in args.busy:
        hogs = [multiprocessing.Process(target=spin_forever, daemon=True) for _ in range(busy)]
        for hog in hogs:
            hog.start()
        time.sleep(0.5)
        try:
            results: dict[str, list[dict]] = {p: [] for p in args.policies}
            for _ in range(args.rounds):
                for policy in args.policies:
                    results[policy].append(measure(policy, args.tokens, args.compile))
        finally:
            for hog in hogs:
                hog.kill()
        print(f"\n{busy} busy process(es) beside it:")
        peer = min(r["ms"] for r in results[PEER]) if PEER in results else None
        for policy, runs in results.items():
            ms = sorted(r["ms"] for r in runs)
            share = statistics.median(r["cpu_share"] for r in runs)
            ratio = f"  {peer / ms[0]:5.2f}x {PEER}" if peer and policy != PEER else ""
            print(
                f"  {policy:14} best {ms[0]:7.1f} ms/token ({1e3 / ms[0]:5.1f} tok/s)"
                f"  median {statistics.median(ms):7.1f}  CPU/wall {share:4.2f}{ratio}"
            )


if __name__ == "__main__":
    main()
