"""The trainer: FSDP2 under torchrun, AdamW with a cosine schedule, accumulation to a batch in tokens,
loss masking, console + JSONL logs, atomic DCP checkpoints with exact resume, export to Meta and HF.

Run it with `codellama train --recipe ...` (which starts torchrun), or directly:
  torchrun --nproc-per-node 8 -m codellama.train.trainer --config config.json
On GPUs parameters are computed in bfloat16 with float32 master weights and reductions; on the
CPU (gloo) everything is float32. Every rank reads the same deterministic plan of sequences
(loader.py) and takes its own share, so the losses of a run do not depend on restarts.

At full speed on a GPU: the model is built on the meta device, sharded, then materialised (no rank holds a
whole float32 copy: rank 0 reads a checkpoint and broadcasts it into the shards; a fresh model is initialised
shard by shard); attention runs without a mask (SDPA's flash kernels) and packed documents are kept apart by
flex_attention's block mask (document_masking); the loss is cross-entropy chunk by chunk inside the forward
(no whole (B, T, V) float32 logits); rotary tables stay float32 in the blocks (FSDP casts no block inputs).
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
from torch import nn

from codellama.checkpoints import load_model, read_checkpoint, resolve_model_path
from codellama.model import ModelArgs, Transformer, document_ids_from_separators
from codellama.tokenizer import Tokenizer
from codellama.train.config import TrainConfig
from codellama.train.data.loader import IGNORE, BatchPrefetcher, PackedData
from codellama.train.metrics import flops_per_token, peak_flops

CHECKPOINTS = "checkpoints"
BUDGET_PROBE_STEPS = 3  # steps (past the first: compilation) timed before a time budget fits the run to it
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
        # device_id binds the group to this rank's GPU at once (NCCL then need not guess it on first use)
        dist.init_process_group(backend, device_id=device if device.type == "cuda" else None)
    return dist.get_rank(), dist.get_world_size(), device


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_training_model(config: TrainConfig, device: str | torch.device = "cpu") -> tuple[Transformer, Tokenizer]:
    """(model in float32 on `device`, tokenizer) to train: a fresh one of `config.model_args`' shape or the
    checkpoint `config.model`, with infill tokens and the context settings of the config. On the meta device
    the model has its shapes and no weights (nothing is read but the checkpoint's header)."""
    model, tokenizer, _ = _build(config, device)
    return model, tokenizer


def _build(config: TrainConfig, device: str | torch.device) -> tuple[Transformer, Tokenizer, int]:
    """build_training_model, and the vocabulary size before infill tokens were added (their rows start there)."""
    from codellama.tokenizer import check_vocab
    from codellama.train.data.pipeline import load_pipeline_tokenizer
    from codellama.train.infill_tokens import prepare_for_infill

    meta = torch.device(device).type == "meta"
    if config.model_args is not None:
        tokenizer = load_pipeline_tokenizer(config.model, None)
        shape = {"vocab_size": tokenizer.vocab_size, **config.model_args}
        with torch.device("meta"):
            model = Transformer(ModelArgs(**shape))
        if not meta:
            model.to_empty(device=device)
            initialise_weights(model, config.seed)
    elif meta:
        path = resolve_model_path(config.model)
        args, _, _, tokenizer = read_checkpoint(path)
        check_vocab(tokenizer, args.vocab_size, str(path))
        with torch.device("meta"):
            model = Transformer(args)
    else:
        # the checkpoint as its file holds it: a delta (checkpoints/delta.py) is never trained on
        model, tokenizer = load_model(config.model, device=device, dtype=torch.float32, delta=False)
    base_vocab = model.args.vocab_size
    if config.infill_family and tokenizer.infill is None:
        tokenizer = prepare_for_infill(model, tokenizer, config.infill_family)
    if config.rope_theta is not None:
        model.set_rope(theta=config.rope_theta)
    elif not meta:
        model.set_rope(device=device)  # the frequencies of a model built on the meta device
    model.args.max_seq_len = max(model.args.max_seq_len, config.seq_len)
    return model, tokenizer, base_vocab


def initial_value(name: str, shape: torch.Size, generator: torch.Generator, device: torch.device) -> torch.Tensor:
    """A fresh model's value of parameter `name`: weights ~ N(0, 0.02), norm weights 1, biases 0."""
    if len(shape) >= 2:
        return torch.randn(shape, generator=generator, device=device) * 0.02
    return torch.zeros(shape, device=device) if name.endswith("bias") else torch.ones(shape, device=device)


@torch.no_grad()
def initialise_weights(model: nn.Module, seed: int) -> None:
    """Fresh weights, parameter by parameter from one seeded generator, the same on every rank and for every
    world size: a sharded (FSDP) parameter gets its shard of the whole value (one parameter is whole at a time)."""
    from torch.distributed.tensor import DTensor, distribute_tensor

    device = next(model.parameters()).device
    generator = torch.Generator(device).manual_seed(seed)
    for name, p in model.named_parameters():
        value = initial_value(name, p.shape, generator, device)
        if isinstance(p, DTensor):
            value = distribute_tensor(value, p.device_mesh, p.placements, src_data_rank=None)
        p.copy_(value)


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


def apply_fsdp(model: Transformer, device: torch.device, param_dtype: torch.dtype | None = None) -> None:
    """FSDP2: shard each transformer block, then the root (embeddings, norm, output).

    On GPUs the blocks compute in bfloat16 (float32 master weights and reductions). The blocks' inputs are not
    cast: the activations arrive in bfloat16 from the bfloat16 embedding anyway, and the rotary tables (cos, sin)
    must stay float32 (as at inference)."""
    from torch.distributed.fsdp import MixedPrecisionPolicy, fully_shard

    if param_dtype is None:  # bf16 is erratic on CPUs: stay in float32 there
        param_dtype = torch.bfloat16 if device.type == "cuda" else None
    blocks = MixedPrecisionPolicy(param_dtype=param_dtype, reduce_dtype=torch.float32, cast_forward_inputs=False)
    root = MixedPrecisionPolicy(param_dtype=param_dtype, reduce_dtype=torch.float32)  # its inputs are token ids
    for block in model.layers:
        fully_shard(block, mp_policy=blocks)
    fully_shard(model, mp_policy=root)


def apply_lora(
    model: Transformer,
    config: TrainConfig,
    device: torch.device,
    new_rows: range = range(0),
    base_dtype: torch.dtype | None = None,
):
    """peft LoRA adapters (float32) on the target modules; the frozen base weights in `base_dtype` (default:
    bfloat16 on a GPU, as they are elsewhere).
    The rows of tokens added for infilling (`new_rows`) are trained too (a new token has no adapter): the
    embedding (tied or not, and the output layer when untied) stays float32 and trainable, with the gradient of
    every other row zeroed, so only the new rows ever change (see `trainable_parameters`)."""
    from peft import LoraConfig, get_peft_model

    lora = config.lora
    peft_config = LoraConfig(
        r=lora.rank, lora_alpha=lora.alpha, lora_dropout=lora.dropout, target_modules=lora.target_modules
    )
    if base_dtype is None and device.type == "cuda":
        base_dtype = torch.bfloat16
    if base_dtype is not None:
        tables = {id(model.tok_embeddings.weight), id(model.output.weight)}
        for p in model.parameters():
            if id(p) not in tables:
                p.data = p.data.to(base_dtype)
    peft_model = get_peft_model(model, peft_config, autocast_adapter_dtype=True)  # adapters in float32
    peft_model.to(device)
    if len(new_rows):
        for table in {id(t): t for t in (model.tok_embeddings.weight, model.output.weight)}.values():
            table.requires_grad_(True)
            keep = torch.zeros(table.shape[0], 1, device=table.device, dtype=table.dtype)
            keep[new_rows.start : new_rows.stop] = 1
            table.register_hook(lambda grad, keep=keep: grad * keep)
    return peft_model


def trainable_parameters(model: nn.Module) -> list[dict]:
    """AdamW groups: matrices decay, vectors and token tables do not (with a zero gradient a row of the table
    then never moves: only the new token rows of a LoRA run are trained)."""
    params = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    tables = ("tok_embeddings.weight", "output.weight")
    decayed = [p for n, p in params if p.dim() >= 2 and not n.endswith(tables)]
    plain = [p for n, p in params if p.dim() < 2 or n.endswith(tables)]
    return [d for d in ({"params": decayed}, {"params": plain, "weight_decay": 0.0}) if d["params"]]


def chunked_cross_entropy(
    hidden: torch.Tensor, output: nn.Linear, targets: torch.Tensor, chunk_tokens: int = 4096
) -> torch.Tensor:
    """The summed cross-entropy of `output(hidden)` against `targets` (-100: ignored), `chunk_tokens` positions
    at a time: each chunk's logits are made in float32, reduced to a loss and dropped, then made again in the
    backward pass (torch.utils.checkpoint), so no whole (B, T, V) logits are ever held. For `Transformer(...,
    head=...)`, inside the forward, where FSDP has the output layer's weight gathered."""
    from torch.utils.checkpoint import checkpoint

    hidden = hidden.reshape(-1, hidden.shape[-1])
    targets = targets.reshape(-1)
    total = hidden.new_zeros((), dtype=torch.float32)
    for start in range(0, hidden.shape[0], chunk_tokens):
        end = start + chunk_tokens
        total = total + checkpoint(_chunk_loss, hidden[start:end], output, targets[start:end], use_reentrant=False)
    return total


def _chunk_loss(hidden: torch.Tensor, output: nn.Linear, targets: torch.Tensor) -> torch.Tensor:
    return F.cross_entropy(output(hidden).float(), targets, ignore_index=IGNORE, reduction="sum")


def training_loss(
    model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    eos_id: int | None,
    chunk_tokens: int = 4096,
    autocast: bool = False,
) -> torch.Tensor:
    """The summed loss of one micro-batch (x, y: (B, T)): with `eos_id`, the documents packed in each sequence
    (EOS ends one) attend only within themselves; the loss is cross-entropy chunk by chunk inside the forward.
    `autocast`: bfloat16 autocast on a GPU (LoRA: a bf16 base under float32 adapters)."""
    document_ids = document_ids_from_separators(x, eos_id) if eos_id is not None else None

    def head(hidden: torch.Tensor, output: nn.Linear) -> torch.Tensor:
        return chunked_cross_entropy(hidden, output, y, chunk_tokens)

    with torch.autocast("cuda", torch.bfloat16, enabled=autocast):
        return model(x, document_ids=document_ids, head=head)


# -- the run --------------------------------------------------------------------------------------


class Trainer:
    def __init__(self, config: TrainConfig, rank: int, world: int, device: torch.device):
        self.config, self.rank, self.world, self.device = config, rank, world, device
        self.out = Path(config.out)
        self.data = PackedData(config.data, config.seq_len, config.seed)
        lora = config.lora is not None
        if lora and world > 1:
            raise ValueError("LoRA training runs on one GPU (or the CPU); use --nproc-per-node 1")
        # LoRA: one process, the base read as it is; FSDP: shapes only, every rank, weights after sharding
        model, self.tokenizer, base_vocab = _build(config, "cpu" if lora else "meta")
        if self.data.vocab_size > model.args.vocab_size:
            raise ValueError(
                f"the data was tokenised with {self.data.vocab_size} tokens but the model has "
                f"{model.args.vocab_size}; prepare the data with this model's tokenizer (--model)"
            )
        self.args: ModelArgs = model.args
        self.new_token_rows = range(base_vocab, model.args.vocab_size)
        self.eos_id = self.tokenizer.eos_id if config.document_masking else None
        if lora:
            self.model = apply_lora(model, config, device, self.new_token_rows)
            if config.compile:
                for block in model.layers:  # (peft's layers sit inside them)
                    block.compile()
        else:
            if config.activation_checkpointing:
                apply_activation_checkpointing(model)
            if config.compile:
                for block in model.layers:
                    block.compile()
            apply_fsdp(model, device)
            self._materialise(model)
            self.model = model
        fused = device.type == "cuda"
        self.optimizer = torch.optim.AdamW(
            trainable_parameters(self.model),
            lr=config.lr,
            betas=config.betas,
            weight_decay=config.weight_decay,
            fused=fused,
        )
        seqs = max(config.batch_tokens // config.seq_len, 1)
        per_round = config.micro_batch * world
        self.accumulation = max(math.ceil(seqs / per_round), 1)
        self.seqs_per_step = self.accumulation * per_round
        self.flops_per_token = flops_per_token(self.args, config.seq_len)
        self.peak, self.peak_source = peak_flops(device, config.peak_tflops) if rank == 0 else (0.0, "")
        self.batches = BatchPrefetcher(self.data, self._micro_offsets, config.micro_batch, pin=device.type == "cuda")
        self.start_step = self._resume()
        self.stopped_early = False

    def _materialise(self, model: Transformer) -> None:
        """Give the sharded meta model its weights: a checkpoint's, read by rank 0 alone and broadcast into
        every rank's shards, or fresh ones made shard by shard."""
        from torch.distributed.checkpoint.state_dict import StateDictOptions, set_model_state_dict

        model.to_empty(device=self.device)
        model.set_rope(device=self.device)  # a buffer, not a parameter: to_empty left it uninitialised
        if self.config.model_args is not None:
            initialise_weights(model, self.config.seed)
            return
        full = build_training_model(self.config, "cpu")[0].state_dict() if self.rank == 0 else {}
        options = StateDictOptions(full_state_dict=True, broadcast_from_rank0=True)
        set_model_state_dict(model, full, options=options)
        del full

    def _micro_offsets(self, step: int) -> list[int]:
        """The first global sequence number of each of this rank's micro-batches in `step`."""
        first, c = step * self.seqs_per_step, self.config
        return [first + (m * self.world + self.rank) * c.micro_batch for m in range(self.accumulation)]

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
    def loss_sum(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        autocast = self.device.type == "cuda" and self.config.lora is not None  # FSDP casts for itself
        return training_loss(self.model, x, y, self.eos_id, self.config.loss_chunk_tokens, autocast)

    def step(self, step: int) -> dict:
        c = self.config
        started = time.perf_counter()
        micro = self.batches.get(step)
        counts = torch.tensor([float(sum((y != IGNORE).sum() for _, y in micro))], device=self.device)
        dist.all_reduce(counts)
        total_targets = max(counts.item(), 1.0)
        loss_sum = torch.zeros((), device=self.device)
        for x, y in micro:
            x, y = x.to(self.device, non_blocking=True), y.to(self.device, non_blocking=True)
            loss = self.loss_sum(x, y)
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

    def fit_to_budget(self, started: float, done: int, step_seconds: float) -> None:
        """With a time budget (max_minutes), shorten the run to the steps that fit at the speed measured now
        (past compilation and warm-up), so the learning rate decays to its end within the budget; every rank
        takes rank 0's figure."""
        c = self.config
        if c.max_minutes is None:
            return
        left = torch.tensor([60 * c.max_minutes - (time.monotonic() - started)], device=self.device)
        dist.broadcast(left, 0)
        fits = done + max(int(left.item() / max(step_seconds, 1e-6)), 0)
        if fits < c.steps:
            self.log({"event": "steps fitted to the time budget", "steps": fits, "was": c.steps})
            c.steps = max(fits, done)
            c.warmup_steps = min(c.warmup_steps, c.steps)

    def out_of_time(self, started: float) -> bool:
        """Whether the run's time budget (max_minutes) is spent, agreed by every rank."""
        if self.config.max_minutes is None:
            return False
        spent = torch.tensor([time.monotonic() - started], device=self.device)
        dist.all_reduce(spent, op=dist.ReduceOp.MAX)
        return spent.item() >= 60 * self.config.max_minutes

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
        started, step = time.monotonic(), self.start_step - 1
        for step in range(self.start_step, c.steps):
            record = self.step(step)
            if step == self.start_step + BUDGET_PROBE_STEPS:
                self.fit_to_budget(started, step + 1, record["seconds"])
            last = step + 1 >= c.steps or self.out_of_time(started)
            if (step + 1) % c.log_every == 0 or last:
                self.log(record)
            if (step + 1) % c.save_every == 0 or last:
                self.save(step + 1)
            if last:
                break
        if step + 1 < c.steps:
            self.stopped_early = True
            self.log({"event": "time budget", "step": step + 1, "max_minutes": c.max_minutes})
        self.batches.close()
        self.steps_done = step + 1
        self.export_delta()
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
    def export_delta(self) -> None:
        """A LoRA run with delta_out: the adapters and new token rows as a compact delta (delta_export.py)."""
        from codellama.train.delta_export import export_delta

        c = self.config
        if c.lora is None or c.delta_out is None:
            return
        run = {
            "steps": self.steps_done,
            "tokens_seen": self.steps_done * self.seqs_per_step * c.seq_len,
            "stopped_early": self.stopped_early,
            "document_masking": c.document_masking,
        }
        files = export_delta(self.model, self.model.get_base_model(), self.tokenizer, c, self.new_token_rows, run)
        self.log({"event": "delta", "path": c.delta_out, "files": files, **run})

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
