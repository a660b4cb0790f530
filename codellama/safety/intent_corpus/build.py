"""Write codellama/safety/data/intent_corpus.jsonl from the clause modules (deterministic).

    python -m codellama.safety.intent_corpus.build

Each clause is combined with a few of its language's openers, chosen by position (no randomness), so the same
behaviour is asked for in several ways and by several personas.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from codellama.safety.intent_corpus import CATEGORIES, LANGUAGES, WHOLE_ONLY_CATEGORIES

OUT = Path(__file__).resolve().parent.parent / "data" / "intent_corpus.jsonl"
OPENERS_PER_CLAUSE = {"en": 3}


# Modules of whole requests (FULL: label, category, text in English, or label, category, lang, text), each a
# separately written subset for cross-subset validation.
WHOLE = (
    "en_stories",
    "neighbours_en",
    "neighbours_multi",
    "everyday",
    "framed",
    "world",
    "harms14b",
    "world_everyday",
    "world_more",
    "world_r4",
    "world_r7",
    "world_r9",
    "world_r10",
    "world_r11",
    "world_r12",
)


def records() -> list[dict]:
    out = []
    for name in WHOLE:
        module = importlib.import_module(f"codellama.safety.intent_corpus.{name}")
        # a module's SECOND list was written on a later occasion: its own subset
        for rows, source in ((module.FULL, f"corpus_{name}"), (getattr(module, "SECOND", []), f"corpus_{name}_2")):
            for row in rows:
                label, category, lang, text = row if len(row) == 4 else (row[0], row[1], "en", row[2])
                known = category in CATEGORIES or category in WHOLE_ONLY_CATEGORIES
                assert known and label in ("malicious", "benign"), (name, row)
                out.append({"text": text, "label": label, "category": category, "lang": lang, "source": source})
    for lang in LANGUAGES:
        module = importlib.import_module(f"codellama.safety.intent_corpus.{lang}")
        openers, per_clause = module.OPENERS, OPENERS_PER_CLAUSE.get(lang, 2)
        n = 0
        for label, table in (("malicious", module.MALICIOUS), ("benign", module.BENIGN)):
            assert set(table) == set(CATEGORIES), (lang, set(CATEGORIES) ^ set(table))
            for category in CATEGORIES:
                for clause in table[category]:
                    for k in range(per_clause):
                        opener = openers[(n + k * 3) % len(openers)]
                        out.append(
                            {
                                "text": opener.format(x=clause),
                                "label": label,
                                "category": category,
                                "lang": lang,
                                "source": f"corpus_{lang}",
                            }
                        )
                    n += 1
    return out


def main() -> None:
    rows = records()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} requests -> {OUT}")


if __name__ == "__main__":
    main()
