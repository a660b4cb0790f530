"""A LoRA run's compact delta (checkpoints/delta.py): its adapters and the rows of the tokens it added, with
where the base, the data and the settings came from. Written at the end of a run with `delta_out` set."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import torch
from torch import nn

from codellama.checkpoints import resolve_model_path
from codellama.checkpoints.delta import fingerprint, write_delta
from codellama.tokenizer import Tokenizer
from codellama.train.config import TrainConfig


def lora_tensors(peft_model: nn.Module) -> tuple[dict[str, tuple[torch.Tensor, torch.Tensor]], float]:
    """{our weight name: (A (r, in), B (out, r))} of a peft LoRA model's adapters, and their scale (alpha / r)."""
    adapters, scales = {}, set()
    for name, module in peft_model.named_modules():
        if not hasattr(module, "lora_A") or "default" not in getattr(module, "lora_A", {}):
            continue
        ours = name.removeprefix("base_model.model.") + ".weight"
        adapters[ours] = (module.lora_A["default"].weight.detach(), module.lora_B["default"].weight.detach())
        scales.add(float(module.scaling["default"]))
    if not adapters or len(scales) != 1:
        raise ValueError(f"expected LoRA adapters of one scale, found {len(adapters)} adapters, scales {scales}")
    return adapters, scales.pop()


def data_provenance(sources: list[tuple[str, float]]) -> list[dict]:
    """Per prepared data directory: its tokens, FIM settings, and the kept documents counted by source and licence
    (from the pipeline's documents/*.jsonl)."""
    described = []
    for directory, weight in sources:
        directory = Path(directory)
        manifest = json.loads((directory / "manifest.json").read_text())
        licences: Counter = Counter()
        for part in sorted((directory / "documents").glob("*.jsonl")):
            for line in part.read_text().splitlines():
                if line.strip():
                    doc = json.loads(line)
                    licences[(doc.get("source", "?"), doc.get("license", "unknown"))] += 1
        described.append(
            {
                "directory": f"{directory.parent.name}/{directory.name}",
                "weight": weight,
                "tokens": manifest.get("num_tokens"),
                "fim": manifest.get("fim"),
                "documents_by_source_and_license": [
                    {"source": source, "license": licence, "documents": n}
                    for (source, licence), n in sorted(licences.items())
                ],
            }
        )
    return described


def export_delta(
    peft_model: nn.Module,
    base: nn.Module,
    tokenizer: Tokenizer,
    config: TrainConfig,
    new_rows: range,
    run: dict,
) -> list[str]:
    """Write the delta of a LoRA run into config.delta_out; returns the files written."""
    if config.model_args is not None:
        raise ValueError("delta_out needs a base checkpoint (model), not a fresh model_args model")
    adapters, scale = lora_tensors(peft_model)
    tables = {"tok_embeddings": base.tok_embeddings.weight[new_rows.start : new_rows.stop]}
    if base.output.weight is not base.tok_embeddings.weight:
        tables["output"] = base.output.weight[new_rows.start : new_rows.stop]
    path = resolve_model_path(config.model)
    manifest = {
        "base": {
            "file": path.name,
            "bytes": path.stat().st_size if path.is_file() else None,
            "sha256": fingerprint(path),
            "vocab_size": new_rows.start,
        },
        "added_tokens": {
            "family": tokenizer.infill.family if tokenizer.infill else None,
            "pieces": [tokenizer.id_to_piece(i) for i in new_rows],
            "ids": list(new_rows),
        },
        "lora": {
            "rank": config.lora.rank,
            "alpha": config.lora.alpha,
            "scale": scale,
            "target_modules": config.lora.target_modules,
        },
        "merge": "W + scale * B @ A on the dequantised weight; token rows appended (checkpoints/delta.py)",
        "recipe": {
            k: getattr(config, k)
            for k in ("seq_len", "batch_tokens", "micro_batch", "lr", "warmup_steps", "weight_decay", "max_minutes")
        },
        "data": data_provenance(config.data),
        **run,
    }
    return write_delta(config.delta_out, adapters, tables, manifest)
