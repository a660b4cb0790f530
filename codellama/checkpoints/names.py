"""Names shared by every format: our parameter names against Hugging Face's, GGUF's and Meta's.

Also the rotary permutation between HF's half-split q/k rows and Meta's interleaved pairs,
the error every reader raises, and the type every reader yields.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import torch

from codellama.model import ModelArgs

Tensors = Iterator[tuple[str, torch.Tensor]]


class CheckpointError(ValueError):
    """A checkpoint that cannot be read; the message names the file and the problem."""


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
    "tok_embeddings": 1,
    "output": 0,
    "norm": None,
    "attention_norm": None,
    "ffn_norm": None,
    "wq": 0,
    "wk": 0,
    "wv": 0,
    "wo": 1,
    "w1": 0,
    "w2": 1,
    "w3": 0,
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
    """Apply the q/k row permutation of HF's Llama converter (interleaved pairs -> half-split)."""
    rows = w.shape[0]
    return w.reshape(n_heads, rows // n_heads // 2, 2, *w.shape[1:]).transpose(1, 2).reshape(w.shape)


def _rotary_heads(name: str, args: ModelArgs) -> int | None:
    if ".attention.wq." in name:
        return args.n_heads
    if ".attention.wk." in name:
        return args.n_kv_heads
    return None
