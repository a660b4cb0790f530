"""A quick check of what FIM training taught a model: the loss on the middle, and single-line infilling.

For held-out source files (cut into chunks that fit the context), each chunk becomes one FIM
sample with random cuts (PSM/SPM as the family allows); the score is the mean cross-entropy of
the middle and its end-of-infill token given the prefix and suffix. Single-line exact match
blanks one random non-empty line of a chunk and asks `Generator.infill` (greedy) for it.

    python -m codellama.train.infill_eval --model runs/code/export/hf --source some/held-out/dir
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import torch
import torch.nn.functional as F

from codellama.train.data.fim import FIMConfig, transform


def chunks(source: Path, lines: int = 30, limit: int = 40, seed: int = 0) -> list[str]:
    files = sorted(p for p in source.rglob("*.py") if "__pycache__" not in p.parts)
    out = []
    for path in files:
        text = path.read_text(errors="replace").splitlines(keepends=True)
        pieces = ("".join(text[i : i + lines]) for i in range(0, len(text), lines))
        out += [piece for piece in pieces if piece.strip()]
    random.Random(seed).shuffle(out)
    return out[:limit]


@torch.no_grad()
def middle_loss(model, tokenizer, texts: list[str], context: int = 512, seed: int = 0) -> float:
    """Mean cross-entropy per token of the middle (and end-of-infill) of FIM samples of `texts`."""
    total, count = 0.0, 0
    middle_id = tokenizer.infill.middle
    for n, text in enumerate(texts):
        ids, kind = transform(tokenizer, text, FIMConfig(rate=1.0, context=context, seed=seed + n))
        if kind == "plain":
            continue
        start = ids.index(middle_id) + 1
        logits = model(torch.tensor([ids]))[0]
        targets = torch.tensor(ids[start:])
        total += F.cross_entropy(logits[start - 1 : len(ids) - 1], targets, reduction="sum").item()
        count += len(targets)
    return total / max(count, 1)


def single_line_exact_match(generator, texts: list[str], seed: int = 0) -> float:
    from codellama.generation import SamplingParams

    rng = random.Random(seed)
    hits = tried = 0
    for text in texts:
        lines = text.splitlines(keepends=True)
        candidates = [i for i, line in enumerate(lines) if line.strip()]
        if not candidates:
            continue
        i = rng.choice(candidates)
        prefix = "".join(lines[:i]) + lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        suffix = "".join(lines[i + 1 :])
        want = lines[i].strip()
        result = generator.infill(prefix, "\n" + suffix, SamplingParams(max_new_tokens=48, stop=["\n"]))
        hits += result.middle.strip() == want
        tried += 1
    return hits / max(tried, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", required=True, help="checkpoint(s) to compare ('default' ok)")
    parser.add_argument("--source", required=True, help="held-out directory of .py files")
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--generate", type=int, default=10, help="single-line infill tasks (greedy)")
    args = parser.parse_args()

    from codellama.checkpoints import load_model
    from codellama.generation import Generator
    from codellama.train.infill_tokens import prepare_for_infill

    texts = chunks(Path(args.source), limit=args.samples)
    for name in args.model:
        model, tokenizer = load_model(name, device="cpu", dtype=torch.float32)  # 'default': the embedded model
        tokenizer = prepare_for_infill(model, tokenizer)  # the untrained model: mean-initialised infill tokens
        model.eval()
        loss = middle_loss(model, tokenizer, texts)
        exact = single_line_exact_match(Generator(model, tokenizer), texts[: args.generate])
        print(
            json.dumps(
                {
                    "model": name,
                    "middle_loss": round(loss, 4),
                    "samples": len(texts),
                    "single_line_exact_match": exact,
                    "tasks": min(args.generate, len(texts)),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
