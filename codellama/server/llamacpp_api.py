"""llama.cpp-compatible endpoints, the API code editors already speak (llama.vim, llama.vscode, Tabby):
/completion, /infill (with repository context), /tokenize, /detokenize, /props."""

from __future__ import annotations

import time
from pathlib import PurePosixPath

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
from codellama.server.schemas import (
    DetokenizeRequest,
    InfillRequest,
    LlamaCompletionRequest,
    LlamaSampling,
    TokenizeRequest,
)
from codellama.stopping import guess_language

router = APIRouter()
HASH_COMMENTS = {".py", ".sh", ".bash", ".rb", ".pl", ".r", ".yaml", ".yml", ".toml", ".jl", ".ps1", ".mk"}


@router.post("/completion")
async def completion(request: Request):
    state = ready_state(request)
    body = parse(LlamaCompletionRequest, await read_json(request))
    check_model_name(state, body.model)
    generator = state.generator
    if isinstance(body.prompt, list):
        if not body.prompt:
            raise ApiError(400, "prompt is empty: give a string or token ids", param="prompt")
        check_token_ids(state, body.prompt, "prompt")
        ids, healed, text = list(body.prompt), "", generator.tokenizer.decode(body.prompt)
    else:
        if not body.prompt:
            raise ApiError(400, "prompt is empty: give some text to continue", param="prompt")
        # as llama.cpp does, control-token text in the prompt is parsed: editors (Continue, Tabby) send
        # fill-in-the-middle templates like "<PRE> {prefix} <SUF>{suffix} <MID>" as text
        ids, healed, text = generator.completion_prompt(body.prompt, heal=body.n_probs == 0, allow_special=True)
    original = body.prompt if isinstance(body.prompt, str) else text  # healing's text is still the user's
    context = FilterContext("completion", original, guess_language(original), code_before=original)
    reports = await run_filters(state, context)
    if (block := blocked(reports)) is not None:
        return _refused(body, block, reports)
    job = Job(
        ids, _sampling(body, state, len(ids)), prompt_text=text, healed=healed, predict_seconds=_predict_seconds(body)
    )
    return await _respond(state, request, body, job, len(ids), context)


@router.post("/infill")
async def infill(request: Request):
    state = ready_state(request)
    body = parse(InfillRequest, await read_json(request))
    check_model_name(state, body.model)
    generator = state.generator
    prefix, suffix = body.input_prefix + body.prompt, body.input_suffix
    if not (prefix or suffix):
        raise ApiError(
            400, "input_prefix, prompt and input_suffix are all empty: nothing to fill in", param="input_prefix"
        )
    context = FilterContext(
        "infill", prefix[-2000:], guess_language(prefix, _first_filename(body)), code_before=prefix, code_after=suffix
    )
    reports = await run_filters(state, context)
    if (block := blocked(reports)) is not None:
        return _refused(body, block, reports)
    prefix = _with_repository_context(state, body, prefix, suffix)
    if generator.tokenizer.infill is None:  # infilling by ranking needs the model to itself
        prompt_tokens = len(generator.encode_prompt(prefix)) + len(generator.tokenizer.encode_continuation(suffix))
        params = _sampling(body, state, prompt_tokens, default_predict=128)
        budget = state.settings.ranking_budget(_predict_seconds(body))
        choice: Choice = lambda: generator.infill(prefix, suffix, params, budget=budget).completion
    else:
        ids = infill_prompt_tokens(generator.tokenizer, prefix, suffix)
        prompt_tokens = len(ids)
        choice = Job(ids, _sampling(body, state, len(ids)), prompt_text=prefix, predict_seconds=_predict_seconds(body))
    return await _respond(state, request, body, choice, prompt_tokens, context)


def _first_filename(body: InfillRequest) -> str | None:
    return body.input_extra[-1].filename if body.input_extra else None


def _with_repository_context(state: ServerState, body: InfillRequest, prefix: str, suffix: str) -> str:
    """Put the `input_extra` chunks (other files of the repository) before the prefix, each under a
    comment naming its file, dropping the oldest chunks when they would not fit the context."""
    if not body.input_extra:
        return prefix
    tokenizer = state.generator.tokenizer
    budget = state.scheduler.context - _predict(body, 128) - len(tokenizer.encode_continuation(prefix + suffix)) - 8
    parts: list[str] = []
    for chunk in reversed(body.input_extra):
        comment = "#" if PurePosixPath(chunk.filename).suffix.lower() in HASH_COMMENTS else "//"
        part = (f"{comment} {chunk.filename}\n" if chunk.filename else "") + chunk.text.rstrip("\n") + "\n\n"
        cost = len(tokenizer.encode_continuation(part))
        if cost > budget:
            break
        budget -= cost
        parts.insert(0, part)
    return "".join(parts) + prefix


def _predict_seconds(body: LlamaSampling) -> float | None:
    return body.t_max_predict_ms / 1e3 if body.t_max_predict_ms else None


def _predict(body: LlamaSampling, default: int | None) -> int:
    return body.n_predict if body.n_predict >= 0 else (default or 0)


def _sampling(
    body: LlamaSampling, state: ServerState, prompt_length: int, default_predict: int | None = None
) -> SamplingParams:
    max_tokens = _predict(body, default_predict) or max(1, state.scheduler.context - prompt_length)
    if body.n_predict == 0:
        raise ApiError(
            400, "n_predict 0 asks for no tokens; use -1 (until a stop) or a positive count", param="n_predict"
        )
    if any(not s for s in body.stop):
        raise ApiError(400, "stop strings must not be empty", param="stop")
    params = SamplingParams(
        max_new_tokens=max_tokens,
        temperature=body.temperature,
        top_k=body.top_k,
        top_p=body.top_p,
        min_p=body.min_p,
        repetition_penalty=body.repeat_penalty,
        presence_penalty=body.presence_penalty,
        frequency_penalty=body.frequency_penalty,
        stop=list(body.stop),
        seed=None if body.seed < 0 else body.seed,
        logprobs=body.n_probs or None,
    )
    try:
        params.validate()
    except GenerationError as e:
        raise ApiError(400, str(e)) from None
    return params


async def _respond(
    state: ServerState,
    request: Request,
    body: LlamaSampling,
    choice: Choice,
    prompt_tokens: int,
    context: FilterContext,
):
    started = time.perf_counter()
    run = Run(state, [choice])
    if body.stream:
        return sse_response(_stream(state, request, run, prompt_tokens, context, started))
    completion = (await collect(request, run))[0]
    reports = await run_filters(state, context, completion.text)
    payload = _final(state, completion, prompt_tokens, started, reports)
    headers = {"X-Codellama-Filters": header_value(reports)} if reports else None
    return JSONResponse(payload, headers=headers)


async def _stream(
    state: ServerState, request: Request, run: Run, prompt_tokens: int, context: FilterContext, started: float
):
    predicted = 0
    try:
        async for _index, delta in run.events(request, watch_disconnect=False):
            if delta is None:
                yield KEEP_ALIVE
                continue
            if delta.completion is None:
                predicted += 1
                yield sse(
                    {
                        "content": delta.text,
                        "stop": False,
                        "id_slot": 0,
                        "index": 0,
                        "tokens_predicted": predicted,
                        "tokens_evaluated": prompt_tokens,
                    }
                )
                continue
            reports = await run_filters(state, context, delta.completion.text)
            final = _final(state, delta.completion, prompt_tokens, started, reports)
            yield sse({**final, "content": delta.text})
    except ApiError as e:
        yield sse_error(e)


def _final(
    state: ServerState, completion: Completion, prompt_tokens: int, started: float, reports: list[FilterReport]
) -> dict:
    elapsed_ms = (time.perf_counter() - started) * 1e3
    predicted = len(completion.token_ids)
    stop_type = "limit" if completion.finish_reason == "length" else "eos"
    payload = {
        "content": completion.text,
        "stop": True,
        "id_slot": 0,
        "index": 0,
        "model": state.settings.model_name,
        "tokens_predicted": predicted,
        "tokens_evaluated": prompt_tokens,
        "stop_type": stop_type,
        "stopped_eos": stop_type == "eos",
        "stopped_limit": stop_type == "limit",
        "stopped_word": False,
        "stopping_word": "",
        "truncated": False,
        "has_new_line": "\n" in completion.text,
        "timings": {
            "prompt_n": prompt_tokens,
            "predicted_n": predicted,
            "predicted_ms": elapsed_ms,
            "predicted_per_second": predicted / max(elapsed_ms / 1e3, 1e-9),
        },
    }
    if completion.logprobs is not None:
        payload["completion_probabilities"] = [
            {
                "id": e.token_id,
                "token": e.token,
                "logprob": e.logprob,
                "bytes": list(e.token.encode()),
                "top_logprobs": [{"token": t, "logprob": lp, "bytes": list(t.encode())} for t, lp in e.top.items()],
            }
            for e in completion.logprobs
        ]
    if reports:
        payload["codellama_filters"] = [r.to_json() for r in reports]
        if blocked(reports):
            payload["content"], payload["stop_type"] = "", "content_filter"
    return payload


def _refused(body: LlamaSampling, block: FilterReport, reports: list[FilterReport]):
    payload = {
        "content": "",
        "stop": True,
        "stop_type": "content_filter",
        "tokens_predicted": 0,
        "codellama_filters": [r.to_json() for r in reports],
        "codellama_refusal": block.reason,
    }
    headers = {"X-Codellama-Filters": header_value(reports)}
    if body.stream:

        async def events():
            yield sse(payload)

        return sse_response(events(), headers=headers)
    return JSONResponse(payload, headers=headers)


# -- tokens -----------------------------------------------------------------------------------


@router.post("/tokenize")
async def tokenize(request: Request):
    state = ready_state(request)
    body = parse(TokenizeRequest, await read_json(request))
    tokenizer = state.generator.tokenizer
    ids = tokenizer.encode(body.content, bos=body.add_special and tokenizer.add_bos, allow_special=body.add_special)
    if not body.with_pieces:
        return {"tokens": ids}
    return {"tokens": [{"id": i, "piece": tokenizer.decode_continuation([i])} for i in ids]}


@router.post("/detokenize")
async def detokenize(request: Request):
    state = ready_state(request)
    body = parse(DetokenizeRequest, await read_json(request))
    check_token_ids(state, body.tokens, "tokens")
    return {"content": state.generator.tokenizer.decode(body.tokens)}


@router.get("/props")
async def props(request: Request):
    state = ready_state(request)
    return {
        "default_generation_settings": {"n_ctx": state.scheduler.context, "model": state.settings.model_name},
        "total_slots": state.scheduler.max_batch,
        "model_path": state.settings.model_name,
        "chat_template": getattr(state.generator.tokenizer, "chat_template", None) or "",
        "infill": state.generator.tokenizer.infill is not None,
    }
