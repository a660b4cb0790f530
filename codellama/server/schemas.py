"""Request bodies of the OpenAI- and llama.cpp-compatible endpoints, checked strictly.

Types are strict ("5" is not an integer, true is not a number), numbers are finite and in
range, and every error names the field. Fields a body carries that we do not know are
ignored, as OpenAI clients and editors send extras of their own.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

Number = Annotated[float, Field(allow_inf_nan=False)]
TokenIds = list[Annotated[int, Field(ge=0)]]
MAX_N = 16
MAX_STOPS = 16


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class StreamOptions(Strict):
    include_usage: bool = False


class OpenAISampling(Strict):
    model: str | None = None
    temperature: Number = Field(1.0, ge=0, le=2)
    top_p: Number = Field(1.0, gt=0, le=1)
    n: int = Field(1, ge=1, le=MAX_N)
    stream: bool = False
    stream_options: StreamOptions | None = None
    stop: str | list[str] | None = None
    presence_penalty: Number = Field(0.0, ge=-2, le=2)
    frequency_penalty: Number = Field(0.0, ge=-2, le=2)
    seed: int | None = None
    logit_bias: dict[str, Number] | None = None
    user: str | None = None
    # llama.cpp's extensions, accepted by its OpenAI endpoints too
    top_k: int = Field(0, ge=0)
    min_p: Number = Field(0.0, ge=0, le=1)
    repetition_penalty: Number = Field(1.0, ge=0.01, le=10)


class VerifyField(Strict):
    """`codellama_verify`: verified generation (server/verify.py). Without `tests`, the prompt's examples."""

    tests: str | None = Field(None, max_length=1 << 20)
    n: int = Field(8, ge=1, le=MAX_N)
    language: str = Field("python", max_length=32)


class CompletionRequest(OpenAISampling):
    prompt: str | list[str] | TokenIds | list[TokenIds]
    suffix: str | None = None
    max_tokens: int | None = Field(16, ge=1)
    logprobs: int | None = Field(None, ge=0, le=5)
    echo: bool = False
    best_of: int | None = Field(None, ge=1, le=MAX_N)
    codellama_verify: VerifyField | None = None


class TextPart(Strict):
    type: Literal["text"]
    text: str


class ChatMessage(Strict):
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[TextPart] | None = None
    name: str | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.text for part in self.content)
        return self.content or ""


class ResponseFormat(Strict):
    type: Literal["text", "json_object", "json_schema"]


class ChatRequest(OpenAISampling):
    messages: list[ChatMessage] = Field(min_length=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    logprobs: bool = False
    top_logprobs: int | None = Field(None, ge=0, le=20)
    response_format: ResponseFormat | None = None
    tools: list[dict] | None = None
    tool_choice: str | dict | None = None
    codellama_verify: VerifyField | None = None


class LlamaSampling(Strict):
    """llama.cpp's /completion and /infill fields, with its defaults."""

    n_predict: int = Field(-1, ge=-1)
    temperature: Number = Field(0.8, ge=0, le=10)
    top_k: int = Field(40, ge=0)
    top_p: Number = Field(0.95, gt=0, le=1)
    min_p: Number = Field(0.05, ge=0, le=1)
    repeat_penalty: Number = Field(1.0, ge=0.01, le=10)
    presence_penalty: Number = Field(0.0, ge=-2, le=2)
    frequency_penalty: Number = Field(0.0, ge=-2, le=2)
    seed: int = -1
    stop: list[str] = Field(default_factory=list, max_length=MAX_STOPS)
    stream: bool = False
    n_probs: int = Field(0, ge=0, le=20)
    model: str | None = None
    cache_prompt: bool = True  # accepted; every request is prefilled afresh here
    # llama.cpp's editor time limit: once a line is complete, stop when generation has taken this long (0: none)
    t_max_predict_ms: int = Field(0, ge=0)


class LlamaCompletionRequest(LlamaSampling):
    prompt: str | TokenIds
    expected: ClassVar[dict[str, str]] = {"prompt": "a string or a list of token ids"}


class ExtraChunk(Strict):
    filename: str = ""
    text: str


class InfillRequest(LlamaSampling):
    input_prefix: str = ""
    input_suffix: str = ""
    input_extra: list[ExtraChunk] = Field(default_factory=list, max_length=256)
    prompt: str = ""  # typed after input_prefix (llama.vim/llama.vscode send the current line's start here)


class TokenizeRequest(Strict):
    content: str
    add_special: bool = False
    with_pieces: bool = False


class DetokenizeRequest(Strict):
    tokens: TokenIds


# what to say when a value fits none of a union's shapes
EXPECTED = {
    "prompt": "a string, a list of strings, a list of token ids, or a list of lists of token ids",
    "stop": "a string or a list of strings",
    "content": "a string or a list of {type: 'text', text} parts",
}


def describe(error: ValidationError, expected: dict[str, str] | None = None) -> tuple[str, str]:
    """The first problem of a validation error as (field path, message); `expected` overrides EXPECTED."""
    expected = {**EXPECTED, **(expected or {})}
    first = error.errors()[0]
    loc = [str(part) for part in first["loc"] if not _is_union_branch(part)]
    path = ".".join(loc) or "body"
    field = loc[-1] if loc else "body"
    if first["type"] == "missing":
        return path, f"{path} is required"
    value = first.get("input")
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    if field in expected and first["type"].endswith("_type"):
        return path, f"{path} must be {expected[field]} (got {shown})"
    return path, f"{path}: {first['msg']} (got {shown})"


def _is_union_branch(part) -> bool:
    return isinstance(part, str) and ("[" in part or part in ("str", "int", "float", "bool", "function-after"))
