"""Atomic writes: a crash never leaves a half-written checkpoint file under the real name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def atomic_save(write: Callable[[Path], object], path: Path) -> None:
    """Call `write` on a temporary name beside `path`, then rename it into place."""
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    tmp.replace(path)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_save(lambda p: p.write_text(text), path)
