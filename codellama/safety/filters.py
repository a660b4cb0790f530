"""The three guards behind two calls, for the server's request and response hooks and for the CLI.

    verdict = check_request(prompt_text, policy="block")            # before generating
    report = check_output(prompt, completion, language=None,         # after generating
                          code_policy="default", references=index, reference_policy="annotate")
    report.action            # Action.ALLOW | WARN | ANNOTATE | BLOCK (a str enum: "allow", ...)
    report.metadata()        # JSON-ready dict for the response body (an extra field OpenAI clients ignore)
    report.headers()         # ASCII HTTP headers carrying the same, for clients that read headers only
    report.refusal           # the text to send instead of a blocked completion

Only the generated text is judged: findings on lines the prompt already held, and copies that lie wholly in the
prompt, belong to the user.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from codellama.safety.actions import Action, strongest
from codellama.safety.insecure_code import Finding, Outcome, outcome, rule_set, scan, scan_completion
from codellama.safety.intent import Verdict, judge_request
from codellama.safety.references import Match, ReferenceIndex, reference_action

_FENCE = re.compile(r"^```[ \t]*([\w+#.-]*)[^\n]*\n(.*?)^```", re.M | re.S)


def _fenced_findings(reply: str, language: str | None) -> list[Finding] | None:
    """Findings in the fenced code blocks of a chat reply (line numbers within the reply); None without blocks."""
    blocks = list(_FENCE.finditer(reply))
    if not blocks:
        return None
    findings = []
    for block in blocks:
        block_language = rule_set(block.group(1)) or language
        offset = reply.count("\n", 0, block.start(2))
        findings += [dataclasses.replace(f, line=f.line + offset) for f in scan(block.group(2), block_language)]
    return findings


def check_request(text: str, policy: str = "block", generator=None) -> Verdict:
    """The request guard (see intent.judge_request): allow, warn or block, with category, reason and refusal."""
    return judge_request(text, policy=policy, generator=generator)


@dataclass
class OutputReport:
    findings: list[Finding] = field(default_factory=list)
    code_action: Action = Action.ALLOW  # ALLOW, WARN or BLOCK (from the findings' outcomes under the code policy)
    references: list[Match] = field(default_factory=list)
    reference_action: Action = Action.ALLOW  # ALLOW, ANNOTATE or BLOCK

    @property
    def action(self) -> Action:
        return strongest(self.code_action, self.reference_action)

    @property
    def refusal(self) -> str:
        """Why a blocked completion was withheld ('' when it was not)."""
        if self.action is not Action.BLOCK:
            return ""
        reasons = []
        if self.code_action is Action.BLOCK:
            worst = [f for f in self.findings if f.severity == "high"] or self.findings
            reasons += [f"{f.cwe} {f.message} (line {f.line}; fix: {f.fix_hint})" for f in worst[:3]]
        if self.reference_action is Action.BLOCK:
            reasons += [f"it copies {m.path} ({m.license})" for m in self.references[:3]]
        return "The generated code was withheld: " + "; ".join(reasons) + "."

    def metadata(self) -> dict:
        return {
            "action": self.action,
            "insecure_code": [f.to_dict() for f in self.findings],
            "references": [m.to_dict() for m in self.references],
        }

    def headers(self) -> dict[str, str]:
        headers = {"X-Codellama-Safety": self.action}
        if self.findings:
            headers["X-Codellama-CWE"] = ",".join(dict.fromkeys(f.cwe for f in self.findings))
        if self.references:
            sources = dict.fromkeys(f"{m.path} ({m.license})" for m in self.references)
            headers["X-Codellama-References"] = "; ".join(sources).encode("ascii", "replace").decode()[:1000]
        return headers


def check_output(
    prompt: str,
    completion: str,
    language: str | None = None,
    code_policy: str = "default",
    references: ReferenceIndex | None = None,
    reference_policy: str = "annotate",
) -> OutputReport:
    """Scan a completion for insecure code and, with an index, for copied licensed code. A chat reply's fenced code
    blocks are scanned each in its own language (from the fence, else `language`, else guessed); other text is
    scanned as code continuing the prompt.
    code_policy: default (high blocks, medium warns), strict, warn or off; reference_policy: off, annotate, block."""
    report = OutputReport()
    if code_policy != "off":
        findings = _fenced_findings(completion, language)
        if findings is None:
            findings = scan_completion(prompt, completion, language)
        outcomes = {f: outcome(f, code_policy) for f in findings}
        report.findings = [f for f in findings if outcomes[f] is not Outcome.IGNORE]
        if any(o is Outcome.BLOCK for o in outcomes.values()):
            report.code_action = Action.BLOCK
        elif report.findings:
            report.code_action = Action.WARN
    if references is not None and reference_policy != "off":
        report.references = references.check_completion(prompt, completion)
        report.reference_action = reference_action(report.references, reference_policy)
    return report
