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


def matmul_params(args: ModelArgs) -> int:
    """Weights a token multiplies through: all but the embedding lookup (the output projection is a matmul, the
    lookup is not; a tied table counts once, as the output)."""
    non_embedding = args.num_params - args.vocab_size * args.dim * (1 if args.tie_embeddings else 2)
    return non_embedding + args.vocab_size * args.dim


def flops_per_token(args: ModelArgs, seq_len: int) -> float:
    """Training FLOPs per token: 6 per parameter (forward + backward) plus attention (PaLM's 12 * L * H * D * T)."""
    return 6 * matmul_params(args) + 12 * args.n_layers * args.n_heads * args.head_dim * seq_len


def decode_flops_per_token(args: ModelArgs, context: int) -> float:
    """FLOPs of one generated token at `context` cached positions: 2 per weight, plus scores and values."""
    return 2 * matmul_params(args) + 4 * args.n_layers * args.n_heads * args.head_dim * context


def datasheet_peak(device: torch.device) -> tuple[float, str] | None:
    """(dense bf16 FLOP/s, GPU name) from the datasheet table for a known GPU; None elsewhere."""
    if device.type != "cuda":
        return None
    name = torch.cuda.get_device_name(device)
    for key, value in GPU_PEAK_FLOPS.items():
        if key in name:
            return value, name
    return None


def measured_matmul_peak(
    device: torch.device, n: int | None = None, warmup: int = 3, repeats: int = 10
) -> tuple[float, str]:
    """(FLOP/s, what was measured): the mean rate of `repeats` square matmuls after `warmup` ones, in bf16 on a
    GPU (8192 x 8192 x 8192: the practical tensor-core peak of this very GPU, in this run), fp32 on the CPU
    (1024; the best single one, since a shared CPU is only as fast as its quietest moment)."""
    if device.type != "cuda":
        n = n or 1024
        return measured_matmul_flops(n, repeats), f"fp32 {n}^3 matmul on the CPU (best of {repeats})"
    n = n or 8192
    a = torch.randn(n, n, device=device, dtype=torch.bfloat16)
    b = torch.randn(n, n, device=device, dtype=torch.bfloat16)
    for _ in range(warmup):
        a @ b
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    for _ in range(repeats):
        a @ b
    end.record()
    torch.cuda.synchronize(device)
    seconds = start.elapsed_time(end) / 1000 / repeats
    return 2 * n**3 / seconds, f"bf16 {n}^3 matmul (mean of {repeats} after {warmup})"


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
