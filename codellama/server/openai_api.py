"""OpenAI-compatible endpoints: /v1/completions (with `suffix`: infilling) and /v1/models, and what the chat
endpoint (openai_chat.py) shares with them."""

from __future__ import annotations

import secrets
import time

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from codellama.generation import Completion, GenerationError, SamplingParams
from codellama.prompts import infill_prompt_tokens
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
from codellama.server.schemas import CompletionRequest, OpenAISampling
from codellama.server.verify import check_compatible, completion_response
from codellama.stopping import guess_language

router = APIRouter()


@router.get("/v1/models")
async def list_models(request: Request):
    state = ready_state(request)
    model = state.generator.model
    return {
        "object": "list",
        "data": [
            {
                "id": state.settings.model_name,
                "object": "model",
                "created": state.started,
                "owned_by": "codellama",
                "meta": {
                    "n_ctx": state.scheduler.context,
                    "n_ctx_train": model.args.max_seq_len,
                    "n_params": model.args.num_params,
                    "n_vocab": state.generator.tokenizer.vocab_size,
                    "infill": state.generator.tokenizer.infill.family if state.generator.tokenizer.infill else None,
                },
            }
        ],
    }


# -- /v1/completions ----------------------------------------------------------------------------


@router.post("/v1/completions")
async def completions(request: Request):
    state = ready_state(request)
    body = parse_request(state, CompletionRequest, await read_json(request))
    if body.best_of not in (None, body.n):
        raise ApiError(400, "best_of other than n is not supported; leave it out", param="best_of")
    if body.suffix is not None and body.echo:
        raise ApiError(400, "echo cannot be combined with suffix (infilling)", param="echo")
    prompts = _prompts(state, body.prompt)
    if body.codellama_verify is not None:
        check_compatible(body, prompts=len(prompts))
    choices: list[Choice] = []
    contexts = []
    prompt_tokens = 0
    for text, ids in prompts:
        context = FilterContext(
            "completions", text, guess_language(text), code_before=text, code_after=body.suffix or ""
        )
        contexts.append(context)
        reports = await run_filters(state, context)
        if (block := blocked(reports)) is not None:
            return _refused_completion(state, body, block, reports, len(prompts) * body.n)
        prompt_length = 0
        if body.max_tokens is None:  # null: as much as the context leaves (infill prompts add a few tokens)
            prompt_length = (
                len(ids)
                if ids is not None
                else len(state.generator.encode_prompt(text))
                + (
                    len(state.generator.tokenizer.encode_continuation(body.suffix)) + 8
                    if body.suffix is not None
                    else 0
                )
            )
        params = [
            sampling_params(body, state, j, body.max_tokens, logprobs=body.logprobs, prompt_length=prompt_length)
            for j in range(body.n)
        ]
        prompt_choices, count = _completion_choices(state, body, text, ids, params)
        choices += prompt_choices
        prompt_tokens += count
    meta = {
        "id": "cmpl-" + secrets.token_hex(12),
        "object": "text_completion",
        "created": int(time.time()),
        "model": state.settings.model_name,
    }
    if body.codellama_verify is not None:
        return await completion_response(state, body, *prompts[0], contexts[0], meta)
    echoes = [text for text, _ in prompts for _ in range(body.n)] if body.echo else None
    choice_contexts = [c for c in contexts for _ in range(body.n)]
    run = Run(state, choices)
    if body.stream:
        return sse_response(
            _stream_completions(
                state,
                request,
                run,
                meta,
                echoes,
                choice_contexts,
                prompt_tokens,
                body.stream_options and body.stream_options.include_usage,
            )
        )
    results = await collect(request, run)
    out, reports_all = [], []
    for index, result in enumerate(results):
        reports = await run_filters(state, choice_contexts[index], result.text)
        reports_all += reports
        text = (echoes[index] if echoes else "") + result.text
        finish = result.finish_reason
        if blocked(reports):
            text, finish = "", "content_filter"
        choice = {
            "text": text,
            "index": index,
            "logprobs": _completion_logprobs(result, echoes, index),
            "finish_reason": finish,
        }
        if reports:
            choice["codellama_filters"] = [r.to_json() for r in reports]
        out.append(choice)
    usage = usage_of(prompt_tokens, results)
    return json_with_filters({**meta, "choices": out, "usage": usage}, reports_all)


def _completion_choices(
    state: ServerState, body: CompletionRequest, text: str, ids: list[int] | None, params: list[SamplingParams]
) -> tuple[list[Choice], int]:
    """The n choices of one prompt of a completion request (its prompt encoded once, so the scheduler
    prefills it once), and the prompt's token count."""
    generator = state.generator
    logprobs = body.echo and body.logprobs is not None
    if body.suffix is not None:
        if generator.tokenizer.infill is None:  # infilling by ranking needs the model to itself
            prefix_tokens = len(generator.encode_prompt(text))
            budget = state.settings.ranking_budget()
            choices = [lambda p=p: generator.infill(text, body.suffix, p, budget=budget).completion for p in params]
            return choices, prefix_tokens
        infill_ids = infill_prompt_tokens(generator.tokenizer, text, body.suffix)
        return [Job(infill_ids, p, prompt_text=text) for p in params], len(infill_ids)
    if ids is not None:
        return [Job(ids, p, prompt_text=text, prompt_logprobs=logprobs) for p in params], len(ids)
    prompt_ids, healed, kept = generator.completion_prompt(text, heal=not body.echo and body.logprobs is None)
    return [Job(prompt_ids, p, prompt_text=kept, healed=healed, prompt_logprobs=logprobs) for p in params], len(
        prompt_ids
    )


async def _stream_completions(state, request, run: Run, meta, echoes, contexts, prompt_tokens, include_usage):
    texts = [""] * run.remaining
    results: list[Completion | None] = [None] * run.remaining
    try:
        if echoes:
            for index, echo in enumerate(echoes):
                yield sse(
                    {**meta, "choices": [{"text": echo, "index": index, "logprobs": None, "finish_reason": None}]}
                )
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
                report_filters(choice, await run_filters(state, contexts[index], delta.completion.text))
            yield sse({**meta, "choices": [choice]})
        if include_usage:
            yield sse({**meta, "choices": [], "usage": usage_of(prompt_tokens, results)})
        yield sse("[DONE]")
    except ApiError as e:
        yield sse_error(e)


def _refused_completion(state, body, block: FilterReport, reports, count: int) -> JSONResponse:
    meta = {
        "id": "cmpl-" + secrets.token_hex(12),
        "object": "text_completion",
        "created": int(time.time()),
        "model": state.settings.model_name,
    }
    choices = [
        {
            "text": "",
            "index": j,
            "logprobs": None,
            "finish_reason": "content_filter",
            "codellama_filters": [r.to_json() for r in reports],
        }
        for j in range(count)
    ]
    payload = {
        **meta,
        "choices": choices,
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "codellama_refusal": block.reason,
    }
    if body.stream:

        async def events():
            for choice in choices:
                yield sse({**meta, "choices": [choice]})
            yield sse("[DONE]")

        return sse_response(events(), headers={"X-Codellama-Filters": header_value(reports)})
    return json_with_filters(payload, reports)


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


# -- shared -----------------------------------------------------------------------------------


def parse_request(state: ServerState, model, body: dict):
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


def sampling_params(
    body: OpenAISampling,
    state: ServerState,
    index: int,
    max_tokens: int | None,
    logprobs: int | None,
    prompt_length: int = 0,
) -> SamplingParams:
    stop = [body.stop] if isinstance(body.stop, str) else list(body.stop or [])
    if len(stop) > 16 or any(not s for s in stop):
        raise ApiError(400, "stop must hold at most 16 non-empty strings", param="stop")
    if max_tokens is None:  # as much as the context leaves
        max_tokens = max(1, state.scheduler.context - prompt_length)
    params = SamplingParams(
        max_new_tokens=max_tokens,
        temperature=body.temperature,
        top_p=body.top_p,
        top_k=body.top_k,
        min_p=body.min_p,
        repetition_penalty=body.repetition_penalty,
        presence_penalty=body.presence_penalty,
        frequency_penalty=body.frequency_penalty,
        stop=stop,
        logprobs=logprobs,
        seed=None if body.seed is None else body.seed + index,
    )
    try:
        params.validate()
    except GenerationError as e:
        raise ApiError(400, str(e)) from None
    return params


def report_filters(choice: dict, reports: list[FilterReport]) -> None:
    """Put the response filters' reports on a streamed choice's last chunk. Its text is already out, so a
    blocking report can only say so (finish_reason content_filter)."""
    if reports:
        choice["codellama_filters"] = [r.to_json() for r in reports]
        if blocked(reports):
            choice["finish_reason"] = "content_filter"


def usage_of(prompt_tokens: int, results) -> dict:
    completion_tokens = sum(len(r.token_ids) for r in results if r is not None)
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def json_with_filters(payload: dict, reports: list[FilterReport]) -> JSONResponse:
    headers = {"X-Codellama-Filters": header_value(reports)} if reports else None
    return JSONResponse(payload, headers=headers)
