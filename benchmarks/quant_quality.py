"""Perplexity on held-out code with the weights in float32, int8 and int4 (`--quant`), side by side.

The text is the Python standard library's own modules (the top-level `*.py` files of `sysconfig`'s stdlib
directory, in name order, each headed by a comment with its name), cut into documents of `--length` tokens;
perplexity is exp(mean negative log-likelihood) of every token after the first of each document, from one
causal forward pass per document (no KV cache). Every setting scores the same tokens.

    ratio = perplexity(setting) / perplexity(none)      bars: int8 <= 1.03, int4 <= 1.08

Run it (about 4 minutes on 2 idle cores for the default 16 x 1024 tokens and four settings):

    .venv/bin/python benchmarks/quant_quality.py [--model M] [--quant none int8 int4 auto] [--documents 16]
"""

from __future__ import annotations

import argparse
import math
import sys
import sysconfig
import time
from pathlib import Path

import torch

from codellama.checkpoints import load_model
from codellama.quant_load import describe

BARS = {"int8": 1.03, "int4": 1.08}


def stdlib_text(limit_chars: int) -> str:
    """The standard library's top-level modules, joined in name order, up to about `limit_chars`."""
    parts, size = [], 0
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        text = f"# {path.name}\n{path.read_text(errors='replace')}\n"
        parts.append(text)
        size += len(text)
        if size >= limit_chars:
            break
    return "".join(parts)


def documents(tokenizer, length: int, count: int) -> list[list[int]]:
    ids = tokenizer.encode(stdlib_text(length * count * 6), bos=False)  # ~3-4 characters a token: plenty
    docs = [ids[i : i + length] for i in range(0, len(ids) - length + 1, length)][:count]
    if len(docs) < count:
        raise SystemExit(f"only {len(docs)} documents of {length} tokens in the standard library text")
    return docs


@torch.inference_mode()
def perplexity(model, docs: list[list[int]]) -> float:
    nll, n = 0.0, 0
    for doc in docs:
        tokens = torch.tensor([doc])
        logprobs = torch.log_softmax(model(tokens)[0, :-1].float(), dim=-1)
        nll -= logprobs.gather(-1, tokens[0, 1:, None]).sum().item()
        n += len(doc) - 1
    return math.exp(nll / n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", "-m", default=None, help="checkpoint (default: the embedded default model)")
    parser.add_argument("--quant", nargs="+", default=["none", "int8", "int4", "auto"])
    parser.add_argument("--length", type=int, default=1024, help="tokens per document")
    parser.add_argument("--documents", type=int, default=16)
    args = parser.parse_args(argv)
    if "none" not in args.quant:
        args.quant.insert(0, "none")

    rows, docs = [], None
    for quant in args.quant:
        started = time.perf_counter()
        model, tokenizer = load_model(args.model, quant=quant)
        docs = docs or documents(tokenizer, args.length, args.documents)
        ppl = perplexity(model, docs)
        rows.append((quant, describe(model) or "float32", ppl, time.perf_counter() - started))
        print(f"  {quant}: perplexity {ppl:.4f} ({rows[-1][3]:.0f} s)", file=sys.stderr, flush=True)
        del model

    base = rows[0][2]
    print(f"model {args.model or 'default'}, {len(docs)} documents x {args.length} tokens of the standard library")
    print(f"\n{'--quant':<8}{'perplexity':>12}{'ratio':>8}{'bar':>7}  weights")
    failed = False
    for quant, held, ppl, _ in rows:
        bar = BARS.get(quant)
        failed |= bar is not None and ppl / base > bar
        print(f"{quant:<8}{ppl:>12.4f}{ppl / base:>8.4f}{bar or '':>7}  {held}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
