"""Prompts and shorthands shared by the generation and stopping tests."""

from __future__ import annotations

from codellama.generation import Generator, SamplingParams

PROMPTS = ["def fibonacci(n):", "import os\n\nclass Walker:\n    def __init__(self, root):", "日本語のテキスト ☃"]


def greedy(n: int = 40, **kw) -> SamplingParams:
    return SamplingParams(max_new_tokens=n, **kw)


def stream(generator: Generator, prompt: str, params: SamplingParams) -> str:
    return "".join(generator.stream_complete(prompt, params))
