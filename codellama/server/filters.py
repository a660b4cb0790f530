"""Hooks for request and response filters (the guard rails plug in here).

A request filter sees what the user asked before anything is generated and may block it;
a response filter sees each finished completion (the generated text only, not the code
around it) and may annotate or block it. Their reports travel back to the client as an
extra `codellama_filters` field (which OpenAI clients ignore) and an `X-Codellama-Filters`
header, and are counted in /metrics.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from codellama.safety.actions import Action


@dataclass
class FilterContext:
    endpoint: str  # "completions", "chat", "completion" or "infill"
    request_text: str  # what the user asked: the prompt, the chat's last user message, or the code before the hole
    language: str | None = None  # of the code being written, when known
    code_before: str = ""  # code around the output (the prompt or prefix): context, never judged as output
    code_after: str = ""
    # for filters that ask the model itself (a judge prompt): run_on_model(fn) runs fn() with the model to
    # itself, between batch steps, and returns its result; generator is the loaded Generator
    run_on_model: Callable[[Callable[[], object]], object] | None = None
    generator: object = None


@dataclass
class FilterReport:
    filter: str  # the filter's name, e.g. "intent", "insecure_code", "references"
    action: Action  # ALLOW, ANNOTATE or BLOCK
    reason: str = ""
    details: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)


# a filter returns nothing to report (None or []), a report, or several
RequestFilter = Callable[[FilterContext], "FilterReport | list[FilterReport] | None"]
ResponseFilter = Callable[[FilterContext, str], "FilterReport | list[FilterReport] | None"]


@dataclass
class Filters:
    request: list[RequestFilter] = field(default_factory=list)
    response: list[ResponseFilter] = field(default_factory=list)

    def check_request(self, context: FilterContext) -> list[FilterReport]:
        return _flatten(f(context) for f in self.request)

    def check_response(self, context: FilterContext, text: str) -> list[FilterReport]:
        return _flatten(f(context, text) for f in self.response)


def _flatten(results) -> list[FilterReport]:
    reports = []
    for result in results:
        if result is not None:
            reports.extend(result if isinstance(result, list) else [result])
    return reports


def blocked(reports: list[FilterReport]) -> FilterReport | None:
    return next((r for r in reports if r.action == Action.BLOCK), None)  # == : a filter may report a plain string


def header_value(reports: list[FilterReport]) -> str:
    """`intent=block, insecure_code=annotate`: what the filters did, for a response header."""
    return ", ".join(f"{r.filter}={r.action}" for r in reports)
