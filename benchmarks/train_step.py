"""Training throughput: tokens/s and model FLOPs utilisation (MFU) of the real training step.

Runs `codellama.train.trainer.Trainer.step` (FSDP2-wrapped model, AdamW, clipping, accumulation)
on random tokens for a named model shape, after warm-up steps, and prints the median step's
tokens/s and MFU. MFU = tokens/s * FLOPs per token (6 * matmul parameters + attention) / peak:
on a GPU the datasheet bf16 peak (H100: 989 TFLOP/s; the bar for the ~1B config is 40%), on
the CPU the measured fp32 matmul rate of this machine (so CPU MFU says how close the step comes
to the CPU's own matmul speed).

    OMP_NUM_THREADS=2 .venv/bin/python benchmarks/train_step.py --config tiny          # CPU, ~1 minute
    .venv/bin/python benchmarks/train_step.py --config 1b --compile                    # one GPU
    torchrun --nproc-per-node 8 benchmarks/train_step.py --config 1b --compile         # a node
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SHAPES = {
    # name: (model shape, seq_len, micro batch)
    "tiny": (dict(dim=256, n_layers=4, n_heads=4, n_kv_heads=2, ffn_hidden_dim=768), 256, 4),
    "smollm2-135m": (
        dict(
            dim=576,
            n_layers=30,
            n_heads=9,
            n_kv_heads=3,
            ffn_hidden_dim=1536,
            tie_embeddings=True,
            rope_theta=100_000.0,
        ),
        512,
        2,
    ),
    "1b": (
        dict(
            dim=2048,
            n_layers=16,
            n_heads=32,
            n_kv_heads=8,
            ffn_hidden_dim=8192,
            tie_embeddings=True,
            rope_theta=500_000.0,
        ),
        4096,
        4,
    ),
}


def random_data(directory: Path, vocab_size: int, tokens: int) -> Path:
    (directory / "tokens").mkdir(parents=True)
    np.save(
        directory / "tokens" / "shard-00000.npy",
        np.random.default_rng(0).integers(0, vocab_size, size=tokens).astype(np.uint16),
    )
    manifest = {
        "format": "codellama-tokens-v1",
        "dtype": "uint16",
        "tokenizer": {"vocab_size": vocab_size},
        "num_tokens": tokens,
        "shards": [{"tokens": "tokens/shard-00000.npy", "num_tokens": tokens}],
    }
    (directory / "manifest.json").write_text(json.dumps(manifest))
    return directory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", choices=SHAPES, default="tiny")
    parser.add_argument("--steps", type=int, default=5, help="timed steps (after --warmup)")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--seq-len", type=int, default=None)
    parser.add_argument("--micro-batch", type=int, default=None)
    parser.add_argument("--accumulation", type=int, default=1)
    parser.add_argument("--compile", action="store_true")
    parser.add_argument("--activation-checkpointing", action="store_true")
    parser.add_argument("--peak-tflops", type=float, default=None, help="override the peak used for MFU")
    args = parser.parse_args()

    import torch.distributed as dist

    from codellama.train.config import TrainConfig
    from codellama.train.trainer import Trainer, init_distributed

    shape, seq_len, micro = SHAPES[args.config]
    seq_len, micro = args.seq_len or seq_len, args.micro_batch or micro
    rank, world, device = init_distributed()
    with tempfile.TemporaryDirectory() as tmp:
        data = random_data(Path(tmp) / "data", 49155, max(4 * seq_len * micro * world * args.accumulation, 2**20))
        config = TrainConfig(
            model_args=shape,
            infill_family="starcoder",
            data=[(str(data), 1.0)],
            seq_len=seq_len,
            batch_tokens=seq_len * micro * world * args.accumulation,
            micro_batch=micro,
            steps=args.warmup + args.steps,
            warmup_steps=1,
            out=str(Path(tmp) / "run"),
            compile=args.compile,
            activation_checkpointing=args.activation_checkpointing,
            peak_tflops=args.peak_tflops,
            export=[],
        )
        trainer = Trainer(config, rank, world, device)
        records = [trainer.step(s) for s in range(config.steps)][args.warmup :]
    if rank == 0:
        best = statistics.median(r["tokens_per_s"] for r in records)
        mfu = statistics.median(r["mfu"] for r in records)
        print(
            f"config {args.config}: {trainer.args.num_params / 1e6:.1f}M parameters, seq_len {seq_len}, "
            f"{config.batch_tokens:,} tokens/step on {world} x {device}"
        )
        print(
            f"FLOPs/token {trainer.flops_per_token / 1e6:.1f}M, peak {trainer.peak / 1e12:.2f} TFLOP/s "
            f"({trainer.peak_source})"
        )
        print(f"tokens/s (median of {len(records)} steps): {best:,.0f} total, {best / world:,.0f} per device")
        print(f"MFU: {100 * mfu:.1f}%")
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
