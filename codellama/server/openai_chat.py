"""OpenAI-compatible /v1/chat/completions: chat templates, the request guard's refusals, streamed deltas."""

from __future__ import annotations

import secrets
import time
from dataclasses import replace

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from codellama.generation import Completion
from codellama.prompts import chat_prompt_tokens, chat_stop_strings
from codellama.server.common import (
    KEEP_ALIVE,
    ApiError,
    Run,
    collect,
    read_json,
    ready_state,
    run_filters,
    sse,
    sse_error,
    sse_response,
)
from codellama.server.filters import FilterContext, FilterReport, blocked, header_value
from codellama.server.openai_api import json_with_filters, parse_request, report_filters, sampling_params, usage_of
from codellama.server.scheduler import Job
from codellama.server.schemas import ChatRequest
from codellama.server.verify import chat_response, check_compatible
from codellama.stopping import guess_language

router = APIRouter()


# -- /v1/chat/completions -----------------------------------------------------------------------


@router.post("/v1/chat/completions")
async def chat_completions(request: Request):
    state = ready_state(request)
    body = parse_request(state, ChatRequest, await read_json(request))
    if body.tools:
        raise ApiError(
            400, "tools (function calling) are not supported by this server; leave `tools` out", param="tools"
        )
    if body.response_format and body.response_format.type != "text":
        raise ApiError(
            400, f"response_format {body.response_format.type!r} is not supported; use 'text'", param="response_format"
        )
    if body.codellama_verify is not None:
        check_compatible(body)
    tokenizer = state.generator.tokenizer
    messages = [{"role": "system" if m.role == "developer" else m.role, "content": m.text()} for m in body.messages]
    try:
        ids = chat_prompt_tokens(tokenizer, messages)
    except ValueError as e:
        raise ApiError(400, str(e), param="messages") from None
    last_user = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
    context = FilterContext("chat", last_user, guess_language(last_user))
    meta = {
        "id": "chatcmpl-" + secrets.token_hex(12),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": state.settings.model_name,
    }
    reports = await run_filters(state, context)
    if (block := blocked(reports)) is not None:
        return _refused_chat(body, meta, block, reports)
    if body.codellama_verify is not None:
        return await chat_response(state, body, messages, ids, context, meta)
    max_tokens = body.max_completion_tokens or body.max_tokens
    top = (body.top_logprobs or 0) if body.logprobs else None
    extra_stops = chat_stop_strings(tokenizer)
    choices = []
    for j in range(body.n):
        params = sampling_params(body, state, j, max_tokens, logprobs=top, prompt_length=len(ids))
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
        choice = {
            "index": index,
            "message": {"role": "assistant", "content": content},
            "logprobs": _chat_logprobs(result),
            "finish_reason": finish,
        }
        if reports:
            choice["codellama_filters"] = [r.to_json() for r in reports]
        out.append(choice)
    return json_with_filters({**meta, "choices": out, "usage": usage_of(len(ids), results)}, reports_all)


async def _stream_chat(state, request, run: Run, meta, context, prompt_tokens, include_usage):
    meta = {**meta, "object": "chat.completion.chunk"}
    results: list[Completion | None] = [None] * run.remaining
    try:
        for index in range(run.remaining):
            yield sse(
                {
                    **meta,
                    "choices": [
                        {
                            "index": index,
                            "delta": {"role": "assistant", "content": ""},
                            "logprobs": None,
                            "finish_reason": None,
                        }
                    ],
                }
            )
        async for index, delta in run.events(request, watch_disconnect=False):
            if delta is None:
                yield KEEP_ALIVE
                continue
            if delta.text:
                yield sse(
                    {
                        **meta,
                        "choices": [
                            {"index": index, "delta": {"content": delta.text}, "logprobs": None, "finish_reason": None}
                        ],
                    }
                )
            if delta.completion is not None:
                results[index] = delta.completion
                choice = {
                    "index": index,
                    "delta": {},
                    "logprobs": _chat_logprobs(delta.completion),
                    "finish_reason": delta.completion.finish_reason,
                }
                report_filters(choice, await run_filters(state, context, delta.completion.text))
                yield sse({**meta, "choices": [choice]})
        if include_usage:
            yield sse({**meta, "choices": [], "usage": usage_of(prompt_tokens, results)})
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
                yield sse(
                    {
                        **chunk,
                        "choices": [
                            {
                                "index": j,
                                "delta": {"role": "assistant", "content": refusal},
                                "logprobs": None,
                                "finish_reason": None,
                            }
                        ],
                    }
                )
                yield sse(
                    {
                        **chunk,
                        "choices": [
                            {
                                "index": j,
                                "delta": {},
                                "logprobs": None,
                                "finish_reason": "content_filter",
                                "codellama_filters": filters,
                            }
                        ],
                    }
                )
            yield sse("[DONE]")

        return sse_response(events(), headers={"X-Codellama-Filters": header_value(reports)})
    choices = [
        {
            "index": j,
            "message": {"role": "assistant", "content": refusal, "refusal": refusal},
            "logprobs": None,
            "finish_reason": "content_filter",
            "codellama_filters": filters,
        }
        for j in range(body.n)
    ]
    usage = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
    return json_with_filters({**meta, "choices": choices, "usage": usage}, reports)


def _refusal_text(block: FilterReport) -> str:
    return block.details.get("refusal") or f"I can't help with that: {block.reason}"


def _chat_logprobs(result: Completion) -> dict | None:
    if result.logprobs is None:
        return None
    return {
        "content": [
            {
                "token": e.token,
                "logprob": e.logprob,
                "bytes": list(e.token.encode()),
                "top_logprobs": [{"token": t, "logprob": lp, "bytes": list(t.encode())} for t, lp in e.top.items()],
            }
            for e in result.logprobs
        ]
    }
