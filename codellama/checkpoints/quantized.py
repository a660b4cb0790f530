"""Our quantised checkpoint: a directory written by `codellama quantize`, loaded as fast as it is read.

    quantized.json       {"format": "codellama-quantized", "version": 1, "quant": "int4" | "int8",
                          "params": the ModelArgs fields, "tensors": {name: "float" | "int4" | "int8"}}
    model.safetensors    float tensors by our parameter name; a quantised weight NAME as NAME.q, NAME.scales
                         and (int4) NAME.mins, in codellama.quant's form (docs/quantization.md)
    tokenizer files      as the source had them (tokenizer.json / tokenizer.model, tokenizer_config.json ...)

A tied embedding stores only tok_embeddings.weight when the output layer gathers from the same table; when
the two differ (int4: the output layer int4, the embedding its exact table), output.weight is stored as well.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import torch

from codellama.checkpoints.names import CheckpointError, Tensors
from codellama.model import ModelArgs
from codellama.quant import QuantTensor

QUANT_CONFIG = "quantized.json"
FORMAT = "codellama-quantized"
VERSION = 1
WEIGHTS = "model.safetensors"


def is_quantized_checkpoint(directory: Path) -> bool:
    return (directory / QUANT_CONFIG).exists()


def read_quantized(directory: Path) -> tuple[ModelArgs, Tensors, int]:
    """Shapes, tensors (floats and QuantTensors) and total size of a quantised checkpoint."""
    from safetensors import safe_open

    config_path = directory / QUANT_CONFIG
    try:
        config = json.loads(config_path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CheckpointError(f"{config_path}: not valid JSON ({e})") from None
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise CheckpointError(f"{config_path}: not a {FORMAT} config (its format is {config.get('format')!r})")
    if config.get("version") != VERSION:
        raise CheckpointError(f"{config_path}: version {config.get('version')!r} is not supported ({VERSION})")
    try:
        args = ModelArgs(**config["params"])
        kinds = dict(config["tensors"])
    except (KeyError, TypeError, ValueError) as e:
        raise CheckpointError(f"{config_path}: the params or tensor list are missing or corrupt ({e})") from None
    args.extra = {**args.extra, "format": "quantized", "quant": config.get("quant")}
    weights = directory / WEIGHTS
    if not weights.exists():
        raise CheckpointError(f"{directory}: {QUANT_CONFIG} but no {WEIGHTS}")
    try:
        handle = safe_open(str(weights), framework="pt")
    except Exception as e:  # safetensors raises SafetensorError, a bare Exception subclass
        raise CheckpointError(f"{weights}: not a readable safetensors file ({e})") from None

    def tensors() -> Tensors:
        with handle as f:
            keys = set(f.keys())

            def get(key: str) -> torch.Tensor:
                if key not in keys:
                    raise CheckpointError(f"{weights}: missing tensor {key!r} (listed in {QUANT_CONFIG})")
                return f.get_tensor(key)

            for name, kind in kinds.items():
                if kind == "float":
                    yield name, get(name)
                    continue
                if kind not in ("int4", "int8"):
                    raise CheckpointError(f"{config_path}: tensor {name!r} has unknown kind {kind!r}")
                bits = int(kind[3:])
                q, scales = get(f"{name}.q"), get(f"{name}.scales")
                mins = get(f"{name}.mins") if bits == 4 else None
                shape = (q.shape[0], q.shape[1] * (2 if bits == 4 else 1)) if q.ndim == 2 else tuple(q.shape)
                try:
                    yield name, QuantTensor(bits, q, scales, mins, shape)
                except ValueError as e:  # QuantError, or a shape that is not 2-D
                    raise CheckpointError(f"{weights}: tensor {name!r} is corrupt ({e})") from None

    return args, tensors(), weights.stat().st_size


def write_quantized(
    directory: Path,
    args: ModelArgs,
    tensors: Tensors,
    quant: str,
    copy_tokenizer: Callable[[Path], object],
) -> None:
    """Write a quantised checkpoint to `directory`, which must not exist: it is written beside it under a
    temporary name and renamed into place when complete, so a failure leaves nothing half-written behind."""
    from safetensors.torch import save_file

    directory = Path(directory)
    if directory.exists():
        raise CheckpointError(f"{directory} already exists; give a new directory (it is not overwritten)")
    if not directory.parent.is_dir():
        raise CheckpointError(f"{directory.parent} is not a directory")
    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".tmp", dir=directory.parent))
    try:
        state, kinds = {}, {}
        for name, tensor in tensors:
            if isinstance(tensor, QuantTensor):
                kinds[name] = f"int{tensor.bits}"
                state.update({k: v.contiguous() for k, v in tensor.tensors(name).items()})
            else:
                kinds[name] = "float"
                state[name] = tensor.detach().contiguous()
        params = dataclasses.asdict(args)
        params["tie_embeddings"] = args.tie_embeddings and "output.weight" not in kinds
        params["extra"] = {k: v for k, v in args.extra.items() if k not in ("format", "quant")}
        config = {"format": FORMAT, "version": VERSION, "quant": quant, "params": params, "tensors": kinds}
        save_file(state, str(tmp / WEIGHTS), metadata={"format": "pt"})
        (tmp / QUANT_CONFIG).write_text(json.dumps(config, indent=2))
        copy_tokenizer(tmp)
        mask = os.umask(0)
        os.umask(mask)
        for path in [tmp, *tmp.iterdir()]:  # mkdtemp made the directory private; give it the usual modes
            os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~mask)
        os.rename(tmp, directory)  # fails, rather than replace, if the directory appeared meanwhile
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
