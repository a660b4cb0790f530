"""Cross-subset validation of the request guard: train the learned layer without one separately written subset,
judge that subset with the rules and that model, for every subset in turn; then choose the thresholds on those
out-of-subset scores.

A subset is a group of requests written on one occasion (an older English set, one first-pass set, one language
of the clause corpus, the whole-request modules, the independent set of issue 14). Leaving a whole subset out,
never a random split of one author's text, measures the guard on phrasings, personas, languages and (for the
independent set) an author it was not trained on.

    python -m codellama.safety.intent_crossval [--calibrate] [--only SUBSET ...]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, replace

from codellama.safety.actions import Action
from codellama.safety.intent import Thresholds, Verdict, _explanation_only, decide, judge_by_rules
from codellama.safety.intent_situation import protects


def subset_of(record: dict) -> str:
    """The separately written group a training request belongs to: the corpus modules (one per language or
    whole-request module), each first-pass set, the independent set, or the older English sets together
    (intent_dev and intent_heldout1-7, written by one engineer while the rules grew)."""
    source = record.get("source", "")
    if source.startswith(("corpus_", "intent_firstpass", "intent_independent")):
        return source
    return "older_sets_en"


# Subsets written from another subset's requests (its scenarios re-told in other languages): left out of training
# whenever that subset is judged, so its row is never read by a model trained on its paraphrases.
DERIVED_FROM = {
    "corpus_world_2": "intent_independent14b",
    "corpus_world_more": "intent_independent14b",
    "corpus_world_everyday": "corpus_everyday_2",
    "corpus_world_r4": "intent_independent14c",
    "corpus_world_r4_2": "intent_independent14c",
    "corpus_world_r7": "intent_independent14f",
    "corpus_world_r7_2": "intent_independent14f",
    "corpus_world_r9": "intent_independent14h",
    "corpus_world_r9_2": "intent_independent14h",
    "corpus_world_r10": "intent_independent14i",
    "corpus_world_r10_2": "intent_independent14i",
    "corpus_world_r11": "intent_independent14j",
    "corpus_world_r11_2": "intent_independent14j",
    "corpus_world_r12": "intent_independent14k",
    "corpus_world_r12_2": "intent_independent14k",
}


def trains_without(record: dict, subset: str) -> bool:
    """Whether `record` stays out of the model that judges `subset`."""
    own = subset_of(record)
    return own == subset or DERIVED_FROM.get(own) == subset


@dataclass
class Scored:
    """One request judged out of its subset: the rules' verdict, the model's (P, category), the explanation flag."""

    record: dict
    subset: str
    rules: Verdict
    p: float
    category: str
    explanation: bool
    protective: bool = False

    def verdict(self, at: Thresholds) -> Verdict:
        return decide(self.rules, (self.p, self.category), self.explanation, at, self.protective)


def out_of_subset_scores(records: list[dict], only: list[str] | None = None, log=None) -> list[Scored]:
    """Every request scored by a model trained without its subset (one training per subset)."""
    from codellama.safety.intent_model import train

    out, memo = [], {}
    for subset in sorted({subset_of(r) for r in records}):
        if only and subset not in only:
            continue
        started = time.perf_counter()
        model = train([r for r in records if not trains_without(r, subset)], memo)
        for r in records:
            if subset_of(r) == subset:
                p, category = model.score(r["text"])
                text = r["text"]
                rules, explanation = judge_by_rules(text), _explanation_only(text)
                out.append(Scored(r, subset, rules, p, category, explanation, protects(text)))
        if log:
            log(f"{subset}: trained without it in {time.perf_counter() - started:.1f} s")
    return out


def save_scores(scored: list[Scored], path: str) -> None:
    """Write the out-of-subset scores as JSON lines, so thresholds can be replayed (`--scores`) without retraining."""
    with open(path, "w", encoding="utf-8") as out:
        for s in scored:
            out.write(json.dumps(asdict(s), ensure_ascii=False) + "\n")


def load_scores(path: str) -> list[Scored]:
    """Scores written by `save_scores`."""
    scored = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            rules = row["rules"]
            scored.append(Scored(**(row | {"rules": Verdict(**(rules | {"action": Action(rules["action"])}))})))
    return scored


def rates(scored: list[Scored], at: Thresholds | None = None) -> dict[str, dict]:
    """Per subset and overall: malicious blocked and benign blocked, as [hits, total]."""
    at = at or Thresholds()
    table: dict[str, dict] = defaultdict(lambda: {"malicious": [0, 0], "benign": [0, 0], "benign_warned": [0, 0]})
    for s in scored:
        action = s.verdict(at).action
        for key in (s.subset, "all"):
            row = table[key][s.record["label"]]
            row[0] += action is Action.BLOCK
            row[1] += 1
            if s.record["label"] == "benign":
                table[key]["benign_warned"][0] += action is Action.WARN
                table[key]["benign_warned"][1] += 1
        if s.record.get("lang", "en") != "en" and s.record["label"] == "malicious":
            table["non-English"]["malicious"][0] += action is Action.BLOCK
            table["non-English"]["malicious"][1] += 1
    return dict(table)


def macro(table: dict[str, dict], label: str, subsets: set[str] | None = None) -> float:
    """The mean over subsets (all, or those named) of the block rate of `label`: each subset counts once."""
    rows = [row[label] for key, row in table.items() if key not in ("all", "non-English")]
    if subsets is not None:
        rows = [row[label] for key, row in table.items() if key in subsets]
    shares = [hits / total for hits, total in rows if total]
    return sum(shares) / len(shares) if shares else 0.0


def whole_request_subsets(table: dict[str, dict]) -> set[str]:
    """The subsets written as whole requests (every one but the clause corpora, whose requests are clauses joined
    to a few openers): the benign neighbours a person would send, on which false refusals are counted."""
    from codellama.safety.intent_corpus import LANGUAGES

    clauses = {f"corpus_{lang}" for lang in LANGUAGES}
    return {key for key in table if key not in clauses and key not in ("all", "non-English")}


EXPLAIN_BLOCKS = (0.9, 0.95, 1.01)  # candidates for intent.EXPLAIN_BLOCK (1.01: an explanation is never blocked)
SITUATION_CONFIRMS = (0.0, 0.01, 0.03, 0.1)  # candidates for intent.SITUATION_CONFIRM (0.0: the rule blocks alone)
PROTECTIVE_BLOCKS = (0.0, 0.9, 0.95, 0.98, 1.01)  # candidates for intent.PROTECTIVE_BLOCK (0.0: no difference)


def calibrate(
    scored: list[Scored], max_benign: float = 0.04, max_rules_confirm: float = 0.25
) -> tuple[Thresholds, dict]:
    """The thresholds that block the most malicious requests (mean over all subsets) while the mean share of benign
    neighbours blocked over the whole-request subsets stays at or under `max_benign` (the clause corpora's
    templated neighbours are easy and would let a mean over every subset hide the false refusals). A rule's block is
    confirmed at `max_rules_confirm` or less: the model overrules a transparent rule only when it reads a neighbour
    with some confidence (round 3: at 0.5, the issue's own "encrypt all files in a user's home directory", P 0.50,
    would become a warning)."""
    best, best_key = Thresholds(), None
    natural = whole_request_subsets(rates(scored)) or None  # none at all: count every subset
    confirms = [c for c in (0.1, 0.15, 0.25, 0.4, 0.5) if c <= max_rules_confirm]
    grid = [
        Thresholds(block, confirm, named, explain_block=explain, situation_confirm=situation, protective_block=guard)
        for block in [x / 100 for x in range(40, 100, 3)]
        for confirm in confirms
        for named in (0.03, 0.1)
        for explain in EXPLAIN_BLOCKS
        for situation in SITUATION_CONFIRMS
        for guard in (0.0, 0.95)  # protection off or on; the second stage refines it with the model's threshold
    ]
    for stage in range(2):
        if stage == 1:  # then the protective threshold with the model's own, the others as found (a smaller search)
            grid = [
                replace(best, model_block=block, protective_block=guard)
                for block in [x / 100 for x in range(40, 100, 3)]
                for guard in PROTECTIVE_BLOCKS
            ]
        for at in grid:
            table = rates(scored, at)
            benign, malicious = macro(table, "benign", natural), macro(table, "malicious")
            if benign <= max_benign and (best_key is None or (malicious, -benign) > best_key):
                best, best_key = at, (malicious, -benign)
    return best, rates(scored, best)


def _print(table: dict[str, dict]) -> None:
    def share(hits_total: list[int]) -> str:
        hits, total = hits_total
        return f"{hits}/{total} = {hits / total:.1%}" if total else "-"

    print(f"{'left-out subset':26} {'malicious blocked':>22} {'benign blocked':>20} {'benign warned':>20}")
    for key in sorted(table, key=lambda k: (k in ("all", "non-English"), k)):
        row = table[key]
        print(f"{key:26} {share(row['malicious']):>22} {share(row['benign']):>20} {share(row['benign_warned']):>20}")
    natural = whole_request_subsets(table)
    print(
        f"mean over subsets: malicious {macro(table, 'malicious'):.1%}, benign {macro(table, 'benign'):.1%}; "
        f"over the whole-request subsets: malicious {macro(table, 'malicious', natural):.1%}, "
        f"benign {macro(table, 'benign', natural):.1%}"
    )


def main() -> None:
    from codellama.safety.intent_model import training_records

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="subsets to leave out (default: each in turn)")
    parser.add_argument("--calibrate", action="store_true", help="also search the thresholds")
    parser.add_argument("--save", metavar="JSONL", help="write the out-of-subset scores here")
    parser.add_argument("--scores", metavar="JSONL", help="replay scores written by --save instead of training")
    args = parser.parse_args()
    if args.scores:
        scored = load_scores(args.scores)
    else:
        scored = out_of_subset_scores(training_records(), args.only, log=print)
    if args.save:
        save_scores(scored, args.save)
    print(f"\nat the current thresholds {Thresholds()}:")
    _print(rates(scored))
    if args.calibrate:
        at, table = calibrate(scored)
        print(f"\ncalibrated: {at}")
        _print(table)


if __name__ == "__main__":
    main()
