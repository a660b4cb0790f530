"""Throughput accounting: model FLOPs per token and model FLOPs utilisation (MFU)."""

from __future__ import annotations

import time

import torch

from codellama.model import ModelArgs

# dense bf16 tensor-core peaks from the datasheets (FLOP/s)
GPU_PEAK_FLOPS = {
    "H200": 989e12,
    "H100": 989e12,
    "A100": 312e12,
    "L40S": 362e12,
    "A10": 125e12,
    "4090": 165e12,
    "L4": 121e12,
}


def flops_per_token(args: ModelArgs, seq_len: int) -> float:
    """Training FLOPs per token: 6 per parameter (forward + backward) plus attention (PaLM's 12 * L * H * D * T)."""
    non_embedding = args.num_params - args.vocab_size * args.dim * (1 if args.tie_embeddings else 2)
    matmul_params = non_embedding + args.vocab_size * args.dim  # the output projection is a matmul, the lookup is not
    return 6 * matmul_params + 12 * args.n_layers * args.n_heads * args.head_dim * seq_len


def peak_flops(device: torch.device, override_tflops: float | None = None) -> tuple[float, str]:
    """(FLOP/s, where the figure comes from) for MFU."""
    if override_tflops:
        return override_tflops * 1e12, "given"
    if device.type == "cuda":
        name = torch.cuda.get_device_name(device)
        for key, value in GPU_PEAK_FLOPS.items():
            if key in name:
                return value, f"{name} datasheet bf16"
        return 0.0, f"{name}: unknown peak (pass peak_tflops)"
    return measured_matmul_flops(), "measured fp32 matmul peak of this CPU"


def measured_matmul_flops(n: int = 1024, repeats: int = 20) -> float:
    """The CPU's achieved fp32 matmul rate (best of `repeats`): a practical peak for CPU MFU, where no datasheet
    figure applies. On a CPU shared with other work it is only as good as the quietest moment it catches."""
    a, b = torch.randn(n, n), torch.randn(n, n)
    a @ b
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - started)
    return 2 * n**3 / best
