"""Training sequences from pipeline outputs: packed windows, a data mix by weights, a fixed order.

Each source (a `codellama data` output directory) is read as its shards back to back and
cut into windows of `seq_len + 1` tokens (documents are packed; EOS separates them). The
order is a pure function of the seed: sequence g of the run comes from the source drawn for
g (by the mix weights), and is that source's next window in a seeded permutation (a new
permutation each epoch over the source). Nothing depends on what ran before, so a resumed
run reads exactly what an uninterrupted one would.

Shards may carry a loss mask (instruction data: 1 on answer tokens); masked targets get -100.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

IGNORE = -100


@dataclass
class Source:
    path: Path
    manifest: dict
    shards: list[np.ndarray]
    masks: list[np.ndarray | None]
    windows: np.ndarray  # (n, 2): shard index, start

    @classmethod
    def open(cls, path: str | Path, seq_len: int) -> Source:
        path = Path(path)
        manifest_path = path / "manifest.json"
        if not manifest_path.exists():
            raise ValueError(
                f"{path}: no manifest.json; give the output directory of `codellama data prepare` "
                "(or `codellama data chat`) that finished"
            )
        manifest = json.loads(manifest_path.read_text())
        shards, masks, windows = [], [], []
        for i, shard in enumerate(manifest["shards"]):
            tokens = np.load(path / shard["tokens"], mmap_mode="r")
            shards.append(tokens)
            masks.append(np.load(path / shard["mask"], mmap_mode="r") if shard.get("mask") else None)
            starts = np.arange(0, len(tokens) - seq_len, seq_len)
            windows.append(np.stack([np.full_like(starts, i), starts], axis=1))
        windows = np.concatenate(windows) if windows else np.zeros((0, 2), dtype=np.int64)
        if len(windows) == 0:
            raise ValueError(
                f"{path}: {manifest.get('num_tokens', 0)} tokens is less than one sequence of "
                f"{seq_len + 1} tokens per shard; use a shorter --seq-len or more data"
            )
        return cls(path, manifest, shards, masks, windows)


class PackedData:
    def __init__(self, sources: list[tuple[str, float]], seq_len: int, seed: int = 0):
        if not sources:
            raise ValueError("no training data: give at least one `codellama data` output directory")
        self.seq_len, self.seed = seq_len, seed
        self.sources = [Source.open(path, seq_len) for path, _ in sources]
        weights = np.array([w for _, w in sources], dtype=np.float64)
        if (weights <= 0).any():
            raise ValueError(f"data mix weights must be positive, got {weights.tolist()}")
        self.weights = weights / weights.sum()
        self.vocab_size = max(s.manifest["tokenizer"]["vocab_size"] for s in self.sources)
        self._perms: dict[tuple[int, int], np.ndarray] = {}
        self._assigned = np.zeros(0, dtype=np.int64)  # source of each sequence index, grown on demand
        self._rank_in_source = np.zeros(0, dtype=np.int64)
        self._drawn_so_far = np.zeros(len(self.sources), dtype=np.int64)

    def _plan(self, upto: int) -> None:
        """Draw the source of each sequence, in fixed blocks (so the plan never depends on how far it reaches)."""
        block = 4096
        while len(self._assigned) < upto:
            b = len(self._assigned) // block
            drawn = np.random.default_rng([self.seed, 0, b]).choice(len(self.sources), size=block, p=self.weights)
            ranks = np.empty(block, dtype=np.int64)
            for s in range(len(self.sources)):  # the k-th draw from its source
                where = drawn == s
                ranks[where] = self._drawn_so_far[s] + np.arange(where.sum())
                self._drawn_so_far[s] += where.sum()
            self._assigned = np.concatenate([self._assigned, drawn])
            self._rank_in_source = np.concatenate([self._rank_in_source, ranks])

    def _window(self, source: int, k: int) -> tuple[int, int]:
        windows = self.sources[source].windows
        epoch, i = divmod(k, len(windows))
        key = (source, epoch)
        if key not in self._perms:
            self._perms = {k2: v for k2, v in self._perms.items() if k2[0] != source}  # keep one epoch each
            self._perms[key] = np.random.default_rng([self.seed, 1, source, epoch]).permutation(len(windows))
        shard, start = windows[self._perms[key][i]]
        return int(shard), int(start)

    def sequence(self, g: int) -> tuple[np.ndarray, np.ndarray]:
        """(inputs, targets) of global sequence number g, each (seq_len,); masked targets are -100."""
        self._plan(g + 1)
        s = int(self._assigned[g])
        shard, start = self._window(s, int(self._rank_in_source[g]))
        source = self.sources[s]
        chunk = np.asarray(source.shards[shard][start : start + self.seq_len + 1], dtype=np.int64)
        targets = chunk[1:].copy()
        mask = source.masks[shard]
        if mask is not None:
            targets[np.asarray(mask[start + 1 : start + self.seq_len + 1]) == 0] = IGNORE
        return chunk[:-1], targets

    def batch(self, first: int, count: int) -> tuple[torch.Tensor, torch.Tensor]:
        """Sequences first .. first+count-1 as (count, seq_len) tensors."""
        pairs = [self.sequence(g) for g in range(first, first + count)]
        return (torch.from_numpy(np.stack([p[0] for p in pairs])), torch.from_numpy(np.stack([p[1] for p in pairs])))


Batch = tuple[torch.Tensor, torch.Tensor]


class BatchPrefetcher:
    """The micro-batches of training steps, the next step's read in a background thread while this one trains
    (reading is numpy slicing: it releases the GIL), in pinned memory on a GPU so the copies to it can overlap
    the compute (`tensor.to(device, non_blocking=True)`). `offsets(step)`: the first sequence of each of the
    step's micro-batches; each holds `data`'s micro_batch sequences from there."""

    def __init__(self, data: PackedData, offsets: Callable[[int], list[int]], micro_batch: int = 1, pin: bool = False):
        self.data, self.offsets, self.micro_batch, self.pin = data, offsets, micro_batch, pin
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="batches")
        self._ahead: tuple[int, Future] | None = None

    def _read(self, step: int) -> list[Batch]:
        batches = [self.data.batch(first, self.micro_batch) for first in self.offsets(step)]
        return [(x.pin_memory(), y.pin_memory()) for x, y in batches] if self.pin else batches

    def get(self, step: int) -> list[Batch]:
        """Step `step`'s micro-batches (whatever was read ahead for another step is dropped); starts reading
        step + 1's."""
        ahead, self._ahead = self._ahead, None
        batches = ahead[1].result() if ahead is not None else None  # (never two reads at once: PackedData plans)
        if ahead is None or ahead[0] != step:
            batches = self._read(step)
        self._ahead = (step + 1, self._pool.submit(self._read, step + 1))
        return batches

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._ahead = None
