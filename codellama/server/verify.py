"""The `codellama_verify` extension of /v1/completions and /v1/chat/completions: verified generation (verify.py).

    "codellama_verify": {"tests": "assert add(2, 3) == 5", "n": 8, "language": "python"}

Off unless the field is present. The candidates (the greedy answer and n-1 samples at the request's temperature,
0.8 when it is 0) go through the scheduler as one request's sequences, then run against the tests in the sandbox;
the response has one choice, the chosen answer, and a `codellama_verify` report. Without `tests`, they come from the
prompt's docstring examples (and from the model, when there are none). Everything ends by the request's deadline:
the sequences stop there, and each sandbox run is given only the time left.
"""

from __future__ import annotations

import asyncio
import functools
import secrets
import threading
import time
from dataclasses import replace

from codellama.engine import Completion, Request
from codellama.generation import GenerationError
from codellama.server.common import ApiError, ServerState, busy_error
from codellama.server.scheduler import DeadlineExceeded, QueueFull
from codellama.server.schemas import VerifyField
from codellama.stopping import guess_language

GRACE_SECONDS = 2.0  # past the deadline, how long to wait for the verification thread before answering 503
LANGUAGES = {"python": "python", "py": "python", "cpp": "cpp", "c++": "cpp", "java": "java", "php": "php"}
LANGUAGES |= {"ts": "ts", "typescript": "ts", "cs": "cs", "csharp": "cs", "c#": "cs", "sh": "sh", "bash": "sh"}


@functools.cache
def _sandbox():
    from codellama.sandbox import Sandbox
    from codellama.verify import LIMITS

    return Sandbox(LIMITS)


def sandbox():
    """The server's sandbox (created once); 503 when this machine cannot isolate programs."""
    from codellama.sandbox import SandboxUnavailable

    try:
        return _sandbox()
    except SandboxUnavailable as e:
        raise ApiError(
            503,
            f"codellama_verify needs the sandbox, which is unavailable on this server: {e}",
            kind="unavailable",
            code="sandbox_unavailable",
            param="codellama_verify",
        ) from None


def check_compatible(body, *, prompts: int = 1) -> None:
    """What cannot be combined with verification: it returns one chosen, whole answer."""
    field = "codellama_verify"
    if body.stream:
        raise ApiError(
            400, f"{field} cannot be streamed: the answer is chosen once every candidate is tested", param="stream"
        )
    if body.n != 1:
        raise ApiError(
            400, f"with {field} the response has one choice, the chosen one: use {field}.n for candidates", param="n"
        )
    if prompts != 1:
        raise ApiError(400, f"{field} verifies one prompt per request, got {prompts}", param="prompt")
    if getattr(body, "echo", False) or body.logprobs not in (None, False):
        param = "echo" if getattr(body, "echo", False) else "logprobs"
        raise ApiError(400, f"{param} cannot be combined with {field}", param=param)


def _tests(options: VerifyField, visible: str):
    from codellama.verify_tests import entry_point_of, example_tests, read_tests_file

    language = LANGUAGES.get(options.language.lower())
    if language is None:
        raise ApiError(
            400,
            f"codellama_verify.language {options.language!r} is not one the sandbox runs: use python, cpp, java, "
            "php, ts, cs or sh",
            param="codellama_verify.language",
        )
    if language != "python":
        from codellama.eval.multipl_e import language as toolchain

        try:
            toolchain(language)
        except ValueError as e:
            raise ApiError(400, f"codellama_verify.language: {e}", param="codellama_verify.language") from None
    if options.tests is None:
        if language != "python":
            raise ApiError(
                400,
                f"codellama_verify.tests is required for {language}: tests read from the prompt are Python only",
                param="codellama_verify.tests",
            )
        return language, example_tests(visible)
    try:
        return language, read_tests_file(options.tests, language, entry_point_of(visible))
    except ValueError as e:
        raise ApiError(400, f"codellama_verify.tests: {e}", param="codellama_verify.tests") from None


async def verified_completion(state: ServerState, body, task, params, context) -> tuple[Completion, dict]:
    """Run verification for one task (a codellama.verify.Task); returns the chosen Completion and the report.
    `params`: the request's sampling (its temperature, if above 0, for the samples)."""
    from codellama.verify import Options, verify

    started = time.monotonic()
    deadline = started + state.settings.request_timeout
    field: VerifyField = body.codellama_verify
    task.language, tests = _tests(field, task.visible_text())
    if task.kind == "complete" and params.code_stop is None:  # candidates end with their function, as the CLI's
        params = replace(params, code_stop=guess_language(task.prompt))
    options = Options(n=field.n, seed=params.seed or 0, deadline=deadline)
    if params.temperature > 0:
        options.temperature = params.temperature
    box = sandbox()
    cancelled = threading.Event()
    handles: list = []
    generate = functools.partial(_generate, state, deadline, cancelled, handles)

    def exclusive(work):
        return state.scheduler.run_exclusive(work).result(timeout=max(0.1, deadline - time.monotonic()))

    def work():
        return verify(
            state.generator, task, tests, params, options, sandbox=box, generate=generate, exclusive=exclusive
        )

    try:
        verified = await asyncio.wait_for(asyncio.to_thread(work), deadline - time.monotonic() + GRACE_SECONDS)
    except (TimeoutError, DeadlineExceeded) as e:  # waiting here, or the deadline reached in the thread
        cancelled.set()
        for handle in handles:
            handle.cancel()
        why = f": {e}" if str(e) else ""
        raise ApiError(
            503,
            f"verification did not finish before the request's deadline{why}",
            kind="timeout",
            code="deadline_exceeded",
        ) from None
    except ApiError:
        raise
    except QueueFull as e:
        raise busy_error(e) from None
    except (GenerationError, ValueError) as e:
        raise ApiError(400, str(e)) from None
    report = verified.report.to_json()
    report["id"] = "verify-" + secrets.token_hex(6)
    return verified.completion, report


def _generate(state: ServerState, deadline: float, cancelled: threading.Event, handles: list, requests: list[Request]):
    """Run requests through the scheduler as one request's sequences (from the verification thread)."""
    if not requests:
        return []
    if cancelled.is_set():
        raise TimeoutError("the request was cancelled")
    jobs = [replace(r, deadline=deadline) for r in requests]
    submitted = state.scheduler.submit(jobs, loop=None)
    handles += submitted
    results: list[Completion] = []
    for handle in submitted:
        completion = None
        for delta in handle:
            if delta.completion is not None:
                completion = delta.completion
        if completion is None:
            raise TimeoutError("a candidate was cancelled")
        results.append(completion)
    return results


# -- the responses ----------------------------------------------------------------------------------


async def completion_response(state: ServerState, body, text: str, ids: list[int] | None, context, meta: dict):
    """/v1/completions with codellama_verify: one choice, the chosen candidate (infilling when `suffix` is set)."""
    from codellama.server.common import run_filters
    from codellama.server.filters import blocked
    from codellama.server.openai_api import json_with_filters, sampling_params
    from codellama.verify import Task

    prompt_length = 0
    if body.max_tokens is None:
        prompt_length = len(ids) if ids is not None else len(state.generator.encode_prompt(text)) + 8
    params = sampling_params(body, state, 0, body.max_tokens, logprobs=None, prompt_length=prompt_length)
    task = Task("infill", text, body.suffix) if body.suffix is not None else Task("complete", text)
    completion, report = await verified_completion(state, body, task, params, context)
    reports = await run_filters(state, context, completion.text)
    choice = {"text": completion.text, "index": 0, "logprobs": None, "finish_reason": completion.finish_reason}
    if blocked(reports):
        choice["text"], choice["finish_reason"] = "", "content_filter"
    if reports:
        choice["codellama_filters"] = [r.to_json() for r in reports]
    payload = {**meta, "choices": [choice], "usage": _usage(completion, report), "codellama_verify": report}
    return json_with_filters(payload, reports)


async def chat_response(state: ServerState, body, messages: list[dict], ids: list[int], context, meta: dict):
    """/v1/chat/completions with codellama_verify: one choice, the chosen reply (tested on its code block)."""
    from codellama.server.common import run_filters
    from codellama.server.filters import blocked
    from codellama.server.openai_api import json_with_filters, sampling_params
    from codellama.verify import Task

    max_tokens = body.max_completion_tokens or body.max_tokens
    params = sampling_params(body, state, 0, max_tokens, logprobs=None, prompt_length=len(ids))
    completion, report = await verified_completion(state, body, Task("chat", messages=messages), params, context)
    reports = await run_filters(state, context, completion.text)
    content, finish = completion.text, completion.finish_reason
    if (block := blocked(reports)) is not None:
        content, finish = block.details.get("refusal") or f"I can't help with that: {block.reason}", "content_filter"
    choice = {
        "index": 0,
        "message": {"role": "assistant", "content": content},
        "logprobs": None,
        "finish_reason": finish,
    }
    if reports:
        choice["codellama_filters"] = [r.to_json() for r in reports]
    payload = {**meta, "choices": [choice], "usage": _usage(completion, report), "codellama_verify": report}
    return json_with_filters(payload, reports)


def _usage(chosen: Completion, report: dict) -> dict:
    """Every candidate's tokens count: they were all generated."""
    generated = sum(c["tokens"] for c in report["candidates"])
    return {
        "prompt_tokens": chosen.prompt_tokens,
        "completion_tokens": generated,
        "total_tokens": chosen.prompt_tokens + generated,
    }
