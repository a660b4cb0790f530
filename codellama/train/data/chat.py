"""Instruction data: conversations rendered in the model's chat format, with a loss mask on the answers.

Input: JSONL, one `{"messages": [{"role": ..., "content": ...}, ...]}` a line, ending with an
assistant message. Each conversation is rendered exactly as inference renders it (the
tokenizer's chat template, or Meta's Llama 2 `[INST]` format), and only the assistant turns
(with their end-of-turn marker) are marked for the loss. Output: the same manifest/shard layout
as the pipeline, plus a uint8 mask array per shard that the trainer reads.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from codellama.prompts import B_INST, B_SYS, E_INST, E_SYS, render_chat_template, resolve_chat_format
from codellama.tokenizer import Tokenizer


def check_conversation(messages, where: str) -> None:
    if not isinstance(messages, list) or not messages:
        raise ValueError(f"{where}: 'messages' must be a non-empty list")
    for i, m in enumerate(messages):
        if (
            not isinstance(m, dict)
            or m.get("role") not in ("system", "user", "assistant")
            or not isinstance(m.get("content"), str)
        ):
            raise ValueError(f"{where}: message {i} must be {{'role': 'system'|'user'|'assistant', 'content': str}}")
    body = messages[1:] if messages[0]["role"] == "system" else messages
    for i, m in enumerate(body):
        if m["role"] != ("user" if i % 2 == 0 else "assistant"):
            raise ValueError(f"{where}: roles must alternate user/assistant after an optional system message")
    if not body or body[-1]["role"] != "assistant":
        raise ValueError(f"{where}: a training conversation must end with an assistant message")


def conversation_tokens(
    tokenizer: Tokenizer, messages: list[dict], chat_format: str = "auto", where: str = "conversation"
) -> tuple[list[int], list[int]]:
    """(token ids, loss mask: 1 on assistant tokens) of one conversation."""
    check_conversation(messages, where)
    fmt = resolve_chat_format(tokenizer, chat_format)
    if fmt == "llama2":
        return _llama2(tokenizer, messages)
    if fmt != "template":
        raise ValueError(f"{where}: training on the {fmt} chat format is not supported; use a chat template")
    ids: list[int] = []
    mask: list[int] = []
    done = ""
    for k, m in enumerate(messages):
        if m["role"] != "assistant":
            continue
        prompt = render_chat_template(tokenizer, messages[:k], add_generation_prompt=True)
        full = render_chat_template(tokenizer, messages[: k + 1], add_generation_prompt=False)
        if not (prompt.startswith(done) and full.startswith(prompt)):
            raise ValueError(f"{where}: the chat template does not render turn by turn; cannot mask answers")
        for text, flag in ((prompt[len(done) :], 0), (full[len(prompt) :], 1)):
            piece = tokenizer.encode(text, allow_special=True)
            ids += piece
            mask += [flag] * len(piece)
        done = full
    if tokenizer.add_bos and tokenizer.bos_id is not None and ids[:1] != [tokenizer.bos_id]:
        ids, mask = [tokenizer.bos_id] + ids, [0] + mask
    return ids, mask


def _llama2(tokenizer: Tokenizer, messages: list[dict]) -> tuple[list[int], list[int]]:
    """Meta's `chat_completion` layout: BOS [INST] user [/INST] answer EOS, per turn; the answer and EOS count."""
    if messages[0]["role"] == "system":
        merged = B_SYS + messages[0]["content"] + E_SYS + messages[1]["content"]
        messages = [{"role": "user", "content": merged}] + messages[2:]
    ids: list[int] = []
    mask: list[int] = []
    for user, answer in zip(messages[::2], messages[1::2]):
        prompt = tokenizer.encode(f"{B_INST} {user['content'].strip()} {E_INST}", bos=True)
        turn = tokenizer.encode(
            f"{B_INST} {user['content'].strip()} {E_INST} {answer['content'].strip()} ", bos=True, eos=True
        )
        if turn[: len(prompt)] != prompt:
            raise ValueError("the [INST] prompt does not tokenise as a prefix of its turn; cannot mask answers")
        ids += turn
        mask += [0] * len(prompt) + [1] * (len(turn) - len(prompt))
    return ids, mask


def prepare_chat(path: str | Path, out: str | Path, tokenizer: Tokenizer, chat_format: str = "auto") -> dict:
    """Tokenise a JSONL file of conversations into out/ (manifest.json, tokens/, masks); returns the manifest."""
    path, out = Path(path), Path(out)
    if (out / "manifest.json").exists():
        raise ValueError(f"{out} already holds prepared data; use another --out")
    (out / "tokens").mkdir(parents=True, exist_ok=True)
    all_ids: list[int] = []
    all_mask: list[int] = []
    conversations = 0
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{where}: not valid JSON ({e})") from None
            ids, mask = conversation_tokens(tokenizer, record.get("messages"), chat_format, where)
            all_ids += ids
            all_mask += mask
            conversations += 1
    if not conversations:
        raise ValueError(f"{path}: no conversations found")
    dtype = np.uint16 if tokenizer.vocab_size <= 2**16 else np.uint32
    np.save(out / "tokens" / "shard-00000.npy", np.asarray(all_ids, dtype=dtype))
    np.save(out / "tokens" / "shard-00000.mask.npy", np.asarray(all_mask, dtype=np.uint8))
    tok = tokenizer
    manifest = {
        "format": "codellama-tokens-v1",
        "dtype": np.dtype(dtype).name,
        "kind": "chat",
        "tokenizer": {
            "source": tok.source,
            "vocab_size": tok.vocab_size,
            "bos_id": tok.bos_id,
            "eos_id": tok.eos_id,
            "infill_family": tok.infill.family if tok.infill else None,
        },
        "fim": None,
        "num_tokens": len(all_ids),
        "num_documents": conversations,
        "loss_tokens": int(sum(all_mask)),
        "shards": [
            {
                "tokens": "tokens/shard-00000.npy",
                "mask": "tokens/shard-00000.mask.npy",
                "num_tokens": len(all_ids),
                "num_documents": conversations,
            }
        ],
    }
    tmp = out / "manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, indent=2))
    os.replace(tmp, out / "manifest.json")
    return manifest
