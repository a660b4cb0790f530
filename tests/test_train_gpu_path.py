"""The trainer's full-speed GPU path, checked on the CPU with tiny shapes: packed documents kept apart, the loss
chunk by chunk, float32 rotary tables under a bfloat16 FSDP policy, the model materialised after sharding, LoRA
with a bfloat16 base, batches read ahead, and a time budget."""

from __future__ import annotations

import json
import os

import pytest
import torch
import torch.nn.functional as F

from codellama.model import ModelArgs, Transformer
from codellama.train.data.loader import IGNORE
from codellama.train.trainer import chunked_cross_entropy, initialise_weights, training_loss

EOS = 1
SHAPE = dict(dim=32, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden_dim=64, vocab_size=64, max_seq_len=64)


def _tiny(seed: int = 0) -> Transformer:
    torch.manual_seed(seed)
    return Transformer(ModelArgs(**SHAPE))


@pytest.fixture
def gloo_world_of_one():
    """A process group of one (gloo) in this process, as the trainer makes when started without torchrun."""
    import torch.distributed as dist

    from codellama.train.trainer import init_distributed

    saved = {k: os.environ.get(k) for k in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT")}
    for k in saved:
        os.environ.pop(k, None)
    init_distributed()
    yield
    dist.destroy_process_group()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def test_a_packed_documents_loss_equals_its_loss_alone():
    model = _tiny()
    first, second = [5, 9, 12, 7, 30, 8], [40, 41, 22, 3, 17, 50, 11]
    packed = torch.tensor([first + [EOS] + second])
    x, y = packed[:, :-1], packed[:, 1:].clone()
    y[:, : len(first)] = IGNORE  # score the second document only (its targets after the EOS)
    alone = torch.tensor([second])
    alone_loss = training_loss(model, alone[:, :-1], alone[:, 1:], EOS)
    # the EOS's own target (the second document's first token) is not part of the document alone
    y[:, len(first)] = IGNORE
    packed_loss = training_loss(model, x, y, EOS)
    assert packed_loss.item() == pytest.approx(alone_loss.item(), rel=1e-5)
    mixed = training_loss(model, x, y, None)  # attending across the boundary gives another loss
    assert abs(mixed.item() - alone_loss.item()) > 1e-3


def test_chunked_loss_has_the_plain_loss_and_gradients():
    model = _tiny()
    x = torch.randint(0, 64, (2, 24))
    y = torch.randint(0, 64, (2, 24))
    y[0, :5] = IGNORE
    plain = F.cross_entropy(model(x).view(-1, 64), y.view(-1), ignore_index=IGNORE, reduction="sum")
    plain.backward()
    expected = {n: p.grad.clone() for n, p in model.named_parameters()}
    model.zero_grad()
    chunked = model(x, head=lambda hidden, output: chunked_cross_entropy(hidden, output, y, chunk_tokens=7))
    chunked.backward()
    assert chunked.item() == pytest.approx(plain.item(), rel=1e-6)
    for name, p in model.named_parameters():
        torch.testing.assert_close(p.grad, expected[name], rtol=1e-5, atol=1e-6, msg=name)


def test_blocks_under_a_bf16_policy_get_float32_rotary_tables(gloo_world_of_one, monkeypatch):
    import codellama.model as model_module
    from codellama.train.trainer import apply_fsdp

    seen = []
    rotate = model_module.apply_rotary

    def recording(x, cos, sin):
        seen.append((x.dtype, cos.dtype, sin.dtype))
        return rotate(x, cos, sin)

    monkeypatch.setattr(model_module, "apply_rotary", recording)
    model = _tiny()
    apply_fsdp(model, torch.device("cpu"), param_dtype=torch.bfloat16)
    model(torch.randint(0, 64, (1, 8)))
    assert seen and all(t == (torch.bfloat16, torch.float32, torch.float32) for t in seen), seen


def test_a_sharded_meta_model_gets_the_fresh_weights_of_a_whole_one(gloo_world_of_one):
    from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

    from codellama.train.trainer import apply_fsdp

    whole = _tiny()
    initialise_weights(whole, seed=3)
    with torch.device("meta"):
        sharded = Transformer(ModelArgs(**SHAPE))
    apply_fsdp(sharded, torch.device("cpu"))
    sharded.to_empty(device="cpu")
    sharded.set_rope(device="cpu")
    initialise_weights(sharded, seed=3)
    full = get_model_state_dict(sharded, options=StateDictOptions(full_state_dict=True))
    for name, tensor in whole.state_dict().items():
        assert torch.equal(full[name], tensor), name
    assert whole.layers[0].attention_norm.weight.eq(1).all()
    x = torch.randint(0, 64, (1, 8))
    torch.testing.assert_close(sharded(x), whole(x))


def test_fsdp_trainer_loads_a_checkpoint_into_the_shards(gloo_world_of_one, tmp_path, smol_tokenizer):
    """Rank 0 reads the checkpoint and broadcasts it into the shards of the meta-built model: the weights are the
    checkpoint's, with the infill rows added as the plain load adds them."""
    from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

    from codellama.checkpoints import write_hf
    from codellama.train.config import TrainConfig
    from codellama.train.trainer import Trainer, build_training_model
    from tests.test_train_trainer import _corpus

    base = _tiny_checkpoint(tmp_path, smol_tokenizer)
    data = _prepared(tmp_path, smol_tokenizer, _corpus)
    config = TrainConfig(
        model=str(base),
        data=[(str(data), 1.0)],
        seq_len=16,
        batch_tokens=32,
        steps=2,
        warmup_steps=0,
        out=str(tmp_path / "run"),
        export=[],
        peak_tflops=0.01,
    )
    trainer = Trainer(config, 0, 1, torch.device("cpu"))
    expected, tokenizer = build_training_model(config)
    assert tokenizer.vocab_size == expected.args.vocab_size == 49155
    got = get_model_state_dict(trainer.model, options=StateDictOptions(full_state_dict=True))
    for name, tensor in expected.state_dict().items():
        assert torch.equal(got[name], tensor), name
    assert write_hf  # (used by _tiny_checkpoint)


def _tiny_checkpoint(tmp_path, tokenizer):
    from codellama.checkpoints import write_hf

    torch.manual_seed(1)
    model = Transformer(ModelArgs(**{**SHAPE, "vocab_size": tokenizer.vocab_size}))
    directory = tmp_path / "base"
    write_hf(model, directory)
    tokenizer.save(directory)
    return directory


def _prepared(tmp_path, tokenizer, corpus):
    from codellama.train.data.decontaminate import Decontaminator
    from codellama.train.data.pipeline import Pipeline, PipelineConfig

    corpus(tmp_path / "src")
    config = PipelineConfig([str(tmp_path / "src")], str(tmp_path / "data"), near_dedup=False)
    Pipeline(config, tokenizer=tokenizer, decontaminator=Decontaminator([])).run()
    return tmp_path / "data"


def test_lora_holds_a_bf16_base_under_float32_adapters_and_trains_only_the_new_token_rows(smol_tokenizer):
    from codellama.train.config import LoraSettings, TrainConfig
    from codellama.train.trainer import apply_lora, trainable_parameters

    model = Transformer(ModelArgs(**{**SHAPE, "vocab_size": 70, "tie_embeddings": True}))
    before = model.tok_embeddings.weight.detach().clone()
    config = TrainConfig(lora=LoraSettings(rank=4, alpha=8, dropout=0.0, target_modules=["wq", "w2"]))
    peft_model = apply_lora(model, config, torch.device("cpu"), range(64, 70), base_dtype=torch.bfloat16)
    dtypes = {n: p.dtype for n, p in peft_model.named_parameters()}
    assert all(d == torch.float32 for n, d in dtypes.items() if "lora_" in n)
    assert dtypes["base_model.model.layers.0.attention.wq.base_layer.weight"] == torch.bfloat16
    assert model.tok_embeddings.weight.dtype == torch.float32 and model.output.weight is model.tok_embeddings.weight
    optimizer = torch.optim.AdamW(trainable_parameters(peft_model), lr=1e-2, weight_decay=0.1)
    x = torch.randint(0, 70, (2, 12))
    with torch.autocast("cpu", torch.bfloat16):
        loss = training_loss(peft_model, x, x, None)
    loss.backward()
    optimizer.step()
    after = model.tok_embeddings.weight.detach()
    assert torch.equal(after[:64], before[:64]) and not torch.equal(after[64:], before[64:])


def test_the_prefetcher_reads_the_batches_a_direct_read_gives(tmp_path):
    import numpy as np

    from codellama.train.data.loader import BatchPrefetcher, PackedData

    (tmp_path / "tokens").mkdir()
    np.save(tmp_path / "tokens" / "s.npy", np.arange(5000).astype(np.uint16))
    manifest = {"tokenizer": {"vocab_size": 6000}, "shards": [{"tokens": "tokens/s.npy"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    data = PackedData([(str(tmp_path), 1.0)], seq_len=16, seed=2)
    direct = PackedData([(str(tmp_path), 1.0)], seq_len=16, seed=2)

    def offsets(step):
        return [step * 6, step * 6 + 3]

    ahead = BatchPrefetcher(data, offsets, micro_batch=3)
    for step in (0, 1, 2, 7, 8):  # in order, and after a jump (a resumed run)
        got = ahead.get(step)
        want = [direct.batch(first, 3) for first in offsets(step)]
        assert len(got) == 2 and all(torch.equal(a[0], b[0]) and torch.equal(a[1], b[1]) for a, b in zip(got, want))
    ahead.close()


def _budgeted_config(tmp_path, tokenizer, **settings):
    """A 1000-step run of the tiny shape on a prepared corpus, with a time budget (`settings`: the rest)."""
    from codellama.train.config import TrainConfig
    from tests.test_train_trainer import _corpus

    data = _prepared(tmp_path, tokenizer, _corpus)
    shape = {k: v for k, v in SHAPE.items() if k != "vocab_size"}
    return TrainConfig(
        model_args=shape,
        data=[(str(data), 1.0)],
        seq_len=16,
        batch_tokens=32,
        steps=1000,
        out=str(tmp_path / "run"),
        peak_tflops=0.01,
        **settings,
    )


def test_a_time_budget_stops_the_run_saved_and_exported(tmp_path, smol_tokenizer):
    from codellama.train.trainer import run

    config = _budgeted_config(tmp_path, smol_tokenizer, warmup_steps=0, export=["hf"], max_minutes=1e-6, save_every=500)
    run(config)
    log = [json.loads(line) for line in (tmp_path / "run" / "log.jsonl").read_text().splitlines()]
    [stop] = [r for r in log if r.get("event") == "time budget"]
    assert stop["step"] < 1000 and (tmp_path / "run" / "checkpoints" / f"step-{stop['step']:07d}").is_dir()
    assert (tmp_path / "run" / "export" / "hf" / "config.json").exists()


def test_a_time_budget_fits_the_steps_and_schedule_to_the_measured_speed(gloo_world_of_one, tmp_path, smol_tokenizer):
    import time

    from codellama.train.trainer import Trainer, lr_at

    config = _budgeted_config(tmp_path, smol_tokenizer, warmup_steps=10, export=[], max_minutes=1.0)
    trainer = Trainer(config, 0, 1, torch.device("cpu"))
    trainer.out.mkdir(parents=True)
    trainer.fit_to_budget(time.monotonic(), done=4, step_seconds=0.5)  # 60 s left at 0.5 s a step: 120 more
    assert 4 + 118 <= config.steps <= 4 + 120 and config.warmup_steps == 10
    assert lr_at(config.steps - 1, config) == pytest.approx(config.lr * config.final_lr_ratio)
    trainer.fit_to_budget(time.monotonic(), done=4, step_seconds=1e-4)  # faster than planned: never lengthened
    assert config.steps <= 124
    trainer.batches.close()
