"""Peak memory while loading the default model, against the size of its fp32 weights.

The embedded default model (SmolLM2-135M-Instruct, a Q4_1 GGUF) is loaded with `codellama.checkpoints.load_model()`
(dequantised to fp32) in a fresh subprocess, and, as the peer, with Hugging Face transformers' GGUF loader
(`AutoModelForCausalLM.from_pretrained(..., gguf_file=..., dtype=torch.float32)`) in another one.

In each subprocess, after importing torch and the loader (and codellama), the baseline is VmRSS from
/proc/self/status; the peak high-water mark VmHWM is then reset to it (by writing 5 to /proc/self/clear_refs, so the
imports' own peak does not count) and read again once the model is loaded. The fp32 size is 4 bytes times the
parameters present in the loaded model (`model.parameters()`, so tied embeddings count once).

    ratio = (peak RSS - baseline RSS) / fp32 size      target for ours: <= 1.5

RSS includes the pages of the memory-mapped GGUF file that were read. Exit status 1 if ours misses the target.

Run it (about 30 s):

    .venv/bin/python benchmarks/load_memory.py [--target 1.5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

MiB = 1024 * 1024
ENGINES = ("ours", "transformers")


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


def child(engine: str) -> dict[str, object]:
    """Load the model with `engine` in this (fresh) process and measure its memory."""
    import gc

    import torch

    from codellama.checkpoints import default_model_path, load_model

    path = default_model_path()
    if engine == "transformers":
        from transformers import AutoModelForCausalLM
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    gc.collect()
    peak_was_reset = reset_peak()
    baseline = status_bytes("VmRSS")
    if engine == "ours":
        model, _ = load_model()
    else:
        model = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name, dtype=torch.float32)
    peak = status_bytes("VmHWM")
    params = sum(p.numel() for p in model.parameters())
    dtypes = sorted({str(p.dtype) for p in model.parameters()})
    return {
        "engine": engine,
        "baseline": baseline,
        "peak": peak,
        "after": status_bytes("VmRSS"),
        "params": params,
        "dtypes": dtypes,
        "peak_was_reset": peak_was_reset,
    }


def run_child(engine: str) -> dict[str, object]:
    proc = subprocess.run([sys.executable, __file__, "--child", engine], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"the {engine} child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=1.5, help="largest passing (peak - baseline) / fp32 size")
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0

    results = [run_child(engine) for engine in ENGINES]
    fp32 = results[0]["params"] * 4
    print(f"fp32 weights: {results[0]['params']:,} parameters x 4 B = {fp32 / MiB:.1f} MiB (tied embeddings once)")
    print(
        f"\n{'engine':<14}{'baseline MiB':>13}{'peak MiB':>10}{'increase MiB':>14}{'after MiB':>11}"
        f"{'increase/fp32':>15}"
    )
    for r in results:
        increase = r["peak"] - r["baseline"]
        r["ratio"] = increase / (r["params"] * 4)
        print(
            f"{r['engine']:<14}{r['baseline'] / MiB:>13.1f}{r['peak'] / MiB:>10.1f}{increase / MiB:>14.1f}"
            f"{r['after'] / MiB:>11.1f}{r['ratio']:>15.2f}"
        )
        if r["params"] != results[0]["params"] or r["dtypes"] != ["torch.float32"]:
            print(f"  note: {r['engine']} has {r['params']:,} parameters of {', '.join(r['dtypes'])}")
        if not r["peak_was_reset"]:
            print(f"  note: VmHWM could not be reset: {r['engine']}'s peak includes the imports")
    ours = results[0]["ratio"]
    verdict = "PASS" if ours <= args.target else "FAIL"
    print(
        f"\n{verdict}: ours {ours:.2f} {'<=' if ours <= args.target else '>'} target {args.target} "
        f"(transformers {results[1]['ratio']:.2f})"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
