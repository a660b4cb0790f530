"""Subcommands of `codellama` for this package (registered by codellama/cli.py): `data` and `train`."""

from __future__ import annotations

import argparse
import json
import sys

from codellama.cli_common import add_model_flags, note
from codellama.train.config import recipe_names


def register(sub: argparse._SubParsersAction) -> None:
    """Add this package's subcommands; each sets `handler=` to the function that runs it."""
    data = sub.add_parser("data", help="build a training corpus: filter, dedup, decontaminate, tokenise")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    p = data_sub.add_parser("prepare", help="run the pipeline over directories, git repositories, JSONL/parquet")
    p.add_argument("sources", nargs="+", help="directories, git repositories (tracked files), .jsonl(.gz), .parquet")
    p.add_argument("--out", "-o", required=True, help="output directory (run again with it to resume)")
    add_model_flags(p, model_help="whose tokenizer to use (default: the embedded model)", placement=False)
    p.add_argument("--fim-rate", type=float, default=0.0, help="fill-in-the-middle rate (Code Llama: 0.9; default 0)")
    p.add_argument("--fim-spm-rate", type=float, default=0.5, help="fraction of FIM samples in SPM order")
    p.add_argument("--context", type=int, default=4096, help="training context: longer documents are never FIM'd")
    p.add_argument("--seed", type=int, default=0, help="FIM seed")
    p.add_argument(
        "--infill-family",
        default="starcoder",
        help="infill tokens to add when the tokenizer has none (starcoder, code-llama, ...)",
    )
    p.add_argument(
        "--allow-license",
        action="append",
        default=[],
        metavar="SPDX",
        help="also keep documents under this licence (repeatable)",
    )
    p.add_argument(
        "--allow-unknown-license",
        action="store_true",
        help="keep documents whose licence could not be found (your own code, say)",
    )
    p.add_argument("--no-decontaminate", action="store_true", help="skip the HumanEval decontamination")
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files or directories whose name matches (besides .*, __pycache__, node_modules, ...)",
    )
    p.add_argument("--checkpoint-every", type=int, default=1000, help="input documents between resumable saves")
    p.add_argument("--shard-tokens", type=int, default=64 * 2**20, help="tokens per shard (at most)")
    p.set_defaults(handler=cmd_data_prepare)

    p = data_sub.add_parser("chat", help="tokenise conversations (JSONL of {messages}) with the loss on answers only")
    p.add_argument("input", help='a .jsonl file, one {"messages": [{"role": ..., "content": ...}, ...]} a line')
    p.add_argument("--out", "-o", required=True, help="output directory")
    add_model_flags(p, model_help="whose tokenizer and chat format (default: the embedded model)", placement=False)
    p.add_argument("--chat-format", choices=("auto", "llama2", "template"), default="auto")
    p.add_argument("--infill-family", default="starcoder", help="infill tokens to add when the tokenizer has none")
    p.set_defaults(handler=cmd_data_chat)

    p = data_sub.add_parser(
        "self-instruct",
        help="instruction data as Code Llama - Instruct's: the model writes questions, tests and solutions; "
        "a solution is kept when it passes the tests in the sandbox",
    )
    p.add_argument("--out", "-o", required=True, help="output directory (run again with it to resume or extend)")
    p.add_argument("--questions", type=int, default=50, help="questions to keep after filtering and dedup")
    p.add_argument("--solutions", type=int, default=10, help="solutions tried per question (the first passing one)")
    p.add_argument("--tests", type=int, default=3, help="assert lines kept per question (the first ones written)")
    add_model_flags(p, model_help="the model that writes the data (default: the embedded model)")
    p.add_argument("--seed", type=int, default=0, help="every sample's seed derives from it")
    p.add_argument("--batch-size", type=int, default=32, help="prompts generated together")
    p.add_argument("--workers", type=int, default=2, help="programs run at once in the sandbox")
    p.add_argument("--chat-format", choices=("auto", "llama2", "template"), default="auto", help="for OUT/chat")
    p.add_argument("--infill-family", default="starcoder", help="for OUT/chat: as `codellama data chat`")
    p.add_argument(
        "--unsafe",
        action="store_true",
        help="run model-written code WITHOUT isolation when the sandbox is unavailable (at your own risk)",
    )
    p.set_defaults(handler=cmd_data_self_instruct)

    p = data_sub.add_parser("stats", help="print the report of a finished pipeline run")
    p.add_argument("out", help="the pipeline's output directory")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_data_stats)

    recipes = ", ".join(recipe_names()) or "none installed"
    p = sub.add_parser(
        "train",
        help=f"train with a recipe ({recipes}) under torchrun",
        description=f"Train with a recipe ({recipes}): one process trains here, several "
        "(--nproc-per-node) under torchrun.",
    )
    p.add_argument("--recipe", "-r", required=True, help=f"a recipe name ({recipes}) or a .toml file")
    p.add_argument(
        "--data",
        "-d",
        action="append",
        default=[],
        metavar="[NAME=]DIR[:WEIGHT]",
        help="prepared data (a `codellama data` output) or a source directory / git repository to prepare; "
        "NAME takes its weight from the recipe's mix (repeatable)",
    )
    add_model_flags(p, model_help="checkpoint to start from (default: the embedded model)", placement=False)
    p.add_argument("--out", "-o", default=None, help="run directory: logs, checkpoints, export (default runs/RECIPE)")
    p.add_argument("--steps", type=int, default=None)
    p.add_argument("--seq-len", type=int, default=None)
    p.add_argument("--batch-tokens", type=int, default=None, help="tokens per optimiser step over all ranks")
    p.add_argument("--lr", type=float, default=None, help="peak learning rate")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="any other recipe setting")
    p.add_argument("--nproc-per-node", type=int, default=1, help="processes (GPUs) on this machine; >1 uses torchrun")
    p.add_argument(
        "--allow-unknown-license",
        action="store_true",
        help="when preparing sources: keep files without a detected licence (your own repository)",
    )
    p.add_argument("--dry-run", action="store_true", help="print the resolved settings and exit")
    p.set_defaults(handler=cmd_train)


def cmd_data_prepare(args) -> None:
    from codellama.train.data.fim import FIMConfig
    from codellama.train.data.licenses import PERMISSIVE
    from codellama.train.data.pipeline import Pipeline, PipelineConfig, format_report
    from codellama.train.data.sources import DEFAULT_EXCLUDES

    fim = FIMConfig(args.fim_rate, args.fim_spm_rate, args.context, args.seed) if args.fim_rate > 0 else None
    config = PipelineConfig(
        sources=args.sources,
        out=args.out,
        model=args.model,
        infill_family=args.infill_family,
        fim=fim,
        allowed_licenses=tuple(sorted(PERMISSIVE | set(args.allow_license))),
        allow_unknown_license=args.allow_unknown_license,
        decontaminate=not args.no_decontaminate,
        excludes=DEFAULT_EXCLUDES + tuple(args.exclude),
        checkpoint_every=args.checkpoint_every,
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


def cmd_data_chat(args) -> None:
    from codellama.train.data.chat import prepare_chat
    from codellama.train.data.pipeline import load_pipeline_tokenizer

    tokenizer = load_pipeline_tokenizer(args.model, args.infill_family)
    manifest = prepare_chat(args.input, args.out, tokenizer, args.chat_format)
    print(
        f"{manifest['num_documents']} conversations, {manifest['num_tokens']:,} tokens, "
        f"{manifest['loss_tokens']:,} in answers (the loss); wrote {args.out}/manifest.json"
    )


def cmd_data_self_instruct(args) -> None:
    from codellama.cli_common import generator_from_args
    from codellama.sandbox import Sandbox, SandboxUnavailable
    from codellama.train.data.pipeline import load_pipeline_tokenizer
    from codellama.train.data.self_instruct import (
        LIMITS,
        GeneratorModel,
        SelfInstruct,
        SelfInstructConfig,
        format_report,
        tokenise,
    )

    try:
        sandbox = Sandbox(LIMITS, unsafe=args.unsafe)
    except SandboxUnavailable as e:
        raise ValueError(str(e)) from None
    config = SelfInstructConfig(
        out=args.out,
        questions=args.questions,
        solutions=args.solutions,
        tests=args.tests,
        batch_size=args.batch_size,
        seed=args.seed,
        workers=args.workers,
        model=args.model or "default",
    )
    config.check_resumable()
    pipeline = SelfInstruct(config, GeneratorModel(generator_from_args(args)), sandbox, note)
    report = pipeline.run()
    print(format_report(report))
    manifest = tokenise(args.out, load_pipeline_tokenizer(args.model, args.infill_family), args.chat_format)
    if manifest is None:
        print(f"wrote {args.out}/report.json; no pair was kept, so there is nothing to train on")
        return
    print(
        f"wrote {args.out}/conversations.jsonl, pairs.jsonl, report.json and chat/ ({manifest['num_tokens']:,} "
        f"tokens, {manifest['loss_tokens']:,} in answers): codellama train --recipe instruct --data {args.out}/chat"
    )


def _resolve_data(args, config) -> list[tuple[str, float]]:
    """--data entries as (prepared directory, weight), preparing raw sources with the recipe's FIM setting."""
    from pathlib import Path

    resolved = []
    for entry in args.data:
        name = None
        if "=" in entry:
            name, entry = entry.split("=", 1)
            if name not in config.mix:
                raise ValueError(
                    f"--data {name}=...: the recipe's mix has no {name!r}; its names are "
                    f"{', '.join(config.mix) or 'none'} (or give DIR[:WEIGHT])"
                )
        path, _, weight = entry.partition(":")
        if weight and not weight.replace(".", "", 1).isdigit():
            path, weight = entry, ""  # a colon that belongs to the path
        weight = float(weight) if weight else config.mix.get(name, 1.0) if name else 1.0
        if not (Path(path) / "manifest.json").exists():
            path = _prepare_source(path, name, args, config)
        resolved.append((path, weight))
    return resolved


def _prepare_source(source: str, name: str | None, args, config) -> str:
    from pathlib import Path

    from codellama.train.data.fim import FIMConfig
    from codellama.train.data.pipeline import Pipeline, PipelineConfig, format_report

    out = Path(config.out) / "data" / (name or Path(source.rstrip("/")).name or "source")
    if (out / "manifest.json").exists():
        return str(out)
    fim = FIMConfig(rate=config.fim_rate, context=config.seq_len, seed=config.seed) if config.fim_rate > 0 else None
    print(f"[codellama train] preparing {source} -> {out}", file=sys.stderr)
    pipeline_config = PipelineConfig(
        [source],
        str(out),
        model=config.model,
        infill_family=config.infill_family or "starcoder",
        fim=fim,
        allow_unknown_license=args.allow_unknown_license,
    )
    print(format_report(Pipeline(pipeline_config).run()), file=sys.stderr)
    return str(out)


def cmd_train(args) -> None:
    import os
    import subprocess
    from pathlib import Path

    from codellama.train.config import load_recipe, parse_override

    overrides = dict(parse_override(s) for s in args.set)
    for key in ("model", "steps", "seq_len", "batch_tokens", "lr", "out"):
        if getattr(args, key) is not None:
            overrides[key] = getattr(args, key)
    overrides.setdefault("out", f"runs/{Path(args.recipe).stem}")
    config = load_recipe(args.recipe, overrides)
    if config.warmup_note:
        note(config.warmup_note)
    if args.data:
        config.data = _resolve_data(args, config)
    no_data = "no training data: give --data (a `codellama data` output, or a source directory to prepare)"
    if args.dry_run:  # the recipe's settings, with or without data
        if not config.data:
            note(no_data)
        print(json.dumps(json.loads(config.to_json()), indent=2))
        return
    if not config.data:
        raise ValueError(no_data)
    Path(config.out).mkdir(parents=True, exist_ok=True)
    config_path = Path(config.out) / "launch.json"
    config_path.write_text(config.to_json())
    if args.nproc_per_node == 1 and "RANK" not in os.environ:
        from codellama.train.trainer import run

        run(config)
        return
    from codellama.train.trainer import free_port

    command = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--nproc-per-node",
        str(args.nproc_per_node),
        "--master-addr",
        "127.0.0.1",
        "--master-port",
        str(free_port()),
        "-m",
        "codellama.train.trainer",
        "--config",
        str(config_path),
    ]
    sys.exit(subprocess.call(command))
