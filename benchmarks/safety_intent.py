"""Request guard: block rate on malicious requests and false-refusal rate on benign neighbours, per labelled set.

Sets (codellama/safety/data/): intent_dev was written before the rules; intent_heldout1..7 were each written
after a version of the rules was fixed, then measured (see docs/safety.md for the first-pass figures of each).
These, intent_corpus.jsonl (17 clause languages, whole requests in many more), the first-pass sets and
intent_independent14..14k (issue 14's spent held-out sets) train the learned layer; intent_untuned* were written
afterwards and are never trained on.
--cross trains the learned layer once per separately written subset, leaving that subset out, and judges it with
the guard's thresholds (about 10-20 s a subset; codellama/safety/intent_crossval.py, which also calibrates the
thresholds: python -m codellama.safety.intent_crossval --calibrate). The latency line times judge_request
(rules + learned layer, no model judge) on every request of every set, after a warm-up, and again on the
independent sets alone (the longest, most multilingual requests).
With --judge the default model is also asked as a judge (it can only raise allow to warn), which is slow on a
CPU: run it niced with OMP_NUM_THREADS=1.

    .venv/bin/python benchmarks/safety_intent.py [--judge] [--misses] [--json] [--cross]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from codellama.safety.evaluate import DATA_DIR, INTENT_SETS, intent_set, request_rates
from codellama.safety.intent import judge_request


def intent_set_names() -> list[str]:
    """The known sets that exist, then any newer held-out set found beside them (in the order written)."""
    known = [name for name in INTENT_SETS if (DATA_DIR / f"{name}.jsonl").exists()]
    found = sorted(
        (p.stem for p in DATA_DIR.glob("intent_heldout*.jsonl") if p.stem not in known),
        key=lambda stem: int(stem.removeprefix("intent_heldout") or 0),
    )
    untuned = sorted(p.stem for p in DATA_DIR.glob("intent_untuned*.jsonl"))
    return known + found + ["intent_corpus"] + untuned


def latency(names: list[str]) -> dict:
    """Per-request wall time of judge_request (block policy, no model judge) over every request of the sets."""
    texts = [r["text"] for name in names for r in intent_set(name)]
    judge_request(texts[0])  # load (or train) the learned layer first
    times = []
    for text in texts:
        started = time.perf_counter()
        judge_request(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 2),
        "p99_ms": round(times[int(0.99 * (len(times) - 1))], 2),
        "max_ms": round(times[-1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", action="store_true", help="also run the judge prompt on the default model")
    parser.add_argument("--misses", action="store_true", help="list the requests judged wrongly")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cross", action="store_true", help="cross-subset figures (trains one model per group)")
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
        report[name] = {"rules": rates.summary(), "seconds": round(time.perf_counter() - started, 2)}  # rules+model
        if args.misses:
            report[name]["misses"] = rates.misses
        if generator is not None:
            started = time.perf_counter()
            judged = request_rates(intent_set(name), generator=generator)
            report[name]["rules+judge"] = judged.summary()
            report[name]["judge_seconds"] = round(time.perf_counter() - started, 1)
    cross = {}
    if args.cross:
        from codellama.safety.intent_crossval import out_of_subset_scores, rates
        from codellama.safety.intent_model import training_records

        for group, row in rates(out_of_subset_scores(training_records())).items():
            (blocked, malicious), (refused, benign), (warned, _) = row["malicious"], row["benign"], row["benign_warned"]
            cross[group] = {
                "malicious": malicious,
                "block_rate": round(blocked / max(malicious, 1), 4),
                "benign": benign,
                "false_refusal_rate": round(refused / max(benign, 1), 4),
                "false_warning_rate": round(warned / max(benign, 1), 4),
            }
    timing = latency(intent_set_names())
    # the independent sets' requests are the longest and most multilingual: the guard's worst case for time
    independent = sorted(p.stem for p in DATA_DIR.glob("intent_independent*.jsonl"))
    long_timing = latency(independent) if independent else None
    if args.json:
        print(
            json.dumps(
                {"sets": report, "cross_subset": cross, "latency": timing, "latency_independent": long_timing}, indent=1
            )
        )
        return
    print(
        f"{'set':18} {'mode':12} {'malicious':>9} {'blocked':>8} {'flagged':>8} {'benign':>7} {'refused':>8} "
        f"{'warned':>7}"
    )
    for name, entry in report.items():
        for mode in ("rules", "rules+judge"):
            if mode in entry:
                s = entry[mode]
                shown = {"rules": "guard", "rules+judge": "guard+judge"}[mode]  # rules + learned layer
                print(
                    f"{name:18} {shown:12} {s['malicious']:9} {s['block_rate']:8.1%} {s['flag_rate']:8.1%} "
                    f"{s['benign']:7} {s['false_refusal_rate']:8.1%} {s['false_warning_rate']:7.1%}"
                )
        print(f"{'':18} by category: " + ", ".join(f"{k} {v}" for k, v in entry["rules"]["by_category"].items()))
        print(f"{'':18} by phrasing: " + ", ".join(f"{k} {v}" for k, v in entry["rules"]["by_phrasing"].items()))
        if any(k != "en" for k in entry["rules"]["by_language"]):
            print(f"{'':18} by language: " + "; ".join(f"{k} {v}" for k, v in entry["rules"]["by_language"].items()))
        for label, text, action in entry.get("misses", []):
            print(f"{'':18}   {label} -> {action}: {text}")
    if cross:
        print("\ncross-subset: trained without the group, judged on it (rules + that model)")
        print(f"{'left-out group':18} {'malicious':>9} {'blocked':>8} {'benign':>7} {'refused':>8} {'warned':>7}")
        for group, s in cross.items():
            print(
                f"{group:18} {s['malicious']:9} {s['block_rate']:8.1%} {s['benign']:7} {s['false_refusal_rate']:8.1%} "
                f"{s['false_warning_rate']:7.1%}"
            )
    print(
        f"\nlatency (judge_request, rules + learned layer, no model judge): {timing['requests']} requests, "
        f"p50 {timing['p50_ms']} ms, p99 {timing['p99_ms']} ms, max {timing['max_ms']} ms"
    )
    if long_timing:
        print(
            f"latency on the independent sets ({', '.join(independent)}): {long_timing['requests']} requests, "
            f"p50 {long_timing['p50_ms']} ms, p99 {long_timing['p99_ms']} ms, max {long_timing['max_ms']} ms"
        )


if __name__ == "__main__":
    main()
