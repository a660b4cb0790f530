"""The guard rails (codellama/safety) as the server's request and response filters.

- intent: chat requests (natural language) are judged by the request guard before anything is
  generated; a blocked one gets the guard's refusal. Completion and infill prompts are code, not
  requests, and are not judged.
- insecure_code: each generated text (never the user's own code around it) is scanned; a finding's
  CWE, severity, line and fix hint come back with the response; high severity blocks under the
  default policy.
- references: with an index built by `codellama refs build`, generated text that copies an indexed
  document is reported with its path and licence (or blocked, with --reference-policy block).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codellama.safety.actions import Action
from codellama.server.filters import FilterContext, FilterReport, Filters

GUARD_POLICIES = ("off", "warn", "block")
CODE_POLICIES = ("off", "warn", "default", "strict")
REFERENCE_POLICIES = ("off", "annotate", "block")


@dataclass
class SafetySettings:
    guard: str = "block"  # the request guard's policy
    judge: bool = False  # also ask the loaded model as a judge
    code_policy: str = "default"
    references: str | Path | None = None  # a reference index file
    reference_policy: str = "annotate"

    def check(self) -> None:
        for name, value, allowed in (
            ("--guard", self.guard, GUARD_POLICIES),
            ("--code-policy", self.code_policy, CODE_POLICIES),
            ("--reference-policy", self.reference_policy, REFERENCE_POLICIES),
        ):
            if value not in allowed:
                raise ValueError(f"{name} {value!r}: use one of {', '.join(allowed)}")


def safety_filters(settings: SafetySettings) -> Filters:
    from codellama.safety.filters import check_output, check_request
    from codellama.safety.references import ReferenceIndex

    settings.check()
    index = ReferenceIndex.load(settings.references) if settings.references else None

    def guard(context: FilterContext) -> FilterReport | None:
        if context.endpoint != "chat" or settings.guard == "off":
            return None
        if settings.judge and context.run_on_model is not None:  # the judge needs the model to itself
            verdict = context.run_on_model(
                lambda: check_request(context.request_text, settings.guard, generator=context.generator)
            )
        else:
            verdict = check_request(context.request_text, settings.guard)
        if verdict.action is Action.ALLOW:
            return None
        details = {"verdict": verdict.action, "category": verdict.category, "source": verdict.source}
        if verdict.action is Action.BLOCK:
            details["refusal"] = verdict.refusal
        return FilterReport("intent", _blocks_or_annotates(verdict.action), verdict.reason, details)

    def scan(context: FilterContext, text: str) -> list[FilterReport]:
        if not text.strip():
            return []
        report = check_output(
            context.code_before,
            text,
            context.language,
            code_policy=settings.code_policy,
            references=index,
            reference_policy=settings.reference_policy,
        )
        reports = []
        if report.findings:
            worst = report.findings[0]
            reason = "; ".join(f"{f.cwe} {f.message} (line {f.line})" for f in report.findings[:3])
            reports.append(
                FilterReport(
                    "insecure_code",
                    _blocks_or_annotates(report.code_action),
                    reason,
                    {
                        "findings": [f.to_dict() for f in report.findings],
                        "cwe": worst.cwe,
                        "refusal": report.refusal if report.code_action is Action.BLOCK else "",
                    },
                )
            )
        if report.references:
            first = report.references[0]
            reports.append(
                FilterReport(
                    "references",
                    _blocks_or_annotates(report.reference_action),
                    f"copies {first.path} ({first.license})",
                    {"matches": [m.to_dict() for m in report.references]},
                )
            )
        return reports

    return Filters(
        request=[guard] if settings.guard != "off" else [],
        response=[scan] if settings.code_policy != "off" or index is not None else [],
    )


def _blocks_or_annotates(action: Action) -> Action:
    """A filter report blocks or annotates: a guard rail's warning travels as an annotation."""
    return Action.BLOCK if action is Action.BLOCK else Action.ANNOTATE
