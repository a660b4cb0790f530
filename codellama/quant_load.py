"""Which form each weight takes as a checkpoint loads: GGUF's quantised blocks in our form (exactly, where
the kernels allow), the bits a mode gives each weight, streaming a checkpoint's tensors into those forms, the
modules that hold them, and quantising a float model in place. The forms and modules: quant.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from codellama.quant import (
    EMBEDDING,
    GROUP_SIZE,
    INT4_GROUP_SIZES,
    OUTPUT,
    QUANT_CHOICES,
    REFINE_TOP,
    Int4Linear,
    Int8Linear,
    QuantEmbedding,
    QuantError,
    QuantTensor,
    TiedEmbedding,
    is_linear_weight,
    quantize_int4,
    quantize_int8,
)

# -- from GGUF blocks ---------------------------------------------------------------------------------

# GGUF tensor types by the width of the form that keeps them best: 5 to 8 bits -> int8, fewer -> int4
_GGUF_FLOAT = {"F32", "F16", "BF16", "F64"}
_GGUF_8BIT = re.compile(r"^Q[5-8]_")


def gguf_bits(type_name: str) -> int | None:
    """The width `auto` keeps a GGUF type in: None for float types, 8 for Q5..Q8 types, 4 for the rest."""
    if type_name in _GGUF_FLOAT:
        return None
    return 8 if _GGUF_8BIT.match(type_name) else 4


def from_gguf_blocks(data, type_name: str, shape: tuple[int, int]) -> QuantTensor | None:
    """Q4_0, Q4_1 or Q8_0 blocks (a uint8 array of whole blocks) in our form, exactly; None for other types.

    Q4_0 block (18 bytes): fp16 d, 16 bytes of nibbles; w = d * (q - 8)
    Q4_1 block (20 bytes): fp16 d, fp16 m, 16 bytes of nibbles; w = d * q + m
        (the nibbles: byte j holds weight j in its low half and weight j + 16 in its high half)
    Q8_0 block (34 bytes): fp16 d, 32 int8; w = d * q
    """

    layouts = {"Q4_0": (18, False), "Q4_1": (20, True), "Q8_0": (34, False)}
    if type_name not in layouts:
        return None
    size, has_min = layouts[type_name]
    N, K = shape
    blocks = np.asarray(data).reshape(-1).view(np.uint8)  # a view of the file's pages, read once below
    if blocks.size != N * K // 32 * size or K % 32:
        raise QuantError(f"{type_name} data of {blocks.size} bytes is not {N} x {K} weights")
    blocks = blocks.reshape(N, K // 32, size)

    def field(start: int, end: int, dtype) -> torch.Tensor:
        return torch.from_numpy(np.ascontiguousarray(blocks[..., start:end]).view(dtype))

    d = field(0, 2, np.float16).squeeze(-1).float()  # (N, K/32)
    if type_name == "Q8_0":
        return QuantTensor(8, field(2, 34, np.int8).reshape(N, K), d, None, shape)
    # byte j of a block holds weight j (low nibble) and weight j + 16 (high): our pairs (2i, 2i + 1) are the
    # low nibbles of bytes 2i, 2i + 1 for the first 16 weights, their high nibbles for the last 16
    nibbles = blocks[..., 4 if has_min else 2 :]  # (N, K/32, 16)
    low, high = nibbles & 0xF, nibbles >> 4
    packed = np.concatenate(((low[..., 0::2] << 4) | low[..., 1::2], (high[..., 0::2] << 4) | high[..., 1::2]), -1)
    mins = field(2, 4, np.float16).squeeze(-1).float() if has_min else -8 * d
    return QuantTensor(4, torch.from_numpy(packed.reshape(N, K // 2)), d, mins, shape)


# -- choosing each weight's form ------------------------------------------------------------------------


@dataclass
class Dequantized:
    """Float values of a weight its file holds quantised in a form ours cannot hold exactly (GGUF K-quants,
    Q5_x); `bits` is the width `auto` re-quantises it to."""

    values: torch.Tensor
    bits: int

    @property
    def shape(self) -> torch.Size:
        return self.values.shape

    def map_rows(self, fn) -> Dequantized:
        return Dequantized(fn(self.values), self.bits)


Stored = torch.Tensor | QuantTensor | Dequantized  # what a checkpoint reader yields


def floats(stored: Stored) -> torch.Tensor:
    """A stored weight as a float tensor (QuantTensor: its exact dequantisation)."""
    if isinstance(stored, QuantTensor):
        return stored.dequantize()
    return stored.values if isinstance(stored, Dequantized) else stored


def check_mode(mode: str) -> str:
    if mode not in QUANT_CHOICES:
        raise QuantError(f"quantisation {mode!r} is not one of {', '.join(QUANT_CHOICES)}")
    return mode


def resolve_mode(mode: str, device: str | torch.device) -> str:
    """`auto` keeps a file's quantisation on the CPU (the kernels' home) and means none elsewhere."""
    check_mode(mode)
    return "none" if mode == "auto" and torch.device(device).type != "cpu" else mode


def target_bits(name: str, stored: Stored, mode: str) -> int | None:
    """The width `name` is held in under `mode`: 4, 8, or None (float). Only linear weights (the output layer's
    included) and the embedding are quantised; `auto` keeps what the file has; int4 holds the output layer (and
    the embedding, which may share its table) in int8 unless the file has them in 4 bits."""
    if mode == "none" or not (is_linear_weight(name) or name == EMBEDDING) or len(stored.shape) != 2:
        return None
    held = stored.bits if isinstance(stored, QuantTensor | Dequantized) else None
    if mode == "auto":
        return held
    if mode == "int4" and name in (OUTPUT, EMBEDDING) and held != 4:
        return 8  # the output layer is the most sensitive to int4 (see docs/quantization.md), as llama.cpp keeps it
    return 4 if mode == "int4" else 8


def linear_usable(t: QuantTensor) -> bool:
    """Whether a Int4Linear/Int8Linear can run `t` as it is."""
    if t.bits == 4:
        return t.group_size in INT4_GROUP_SIZES
    return t.group_size == t.shape[1]


def linear_form(stored: Stored, bits: int) -> QuantTensor:
    """The form a linear layer runs `stored` in with `bits`: the stored one where the kernel takes it as it is
    (GGUF Q4_0/Q4_1: exact), else quantised from the float values (int4 per group of 32 by min/max, int8 per
    output channel). A weight whose columns do not split into groups of 32 falls back to int8."""
    if isinstance(stored, QuantTensor) and stored.bits == bits and linear_usable(stored):
        return stored
    if bits == 4 and stored.shape[1] % GROUP_SIZE == 0:
        return _by_rows(stored, quantize_int4)
    return _by_rows(stored, quantize_int8)


def embedding_form(stored: Stored) -> QuantTensor:
    """The table an embedding gathers from: the stored form as it is (exact), else int8 per row."""
    return stored if isinstance(stored, QuantTensor) else _by_rows(stored, quantize_int8)


QUANT_ROWS = 1024  # rows quantised at a time: bounds the float temporaries for a big embedding


def _rows(stored: Stored, start: int, end: int) -> Stored:
    if isinstance(stored, QuantTensor):
        mins = None if stored.mins is None else stored.mins[start:end]
        return QuantTensor(
            stored.bits, stored.q[start:end], stored.scales[start:end], mins, (end - start, stored.shape[1])
        )
    return stored.values[start:end] if isinstance(stored, Dequantized) else stored[start:end]


def _by_rows(stored: Stored, quantize) -> QuantTensor:
    """`quantize` (a float weight -> QuantTensor, row by row) over `stored`, QUANT_ROWS rows at a time, into
    outputs allocated once (so that the temporaries of each step reuse the memory of the last)."""
    N = stored.shape[0]
    first = quantize(floats(_rows(stored, 0, min(QUANT_ROWS, N))))
    if N <= QUANT_ROWS:
        return first
    parts = [first.q, first.scales] + ([] if first.mins is None else [first.mins])
    outputs = [torch.empty((N, *t.shape[1:]), dtype=t.dtype, device=t.device) for t in parts]  # (GPU weights stay)
    for out, t in zip(outputs, parts):
        out[:QUANT_ROWS] = t
    del first, parts
    for i in range(QUANT_ROWS, N, QUANT_ROWS):
        part = quantize(floats(_rows(stored, i, min(i + QUANT_ROWS, N))))
        for out, t in zip(outputs, (part.q, part.scales, part.mins)):
            out[i : i + len(t)] = t
        del part
    q, scales, *mins = outputs
    return QuantTensor(8 if q.dtype == torch.int8 else 4, q, scales, mins[0] if mins else None, stored.shape)


def convert(tensors, mode: str, tied: bool):
    """Each (name, stored weight) of a checkpoint in the form the model holds it under `mode`: float tensors
    and `QuantTensor`s (built into Int4Linear/Int8Linear/QuantEmbedding by `quantized_module`).

    Tied embeddings: the output layer is quantised as a linear layer; where that gives a per-channel int8 table,
    the embedding gathers from the same table (one copy). Only when the two forms differ is "output.weight"
    yielded too, in its own form; else the output layer is to be built from the embedding's table."""
    check_mode(mode)
    for name, stored in tensors:
        bits = target_bits(name, stored, mode)
        if bits is None:
            yield name, floats(stored)
            continue
        if name != EMBEDDING:
            yield name, linear_form(stored, bits)
            continue
        table = embedding_form(stored)
        if tied:
            output = linear_form(stored, target_bits(OUTPUT, stored, mode))
            if output.bits == 8:
                table = output  # one int8 table for both
            if output is not table:  # else the output layer runs the embedding's table (see build_model)
                yield OUTPUT, output
        yield EMBEDDING, table


def quantized_module(
    name: str,
    weight: QuantTensor,
    bias: torch.Tensor | None = None,
    dtype: torch.dtype = torch.float32,
    device: str | torch.device = "cpu",
    tied_table: bool = False,
) -> nn.Module:
    """The module that holds `weight` for the parameter `name` (a linear weight, or the embedding). `tied_table`:
    the output layer's weight is the embedding's table too (Int8Linear)."""
    if name == EMBEDDING:
        return QuantEmbedding(weight, dtype, device)
    if not linear_usable(weight):
        raise QuantError(
            f"{name}: int{weight.bits} in groups of {weight.group_size} is not a form a linear layer runs "
            f"(int4 groups of {', '.join(map(str, INT4_GROUP_SIZES))}; int8 one scale per output channel)"
        )
    if bias is not None:
        bias = bias.to(dtype)
    if weight.bits == 4:
        return Int4Linear(weight, bias, device)
    refine_top = REFINE_TOP if name == OUTPUT else 0
    return Int8Linear(weight, bias, device, refine_top=refine_top, tied_table=tied_table)


# -- fused projections ------------------------------------------------------------------------------

# projections that read the same input, run as one quantised layer (model.py: Attention.wqkv,
# FeedForward.w13), within each layer: the fused module's path -> its members' paths, its rows in this order
FUSED = {
    "attention.wqkv": ("attention.wq", "attention.wk", "attention.wv"),
    "feed_forward.w13": ("feed_forward.w1", "feed_forward.w3"),
}
_IN_LAYER = re.compile(r"^(layers\.\d+)\.(.+)\.weight$")


def fused_group(name: str) -> tuple[str, list[str]] | None:
    """The module that computes the weight `name` in a fused model and the paths of the weights it stacks:
    ("layers.N.attention.wqkv", ["layers.N.attention.wq", ...wk, ...wv]) for "layers.N.attention.wk.weight";
    None for weights that run alone."""
    match = _IN_LAYER.match(name)
    if match is not None:
        layer, member = match.groups()
        for fused, members in FUSED.items():
            if member in members:
                return f"{layer}.{fused}", [f"{layer}.{m}" for m in members]
    return None


class QuantModules:
    """A model's quantised modules, built as its weights stream in (`add`), then put in place (`install`).

    wq, wk and wv (and w1 and w3) read the same input: they are held back until all of a layer's have come,
    then stacked row-wise into one weight (the same blocks, so the same values) and run as one layer,
    Attention.wqkv (FeedForward.w13): one matmul and one pair of casts instead of three. Where their forms
    differ (a GGUF file may hold attn_v in more bits than attn_q), or some are not quantised, each runs alone.
    `fuse=False`: every weight alone (the tests' reference). The weights given to `add` become the modules'
    own: a tied output layer's table may be packed over its own bytes (see `_build`)."""

    def __init__(self, dtype: torch.dtype = torch.float32, device: str | torch.device = "cpu", fuse: bool = True):
        self.dtype, self.device, self.fuse = dtype, device, fuse
        self.names: set[str] = set()  # the parameter names added ("layers.0.attention.wq.weight")
        self.modules: dict[str, nn.Module] = {}  # module path ("layers.0.attention.wqkv", "output") -> module
        self._parts: dict[str, list[str]] = {}  # module path -> the paths of the weights it computes
        self._held: dict[str, dict[str, QuantTensor]] = {}  # fused path -> member path -> weight
        self._embedding_table: QuantTensor | None = None  # what the embedding was built from

    def add(self, name: str, weight: QuantTensor) -> None:
        """Build the module for the weight `name` now, or hold it until its fused group is complete."""
        self.names.add(name)
        path = name.removesuffix(".weight")
        group = fused_group(name) if self.fuse else None
        if group is None:
            self._build(path, [path], weight)
            return
        fused, members = group
        held = self._held.setdefault(fused, {})
        held[path] = weight
        if len(held) < len(members):
            return
        del self._held[fused]
        weights = [held[m] for m in members]
        if all(w.bits == weights[0].bits and w.group_size == weights[0].group_size for w in weights):
            self._build(fused, members, QuantTensor.stack(weights))
        else:
            for member, w in zip(members, weights):
                self._build(member, [member], w)

    def _build(self, path: str, parts: list[str], weight: QuantTensor) -> None:
        # a tied output layer and the embedding share one int8 table: a second copy would raise the peak memory
        # of a load (the default model's 49152 x 576 table: +35 MB, a fifth of llama.cpp's whole increase). On
        # the CPU the table is packed for the faster int4 kernel over its own bytes (the tables given to `add`
        # are this load's own), and the embedding gathers from the packed planes; elsewhere the int8 kernel
        # runs the table as it is.
        tied = path == _OUTPUT_PATH and weight is self._embedding_table
        module = quantized_module(path + ".weight", weight, None, self.dtype, self.device, tied_table=tied)
        if tied and isinstance(module, Int8Linear) and module.packed_in_place:
            self.modules[_EMBEDDING_PATH] = TiedEmbedding(module, weight.scales[:, 0], self.dtype)
        self.modules[path] = module
        self._parts[path] = parts
        if path == _EMBEDDING_PATH:
            self._embedding_table = weight

    def finish(self) -> None:
        """Build what is still held (a group some of whose weights are not quantised) one weight at a time."""
        for held in self._held.values():
            for path, weight in held.items():
                self._build(path, [path], weight)
        self._held = {}

    def owns(self, key: str) -> bool:
        """Whether a state-dict key belongs to one of the modules built (their packed buffers, biases)."""
        return key.rpartition(".")[0] in self.modules

    def install(self, model: nn.Module, biases: dict[str, torch.Tensor]) -> None:
        """Put the modules in `model`, taking the biases of the weights they compute out of `biases` (by
        parameter name). The modules a fused one replaces become None."""
        self.finish()
        for path, module in self.modules.items():
            parts = self._parts[path]
            found = [biases.pop(p + ".bias", None) for p in parts]
            if any(b is not None for b in found):
                if any(b is None for b in found):
                    raise QuantError(f"{path}: some of {', '.join(parts)} have a bias and some do not")
                module.bias = nn.Parameter(torch.cat(found).to(self.dtype), requires_grad=False)
            owner_path, _, attr = path.rpartition(".")
            owner = model.get_submodule(owner_path) if owner_path else model
            setattr(owner, attr, module)
            if parts != [path]:
                for part in parts:
                    setattr(owner, part.rpartition(".")[2], None)


_EMBEDDING_PATH, _OUTPUT_PATH = EMBEDDING.removesuffix(".weight"), OUTPUT.removesuffix(".weight")


def quantize_model(model: nn.Module, mode: str = "int4", fuse: bool = True) -> nn.Module:
    """Quantise a float Transformer's linear layers (the output layer included) and embedding in place, as
    loading it with `mode` would (int4 or int8; `none` leaves it as it is). Returns the model. `fuse`: wq/wk/wv
    and w1/w3 as one layer each (see QuantModules)."""
    if check_mode(mode) in ("none", "auto"):
        if mode == "auto":
            raise QuantError("a float model has no file quantisation for `auto` to keep: give int4 or int8")
        return model
    weight = model.tok_embeddings.weight
    tied = model.output.weight is weight
    params = dict(model.named_parameters(remove_duplicate=False))
    wanted = [(n, params[n].detach()) for n in params if is_linear_weight(n) or n == EMBEDDING]
    if tied:
        wanted = [(n, w) for n, w in wanted if n != OUTPUT]
    biases = {n: p.detach() for n, p in params.items() if n.endswith(".bias")}
    modules = QuantModules(weight.dtype, weight.device, fuse)
    with torch.no_grad():
        converted = dict(convert(wanted, mode, tied))
        if tied and OUTPUT not in converted:
            converted[OUTPUT] = converted[EMBEDDING]
        for name, qt in converted.items():
            modules.add(name, qt)
        modules.install(model, biases)
    return model


def describe(model: nn.Module) -> str:
    """What is quantised in `model`, weight by weight: "int4 x 210, int8 x 2" (the embedding counts, a fused
    layer counts the weights it holds), or "" when nothing is."""
    counts: dict[str, int] = {}
    for path, module in model.named_modules():
        kind = {Int4Linear: "int4", Int8Linear: "int8"}.get(type(module))
        if isinstance(module, QuantEmbedding | TiedEmbedding):
            kind = f"int{module.bits}"
        if kind:
            weights = next((len(m) for f, m in FUSED.items() if path.endswith("." + f)), 1)  # a fused layer
            counts[kind] = counts.get(kind, 0) + weights
    return ", ".join(f"{kind} x {n}" for kind, n in sorted(counts.items()))
