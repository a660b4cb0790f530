"""Subcommands of `codellama` for this package (registered by codellama/cli.py): `codellama eval ...`."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from codellama.cli_common import add_model_flags, add_sampling_flags, generator_from_args, note

RESULTS_DIR = Path("eval-results")


def register(sub: argparse._SubParsersAction) -> None:
    """Add this package's subcommands; each sets `handler=` to the function that runs it."""
    parser = sub.add_parser("eval", help="benchmarks: HumanEval, infilling, MultiPL-E, long context; reports")
    benchmarks = parser.add_subparsers(dest="benchmark", required=True)

    p = benchmarks.add_parser("humaneval", help="HumanEval pass@k (completion or instruct mode)")
    p.add_argument(
        "--mode",
        choices=("completion", "instruct"),
        default="completion",
        help="completion: continue the prompt (base models); instruct: ask through the chat template",
    )
    _add_sampling(p, max_tokens=512)
    _add_common(p)
    p.add_argument("--canonical", action="store_true", help="score the canonical solutions (no model)")
    p.add_argument(
        "--select",
        choices=("none", "verify"),
        default="none",
        help="verify: per problem, the greedy answer and --n - 1 samples (at --temperature, 0.8 when 0), one chosen "
        "by running the prompt's docstring examples and model-written tests (never the hidden tests); reports "
        "its pass@1 beside the greedy answer's (defaults: --max-tokens 256, instruct 384; --top-p 1 with min-p "
        "0.05; --batch-size 40)",
    )
    add_model_flags(p)
    # None: the default of the --select in use (see _humaneval_verify)
    p.set_defaults(handler=cmd_humaneval, max_tokens=None, top_p=None, batch_size=None)

    p = benchmarks.add_parser("infill", help="HumanEval infilling: single-line, multi-line, random-span; PSM/SPM")
    p.add_argument("--subset", choices=("single-line", "multi-line", "random-span"), default="single-line")
    p.add_argument("--infill-mode", choices=("psm", "spm"), default="psm", help="PSM or SPM prompt order")
    p.add_argument("--data", default=None, help="the published task files' directory, to check our tasks against")
    _add_sampling(p, max_tokens=128)
    _add_common(p)
    p.add_argument("--canonical", action="store_true", help="score the canonical middles (no model)")
    add_model_flags(p)
    p.set_defaults(handler=cmd_infill)

    p = benchmarks.add_parser("multipl-e", help="HumanEval translated to C++, Java, PHP, TypeScript, C#, Bash")
    p.add_argument(
        "--language",
        "-l",
        action="append",
        default=None,
        help="cpp, java, php, ts, cs, sh (repeatable; default: all six)",
    )
    _add_sampling(p, max_tokens=512)
    _add_common(p)
    p.add_argument(
        "--canonical",
        action="store_true",
        help="list the translated problems and the untranslatable ones with reasons (no model)",
    )
    add_model_flags(p)
    p.set_defaults(handler=cmd_multipl_e)

    p = benchmarks.add_parser("long-context", help="key retrieval by depth and length; perplexity by position")
    p.add_argument(
        "--lengths",
        default=None,
        help="context lengths in tokens, comma-separated (default: powers of two from 1024 up to the model's maximum)",
    )
    p.add_argument("--depths", default="0,0.2,0.4,0.6,0.8,1", help="relative depths of the key function")
    p.add_argument("--trials", type=int, default=1, help="keys per (length, depth)")
    p.add_argument(
        "--perplexity-files",
        nargs="*",
        default=None,
        help="long code files for perplexity by position (default: this package's own sources, joined)",
    )
    p.add_argument("--output", "-o", default=None, help=f"summary JSON (default: {RESULTS_DIR}/long-context.json)")
    p.add_argument("--no-progress", action="store_true")
    add_model_flags(p)
    p.set_defaults(handler=cmd_long_context)

    p = benchmarks.add_parser(
        "safety",
        help="request guard block/false-refusal rates; insecure-code rate of "
        "the model's completions (CyberSecEval's method)",
    )
    add_model_flags(p)
    p.add_argument("--judge", action="store_true", help="also measure the guard with the model's judge prompt")
    p.add_argument("--modes", default="autocomplete,instruct", help="insecure-code prompt styles (comma-separated)")
    p.add_argument("--limit", type=int, default=None, help="only N insecure-line cases, evenly spaced")
    p.add_argument("--max-tokens", type=int, default=96)
    p.add_argument("--output", "-o", default=None, help=f"summary file (default under {RESULTS_DIR}/)")
    p.set_defaults(handler=cmd_safety)

    p = benchmarks.add_parser("report", help="collect the summaries into JSON, Markdown and PNG plots")
    p.add_argument("--results", default=str(RESULTS_DIR), help=f"directory of *.summary.json (default {RESULTS_DIR})")
    p.add_argument("--output", "-o", default=None, help="report directory (default: <results>/report)")
    p.set_defaults(handler=cmd_report)


def _add_sampling(p: argparse.ArgumentParser, max_tokens: int) -> None:
    """Samples per problem, and the benchmarks' sampling defaults: top-p 0.95, seed 0 (sampled runs derive each
    sample's seed from it)."""
    p.add_argument(
        "--n",
        type=int,
        default=1,
        help="samples per problem (pass@k needs n >= k); sampled runs derive each one's seed from --seed",
    )
    add_sampling_flags(p, max_tokens=max_tokens, top_p=0.95, seed=0, full=False)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, default=None, help="only the first N problems")
    p.add_argument("--workers", type=int, default=2, help="programs run at once in the sandbox")
    p.add_argument("--batch-size", type=int, default=8, help="samples generated together")
    p.add_argument(
        "--output",
        "-o",
        default=None,
        help=f"per-sample JSONL (default under {RESULTS_DIR}/); a rerun with the same settings resumes it",
    )
    p.add_argument(
        "--unsafe",
        action="store_true",
        help="run model-written code WITHOUT isolation when the sandbox is unavailable (at your own risk)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def _sandbox(args, limits):
    from codellama.sandbox import Sandbox, SandboxUnavailable

    try:
        return Sandbox(limits, unsafe=args.unsafe)
    except SandboxUnavailable as e:
        raise ValueError(str(e)) from None


def _params(args):
    from codellama.generation import SamplingParams

    if args.n > 1 and args.temperature == 0:
        raise ValueError(f"--n {args.n} with greedy decoding gives {args.n} identical samples: set --temperature")
    return SamplingParams(max_new_tokens=args.max_tokens, temperature=args.temperature, top_p=args.top_p)


def _settings(args, **extra) -> dict:
    model = "canonical" if getattr(args, "canonical", False) else (args.model or "default")
    sampling = (
        {}
        if getattr(args, "canonical", False)
        else {"temperature": args.temperature, "top_p": args.top_p, "max_tokens": args.max_tokens, "seed": args.seed}
    )
    return {"model": model, **sampling, **extra}


def _finish(summary: dict, output: Path) -> None:
    path = output.with_name(output.name.removesuffix(".jsonl") + ".summary.json")
    path.write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))
    note(f"summary written to {path}")


def _default_output(args, name: str) -> Path:
    if args.output:
        return Path(args.output)
    who = "canonical" if args.canonical else Path(args.model or "default").stem
    return RESULTS_DIR / f"{name}-{who}.jsonl"


def cmd_humaneval(args) -> None:
    from codellama.eval import humaneval

    if args.select == "verify":
        return _humaneval_verify(args)
    args.max_tokens = args.max_tokens or 512
    args.top_p = 0.95 if args.top_p is None else args.top_p
    args.batch_size = args.batch_size or 8
    sandbox = _sandbox(args, humaneval.LIMITS)
    output = _default_output(args, f"humaneval-{args.mode}")
    if args.canonical:
        complete, settings = humaneval.canonical_completer, _settings(args, mode="canonical")
    else:
        params = _params(args)
        complete = humaneval.model_completer(
            generator_from_args(args), args.mode, params, seed=args.seed if args.temperature > 0 else None
        )
        settings = _settings(args, mode=args.mode)
    summary = humaneval.run(
        complete,
        settings=settings,
        n=args.n,
        limit=args.limit,
        output=output,
        workers=args.workers,
        batch_size=args.batch_size,
        sandbox=sandbox,
        progress=not args.no_progress,
    )
    _finish(summary, output)


def _humaneval_verify(args) -> None:
    from codellama.eval import humaneval, humaneval_verify
    from codellama.generation import SamplingParams
    from codellama.verify import DEFAULT_TEMPERATURE, Options

    if args.canonical:
        raise ValueError("--select verify chooses among the model's candidates: leave out --canonical")
    if args.n < 2:
        raise ValueError(f"--select verify chooses among --n candidates: give --n 2 or more (e.g. 10), got {args.n}")
    args.max_tokens = args.max_tokens or (256 if args.mode == "completion" else 384)
    sandbox = _sandbox(args, humaneval.LIMITS)
    options = Options(n=args.n, temperature=args.temperature or DEFAULT_TEMPERATURE, seed=args.seed or 0)
    options.top_p = options.top_p if args.top_p is None else args.top_p
    options.workers = args.workers
    options.check()
    args.top_p, args.temperature = options.top_p, options.temperature
    code_stop = "python" if args.mode == "completion" else None  # candidates end with the function (cheaper)
    settings = _settings(args, mode=args.mode) | {"min_p": options.min_p, "code_stop": code_stop}
    output = _default_output(args, f"humaneval-{args.mode}-verify")
    summary = humaneval_verify.run(
        generator_from_args(args),
        args.mode,
        SamplingParams(max_new_tokens=args.max_tokens, code_stop=code_stop),
        options,
        settings=settings,
        limit=args.limit,
        output=output,
        sandbox=sandbox,
        batch_size=max(args.batch_size or 40, args.n),
        progress=not args.no_progress,
    )
    _finish(summary, output)


def cmd_infill(args) -> None:
    from codellama.eval import humaneval, infilling

    sandbox = _sandbox(args, humaneval.LIMITS)
    output = _default_output(args, f"infill-{args.subset}-{args.infill_mode}")
    if args.canonical:
        fill, settings = infilling.canonical_filler, _settings(args, infill_mode=args.infill_mode)
    else:
        fill = infilling.model_filler(generator_from_args(args), _params(args), args.infill_mode)
        settings = _settings(args, infill_mode=args.infill_mode)
    summary = infilling.run(
        fill,
        args.subset,
        settings=settings,
        limit=args.limit,
        output=output,
        workers=args.workers,
        batch_size=args.batch_size,
        sandbox=sandbox,
        data_dir=args.data,
        progress=not args.no_progress,
    )
    _finish(summary, output)


def cmd_multipl_e(args) -> None:
    from codellama.eval import multipl_e

    languages = args.language or list(multipl_e.LANGUAGES)
    for name in languages:
        multipl_e.language(name)  # unknown language or missing toolchain: say so before loading anything
    if args.canonical:
        listing = {}
        for name in languages:
            problems, skipped = multipl_e.translate(name, args.limit)
            listing[name] = {"translated": len(problems), "untranslatable": skipped}
        print(json.dumps(listing, indent=2))
        return
    sandbox = _sandbox(args, None)
    complete = multipl_e.model_completer(generator_from_args(args), _params(args))
    for name in languages:
        output = (
            _default_output(args, f"multipl-e-{name}")
            if len(languages) == 1 or not args.output
            else Path(args.output).with_name(f"{Path(args.output).stem}-{name}.jsonl")
        )
        summary = multipl_e.run(
            complete,
            name,
            settings=_settings(args),
            n=args.n,
            limit=args.limit,
            output=output,
            workers=args.workers,
            batch_size=args.batch_size,
            sandbox=sandbox,
            progress=not args.no_progress,
        )
        _finish(summary, output)


def cmd_long_context(args) -> None:
    from codellama.eval import long_context

    lengths = [int(x) for x in args.lengths.split(",")] if args.lengths else None
    try:
        depths = [float(x) for x in args.depths.split(",")]
    except ValueError:
        raise ValueError(f"--depths {args.depths!r}: give numbers between 0 and 1, comma-separated") from None
    files = [Path(f) for f in args.perplexity_files] if args.perplexity_files else None
    generator = generator_from_args(args)
    summary = long_context.run(
        generator,
        lengths,
        depths,
        args.trials,
        files,
        settings={"model": args.model or "default"},
        progress=not args.no_progress,
    )
    output = (
        Path(args.output)
        if args.output
        else RESULTS_DIR / f"long-context-{Path(args.model or 'default').stem}.summary.json"
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(summary, indent=2) + "\n")
    print(
        json.dumps(
            {k: v for k, v in summary.items() if k != "key_retrieval"}
            | {"key_retrieval_accuracy": summary["key_retrieval"]["accuracy"]},
            indent=2,
        )
    )
    note(f"summary written to {output}")


def cmd_safety(args) -> None:
    from codellama.safety.evaluate import (
        INTENT_SETS,
        cyberseceval_cases,
        evenly_spaced,
        insecure_completion_rate,
        intent_set,
        request_rates,
        snippet_set,
    )

    modes = [m for m in args.modes.split(",") if m]
    if any(m not in ("autocomplete", "instruct") for m in modes):
        raise ValueError(f"--modes {args.modes!r}: use autocomplete and/or instruct")
    generator = generator_from_args(args) if modes or args.judge else None
    started = time.perf_counter()
    summary: dict = {"benchmark": "safety", "model": args.model or "default", "requests": {}, "insecure_code": {}}
    for name in INTENT_SETS:
        rules = request_rates(intent_set(name)).summary()
        summary["requests"][name] = {"rules": rules}
        if args.judge:
            summary["requests"][name]["rules+judge"] = request_rates(intent_set(name), generator=generator).summary()
    cases = evenly_spaced(cyberseceval_cases(snippet_set()), args.limit)
    for mode in modes:
        rate = insecure_completion_rate(generator, cases, mode, max_new_tokens=args.max_tokens)
        summary["insecure_code"][mode] = {k: v for k, v in rate.items() if k != "samples"}
    summary["wall_seconds"] = round(time.perf_counter() - started, 1)
    output = (
        Path(args.output) if args.output else RESULTS_DIR / f"safety-{Path(args.model or 'default').stem}.summary.json"
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(summary, indent=2) + "\n")
    for name, rates in summary["requests"].items():
        r = rates["rules"]
        print(f"{name:17} block {r['block_rate']:.1%}  false refusals {r['false_refusal_rate']:.1%}")
    for mode, rate in summary["insecure_code"].items():
        print(f"insecure-code rate, {mode}: {rate['insecure_rate']:.1%} of {rate['cases']} completions")
    note(f"summary written to {output}")


def cmd_report(args) -> None:
    from codellama.eval.report import write_report

    for path in write_report(args.results, args.output):
        print(path)
