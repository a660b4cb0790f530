"""What a batch of decode rows costs in the default model's linear layers, as loaded, on this CPU.

A server batches clients so that one read of the weights serves many rows. That pays only where the layers'
kernel takes less than N times as long for N rows as for one. For each row count this times every linear layer
of one transformer block and the output layer, as loaded (`--quant`, default auto: the GGUF's int4 blocks),
and the same shapes as a float32 matmul over dequantised weights (what a float model runs), and prints the
model's total per step (a block's layers times the block count, plus the output layer) and the rows per step's
time against one row: the most any batched server can gain over one stream at that batch, before the rest of
the step (attention, norms, sampling, scheduling) is counted.

    .venv/bin/python benchmarks/batch_kernels.py [--rows 1,2,4,8,16,32] [--quant auto]
"""

from __future__ import annotations

import argparse
import time

import torch
import torch.nn.functional as F

from codellama.checkpoints import load_model
from codellama.quant import QUANT_CHOICES


def best_seconds(fn, *args, repeats: int = 30) -> float:
    for _ in range(3):
        fn(*args)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - started)
    return best


def float_weight(layer: torch.nn.Module) -> torch.Tensor:
    """The layer's weight as float32 (N, K), however it is stored."""
    if hasattr(layer, "dequantized"):
        return layer.dequantized().float()[: layer.out_features]
    if hasattr(layer, "weight_int8") and layer.weight_int8 is not None:
        return layer.weight_int8.float() * layer.scales.float()[:, None]
    if hasattr(layer, "unpacked"):
        return layer.unpacked()[: layer.out_features].float() * layer.scales.float()[:, None]
    return layer.weight.float()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1,2,4,8,16,32")
    parser.add_argument("--quant", default="auto", choices=QUANT_CHOICES)
    args = parser.parse_args()
    model, _ = load_model(None, quant=args.quant)
    block = model.layers[0]
    layers = [(n, m) for n, m in block.named_modules() if n and not list(m.children()) and hasattr(m, "in_features")]
    layers.append(("output", model.output))
    blocks = len(model.layers)
    print(f"default model, --quant {args.quant}: {blocks} blocks; one block's linears and the output layer:")
    for name, layer in layers:
        print(f"  {name:<22} {type(layer).__name__:<14} {layer.out_features} x {layer.in_features}")
    rows_list = [int(r) for r in args.rows.split(",")]
    header = (
        f"{'rows':>5} {'as loaded ms':>13} {'x one row':>10} {'rows/x':>7} {'float32 ms':>11} {'x one row':>10} "
        f"{'best rows/x':>12}"
    )
    print(header)
    one = {}
    with torch.inference_mode():
        floats = [float_weight(layer) for _, layer in layers]
        for rows in rows_list:
            total = {"loaded": 0.0, "float": 0.0}
            for (name, layer), weight in zip(layers, floats):
                x = torch.randn(rows, layer.in_features)
                count = 1 if name == "output" else blocks
                total["loaded"] += count * best_seconds(layer, x)
                total["float"] += count * best_seconds(F.linear, x, weight)
            one.setdefault("loaded", total["loaded"])
            one.setdefault("float", total["float"])
            grow = total["loaded"] / one["loaded"]
            print(
                f"{rows:>5} {total['loaded'] * 1e3:>13.2f} {grow:>10.2f} {rows / grow:>7.2f} "
                f"{total['float'] * 1e3:>11.2f} {total['float'] / one['float']:>10.2f} "
                f"{rows * one['loaded'] / min(total['loaded'], total['float']):>12.2f}"
            )
    print(
        "rows/x: tokens per step's time against one row's, the ceiling of a batch's gain from these layers; best "
        "rows/x: the same with whichever of the two is faster at that batch, against one row as loaded"
    )


if __name__ == "__main__":
    main()
