"""A compact delta over a base checkpoint: LoRA adapters plus the rows of tokens added to the vocabulary.

What a LoRA run of the trainer produces for a model that lives in the repository (the embedded default model
gains native infilling this way; docs/training.md). A delta directory holds:

- `delta.json`: format, the base file it applies to (name, size, sha256, vocabulary size), the tokens added
  (family, pieces, ids), the LoRA rank/alpha/scale and target modules, the tensor files, and the run's provenance
  (recipe, data and licences, tokens seen, steps);
- `delta-NNNNN.safetensors`: `NAME.lora_A` (r, in) and `NAME.lora_B` (out, r) per adapted weight NAME (our
  parameter names), `tok_embeddings.new_rows` (n, dim) and, for an untied output layer, `output.new_rows`;
  float32, split so that no file exceeds MAX_FILE_BYTES.

Applied at load, the adapters are merged into the weights (W + alpha/r * B A, in float32, from the dequantised
weight where the file holds it quantised) and the new rows appended to the token tables, as the checkpoint's
tensors stream in: one model, no extra layers in the decode step. Where the base weight was quantised, the merged
one goes on as `Dequantized` of the same width, so `--quant auto` re-quantises it (the CPU keeps its int4 kernels).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import torch

from codellama.checkpoints.names import CheckpointError
from codellama.quant import EMBEDDING, OUTPUT, QuantTensor
from codellama.quant_load import Dequantized, floats

FORMAT = "codellama-delta-v1"
MANIFEST = "delta.json"
MAX_FILE_BYTES = 16 * 2**20
DEFAULT_DELTA = Path(__file__).resolve().parents[1] / "default_delta"  # package data: the embedded model's delta
ENV = "CODELLAMA_DELTA"  # "off" (or 0/no/false): no delta; a directory: that delta, for whatever model is loaded


def fingerprint(path: str | Path) -> str:
    """sha256 of a checkpoint file; of a directory, of its files' names and sha256s (sorted)."""
    path = Path(path)
    if path.is_file():
        stat = path.stat()
        return _file_sha256(str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        stat = file.stat()
        digest.update(f"{file.relative_to(path)}\0{_file_sha256(str(file), stat.st_size, stat.st_mtime_ns)}\n".encode())
    return digest.hexdigest()


@lru_cache(maxsize=16)
def _file_sha256(path: str, size: int, mtime_ns: int) -> str:  # (size, mtime: a changed file is hashed again)
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(2**22):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Delta:
    directory: Path
    manifest: dict
    tensors: dict[str, torch.Tensor]

    @property
    def scale(self) -> float:
        return float(self.manifest["lora"]["scale"])

    @property
    def added_rows(self) -> int:
        return len(self.manifest["added_tokens"]["ids"])

    @property
    def base_vocab_size(self) -> int:
        return int(self.manifest["base"]["vocab_size"])


def read_delta(directory: str | Path) -> Delta:
    from safetensors.torch import load_file

    directory = Path(directory)
    path = directory / MANIFEST
    if not path.exists():
        raise CheckpointError(f"{directory}: no {MANIFEST}; a delta directory is what a LoRA run's delta_out holds")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise CheckpointError(f"{path}: format {manifest.get('format')!r} is not {FORMAT!r}")
    tensors: dict[str, torch.Tensor] = {}
    for name in manifest["files"]:
        tensors.update(load_file(directory / name))
    return Delta(directory, manifest, tensors)


def write_delta(
    directory: str | Path,
    lora: dict[str, tuple[torch.Tensor, torch.Tensor]],
    new_rows: dict[str, torch.Tensor],
    manifest: dict,
) -> list[str]:
    """Write `lora` ({weight name: (A, B)}) and `new_rows` ({"tok_embeddings" | "output": rows}) with `manifest`
    (base, added_tokens, lora settings, provenance; files are filled in) into `directory`; returns the files."""
    from safetensors.torch import save_file

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("delta-*.safetensors"):
        old.unlink()
    tensors = {f"{name}.lora_A": a for name, (a, _) in lora.items()}
    tensors |= {f"{name}.lora_B": b for name, (_, b) in lora.items()}
    tensors |= {f"{table}.new_rows": rows for table, rows in new_rows.items()}
    files, part, size = [], {}, 0
    for name in sorted(tensors):
        tensor = tensors[name].detach().to("cpu", torch.float32).contiguous()
        if tensor.nbytes > MAX_FILE_BYTES - 2**16:
            raise ValueError(f"{name} ({tensor.nbytes:,} bytes) does not fit one delta file of {MAX_FILE_BYTES:,}")
        if part and size + tensor.nbytes > MAX_FILE_BYTES - 2**16:  # (room for the safetensors header)
            files.append(_save(save_file, directory, len(files), part))
            part, size = {}, 0
        part[name], size = tensor, size + tensor.nbytes
    if part:
        files.append(_save(save_file, directory, len(files), part))
    manifest = {"format": FORMAT, **manifest, "files": files}
    tmp = directory / f"{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2) + "\n")
    os.replace(tmp, directory / MANIFEST)
    return [*files, MANIFEST]


def _save(save_file, directory: Path, index: int, tensors: dict) -> str:
    name = f"delta-{index:05d}.safetensors"
    save_file(tensors, str(directory / name))
    return name


def delta_for(model_path: Path, is_default: bool, requested: str | Path | bool | None = None) -> Path | None:
    """The delta directory to apply to the model at `model_path`, or None.

    `requested`: False never; a path, that delta; None (the default): the environment's CODELLAMA_DELTA ("off"
    for none, or a directory), else the package's own delta when the model is the embedded default one and the
    delta has been shipped (codellama/default_delta/delta.json)."""
    if requested is False:
        return None
    if requested not in (None, True):
        return Path(requested)
    env = os.environ.get(ENV, "").strip()
    if env.lower() in ("off", "0", "no", "false", "none"):
        return None
    if env:
        return Path(env)
    if is_default and (DEFAULT_DELTA / MANIFEST).exists():
        return DEFAULT_DELTA
    return None


def check_base(delta: Delta, model_path: Path, vocab_size: int) -> None:
    """Refuse a delta made for another base checkpoint, naming both and what to do."""
    base = delta.manifest["base"]
    actual = fingerprint(model_path)
    if actual != base["sha256"]:
        raise CheckpointError(
            f"the delta {delta.directory} was made for {base.get('file', 'another checkpoint')} (sha256 "
            f"{base['sha256'][:16]}...) but {model_path} has sha256 {actual[:16]}...; load the model it was made "
            f"for, or turn the delta off ({ENV}=off)"
        )
    if vocab_size != delta.base_vocab_size:
        raise CheckpointError(
            f"the delta {delta.directory} expects a base vocabulary of {delta.base_vocab_size} tokens, "
            f"{model_path} has {vocab_size}"
        )


def apply_delta(tensors: Iterator, delta: Delta, tied: bool) -> Iterator:
    """The checkpoint's (name, stored weight) stream with the delta applied: adapted weights merged, token
    tables grown by the new rows. The stream must be the base's, in our parameter names."""
    adapted = {name.removesuffix(".lora_A") for name in delta.tensors if name.endswith(".lora_A")}
    seen = set()
    for name, stored in tensors:
        if name in adapted:
            a, b = delta.tensors[f"{name}.lora_A"], delta.tensors[f"{name}.lora_B"]
            base = floats(stored).float()  # (on the device the loader dequantised it to, if not the CPU)
            merged = base + delta.scale * (b.to(base.device) @ a.to(base.device))
            seen.add(name)
            yield name, _like(stored, merged)
        elif name in (EMBEDDING, OUTPUT) and f"{name.split('.')[0]}.new_rows" in delta.tensors:
            rows = delta.tensors[f"{name.split('.')[0]}.new_rows"]
            seen.add(name)
            base = floats(stored).float()
            yield name, _like(stored, torch.cat([base, rows.to(base.device)]))
        else:
            yield name, stored
    missing = adapted - seen
    if missing:
        raise CheckpointError(f"the delta {delta.directory} adapts weights the checkpoint lacks: {sorted(missing)[:3]}")


def _like(stored, values: torch.Tensor):
    """`values` in the stored weight's kind: a quantised one as Dequantized of its width (auto re-quantises it),
    a float one in its dtype."""
    if isinstance(stored, QuantTensor | Dequantized):
        return Dequantized(values, stored.bits)
    return values.to(stored.dtype)
