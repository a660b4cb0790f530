"""Instruction data (answers-only loss masks through to the trainer's targets) and LoRA fine-tuning."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
import torch

from codellama.train.data.chat import conversation_tokens, prepare_chat
from codellama.train.data.loader import IGNORE, PackedData
from codellama.train.infill_tokens import add_infill_tokens
from tests.support.toy_tokenizers import build_code_llama_tokenizer

CONVERSATIONS = [
    [
        {"role": "user", "content": "Write a function that adds two numbers."},
        {"role": "assistant", "content": "def add(a, b):\n    return a + b"},
    ],
    [
        {"role": "system", "content": "You write Python."},
        {"role": "user", "content": "Square a number."},
        {"role": "assistant", "content": "def square(x):\n    return x * x"},
        {"role": "user", "content": "And cube it?"},
        {"role": "assistant", "content": "def cube(x):\n    return x ** 3"},
    ],
]


def test_only_the_answers_carry_the_loss(smol_tokenizer):
    ids, mask = conversation_tokens(smol_tokenizer, CONVERSATIONS[1])
    assert len(ids) == len(mask)
    answers = smol_tokenizer.decode([i for i, m in zip(ids, mask) if m])
    assert answers == "def square(x):\n    return x * x<|im_end|>\ndef cube(x):\n    return x ** 3<|im_end|>\n"
    from codellama.prompts import render_chat_template

    assert smol_tokenizer.decode(ids) == render_chat_template(smol_tokenizer, CONVERSATIONS[1], False)
    with pytest.raises(ValueError, match="must end with an assistant message"):
        conversation_tokens(smol_tokenizer, CONVERSATIONS[1][:-1])


def test_llama2_format_masks_the_inst_prompt():
    from codellama.prompts import chat_prompt_tokens

    tokenizer = build_code_llama_tokenizer()
    conversation = CONVERSATIONS[0]
    ids, mask = conversation_tokens(tokenizer, conversation, "llama2")
    first_answer = mask.index(1)
    assert ids[:first_answer] == chat_prompt_tokens(tokenizer, conversation[:1], "llama2")  # what inference sends
    assert tokenizer.decode([i for i, m in zip(ids, mask) if m]) == conversation[1]["content"] + " "  # Meta's layout
    assert ids[-1] == tokenizer.eos_id and mask[-1] == 1


def test_prepared_chat_masks_reach_the_trainer_targets(tmp_path, smol_tokenizer):
    source = tmp_path / "chats.jsonl"
    source.write_text("".join(json.dumps({"messages": c}) + "\n" for c in CONVERSATIONS * 4))
    manifest = prepare_chat(source, tmp_path / "chat", smol_tokenizer)
    assert 0 < manifest["loss_tokens"] < manifest["num_tokens"]
    data = PackedData([(str(tmp_path / "chat"), 1.0)], seq_len=16)
    x, y = data.batch(0, 4)
    assert x.shape == y.shape == (4, 16)
    tokens = np.load(tmp_path / "chat" / "tokens" / "shard-00000.npy").astype(np.int64)
    mask = np.load(tmp_path / "chat" / "tokens" / "shard-00000.mask.npy")
    assert (y == IGNORE).any() and (y != IGNORE).any()
    # over one epoch, the targets of every window: the next token where it is an answer token, else ignored
    expected = []
    for start in range(0, len(tokens) - 16, 16):
        window_targets = np.where(mask[start + 1 : start + 17] == 1, tokens[start + 1 : start + 17], IGNORE)
        expected.append((tuple(tokens[start : start + 16]), tuple(window_targets)))
    xs, ys = data.batch(0, len(expected))
    assert sorted(zip(map(tuple, xs.tolist()), map(tuple, ys.tolist()))) == sorted(expected)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"messages": [{"role": "user", "content": "hi"}]}\n')
    with pytest.raises(ValueError, match="bad.jsonl:1: a training conversation must end"):
        prepare_chat(bad, tmp_path / "bad", smol_tokenizer)


@pytest.mark.slow
def test_lora_trains_adapters_only_and_exports_merged_weights(tmp_path, smol_tokenizer):
    from codellama.checkpoints import load_model
    from codellama.train.config import LoraSettings, TrainConfig
    from codellama.train.trainer import run

    source = tmp_path / "chats.jsonl"
    source.write_text("".join(json.dumps({"messages": c}) + "\n" for c in CONVERSATIONS * 8))
    prepare_chat(source, tmp_path / "chat", add_infill_tokens(smol_tokenizer))
    config = TrainConfig(
        model_args={"dim": 32, "n_layers": 2, "n_heads": 4, "n_kv_heads": 2, "ffn_hidden_dim": 64},
        data=[(str(tmp_path / "chat"), 1.0)],
        seq_len=32,
        batch_tokens=64,
        steps=6,
        lr=1e-2,
        warmup_steps=1,
        out=str(tmp_path / "run"),
        save_every=3,
        export=["hf"],
        peak_tflops=0.01,
        lora=LoraSettings(rank=4, alpha=8, dropout=0.0, target_modules=["wq", "wv", "w2"]),
    )
    run(config)
    log = [json.loads(line) for line in (tmp_path / "run" / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in log if "loss" in r] == list(range(1, 7))
    losses = {r["step"]: r["loss"] for r in log if "loss" in r}
    model, tokenizer = load_model(str(tmp_path / "run" / "export" / "hf"))
    assert tokenizer.infill.family == "starcoder" and model.args.vocab_size == 49155
    torch.manual_seed(config.seed)  # the base weights the run started from, rebuilt the same way
    from codellama.train.trainer import build_training_model

    base, _ = build_training_model(config)
    changed = {name for name, p in model.state_dict().items() if not torch.equal(p, base.state_dict()[name])}
    adapted = changed - {"tok_embeddings.weight", "output.weight"}
    assert adapted and all(name.split(".")[-2] in ("wq", "wv", "w2") for name in adapted), changed
    # of the token tables, only the rows of the added infill tokens (they have no adapter) are trained: chat data
    # holds none of them, so only their output rows (the softmax pushes them down) moved
    for table in ("tok_embeddings.weight", "output.weight"):
        trained, before = model.state_dict()[table], base.state_dict()[table]
        assert torch.equal(trained[:49152], before[:49152]), table
    assert not torch.equal(model.state_dict()["output.weight"][49152:], base.state_dict()["output.weight"][49152:])

    # resume from the step-3 checkpoint (as if the run had died before step 6): the adapters and their
    # optimiser state come back, and the last three steps and the export come out the same
    checkpoints = tmp_path / "run" / "checkpoints"
    assert sorted(p.name for p in checkpoints.iterdir()) == ["step-0000003", "step-0000006"]
    shutil.rmtree(checkpoints / "step-0000006")
    run(config)
    log = [json.loads(line) for line in (tmp_path / "run" / "log.jsonl").read_text().splitlines()]
    [resumed_at] = [i for i, r in enumerate(log) if r.get("event") == "resume"]
    assert log[resumed_at]["step"] == 3
    assert {r["step"]: r["loss"] for r in log[resumed_at:] if "loss" in r} == {s: losses[s] for s in (4, 5, 6)}
    again, _ = load_model(str(tmp_path / "run" / "export" / "hf"))
    for name, tensor in model.state_dict().items():
        assert torch.equal(again.state_dict()[name], tensor), name
