"""Prompt formats as token lists: infilling per model family, and chat formats.

Infill (fill-in-the-middle) prompts, exactly as each family was trained:
  code-llama     PSM: BOS <PRE> {pre} <SUF>{suf} <MID>     SPM: BOS <PRE> <SUF>{suf} <MID> {pre}
                 (the suffix is encoded without SentencePiece's implicit leading space)
  starcoder      <fim_prefix>{pre}<fim_suffix>{suf}<fim_middle>
                 SPM: <fim_prefix><fim_suffix>{suf}<fim_middle>{pre}
  deepseek-coder BOS <｜fim▁begin｜>{pre}<｜fim▁hole｜>{suf}<｜fim▁end｜>
  qwen           <|fim_prefix|>{pre}<|fim_suffix|>{suf}<|fim_middle|>

Chat formats: Code Llama - Instruct (`[INST]`, `<<SYS>>`, as Meta's `chat_completion`),
Code Llama 70B - Instruct (`Source:` / `Destination:` / `<step>`), and any Jinja chat
template a tokenizer carries (rendered in a sandbox).
"""

from __future__ import annotations

from typing import Literal

from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from codellama.tokenizer import Tokenizer

InfillMode = Literal["psm", "spm"]
ChatFormat = Literal["auto", "llama2", "codellama-70b", "template"]

B_INST, E_INST = "[INST]", "[/INST]"
B_SYS, E_SYS = "<<SYS>>\n", "\n<</SYS>>\n\n"
LLAMA2_TAGS = [B_INST, E_INST, "<<SYS>>", "<</SYS>>"]
STEP = "<step>"
SPM_FAMILIES = ("code-llama", "starcoder")  # trained with suffix-prefix-middle too


class PromptError(ValueError):
    """A prompt that cannot be built; the message says what to change."""


# -- infilling ------------------------------------------------------------------------------


def infill_prompt_tokens(tokenizer: Tokenizer, prefix: str, suffix: str, mode: InfillMode = "psm") -> list[int]:
    """The infill prompt for the tokenizer's model family (see the module docstring)."""
    infill = tokenizer.infill
    if infill is None:
        raise PromptError(f"{tokenizer.source}: this model has no infill tokens")
    if mode not in ("psm", "spm"):
        raise PromptError(f"infill mode must be 'psm' or 'spm', not {mode!r}")
    if mode == "spm" and infill.family not in SPM_FAMILIES:
        raise PromptError(f"{infill.family} models were trained with PSM infilling only; use mode 'psm'")
    pre_tok, suf_tok, mid_tok = infill.prefix, infill.suffix, infill.middle
    if infill.family == "code-llama":
        bos = [tokenizer.bos_id] if tokenizer.bos_id is not None else []
        if mode == "spm":
            return (
                bos + [pre_tok, suf_tok] + tokenizer.encode_continuation(suffix) + [mid_tok] + tokenizer.encode(prefix)
            )
        return (
            bos + [pre_tok] + tokenizer.encode(prefix) + [suf_tok] + tokenizer.encode_continuation(suffix) + [mid_tok]
        )
    bos = [tokenizer.bos_id] if tokenizer.add_bos and tokenizer.bos_id is not None else []
    if infill.family == "deepseek-coder" and tokenizer.bos_id is not None:
        bos = [tokenizer.bos_id]  # DeepSeek-Coder's FIM prompts start with BOS
    if mode == "spm":
        return bos + [pre_tok, suf_tok] + tokenizer.encode(suffix) + [mid_tok] + tokenizer.encode_continuation(prefix)
    return bos + [pre_tok] + tokenizer.encode(prefix) + [suf_tok] + tokenizer.encode_continuation(suffix) + [mid_tok]


# -- chat -------------------------------------------------------------------------------------


def resolve_chat_format(tokenizer: Tokenizer, chat_format: ChatFormat = "auto") -> str:
    if chat_format != "auto":
        if chat_format == "template" and not tokenizer.chat_template:
            raise PromptError(f"{tokenizer.source}: the tokenizer carries no chat template")
        return chat_format
    if tokenizer.piece_to_id(STEP) is not None and tokenizer.is_control(tokenizer.piece_to_id(STEP)):
        return "codellama-70b"
    if tokenizer.chat_template:
        return "template"
    return "llama2"


def control_strings(tokenizer: Tokenizer, chat_format: str) -> list[str]:
    """Text that must not appear inside a message: it would forge the conversation's structure."""
    if chat_format == "llama2":
        return LLAMA2_TAGS
    if chat_format == "codellama-70b":
        return [STEP, "Source:", "Destination:"]
    return [t for t in tokenizer.special_tokens if len(t) > 1]


def check_messages(messages: list[dict], tokenizer: Tokenizer, chat_format: str) -> None:
    if not messages:
        raise PromptError("a chat needs at least one message")
    for i, m in enumerate(messages):
        if (
            not isinstance(m, dict)
            or not isinstance(m.get("content"), str)
            or m.get("role") not in ("system", "user", "assistant")
        ):
            raise PromptError(
                f"message {i} must be {{'role': 'system'|'user'|'assistant', 'content': str}}, got {m!r:.80}"
            )
        for tag in control_strings(tokenizer, chat_format):
            if tag in m["content"]:
                raise PromptError(
                    f"message {i} ({m['role']}) contains the control tag {tag!r}; special tags are not allowed "
                    "as part of the prompt"
                )
    body = messages[1:] if messages[0]["role"] == "system" else messages
    for i, m in enumerate(body):
        want = "user" if i % 2 == 0 else "assistant"
        if m["role"] != want:
            raise PromptError(
                f"chat roles must alternate user/assistant (after an optional system message); "
                f"message {i + len(messages) - len(body)} is {m['role']!r}, expected {want!r}"
            )
    if body and body[-1]["role"] != "user":
        raise PromptError("the last message must be from the user")
    if not body:
        raise PromptError("a chat needs a user message after the system message")


def chat_prompt_tokens(tokenizer: Tokenizer, messages: list[dict], chat_format: ChatFormat = "auto") -> list[int]:
    fmt = resolve_chat_format(tokenizer, chat_format)
    check_messages(messages, tokenizer, fmt)
    if fmt == "llama2":
        return _llama2_chat(tokenizer, messages)
    if fmt == "codellama-70b":
        return _codellama_70b_chat(tokenizer, messages)
    text = render_chat_template(tokenizer, messages)
    ids = tokenizer.encode(text, allow_special=True)
    if tokenizer.add_bos and tokenizer.bos_id is not None and ids[:1] != [tokenizer.bos_id]:
        ids = [tokenizer.bos_id] + ids
    return ids


def chat_stop_strings(tokenizer: Tokenizer, chat_format: ChatFormat = "auto") -> list[str]:
    fmt = resolve_chat_format(tokenizer, chat_format)
    return [STEP] if fmt == "codellama-70b" else []


def _llama2_chat(tokenizer: Tokenizer, messages: list[dict]) -> list[int]:
    """Meta's `chat_completion` prompt, token for token."""
    if messages[0]["role"] == "system":
        merged = B_SYS + messages[0]["content"] + E_SYS + messages[1]["content"]
        messages = [{"role": messages[1]["role"], "content": merged}] + messages[2:]
    ids: list[int] = []
    for prompt, answer in zip(messages[::2], messages[1::2]):
        text = f"{B_INST} {prompt['content'].strip()} {E_INST} {answer['content'].strip()} "
        ids += tokenizer.encode(text, bos=True, eos=True)
    ids += tokenizer.encode(f"{B_INST} {messages[-1]['content'].strip()} {E_INST}", bos=True)
    return ids


def _codellama_70b_chat(tokenizer: Tokenizer, messages: list[dict]) -> list[int]:
    """The Code Llama 70B - Instruct format, as its published chat template renders it."""
    text = "".join(f"Source: {m['role']}\n\n {m['content'].strip()} {STEP} " for m in messages)
    text += "Source: assistant\nDestination: user\n\n "
    return tokenizer.encode(text, bos=True, allow_special=True)


def _raise(message: str):
    raise TemplateError(message)


_JINJA = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
_JINJA.globals["raise_exception"] = _raise


def render_chat_template(tokenizer: Tokenizer, messages: list[dict], add_generation_prompt: bool = True) -> str:
    """Render the tokenizer's Jinja chat template in a sandbox (no attribute or file access)."""
    bos = tokenizer.id_to_piece(tokenizer.bos_id) if tokenizer.bos_id is not None else ""
    eos = tokenizer.id_to_piece(tokenizer.eos_id) if tokenizer.eos_id is not None else ""
    try:
        template = _JINJA.from_string(tokenizer.chat_template)
        return template.render(
            messages=messages, add_generation_prompt=add_generation_prompt, bos_token=bos, eos_token=eos
        )
    except (TemplateError, SecurityError) as e:
        raise PromptError(f"{tokenizer.source}: the chat template failed: {e}") from None
