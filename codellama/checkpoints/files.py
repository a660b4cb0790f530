"""Atomic writes (a crash never leaves a half-written checkpoint file under the real name), and carrying a
tokenizer over to a written checkpoint."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from codellama.tokenizer import Tokenizer

TOKENIZER_FILES = (
    "tokenizer.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "generation_config.json",
)


def atomic_save(write: Callable[[Path], object], path: Path) -> None:
    """Call `write` on a temporary name beside `path`, then rename it into place."""
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    tmp.replace(path)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_save(lambda p: p.write_text(text), path)


def copy_tokenizer(source: Path, tokenizer: Tokenizer, destination: Path) -> str:
    """Carry the tokenizer of the checkpoint at `source` over to `destination`: its files from a directory, or
    rebuilt from a GGUF vocabulary. Returns what was done, for the user."""
    names = [n for n in TOKENIZER_FILES if (source / n).exists()] if source.is_dir() else []
    if names:
        for name in names:
            shutil.copy(source / name, destination / name)
        return f"tokenizer files: {', '.join(names)}"
    tokenizer.save(destination)  # a GGUF file, or a directory holding one
    return "tokenizer rebuilt from the GGUF vocabulary"
