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
    elif kind not in (None, "ntk"):
        raise ValueError(f"rope_scaling type {kind!r} is not supported (use linear, ntk or llama3)")
    return inv_freq.float()


def apply_rotary(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Rotate interleaved pairs (x0, x1), (x2, x3)... of x (B, T, H, D) by the angles in cos/sin (B, T, 1, D/2)."""
    x_pairs = x.float().unflatten(-1, (-1, 2))
    real, imag = x_pairs[..., 0], x_pairs[..., 1]
    rotated = torch.stack((real * cos - imag * sin, real * sin + imag * cos), dim=-1)
    return rotated.flatten(-2).type_as(x)


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x_float = x.float()
        normed = x_float * torch.rsqrt(x_float.pow(2).mean(-1, keepdim=True) + self.eps)
        return normed.type_as(x) * self.weight


class KVCache(nn.Module):
    """Preallocated keys and values (B, S, K, D), written at each row's own positions."""

    def __init__(self, batch: int, length: int, n_kv_heads: int, head_dim: int, dtype: torch.dtype, device):
        super().__init__()
        shape = (batch, length, n_kv_heads, head_dim)
        self.register_buffer("k", torch.zeros(shape, dtype=dtype, device=device), persistent=False)
        self.register_buffer("v", torch.zeros(shape, dtype=dtype, device=device), persistent=False)

    def update(self, rows: torch.Tensor, positions: torch.Tensor, k: torch.Tensor, v: torch.Tensor):
        # rows (B, 1), positions (B, T): one scatter per tensor
        self.k[rows, positions] = k
        self.v[rows, positions] = v
        return self.k, self.v


class Attention(nn.Module):
    def __init__(self, args: ModelArgs):
        super().__init__()
        self.n_heads, self.n_kv_heads, self.head_dim = args.n_heads, args.n_kv_heads, args.head_dim
        self.wq = nn.Linear(args.dim, args.n_heads * args.head_dim, bias=args.qkv_bias)
        self.wk = nn.Linear(args.dim, args.n_kv_heads * args.head_dim, bias=args.qkv_bias)
        self.wv = nn.Linear(args.dim, args.n_kv_heads * args.head_dim, bias=args.qkv_bias)
        self.wo = nn.Linear(args.n_heads * args.head_dim, args.dim, bias=False)
        self.cache: KVCache | None = None

    def forward(self, x, cos, sin, rows, positions, mask, kv_len: int, row_offset: int = 0) -> torch.Tensor:
        B, T, _ = x.shape
        q = self.wq(x).view(B, T, self.n_heads, self.head_dim)
        k = self.wk(x).view(B, T, self.n_kv_heads, self.head_dim)
        v = self.wv(x).view(B, T, self.n_kv_heads, self.head_dim)
        q, k = apply_rotary(q, cos, sin), apply_rotary(k, cos, sin)
        if self.cache is not None:
            k, v = self.cache.update(rows, positions, k, v)
            k, v = k[row_offset : row_offset + B, :kv_len], v[row_offset : row_offset + B, :kv_len]
        q, k, v = (t.transpose(1, 2) for t in (q, k, v))  # (B, H|K, T|S, D)
        out = F.scaled_dot_product_attention(
            q, k, v, attn_mask=mask, enable_gqa=self.n_heads != self.n_kv_heads
        )
        return self.wo(out.transpose(1, 2).reshape(B, T, -1))


class FeedForward(nn.Module):
    def __init__(self, dim: int, hidden_dim: int):
        super().__init__()
        self.w1 = nn.Linear(dim, hidden_dim, bias=False)  # gate
        self.w2 = nn.Linear(hidden_dim, dim, bias=False)  # down
        self.w3 = nn.Linear(dim, hidden_dim, bias=False)  # up

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w2(F.silu(self.w1(x)) * self.w3(x))


class TransformerBlock(nn.Module):
    def __init__(self, args: ModelArgs):
        super().__init__()
        self.attention = Attention(args)
        self.feed_forward = FeedForward(args.dim, args.ffn_hidden_dim)
        self.attention_norm = RMSNorm(args.dim, args.norm_eps)
        self.ffn_norm = RMSNorm(args.dim, args.norm_eps)

    def forward(self, x, cos, sin, rows, positions, mask, kv_len: int, row_offset: int = 0) -> torch.Tensor:
        h = x + self.attention(self.attention_norm(x), cos, sin, rows, positions, mask, kv_len, row_offset)
        return h + self.feed_forward(self.ffn_norm(h))


class Transformer(nn.Module):
    def __init__(self, args: ModelArgs):
        super().__init__()
        self.args = args
        self.tok_embeddings = nn.Embedding(args.vocab_size, args.dim)
        self.layers = nn.ModuleList(TransformerBlock(args) for _ in range(args.n_layers))
        self.norm = RMSNorm(args.dim, args.norm_eps)
        self.output = nn.Linear(args.dim, args.vocab_size, bias=False)
        if args.tie_embeddings:
            self.output.weight = self.tok_embeddings.weight
        self.register_buffer("inv_freq", rope_frequencies(args), persistent=False)
        self.cache_batch = 0
        self.cache_len = 0

    def setup_cache(self, batch: int, length: int) -> None:
        """Allocate (or reuse) a KV cache for `batch` rows of up to `length` positions."""
        if batch <= self.cache_batch and length <= self.cache_len:
            return
        batch, length = max(batch, self.cache_batch), max(length, self.cache_len)
        dtype, device = self.tok_embeddings.weight.dtype, self.tok_embeddings.weight.device
        for layer in self.layers:
            layer.attention.cache = None  # free the old cache before allocating the new one
        for layer in self.layers:
            a = layer.attention
            a.cache = KVCache(batch, length, a.n_kv_heads, a.head_dim, dtype, device)
        self.cache_batch, self.cache_len = batch, length

    def copy_cache_row(self, source: int, rows: int, length: int) -> None:
        """Copy the first `length` cached positions of row `source` to rows 0..rows-1 (a shared prefix)."""
        for layer in self.layers:
            cache = layer.attention.cache
            cache.k[:rows, :length] = cache.k[source, :length]
            cache.v[:rows, :length] = cache.v[source, :length]

    def move_cache_row(self, source: int, destination: int, length: int) -> None:
        """Copy the first `length` cached positions of row `source` to row `destination`."""
        for layer in self.layers:
            cache = layer.attention.cache
            cache.k[destination, :length] = cache.k[source, :length]
            cache.v[destination, :length] = cache.v[source, :length]

    def clear_cache(self) -> None:
        self.swap_cache(None)

    def swap_cache(self, state: tuple | None) -> tuple | None:
        """Take the KV cache out (returned) and put `state` (an earlier return value, or None) in.

        Lets one caller set a batch's cache aside while another uses the model with a cache of its own."""
        current = None
        if self.cache_len:
            current = ([layer.attention.cache for layer in self.layers], self.cache_batch, self.cache_len)
        caches, self.cache_batch, self.cache_len = state or ([None] * len(self.layers), 0, 0)
        for layer, cache in zip(self.layers, caches):
            layer.attention.cache = cache
        return current

    def forward(
        self,
        tokens: torch.Tensor,
        positions: torch.Tensor | None = None,
        output_index: torch.Tensor | None = None,
        row_offset: int = 0,
    ) -> torch.Tensor:
        """Logits for `tokens` (B, T) placed at `positions` (B, T) of each row's sequence.

        With a cache set up, keys/values are written at those positions and each
        token attends to its row's cached positions <= its own. Without a cache the
        call is a plain causal forward over `tokens`. `output_index` (B,) picks one
        position per row to compute logits for (B, 1, V), which is all decoding
        needs; by default every position gets logits (B, T, V). `row_offset`: the batch
        uses cache rows row_offset .. row_offset + B - 1 (a server prefilling a new request
        beside the running ones).
        """
        B, T = tokens.shape
        device = tokens.device
        if positions is None:
            positions = torch.arange(T, device=device).expand(B, T)
        cached = self.cache_len > 0
        if cached:
            if row_offset + B > self.cache_batch:
                raise ValueError(f"rows {row_offset}..{row_offset + B - 1} exceed the KV cache's {self.cache_batch}")
            kv_len = int(positions.max()) + 1
            if kv_len > self.cache_len:
                raise ValueError(f"position {kv_len - 1} is beyond the KV cache's {self.cache_len} slots")
            key_positions = torch.arange(kv_len, device=device)
        else:
            kv_len = T
            key_positions = positions[0] if B == 1 else None
        if key_positions is None:  # uncached batch: keys are this call's own tokens
            mask = positions[:, None, None, :] <= positions[:, None, :, None]
        else:
            mask = key_positions[None, None, None, :] <= positions[:, None, :, None]  # (B, 1, T, S)
        angles = positions[..., None].float() * self.inv_freq  # (B, T, D/2)
        cos, sin = angles.cos()[:, :, None, :], angles.sin()[:, :, None, :]
        rows = torch.arange(row_offset, row_offset + B, device=device)[:, None]
        h = self.tok_embeddings(tokens)
        for layer in self.layers:
            h = layer(h, cos, sin, rows, positions, mask, kv_len, row_offset)
        if output_index is not None:
            h = h[torch.arange(B, device=device), output_index][:, None]
        return self.output(self.norm(h)).float()

