"""Weight-only quantisation: int4 and int8 linear layers and embeddings, over PyTorch's packed kernels.

Decoding one token reads every weight once, so on a CPU its speed is the memory bandwidth over the weights'
size: 4-bit weights are read 8 times faster than fp32 ones. The matmuls run on ATen's weight-only kernels:

    int4: torch.ops.aten._weight_int4pack_mm_for_cpu(x, packed, group, scales_and_zeros)  (CUDA: _weight_int4pack_mm)
          w[n, k] = (q[n, k] - 8) * scale[k // group, n] + zero[k // group, n],  q in 0..15
          (verified against a float reference on torch 2.13: tests/test_quant.py)
    int8: torch.ops.aten._weight_int8pack_mm(x, q, scales)     w[n, k] = q[n, k] * scales[n],  q in -128..127
          (on the CPU: the int4 kernel over two 4-bit planes of q, faster there; see Int8Linear)

On x86 their vectorised paths exist only for bfloat16 activations (float32 ones fall into scalar loops, 5-25x
slower), so each layer casts its input to bfloat16 for the kernel and its output back to the model's dtype
(float32 on the CPU): the rest of the model (norms, rotary, attention, the KV cache) is unchanged. The kernels
take bfloat16 scales and zeros, which carry 8 bits of mantissa: that rounding, and the activations', is all
that separates a layer's output from the float matmul over its dequantised weights.

Our form of a quantised weight (`QuantTensor`, also what a quantised checkpoint stores; see docs/quantization.md):

    int4: q      uint8 (N, K/2)     two 4-bit values a byte: column 2j in the high nibble, 2j+1 in the low
          scales float32 (N, K/G)   w[n, k] = scales[n, k // G] * q[n, k] + mins[n, k // G]
          mins   float32 (N, K/G)
    int8: q      int8 (N, K)        w[n, k] = scales[n, k // G] * q[n, k]
          scales float32 (N, K/G)   (G = K: one scale per output channel, which the int8 kernel needs)

GGUF's Q4_0 (w = d * (q - 8)) and Q4_1 (w = d * q + m) blocks of 32 map onto int4 with G = 32 exactly
(scales = d, mins = -8d or m), and Q8_0 (w = d * q) onto int8 with G = 32: `dequantize` gives back gguf's own
dequantisation bit for bit. Float weights are quantised per group of 32 by min/max for int4
(scale = (max - min) / 15, min = min, q = round((w - min) / scale)) and symmetrically per output channel for
int8 (scale = max|w| / 127). The int8 kernel has one scale per output channel, so a Q8_0 *linear* weight is
dequantised and re-quantised per channel; an embedding is a gather, which keeps any grouping: Q8_0 and Q4_x
embeddings stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

GROUP_SIZE = 32
INT4_GROUP_SIZES = (32, 64, 128, 256)  # what the int4 kernels accept
QUANT_CHOICES = ("auto", "none", "int8", "int4")
COMPUTE_DTYPE = torch.bfloat16  # the kernels' fast activation dtype
REFINE_TOP = 8  # the output layer's largest logits recomputed in float32 (Int8Linear)
# From this many rows of activations (scoring candidates, prompt log-probabilities), a bf16 matmul over the
# int8 weight cast on the fly beats ATen's int8 kernel on the CPU, which runs like repeated matrix-vector
# products (the default model's 49152 x 576 output layer at 392 rows: 296 ms, against 106 ms). For int4 the
# unpacking costs more than it saves unless torch.compile fuses it into one loop (eager: ~0.7 ms a 1536 x 576
# layer), so int4 does it only inside a compiled graph: a long prompt's prefill under --compile.
INT8_DEQUANTIZED_FROM = 128
INT4_DEQUANTIZED_FROM = 128
# The dtype of the dense matmul that many rows of activations take (a long prefill, scored candidates): bf16
# where oneDNN has native bf16 kernels (AVX-512 BF16, AMX); float32 elsewhere, as on AVX2 CPUs, where a bf16
# matmul is emulated: a compiled 197-token prefill of the default model took 2.8 s in bf16, not 0.8 s eager.
MANY_ROWS_DTYPE = (
    torch.bfloat16
    if torch.backends.mkldnn.is_available() and torch.ops.mkldnn._is_mkldnn_bf16_supported()
    else torch.float32
)

# the weights the quantised modules replace: every linear layer's, the output layer's, the embedding's
_LINEAR = re.compile(r"^(layers\.\d+\.(attention\.w[qkvo]|feed_forward\.w[123])|output)\.weight$")
EMBEDDING = "tok_embeddings.weight"
OUTPUT = "output.weight"


class QuantError(ValueError):
    """A weight or a model that cannot be quantised as asked; the message says why."""


def is_linear_weight(name: str) -> bool:
    return _LINEAR.match(name) is not None


# -- our form of a quantised weight -------------------------------------------------------------------


@dataclass
class QuantTensor:
    """A quantised 2-D weight (N, K) in our form (see the module's docstring)."""

    bits: int  # 4 or 8
    q: torch.Tensor
    scales: torch.Tensor
    mins: torch.Tensor | None
    shape: torch.Size

    def __post_init__(self) -> None:
        self.shape = torch.Size(self.shape)
        N, K = self.shape
        if self.bits not in (4, 8):
            raise QuantError(f"{self.bits}-bit weights are not supported (4 or 8)")
        q_shape = (N, K // 2) if self.bits == 4 else (N, K)
        q_dtype = torch.uint8 if self.bits == 4 else torch.int8
        if tuple(self.q.shape) != q_shape or self.q.dtype != q_dtype or (self.bits == 4 and K % 2):
            raise QuantError(
                f"int{self.bits} weight {tuple(self.shape)}: q is {self.q.dtype} {tuple(self.q.shape)}, "
                f"expected {q_dtype} {q_shape}"
            )
        groups = self.scales.shape[-1] if self.scales.ndim == 2 else 0
        if self.scales.shape[0] != N or not groups or K % groups:
            raise QuantError(
                f"int{self.bits} weight {tuple(self.shape)}: scales {tuple(self.scales.shape)} are not "
                "(rows, groups) with the groups dividing the columns"
            )
        if (self.mins is None) != (self.bits == 8) or (self.mins is not None and self.mins.shape != self.scales.shape):
            wanted = "absent" if self.bits == 8 else "shaped like the scales"
            raise QuantError(f"int{self.bits} weight {tuple(self.shape)}: mins must be {wanted}")

    @property
    def group_size(self) -> int:
        return self.shape[1] // self.scales.shape[1]

    def values(self) -> torch.Tensor:
        """The integers q (N, K): uint8 in 0..15 for int4, int8 for int8."""
        return unpack_int4(self.q) if self.bits == 4 else self.q

    def dequantize(self) -> torch.Tensor:
        """The float32 weight: scales * q (+ mins), computed as GGUF's dequantisation does (one rounding)."""
        N, K = self.shape
        q = self.values().float().view(N, -1, self.group_size)
        w = self.scales.float()[..., None] * q
        if self.mins is not None:
            w = w + self.mins.float()[..., None]
        return w.view(N, K)

    def map_rows(self, fn) -> QuantTensor:
        """The same weight with `fn` (a permutation of rows, e.g. the rotary one) applied to every part."""
        mins = None if self.mins is None else fn(self.mins)
        return QuantTensor(self.bits, fn(self.q), fn(self.scales), mins, self.shape)

    @staticmethod
    def stack(parts: list[QuantTensor]) -> QuantTensor:
        """The weights' rows one after another, as one weight (their blocks unchanged): what one layer needs to
        compute all their outputs at once. They must share bits, columns and group size."""
        first = parts[0]
        if any(p.bits != first.bits or p.shape[1] != first.shape[1] or p.group_size != first.group_size for p in parts):
            raise QuantError("weights stacked into one layer must share bits, columns and group size")
        q, scales = torch.cat([p.q for p in parts]), torch.cat([p.scales for p in parts])
        mins = None if first.mins is None else torch.cat([p.mins for p in parts])
        return QuantTensor(first.bits, q, scales, mins, (q.shape[0], first.shape[1]))

    def tensors(self, prefix: str) -> dict[str, torch.Tensor]:
        """The parts by name, as a quantised checkpoint stores them."""
        parts = {f"{prefix}.q": self.q, f"{prefix}.scales": self.scales}
        if self.mins is not None:
            parts[f"{prefix}.mins"] = self.mins
        return parts


# the nibble shuffles run in numpy on the CPU: single-threaded, they do not pay for waking PyTorch's threads on
# every small tensor of a load (which on a busy 2-core machine costs more than the work)


def pack_int4(q: torch.Tensor) -> torch.Tensor:
    """(N, K) values in 0..15 -> (N, K/2) uint8, column 2j in the high nibble and 2j+1 in the low."""
    q = q.to(torch.uint8)
    if q.device.type == "cpu":
        a = q.numpy()
        return torch.from_numpy((a[:, 0::2] << 4) | a[:, 1::2])
    return (q[:, 0::2] << 4) | q[:, 1::2]


def unpack_int4(packed: torch.Tensor) -> torch.Tensor:
    """The inverse of `pack_int4`: (N, K/2) uint8 -> (N, K) uint8 in 0..15."""
    if packed.device.type == "cpu":
        import numpy as np

        a = packed.numpy()
        return torch.from_numpy(np.stack((a >> 4, a & 0xF), axis=-1).reshape(a.shape[0], -1))
    return torch.stack((packed >> 4, packed & 0xF), dim=-1).view(packed.shape[0], -1)


def quantize_int4(w: torch.Tensor, group_size: int = GROUP_SIZE) -> QuantTensor:
    """Float (N, K) -> int4 per group of `group_size` by min/max: scale = (max - min) / 15, min = min."""
    N, K = w.shape
    if K % group_size:
        raise QuantError(f"a weight of {K} columns does not split into int4 groups of {group_size}")
    groups = w.detach().float().reshape(N, K // group_size, group_size)
    lo, hi = groups.amin(-1), groups.amax(-1)
    scale = (hi - lo) / 15
    scale = torch.where(scale > 0, scale, torch.ones_like(scale))  # a constant group: q = 0, w = min
    q = (groups - lo[..., None]).div_(scale[..., None]).round_().clamp_(0, 15)
    return QuantTensor(4, pack_int4(q.view(N, K)), scale, lo, w.shape)


def quantize_int8(w: torch.Tensor, group_size: int | None = None) -> QuantTensor:
    """Float (N, K) -> int8, symmetric: scale = max|w| / 127 per group (default: per row, as the kernel needs)."""
    N, K = w.shape
    group_size = group_size or K
    if K % group_size:
        raise QuantError(f"a weight of {K} columns does not split into int8 groups of {group_size}")
    groups = w.detach().float().reshape(N, K // group_size, group_size)
    scale = groups.abs().amax(-1) / 127
    scale = torch.where(scale > 0, scale, torch.ones_like(scale))
    q = (groups / scale[..., None]).round_().clamp_(-127, 127).to(torch.int8)
    return QuantTensor(8, q.view(N, K), scale, None, w.shape)


# -- the modules ----------------------------------------------------------------------------------


def _has_kernel(op: str, device: torch.device) -> bool:
    key = {"cpu": "CPU", "cuda": "CUDA"}.get(device.type)
    return key is not None and torch._C._dispatch_has_kernel_for_dispatch_key(f"aten::{op}", key)


class Int4Linear(nn.Module):
    """A linear layer over int4 weights in groups (32 by default): ATen's int4-pack kernel, bf16 activations."""

    def __init__(
        self,
        weight: QuantTensor,
        bias: torch.Tensor | None = None,
        device: str | torch.device = "cpu",
    ):
        super().__init__()
        if weight.bits != 4:
            raise QuantError(f"Int4Linear needs an int4 weight, not int{weight.bits}")
        N, K = weight.shape
        G = weight.group_size
        if G not in INT4_GROUP_SIZES:
            raise QuantError(f"int4 groups of {G} are not supported by the kernel ({INT4_GROUP_SIZES})")
        device = torch.device(device)
        self.in_features, self.out_features, self.group_size = K, N, G
        # the kernel's dequantisation is (q - 8) * scale + zero, so zero = min + 8 * scale; (K/G, N, 2) bf16
        scales = weight.scales.float()
        zeros = weight.mins.float() + 8 * scales
        q = weight.q
        padded = -N % 16  # the packers take rows in multiples of 16 (CUDA: 8): pad, and drop those outputs
        if padded:
            q = F.pad(q, (0, 0, 0, padded))
            scales, zeros = F.pad(scales, (0, 0, 0, padded)), F.pad(zeros, (0, 0, 0, padded))
        scales_and_zeros = torch.stack((scales.t(), zeros.t()), dim=-1).to(COMPUTE_DTYPE).contiguous()
        self.on_cuda = device.type == "cuda"
        if device.type == "cpu":
            values = torch.from_numpy(unpack_int4(q).numpy().astype("int32"))
            packed = torch.ops.aten._convert_weight_to_int4pack_for_cpu(values, 1)
        elif self.on_cuda:
            # the CUDA packer takes our (N, K/2) nibble layout as it is; K must split into tiles of 16 x inner
            inner = next((t for t in (8, 4, 2) if K % (16 * t) == 0), None)
            if inner is None:
                raise QuantError(f"int4 on CUDA needs a multiple of 32 columns (weight {N} x {K})")
            packed = torch.ops.aten._convert_weight_to_int4pack(q.to(device), inner)
        else:
            raise QuantError(f"int4 weights run on the CPU or CUDA, not {device.type}")
        self.register_buffer("packed_weight", packed.to(device))
        self.register_buffer("scales_and_zeros", scales_and_zeros.to(device))
        bias = None if bias is None else nn.Parameter(bias.detach().to(device), requires_grad=False)
        self.register_parameter("bias", bias)  # a loader may set it later
        layout = _split_layout()
        self.unpackable = device.type == "cpu" and layout is not None and len(packed) % layout[0] == 0

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # a decode step runs this ~200 times: each op left out (a cast to the dtype it has) is time saved
        x2 = x.reshape(-1, self.in_features)
        many = self.unpackable and len(x2) >= INT4_DEQUANTIZED_FROM and torch.compiler.is_compiling()
        compute_dtype = MANY_ROWS_DTYPE if many else COMPUTE_DTYPE
        if x2.dtype != compute_dtype:
            x2 = x2.to(compute_dtype)
        packed, group, scales_and_zeros = self.packed_weight, self.group_size, self.scales_and_zeros
        if many:
            y = F.linear(x2, self.dequantized(compute_dtype))  # inductor fuses the unpacking into one loop
        elif self.on_cuda:
            y = torch.ops.aten._weight_int4pack_mm(x2, packed, group, scales_and_zeros)
        else:
            y = torch.ops.aten._weight_int4pack_mm_for_cpu(x2, packed, group, scales_and_zeros)
        if y.shape[-1] != self.out_features:
            y = y[:, : self.out_features]
        y = y.view(*x.shape[:-1], self.out_features)
        if y.dtype != x.dtype:
            y = y.to(x.dtype)
        return y if self.bias is None else y + self.bias

    def dequantized(self, dtype: torch.dtype = COMPUTE_DTYPE) -> torch.Tensor:
        """The weight (N padded to 16, K) in `dtype` (bf16: as the kernel dequantises it), unpacked from the CPU
        packer's layout (`unpackable`): in each block of B rows (64 or 32, `_split_layout`), byte [k, j] holds
        column k of row j in its low nibble and of row B/2 + j in its high one."""
        N, K, G = len(self.packed_weight), self.in_features, self.group_size
        block, _ = _split_layout()
        q = _packed_values(self.packed_weight, K).view(N // block, K // G, G, block)
        # (K/G, N, 2) -> (N/B, K/G, 2, B): each group's scale and zero beside its block's rows
        scales_and_zeros = self.scales_and_zeros.view(K // G, N // block, block, 2).permute(1, 0, 3, 2)
        scales, zeros = scales_and_zeros[:, :, 0, None].float(), scales_and_zeros[:, :, 1, None].float()
        w = ((q.float() - 8) * scales + zeros).to(dtype)
        return w.view(N // block, K, block).transpose(1, 2).reshape(N, K)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, group_size={self.group_size}"


class Int8Linear(nn.Module):
    """A linear layer over int8 weights with one scale per output channel, bf16 activations.

    On the CPU (`split`, the default) it runs on ATen's int4-pack kernel where that is faster than the int8 one
    (~1.6x at the same bytes read with AVX-512, on a 49152 x 576 layer; not with AVX2:
    `_planes_beat_int8_kernel`). Each int8 value splits into two 4-bit planes, v = 16 * hi + lo (hi = v >> 4
    in -8..7, lo = v & 15), laid side by side as a K x 2 weight in groups of 32: the hi groups with scale 16s
    and zero 0, the lo groups with scale s and zero 8s, so the kernel's (q - 8) * scale + zero gives 16 * hi * s
    and lo * s, and [x, x] times that weight is x times the int8 weight, exactly. Elsewhere: ATen's int8-pack
    kernel (or a matmul over the weights dequantised on the
    fly where a device has neither).

    `rows(index)` gives int8 rows back (from the packed planes on the CPU: see `_split_rows`), for `refine_top`
    without keeping the int8 table too. `split=False`: the int8 kernel over the table as it is.

    `tied_table`: `weight.q` is also the embedding's table (tied embeddings), so it must stay one copy. The
    packed planes then take exactly the table's bytes, and are written over it block by block (`packed_in_place`:
    no second table at the peak of a load; the embedding gathers its rows from them, TiedEmbedding); where they
    cannot, the int8 kernel runs the table as it is.

    `refine_top` (the output layer: `REFINE_TOP`): the kernel's bf16 output holds 8 significant bits, so logits
    near 30 come in steps of 0.125 and the best few tokens often tie; the `refine_top` largest outputs of each
    row are recomputed in float32 from the int8 weights, so greedy picks and top probabilities are not decided
    by that rounding. A fixed count keeps the shapes static (for torch.compile)."""

    def __init__(
        self,
        weight: QuantTensor,
        bias: torch.Tensor | None = None,
        device: str | torch.device = "cpu",
        refine_top: int = 0,
        split: bool = True,
        tied_table: bool = False,
    ):
        super().__init__()
        if weight.bits != 8 or weight.group_size != weight.shape[1]:
            raise QuantError("Int8Linear needs an int8 weight with one scale per output channel")
        device = torch.device(device)
        self.out_features, self.in_features = weight.shape
        cpu_int4 = (
            device.type == "cpu"
            and self.in_features % GROUP_SIZE == 0
            and _has_kernel(INT4_CPU, device)
            and _planes_beat_int8_kernel()
        )
        q = weight.q
        self.packed_in_place = (
            tied_table
            and cpu_int4
            and q.device.type == "cpu"
            and q.is_contiguous()
            and self.out_features % _SPLIT_BLOCK == 0
            and _split_layout_known()
        )
        self.split = split and cpu_int4 and (self.packed_in_place or not tied_table)
        self.split_rows = False  # rows read back from the packed planes (else from a kept int8 copy)
        # (the int8 CPU kernel crashes on columns that are not a multiple of 16: torch 2.13)
        self.has_kernel = self.split or (self.in_features % 16 == 0 and _has_kernel("_weight_int8pack_mm", device))
        scales = weight.scales[:, 0]
        if self.split:
            over = q.view(torch.uint8) if self.packed_in_place else None
            packed, scales_and_zeros = _split_planes(q, scales.to(COMPUTE_DTYPE).float(), over)
            self.register_buffer("packed_weight", packed.to(device))
            self.register_buffer("scales_and_zeros", scales_and_zeros.to(device))
            lanes = (_split_layout() or _SPLIT_LAYOUTS[0])[1]
            self.register_buffer("row_offsets", torch.arange(2 * self.in_features) * lanes, persistent=False)
            self.split_rows = _split_layout_known()
            self.split_group = split_group_size(self.in_features)
        self.register_buffer("weight_int8", None if self.split and self.split_rows else weight.q.to(device))
        self.register_buffer("scales", scales.to(device=device, dtype=COMPUTE_DTYPE))
        bias = None if bias is None else nn.Parameter(bias.detach().to(device), requires_grad=False)
        self.register_parameter("bias", bias)  # a loader may set it later
        self.refine_top = min(refine_top, self.out_features)
        self.register_buffer("scales_float", scales.float().to(device) if self.refine_top else None)

    def rows(self, index: torch.Tensor) -> torch.Tensor:
        """The int8 rows `index` (any shape) of the weight: (*index.shape, in_features), int8."""
        if self.weight_int8 is not None:
            return self.weight_int8[index]
        return _split_rows(self.packed_weight, self.row_offsets, index, self.in_features)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        lead = x.shape[:-1]
        x2 = x.reshape(-1, self.in_features)
        few = len(x2) < INT8_DEQUANTIZED_FROM
        # the kernels' activations (many rows cast to MANY_ROWS_DTYPE below instead)
        x_compute = x2 if not few or x2.dtype == COMPUTE_DTYPE else x2.to(COMPUTE_DTYPE)
        if self.split and few:
            x_twice = torch.cat((x_compute, x_compute), dim=-1)
            packed, scales_and_zeros = self.packed_weight, self.scales_and_zeros
            y = torch.ops.aten._weight_int4pack_mm_for_cpu(x_twice, packed, self.split_group, scales_and_zeros)
            if y.shape[-1] != self.out_features:
                y = y[:, : self.out_features]
        elif self.has_kernel and few:
            y = torch.ops.aten._weight_int8pack_mm(x_compute, self.weight_int8, self.scales)
        else:  # the table for one bf16 matmul: as kept, or unpacked from the planes
            table = self.weight_int8 if self.weight_int8 is not None else self.unpacked()[: self.out_features]
            y = F.linear(x2.to(MANY_ROWS_DTYPE), table.to(MANY_ROWS_DTYPE)) * self.scales.to(MANY_ROWS_DTYPE)
        if y.dtype != x.dtype:
            y = y.to(x.dtype)
        if self.refine_top:
            top = y.topk(self.refine_top, dim=-1, sorted=False).indices  # (M, k)
            rows = self.rows(top).float()  # (M, k, K)
            exact = torch.bmm(rows, x2.float()[:, :, None])[..., 0] * self.scales_float[top]
            y = y.scatter(-1, top, exact.to(y.dtype))
        y = y.view(*lead, self.out_features)
        return y if self.bias is None else y + self.bias

    def unpacked(self) -> torch.Tensor:
        """The int8 table (N padded to 64, K) read back from the packed planes (`split_rows`), whole: what a
        matmul over many rows of activations needs (the kernel runs those like repeated matrix-vector products:
        the default model's output layer at 392 rows, 358 ms, against ~270 ms so)."""
        return _unpack_split(self.packed_weight, self.in_features)

    def extra_repr(self) -> str:
        refine = f", refine_top={self.refine_top}" if self.refine_top else ""
        kernel = ", as two int4 planes" if self.split else ""
        return f"in_features={self.in_features}, out_features={self.out_features}{kernel}{refine}"


# -- int8 as two int4 planes (Int8Linear on the CPU) ------------------------------------------------

INT4_CPU = "_weight_int4pack_mm_for_cpu"
# The CPU packer's layout (torch 2.13, found by probing): rows in blocks of B, 64 where its kernels are built
# for AVX-512 and 32 for AVX2; within a block, column k of row j sits in byte [block, k, j % (B/2)] of a
# (N / B, K, B/2) view, row j < B/2 in the low nibble, the others in the high one. `_split_layout` finds which
# at first use; where neither matches, rows come from a kept int8 copy instead (the same results, one more
# table in memory) and int4 layers are not unpacked.
_SPLIT_LAYOUTS = ((64, 32), (32, 16))  # (rows a block, lanes)
_SPLIT_BLOCK = 64  # rows are padded to a multiple of this, which either layout's blocks divide
_SPLIT_ROWS = 4 * _SPLIT_BLOCK  # rows packed at a time


def _split_planes(
    q: torch.Tensor, scales: torch.Tensor, out: torch.Tensor | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """The int4-pack form of int8 `q` (N, K) with per-row `scales` (N,): the kernel's packed (hi | lo) planes
    with N padded to the packer's blocks of 64, and their (2K/32, N, 2) bf16 scales and zeros. `out`: where
    the planes go (N + padding, K) uint8; it may be `q`'s own memory (each block is read before it is written)."""
    N, K = q.shape
    padded = -N % _SPLIT_BLOCK
    scales = F.pad(scales, (0, padded))
    # a block of rows at a time: the packer takes int32, 8x the int8 table (~450 MB of temporaries for the
    # default model's output layer at once); its blocks of 64 rows lie one after another in its output, each
    # in the bytes its rows had in `q`
    packed = torch.empty(N + padded, K, dtype=torch.uint8) if out is None else out
    for start in range(0, N + padded, _SPLIT_ROWS):
        values = q[start : start + _SPLIT_ROWS].to(torch.int32)
        values = F.pad(values, (0, 0, 0, min(_SPLIT_ROWS, N + padded - start) - len(values)))  # the last block
        planes = torch.cat(((values >> 4) + 8, values & 15), dim=1)  # kernel values 0..15: hi + 8, then lo
        packed[start : start + _SPLIT_ROWS] = torch.ops.aten._convert_weight_to_int4pack_for_cpu(planes, 1)
    # one scale a row, so one group may span a whole plane's row: the widest group the kernel takes that K
    # splits into (fewer scales to hold and read: 18 groups, not 36, for the output layer's 576 columns)
    groups = K // split_group_size(K)
    scales_and_zeros = torch.zeros(2 * groups, N + padded, 2, dtype=COMPUTE_DTYPE)  # (groups, N, scale | zero)
    scales_and_zeros[:groups, :, 0] = 16 * scales  # hi plane: zero 0
    scales_and_zeros[groups:, :, 0] = scales
    scales_and_zeros[groups:, :, 1] = 8 * scales
    return packed, scales_and_zeros


def split_group_size(K: int) -> int:
    """The int4 kernel's group size for an int8 layer of K columns run as two planes (`_split_planes`)."""
    return max(g for g in INT4_GROUP_SIZES if K % g == 0)


def _split_rows(
    packed: torch.Tensor, offsets: torch.Tensor, index: torch.Tensor, K: int, layout: tuple[int, int] | None = None
) -> torch.Tensor:
    """Rows `index` of the int8 weight that `_split_planes` packed, read back from `packed` (int8); `offsets`:
    the byte offsets of a row's 2K columns (column times the layout's lanes)."""
    rows, lanes = layout or _split_layout()
    block, lane = index // rows, index % rows
    start = block * (2 * K * lanes) + lane % lanes
    nibbles = packed.view(-1)[start[..., None] + offsets]  # (..., 2K) bytes
    nibbles = torch.where((lane >= lanes)[..., None], nibbles >> 4, nibbles & 15).to(torch.int16)
    return ((nibbles[..., :K] - 8) * 16 + nibbles[..., K:]).to(torch.int8)


def _packed_values(packed: torch.Tensor, K: int) -> torch.Tensor:
    """The 4-bit values the CPU packer laid out for a weight of K columns, (N/B, K, B) for its blocks of B rows:
    [b, k, j] is column k of row Bb + j. In each block, byte [k, j] holds column k of row j in its low nibble
    and of row B/2 + j in its high one."""
    rows, lanes = _split_layout()
    blocks = packed.view(len(packed) // rows, K, lanes)
    return torch.cat((blocks & 15, blocks >> 4), dim=-1)


def _unpack_split(packed: torch.Tensor, K: int) -> torch.Tensor:
    """The whole int8 table (N, K) that `_split_planes` packed: the hi plane is columns 0..K-1, the lo plane
    K..2K-1."""
    values = _packed_values(packed, 2 * K).view(torch.int8)
    table = (values[:, :K] - 8) * 16 + values[:, K:]  # (N/B, K, B)
    return table.transpose(1, 2).reshape(len(packed), K)


_layout: tuple[int, int] | None | bool = False  # False: not probed yet


def unpacks_for_many_rows(model: nn.Module) -> bool:
    """Whether every int4 layer of `model` can unpack its weight for one bf16 matmul over many rows (Int4Linear:
    `unpackable`; none where this torch's CPU packer lays rows out in neither layout `_split_layout` knows). Where
    one cannot, a compiled graph over many rows would call the int4 kernel, which is slow at many rows, and which
    inductor may hand its input laid out column-major, which it refuses: such forwards stay eager."""
    return all(m.unpackable for m in model.modules() if isinstance(m, Int4Linear))


def _split_layout() -> tuple[int, int] | None:
    """(rows a block, lanes) of this torch's CPU packer among `_SPLIT_LAYOUTS`, the one `_split_rows` reads
    back exactly (found once, on a probe); None where none does."""
    global _layout
    if _layout is False:
        generator = torch.Generator().manual_seed(0)
        q = torch.randint(-128, 128, (2 * _SPLIT_BLOCK, 2 * GROUP_SIZE), dtype=torch.int8, generator=generator)
        packed, _ = _split_planes(q, torch.ones(len(q)))
        _layout = None
        for layout in _SPLIT_LAYOUTS:
            offsets = torch.arange(2 * q.shape[1]) * layout[1]
            if torch.equal(_split_rows(packed, offsets, torch.arange(len(q)), q.shape[1], layout), q):
                _layout = layout
                break
    return _layout


def _planes_beat_int8_kernel() -> bool:
    """Whether an int8 layer runs faster as two int4 planes than on the int8 kernel: with the AVX-512 build of
    ATen's kernels (the packer's 64-row layout) ~1.6x faster at the same bytes; with the AVX2 build (32-row
    layout) as fast at one row and ~1.45x slower at 16 (the default model's 49152 x 576 output layer, measured
    2026-11-29 on an AMD EPYC), so there the int8 kernel runs the table as it is (one copy either way)."""
    return _split_layout() == _SPLIT_LAYOUTS[0]


def _split_layout_known() -> bool:
    """Whether this torch's CPU packer lays rows out in one of the layouts `_split_rows` reads."""
    return _split_layout() is not None


class TiedEmbedding(nn.Module):
    """The embedding of a model whose output layer holds the same int8 table (tied embeddings), packed for the
    int4 kernel (Int8Linear.packed_in_place): a lookup reads the rows back from the packed planes, exactly, and
    scales them in float32. The packed planes are the output layer's own tensor, registered here too (one
    table in memory; as a buffer rather than a reference to the layer, so that a compiled graph takes it as an
    input, not as a constant that would keep inductor from caching the graph on disk)."""

    def __init__(self, output: Int8Linear, scales: torch.Tensor, dtype: torch.dtype = torch.float32):
        super().__init__()
        self.num_embeddings, self.embedding_dim = output.out_features, output.in_features
        self.bits, self.dtype = 8, dtype
        self.register_buffer("packed_weight", output.packed_weight)
        self.register_buffer("row_offsets", output.row_offsets, persistent=False)
        self.register_buffer("scales", scales.float().to(output.packed_weight.device))  # (N,)
        self._stand_in = torch.full((), float("nan"), dtype=dtype, device=self.scales.device).expand(
            self.num_embeddings, self.embedding_dim
        )

    @property
    def weight(self) -> torch.Tensor:  # as QuantEmbedding's: shape, dtype and device, no values
        return self._stand_in

    def table(self) -> QuantTensor:
        q = _unpack_split(self.packed_weight, self.embedding_dim)[: self.num_embeddings]
        return QuantTensor(8, q, self.scales[:, None], None, (self.num_embeddings, self.embedding_dim))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        rows = _split_rows(self.packed_weight, self.row_offsets, tokens, self.embedding_dim)
        return (rows.float() * self.scales[tokens][..., None]).to(self.dtype)

    def extra_repr(self) -> str:
        return f"{self.num_embeddings}, {self.embedding_dim}, int8, rows from the output layer's packed planes"


class QuantEmbedding(nn.Module):
    """An embedding whose table is int8 or int4 in groups: a lookup gathers the rows and dequantises them."""

    def __init__(self, table: QuantTensor, dtype: torch.dtype = torch.float32, device: str | torch.device = "cpu"):
        super().__init__()
        self.num_embeddings, self.embedding_dim = table.shape
        self.bits, self.group_size, self.dtype = table.bits, table.group_size, dtype
        self.register_buffer("q", table.q.to(device))
        self.register_buffer("scales", table.scales.to(device))
        self.register_buffer("mins", None if table.mins is None else table.mins.to(device))
        # what code that asks the embedding for its weight's dtype, device and shape gets (the KV cache is
        # made in the weight's dtype); a stand-in that holds no memory, and NaN if its values are ever used
        self._stand_in = torch.full((), float("nan"), dtype=dtype, device=device).expand(table.shape)

    @property
    def weight(self) -> torch.Tensor:
        return self._stand_in

    def table(self) -> QuantTensor:
        return QuantTensor(self.bits, self.q, self.scales, self.mins, (self.num_embeddings, self.embedding_dim))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        q = F.embedding(tokens, self.q)
        if self.bits == 4:
            q = torch.stack((q >> 4, q & 0xF), dim=-1)
        q = q.float().view(*tokens.shape, -1, self.group_size)
        rows = self.scales[tokens][..., None] * q
        if self.mins is not None:
            rows = rows + self.mins[tokens][..., None]
        return rows.view(*tokens.shape, self.embedding_dim).to(self.dtype)

    def extra_repr(self) -> str:
        return f"{self.num_embeddings}, {self.embedding_dim}, int{self.bits}, group_size={self.group_size}"
