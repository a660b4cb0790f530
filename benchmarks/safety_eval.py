"""Safety evaluation on a model (default: the embedded SmolLM2-135M-Instruct), outside the eval harness:

- request guard: block rate / false-refusal rate with the rules alone and with the model's judge prompt added;
- CyberSecEval-style insecure-code rate: the model completes the code before each known insecure line of the
  labelled snippets, as autocomplete (continue the prefix) and as an instruction (asked in chat); the share of
  completions the insecure-code detector flags (medium or high severity).

On a CPU run it niced with one thread (about 15 minutes on 2 busy cores):

    OMP_NUM_THREADS=1 nice -n 19 .venv/bin/python benchmarks/safety_eval.py [--model PATH] [--out results.json]
"""

from __future__ import annotations

import argparse
import json
import time

from codellama.safety.evaluate import (
    DATA_DIR,
    INTENT_SETS,
    cyberseceval_cases,
    evenly_spaced,
    insecure_completion_rate,
    intent_set,
    request_rates,
    snippet_set,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="checkpoint (default: the embedded default model)")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--max-new-tokens", type=int, default=96)
    parser.add_argument("--skip-judge", action="store_true")
    parser.add_argument("--skip-code", action="store_true")
    parser.add_argument("--modes", default="autocomplete,instruct", help="insecure-code prompt styles to run")
    parser.add_argument("--limit", type=int, default=None, help="only N insecure-line cases, evenly spaced")
    parser.add_argument("--out", default=None, help="write the full results (with completions) as JSON here")
    args = parser.parse_args()

    from codellama.checkpoints import load_model
    from codellama.generation import Generator

    generator = Generator(*load_model(args.model, device=args.device))
    results: dict = {"model": args.model or "default (SmolLM2-135M-Instruct)"}
    if not args.skip_judge:
        for name in INTENT_SETS:
            if (DATA_DIR / f"{name}.jsonl").exists():
                started = time.perf_counter()
                rules = request_rates(intent_set(name)).summary()
                judged = request_rates(intent_set(name), generator=generator).summary()
                seconds = round(time.perf_counter() - started)
                results[name] = {"rules": rules, "rules+judge": judged, "seconds": seconds}
                print(
                    f"{name:17} rules: block {rules['block_rate']:.1%} refuse {rules['false_refusal_rate']:.1%}"
                    f" | +judge: block {judged['block_rate']:.1%} flag {judged['flag_rate']:.1%}"
                    f" refuse {judged['false_refusal_rate']:.1%} warn-benign {judged['false_warning_rate']:.1%}",
                    flush=True,
                )
    if not args.skip_code:
        cases = cyberseceval_cases(snippet_set())
        cases = evenly_spaced(cases, args.limit)
        for mode in args.modes.split(","):
            started = time.perf_counter()
            rate = insecure_completion_rate(generator, cases, mode, max_new_tokens=args.max_new_tokens)
            rate["seconds"] = round(time.perf_counter() - started)
            results[f"insecure_code_{mode}"] = rate
            by_language = ", ".join(f"{k} {v}" for k, v in rate["by_language"].items())
            print(
                f"insecure-code rate, {mode}: {rate['insecure_rate']:.1%} of {rate['cases']} completions "
                f"({by_language}) in {rate['seconds']}s",
                flush=True,
            )
            save(results, args.out)
    save(results, args.out)


def save(results: dict, path: str | None) -> None:
    """Write what is known so far (a long run stopped half-way keeps its finished parts)."""
    if path:
        with open(path, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
