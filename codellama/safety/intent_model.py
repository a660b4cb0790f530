"""The request guard's learned layer: logistic regression over multilingual character n-grams and the rule layer's
behaviour/target/manner flags, trained on the labelled request corpus shipped with the package.

    score(text) -> (P(malicious), most likely category)

Training is deterministic (liblinear, fixed data order) and happens at first use, in about two seconds; the fitted
weights are cached as a NumPy .npz of plain arrays (no pickle: loaded with allow_pickle=False) under
$CODELLAMA_CACHE or ~/.cache/codellama, keyed by a hash of the training data and settings, so a changed corpus
retrains itself. Inference needs only NumPy: the n-grams are computed here, not by scikit-learn, which is needed
only to train.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from codellama.safety import intent_patterns as P
from codellama.safety import intent_situation
from codellama.safety.intent_concepts import CONCEPTS, concept_vector
from codellama.safety.intent_corpus import LANGUAGES
from codellama.safety.intent_situation import checks_for_attack, combination, protects, situation

DATA_DIR = Path(__file__).parent / "data"
VERSION = 13  # bump when features or settings change
NGRAMS = (2, 5)
C = 10.0  # inverse regularisation of the malicious/benign model (round 3: 10 beat 4 and 25 across subsets)
RULE_WEIGHT = 0.35  # scale of the rule flags beside the n-gram vector (at most unit length)
# Weight of a whole request (a sentence a person wrote) against one clause of the templated corpora, which outnumber
# them: 3 gave the best cross-subset figures (docs/safety.md, round 3).
WHOLE_WEIGHT = 3.0
# Weight of a request of the independent sets, written by other authors (the hands the guard is measured on): left
# out in turn, their rows read as well or slightly better with 6 than with 3 (docs/safety.md, round 4).
INDEPENDENT_WEIGHT = 10.0
# A short request has few n-grams, and scaled to unit length each weighs a lot: "delete every merged branch" read as
# sure as a long malicious request. Vectors shorter than this quantile of the training vectors are not scaled up.
NORM_FLOOR_QUANTILE = 0.5
# A request mostly in a language the model has no text in keeps only its known n-grams (borrowed technical words:
# "proxy rotation", "PL/SQL", "Docker API"), and the floor above then shrinks them towards the prior as if the
# request were short. The floor is scaled by the share of the request's n-grams the model knows, so what it can read
# weighs as much as in a request it reads whole (round 5).
COVERAGE_SCALED_FLOOR = True
_CLAUSE_SOURCES = {f"corpus_{lang}" for lang in LANGUAGES}
# Sets measured but never trained on: requests written after the model was built (docs/safety.md).
UNTUNED_PREFIX = "intent_untuned"

# The rule layer's vocabulary as features: what the code would do, to whose data, how.
FLAG_NAMES = (
    "MASS_FILES SYSTEM_WIDE_SCOPE OTHERS OWN LOCAL_TARGET CONSENT OWNER_CONSENT STEALTH SEND_AWAY DEFENSIVE "
    "EDUCATIONAL ENCRYPT PERSONAL_FILES RANSOM_PRESSURE DELETES_ORIGINALS KEY_AWAY KEYSTROKES SYSTEM_WIDE_INPUT "
    "PASSWORD_CAPTURE CREDENTIALS HARVEST HARM_TO_VICTIM STEAL BROWSER_STORES OWN_SECRETS HANDLES_OWN_LOGINS "
    "FAKE_LOGIN FAKE_UI ASKS_FOR SAVES_INPUT SELF_COPY SPREAD_TARGETS DESTROY TRIGGER DEAD_MAN BACKUPS_TOO "
    "NO_CONFIRMATION PRODUCTION EVADE SECURITY_OFF PREVENT_RESTART FLOOD REPEATED FLOOD_TARGET PRIVATE_DATA "
    "COVERT_CHANNEL BUILD_WORKING BUILD DEFENSIVE_PURPOSE"
).split()
_FLAGS = [getattr(P, name) for name in FLAG_NAMES]
_SPACES = re.compile(r"\s\s+")


# The Brahmic scripts of India share one layout: each of the blocks from Bengali (U+0980) to Malayalam (U+0D7F) puts
# the same letter at the same offset as Devanagari (U+0900). Read as Devanagari, a word borrowed into Gujarati,
# Punjabi, Tamil or Telugu ("script", "server", "password", "computer") shares n-grams with the Hindi, Marathi and
# Bengali requests the model was trained on, instead of being wholly unknown (round 4: left out of training, such
# requests kept no known n-gram at all).
_INDIC_AS_DEVANAGARI = {cp: 0x0900 + (cp - 0x0900) % 0x80 for cp in range(0x0980, 0x0D80)}


def char_ngrams(text: str, lo: int = NGRAMS[0], hi: int = NGRAMS[1]) -> list[str]:
    """scikit-learn's char_wb analyser: n-grams inside each word padded with one space, lower-cased; the Brahmic
    scripts of India read as Devanagari."""
    grams = []
    for word in _SPACES.sub(" ", text.lower().translate(_INDIC_AS_DEVANAGARI)).split():
        w = f" {word} "
        size = len(w)
        for n in range(lo, hi + 1):
            if size < n:
                grams.append(w)
                break
            grams.extend(w[i : i + n] for i in range(size - n + 1))
    return grams


_CONCEPT_INDEX = {name: i for i, name in enumerate(CONCEPTS)}
_ACTIONS = [
    _CONCEPT_INDEX[c]
    for c in (
        "encrypt", "delete", "keys_typed", "credentials", "fake_page", "self_copy", "evade_security", "logs",
        "disable", "flood", "miner", "hidden_service", "backdoor", "camera_mic_location", "send_away", "malware_noun",
        "brute_force", "takeover", "spoofed", "fraud", "personal_data",
    )
]  # fmt: skip
_CONTEXTS = [
    _CONCEPT_INDEX[c]
    for c in (
        "others", "own", "stealth", "send_away", "defence", "explain", "consent", "mass_scope", "test_env", "no_code",
        "defensive_work", "question", "unauthorised", "persistence", "fiction", "full_code", "local_only", "limited",
    )
]  # fmt: skip


def situation_flags(text: str) -> list[float]:
    """The situation's roles as features (round 6, intent_situation): someone else's, unnoticed, a capability named,
    all three (or an inherent capability) without defence, a harmful combination, a check for an attack, and since
    round 7 protection of the user's own people or systems (intent_situation.protects)."""
    found = situation(text)
    return [
        float(found.elsewhere),
        float(found.unnoticed),
        float(bool(found.capabilities)),
        float(found.harmful),
        float(combination(text) is not None),
        float(checks_for_attack(text)),
        float(protects(text)),
    ]


def rule_flags(text: str) -> np.ndarray:
    """Behaviour features in any language: the rule layer's patterns (English vocabulary), the multilingual
    concepts, each action concept crossed with each context concept (what it does x to whose data, how), and the
    situation's roles."""
    t = " ".join(text.split())
    rules = [1.0 if P.found(rx, t) else 0.0 for rx in _FLAGS]
    concepts = concept_vector(t)
    crossed = [concepts[a] * concepts[c] for a in _ACTIONS for c in _CONTEXTS]
    return np.array(rules + concepts + crossed + situation_flags(t), dtype=np.float64)


def training_records() -> list[dict]:
    """Every labelled request set shipped under data/ (the corpus and the older sets), but never the untuned sets."""
    records = []
    for path in sorted(DATA_DIR.glob("intent_*.jsonl")):
        if path.stem.startswith(UNTUNED_PREFIX):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                r.setdefault("source", path.stem)
                r.setdefault("lang", "en")
                records.append(r)
    return records


def _coverage(known: int, total: int) -> float:
    """The share of a request's n-grams the model knows (1.0 when the coverage-scaled floor is off)."""
    return known / total if COVERAGE_SCALED_FLOOR and total else 1.0


@dataclass
class IntentModel:
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # n-gram weights, then rule-flag weights
    intercept: float
    categories: list[str]
    cat_coef: np.ndarray  # (categories, n-grams + flags)
    cat_intercept: np.ndarray
    norm_floor: float = 0.0  # n-gram vectors are divided by max(their length, this): see NORM_FLOOR_QUANTILE

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(n-gram indices, their tf-idf values divided by max(length, norm_floor), rule flags)."""
        counts: dict[int, int] = {}
        vocab = self.vocabulary
        grams = char_ngrams(text)
        for g in grams:
            i = vocab.get(g)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts))
        val = tf * self.idf[idx] if len(idx) else tf
        floor = self.norm_floor * _coverage(sum(counts.values()), len(grams))
        norm = max(float(np.sqrt(val @ val)) if len(idx) else 0.0, floor)
        return idx, (val / norm if norm else val), rule_flags(text) * RULE_WEIGHT

    def score(self, text: str) -> tuple[float, str]:
        idx, val, flags = self.features(text)
        n = len(self.idf)
        z = float(val @ self.coef[idx]) + float(flags @ self.coef[n:]) + self.intercept
        p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
        cz = self.cat_coef[:, idx] @ val + self.cat_coef[:, n:] @ flags + self.cat_intercept
        return p, self.categories[int(np.argmax(cz))]

    def save(self, path: Path) -> None:
        words = sorted(self.vocabulary, key=self.vocabulary.get)
        tmp = path.with_suffix(".tmp.npz")
        np.savez_compressed(
            tmp,
            vocabulary=np.array(words, dtype=str),
            idf=self.idf,
            coef=self.coef,
            intercept=np.array([self.intercept]),
            categories=np.array(self.categories, dtype=str),
            cat_coef=self.cat_coef,
            cat_intercept=self.cat_intercept,
            norm_floor=np.array([self.norm_floor]),
        )
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> IntentModel:
        with np.load(path, allow_pickle=False) as z:
            words = [str(w) for w in z["vocabulary"]]
            return cls(
                {w: i for i, w in enumerate(words)},
                z["idf"],
                z["coef"],
                float(z["intercept"][0]),
                [str(c) for c in z["categories"]],
                z["cat_coef"],
                z["cat_intercept"],
                float(z["norm_floor"][0]),
            )


def _weight(source: str) -> float:
    if source in _CLAUSE_SOURCES:
        return 1.0
    return INDEPENDENT_WEIGHT if source.startswith("intent_independent") else WHOLE_WEIGHT


def train(records: list[dict], memo: dict | None = None) -> IntentModel:
    """Fit the malicious/benign model and the category model on labelled records (needs scikit-learn). `memo`: a
    dict kept between calls that remembers each text's n-grams and flags (cross-subset validation trains once per
    subset on mostly the same texts; the features, not the fits, are what cost)."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    memo = {} if memo is None else memo

    def remembered(kind, compute, text):
        key = (kind, text)
        if key not in memo:
            memo[key] = compute(text)
        return memo[key]

    def char_ngrams_of(text):
        return remembered("grams", char_ngrams, text)

    texts = [r["text"] for r in records]
    vectorizer = TfidfVectorizer(
        analyzer=lambda t: remembered("grams", char_ngrams, t), sublinear_tf=True, min_df=2, dtype=np.float64, norm=None
    )
    grams = vectorizer.fit_transform(texts)
    lengths = np.sqrt(np.asarray(grams.multiply(grams).sum(axis=1)).ravel())
    floor = float(np.quantile(lengths, NORM_FLOOR_QUANTILE)) if NORM_FLOOR_QUANTILE else 0.0
    vocabulary = vectorizer.vocabulary_
    coverage = np.array(
        [_coverage(sum(g in vocabulary for g in char_ngrams_of(t)), len(char_ngrams_of(t))) for t in texts]
    )
    grams = csr_matrix(grams.multiply(1.0 / np.maximum(np.maximum(lengths, floor * coverage), 1e-12)[:, None]))
    flags = csr_matrix(np.vstack([remembered("flags", rule_flags, t) for t in texts]) * RULE_WEIGHT)
    x = hstack([grams, flags]).tocsr()
    y = np.array([r["label"] == "malicious" for r in records], dtype=int)
    binary = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=1000)
    weights = np.array([_weight(r.get("source", "")) for r in records])
    binary.fit(x, y, sample_weight=weights)
    malicious = np.flatnonzero(y)
    categories = sorted({records[i]["category"] for i in malicious})
    cy = np.array([categories.index(records[i]["category"]) for i in malicious])
    multi = LinearSVC(C=1.0)  # one-vs-rest; only the argmax is used
    multi.fit(x[malicious], cy)
    return IntentModel(
        {str(k): int(v) for k, v in vectorizer.vocabulary_.items()},
        vectorizer.idf_.astype(np.float64),
        binary.coef_[0].astype(np.float64),
        float(binary.intercept_[0]),
        categories,
        multi.coef_.astype(np.float64),
        multi.intercept_.astype(np.float64),
        floor,
    )


def _cache_dir() -> Path:
    root = os.environ.get("CODELLAMA_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "codellama")
    return Path(root)


def _fingerprint(records: list[dict]) -> str:
    settings = f"v{VERSION} {NGRAMS} C={C} w={RULE_WEIGHT} whole={WHOLE_WEIGHT} independent={INDEPENDENT_WEIGHT} "
    settings += f"floor={NORM_FLOOR_QUANTILE} coverage={COVERAGE_SCALED_FLOOR} "
    settings += f"{FLAG_NAMES} {CONCEPTS} {_ACTIONS} x {_CONTEXTS} "
    # the situation's stems and the rule patterns are features too (round 10: a pattern edited under the same VERSION
    # would otherwise reload a model fitted to the old flags)
    for module in (intent_situation, P):
        settings += Path(module.__file__).read_text(encoding="utf-8")
    h = hashlib.sha256(settings.encode())
    for r in records:
        h.update(f"{r['label']}\t{r['category']}\t{r['text']}\n".encode())
    return h.hexdigest()[:16]


_model: IntentModel | None = None
_lock = threading.Lock()


def get_model() -> IntentModel:
    """The fitted model: cached in this process, else loaded from the cache file, else trained and cached."""
    global _model
    with _lock:
        if _model is None:
            records = training_records()
            path = _cache_dir() / f"intent_model-{_fingerprint(records)}.npz"
            try:
                _model = IntentModel.load(path)
            except (OSError, ValueError, KeyError):
                _model = train(records)
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    _model.save(path)
                except OSError:
                    pass  # a read-only home: retrain next time
        return _model
