"""OpenAI-compatible endpoints: /v1/completions (with `suffix`: infilling), /v1/chat/completions, /v1/models."""

from __future__ import annotations

import secrets
import time
from dataclasses import replace

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from codellama.generation import Completion, GenerationError, SamplingParams
from codellama.prompts import chat_prompt_tokens, chat_stop_strings, infill_prompt_tokens
from codellama.server.common import (
    KEEP_ALIVE,
    ApiError,
    Choice,
    Run,
    ServerState,
    check_model_name,
    check_token_ids,
    collect,
    parse,
    read_json,
    ready_state,
    run_filters,
    sse,
    sse_error,
    sse_response,
)
from codellama.server.filters import FilterContext, FilterReport, blocked, header_value
from codellama.server.scheduler import Job
from codellama.server.schemas import ChatRequest, CompletionRequest, OpenAISampling
from codellama.stopping import guess_language

router = APIRouter()


@router.get("/v1/models")
async def list_models(request: Request):
    state = ready_state(request)
    model = state.generator.model
    return {"object": "list", "data": [{
        "id": state.settings.model_name, "object": "model", "created": state.started, "owned_by": "codellama",
        "meta": {"n_ctx": state.scheduler.context, "n_ctx_train": model.args.max_seq_len,
                 "n_params": model.args.num_params, "n_vocab": state.generator.tokenizer.vocab_size,
                 "infill": state.generator.tokenizer.infill.family if state.generator.tokenizer.infill else None},
    }]}


# -- /v1/completions ----------------------------------------------------------------------------

@router.post("/v1/completions")
async def completions(request: Request):
    state = ready_state(request)
    body = _parse(state, CompletionRequest, await read_json(request))
    if body.best_of not in (None, body.n):
        raise ApiError(400, "best_of other than n is not supported; leave it out", param="best_of")
    if body.suffix is not None and body.echo:
        raise ApiError(400, "echo cannot be combined with suffix (infilling)", param="echo")
    prompts = _prompts(state, body.prompt)
    choices: list[Choice] = []
    contexts = []
    prompt_tokens = 0
    for text, ids in prompts:
        context = FilterContext("completions", text, guess_language(text), code_before=text,
                                code_after=body.suffix or "")
        contexts.append(context)
        reports = await run_filters(state, context)
        if (block := blocked(reports)) is not None:
            return _refused_completion(state, body, block, reports, len(prompts) * body.n)
        prompt_length = 0
        if body.max_tokens is None:  # null: as much as the context leaves (infill prompts add a few tokens)
            prompt_length = len(ids) if ids is not None else len(state.generator.encode_prompt(text)) + (
                len(state.generator.tokenizer.encode_continuation(body.suffix)) + 8 if body.suffix is not None else 0)
        params = [_sampling(body, state, j, body.max_tokens, logprobs=body.logprobs, prompt_length=prompt_length)
                  for j in range(body.n)]
        prompt_choices, count = _completion_choices(state, body, text, ids, params)
        choices += prompt_choices
        prompt_tokens += count
    meta = {"id": "cmpl-" + secrets.token_hex(12), "object": "text_completion", "created": int(time.time()),
            "model": state.settings.model_name}
    echoes = [text for text, _ in prompts for _ in range(body.n)] if body.echo else None
    choice_contexts = [c for c in contexts for _ in range(body.n)]
    run = Run(state, choices)
    if body.stream:
        return sse_response(_stream_completions(state, request, run, meta, echoes, choice_contexts, prompt_tokens,
                                                body.stream_options and body.stream_options.include_usage))
    results = await collect(request, run)
    out, reports_all = [], []
    for index, result in enumerate(results):
        reports = await run_filters(state, choice_contexts[index], result.text)
        reports_all += reports
        text = (echoes[index] if echoes else "") + result.text
        finish = result.finish_reason
        if blocked(reports):
            text, finish = "", "content_filter"
        choice = {"text": text, "index": index, "logprobs": _completion_logprobs(result, echoes, index),
                  "finish_reason": finish}
        if reports:
            choice["codellama_filters"] = [r.to_json() for r in reports]
        out.append(choice)
    usage = _usage(prompt_tokens, results)
    return _json({**meta, "choices": out, "usage": usage}, reports_all)


def _completion_choices(state: ServerState, body: CompletionRequest, text: str, ids: list[int] | None,
                        params: list[SamplingParams]) -> tuple[list[Choice], int]:
    """The n choices of one prompt of a completion request (its prompt encoded once, so the scheduler
    prefills it once), and the prompt's token count."""
    generator = state.generator
    logprobs = body.echo and body.logprobs is not None
    if body.suffix is not None:
        if generator.tokenizer.infill is None:  # infilling by ranking needs the model to itself
            prefix_tokens = len(generator.encode_prompt(text))
            return [(lambda p=p: generator.infill(text, body.suffix, p).completion) for p in params], prefix_tokens
        infill_ids = infill_prompt_tokens(generator.tokenizer, text, body.suffix)
        return [Job(infill_ids, p, prompt_text=text) for p in params], len(infill_ids)
    if ids is not None:
        return [Job(ids, p, prompt_text=text, prompt_logprobs=logprobs) for p in params], len(ids)
    prompt_ids, healed, kept = generator.completion_prompt(text, heal=not body.echo and body.logprobs is None)
    return [Job(prompt_ids, p, prompt_text=kept, healed=healed, prompt_logprobs=logprobs) for p in params], \
        len(prompt_ids)


async def _stream_completions(state, request, run: Run, meta, echoes, contexts, prompt_tokens, include_usage):
    texts = [""] * run.remaining
    results: list[Completion | None] = [None] * run.remaining
    try:
        if echoes:
            for index, echo in enumerate(echoes):
                yield sse({**meta, "choices": [{"text": echo, "index": index, "logprobs": None,
                                                "finish_reason": None}]})
        async for index, delta in run.events(request, watch_disconnect=False):
            if delta is None:
                yield KEEP_ALIVE
                continue
            texts[index] += delta.text
            choice = {"text": delta.text, "index": index, "logprobs": None, "finish_reason": None}
            if delta.completion is not None:
                results[index] = delta.completion
                choice["finish_reason"] = delta.completion.finish_reason
                choice["logprobs"] = _completion_logprobs(delta.completion, echoes, index)
                _report(choice, await run_filters(state, contexts[index], delta.completion.text))
            yield sse({**meta, "choices": [choice]})
        if include_usage:
            yield sse({**meta, "choices": [], "usage": _usage(prompt_tokens, results)})
        yield sse("[DONE]")
    except ApiError as e:
        yield sse_error(e)


def _refused_completion(state, body, block: FilterReport, reports, count: int) -> JSONResponse:
    meta = {"id": "cmpl-" + secrets.token_hex(12), "object": "text_completion", "created": int(time.time()),
            "model": state.settings.model_name}
    choices = [{"text": "", "index": j, "logprobs": None, "finish_reason": "content_filter",
                "codellama_filters": [r.to_json() for r in reports]} for j in range(count)]
    payload = {**meta, "choices": choices, "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
               "codellama_refusal": block.reason}
    if body.stream:
        async def events():
            for choice in choices:
                yield sse({**meta, "choices": [choice]})
            yield sse("[DONE]")
        return sse_response(events(), headers={"X-Codellama-Filters": header_value(reports)})
    return _json(payload, reports)


def _completion_logprobs(result: Completion, echoes, index: int) -> dict | None:
    if result.logprobs is None:
        return None
    entries = list(result.logprobs)
    if echoes and result.prompt_logprobs is not None:
        entries = list(result.prompt_logprobs) + entries
    tokens, token_logprobs, top, offsets = [], [], [], []
    offset = 0
    for entry in entries:
        if entry is None:  # the first prompt token has no logprob
            tokens.append("")
            token_logprobs.append(None)
            top.append(None)
        else:
            tokens.append(entry.token)
            token_logprobs.append(entry.logprob)
            top.append(entry.top or None)
        offsets.append(offset)
        offset += len(tokens[-1])
    return {"tokens": tokens, "token_logprobs": token_logprobs, "top_logprobs": top, "text_offset": offsets}


# -- /v1/chat/completions -----------------------------------------------------------------------

@router.post("/v1/chat/completions")
async def chat_completions(request: Request):
    state = ready_state(request)
    body = _parse(state, ChatRequest, await read_json(request))
    if body.tools:
        raise ApiError(400, "tools (function calling) are not supported by this server; leave `tools` out",
                       param="tools")
    if body.response_format and body.response_format.type != "text":
        raise ApiError(400, f"response_format {body.response_format.type!r} is not supported; use 'text'",
                       param="response_format")
    tokenizer = state.generator.tokenizer
    messages = [{"role": "system" if m.role == "developer" else m.role, "content": m.text()} for m in body.messages]
    try:
        ids = chat_prompt_tokens(tokenizer, messages)
    except ValueError as e:
        raise ApiError(400, str(e), param="messages") from None
    last_user = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
    context = FilterContext("chat", last_user, guess_language(last_user))
    meta = {"id": "chatcmpl-" + secrets.token_hex(12), "object": "chat.completion", "created": int(time.time()),
            "model": state.settings.model_name}
    reports = await run_filters(state, context)
    if (block := blocked(reports)) is not None:
        return _refused_chat(body, meta, block, reports)
    max_tokens = body.max_completion_tokens or body.max_tokens
    top = (body.top_logprobs or 0) if body.logprobs else None
    extra_stops = chat_stop_strings(tokenizer)
    choices = []
    for j in range(body.n):
        params = _sampling(body, state, j, max_tokens, logprobs=top, prompt_length=len(ids))
        choices.append(Job(ids, replace(params, stop=params.stop + extra_stops)))
    run = Run(state, choices)
    if body.stream:
        include_usage = body.stream_options and body.stream_options.include_usage
        return sse_response(_stream_chat(state, request, run, meta, context, len(ids), include_usage))
    results = await collect(request, run)
    out, reports_all = [], []
    for index, result in enumerate(results):
        reports = await run_filters(state, context, result.text)
        reports_all += reports
        content, finish = result.text, result.finish_reason
        if (block := blocked(reports)) is not None:
            content, finish = _refusal_text(block), "content_filter"
        choice = {"index": index, "message": {"role": "assistant", "content": content},
                  "logprobs": _chat_logprobs(result), "finish_reason": finish}
        if reports:
            choice["codellama_filters"] = [r.to_json() for r in reports]
        out.append(choice)
    return _json({**meta, "choices": out, "usage": _usage(len(ids), results)}, reports_all)


async def _stream_chat(state, request, run: Run, meta, context, prompt_tokens, include_usage):
    meta = {**meta, "object": "chat.completion.chunk"}
    results: list[Completion | None] = [None] * run.remaining
    try:
        for index in range(run.remaining):
            yield sse({**meta, "choices": [{"index": index, "delta": {"role": "assistant", "content": ""},
                                            "logprobs": None, "finish_reason": None}]})
        async for index, delta in run.events(request, watch_disconnect=False):
            if delta is None:
                yield KEEP_ALIVE
                continue
            if delta.text:
                yield sse({**meta, "choices": [{"index": index, "delta": {"content": delta.text}, "logprobs": None,
                                                "finish_reason": None}]})
            if delta.completion is not None:
                results[index] = delta.completion
                choice = {"index": index, "delta": {}, "logprobs": _chat_logprobs(delta.completion),
                          "finish_reason": delta.completion.finish_reason}
                _report(choice, await run_filters(state, context, delta.completion.text))
                yield sse({**meta, "choices": [choice]})
        if include_usage:
            yield sse({**meta, "choices": [], "usage": _usage(prompt_tokens, results)})
        yield sse("[DONE]")
    except ApiError as e:
        yield sse_error(e)


def _refused_chat(body: ChatRequest, meta: dict, block: FilterReport, reports) -> JSONResponse:
    refusal = _refusal_text(block)
    filters = [r.to_json() for r in reports]
    if body.stream:
        chunk = {**meta, "object": "chat.completion.chunk"}

        async def events():
            for j in range(body.n):
                yield sse({**chunk, "choices": [{"index": j, "delta": {"role": "assistant", "content": refusal},
                                                 "logprobs": None, "finish_reason": None}]})
                yield sse({**chunk, "choices": [{"index": j, "delta": {}, "logprobs": None,
                                                 "finish_reason": "content_filter", "codellama_filters": filters}]})
            yield sse("[DONE]")
        return sse_response(events(), headers={"X-Codellama-Filters": header_value(reports)})
    choices = [{"index": j, "message": {"role": "assistant", "content": refusal, "refusal": refusal},
                "logprobs": None, "finish_reason": "content_filter", "codellama_filters": filters}
               for j in range(body.n)]
    usage = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
    return _json({**meta, "choices": choices, "usage": usage}, reports)


def _refusal_text(block: FilterReport) -> str:
    return block.details.get("refusal") or f"I can't help with that: {block.reason}"


def _chat_logprobs(result: Completion) -> dict | None:
    if result.logprobs is None:
        return None
    return {"content": [{"token": e.token, "logprob": e.logprob, "bytes": list(e.token.encode()),
                         "top_logprobs": [{"token": t, "logprob": lp, "bytes": list(t.encode())}
                                          for t, lp in e.top.items()]} for e in result.logprobs]}


# -- shared -----------------------------------------------------------------------------------

def _parse(state: ServerState, model, body: dict):
    parsed = parse(model, body)
    check_model_name(state, parsed.model)
    if parsed.logit_bias:
        raise ApiError(400, "logit_bias is not supported; leave it out", param="logit_bias")
    return parsed


def _prompts(state: ServerState, prompt) -> list[tuple[str, list[int] | None]]:
    """(text, token ids or None) for each prompt of a completion request."""
    if isinstance(prompt, str):
        prompt = [prompt]
    if not prompt:
        raise ApiError(400, "prompt is empty: give a string or token ids", param="prompt")
    if all(isinstance(p, int) for p in prompt):
        prompt = [prompt]
    out = []
    for item in prompt:
        if isinstance(item, str):
            if not item:
                raise ApiError(400, "prompt is empty: give some text to continue", param="prompt")
            out.append((item, None))
        else:
            if not item:
                raise ApiError(400, "prompt has an empty list of token ids", param="prompt")
            check_token_ids(state, item, "prompt")
            out.append((state.generator.tokenizer.decode(item), list(item)))
    if len(out) > 16:
        raise ApiError(400, f"at most 16 prompts per request, got {len(out)}", param="prompt")
    return out


def _sampling(body: OpenAISampling, state: ServerState, index: int, max_tokens: int | None, logprobs: int | None,
              prompt_length: int = 0) -> SamplingParams:
    stop = [body.stop] if isinstance(body.stop, str) else list(body.stop or [])
    if len(stop) > 16 or any(not s for s in stop):
        raise ApiError(400, "stop must hold at most 16 non-empty strings", param="stop")
    if max_tokens is None:  # as much as the context leaves
        max_tokens = max(1, state.scheduler.context - prompt_length)
    params = SamplingParams(
        max_new_tokens=max_tokens, temperature=body.temperature, top_p=body.top_p, top_k=body.top_k,
        min_p=body.min_p, repetition_penalty=body.repetition_penalty, presence_penalty=body.presence_penalty,
        frequency_penalty=body.frequency_penalty, stop=stop, logprobs=logprobs,
        seed=None if body.seed is None else body.seed + index)
    try:
        params.validate()
    except GenerationError as e:
        raise ApiError(400, str(e)) from None
    return params


def _report(choice: dict, reports: list[FilterReport]) -> None:
    """Put the response filters' reports on a streamed choice's last chunk. Its text is already out, so a
    blocking report can only say so (finish_reason content_filter)."""
    if reports:
        choice["codellama_filters"] = [r.to_json() for r in reports]
        if blocked(reports):
            choice["finish_reason"] = "content_filter"


def _usage(prompt_tokens: int, results) -> dict:
    completion_tokens = sum(len(r.token_ids) for r in results if r is not None)
    return {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens}


def _json(payload: dict, reports: list[FilterReport]) -> JSONResponse:
    headers = {"X-Codellama-Filters": header_value(reports)} if reports else None
    return JSONResponse(payload, headers=headers)
