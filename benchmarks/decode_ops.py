"""Where a decode step's time goes: ATen ops per token and ms per token of `Engine.step` at batch 1.

Loads the default model (`--quant`, default auto: the GGUF's int4 blocks), prefills `decode.py`'s prompt,
profiles `--tokens` decode steps (`Engine.step`: sampling, bookkeeping and one forward) with torch.profiler
and counts the ATen ops called from Python per token (an op's own inner calls are part of its cost), then
times that many steps `--repeats` times. `--unfused` adds a model whose wq/wk/wv and w1/w3 run as separate
layers (quant_load.QuantModules), `--compile` one whose decode steps are compiled (engine.compile_decode;
the time its first step takes, compiling, is printed), measured in turn with the first.

On a shared, noisy machine the op counts are what to trust; the timings compare only within one run (or
runs interleaved in time): each is the best of the repeats, which go round the models in turn. The CPU
time (with OMP_NUM_THREADS=1, the work one step does) is steadier than the wall clock when other processes
compete for the cores.

    OMP_NUM_THREADS=1 PYTHONPATH=. .venv/bin/python benchmarks/decode_ops.py [--quant int4] [--unfused] [--compile]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import torch
from decode import PROMPT  # benchmarks/, beside this script

from codellama import quant_load
from codellama.checkpoints import load_model
from codellama.engine import Engine, Request, SamplingParams, Vocabulary, compile_decode
from codellama.quant import QUANT_CHOICES


def decode_engine(model, tokenizer, prompt_ids: list[int], tokens: int) -> Engine:
    """An engine with the prompt prefilled and its first token's step taken: each of the next `tokens` steps
    samples a token and runs one decode forward (greedy, EOS ignored)."""
    engine = Engine(model, Vocabulary(tokenizer, model.args.vocab_size, torch.device("cpu")))
    params = SamplingParams(max_new_tokens=tokens + 2, ignore_eos=True)
    model.setup_cache(1, len(prompt_ids) + tokens + 2)
    engine.admit([Request(prompt_ids, params, stop_ids=set())], owners=[0])
    engine.step()
    return engine


@torch.inference_mode()
def ms_per_token(model, tokenizer, prompt_ids: list[int], tokens: int) -> tuple[float, float]:
    """Wall-clock and CPU ms per decode step (the CPU time of this process: on a busy machine it leaves out
    the time spent waiting for a core, and with one thread it is the work done)."""
    engine = decode_engine(model, tokenizer, prompt_ids, tokens)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(tokens):
        engine.step()
    return (time.perf_counter() - wall) / tokens * 1e3, (time.process_time() - cpu) / tokens * 1e3


@torch.inference_mode()
def ops_per_token(model, tokenizer, prompt_ids: list[int], tokens: int) -> Counter:
    engine = decode_engine(model, tokenizer, prompt_ids, tokens)
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
        for _ in range(tokens):
            engine.step()
    counts = Counter()
    for event in prof.events():
        parent = event.cpu_parent
        if event.name.startswith("aten::") and (parent is None or not parent.name.startswith("aten::")):
            counts[event.name] += 1
    return Counter({name: n / tokens for name, n in counts.items()})


def load(quant: str, fuse: bool):
    if fuse:
        return load_model(quant=quant)
    fused, quant_load.FUSED = quant_load.FUSED, {}  # nothing to fuse: every projection its own layer
    try:
        return load_model(quant=quant)
    finally:
        quant_load.FUSED = fused


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quant", choices=QUANT_CHOICES, default="auto")
    parser.add_argument("--tokens", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--top", type=int, default=25, help="how many ops to list")
    parser.add_argument("--unfused", action="store_true", help="also a model whose projections run unfused")
    parser.add_argument("--compile", action="store_true", help="also a model whose decode steps are compiled")
    args = parser.parse_args(argv)

    models = {"eager": load(args.quant, True)}
    if args.unfused:
        models["unfused"] = load(args.quant, False)
    if args.compile:
        models["compiled"] = load(args.quant, True)
        compile_decode(models["compiled"][0])
    print(f"--quant {args.quant}, threads {torch.get_num_threads()}, {args.tokens} tokens a run")
    prompts = {name: tokenizer.encode(PROMPT, bos=tokenizer.add_bos) for name, (_, tokenizer) in models.items()}
    if args.compile:
        started = time.perf_counter()
        ms_per_token(*models["compiled"], prompts["compiled"], 1)  # its first decode step compiles
        print(f"compiled: the first decode step took {time.perf_counter() - started:.1f} s (compiling)", flush=True)
    for name, (model, tokenizer) in models.items():
        counts = ops_per_token(model, tokenizer, prompts[name], args.tokens)
        print(f"{name} ({quant_load.describe(model) or 'float'}): {sum(counts.values()):.0f} ATen ops called a token")
        for op, n in counts.most_common(args.top):
            print(f"  {n:7.1f}  {op}")
    times = {name: [] for name in models}
    for _ in range(args.repeats):
        for name, (model, tokenizer) in models.items():
            times[name].append(ms_per_token(model, tokenizer, prompts[name], args.tokens))
    for name, ts in times.items():
        wall, cpu = sorted(t[0] for t in ts), sorted(t[1] for t in ts)
        print(
            f"{name}: ms/token wall best {wall[0]:.2f} median {wall[len(ts) // 2]:.2f}, "
            f"CPU best {cpu[0]:.2f} median {cpu[len(ts) // 2]:.2f} (of {args.repeats})"
        )


if __name__ == "__main__":
    main()
