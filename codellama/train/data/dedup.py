"""Exact and near-duplicate removal: SHA-256 of the text, and MinHash LSH (datasketch) over 5-grams of words.

As in StarCoder/BigCode: a document is split into alphanumeric tokens (so whitespace and
punctuation changes do not matter), shingled into 5-grams, hashed with 256 permutations;
a document whose estimated Jaccard similarity with an already kept one is >= 0.7 is dropped.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"[A-Za-z0-9_]+")


def exact_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="replace")).hexdigest()


def shingles(text: str, n: int = 5) -> set[bytes]:
    words = WORD.findall(text)
    if len(words) < n:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + n]).encode() for i in range(len(words) - n + 1)}


class NearDuplicateIndex:
    """Keeps the first of each group of near-duplicates; picklable, so the pipeline can resume."""

    def __init__(self, threshold: float = 0.7, num_perm: int = 256, ngram: int = 5, seed: int = 1):
        self.threshold, self.num_perm, self.ngram, self.seed = threshold, num_perm, ngram, seed
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.signatures: dict[str, MinHash] = {}

    def minhash(self, text: str) -> MinHash:
        m = MinHash(num_perm=self.num_perm, seed=self.seed)
        m.update_batch(list(shingles(text, self.ngram)))
        return m

    def duplicate_of(self, key: str, text: str) -> str | None:
        """The key of a kept near-duplicate of `text`, or None after adding `text` under `key`."""
        m = self.minhash(text)
        for candidate in self.lsh.query(m):  # LSH candidates, confirmed by the estimated Jaccard
            if self.signatures[candidate].jaccard(m) >= self.threshold:
                return candidate
        self.lsh.insert(key, m)
        self.signatures[key] = m
        return None
