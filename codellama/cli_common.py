"""What every `codellama` command shares: its flag groups and the one way to load a model from them.

    add_model_flags(parser)             --model (and --device, --dtype, --quant, --compile)
    add_sampling_flags(parser)          --max-tokens, --temperature, --top-p, ... with per-command defaults
    add_safety_flags(parser)            the guard rails: --code-policy, --references (--guard, server extras)
    generator_from_args(args) -> Generator
    note(message)                       a progress line on stderr

The top-level command (cli.py) and the subcommands of server/, eval/, safety/ and train/ import from here; this
module imports none of them, and nothing heavy (torch, the model) until a model is loaded.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch

    from codellama.generation import Generator

DTYPES = ("auto", "float32", "bfloat16", "float16")
QUANTS = ("auto", "none", "int8", "int4")  # codellama.quant.QUANT_CHOICES, without importing torch
QUANT_HELP = (
    "weights in memory: auto keeps a quantised file's compression on the CPU (GGUF Q4_x: int4, Q5..Q8: int8; "
    "float files stay float), none dequantises to --dtype (exact), int8/int4 quantise the linear layers "
    "and the embedding (see docs/quantization.md)"
)
COMPILE_HELP = (
    "run decode steps through torch.compile: faster tokens (about a fifth less CPU time each on the default model) "
    "after the first step at batch 1, and the first at batch 2 or more, each compile (minutes on a small CPU the "
    "first time, seconds once cached); worth it for serve, not for one short command (docs/quantization.md)"
)
MODEL_HELP = "model directory (Meta, Hugging Face or quantized), .gguf file, or 'default' (embedded SmolLM2-135M)"
GUARD_POLICIES = ("off", "warn", "block")
CODE_POLICIES = ("off", "warn", "default", "strict")
REFERENCE_POLICIES = ("off", "annotate", "block")


# -- flag groups ------------------------------------------------------------------------------


def add_model_flags(
    parser: argparse.ArgumentParser, *, model_help: str = MODEL_HELP, placement: bool = True, context: bool = True
) -> None:
    """--model/-m; with `placement`, also where and how to run it (--device, --dtype, --quant, --compile,
    --rope-scaling, and with `context` --ctx-size: the server has its own). Commands that only read the tokenizer,
    or that place the model themselves (the trainer), leave placement out."""
    parser.add_argument("--model", "-m", default=None, help=model_help)
    if placement:
        parser.add_argument("--device", default=None, help="cpu, cuda, cuda:1 ... (default: cuda if available)")
        parser.add_argument("--dtype", choices=DTYPES, default="auto", help="auto: float32 on CPU, bfloat16 on GPU")
        parser.add_argument("--quant", choices=QUANTS, default="auto", help=QUANT_HELP)
        parser.add_argument("--compile", action="store_true", help=COMPILE_HELP)
        parser.add_argument("--rope-scaling", type=rope_scaling, default=None, metavar="KIND:FACTOR", help=ROPE_HELP)
        if context:
            parser.add_argument(
                "--ctx-size",
                "-c",
                type=at_least_one,
                default=None,
                help="positions a prompt and its output may take (default: the model's; with --rope-scaling, "
                "FACTOR times it)",
            )


ROPE_KINDS = ("linear", "ntk", "yarn")
ROPE_HELP = (
    "read past the positions the model was trained on by stretching its rotary embedding: linear (position "
    "interpolation), ntk (a larger base) or yarn (NTK-by-parts with attention scaling), by FACTOR, e.g. yarn:4"
)


def rope_scaling(text: str) -> dict:
    """An argparse type: KIND:FACTOR ("yarn:4") -> {"type": "yarn", "factor": 4.0}."""
    kind, _, factor = text.partition(":")
    try:
        value = float(factor)
    except ValueError:
        value = 0.0
    if kind not in ROPE_KINDS or not value >= 1:
        raise argparse.ArgumentTypeError(
            f"expected KIND:FACTOR with KIND one of {', '.join(ROPE_KINDS)} and FACTOR >= 1 (e.g. yarn:4), got {text!r}"
        )
    return {"type": kind, "factor": value}


def at_least_one(text: str) -> int:
    """An argparse type: a whole number of at least 1 (refused when the command line is read, before a model
    loads)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def add_sampling_flags(
    parser: argparse.ArgumentParser,
    *,
    max_tokens: int = 256,
    top_p: float = 1.0,
    seed: int | None = None,
    full: bool = True,
) -> None:
    """How to sample: --max-tokens, --temperature, --top-p, --seed. `full` (the generation commands) adds -n for
    --max-tokens, --top-k, --min-p, --repetition-penalty and --stop; the benchmarks take the core four, with their
    own defaults (there `--n` is the number of samples per problem)."""
    short = ("-n",) if full else ()
    parser.add_argument("--max-tokens", *short, type=at_least_one, default=max_tokens, help="maximum new tokens")
    parser.add_argument("--temperature", "-t", type=float, default=0.0, help="0 means greedy (default)")
    parser.add_argument("--top-p", type=float, default=top_p)
    if full:
        parser.add_argument("--top-k", type=int, default=0)
        parser.add_argument("--min-p", type=float, default=0.0)
        parser.add_argument("--repetition-penalty", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=seed, help="same seed, same output")
    if full:
        parser.add_argument("--stop", action="append", default=[], help="stop string (repeatable); never printed")


def add_safety_flags(parser: argparse.ArgumentParser, *, guard: bool = False, server: bool = False) -> None:
    """The guard rails (docs/safety.md). `guard`: judge chat requests (--guard). `server`: the server's extras
    (--guard-judge, --reference-policy); there the code policy withholds what it blocks, elsewhere findings are
    only reported on stderr."""
    group = parser.add_argument_group("guard rails (see docs/safety.md)")
    if guard:
        group.add_argument(
            "--guard",
            choices=GUARD_POLICIES,
            default="block",
            help="chat requests asking for malware-like behaviour: refuse (block), flag (warn) or not judge",
        )
    if server:
        group.add_argument(
            "--guard-judge", action="store_true", help="also ask the loaded model to judge chat requests"
        )
    code_policy_help = (
        "insecure code in outputs: default blocks high severity and flags the rest"
        if server
        else "scan the generated code for insecure patterns and report them on stderr"
    )
    group.add_argument("--code-policy", choices=CODE_POLICIES, default="default", help=code_policy_help)
    group.add_argument(
        "--references",
        default=None,
        metavar="INDEX",
        help="report generated text that copies a document of this index (`codellama refs build`)",
    )
    if server:
        group.add_argument("--reference-policy", choices=REFERENCE_POLICIES, default="annotate")


# -- loading ----------------------------------------------------------------------------------


def device_from_name(name: str | None) -> str:
    """The device to run on: `name` as given (checked), or cuda when there is one, else cpu."""
    import torch

    if name:
        if name.startswith("cuda") and not torch.cuda.is_available():
            raise ValueError(f"--device {name}: no CUDA device is available here; use --device cpu")
        return name
    return "cuda" if torch.cuda.is_available() else "cpu"


def dtype_from_name(name: str) -> torch.dtype | None:
    """A --dtype choice as a torch dtype; None for auto (the device's default)."""
    import torch

    return None if name == "auto" else getattr(torch, name)


def generator_from_args(args: argparse.Namespace) -> Generator:
    """A Generator for the model the flags of add_model_flags name (noting on stderr what was loaded)."""
    from codellama.checkpoints import load_generator

    started = time.perf_counter()
    quant = getattr(args, "quant", "auto")
    generator = load_generator(args.model, device_from_name(args.device), dtype_from_name(args.dtype), quant)
    extend_context(generator.model, getattr(args, "ctx_size", None), getattr(args, "rope_scaling", None))
    held = quantization(generator.model)
    note(
        f"loaded {generator.model.args.num_params / 1e6:.0f}M parameters{f' ({held})' if held else ''} "
        f"in {time.perf_counter() - started:.1f}s"
    )
    if getattr(args, "compile", False):
        from codellama.engine import compile_decode

        compile_decode(generator.model)
        note("decode steps and long prefills will run compiled: the first of each kind compiles, which takes a while")
    return generator


def extend_context(model, length: int | None, scaling: dict | None) -> None:
    """Apply --ctx-size and --rope-scaling to a loaded model, saying what changed (and warning when positions go
    past what the model was trained on without a scaling)."""
    native = model.args.max_seq_len
    if length is None and scaling is None:
        return
    model.set_context(length, scaling)
    stretch = f", rotary embedding {scaling['type']} x{scaling['factor']:g}" if scaling else ""
    note(f"context {model.args.max_seq_len} positions (trained on {native}{stretch})")
    if scaling is None and model.args.max_seq_len > native:
        note(f"past position {native} the model's output degrades unless --rope-scaling stretches it (e.g. yarn:2)")


def quantization(model) -> str:
    """What is quantised in a loaded model ("int4 x 210, int8 x 1"), or "" when nothing is."""
    from codellama.quant_load import describe

    return describe(model)


def note(message: str) -> None:
    """A progress or diagnostic line on stderr, marked as ours."""
    print(f"[codellama] {message}", file=sys.stderr, flush=True)
