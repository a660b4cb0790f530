"""`codellama complete/infill/chat --tests FILE` (or `--verify`): verified generation from the command line.

Prints the chosen answer as the command would print any answer, and the report on stderr (with --json, both in
one object). Exit status 1 when tests were given (a file or the prompt's examples) and no candidate passed them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from codellama.cli_common import note

# MultiPL-E's names for the languages the sandbox can compile and run, by our language names
HARNESS_LANGUAGES = {
    "python": "python",
    "cpp": "cpp",
    "java": "java",
    "php": "php",
    "typescript": "ts",
    "csharp": "cs",
    "shell": "sh",
}
NONE_PASSED_STATUS = 1


def add_verify_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("verified generation (see docs/evaluation.md)")
    group.add_argument(
        "--tests",
        metavar="FILE",
        default=None,
        help="generate candidates and return the first that passes these tests: Python (asserts, test_* "
        "functions, check(candidate)) or, by the file's extension, a C++/Java/PHP/TypeScript/C#/Bash harness "
        "appended to the candidate (MultiPL-E style)",
    )
    group.add_argument(
        "--verify",
        action="store_true",
        help="verify without a tests file: tests from the prompt's docstring examples, and tests the model writes "
        "when there are none (Python)",
    )
    group.add_argument("--verify-n", type=int, default=8, metavar="N", help="candidates: greedy + N-1 samples (8)")
    group.add_argument(
        "--verify-language",
        default=None,
        help="language of the tests and candidates: python, cpp, java, php, ts, cs, sh (default: from --tests' "
        "extension, else python)",
    )
    group.add_argument(
        "--unsafe",
        action="store_true",
        help="run candidates WITHOUT isolation when the sandbox is unavailable (at your own risk)",
    )


def verifying(args: argparse.Namespace) -> bool:
    return bool(args.tests or args.verify)


def verify_language(args: argparse.Namespace) -> str:
    from codellama.languages import canonical_language, language_of

    if args.verify_language:
        name = canonical_language(args.verify_language)
    elif args.tests:
        name = language_of(args.tests) or "python"
    else:
        name = "python"
    if name not in HARNESS_LANGUAGES:
        raise ValueError(
            f"verified generation runs {', '.join(HARNESS_LANGUAGES.values())}; not {name!r}: set --verify-language"
        )
    return HARNESS_LANGUAGES[name]


def run_verified(args: argparse.Namespace, task, params, show) -> None:
    """Verify `task` (a codellama.verify.Task) with the flags' tests; `show(text)` prints the chosen answer."""
    from codellama.cli_common import generator_from_args
    from codellama.sandbox import Sandbox, SandboxUnavailable
    from codellama.verify import LIMITS, Options, verify
    from codellama.verify_tests import entry_point_of, example_tests, read_tests_file

    if args.verify_n < 1:
        raise ValueError(f"--verify-n must be at least 1, got {args.verify_n}")
    task.language = verify_language(args)
    if args.tests:
        tests = read_tests_file(Path(args.tests).read_text(), task.language, entry_point_of(task.visible_text()))
    else:
        tests = example_tests(task.visible_text()) if task.language == "python" else None
    try:
        sandbox = Sandbox(LIMITS, unsafe=args.unsafe)
    except SandboxUnavailable as e:
        raise ValueError(str(e)) from None
    options = Options(n=args.verify_n, seed=args.seed or 0)
    if args.temperature > 0:
        options.temperature = args.temperature
    if args.top_p < 1:
        options.top_p = args.top_p
    verified = verify(generator_from_args(args), task, tests, params, options, sandbox=sandbox)
    report = verified.report
    if args.json:
        print(
            json.dumps(
                {"text": verified.text, "finish_reason": verified.completion.finish_reason, "verify": report.to_json()}
            )
        )
    else:
        show(verified.text)
        for candidate in report.candidates:
            note(f"candidate {candidate.index}{' (greedy)' if candidate.greedy else ''}: {_outcome(candidate, report)}")
        note(report.summary())
    if report.given is not None and len(report.given) and not report.passed:
        sys.exit(NONE_PASSED_STATUS)


def _outcome(candidate, report) -> str:
    parts = []
    if candidate.loaded is False:
        parts.append("its code does not run")
    if report.given is not None and len(report.given):
        failed = next((o for o in candidate.given if o != "passed"), None)
        parts.append(
            f"{candidate.given_passed}/{len(report.given)} tests passed"
            + (f" (first failure: {failed})" if failed else "")
        )
    if candidate.generated:
        parts.append(f"{len(candidate.generated_passed())}/{len(candidate.generated)} model-written tests passed")
    return "; ".join(parts) or "not tested"
