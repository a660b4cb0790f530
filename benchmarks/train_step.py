"""Training throughput: tokens/s and model FLOPs utilisation (MFU) of the real training step.

Runs `codellama.train.trainer.Trainer.step` (FSDP2-wrapped model, AdamW, clipping, accumulation,
packed documents kept apart, the loss chunk by chunk) on random tokens for a named model shape,
after warm-up steps, and prints the median step's tokens/s and MFU. MFU = tokens/s * FLOPs per
token (6 * matmul parameters + attention) / peak, against two peaks:
- the datasheet's dense bf16 peak (H100 SXM and H200: 989 TFLOP/s, A100: 312; the bar for the ~1B
  config is 40%), on a GPU the table knows;
- the matmul peak measured in the same run on the same device (bf16 8192^3 matmuls on a GPU, the
  mean of 10 after 3; the bar: 50%), fp32 on the CPU.
`--json FILE` writes every figure.

    OMP_NUM_THREADS=2 .venv/bin/python benchmarks/train_step.py --config tiny          # CPU, ~1 minute
    .venv/bin/python benchmarks/train_step.py --config 1b --compile --json mfu.json    # one GPU
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
import torch

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
    parser.add_argument(
        "--no-document-masking", action="store_true", help="let packed documents attend across EOS (plain causal)"
    )
    parser.add_argument("--model", default=None, help="whose tokenizer (vocabulary, EOS); default the embedded model")
    parser.add_argument("--peak-tflops", type=float, default=None, help="override the datasheet peak used for MFU")
    parser.add_argument("--json", default=None, metavar="FILE", help="write the figures as JSON")
    args = parser.parse_args()

    import torch.distributed as dist

    from codellama.train.config import TrainConfig
    from codellama.train.metrics import datasheet_peak, measured_matmul_peak
    from codellama.train.trainer import Trainer, init_distributed

    shape, seq_len, micro = SHAPES[args.config]
    seq_len, micro = args.seq_len or seq_len, args.micro_batch or micro
    rank, world, device = init_distributed()
    with tempfile.TemporaryDirectory() as tmp:
        data = random_data(Path(tmp) / "data", 49155, max(4 * seq_len * micro * world * args.accumulation, 2**20))
        config = TrainConfig(
            model=args.model,
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
            document_masking=not args.no_document_masking,
            peak_tflops=args.peak_tflops,
            export=[],
        )
        trainer = Trainer(config, rank, world, device)
        records = [trainer.step(s) for s in range(config.steps)][args.warmup :]
        trainer.batches.close()
    if rank == 0:
        tokens_per_s = statistics.median(r["tokens_per_s"] for r in records)
        achieved = tokens_per_s * trainer.flops_per_token / world  # model FLOP/s per device
        sheet = datasheet_peak(device)
        if args.peak_tflops:
            sheet = (args.peak_tflops * 1e12, "given")
        measured, how = measured_matmul_peak(device)
        peak_memory = torch.cuda.max_memory_allocated(device) if device.type == "cuda" else None
        result = {
            "config": args.config,
            "parameters": trainer.args.num_params,
            "seq_len": seq_len,
            "micro_batch": micro,
            "tokens_per_step": config.batch_tokens,
            "world": world,
            "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu",
            "compile": args.compile,
            "activation_checkpointing": args.activation_checkpointing,
            "document_masking": config.document_masking,
            "timed_steps": len(records),
            "tokens_per_s": tokens_per_s,
            "tokens_per_s_per_device": tokens_per_s / world,
            "flops_per_token": trainer.flops_per_token,
            "model_tflops_per_device": achieved / 1e12,
            "datasheet_peak_tflops": sheet[0] / 1e12 if sheet else None,
            "datasheet_source": sheet[1] if sheet else None,
            "mfu_datasheet": achieved / sheet[0] if sheet else None,
            "measured_matmul_tflops": measured / 1e12,
            "measured_matmul": how,
            "mfu_measured_matmul": achieved / measured,
            "peak_memory_gib": peak_memory / 2**30 if peak_memory else None,
        }
        print(
            f"config {args.config}: {trainer.args.num_params / 1e6:.1f}M parameters, seq_len {seq_len}, "
            f"{config.batch_tokens:,} tokens/step on {world} x {device}"
        )
        print(
            f"tokens/s (median of {len(records)} steps): {tokens_per_s:,.0f} total, "
            f"{tokens_per_s / world:,.0f} per device"
        )
        print(f"model FLOPs: {trainer.flops_per_token / 1e6:.1f}M per token, {achieved / 1e12:.2f} TFLOP/s per device")
        if sheet:
            print(f"MFU vs the datasheet ({sheet[1]}: {sheet[0] / 1e12:.0f} TFLOP/s): {100 * achieved / sheet[0]:.1f}%")
        print(
            f"MFU vs the measured matmul peak ({how}: {measured / 1e12:.2f} TFLOP/s): {100 * achieved / measured:.1f}%"
        )
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
            print(f"wrote {args.json}")
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
