"""Prefill and decode speed at batch 1 on the CPU: ours vs Hugging Face transformers vs llama.cpp.

All three engines run the embedded default model (SmolLM2-135M-Instruct, the Q4_1 GGUF from
`codellama.checkpoints.default_model_path()`) on the same prompt token ids, greedy, with EOS ignored
so that every run generates exactly `--new-tokens` tokens:

- ours, once per `--quant` setting (default: none, int8, int4): `load_model(quant=...)` and `Generator.run`;
  none dequantises the weights to fp32, int4 runs the file's Q4_1 blocks as they are (the output layer,
  tied to the Q8_0 embedding, in int8), int8 holds every linear layer in int8 (codellama/quant.py);
  with `--compile`, each also with its decode steps compiled ("comp.": engine.compile_decode; the warm-up
  generation compiles it, untimed);
- transformers: `AutoModelForCausalLM.from_pretrained(..., gguf_file=...)` (also dequantised to fp32)
  and `generate(do_sample=False, min_new_tokens=N)`;
- llama.cpp (llama-cpp-python): the Q4_1 weights run natively, `Llama.generate(temp=0)`, with
  the extra (repacking/AMX) buffer types disabled, as they crash with SIGILL on some CPUs.

How it is measured (after a warm-up generation and prefill per engine, each timing is the best of `--repeats`
runs, the repeats going round the engines in turn so that a busy spell of the machine hits all of them; each
round of an engine starts with an untimed prefill, so no engine pays for waking up after another one ran):

- prefill tok/s = prompt tokens / time of one forward pass over the prompt from an empty KV cache,
  computing logits for the last position only;
- decode tok/s = (N - 1) / (time to generate N tokens - time to generate 1 token), both through the
  engine's generation API. Generating N tokens is one prefill plus N - 1 one-token decode steps, so the
  difference is the N - 1 decode steps including sampling and per-token overhead of the API.

"agree" is the number of leading generated tokens identical to the first engine's (ours with the first
--quant, fp32 by default). fp32 engines should agree on most of them; our int8/int4 layers take bf16
activations and llama.cpp quantises activations to 8 bits inside its matmuls, so they drift sooner.
With 2 cores, any other busy process ruins PyTorch's timings (its OpenMP threads wait on each other):
the script warns when the CPUs were busy just before or after the run.

Run it (about 4 minutes on 2 idle CPU cores with the three default --quant rows):

    .venv/bin/python benchmarks/decode.py [--new-tokens 128] [--repeats 3] [--quant none int8 int4] [--compile]
        [--skip-llamacpp]
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
from llamacpp_peer import load_llama  # benchmarks/, beside this script

from codellama.checkpoints import default_model_path, load_model
from codellama.engine import Engine as DecodeEngine
from codellama.engine import compile_decode
from codellama.generation import Generator, SamplingParams
from codellama.model import Transformer
from codellama.quant import QUANT_CHOICES
from codellama.tokenizer import Tokenizer

PROMPT = '''import heapq
from dataclasses import dataclass, field


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    deadline: float = field(default=0.0, compare=False)


class Scheduler:
    """A priority queue of tasks; lower priority numbers run first."""

    def __init__(self) -> None:
        self._heap: list[Task] = []
        self._names: set[str] = set()

    def add(self, task: Task) -> None:
        if task.name in self._names:
            raise ValueError(f"duplicate task {task.name!r}")
        heapq.heappush(self._heap, task)
        self._names.add(task.name)

    def pop(self) -> Task:
        """Remove and return the most urgent task."""
'''


@dataclass
class Engine:
    name: str
    prefill: Callable[[], object]  # one forward over the prompt, from an empty KV cache
    generate: Callable[[int], list[int]]  # n greedy tokens through the engine's generation API


@dataclass
class Result:
    engine: str
    prefill_tps: float
    decode_tps: float
    tokens: list[int]


def cpu_busy(seconds: float = 1.0) -> float:
    """Fraction of all cores' time spent busy over `seconds` (from /proc/stat; -1 where unavailable)."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat") as f:
            values = [int(v) for v in f.readline().split()[1:]]
        return sum(values), values[3] + values[4]  # total, idle + iowait

    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except OSError:
        return -1.0
    return 1 - (idle1 - idle0) / max(total1 - total0, 1)


def check_quiet(when: str) -> None:
    busy = cpu_busy()
    if busy > 0.2:
        print(
            f"WARNING: the CPUs were {busy:.0%} busy {when} (other processes?); "
            "the timings are unreliable: run again on an idle machine",
            flush=True,
        )


def timed(fn: Callable[[], object]) -> float:
    """Seconds `fn()` took; on a GPU, until its queued kernels have run (they run after the call returns)."""
    synchronize = torch.cuda.synchronize if torch.cuda.is_available() else (lambda: None)
    synchronize()
    start = time.perf_counter()
    fn()
    synchronize()
    return time.perf_counter() - start


def measure(engines: list[Engine], n_prompt: int, new_tokens: int, repeats: int) -> list[Result]:
    """Prefill and decode speed of each engine; the repeats go round the engines, so a busy spell hits all."""
    tokens = {}
    for e in engines:  # warm-up, and the tokens for the agreement check
        tokens[e.name] = e.generate(new_tokens)
        e.prefill()
        if len(tokens[e.name]) != new_tokens:
            raise RuntimeError(f"{e.name} generated {len(tokens[e.name])} tokens, not {new_tokens}")
    times: dict[str, list[list[float]]] = {e.name: [[], [], []] for e in engines}
    for _ in range(repeats):
        for e in engines:
            t_prefill, t_one, t_all = times[e.name]
            e.prefill()  # untimed: wakes this engine's threads and caches after the previous engine ran
            t_prefill.append(timed(e.prefill))
            t_one.append(timed(lambda e=e: e.generate(1)))
            t_all.append(timed(lambda e=e: e.generate(new_tokens)))
    results = []
    for e in engines:
        t_prefill, t_one, t_all = (min(t) for t in times[e.name])  # interference only ever adds time
        results.append(Result(e.name, n_prompt / t_prefill, (new_tokens - 1) / (t_all - t_one), tokens[e.name]))
        print(
            f"  {e.name}: best prefill {t_prefill * 1e3:.0f} ms, 1 token {t_one * 1e3:.0f} ms, "
            f"{new_tokens} tokens {t_all:.2f} s",
            flush=True,
        )
    return results


def ours_engine(
    model: Transformer, tokenizer: Tokenizer, prompt_ids: list[int], new_tokens: int, name: str = "ours"
) -> Engine:
    generator = Generator(model, tokenizer)
    T = len(prompt_ids)

    @torch.inference_mode()
    def prefill() -> None:
        model.setup_cache(1, T + new_tokens)  # allocated once, then reused (as Generator does)
        # the engine's own prefill: it picks the forward (a long prompt runs compiled under --compile)
        DecodeEngine(model, generator.vocab).prefill([prompt_ids])

    def generate(n: int) -> list[int]:
        params = SamplingParams(max_new_tokens=n, temperature=0.0, ignore_eos=True)
        return generator.run([prompt_ids], [params], stop_ids=set())[0].token_ids

    return Engine(name, prefill, generate)


def transformers_engine(path: Path, prompt_ids: list[int]) -> Engine:
    from transformers import AutoModelForCausalLM
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    model = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name, dtype=torch.float32).eval()
    input_ids = torch.tensor([prompt_ids])
    mask = torch.ones_like(input_ids)

    @torch.inference_mode()
    def prefill() -> None:
        model(input_ids=input_ids, attention_mask=mask, use_cache=True, logits_to_keep=1)

    @torch.inference_mode()
    def generate(n: int) -> list[int]:
        out = model.generate(
            input_ids,
            attention_mask=mask,
            max_new_tokens=n,
            min_new_tokens=n,
            do_sample=False,
            pad_token_id=model.config.eos_token_id,
        )
        return out[0, len(prompt_ids) :].tolist()

    return Engine("transformers", prefill, generate)


def llamacpp_engine(path: Path, prompt_ids: list[int]) -> Engine:
    llm = load_llama(path, n_ctx=1024, threads=torch.get_num_threads())

    def prefill() -> None:
        llm.reset()  # n_tokens = 0: the next eval clears the KV cache
        llm.eval(prompt_ids)

    def generate(n: int) -> list[int]:
        llm.reset()  # no reuse of the previous run's KV cache
        return list(itertools.islice(llm.generate(prompt_ids, temp=0.0), n))  # never stops by itself

    return Engine("llama.cpp", prefill, generate)


def agreement(a: list[int], b: list[int]) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new-tokens", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--quant", nargs="+", choices=QUANT_CHOICES, default=["none", "int8", "int4"], help="our weights, each a row"
    )
    parser.add_argument("--compile", action="store_true", help="also each --quant row with compiled decode steps")
    parser.add_argument("--skip-transformers", action="store_true")
    parser.add_argument("--skip-llamacpp", action="store_true")
    args = parser.parse_args(argv)
    if args.new_tokens < 2:
        parser.error("--new-tokens must be at least 2")

    path = default_model_path()
    engines = []
    for quant in dict.fromkeys(args.quant):
        model, tokenizer = load_model(quant=quant)
        prompt_ids = tokenizer.encode(PROMPT, bos=tokenizer.add_bos)
        engines.append(ours_engine(model, tokenizer, prompt_ids, args.new_tokens, f"ours {quant}"))
        if args.compile:  # a model of its own; its warm-up generation below compiles it
            model, tokenizer = load_model(quant=quant)
            compile_decode(model)
            engines.append(ours_engine(model, tokenizer, prompt_ids, args.new_tokens, f"ours {quant} comp."))
    print(
        f"model {path.name}, prompt {len(prompt_ids)} tokens, {args.new_tokens} new tokens, batch 1, "
        f"best of {args.repeats}, torch.get_num_threads() = {torch.get_num_threads()}",
        flush=True,
    )

    if args.skip_transformers:
        print("transformers: skipped (--skip-transformers)")
    else:
        engines.append(transformers_engine(path, prompt_ids))
    if args.skip_llamacpp:
        print("llama.cpp: skipped (--skip-llamacpp)")
    else:
        try:
            import llama_cpp  # noqa: F401
        except Exception as e:  # a missing or broken install: report and go on
            print(f"llama.cpp: skipped, llama_cpp does not import: {e!r}")
        else:
            engines.append(llamacpp_engine(path, prompt_ids))
    check_quiet("before the benchmark")
    results = measure(engines, len(prompt_ids), args.new_tokens, args.repeats)
    check_quiet("after the benchmark")
    base = results[0]
    print(f"\n{'engine':<20}{'prefill tok/s':>15}{'decode tok/s':>14}{'agree':>8}")
    for r in results:
        print(f"{r.engine:<20}{r.prefill_tps:>15.1f}{r.decode_tps:>14.2f}{agreement(base.tokens, r.tokens):>8}")
    ours = [r for r in results if r.engine.startswith("ours")]
    for peer in [r for r in results if not r.engine.startswith("ours")]:
        print()
        for r in ours:
            print(
                f"{r.engine + '/' + peer.engine:<32} prefill {r.prefill_tps / peer.prefill_tps:5.2f}x   "
                f"decode {r.decode_tps / peer.decode_tps:5.2f}x"
            )


if __name__ == "__main__":
    main()
