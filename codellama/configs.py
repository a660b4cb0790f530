"""Named model shapes, as published by each model's authors.

These let a user check a checkpoint against its family (`codellama info`), build
random models of a real shape for tests and benchmarks, and fill in what Meta's
params.json leaves out (context length).
"""

from __future__ import annotations

from dataclasses import replace

from codellama.model import ModelArgs

_CODE_LLAMA = dict(rope_theta=1_000_000.0, max_seq_len=16_384, norm_eps=1e-5, multiple_of=256)
_SHAPES = {
    "7b": dict(dim=4096, n_layers=32, n_heads=32),
    "13b": dict(dim=5120, n_layers=40, n_heads=40),
    "34b": dict(dim=8192, n_layers=48, n_heads=64, n_kv_heads=8, ffn_dim_multiplier=1.0),
    "70b": dict(dim=8192, n_layers=80, n_heads=64, n_kv_heads=8, ffn_dim_multiplier=1.3, multiple_of=4096),
}


def _code_llama(size: str, variant: str) -> ModelArgs:
    # Python variants were trained without infilling (vocab 32000) except the 70B;
    # 34B has no infill tokens at all; the 70B Python/Instruct went back to
    # Llama 2's rope base and context.
    infill = variant != "python" and size != "34b"
    vocab = 32016 if (infill or size == "70b") else 32000
    args = {**_CODE_LLAMA, **_SHAPES[size], "vocab_size": vocab}
    if size == "70b" and variant != "base":
        args.update(rope_theta=10_000.0, max_seq_len=4096)
    return ModelArgs(**args, extra={"infill": infill, "family": "code-llama"})


CONFIGS: dict[str, ModelArgs] = {
    f"codellama-{size}{'' if variant == 'base' else '-' + variant}": _code_llama(size, variant)
    for size in _SHAPES
    for variant in ("base", "python", "instruct")
}

CONFIGS.update(
    {
        "smollm2-135m": ModelArgs(
            dim=576,
            n_layers=30,
            n_heads=9,
            n_kv_heads=3,
            ffn_hidden_dim=1536,
            vocab_size=49152,
            rope_theta=100_000.0,
            max_seq_len=8192,
            norm_eps=1e-5,
            tie_embeddings=True,
            extra={"infill": False, "family": "smollm2"},
        ),
        "deepseek-coder-1.3b": ModelArgs(
            dim=2048,
            n_layers=24,
            n_heads=16,
            ffn_hidden_dim=5504,
            vocab_size=32256,
            rope_theta=100_000.0,
            rope_scaling={"type": "linear", "factor": 4.0},
            max_seq_len=16_384,
            norm_eps=1e-6,
            extra={"infill": True, "family": "deepseek-coder"},
        ),
        "deepseek-coder-6.7b": ModelArgs(
            dim=4096,
            n_layers=32,
            n_heads=32,
            ffn_hidden_dim=11008,
            vocab_size=32256,
            rope_theta=100_000.0,
            rope_scaling={"type": "linear", "factor": 4.0},
            max_seq_len=16_384,
            norm_eps=1e-6,
            extra={"infill": True, "family": "deepseek-coder"},
        ),
        "qwen2.5-coder-0.5b": ModelArgs(
            dim=896,
            n_layers=24,
            n_heads=14,
            n_kv_heads=2,
            ffn_hidden_dim=4864,
            vocab_size=151_936,
            rope_theta=1_000_000.0,
            max_seq_len=32_768,
            norm_eps=1e-6,
            qkv_bias=True,
            tie_embeddings=True,
            extra={"infill": True, "family": "qwen2.5-coder"},
        ),
        "qwen2.5-coder-1.5b": ModelArgs(
            dim=1536,
            n_layers=28,
            n_heads=12,
            n_kv_heads=2,
            ffn_hidden_dim=8960,
            vocab_size=151_936,
            rope_theta=1_000_000.0,
            max_seq_len=32_768,
            norm_eps=1e-6,
            qkv_bias=True,
            tie_embeddings=True,
            extra={"infill": True, "family": "qwen2.5-coder"},
        ),
        "qwen2.5-coder-7b": ModelArgs(
            dim=3584,
            n_layers=28,
            n_heads=28,
            n_kv_heads=4,
            ffn_hidden_dim=18944,
            vocab_size=152_064,
            rope_theta=1_000_000.0,
            max_seq_len=32_768,
            norm_eps=1e-6,
            qkv_bias=True,
            extra={"infill": True, "family": "qwen2.5-coder"},
        ),
    }
)


def get_config(name: str, **overrides) -> ModelArgs:
    """A copy of the named config, with fields overridden (e.g. n_layers=2 for tests)."""
    if name not in CONFIGS:
        raise KeyError(f"unknown model config {name!r}; known: {', '.join(sorted(CONFIGS))}")
    args = replace(CONFIGS[name], **overrides)
    if "ffn_hidden_dim" not in overrides and ("dim" in overrides or "ffn_dim_multiplier" in overrides):
        args = replace(args, ffn_hidden_dim=None)  # recompute from Meta's formula
    return args


def match_config(args: ModelArgs) -> str | None:
    """The name of the published config with exactly these shapes, if any."""
    keys = ("dim", "n_layers", "n_heads", "n_kv_heads", "ffn_hidden_dim", "vocab_size", "rope_theta")
    for name, known in CONFIGS.items():
        if all(getattr(known, k) == getattr(args, k) for k in keys):
            return name
    return None
