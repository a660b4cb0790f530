"""Subcommands of `codellama` for this package (registered by codellama/cli.py): `data` and `train`."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    """Add this package's subcommands; each sets `handler=` to the function that runs it."""
    data = sub.add_parser("data", help="build a training corpus: filter, dedup, decontaminate, tokenise")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    p = data_sub.add_parser("prepare", help="run the pipeline over directories, git repositories, JSONL/parquet")
    p.add_argument("sources", nargs="+", help="directories, git repositories (tracked files), .jsonl(.gz), .parquet")
    p.add_argument("--out", "-o", required=True, help="output directory (run again with it to resume)")
    p.add_argument("--model", "-m", default=None, help="whose tokenizer to use (default: the embedded model)")
    p.add_argument("--fim-rate", type=float, default=0.0, help="fill-in-the-middle rate (Code Llama: 0.9; default 0)")
    p.add_argument("--fim-spm-rate", type=float, default=0.5, help="fraction of FIM samples in SPM order")
    p.add_argument("--context", type=int, default=4096, help="training context: longer documents are never FIM'd")
    p.add_argument("--seed", type=int, default=0, help="FIM seed")
    p.add_argument("--infill-family", default="starcoder",
                   help="infill tokens to add when the tokenizer has none (starcoder, code-llama, ...)")
    p.add_argument("--allow-license", action="append", default=[], metavar="SPDX",
                   help="also keep documents under this licence (repeatable)")
    p.add_argument("--allow-unknown-license", action="store_true",
                   help="keep documents whose licence could not be found (your own code, say)")
    p.add_argument("--no-decontaminate", action="store_true", help="skip the HumanEval decontamination")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="skip files or directories whose name matches (besides .*, __pycache__, node_modules, ...)")
    p.add_argument("--checkpoint-every", type=int, default=1000, help="input documents between resumable saves")
    p.add_argument("--shard-tokens", type=int, default=64 * 2**20, help="tokens per shard (at most)")
    p.set_defaults(handler=cmd_data_prepare)

    p = data_sub.add_parser("stats", help="print the report of a finished pipeline run")
    p.add_argument("out", help="the pipeline's output directory")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_data_stats)


def cmd_data_prepare(args) -> None:
    from codellama.train.data.fim import FIMConfig
    from codellama.train.data.licenses import PERMISSIVE
    from codellama.train.data.pipeline import Pipeline, PipelineConfig, format_report
    from codellama.train.data.sources import DEFAULT_EXCLUDES

    fim = FIMConfig(args.fim_rate, args.fim_spm_rate, args.context, args.seed) if args.fim_rate > 0 else None
    config = PipelineConfig(
        sources=args.sources, out=args.out, model=args.model, infill_family=args.infill_family, fim=fim,
        allowed_licenses=tuple(sorted(PERMISSIVE | set(args.allow_license))),
        allow_unknown_license=args.allow_unknown_license, decontaminate=not args.no_decontaminate,
        excludes=DEFAULT_EXCLUDES + tuple(args.exclude), checkpoint_every=args.checkpoint_every,
        shard_tokens=args.shard_tokens,
    )
    stats = Pipeline(config).run()
    print(format_report(stats))
    print(f"wrote {args.out}/manifest.json, {args.out}/stats.json and {args.out}/documents/*.jsonl")


def cmd_data_stats(args) -> None:
    from pathlib import Path

    from codellama.train.data.pipeline import STATS, format_report

    path = Path(args.out) / STATS
    if not path.exists():
        raise ValueError(f"{path} not found: is {args.out} the output of a finished `codellama data prepare`?")
    stats = json.loads(path.read_text())
    if args.json:
        json.dump(stats, sys.stdout, indent=2)
        print()
    else:
        print(format_report(stats))
