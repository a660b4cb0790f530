"""The data pipeline: sources -> filters -> dedup -> decontamination -> redaction -> tokens (+FIM) -> shards.

Output directory:
  documents/part-NNNNN.jsonl   kept documents, one JSON object a line: text (redacted), path, source,
                               license, language, sha256, tokens, fim (plain|psm|spm)
  tokens/shard-NNNNN.npy       the documents' tokens back to back (uint16, or uint32 for vocabularies > 65,536)
  tokens/shard-NNNNN.offsets.npy  where each document starts (and the last one ends) in its shard
  manifest.json                tokenizer, dtype, FIM settings, shards, token counts
  stats.json                   documents in / dropped per filter / out, tokens, seconds per stage
  state.pkl                    progress for resuming (removed when the run completes)

Documents are read in a fixed order and the state (dedup indexes, counters) is saved each
`checkpoint_every` input documents, after the files it refers to; a stopped run started
again with the same settings continues from the last save and produces the same output.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import pickle
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from codellama.train.data.dedup import NearDuplicateIndex, exact_key
from codellama.train.data.filters import QualityConfig, quality_rule_broken, redact
from codellama.train.data.fim import FIMConfig, plain_tokens, transform
from codellama.train.data.licenses import PERMISSIVE, UNKNOWN, is_permissive
from codellama.train.data.sources import DEFAULT_EXCLUDES, Document, open_source

STATE, MANIFEST, STATS = "state.pkl", "manifest.json", "stats.json"


@dataclass
class PipelineConfig:
    sources: list[str]
    out: str
    model: str | None = None  # whose tokenizer (None: the default model)
    infill_family: str = "starcoder"  # infill tokens added when the tokenizer has none (needed for FIM)
    fim: FIMConfig | None = None  # None: no fill-in-the-middle
    quality: QualityConfig = field(default_factory=QualityConfig)
    allowed_licenses: tuple[str, ...] = tuple(sorted(PERMISSIVE))
    allow_unknown_license: bool = False
    near_dedup: bool = True
    near_dedup_threshold: float = 0.7
    minhash_permutations: int = 256
    ngram: int = 5
    decontaminate: bool = True
    excludes: tuple[str, ...] = DEFAULT_EXCLUDES
    checkpoint_every: int = 1000  # input documents between saves
    shard_tokens: int = 64 * 2**20  # a shard is closed once it has this many tokens (or at a save)

    def fingerprint(self) -> str:
        settings = asdict(self)
        settings.pop("out")
        settings.pop("checkpoint_every")
        return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclass
class State:
    fingerprint: str
    done: int = 0  # input documents processed
    parts: int = 0  # shards (and document parts) written
    seen: set = field(default_factory=set)  # exact-dedup keys
    near: NearDuplicateIndex | None = None
    stats: dict = field(default_factory=dict)
    shards: list = field(default_factory=list)


def load_pipeline_tokenizer(model: str | None, infill_family: str | None):
    """The model's tokenizer without its weights, with infill tokens added when it lacks them."""
    from codellama.checkpoints import gguf_metadata, open_gguf, resolve_model_path
    from codellama.tokenizer import load_tokenizer, tokenizer_from_gguf

    path = resolve_model_path(model)
    if path.is_dir():
        tokenizer = load_tokenizer(path)
    else:
        tokenizer = tokenizer_from_gguf(gguf_metadata(open_gguf(path), path), str(path))
    if infill_family and tokenizer.infill is None:
        from codellama.train.infill_tokens import add_infill_tokens

        tokenizer = add_infill_tokens(tokenizer, infill_family)
    return tokenizer


class Pipeline:
    def __init__(self, config: PipelineConfig, tokenizer=None, decontaminator=None, log=None):
        self.config = config
        self.out = Path(config.out)
        self.tokenizer = tokenizer or load_pipeline_tokenizer(config.model, config.infill_family)
        if config.fim and self.tokenizer.infill is None:
            raise ValueError("fill-in-the-middle needs infill tokens: set infill_family (e.g. 'starcoder')")
        if config.decontaminate and decontaminator is None:
            from codellama.train.data.decontaminate import Decontaminator

            decontaminator = Decontaminator()
        self.decontaminator = decontaminator if config.decontaminate else None
        self.dtype = np.uint16 if self.tokenizer.vocab_size <= 2**16 else np.uint32
        self.log = log or (lambda message: print(f"[codellama data] {message}", file=sys.stderr, flush=True))

    # -- state --------------------------------------------------------------------------------
    def _start(self) -> State:
        fingerprint = self.config.fingerprint()
        state_path = self.out / STATE
        if state_path.exists():
            with open(state_path, "rb") as f:
                state = pickle.load(f)
            if state.fingerprint != fingerprint:
                raise ValueError(
                    f"{self.out} holds an unfinished run with other settings; use another --out "
                    "or delete that directory"
                )
            self.log(f"resuming after {state.done} documents ({state.parts} shards written)")
            return state
        if (self.out / MANIFEST).exists():
            raise ValueError(f"{self.out} already holds a finished run ({MANIFEST}); use another --out")
        (self.out / "documents").mkdir(parents=True, exist_ok=True)
        (self.out / "tokens").mkdir(parents=True, exist_ok=True)
        near = NearDuplicateIndex(self.config.near_dedup_threshold, self.config.minhash_permutations, self.config.ngram)
        stats = {
            "documents_in": 0,
            "dropped": Counter(),
            "documents_out": 0,
            "tokens": 0,
            "by_language": {},
            "fim": Counter(),
            "redacted": Counter(),
            "seconds": Counter(),
            "sources": list(self.config.sources),
        }
        return State(fingerprint, near=near, stats=stats)

    def _save_state(self, state: State) -> None:
        tmp = self.out / (STATE + ".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(state, f)
        os.replace(tmp, self.out / STATE)

    # -- the run ------------------------------------------------------------------------------
    def run(self, stop_after: int | None = None) -> dict:
        """Process every source; `stop_after` input documents simulates an interruption (for tests)."""
        state = self._start()
        stats = state.stats
        started = time.perf_counter()
        docs = itertools.chain.from_iterable(open_source(s, self.config.excludes) for s in self.config.sources)
        tokens: list[np.ndarray] = []
        records: list[dict] = []
        buffered = 0
        for index, doc in enumerate(docs):
            if index < state.done:
                continue
            if stop_after is not None and index >= stop_after:
                return stats
            kept = self._process(doc, state)
            if kept is not None:
                ids, record = kept
                tokens.append(ids)
                records.append(record)
                buffered += len(ids)
            state.done = index + 1
            if state.done % self.config.checkpoint_every == 0 or buffered >= self.config.shard_tokens:
                self._flush(state, tokens, records)
                tokens, records, buffered = [], [], 0
                stats["seconds"]["total"] += time.perf_counter() - started
                started = time.perf_counter()
                self._save_state(state)
                self._progress(stats)
        self._flush(state, tokens, records)
        stats["seconds"]["total"] += time.perf_counter() - started
        self._finish(state)
        return stats

    def _process(self, doc: Document, state: State) -> tuple[np.ndarray, dict] | None:
        stats, timer = state.stats, _Timer(state.stats["seconds"])
        stats["documents_in"] += 1
        by_source = stats.setdefault("licenses_by_source", {}).setdefault(doc.source, Counter())
        by_source["documents"] += 1
        cfg = self.config
        with timer("read"):
            if doc.meta.get("unreadable"):
                return self._drop(stats, doc.meta["unreadable"])
            if doc.language is None:
                return self._drop(stats, "language")
            allowed = frozenset(cfg.allowed_licenses)
            if not (is_permissive(doc.license, allowed) or cfg.allow_unknown_license and doc.license == UNKNOWN):
                by_source["unknown" if doc.license == UNKNOWN else f"not allowed: {doc.license}"] += 1
                return self._drop(stats, "license")
        with timer("quality"):
            rule = quality_rule_broken(doc.text, cfg.quality)
            if rule:
                return self._drop(stats, rule)
        if self.decontaminator is not None:
            with timer("decontaminate"):
                if self.decontaminator.contaminated_by(doc.text):
                    return self._drop(stats, "humaneval")
        key = exact_key(doc.text)
        with timer("exact_dedup"):
            if key in state.seen:
                return self._drop(stats, "exact_duplicate")
            state.seen.add(key)
        with timer("near_dedup"):
            if cfg.near_dedup and state.near.duplicate_of(key, doc.text) is not None:
                return self._drop(stats, "near_duplicate")
        with timer("redact"):
            text, secrets, emails = redact(doc.text)
            stats["redacted"]["secrets"] += secrets
            stats["redacted"]["emails"] += emails
            stats["redacted"]["documents"] += bool(secrets or emails)
        with timer("tokenize"):
            if cfg.fim:
                ids, kind = transform(self.tokenizer, text, cfg.fim)
            else:
                ids, kind = plain_tokens(self.tokenizer, text), "plain"
        stats["fim"][kind] += 1
        stats["documents_out"] += 1
        stats["tokens"] += len(ids)
        lang = stats["by_language"].setdefault(doc.language, {"documents": 0, "tokens": 0})
        lang["documents"] += 1
        lang["tokens"] += len(ids)
        record = {**doc.record(), "text": text, "sha256": key, "tokens": len(ids), "fim": kind}
        return np.asarray(ids, dtype=self.dtype), record

    @staticmethod
    def _drop(stats: dict, reason: str) -> None:
        stats["dropped"][reason] += 1
        return None

    def _flush(self, state: State, tokens: list[np.ndarray], records: list[dict]) -> None:
        if not records:
            return
        name = f"{state.parts:05d}"
        flat = np.concatenate(tokens)
        offsets = np.cumsum([0] + [len(t) for t in tokens]).astype(np.int64)
        _atomic(self.out / "tokens" / f"shard-{name}.npy", lambda f: np.save(f, flat))
        _atomic(self.out / "tokens" / f"shard-{name}.offsets.npy", lambda f: np.save(f, offsets))
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        _atomic(self.out / "documents" / f"part-{name}.jsonl", lambda f: f.write(lines.encode("utf-8")))
        state.shards.append(
            {
                "tokens": f"tokens/shard-{name}.npy",
                "offsets": f"tokens/shard-{name}.offsets.npy",
                "documents": f"documents/part-{name}.jsonl",
                "num_tokens": int(len(flat)),
                "num_documents": len(records),
            }
        )
        state.parts += 1

    def _finish(self, state: State) -> None:
        tok = self.tokenizer
        fim = asdict(self.config.fim) if self.config.fim else None
        manifest = {
            "format": "codellama-tokens-v1",
            "dtype": np.dtype(self.dtype).name,
            "tokenizer": {
                "model": self.config.model or "default",
                "source": tok.source,
                "vocab_size": tok.vocab_size,
                "bos_id": tok.bos_id,
                "eos_id": tok.eos_id,
                "infill_family": tok.infill.family if tok.infill else None,
                "added_infill_tokens": self.config.infill_family if tok.infill else None,
            },
            "fim": fim,
            "num_tokens": state.stats["tokens"],
            "num_documents": state.stats["documents_out"],
            "shards": state.shards,
        }
        _atomic(self.out / STATS, lambda f: f.write(json.dumps(state.stats, indent=2).encode()))
        _atomic(self.out / MANIFEST, lambda f: f.write(json.dumps(manifest, indent=2).encode()))
        (self.out / STATE).unlink(missing_ok=True)

    def _progress(self, stats: dict) -> None:
        rate = stats["documents_in"] / max(stats["seconds"]["total"], 1e-9)
        self.log(
            f"{stats['documents_in']} documents read, {stats['documents_out']} kept, "
            f"{stats['tokens']:,} tokens, {rate:.0f} documents/s"
        )


class _Timer:
    def __init__(self, seconds: Counter):
        self.seconds = seconds

    def __call__(self, name: str):
        self.name = name
        return self

    def __enter__(self):
        self.started = time.perf_counter()

    def __exit__(self, *exc):
        self.seconds[self.name] += time.perf_counter() - self.started


def _atomic(path: Path, write) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        write(f)
    os.replace(tmp, path)


def license_warnings(stats: dict) -> list[str]:
    """A line for each source that lost most of its files to the licence filter, naming the flag that keeps
    them: a whole tree dropped as "unknown licence" is more often a licence we did not find than unlicensed code."""
    warnings = []
    for source, counts in stats.get("licenses_by_source", {}).items():
        unknown, total = counts.get("unknown", 0), counts["documents"]
        not_allowed = {k.removeprefix("not allowed: "): n for k, n in counts.items() if k.startswith("not allowed")}
        other = sum(not_allowed.values())
        if unknown + other <= total / 2:
            continue
        why = []
        if unknown:
            why.append(f"{unknown} with no licence found (--allow-unknown-license keeps them, if you may use them)")
        if other:
            named = ", ".join(f"{n} {spdx}" for spdx, n in sorted(not_allowed.items(), key=lambda kv: -kv[1])[:3])
            why.append(f"{other} under a licence not allowed ({named}; --allow-license SPDX-ID allows one)")
        warnings.append(f"{source}: {unknown + other} of {total} files dropped for their licence: " + "; ".join(why))
    return warnings


def format_report(stats: dict) -> str:
    """The stats as a table: documents in, dropped per filter, out; tokens; time per stage."""
    lines = [f"documents in: {stats['documents_in']:,}"]
    remaining = stats["documents_in"]
    order = [
        "too_large",
        "binary",
        "not_utf8",
        "unreadable",
        "language",
        "license",
        "empty",
        "long_lines",
        "mean_line_length",
        "alphanumeric_fraction",
        "auto_generated",
        "humaneval",
        "exact_duplicate",
        "near_duplicate",
    ]
    dropped = stats["dropped"]
    for reason in order + sorted(set(dropped) - set(order)):
        if dropped.get(reason):
            remaining -= dropped[reason]
            lines.append(f"  - {reason:<24} {dropped[reason]:>8,}  -> {remaining:,}")
    lines.append(f"documents out: {stats['documents_out']:,}")
    lines += [f"warning: {w}" for w in license_warnings(stats)]
    red = stats["redacted"]
    lines.append(
        f"redacted: {red.get('secrets', 0)} secrets, {red.get('emails', 0)} e-mail addresses "
        f"in {red.get('documents', 0)} documents"
    )
    if stats["fim"]:
        lines.append("fim: " + ", ".join(f"{k} {v:,}" for k, v in sorted(stats["fim"].items())))
    lines.append(f"tokens: {stats['tokens']:,}")
    for lang, v in sorted(stats["by_language"].items(), key=lambda kv: -kv[1]["tokens"])[:12]:
        lines.append(f"  {lang:<16} {v['documents']:>7,} documents {v['tokens']:>12,} tokens")
    secs = stats["seconds"]
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in secs.items() if k != "total")
    lines.append(f"time: {secs.get('total', 0):.1f}s ({stages})")
    return "\n".join(lines)
