"""Request guard: block rate on malicious requests and false-refusal rate on benign neighbours, per labelled set.

Sets (codellama/safety/data/): intent_dev was written before the rules; intent_heldout1..7 were each written
after a version of the rules was fixed, then measured (see docs/safety.md for the first-pass figures of each).
With --judge the default model is also asked as a judge (it can only raise allow to warn), which is slow on a
CPU: run it niced with OMP_NUM_THREADS=1.

    .venv/bin/python benchmarks/safety_intent.py [--judge] [--misses] [--json]
"""

from __future__ import annotations

import argparse
import json
import time

from codellama.safety.evaluate import DATA_DIR, INTENT_SETS, intent_set, request_rates


def intent_set_names() -> list[str]:
    """The known sets that exist, then any newer held-out set found beside them (in the order written)."""
    known = [name for name in INTENT_SETS if (DATA_DIR / f"{name}.jsonl").exists()]
    found = sorted(
        (p.stem for p in DATA_DIR.glob("intent_heldout*.jsonl") if p.stem not in known),
        key=lambda stem: int(stem.removeprefix("intent_heldout") or 0),
    )
    return known + found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", action="store_true", help="also run the judge prompt on the default model")
    parser.add_argument("--misses", action="store_true", help="list the requests judged wrongly")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    generator = None
    if args.judge:
        from codellama.checkpoints import load_model
        from codellama.generation import Generator

        generator = Generator(*load_model(None))
    report = {}
    for name in intent_set_names():
        started = time.perf_counter()
        rates = request_rates(intent_set(name))
        report[name] = {"rules": rates.summary(), "seconds": round(time.perf_counter() - started, 2)}
        if args.misses:
            report[name]["misses"] = rates.misses
        if generator is not None:
            started = time.perf_counter()
            judged = request_rates(intent_set(name), generator=generator)
            report[name]["rules+judge"] = judged.summary()
            report[name]["judge_seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print(
        f"{'set':18} {'mode':12} {'malicious':>9} {'blocked':>8} {'flagged':>8} {'benign':>7} {'refused':>8} "
        f"{'warned':>7}"
    )
    for name, entry in report.items():
        for mode in ("rules", "rules+judge"):
            if mode in entry:
                s = entry[mode]
                print(
                    f"{name:18} {mode:12} {s['malicious']:9} {s['block_rate']:8.1%} {s['flag_rate']:8.1%} "
                    f"{s['benign']:7} {s['false_refusal_rate']:8.1%} {s['false_warning_rate']:7.1%}"
                )
        print(f"{'':18} by category: " + ", ".join(f"{k} {v}" for k, v in entry["rules"]["by_category"].items()))
        print(f"{'':18} by phrasing: " + ", ".join(f"{k} {v}" for k, v in entry["rules"]["by_phrasing"].items()))
        for label, text, action in entry.get("misses", []):
            print(f"{'':18}   {label} -> {action}: {text}")


if __name__ == "__main__":
    main()
