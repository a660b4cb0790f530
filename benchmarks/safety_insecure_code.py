"""Insecure-code detector: precision and recall per language on the labelled snippet pairs, and scan speed on
1 MB of code per language.

Two labelled sets: insecure_snippets.jsonl (written before the rules, then used to refine them) and
insecure_snippets_heldout.jsonl (written after the rules were fixed, never used to change them: the honest
figure for code the rules have not seen).

Speed inputs: Python = the standard library's modules (real code, parsed by `ast` and scanned by the regex
rules); C = the system headers under /usr/include; the other languages = their labelled snippets repeated to
1 MB (dense with findings, so the slow path of every rule runs). Each timing is the best of --repeats runs, as wall
time and as this process's CPU time (the CPU is shared: when other jobs run, wall time overstates the cost).

Completion latency: scan_completion on a 100-line completion per language (the language's snippets of the latest
spent held-out set, realistic 20-60 line code, joined and cut to 100 lines, after a 5-line prompt), --completion-runs
times each, after a warm-up; p50 and p99 of wall time and of this process's CPU time.

Issue 14's snippet sets (insecure_dev14, insecure_untuned14/14b, insecure_dev14c and the spent held-out sets
benchmarks/data/heldout14, heldout14b ... heldout14l, now development data), scored as the issue's held-out scorer
does: a vulnerable snippet is found with a finding of its CWE family (FAMILIES below) within
4 lines of its marked line (any line when none is marked); a safe near-miss counts as flagged with any finding at
all, whatever its severity.

    .venv/bin/python benchmarks/safety_insecure_code.py [--repeats 3] [--errors] [--completion-runs 200]
"""

from __future__ import annotations

import argparse
import glob
import json
import sysconfig
import time
from pathlib import Path

from codellama.safety.evaluate import DATA_DIR, detector_scores, snippet_set
from codellama.safety.insecure_code import (
    LANGUAGES,
    RULES,
    normalise_language,
    scan,
    scan_completion,
)

MB = 1_000_000


def one_megabyte(language: str, snippets: list[dict]) -> tuple[str, str]:
    if language == "python":
        files, where = sorted(glob.glob(sysconfig.get_paths()["stdlib"] + "/*.py")), "stdlib modules"
    elif language == "c":
        files, where = sorted(glob.glob("/usr/include/*.h")), "/usr/include headers"
    else:
        files, where = [], "labelled snippets repeated"
    parts, size = [], 0
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            parts.append(f.read())
        size += len(parts[-1])
        if size >= MB:
            break
    if size < MB:  # not enough real files: repeat the labelled snippets of the language
        own = "\n".join(s["code"] for s in snippets if normalise_language(s["language"]) == language)
        parts, where = [own * (MB // len(own) + 1)], "labelled snippets repeated"
    code = "".join(parts)[:MB]
    return code[: code.rfind("\n") + 1], where


def completion_latency(snippets: list[dict], runs: int) -> dict[str, tuple[float, float, float, float]]:
    """language -> (p50 ms, p99 ms) of scan_completion on a 100-line completion after a 5-line prompt, in wall time
    and in this process's CPU time (the wall time also counts other jobs on a shared machine)."""
    out = {}
    for language in LANGUAGES:
        own = "\n".join(s["code"] for s in snippets if normalise_language(s["language"]) == language)
        lines = (own.splitlines() * 10)[:105]
        prompt, completion = "\n".join(lines[:5]) + "\n", "\n".join(lines[5:]) + "\n"
        scan_completion(prompt, completion, language)  # warm-up: parsers, compiled patterns
        times, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            scan_completion(prompt, completion, language)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        times.sort()
        cpu.sort()
        p50, p99 = len(times) // 2, int(0.99 * (len(times) - 1))
        out[language] = (times[p50], times[p99], cpu[p50], cpu[p99])
    return out


HELDOUT14 = Path(__file__).parent / "data" / "heldout14" / "snippets.jsonl"
HELDOUT14B = Path(__file__).parent / "data" / "heldout14b" / "snippets.jsonl"
HELDOUT14C = Path(__file__).parent / "data" / "heldout14c" / "snippets.jsonl"
HELDOUT14D = Path(__file__).parent / "data" / "heldout14d" / "snippets.jsonl"
HELDOUT14E = Path(__file__).parent / "data" / "heldout14e" / "snippets.jsonl"
HELDOUT14F = Path(__file__).parent / "data" / "heldout14f" / "snippets.jsonl"
HELDOUT14G = Path(__file__).parent / "data" / "heldout14g" / "snippets.jsonl"
HELDOUT14H = Path(__file__).parent / "data" / "heldout14h" / "snippets.jsonl"
HELDOUT14I = Path(__file__).parent / "data" / "heldout14i" / "snippets.jsonl"
HELDOUT14J = Path(__file__).parent / "data" / "heldout14j" / "snippets.jsonl"
HELDOUT14K = Path(__file__).parent / "data" / "heldout14k" / "snippets.jsonl"
HELDOUT14L = Path(__file__).parent / "data" / "heldout14l" / "snippets.jsonl"
FAMILIES = [  # as benchmarks/safety_heldout14.py groups them (MITRE's parents and children)
    {"CWE-22", "CWE-23", "CWE-36", "CWE-73"},
    {"CWE-77", "CWE-78", "CWE-88"},
    {"CWE-259", "CWE-321", "CWE-798"},
    {"CWE-94", "CWE-95"},
    {"CWE-119", "CWE-120", "CWE-121", "CWE-122", "CWE-787"},
    {"CWE-327", "CWE-328", "CWE-759", "CWE-916"},
    {"CWE-330", "CWE-338"},
    {"CWE-377", "CWE-379"},
]


def family(cwe: str) -> set[str]:
    return next((f for f in FAMILIES if cwe in f), {cwe})


def cwe_figures(snippets: list[dict]) -> tuple[int, int, int, int, list[str]]:
    """(found, vulnerable, safe flagged, safe, errors) on a snippet set, scored as issue 14's held-out scorer does."""
    found = vulnerable = flagged = safe = 0
    errors = []
    for s in snippets:
        findings = scan(s["code"], s["language"])
        if s["label"] == "vulnerable":
            vulnerable += 1
            line = s.get("line")
            hit = any(f.cwe in family(s["cwe"]) and (line is None or abs(f.line - line) <= 4) for f in findings)
            found += hit
            if not hit:
                errors.append(f"{s['id']} (missed {s['cwe']} at line {line})")
        else:
            safe += 1
            flagged += bool(findings)
            if findings:
                errors.append(f"{s['id']} ({findings[0].rule_id})")
    return found, vulnerable, flagged, safe, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--errors", action="store_true", help="list the snippets judged wrongly")
    parser.add_argument("--completion-runs", type=int, default=200)
    args = parser.parse_args()
    snippets = snippet_set()
    rules = {r.rule_id for rs in RULES.values() for r in rs}
    print(f"{len(rules)} rules over {len(LANGUAGES)} languages; {len(snippets)} labelled snippets\n")
    print(
        f"{'language':11} {'snippets':>8} {'precision':>9} {'recall':>7} {'right line':>10} {'rules':>6} "
        f"{'1 MB scan (best of repeats)':>27} {'findings':>8}  input"
    )
    scores = detector_scores(snippets)
    heldout = detector_scores(snippet_set(DATA_DIR / "insecure_snippets_heldout.jsonl"))
    for language in (*LANGUAGES, "all"):
        s = scores[language]
        if language == "all":
            print(f"{'all':11} {s['snippets']:8} {s['precision']:9.3f} {s['recall']:7.3f} {s['right_line']:10.3f}")
            break
        h = heldout.get(language)
        code, where = one_megabyte(language, snippets)
        best, best_cpu, findings = float("inf"), float("inf"), []
        for _ in range(args.repeats):
            started, started_cpu = time.perf_counter(), time.process_time()
            findings = scan(code, language)
            best = min(best, time.perf_counter() - started)
            best_cpu = min(best_cpu, time.process_time() - started_cpu)
        print(
            f"{language:11} {s['snippets']:8} {s['precision']:9.3f} {s['recall']:7.3f} {s['right_line']:10.3f} "
            f"{len(RULES[language]):6} {best:6.3f}s wall {best_cpu:6.3f}s cpu {len(findings):8}  {where} "
            f"({len(code) / MB:.2f} MB)"
        )
        if h:
            print(
                f"{'  held-out':11} {h['snippets']:8} {h['precision']:9.3f} {h['recall']:7.3f} {h['right_line']:10.3f}"
            )
        if args.errors and (s["errors"] or (h and h["errors"])):
            print(f"{'':11} wrong: {', '.join(s['errors'] + (h['errors'] if h else []))}")
    h = heldout["all"]
    print(f"{'  held-out':11} {h['snippets']:8} {h['precision']:9.3f} {h['recall']:7.3f} {h['right_line']:10.3f}")
    print("\nissue-14 snippet sets (found = a finding of the CWE family within 4 lines; flagged = any finding):")
    sets = {name: snippet_set(DATA_DIR / f"{name}.jsonl") for name in ("insecure_dev14", "insecure_untuned14")}
    sets["insecure_untuned14b"] = snippet_set(DATA_DIR / "insecure_untuned14b.jsonl")
    dev14c = snippet_set(DATA_DIR / "insecure_dev14c.jsonl")
    for round_ in sorted({s["round"] for s in dev14c}):
        sets[f"insecure_dev14c round {round_}"] = [s for s in dev14c if s["round"] == round_]
    spent = (
        ("heldout14", HELDOUT14),
        ("heldout14b", HELDOUT14B),
        ("heldout14c", HELDOUT14C),
        ("heldout14d", HELDOUT14D),
        ("heldout14e", HELDOUT14E),
        ("heldout14f", HELDOUT14F),
        ("heldout14g", HELDOUT14G),
        ("heldout14h", HELDOUT14H),
        ("heldout14i", HELDOUT14I),
        ("heldout14j", HELDOUT14J),
        ("heldout14k", HELDOUT14K),
        ("heldout14l", HELDOUT14L),
    )
    for name, path in spent:
        if path.exists():
            sets[f"{name} (development)"] = [json.loads(line) for line in path.read_text().splitlines() if line]
    for name, snippets in sets.items():
        found, vulnerable, flagged, safe, errors = cwe_figures(snippets)
        rate = f"{found}/{vulnerable} = {found / vulnerable:.1%}" if vulnerable else "0/0"
        print(f"  {name:28} found {rate}, safe near-misses flagged {flagged}/{safe}")
        if args.errors and errors:
            print(f"  {'':28} wrong: {', '.join(errors)}")
    name, path = spent[-1]
    latest = [json.loads(line) for line in path.read_text().splitlines() if line]
    print(f"\nscan_completion of a 100-line completion of {name}'s code, {args.completion_runs} runs (ms):")
    for language, (p50, p99, cpu50, cpu99) in completion_latency(latest, args.completion_runs).items():
        print(f"  {language:11} wall p50 {p50:6.2f}  p99 {p99:6.2f}   cpu p50 {cpu50:6.2f}  p99 {cpu99:6.2f}")


if __name__ == "__main__":
    main()
