"""Subcommands of `codellama` for this package (registered by codellama/cli.py): guard, scan, refs.

Imports of the detectors happen inside the handlers, so `codellama --help` stays cheap.
"""

from __future__ import annotations

import argparse
import json
import sys

from codellama.cli_common import add_model_flags, generator_from_args
from codellama.safety.actions import Action

GUARD_EXIT = {Action.ALLOW: 0, Action.WARN: 1, Action.BLOCK: 2}


def register(sub: argparse._SubParsersAction) -> None:
    """Add this package's subcommands; each sets `handler=` to the function that runs it."""
    p = sub.add_parser("guard", help="judge a coding request: allow (exit 0), warn (1) or block (2)")
    p.add_argument("text", nargs="?", help="the request ('-' or nothing: read standard input)")
    p.add_argument("--policy", choices=("off", "warn", "block"), default="block")
    p.add_argument("--judge", action="store_true", help="also ask the loaded model as a judge (slower)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    add_model_flags(p)
    p.set_defaults(handler=run_guard)

    p = sub.add_parser("scan", help="scan code files for insecure patterns (exit 1 when any finding blocks)")
    p.add_argument("files", nargs="+", help="source files ('-' reads standard input)")
    p.add_argument("--language", "-l", default=None, help="force a language (default: from the extension/content)")
    p.add_argument("--json", action="store_true", help="print one JSON object per file")
    p.set_defaults(handler=run_scan)

    p = sub.add_parser("refs", help="reference tracker: find licensed code copied into a text")
    refs = p.add_subparsers(dest="refs_command", required=True)
    b = refs.add_parser("build", help="index a corpus of documents/*.jsonl (from `codellama data`)")
    b.add_argument("corpus", help="a directory holding documents/*.jsonl (or the documents directory itself)")
    b.add_argument("--out", "-o", required=True, help="index file to write (.npz)")
    b.set_defaults(handler=run_refs_build)
    c = refs.add_parser("check", help="report indexed sources that a text copies (exit 1 when any is found)")
    c.add_argument("file", help="the text to check ('-' reads standard input)")
    c.add_argument("--index", "-i", required=True, help="index file written by `codellama refs build`")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=run_refs_check)


def _read_text(arg: str | None) -> str:
    if arg is None or arg == "-":
        return sys.stdin.read()
    return arg


def _read_file(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError as e:
        raise ValueError(f"cannot read {path}: {e.strerror}") from None


def run_guard(args) -> None:
    from codellama.safety.intent import judge_request

    text = _read_text(args.text)
    if not text.strip():
        raise ValueError("guard needs a request to judge: pass it as an argument or on standard input")
    generator = None
    if args.judge:
        generator = generator_from_args(args)
    verdict = judge_request(text, policy=args.policy, generator=generator)
    if args.json:
        print(json.dumps(verdict.to_dict()))
    else:
        print(f"{verdict.action}" + (f" ({verdict.category})" if verdict.category else "") + f": {verdict.reason}")
        if verdict.refusal:
            print(verdict.refusal)
    sys.exit(GUARD_EXIT[verdict.action])


def run_scan(args) -> None:
    from codellama.safety.insecure_code import Outcome, language_for_file, outcome, scan

    worst = 0
    for path in args.files:
        code = _read_file(path)
        language = args.language or language_for_file(path, code)
        findings = scan(code, language)
        if args.json:
            print(
                json.dumps(
                    {
                        "file": path,
                        "language": language,
                        "findings": [f.to_dict() | {"outcome": outcome(f).value} for f in findings],
                    }
                )
            )
        for f in findings:
            worst = max(worst, 1 if outcome(f) is Outcome.BLOCK else 0)
            if not args.json:
                print(f"{path}:{f.line}: {f.severity} {f.cwe} [{f.rule_id}] {f.message}\n    fix: {f.fix_hint}")
    sys.exit(worst)


def run_refs_build(args) -> None:
    import time

    from codellama.safety.references import ReferenceIndex

    started = time.perf_counter()
    index = ReferenceIndex.build(args.corpus, args.out)
    print(
        f"indexed {index.num_documents} documents ({index.num_windows} windows, {index.num_chunks} chunks) "
        f"into {args.out} in {time.perf_counter() - started:.1f}s"
    )


def run_refs_check(args) -> None:
    from codellama.safety.references import ReferenceIndex

    matches = ReferenceIndex.load(args.index).check(_read_file(args.file))
    if args.json:
        print(json.dumps([m.to_dict() for m in matches]))
    else:
        for m in matches:
            print(f"{m.kind} {m.similarity:.2f} {m.path} ({m.license}) chars {m.start}-{m.end} of the text")
        if not matches:
            print("no copied source found")
    sys.exit(1 if matches else 0)
