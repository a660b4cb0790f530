"""The GGUF format (llama.cpp's): one file with the shapes, the vocabulary and the (quantised) weights.

read_gguf reads the header with gguf_layout's checked walk (read_gguf_header), checks the metadata against
the tensors, and dequantises each tensor to float32 as it is yielded (or, with `keep_quantized`, yields
Q4_0/Q4_1/Q8_0 weights exactly as `QuantTensor`s and other quantised ones as `Dequantized`, for a quantised
model: codellama.quant). open_gguf (a checked GGUFReader) and gguf_metadata serve callers that want only the
metadata through the gguf package.
"""

from __future__ import annotations

import functools
import mmap
import re
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from codellama.checkpoints.gguf_blocks import BLOCK_BYTES, dequantize_blocks
from codellama.checkpoints.gguf_layout import GGUFHeader, check_gguf_layout, read_gguf_header
from codellama.checkpoints.names import (
    _GGUF_IN,
    GGUF_IGNORED,
    CheckpointError,
    Tensors,
    _rename,
    _rotary_heads,
    hf_to_meta_rotary,
)
from codellama.model import ModelArgs
from codellama.quant import QuantTensor
from codellama.quant_load import Dequantized, from_gguf_blocks, gguf_bits

if TYPE_CHECKING:
    from gguf import GGUFReader


def open_gguf(path: Path) -> GGUFReader:
    """A GGUFReader, or a CheckpointError that says what is wrong with the file."""
    import gguf

    check_gguf_layout(path)
    try:
        return gguf.GGUFReader(str(path))
    except ValueError as e:
        message = str(e)
        if "GGMLQuantizationType" in message:
            raise CheckpointError(
                f"{path}: unknown quantization type ({message}); the file is newer than "
                f"the installed gguf package knows, or corrupt"
            ) from None
        raise CheckpointError(f"{path}: not a valid GGUF file ({message})") from None
    except Exception as e:  # the reader raises many kinds on corrupt input; all mean the same to a user
        raise CheckpointError(f"{path}: corrupt or truncated GGUF file ({type(e).__name__}: {e})") from None


def gguf_metadata(reader: GGUFReader, path: Path) -> dict:
    """Every metadata field's value (the vocabulary included), or a CheckpointError naming the corrupt one."""
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
            dim=dim,
            n_layers=count("block_count"),
            n_heads=n_heads,
            n_kv_heads=count("attention.head_count_kv", n_heads),
            vocab_size=int(vocab),
            ffn_hidden_dim=count("feed_forward_length"),
            norm_eps=float(get("attention.layer_norm_rms_epsilon")),
            rope_theta=float(get("rope.freq_base", 10_000.0)),
            rope_scaling=scaling,
            max_seq_len=count("context_length", 4096),
            qkv_bias=arch == "qwen2",
            head_dim=count("rope.dimension_count", max(dim // n_heads, 1)),
            extra={"format": "gguf", "architecture": arch},
        )
    except (TypeError, ValueError, OverflowError) as e:
        if isinstance(e, CheckpointError):
            raise
        raise CheckpointError(f"{path}: the model metadata is corrupt or inconsistent ({e})") from None


def read_gguf(
    path: Path,
    header: GGUFHeader | None = None,
    keep_quantized: bool = False,
    dequantize_on: str | torch.device | None = None,
) -> tuple[ModelArgs, Tensors, int]:
    """Shapes, tensors (dequantised to float32, in our names and rotary layout) and size of a GGUF file.

    `header` (read_gguf_header) saves parsing the file again when the caller already has it. `keep_quantized`:
    2-D weights of a quantised type come as `QuantTensor` (Q4_0, Q4_1, Q8_0: the file's blocks, exactly) or
    `Dequantized` (other types: float values, and the width `auto` keeps them in). `dequantize_on`: a device
    (a GPU) on which the block types gguf_blocks knows are dequantised, their bytes copied there as they are;
    None: dequantised by gguf-py's numpy on the host (faster on the CPU).

    The tensor data is read through a memory map; once a tensor is converted (every tensor yielded is a copy),
    its pages are dropped from this process, so they do not stay in its resident memory beside the copies."""
    header = header or read_gguf_header(path)
    meta = header.meta
    args = _gguf_args(meta, path)
    arch = args.extra["architecture"]
    names = {t.name for t in header.tensors}
    # block_count must match the blocks present (a corrupt count would build a model of billions of layers)
    blocks = {int(m.group(1)) for n in names if (m := re.match(r"blk\.(\d+)\.", n))}
    if len(blocks) != args.n_layers or blocks and max(blocks) != args.n_layers - 1:  # i.e. not exactly 0..n-1
        held = f"blocks blk.{min(blocks)}..blk.{max(blocks)} ({len(blocks)} of them)" if blocks else "no blocks"
        raise CheckpointError(f"{path}: {arch}.block_count is {args.n_layers} but the file holds tensors for {held}")
    shapes = {t.name: tuple(reversed(t.dims)) for t in header.tensors}  # GGUF: fastest dim first
    # the embedding's rows are the model's vocabulary (the token list may be shorter: padded embeddings)
    embedding = shapes.get("token_embd.weight")
    if embedding is not None and len(embedding) == 2:
        declared = meta.get(f"{arch}.vocab_size")
        if declared is not None and declared != embedding[0]:
            raise CheckpointError(
                f"{path}: {arch}.vocab_size is {declared!r} but token_embd.weight has {embedding[0]} rows"
            )
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
    from gguf import GGMLQuantizationType

    # only what the tensor loop needs: the parsed metadata (the vocabulary above all) can go
    entries = [(t, GGMLQuantizationType(t.raw_type), shapes[t.name]) for t in header.tensors]
    entries = [e for e in entries if e[0].name not in GGUF_IGNORED]
    order, data_start = header.order, header.data_start
    blocks = [(info.name, qtype.name) for info, qtype, _ in entries if qtype.name not in _NUMPY_TYPES]
    if order == ">" and blocks:
        # whether the scales inside a block are byte-swapped differs between the tools that write such files
        raise CheckpointError(
            f"{path}: a big-endian GGUF with block-quantised tensors ({blocks[0][0]} is {blocks[0][1]}) cannot be "
            "read reliably; convert it to little-endian (gguf-py: gguf_convert_endian.py FILE little) and load that"
        )

    def tensors() -> Tensors:
        with open(path, "rb") as f:
            pages = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        for info, qtype, shape in entries:
            gguf_name = info.name
            name = _rename(gguf_name, _GGUF_IN)
            if name is None:
                raise CheckpointError(f"{path}: unexpected tensor {gguf_name!r}")
            quantized = keep_quantized and len(shape) == 2 and gguf_bits(qtype.name) is not None
            try:
                data = _tensor_data(pages, data_start + info.offset, info.nbytes, qtype, shape, order)
                if quantized:
                    tensor = _quantized(data, qtype, shape, dequantize_on)
                else:
                    tensor = _floats(data, qtype, shape, dequantize_on)
            except NotImplementedError:
                raise CheckpointError(
                    f"{path}: tensor {gguf_name!r} has type {qtype.name}, which cannot be dequantised here; "
                    "re-quantise the model to one of F32, F16, BF16, Q8_0, Q4_0/1, Q5_0/1, Q4_K, Q5_K, Q6_K"
                ) from None
            except ValueError as e:
                raise CheckpointError(f"{path}: tensor {gguf_name!r} is corrupt or truncated ({e})") from None
            heads = _rotary_heads(name, args) if neox_rope else None
            if heads and (len(tensor.shape) == 0 or tensor.shape[0] % (2 * heads)):
                raise CheckpointError(
                    f"{path}: tensor {gguf_name!r} {tuple(tensor.shape)} does not split into "
                    f"{heads} heads of an even size; the metadata and the weights disagree"
                )
            if heads:
                permute = functools.partial(hf_to_meta_rotary, n_heads=heads)
                tensor = tensor.map_rows(permute) if quantized else permute(tensor)
            del data
            yield name, tensor
            _drop_pages(pages, data_start + info.offset, info.nbytes)

    return args, tensors(), path.stat().st_size


_NUMPY_TYPES = {"F16": "f2", "F32": "f4", "F64": "f8", "I8": "i1", "I16": "i2", "I32": "i4", "I64": "i8"}


def _tensor_data(pages: mmap.mmap, start: int, nbytes: int, qtype, shape: tuple[int, ...], order: str):
    """One tensor's data as GGUFReader gives it: an array of its element type (floats, ints), or of its bytes in
    rows (quantised types), viewing the file's pages."""
    import numpy as np

    code = _NUMPY_TYPES.get(qtype.name)
    if code is not None:
        dtype = np.dtype(code).newbyteorder(order)
        return np.frombuffer(pages, dtype=dtype, count=nbytes // dtype.itemsize, offset=start).reshape(shape)
    from gguf import GGML_QUANT_SIZES

    block, type_size = GGML_QUANT_SIZES[qtype]
    rows = (*shape[:-1], shape[-1] // block * type_size)
    return np.frombuffer(pages, dtype=np.uint8, count=nbytes, offset=start).reshape(rows)


def _drop_pages(pages: mmap.mmap, start: int, nbytes: int) -> None:
    """Take the pages of bytes start..start+nbytes out of this process's resident memory (they stay in the
    page cache; a later read faults them back in)."""
    if not hasattr(mmap, "MADV_DONTNEED"):
        return
    first = start - start % mmap.PAGESIZE
    try:
        pages.madvise(mmap.MADV_DONTNEED, first, start + nbytes - first)
    except (OSError, ValueError):
        pass


def _floats(data, qtype, shape: tuple[int, ...], device: str | torch.device | None) -> torch.Tensor:
    """A tensor's float32 values: on `device` from its blocks where gguf_blocks knows the type, else on the host."""
    if device is not None and qtype.name in BLOCK_BYTES:
        return dequantize_blocks(data, qtype.name, shape, device)
    return torch.from_numpy(_dequantize(data, qtype, shape))


def _quantized(data, qtype, shape: tuple[int, ...], device: str | torch.device | None) -> QuantTensor | Dequantized:
    """A quantised weight in our form: exact where ours holds its type (Q4_0, Q4_1, Q8_0), else its float values
    and the width `auto` keeps them in."""
    weight = from_gguf_blocks(data, qtype.name, shape)
    if weight is None:
        weight = Dequantized(_floats(data, qtype, shape, device), gguf_bits(qtype.name))
    return weight


DEQUANT_ROWS = 4096  # rows per dequantisation step: bounds the temporaries for a big embedding


def _dequantize(data, qtype, shape: tuple[int, ...]):
    """float32 values of one GGUF tensor, dequantised a block of rows at a time into one array."""
    import numpy as np
    from gguf.quants import dequantize

    if data.dtype.kind == "f":  # F32/F16/F64 in the file's byte order: numpy converts (gguf's would reinterpret it)
        return data.astype(np.float32)
    if len(shape) < 2 or shape[0] <= DEQUANT_ROWS:
        values = dequantize(data, qtype).reshape(shape)
        return values if values.flags.writeable and values.dtype == np.float32 else values.astype(np.float32)
    rows = data.reshape(shape[0], -1)
    out = np.empty(shape, dtype=np.float32)
    for start in range(0, shape[0], DEQUANT_ROWS):
        end = min(start + DEQUANT_ROWS, shape[0])
        out[start:end] = dequantize(rows[start:end], qtype).reshape((end - start,) + shape[1:])
    return out
