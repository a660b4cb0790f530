"""The Llama-family transformer, in the style of Meta's reference `llama/model.py`.

Parameter names follow Meta's (`tok_embeddings`, `layers.N.attention.wq`, ...), so
Meta checkpoints load without renaming. Rotary embeddings use Meta's interleaved
pair layout; Hugging Face and GGUF-qwen2 weights are permuted into it on load.

The KV cache is static and preallocated, indexed by each sequence's own positions:
every row of a batch may sit at a different position, which is what batched
generation and continuous batching need.

Shapes: B batch, T new tokens, S cache length, H heads, K kv heads, D head dim.
"""

from __future__ import annotations

import math
import mmap
from collections.abc import Callable
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn


@dataclass
class ModelArgs:
    dim: int = 4096
    n_layers: int = 32
    n_heads: int = 32
    n_kv_heads: int | None = None
    vocab_size: int = 32016
    ffn_hidden_dim: int | None = None  # explicit SwiGLU width; else Meta's formula
    multiple_of: int = 256
    ffn_dim_multiplier: float | None = None
    norm_eps: float = 1e-5
    rope_theta: float = 10_000.0
    # {"type": "linear" | "ntk" | "llama3", "factor": float, ...}
    rope_scaling: dict | None = None
    max_seq_len: int = 4096
    qkv_bias: bool = False
    tie_embeddings: bool = False
    head_dim: int | None = None
    extra: dict = field(default_factory=dict)  # provenance, ignored by the model

    def __post_init__(self) -> None:
        if self.n_kv_heads is None:
            self.n_kv_heads = self.n_heads
        if self.head_dim is None:
            self.head_dim = self.dim // self.n_heads
        if self.ffn_hidden_dim is None:
            self.ffn_hidden_dim = meta_ffn_hidden_dim(self.dim, self.multiple_of, self.ffn_dim_multiplier)
        if self.n_heads % self.n_kv_heads:
            raise ValueError(f"n_heads ({self.n_heads}) must be a multiple of n_kv_heads ({self.n_kv_heads})")
        if self.head_dim % 2:
            raise ValueError(f"head_dim ({self.head_dim}) must be even for rotary embeddings")

    @property
    def num_params(self) -> int:
        attn = self.dim * self.head_dim * (2 * self.n_heads + 2 * self.n_kv_heads)
        ffn = 3 * self.dim * self.ffn_hidden_dim
        embed = self.vocab_size * self.dim * (1 if self.tie_embeddings else 2)
        return self.n_layers * (attn + ffn + 2 * self.dim) + embed + self.dim


def meta_ffn_hidden_dim(dim: int, multiple_of: int, ffn_dim_multiplier: float | None) -> int:
    """Meta's FeedForward width: 2/3 of 4*dim, scaled, rounded up to multiple_of."""
    hidden = int(2 * (4 * dim) / 3)
    if ffn_dim_multiplier is not None:
        hidden = int(ffn_dim_multiplier * hidden)
    return multiple_of * ((hidden + multiple_of - 1) // multiple_of)


def rope_frequencies(args: ModelArgs) -> torch.Tensor:
    """Inverse frequencies (D/2,) with the configured scaling applied."""
    dim = args.head_dim
    base = args.rope_theta
    scaling = args.rope_scaling or {}
    kind = scaling.get("type")
    factor = float(scaling.get("factor", 1.0))
    if kind == "ntk":  # NTK-aware: stretch the base instead of the positions
        base = base * factor ** (dim / (dim - 2))
    inv_freq = 1.0 / (base ** (torch.arange(0, dim, 2, dtype=torch.float64) / dim))
    if kind == "linear":
        inv_freq = inv_freq / factor
    elif kind == "llama3":
        low = float(scaling.get("low_freq_factor", 1.0))
        high = float(scaling.get("high_freq_factor", 4.0))
        old_ctx = float(scaling.get("original_max_position_embeddings", 8192))
        wavelen = 2 * math.pi / inv_freq
        smooth = ((old_ctx / wavelen) - low) / (high - low)
        scaled = torch.where(wavelen > old_ctx / low, inv_freq / factor, inv_freq)
        mid = (1 - smooth) * inv_freq / factor + smooth * inv_freq
        in_between = (wavelen <= old_ctx / low) & (wavelen >= old_ctx / high)
        inv_freq = torch.where(in_between, mid, scaled)
    elif kind == "yarn":
        inv_freq = _yarn_frequencies(inv_freq, dim, base, factor, scaling, args.max_seq_len)
    elif kind not in (None, "ntk"):
        raise ValueError(f"rope_scaling type {kind!r} is not supported (use linear, ntk, yarn or llama3)")
    return inv_freq.float()


def _yarn_frequencies(
    inv_freq: torch.Tensor, dim: int, base: float, factor: float, scaling: dict, native: int
) -> torch.Tensor:
    """YaRN (Peng et al., 2023), "NTK-by-parts": dimensions that turn fewer than beta_slow times over the original
    context are interpolated (divided by the factor), those turning more than beta_fast times are kept, and a
    linear ramp blends the ones between (as transformers' `_compute_yarn_parameters`)."""
    original = float(scaling.get("original_max_position_embeddings") or native)
    beta_fast, beta_slow = float(scaling.get("beta_fast", 32)), float(scaling.get("beta_slow", 1))

    def dimension_turning(rotations: float) -> float:  # the dimension that turns `rotations` times in `original`
        return dim * math.log(original / (rotations * 2 * math.pi)) / (2 * math.log(base))

    low, high = max(math.floor(dimension_turning(beta_fast)), 0), min(math.ceil(dimension_turning(beta_slow)), dim - 1)
    ramp = ((torch.arange(dim // 2, dtype=torch.float64) - low) / max(high - low, 1e-3)).clamp(0, 1)
    return inv_freq / factor * ramp + inv_freq * (1 - ramp)


def rope_attention_factor(args: ModelArgs) -> float:
    """What YaRN multiplies cos and sin by (so attention logits by its square): 0.1 ln(factor) + 1, or the
    scaling's own `attention_factor`; 1 for every other scaling."""
    scaling = args.rope_scaling or {}
    if scaling.get("type") != "yarn":
        return 1.0
    if scaling.get("attention_factor") is not None:
        return float(scaling["attention_factor"])
    factor = float(scaling.get("factor", 1.0))

    def mscale(weight: float) -> float:
        return 0.1 * weight * math.log(factor) + 1.0 if factor > 1 else 1.0

    if scaling.get("mscale") and scaling.get("mscale_all_dim"):  # DeepSeek's form
        return mscale(float(scaling["mscale"])) / mscale(float(scaling["mscale_all_dim"]))
    return mscale(1.0)


def rotary_tables(angles: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The cos and sin tables `apply_rotary` takes, (..., D) from angles (..., D/2): each pair's cos twice,
    and its sin as (-sin, sin)."""
    cos, sin = angles.cos(), angles.sin()
    return cos.repeat_interleave(2, dim=-1), torch.stack((-sin, sin), dim=-1).flatten(-2)


def apply_rotary(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Rotate interleaved pairs (x0, x1), (x2, x3)... of x (B, T, H, D) by the angles of `rotary_tables`
    (B, T, 1, D): (x0 cos - x1 sin, x1 cos + x0 sin), in float32, in four ops."""
    x_float = x if x.dtype == torch.float32 else x.float()
    swapped = x_float.unflatten(-1, (-1, 2)).flip(-1).flatten(-2)  # (x1, x0, x3, x2, ...)
    rotated = x_float * cos + swapped * sin
    return rotated if x.dtype == torch.float32 else rotated.type_as(x)


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dtype == self.weight.dtype == torch.float32:  # the same ops, bit for bit, in one call from Python
            return F.rms_norm(x, self.weight.shape, self.weight, self.eps)
        x_float = x.float()  # (F.rms_norm would apply the weight before rounding to a narrower dtype)
        normed = x_float * torch.rsqrt(x_float.pow(2).mean(-1, keepdim=True) + self.eps)
        return normed.type_as(x) * self.weight


def zeros_on_demand(shape: tuple[int, ...], dtype: torch.dtype, device: torch.device | str) -> torch.Tensor:
    """Zeros that take memory only where they are used. On the CPU the tensor lies in an anonymous mapping,
    whose pages the kernel supplies (zeroed) on first touch: a KV cache sized for `--parallel` rows of
    `--ctx-size` positions holds in RAM what its sequences wrote, not its whole size (the default server's
    8 x 4096 positions of the default model: 1.4 GB when filled, tens of MB for a few short requests).
    Elsewhere, torch.zeros."""
    nbytes = math.prod(shape) * dtype.itemsize
    if torch.device(device).type != "cpu" or nbytes == 0:
        return torch.zeros(shape, dtype=dtype, device=device)
    pages = mmap.mmap(-1, nbytes)  # private, anonymous, zero-filled; unmapped when the tensor is freed
    return torch.frombuffer(pages, dtype=torch.uint8).view(dtype).view(shape)


class KVCache:
    """Preallocated keys and values of every layer, (B, S, K, D) each: B rows (one sequence
    each), S positions. Each call writes its tokens at their rows' own positions. On the CPU the memory
    is taken as positions are written (`zeros_on_demand`)."""

    def __init__(
        self,
        n_layers: int,
        batch: int,
        length: int,
        n_kv_heads: int,
        head_dim: int,
        dtype: torch.dtype,
        device: torch.device | str,
    ):
        shape = (batch, length, n_kv_heads, head_dim)
        self.k = [zeros_on_demand(shape, dtype, device) for _ in range(n_layers)]
        self.v = [zeros_on_demand(shape, dtype, device) for _ in range(n_layers)]

    # read from the tensors, so that a compiled forward sees sizes (which may vary) rather than constants
    @property
    def batch(self) -> int:
        return self.k[0].shape[0]

    @property
    def length(self) -> int:
        return self.k[0].shape[1]

    def write(self, layer: int, rows: torch.Tensor, positions: torch.Tensor, k: torch.Tensor, v: torch.Tensor):
        """Store k, v (B, T, K, D) at `positions` (B, T) of `rows` (B, 1); return the layer's whole cache."""
        self.k[layer][rows, positions] = k
        self.v[layer][rows, positions] = v
        return self.k[layer], self.v[layer]

    def copy_row(self, source: int, destination: int | slice, length: int) -> None:
        """Copy the first `length` positions of row `source` to `destination` (a row, or a slice of rows)."""
        for k, v in zip(self.k, self.v):
            k[destination, :length] = k[source, :length]
            v[destination, :length] = v[source, :length]


def check_kv_cache_fits(batch: int, length: int, bytes_per_position: int, free_bytes: int) -> None:
    """Refuse a KV cache larger than the device's free memory, naming the sizes and what to change (rather than
    an out-of-memory error from deep inside the allocator, or a server that cannot start)."""
    need = batch * length * bytes_per_position
    if need > free_bytes:
        gib = 1 << 30
        raise ValueError(
            f"a KV cache of {batch} rows x {length} positions needs {need / gib:.1f} GiB "
            f"({bytes_per_position / 1024:.0f} KiB a position), but the device has {free_bytes / gib:.1f} GiB free: "
            f"lower --parallel (rows) or --ctx-size (positions)"
        )


def _stacked_linear(parts: list[nn.Linear]) -> nn.Linear:
    """One linear layer whose output is the parts' outputs side by side (their weights' rows stacked)."""
    weight = torch.cat([p.weight for p in parts])
    fused = nn.Linear(weight.shape[1], weight.shape[0], bias=parts[0].bias is not None, device="meta")
    fused.weight = nn.Parameter(weight, requires_grad=False)
    if parts[0].bias is not None:
        fused.bias = nn.Parameter(torch.cat([p.bias for p in parts]), requires_grad=False)
    return fused


@dataclass
class Placement:
    """Where one forward call's tokens sit, shared by every layer: rotary angles, cache rows and positions,
    the attention mask and how many cached positions to attend over."""

    cos: torch.Tensor  # (B, T, 1, D): rotary_tables
    sin: torch.Tensor
    rows: torch.Tensor  # (B, 1) cache rows
    positions: torch.Tensor  # (B, T)
    mask: torch.Tensor | None  # (B, 1, T, S) added to the attention scores: 0 where allowed, -inf elsewhere
    kv_len: int  # S: cached positions 0..kv_len-1 are read
    row_offset: int = 0
    causal: bool = False  # no mask: each token attends to the tokens up to its own (SDPA's flash path)
    block_mask: object | None = None  # flex_attention's BlockMask (documents packed in a training sequence)
    lower_right: object | None = None  # a prefill chunk after cached keys: torch's causal_lower_right(T, S)


def flex_for(device: torch.device) -> bool:
    """Whether packed documents are kept apart by flex_attention (compiled: GPUs) rather than a dense mask."""
    return device.type == "cuda"


def document_block_mask(document_ids: torch.Tensor) -> object:
    """flex_attention's block mask for packed documents (B, T): causal within each document, nothing across."""
    from torch.nn.attention.flex_attention import create_block_mask

    B, T = document_ids.shape

    def same_document_causal(b, h, q, k):
        return (k <= q) & (document_ids[b, q] == document_ids[b, k])

    return create_block_mask(same_document_causal, B, None, T, T, device=document_ids.device)


def document_ids_from_separators(tokens: torch.Tensor, separator: int) -> torch.Tensor:
    """Number the documents packed in each row of `tokens` (B, T): a new one starts after each `separator` (EOS)."""
    ends = (tokens == separator).long()
    return ends.cumsum(dim=1) - ends  # the separator closes its own document


class Attention(nn.Module):
    """Self-attention. A quantised model may run wq, wk and wv as one layer, `wqkv` (their rows stacked:
    quant_load.QuantModules); wq, wk and wv are then None."""

    def __init__(self, args: ModelArgs, layer_id: int):
        super().__init__()
        self.layer_id = layer_id
        self.n_heads, self.n_kv_heads, self.head_dim = args.n_heads, args.n_kv_heads, args.head_dim
        self.wq = nn.Linear(args.dim, args.n_heads * args.head_dim, bias=args.qkv_bias)
        self.wk = nn.Linear(args.dim, args.n_kv_heads * args.head_dim, bias=args.qkv_bias)
        self.wv = nn.Linear(args.dim, args.n_kv_heads * args.head_dim, bias=args.qkv_bias)
        self.wo = nn.Linear(args.n_heads * args.head_dim, args.dim, bias=False)
        self.register_module("wqkv", None)

    def forward(self, x: torch.Tensor, where: Placement, cache: KVCache | None) -> torch.Tensor:
        B, T, _ = x.shape
        H, K, D = self.n_heads, self.n_kv_heads, self.head_dim
        if self.wqkv is None:
            q, k, v = self.wq(x).view(B, T, H, D), self.wk(x).view(B, T, K, D), self.wv(x).view(B, T, K, D)
            q, k = apply_rotary(q, where.cos, where.sin), apply_rotary(k, where.cos, where.sin)
        else:  # one matmul, and q and k rotated together
            qkv = self.wqkv(x)
            qk = apply_rotary(qkv[..., : (H + K) * D].view(B, T, H + K, D), where.cos, where.sin)
            q, k = qk.split((H, K), dim=2)
            v = qkv[..., (H + K) * D :].view(B, T, K, D)
        if cache is not None:
            k, v = cache.write(self.layer_id, where.rows, where.positions, k, v)
            rows = slice(where.row_offset, where.row_offset + B)
            k, v = k[rows, : where.kv_len], v[rows, : where.kv_len]
        q, k, v = (t.transpose(1, 2) for t in (q, k, v))  # (B, H|K, T|S, D)
        gqa = self.n_heads != self.n_kv_heads
        if where.block_mask is not None:
            from torch.nn.attention.flex_attention import flex_attention

            out = flex_attention(q, k, v, block_mask=where.block_mask, enable_gqa=gqa)
        elif where.lower_right is not None:
            if gqa and q.device.type == "cuda":  # flash's lower-right call takes no enable_gqa: expand K/V heads
                k, v = k.repeat_interleave(H // K, dim=1), v.repeat_interleave(H // K, dim=1)
                gqa = False
            out = F.scaled_dot_product_attention(q, k, v, attn_mask=where.lower_right, enable_gqa=gqa)
        elif T == 1 and where.mask is not None and (q.device.type == "cpu" or B == 1):
            out = single_token_attention(q, k, v, where.mask, K)
        else:
            out = F.scaled_dot_product_attention(q, k, v, attn_mask=where.mask, is_causal=where.causal, enable_gqa=gqa)
        return self.wo(out.transpose(1, 2).reshape(B, T, -1))


def single_token_attention(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor, kv_heads: int
) -> torch.Tensor:
    """One query per row (B, H, 1, D) over its cache row (B, K, S, D) as two batched matrix-vector products over
    the cache's own strides (no copy), query heads grouped by kv head (GQA) without expanding K/V; scores and
    softmax in float32. `mask` (B, 1, 1, S) is added to the scores.

    Why not SDPA for a decode step: on a GPU, its memory-efficient kernel (the one that takes a mask) runs one
    block per head for a single query, where this is parallel over the cache's length; on the CPU, its flash
    kernel costs ~40-100 us a call in set-up for a few us of arithmetic (~3 ms of a ~12 ms compiled step on the
    default model), where these few ops fuse into inductor's kernels. `kv_heads` as a plain int, not read from
    `k`: a compiled graph's cache sizes are symbols, and a reshape by a symbolic quotient took dynamo minutes
    of shape reasoning at every start."""
    B, H, _, D = q.shape
    K = kv_heads
    q = q.reshape(B, K, H // K, D) * (1.0 / math.sqrt(D))
    scores = torch.matmul(q, k.transpose(-1, -2)).float() + mask  # (B, K, G, S)
    probs = torch.softmax(scores, dim=-1).to(v.dtype)
    return torch.matmul(probs, v).reshape(B, H, 1, D)


class FeedForward(nn.Module):
    """SwiGLU. A quantised model may run w1 and w3 as one layer, `w13` (gate rows, then up rows:
    quant_load.QuantModules); w1 and w3 are then None."""

    def __init__(self, dim: int, hidden_dim: int):
        super().__init__()
        self.w1 = nn.Linear(dim, hidden_dim, bias=False)  # gate
        self.w2 = nn.Linear(hidden_dim, dim, bias=False)  # down
        self.w3 = nn.Linear(dim, hidden_dim, bias=False)  # up
        self.register_module("w13", None)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.w13 is None:
            return self.w2(F.silu(self.w1(x)) * self.w3(x))
        gate, up = self.w13(x).chunk(2, dim=-1)
        return self.w2(F.silu(gate) * up)


class TransformerBlock(nn.Module):
    def __init__(self, args: ModelArgs, layer_id: int):
        super().__init__()
        self.attention = Attention(args, layer_id)
        self.feed_forward = FeedForward(args.dim, args.ffn_hidden_dim)
        self.attention_norm = RMSNorm(args.dim, args.norm_eps)
        self.ffn_norm = RMSNorm(args.dim, args.norm_eps)

    def forward(self, x: torch.Tensor, where: Placement, cache: KVCache | None) -> torch.Tensor:
        h = x + self.attention(self.attention_norm(x), where, cache)
        return h + self.feed_forward(self.ffn_norm(h))


class Transformer(nn.Module):
    def __init__(self, args: ModelArgs):
        super().__init__()
        self.args = args
        self.tok_embeddings = nn.Embedding(args.vocab_size, args.dim)
        self.layers = nn.ModuleList(TransformerBlock(args, i) for i in range(args.n_layers))
        self.norm = RMSNorm(args.dim, args.norm_eps)
        self.output = nn.Linear(args.dim, args.vocab_size, bias=False)
        if args.tie_embeddings:
            self.output.weight = self.tok_embeddings.weight
        self.register_buffer("inv_freq", rope_frequencies(args), persistent=False)
        self.rope_attention_factor = rope_attention_factor(args)
        self.cache: KVCache | None = None  # see setup_cache; a caller may set it aside and put it back
        self.compiled_decode: Callable | None = None  # decode steps and long prefill chunks: engine.compile_decode

    # -- invariants: what changes the model's shape or rotary embedding goes through here ----------
    def set_rope(
        self, theta: float | None = None, scaling: dict | None = None, device: torch.device | str | None = None
    ) -> None:
        """Change the rotary base and/or scaling (in args too) and recompute the frequencies, on `device`
        (default: where they are; a model built on the meta device needs one)."""
        if theta is not None:
            self.args.rope_theta = theta
        if scaling is not None:
            self.args.rope_scaling = scaling
        self.inv_freq = rope_frequencies(self.args).to(device or self.inv_freq.device)
        self.rope_attention_factor = rope_attention_factor(self.args)

    def set_context(self, length: int | None = None, scaling: dict | None = None) -> None:
        """Read up to `length` positions (args.max_seq_len: what prompts and outputs are checked against), with
        the rotary `scaling` ({"type": "linear" | "ntk" | "yarn", "factor": F}) stretching the positions the model
        was trained on; with a scaling and no length, that many times them."""
        native = self.args.max_seq_len
        if scaling is not None:
            self.set_rope(scaling={"original_max_position_embeddings": native, **scaling})
            length = length or int(native * float(scaling.get("factor", 1.0)))
        if length is not None:
            self.args.max_seq_len = length

    @torch.no_grad()
    def resize_vocab(self, vocab_size: int) -> int:
        """Grow the embedding and output to `vocab_size` rows (new rows: the mean of the old, so new tokens
        start as an average token); returns the rows added. A tied output stays tied."""
        old = self.tok_embeddings.weight
        added = vocab_size - old.shape[0]
        if added <= 0:
            return 0
        tied = self.output.weight is old
        embedding = nn.Embedding(vocab_size, old.shape[1], device=old.device, dtype=old.dtype)
        embedding.weight[: old.shape[0]] = old
        embedding.weight[old.shape[0] :] = old.mean(dim=0, keepdim=True)
        self.tok_embeddings = embedding
        if tied:
            self.output.weight = embedding.weight
        else:
            out_old = self.output.weight
            output = nn.Linear(old.shape[1], vocab_size, bias=False, device=old.device, dtype=old.dtype)
            output.weight[: out_old.shape[0]] = out_old
            output.weight[out_old.shape[0] :] = out_old.mean(dim=0, keepdim=True)
            self.output = output
        self.args.vocab_size = vocab_size
        return added

    # -- the KV cache ---------------------------------------------------------------------------
    def setup_cache(self, batch: int, length: int) -> KVCache:
        """Allocate a KV cache for `batch` rows of up to `length` positions (kept if the current one is as large)."""
        current = self.cache
        if current is not None and batch <= current.batch and length <= current.length:
            return current
        if current is not None:
            batch, length = max(batch, current.batch), max(length, current.length)
        self.cache = None  # free the old cache before allocating the new one
        weight = self.tok_embeddings.weight
        a = self.layers[0].attention
        if weight.device.type == "cuda":  # free: the device's, and what torch's allocator holds unused (the old cache)
            free, _ = torch.cuda.mem_get_info(weight.device)
            free += torch.cuda.memory_reserved(weight.device) - torch.cuda.memory_allocated(weight.device)
            check_kv_cache_fits(batch, length, self.kv_bytes_per_position(weight.dtype), free)
        self.cache = KVCache(len(self.layers), batch, length, a.n_kv_heads, a.head_dim, weight.dtype, weight.device)
        return self.cache

    def clear_cache(self) -> None:
        self.cache = None

    def kv_bytes_per_position(self, dtype: torch.dtype | None = None) -> int:
        """Bytes of keys and values one cached position takes over all layers (the 7B: 512 KiB in bf16)."""
        a = self.layers[0].attention
        return 2 * len(self.layers) * a.n_kv_heads * a.head_dim * (dtype or self.tok_embeddings.weight.dtype).itemsize

    # -- GPU preparation --------------------------------------------------------------------------
    @torch.no_grad()
    def fuse_projections(self) -> None:
        """Run wq, wk, wv as one linear layer (`wqkv`) and w1, w3 as one (`w13`), as quantised models do: one
        matmul instead of three (two) reading the same input. For float weights (a quantised layer is left as
        it is); the separate layers are dropped."""
        for layer in self.layers:
            attention, ffn = layer.attention, layer.feed_forward
            if attention.wqkv is None and all(type(m) is nn.Linear for m in (attention.wq, attention.wk, attention.wv)):
                attention.wqkv = _stacked_linear([attention.wq, attention.wk, attention.wv])
                attention.wq = attention.wk = attention.wv = None
            if ffn.w13 is None and all(type(m) is nn.Linear for m in (ffn.w1, ffn.w3)):
                ffn.w13 = _stacked_linear([ffn.w1, ffn.w3])
                ffn.w1 = ffn.w3 = None

    def _apply(self, fn, recurse=True):
        # model.to(torch.bfloat16) would round the rotary frequencies to 8 bits (angles wrong by whole turns at
        # long positions): they stay float32, recomputed from args, on the new device
        super()._apply(fn, recurse)
        if self.inv_freq.dtype != torch.float32:
            self.inv_freq = rope_frequencies(self.args).to(self.inv_freq.device)
        return self

    def forward(
        self,
        tokens: torch.Tensor,
        positions: torch.Tensor | None = None,
        output_index: torch.Tensor | None = None,
        row_offset: int = 0,
        kv_len: int | None = None,
        document_ids: torch.Tensor | None = None,
        head: Callable[[torch.Tensor, nn.Linear], torch.Tensor] | None = None,
        chunk_start: int | None = None,
    ) -> torch.Tensor:
        """Logits for `tokens` (B, T) placed at `positions` (B, T) of each row's sequence.

        With a cache set up, keys/values are written at those positions and each
        token attends to its row's cached positions <= its own. Without a cache the
        call is a plain causal forward over `tokens`. `output_index` (B,) picks one
        position per row to compute logits for (B, 1, V), which is all decoding
        needs; by default every position gets logits (B, T, V). `row_offset`: the batch
        uses cache rows row_offset .. row_offset + B - 1 (a server prefilling a new request
        beside the running ones). `kv_len`: max(positions) + 1, when the caller knows it (saves reading
        the positions back from the device). `document_ids` (B, T), without a cache: the documents packed in
        each training sequence, numbered; a token attends only to the earlier tokens of its own document.

        Attention takes no mask where causality alone decides (a plain forward over whole sequences), so SDPA
        may run its flash kernels; documents are kept apart by flex_attention's block mask on a GPU (sparse:
        blocks of other documents are skipped) and by a dense mask on the CPU.

        `chunk_start`, with a cache: every row's tokens sit at positions chunk_start .. chunk_start + T - 1 (a
        prefill chunk; `positions` may be left out) and read the cache up to their own, so attention needs no
        mask: causal for the first chunk, lower-right causal (torch's causal_lower_right) for a chunk after
        cached keys, both on SDPA's flash/efficient kernels on a GPU.

        `head(hidden, output)`, if given, replaces the output layer: it gets the final normed hidden states
        (B, T, dim) and the output layer, and its result is returned (a training loss computed chunk by chunk
        never holds the whole (B, T, V) logits; inside forward, so FSDP has the layer's weight gathered).
        """
        B, T = tokens.shape
        device = tokens.device
        plain_causal = positions is None and self.cache is None
        cache = self.cache
        if chunk_start is not None:
            if cache is None:
                raise ValueError("chunk_start places a prefill chunk in the KV cache: set one up first")
            kv_len = chunk_start + T
            if positions is None:
                positions = torch.arange(chunk_start, kv_len, device=device).expand(B, T)
        if positions is None:
            positions = torch.arange(T, device=device).expand(B, T)
        if document_ids is not None and cache is not None:
            raise ValueError("document_ids are for a plain forward over training sequences, not with a KV cache")
        if cache is not None:
            if row_offset + B > cache.batch:
                raise ValueError(f"rows {row_offset}..{row_offset + B - 1} exceed the KV cache's {cache.batch}")
            kv_len = int(positions.max()) + 1 if kv_len is None else kv_len
            if kv_len > cache.length:
                raise ValueError(f"position {kv_len - 1} is beyond the KV cache's {cache.length} slots")
            key_positions = torch.arange(kv_len, device=device)
        else:
            kv_len = T
            key_positions = positions[0] if B == 1 else None
        h = self.tok_embeddings(tokens)
        mask, block_mask = None, None
        if document_ids is not None and flex_for(device):
            block_mask = document_block_mask(document_ids)
        elif document_ids is not None or not (plain_causal or chunk_start is not None):
            if key_positions is None:  # uncached batch: keys are this call's own tokens
                allowed = positions[:, None, None, :] <= positions[:, None, :, None]
            else:
                allowed = key_positions[None, None, None, :] <= positions[:, None, :, None]  # (B, 1, T, S)
            if document_ids is not None:
                allowed = allowed & (document_ids[:, None, :, None] == document_ids[:, None, None, :])
            # the scores' additive mask, made once for every layer (as SDPA would make it from `allowed` in each)
            mask = torch.zeros(allowed.shape, dtype=h.dtype, device=device).masked_fill_(~allowed, -math.inf)
        angles = positions[..., None].float() * self.inv_freq  # (B, T, D/2)
        cos, sin = rotary_tables(angles[:, :, None, :])
        if self.rope_attention_factor != 1.0:  # YaRN
            cos, sin = cos * self.rope_attention_factor, sin * self.rope_attention_factor
        rows = torch.arange(row_offset, row_offset + B, device=device)[:, None]
        causal = (plain_causal and document_ids is None) or chunk_start == 0
        lower_right = None
        if chunk_start:
            from torch.nn.attention.bias import causal_lower_right

            lower_right = causal_lower_right(T, kv_len)
        where = Placement(cos, sin, rows, positions, mask, kv_len, row_offset, causal, block_mask, lower_right)
        for layer in self.layers:
            h = layer(h, where, cache)
        if output_index is not None:
            h = h[torch.arange(B, device=device), output_index][:, None]
        if head is not None:
            return head(self.norm(h), self.output)
        return self.output(self.norm(h)).float()
