"""Hugging Face's checkpoint format: config.json + *.safetensors (sharded with an index when large).

HF's Llama converter permutes the q/k rows (half-split rotary); read_hf undoes it and write_hf redoes it.
Only safetensors are read: .bin files are pickles, which can run code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from codellama.checkpoints.files import atomic_save, atomic_write_text
from codellama.checkpoints.names import (
    _HF_IN,
    HF_NAMES,
    CheckpointError,
    Tensors,
    _rename,
    _rotary_heads,
    hf_to_meta_rotary,
    meta_to_hf_rotary,
)
from codellama.model import ModelArgs, Transformer

NTK_KEY = "codellama_ntk_rope"  # config.json: our static NTK scaling (its base is written as rope_theta)


def _hf_args(directory: Path) -> ModelArgs:
    path = directory / "config.json"
    try:
        config = json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise CheckpointError(f"{path}: not valid JSON ({e})") from None
    model_type = config.get("model_type")
    if model_type not in ("llama", "qwen2", "mistral"):
        raise CheckpointError(f"{path}: model_type {model_type!r} is not a Llama-family model (llama, qwen2, mistral)")
    try:
        # transformers >= 5 writes rope_parameters; earlier versions rope_theta + rope_scaling
        rope = dict(config.get("rope_parameters") or config.get("rope_scaling") or {})
        rope_theta = config.get("rope_theta", rope.pop("rope_theta", 10_000.0))
        scaling = None
        kind = rope.get("rope_type", rope.get("type"))
        # dynamic NTK leaves the frequencies alone up to the trained context (and rescales past it as the
        # sequence grows): within max_position_embeddings, unscaled is exact; past it, --rope-scaling ntk:F
        if kind not in (None, "default", "dynamic"):
            scaling = {**rope, "type": kind}
            if kind not in ("linear", "llama3", "yarn"):
                raise CheckpointError(f"{path}: rope scaling {kind!r} is not supported (linear, dynamic, llama3, yarn)")
        if NTK_KEY in config:  # written by write_hf: a static NTK scaling, stored as the base it amounts to
            rope_theta, scaling = config[NTK_KEY]["rope_theta"], config[NTK_KEY]["rope_scaling"]
        return ModelArgs(
            dim=config["hidden_size"],
            n_layers=config["num_hidden_layers"],
            n_heads=config["num_attention_heads"],
            n_kv_heads=config.get("num_key_value_heads"),
            vocab_size=config["vocab_size"],
            ffn_hidden_dim=config["intermediate_size"],
            norm_eps=config.get("rms_norm_eps", 1e-6),
            rope_theta=rope_theta,
            rope_scaling=scaling,
            max_seq_len=config.get("max_position_embeddings", 4096),
            qkv_bias=config.get("attention_bias", model_type == "qwen2"),
            tie_embeddings=config.get("tie_word_embeddings", False),
            head_dim=config.get("head_dim"),
            extra={"format": "hf", "model_type": model_type},
        )
    except KeyError as e:
        raise CheckpointError(f"{path}: missing field {e.args[0]!r}") from None


def _hf_weight_files(directory: Path) -> list[Path]:
    index = directory / "model.safetensors.index.json"
    if index.exists():
        weight_map = json.loads(index.read_text())["weight_map"]
        files = [directory / f for f in dict.fromkeys(weight_map.values())]
    else:
        files = sorted(directory.glob("*.safetensors"))
    if not files:
        raise CheckpointError(f"{directory}: config.json but no *.safetensors weights (.bin pickles are not loaded)")
    for f in files:
        if not f.exists():
            raise CheckpointError(f"{index}: names {f.name}, which is missing")
    return files


def read_hf(directory: Path) -> tuple[ModelArgs, Tensors, int]:
    """Shapes, tensors (in our names and rotary layout) and total file size of the HF checkpoint in `directory`."""
    from safetensors import safe_open

    args = _hf_args(directory)
    files = _hf_weight_files(directory)
    total = sum(f.stat().st_size for f in files)

    def tensors() -> Tensors:
        for path in files:
            try:
                handle = safe_open(str(path), framework="pt")
            except Exception as e:  # safetensors raises SafetensorError, a bare Exception subclass
                raise CheckpointError(f"{path}: not a readable safetensors file ({e})") from None
            with handle as f:
                for key in f.keys():
                    name = _rename(key, _HF_IN)
                    if name is None:
                        if key.endswith("rotary_emb.inv_freq"):
                            continue
                        raise CheckpointError(f"{path}: unexpected tensor {key!r}")
                    if name == "output.weight" and args.tie_embeddings:
                        continue
                    tensor = f.get_tensor(key)
                    heads = _rotary_heads(name, args)
                    yield name, hf_to_meta_rotary(tensor, heads) if heads else tensor

    return args, tensors(), total


def write_hf(model: Transformer, directory: str | Path, max_shard_bytes: int = 5 * 2**30) -> None:
    """config.json + model.safetensors (sharded with an index past `max_shard_bytes`)."""
    from safetensors.torch import save_file

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    args = model.args
    reverse = {v: k for k, v in HF_NAMES.items()}
    state = {}
    for name, tensor in model.state_dict().items():
        if name == "output.weight" and args.tie_embeddings:
            continue
        key = reverse[re.sub(r"\.\d+\.", ".N.", name, count=1)].replace(".N.", f".{name.split('.')[1]}.")
        heads = _rotary_heads(name, args)
        tensor = tensor.detach().cpu()
        state[key] = (meta_to_hf_rotary(tensor, heads) if heads else tensor).contiguous()
    shards: list[dict] = [{}]
    size = 0
    for key, tensor in state.items():
        nbytes = tensor.numel() * tensor.element_size()
        if shards[-1] and size + nbytes > max_shard_bytes:
            shards.append({})
            size = 0
        shards[-1][key] = tensor
        size += nbytes
    names = (
        ["model.safetensors"]
        if len(shards) == 1
        else [f"model-{i + 1:05d}-of-{len(shards):05d}.safetensors" for i in range(len(shards))]
    )
    for name, shard in zip(names, shards):
        atomic_save(lambda p, s=shard: save_file(s, str(p), metadata={"format": "pt"}), directory / name)
    if len(shards) > 1:
        weight_map = {k: n for n, s in zip(names, shards) for k in s}
        index = {
            "metadata": {"total_size": sum(t.numel() * t.element_size() for t in state.values())},
            "weight_map": weight_map,
        }
        atomic_write_text(directory / "model.safetensors.index.json", json.dumps(index, indent=2))
    atomic_write_text(directory / "config.json", json.dumps(_hf_config(model), indent=2))


def _hf_config(model: Transformer) -> dict:
    args = model.args
    qwen = args.qkv_bias
    config = {
        "architectures": ["Qwen2ForCausalLM" if qwen else "LlamaForCausalLM"],
        "model_type": "qwen2" if qwen else "llama",
        "hidden_size": args.dim,
        "intermediate_size": args.ffn_hidden_dim,
        "num_hidden_layers": args.n_layers,
        "num_attention_heads": args.n_heads,
        "num_key_value_heads": args.n_kv_heads,
        "head_dim": args.head_dim,
        "vocab_size": args.vocab_size,
        "rms_norm_eps": args.norm_eps,
        "rope_theta": args.rope_theta,
        "max_position_embeddings": args.max_seq_len,
        "tie_word_embeddings": args.tie_embeddings,
        "hidden_act": "silu",
        "torch_dtype": str(model.tok_embeddings.weight.dtype).removeprefix("torch."),
    }
    if not qwen:
        config["attention_bias"] = False
    if args.rope_scaling and args.rope_scaling["type"] == "ntk":
        # static NTK-aware scaling is a larger rotary base, which every reader computes alike (transformers'
        # "dynamic" is another method: unscaled within the trained context); ours is kept aside to read back
        config["rope_theta"] = args.rope_theta * float(args.rope_scaling["factor"]) ** (
            args.head_dim / (args.head_dim - 2)
        )
        config[NTK_KEY] = {"rope_theta": args.rope_theta, "rope_scaling": args.rope_scaling}
    elif args.rope_scaling:
        kind = args.rope_scaling["type"]
        config["rope_scaling"] = {**args.rope_scaling, "type": kind, "rope_type": kind}
    return config
