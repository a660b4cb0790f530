"""The trainer: FSDP2 under torchrun, AdamW with a cosine schedule, accumulation to a batch in tokens,
loss masking, console + JSONL logs, atomic DCP checkpoints with exact resume, export to Meta and HF.

Run it with `codellama train --recipe ...` (which starts torchrun), or directly:
  torchrun --nproc-per-node 8 -m codellama.train.trainer --config config.json
On GPUs parameters are computed in bfloat16 with float32 master weights and reductions; on the
CPU (gloo) everything is float32. Every rank reads the same deterministic plan of sequences
(loader.py) and takes its own share, so the losses of a run do not depend on restarts.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import socket
import sys
import time
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn.functional as F

from codellama.checkpoints import load_model
from codellama.model import ModelArgs, Transformer
from codellama.tokenizer import Tokenizer
from codellama.train.config import TrainConfig
from codellama.train.data.loader import IGNORE, PackedData
from codellama.train.metrics import flops_per_token, peak_flops

CHECKPOINTS = "checkpoints"
STATE_FILE = "train_state.json"


# -- setup --------------------------------------------------------------------------------------


def init_distributed() -> tuple[int, int, torch.device]:
    """(rank, world size, device); a lone process (no torchrun) becomes a group of one on 127.0.0.1."""
    if "RANK" not in os.environ:
        os.environ.update(
            RANK="0", WORLD_SIZE="1", LOCAL_RANK="0", MASTER_ADDR="127.0.0.1", MASTER_PORT=str(free_port())
        )
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    if torch.cuda.is_available():
        device = torch.device("cuda", local_rank)
        torch.cuda.set_device(device)
        backend = "nccl"
    else:
        device, backend = torch.device("cpu"), "gloo"
    if not dist.is_initialized():
        dist.init_process_group(backend)
    return dist.get_rank(), dist.get_world_size(), device


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_training_model(config: TrainConfig) -> tuple[Transformer, Tokenizer]:
    """(model in float32 on the CPU, tokenizer) to train: a fresh one of `config.model_args`' shape or the
    checkpoint `config.model`, with infill tokens and the context settings of the config."""
    from codellama.train.data.pipeline import load_pipeline_tokenizer
    from codellama.train.infill_tokens import prepare_for_infill

    if config.model_args is not None:
        tokenizer = load_pipeline_tokenizer(config.model, None)
        shape = {"vocab_size": tokenizer.vocab_size, **config.model_args}
        torch.manual_seed(config.seed)  # every rank builds the same initial weights
        model = Transformer(ModelArgs(**shape))
        with torch.no_grad():
            for p in model.parameters():
                if p.dim() > 1:
                    torch.nn.init.normal_(p, std=0.02)
    else:
        model, tokenizer = load_model(config.model, device="cpu", dtype=torch.float32)
    if config.infill_family and tokenizer.infill is None:
        tokenizer = prepare_for_infill(model, tokenizer, config.infill_family)
    if config.rope_theta is not None:
        model.set_rope(theta=config.rope_theta)
    model.args.max_seq_len = max(model.args.max_seq_len, config.seq_len)
    return model, tokenizer


def lr_at(step: int, config: TrainConfig) -> float:
    """Linear warm-up to the peak, then cosine decay to peak * final_lr_ratio at the last step."""
    if step < config.warmup_steps:
        return config.lr * (step + 1) / config.warmup_steps
    decay_steps = max(config.steps - config.warmup_steps - 1, 1)
    progress = min((step - config.warmup_steps) / decay_steps, 1.0)
    final = config.lr * config.final_lr_ratio
    return final + 0.5 * (config.lr - final) * (1 + math.cos(math.pi * progress))


def apply_activation_checkpointing(model: Transformer) -> None:
    """Recompute each block's activations in the backward pass (names of parameters are unchanged)."""
    from torch.utils.checkpoint import checkpoint

    for block in model.layers:
        forward = block.forward
        block.forward = lambda *args, _forward=forward: checkpoint(_forward, *args, use_reentrant=False)


def apply_fsdp(model: Transformer, device: torch.device) -> None:
    """FSDP2: shard each transformer block, then the root (embeddings, norm, output)."""
    from torch.distributed.fsdp import MixedPrecisionPolicy, fully_shard

    if device.type == "cuda":
        policy = MixedPrecisionPolicy(param_dtype=torch.bfloat16, reduce_dtype=torch.float32)
    else:
        policy = MixedPrecisionPolicy()  # bf16 is erratic on CPUs: stay in float32
    for block in model.layers:
        fully_shard(block, mp_policy=policy)
    fully_shard(model, mp_policy=policy)


def apply_lora(model: Transformer, config: TrainConfig):
    from peft import LoraConfig, get_peft_model

    lora = config.lora
    peft_config = LoraConfig(
        r=lora.rank, lora_alpha=lora.alpha, lora_dropout=lora.dropout, target_modules=lora.target_modules
    )
    return get_peft_model(model, peft_config)


# -- the run --------------------------------------------------------------------------------------


class Trainer:
    def __init__(self, config: TrainConfig, rank: int, world: int, device: torch.device):
        self.config, self.rank, self.world, self.device = config, rank, world, device
        self.out = Path(config.out)
        self.data = PackedData(config.data, config.seq_len, config.seed)
        model, self.tokenizer = build_training_model(config)
        if self.data.vocab_size > model.args.vocab_size:
            raise ValueError(
                f"the data was tokenised with {self.data.vocab_size} tokens but the model has "
                f"{model.args.vocab_size}; prepare the data with this model's tokenizer (--model)"
            )
        self.args: ModelArgs = model.args
        self.base = model
        if config.lora is not None:
            if world > 1:
                raise ValueError("LoRA training runs on one GPU (or the CPU); use --nproc-per-node 1")
            model = apply_lora(model, config).to(device)
            self.model = model
        else:
            if config.activation_checkpointing:
                apply_activation_checkpointing(model)
            if config.compile:
                for block in model.layers:
                    block.compile()
            apply_fsdp(model, device)
            model.to(device)  # moves only this rank's shards
            self.model = model
        params = [p for p in self.model.parameters() if p.requires_grad]
        groups = [
            {"params": [p for p in params if p.dim() >= 2], "weight_decay": config.weight_decay},
            {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0},
        ]
        self.optimizer = torch.optim.AdamW(groups, lr=config.lr, betas=config.betas, fused=device.type == "cuda")
        seqs = max(config.batch_tokens // config.seq_len, 1)
        per_round = config.micro_batch * world
        self.accumulation = max(math.ceil(seqs / per_round), 1)
        self.seqs_per_step = self.accumulation * per_round
        self.flops_per_token = flops_per_token(self.args, config.seq_len)
        self.peak, self.peak_source = peak_flops(device, config.peak_tflops) if rank == 0 else (0.0, "")
        self.start_step = self._resume()

    # -- logging -----------------------------------------------------------------------------
    def log(self, record: dict) -> None:
        if self.rank != 0:
            return
        with open(self.out / "log.jsonl", "a") as f:
            f.write(json.dumps(record) + "\n")
        if "loss" in record:
            print(
                f"step {record['step']:>6}/{self.config.steps}  loss {record['loss']:.4f}  lr {record['lr']:.2e}  "
                f"grad_norm {record['grad_norm']:.3f}  {record['tokens_per_s']:,.0f} tokens/s  "
                f"MFU {100 * record['mfu']:.1f}%",
                flush=True,
            )
        else:
            print(f"[codellama train] {json.dumps(record)}", flush=True)

    # -- one step ----------------------------------------------------------------------------
    def step(self, step: int) -> dict:
        c = self.config
        started = time.perf_counter()
        first = step * self.seqs_per_step
        micro = []
        for m in range(self.accumulation):
            offset = first + (m * self.world + self.rank) * c.micro_batch
            micro.append(self.data.batch(offset, c.micro_batch))
        counts = torch.tensor([float(sum((y != IGNORE).sum() for _, y in micro))], device=self.device)
        dist.all_reduce(counts)
        total_targets = max(counts.item(), 1.0)
        loss_sum = torch.zeros((), device=self.device)
        for x, y in micro:
            x, y = x.to(self.device), y.to(self.device)
            with torch.autocast("cuda", torch.bfloat16, enabled=self.device.type == "cuda" and c.lora is not None):
                logits = self.model(x)
            loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), y.view(-1), ignore_index=IGNORE, reduction="sum")
            # FSDP averages gradients over ranks: scale so the result is the mean over the global batch
            (loss * (self.world / total_targets)).backward()
            loss_sum += loss.detach()
        grad_norm = torch.nn.utils.clip_grad_norm_([p for p in self.model.parameters() if p.requires_grad], c.grad_clip)
        if hasattr(grad_norm, "full_tensor"):
            grad_norm = grad_norm.full_tensor()
        lr = lr_at(step, c)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        dist.all_reduce(loss_sum)
        if self.device.type == "cuda":
            torch.cuda.synchronize()
        seconds = time.perf_counter() - started
        tokens = self.seqs_per_step * c.seq_len
        tokens_per_s = tokens / seconds
        mfu = tokens_per_s * self.flops_per_token / (self.peak * self.world) if self.peak else 0.0
        return {
            "step": step + 1,
            "loss": loss_sum.item() / total_targets,
            "lr": lr,
            "grad_norm": grad_norm.item(),
            "tokens": tokens,
            "tokens_per_s": tokens_per_s,
            "mfu": mfu,
            "seconds": seconds,
        }

    def train(self) -> None:
        c = self.config
        if self.rank == 0:
            self.out.mkdir(parents=True, exist_ok=True)
            (self.out / "config.json").write_text(json.dumps(json.loads(c.to_json()), indent=2))
        self.log(
            {
                "event": "start",
                "from_step": self.start_step,
                "world": self.world,
                "device": str(self.device),
                "parameters": self.args.num_params,
                "sequences_per_step": self.seqs_per_step,
                "accumulation": self.accumulation,
                "tokens_per_step": self.seqs_per_step * c.seq_len,
                "peak_flops": self.peak,
                "peak_source": self.peak_source,
                "warmup_steps": c.warmup_steps,
                **({"warmup_note": c.warmup_note} if c.warmup_note else {}),
            }
        )
        for step in range(self.start_step, c.steps):
            record = self.step(step)
            if (step + 1) % c.log_every == 0 or step + 1 == c.steps:
                self.log(record)
            if (step + 1) % c.save_every == 0 or step + 1 == c.steps:
                self.save(step + 1)
        self.export()

    # -- checkpoints -------------------------------------------------------------------------
    def _state(self) -> dict:
        from torch.distributed.checkpoint.state_dict import get_state_dict

        model_state, optim_state = get_state_dict(self.model, self.optimizer)
        return {"model": model_state, "optim": optim_state}

    def save(self, step: int) -> None:
        """Write to step-N.tmp, then rename to step-N: a checkpoint directory without .tmp is always whole."""
        import torch.distributed.checkpoint as dcp

        root = self.out / CHECKPOINTS
        final, tmp = root / f"step-{step:07d}", root / f"step-{step:07d}.tmp"
        if self.rank == 0:
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
        dist.barrier()
        dcp.save(self._state(), checkpoint_id=str(tmp))
        dist.barrier()
        if self.rank == 0:
            (tmp / STATE_FILE).write_text(json.dumps({"step": step, "world": self.world}))
            shutil.rmtree(final, ignore_errors=True)
            os.replace(tmp, final)
            kept = sorted(p for p in root.glob("step-*") if not p.name.endswith(".tmp"))
            for old in kept[: -self.config.keep_checkpoints]:
                shutil.rmtree(old, ignore_errors=True)
            self.log({"event": "checkpoint", "step": step, "path": str(final)})
        dist.barrier()

    def _resume(self) -> int:
        import torch.distributed.checkpoint as dcp
        from torch.distributed.checkpoint.state_dict import set_state_dict

        root = self.out / CHECKPOINTS
        done = sorted(p for p in root.glob("step-*") if not p.name.endswith(".tmp") and (p / STATE_FILE).exists())
        if not done:
            return 0
        latest = done[-1]
        state = self._state()
        dcp.load(state, checkpoint_id=str(latest))
        set_state_dict(self.model, self.optimizer, model_state_dict=state["model"], optim_state_dict=state["optim"])
        step = json.loads((latest / STATE_FILE).read_text())["step"]
        self.log({"event": "resume", "step": step, "path": str(latest)})
        return step

    # -- export ------------------------------------------------------------------------------
    def export(self) -> None:
        """The trained weights as Hugging Face and/or Meta checkpoints (with the tokenizer) under out/export/."""
        from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

        from codellama.checkpoints import write_hf, write_meta

        if not self.config.export:
            return
        if self.config.lora is not None:
            full = {k: v.detach().cpu() for k, v in self.model.merge_and_unload().state_dict().items()}
        else:
            full = get_model_state_dict(self.model, options=StateDictOptions(full_state_dict=True, cpu_offload=True))
        if self.rank == 0:
            model = Transformer(self.args)
            model.load_state_dict({k: v.float() for k, v in full.items()}, strict=False)
            for fmt in self.config.export:
                directory = self.out / "export" / fmt
                (write_hf if fmt == "hf" else write_meta)(model, directory)
                self.tokenizer.save(directory)
                self.log({"event": "export", "format": fmt, "path": str(directory)})
        dist.barrier()


def run(config: TrainConfig) -> None:
    rank, world, device = init_distributed()
    try:
        Trainer(config, rank, world, device).train()
    finally:
        dist.destroy_process_group()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the codellama trainer (start it with torchrun)")
    parser.add_argument("--config", required=True, help="a JSON file of TrainConfig settings")
    args = parser.parse_args(argv)
    config = TrainConfig.from_dict(json.loads(Path(args.config).read_text()), args.config)
    try:
        run(config)
    except ValueError as e:
        print(f"codellama train: error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
