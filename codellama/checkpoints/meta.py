"""Meta's checkpoint format: params.json + consolidated.NN.pth, one file per model-parallel shard.

read_meta merges the shards back into whole tensors; write_meta splits them as Meta does. What
params.json cannot say (context length, rope scaling, head size) goes in EXTRA_PARAMS beside it.
"""

from __future__ import annotations

import json
import math
import pickle
import re
from pathlib import Path

import torch

from codellama.checkpoints.files import atomic_save, atomic_write_text
from codellama.checkpoints.names import EXTRA_PARAMS, META_IGNORED, META_SHARD_DIM, CheckpointError, Tensors
from codellama.model import ModelArgs, Transformer, meta_ffn_hidden_dim


def _meta_args(directory: Path) -> ModelArgs:
    path = directory / "params.json"
    if not path.exists():
        raise CheckpointError(
            f"{directory}: no params.json; a Meta checkpoint is params.json + consolidated.NN.pth + tokenizer.model"
        )
    try:
        params = json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise CheckpointError(f"{path}: not valid JSON ({e})") from None
    known = {
        "dim",
        "n_layers",
        "n_heads",
        "n_kv_heads",
        "vocab_size",
        "multiple_of",
        "ffn_dim_multiplier",
        "norm_eps",
        "rope_theta",
        "max_seq_len",
    }
    missing = {"dim", "n_layers", "n_heads"} - set(params)
    if missing:
        raise CheckpointError(f"{path}: missing {', '.join(sorted(missing))}")
    kwargs = {k: v for k, v in params.items() if k in known}
    if kwargs.get("vocab_size", -1) <= 0:
        kwargs.pop("vocab_size", None)  # Llama 2 writes -1: taken from the tokenizer/weights
    # Code Llama (rope_theta 1e6) was trained on 16k sequences; Llama 2 on 4k
    kwargs.setdefault("max_seq_len", 16_384 if params.get("rope_theta", 10_000) >= 1e6 else 4096)
    extra_path = directory / EXTRA_PARAMS
    if extra_path.exists():  # what params.json cannot say, written by write_meta
        extra = json.loads(extra_path.read_text())
        kwargs.update({k: v for k, v in extra.items() if k in ("max_seq_len", "rope_scaling", "head_dim")})
    return ModelArgs(**kwargs, extra={"format": "meta"})


def _meta_shards(directory: Path) -> list[Path]:
    shards = sorted(directory.glob("consolidated.*.pth"))
    if not shards:
        raise CheckpointError(f"{directory}: no consolidated.NN.pth files next to params.json")
    numbers = [int(m.group(1)) if (m := re.fullmatch(r"consolidated\.(\d+)\.pth", p.name)) else -1 for p in shards]
    if numbers != list(range(len(shards))):
        raise CheckpointError(
            f"{directory}: shard files {', '.join(p.name for p in shards)} are not numbered 00..{len(shards) - 1:02d}; "
            "a model-parallel checkpoint needs every shard"
        )
    return shards


def _torch_load(path: Path) -> dict:
    try:
        return torch.load(path, map_location="cpu", weights_only=True, mmap=True)
    except pickle.UnpicklingError as e:
        found = re.search(r"GLOBAL ([\w.]+)", str(e))
        what = f" (it asks for {found.group(1)})" if found else ""
        raise CheckpointError(
            f"{path}: refused: the file holds pickled objects other than tensors{what}; "
            "only plain weight files are loaded, since a pickle can run code"
        ) from None
    except (RuntimeError, EOFError, OSError) as e:
        raise CheckpointError(f"{path}: not a readable PyTorch checkpoint ({e})") from None


def read_meta(directory: Path) -> tuple[ModelArgs, Tensors, int]:
    """Shapes, tensors (shards merged) and total file size of the Meta checkpoint in `directory`."""
    args = _meta_args(directory)
    shard_paths = _meta_shards(directory)
    shards = [_torch_load(p) for p in shard_paths]
    names = [k for k in shards[0] if k not in META_IGNORED]
    for path, shard in zip(shard_paths[1:], shards[1:]):
        if set(k for k in shard if k not in META_IGNORED) != set(names):
            raise CheckpointError(f"{path}: holds different tensor names than {shard_paths[0].name}")
    if "tok_embeddings.weight" in shards[0]:
        vocab = shards[0]["tok_embeddings.weight"].shape[0]
        if args.vocab_size != vocab:
            args.vocab_size = vocab
    args.qkv_bias = "layers.0.attention.wq.bias" in shards[0]
    # Meta's format has no tying flag: a model written from a tied one carries two equal copies (split along
    # different dimensions when sharded, so they are compared merged)
    output, embeddings = _merged(shards, "output.weight"), _merged(shards, "tok_embeddings.weight")
    args.tie_embeddings = output is None or (
        embeddings is not None and output.shape == embeddings.shape and torch.equal(output, embeddings)
    )
    _check_meta_shard_count(args, shards, directory)
    total = sum(p.stat().st_size for p in shard_paths)

    def tensors() -> Tensors:
        for name in names:
            if args.tie_embeddings and name == "output.weight":
                continue
            yield name, _merged(shards, name)

    return args, tensors(), total


def _merged(shards: list[dict], name: str) -> torch.Tensor | None:
    """Tensor `name` with its shards joined (None when the checkpoint has none)."""
    if name not in shards[0]:
        return None
    dim = _meta_shard_dim(name)
    parts = [s[name] for s in shards]
    return parts[0] if dim is None or len(parts) == 1 else torch.cat(parts, dim=dim)


def _meta_shard_dim(name: str) -> int | None:
    kind = name.split(".")[-2]
    if kind not in META_SHARD_DIM:
        raise CheckpointError(f"unexpected tensor {name!r} in a Meta checkpoint")
    return 0 if name.endswith(".bias") else META_SHARD_DIM[kind]  # biases only on column-parallel wq/wk/wv


def _check_meta_shard_count(args: ModelArgs, shards: list[dict], directory: Path) -> None:
    wq = shards[0].get("layers.0.attention.wq.weight")
    if wq is None:
        return
    expected = args.n_heads * args.head_dim
    if wq.shape[0] * len(shards) != expected:
        want = expected / wq.shape[0]
        raise CheckpointError(
            f"{directory}: {len(shards)} shard file(s) but params.json (dim {args.dim}) implies "
            f"{want:g} shards of {wq.shape[0]} query rows each; a shard is missing or the params are wrong"
        )


def write_meta(model: Transformer, directory: str | Path, num_shards: int = 1) -> None:
    """params.json + consolidated.NN.pth, split for `num_shards`-way model parallelism as Meta does."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    args = model.args
    params = {
        "dim": args.dim,
        "n_layers": args.n_layers,
        "n_heads": args.n_heads,
        "n_kv_heads": args.n_kv_heads,
        "vocab_size": args.vocab_size,
        "norm_eps": args.norm_eps,
        "rope_theta": args.rope_theta,
        **_meta_ffn_params(args),
    }
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    for shard in range(num_shards):
        out = {}
        for name, tensor in state.items():
            dim = _meta_shard_dim(name)
            if dim is None or num_shards == 1:
                out[name] = tensor.clone()
            else:
                if tensor.shape[dim] % num_shards:
                    raise ValueError(f"{name} {tuple(tensor.shape)} cannot be split into {num_shards} shards")
                out[name] = tensor.chunk(num_shards, dim=dim)[shard].clone()
        atomic_save(lambda p, o=out: torch.save(o, p), directory / f"consolidated.{shard:02d}.pth")
    atomic_write_text(directory / "params.json", json.dumps(params, indent=2))
    extra = {"max_seq_len": args.max_seq_len, "rope_scaling": args.rope_scaling, "head_dim": args.head_dim}
    atomic_write_text(directory / EXTRA_PARAMS, json.dumps(extra, indent=2))


def _meta_ffn_params(args: ModelArgs) -> dict:
    """multiple_of / ffn_dim_multiplier that make Meta's formula give our FFN width."""
    for multiple_of in (args.multiple_of, 256, 128, 64, 32, 16, 8, 1):
        if meta_ffn_hidden_dim(args.dim, multiple_of, args.ffn_dim_multiplier) == args.ffn_hidden_dim:
            return {"multiple_of": multiple_of, "ffn_dim_multiplier": args.ffn_dim_multiplier}
    base = int(2 * (4 * args.dim) / 3)
    multiplier = args.ffn_hidden_dim / base
    while int(multiplier * base) < args.ffn_hidden_dim:  # guard against float rounding down
        multiplier = math.nextafter(multiplier, math.inf)
    return {"multiple_of": 1, "ffn_dim_multiplier": multiplier}
