"""Verified generation: generate n candidates in one batch, run each against tests in the sandbox, and return
the first that passes, with a report of what happened.

    verified = verify(generator, Task("complete", prompt), example_tests(prompt))
    verified.text        the chosen answer
    verified.report      n, how many passed, each candidate's outcome, the chosen index, wall time

Candidates: the greedy answer first, then n-1 samples (temperature 0.8 by default), all one batch. The order is
the preference: among candidates that do equally well, the earliest wins, so the greedy answer is returned
whenever it passes.

Tests (verify_tests.py): given ones, which a user can see (a tests file, or the prompt's own docstring examples),
and, where the given ones cannot decide (there are none, or no candidate passes them all), tests the model writes
itself. Choosing (`choose`):
  1. candidates whose code does not even load are set aside (unless none loads);
  2. given tests: keep the candidates that pass the most of them (all of them: verified);
  3. model-written tests, when they were written: CodeT's dual agreement (Chen et al. 2022) among those kept:
     group candidates by the set of those tests they pass; a group scores |group| x |tests passed|; the best
     group's earliest member wins;
  4. otherwise the earliest candidate kept.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from codellama.engine import Completion, FinishReason, Request, SamplingParams
from codellama.eval.harness import Executor
from codellama.sandbox import Limits, RunResult, Sandbox
from codellama.stopping import guess_language
from codellama.verify_tests import (
    TestSuite,
    defined_functions,
    parse_outcomes,
    parse_written_tests,
    prompt_for_tests,
    python_test_program,
    result_marker,
    trimmed_outcome,
)

DEFAULT_N = 8
DEFAULT_TEMPERATURE = 0.8
DEFAULT_TOP_P = 1.0
DEFAULT_MIN_P = 0.05  # truncation by min-p rather than top-p: the engine sorts the vocabulary per token for top-p
MAX_N = 64
TEST_SAMPLES = 4  # continuations of the test prompt (each gives up to 5 asserts)
TEST_TOKENS = 192
LIMITS = Limits(wall_seconds=20, cpu_seconds=20, memory_mb=2048)  # one candidate with all its tests
FENCE = re.compile(r"```[ \t]*([\w+#.-]*)[ \t]*\n(.*?)(?:\n[ \t]*```|\Z)", re.S)

Generate = Callable[[list[Request]], list[Completion]]  # the requests' completions, in order (one batch)
Exclusive = Callable[[Callable[[], object]], object]  # runs work that needs the model to itself


@dataclass
class Task:
    """What to generate. complete: continue `prompt`; infill: fill between `prompt` (the prefix) and `suffix`;
    chat: answer `messages`. `to_code` (default: by kind) turns a candidate's text into the program tested."""

    kind: Literal["complete", "infill", "chat"]
    prompt: str = ""
    suffix: str = ""
    messages: list[dict] = field(default_factory=list)
    language: str = "python"
    stop: list[str] = field(default_factory=list)  # more stop strings for every candidate
    to_code: Callable[[str], str] | None = None

    def code(self, text: str) -> str:
        if self.to_code is not None:
            return self.to_code(text)
        if self.kind == "complete":
            return self.prompt + text
        if self.kind == "infill":
            return self.prompt + text + self.suffix
        return code_from_reply(text, self.language)

    def visible_text(self) -> str:
        """What the user wrote (where examples are read from)."""
        if self.kind == "chat":
            return "\n".join(m.get("content") or "" for m in self.messages if m.get("role") == "user")
        return self.prompt + self.suffix


@dataclass
class Options:
    n: int = DEFAULT_N
    temperature: float = DEFAULT_TEMPERATURE  # of the n-1 samples (the first candidate is greedy)
    top_p: float = DEFAULT_TOP_P
    min_p: float = DEFAULT_MIN_P
    seed: int = 0
    generated_tests: Literal["auto", "always", "never"] = "auto"  # auto: when the given tests cannot decide
    test_samples: int = TEST_SAMPLES
    workers: int = 2
    deadline: float | None = None  # time.monotonic() by which every sandbox run must have ended

    def check(self) -> None:
        if not 1 <= self.n <= MAX_N:
            raise ValueError(f"the number of candidates must be between 1 and {MAX_N}, got {self.n}")
        if not 0 < self.temperature <= 2:
            raise ValueError(f"the candidates' temperature must be in (0, 2], got {self.temperature}")


@dataclass
class Candidate:
    index: int
    text: str  # the answer as the model wrote it
    code: str  # the program tested
    finish_reason: str
    greedy: bool
    tokens: int = 0  # generated
    loaded: bool | None = None  # its code ran without error (Python; None: not known)
    given: list[str] = field(default_factory=list)  # outcome of each given test
    generated: list[str] = field(default_factory=list)  # outcome of each model-written test

    @property
    def given_passed(self) -> int:
        return sum(o == "passed" for o in self.given)

    def generated_passed(self) -> frozenset[int]:
        return frozenset(i for i, o in enumerate(self.generated) if o == "passed")

    def to_json(self) -> dict:
        return {
            "index": self.index,
            "greedy": self.greedy,
            "finish_reason": self.finish_reason,
            "tokens": self.tokens,
            "loaded": self.loaded,
            "given_passed": self.given_passed if self.given else None,
            "given": self.given or None,
            "generated_passed": len(self.generated_passed()) if self.generated else None,
        }


@dataclass
class Report:
    n: int
    given: TestSuite | None
    generated: TestSuite | None
    candidates: list[Candidate]
    chosen: int
    method: str  # how the choice was made
    wall_seconds: float = 0.0

    @property
    def passed(self) -> int:
        """Candidates that passed every given test (every model-written one when nothing was given)."""
        if self.given is not None and len(self.given):
            return sum(c.given_passed == len(self.given) for c in self.candidates)
        if self.generated is not None and len(self.generated):
            return sum(len(c.generated_passed()) == len(self.generated) for c in self.candidates)
        return 0

    @property
    def verified(self) -> bool:
        """The chosen answer passed every given test (there were some)."""
        return bool(self.given is not None and len(self.given)) and (
            self.candidates[self.chosen].given_passed == len(self.given)
        )

    def summary(self) -> str:
        chosen = self.candidates[self.chosen]
        which = f"candidate {self.chosen} ({'greedy' if chosen.greedy else 'sampled'})"
        if self.given is not None and len(self.given):
            tests = f"the {len(self.given)} {_origin(self.given)} test{'s' * (len(self.given) != 1)}"
            if self.passed:
                return f"{self.passed} of {self.n} candidates passed {tests}; returned {which}"
            return (
                f"NONE of the {self.n} candidates passed {tests}; returned {which} ({self.method}): it is not verified"
            )
        if self.generated is not None and len(self.generated):
            return (
                f"no given tests; {self.passed} of {self.n} candidates passed all {len(self.generated)} tests the "
                f"model wrote; returned {which} ({self.method}): not verified by any test you wrote"
            )
        return f"no tests to run; returned {which} ({self.method}): not verified"

    def to_json(self) -> dict:
        return {
            "n": self.n,
            "passed": self.passed,
            "any_passed": self.passed > 0,
            "verified": self.verified,
            "chosen": self.chosen,
            "method": self.method,
            "tests": {
                "given": len(self.given) if self.given is not None else 0,
                "origin": self.given.origin if self.given is not None else None,
                "generated": len(self.generated) if self.generated is not None else 0,
            },
            "candidates": [c.to_json() for c in self.candidates],
            "summary": self.summary(),
            "wall_seconds": round(self.wall_seconds, 3),
        }


def _origin(suite: TestSuite) -> str:
    return {"file": "given", "docstring": "docstring-example", "generated": "model-written"}[suite.origin]


@dataclass
class Verified:
    text: str
    completion: Completion
    report: Report


# -- candidates ---------------------------------------------------------------------------------


def candidate_params(base: SamplingParams, options: Options) -> list[SamplingParams]:
    """The greedy candidate's sampling, then the n-1 samples' (each its own seed)."""
    greedy = replace(base, temperature=0.0)
    samples = [
        replace(base, temperature=options.temperature, top_p=options.top_p, min_p=options.min_p, seed=options.seed + j)
        for j in range(1, options.n)
    ]
    return [greedy, *samples]


def candidate_requests(generator, task: Task, params: list[SamplingParams]) -> list[Request]:
    """One engine request per candidate (the prompt encoded once; the engine prefills it once)."""
    from codellama.prompts import chat_prompt_tokens, chat_stop_strings, infill_prompt_tokens

    params = [replace(p, stop=list(p.stop) + task.stop) for p in params]
    if task.kind == "complete":
        if task.language != "python":  # MultiPL-E's convention: the body only; the harness closes the function
            from codellama.eval.multipl_e_languages import LANGUAGES

            params = [replace(p, code_stop=None, stop=list(p.stop) + LANGUAGES[task.language].stop) for p in params]
        ids, healed, kept = generator.completion_prompt(task.prompt)
        return [Request(ids, p, prompt_text=kept, healed=healed) for p in params]
    if task.kind == "chat":
        ids = chat_prompt_tokens(generator.tokenizer, task.messages)
        stops = chat_stop_strings(generator.tokenizer)
        return [Request(ids, replace(p, stop=list(p.stop) + stops)) for p in params]
    if generator.tokenizer.infill is None:  # nothing after the hole (else see ranked_infill_candidates)
        if task.prompt.rsplit("\n", 1)[-1].strip():  # as Generator.infill: to the end of the line, or of the block
            params = [replace(p, stop=list(p.stop) + ["\n"]) for p in params]
        else:
            params = [replace(p, code_stop=p.code_stop or guess_language(task.prompt)) for p in params]
        ids, healed, kept = generator.completion_prompt(task.prompt)
        return [Request(ids, p, prompt_text=kept, healed=healed) for p in params]
    ids = infill_prompt_tokens(generator.tokenizer, task.prompt, task.suffix)
    return [Request(ids, p, prompt_text=task.prompt) for p in params]


def generate_directly(generator) -> Generate:
    """Run requests as one batch on the generator (the library and the CLI; the server has its scheduler)."""

    def generate(requests: list[Request]) -> list[Completion]:
        return generator.run(
            [r.prompt_ids for r in requests],
            [r.params for r in requests],
            prompt_texts=[r.prompt_text for r in requests],
            healed=[r.healed for r in requests],
        )

    return generate


def ranked_infill_candidates(generator, prefix: str, suffix: str, params: list[SamplingParams]) -> list[Completion]:
    """Infilling candidates for models without infill tokens: one draft per candidate (one batch), each cut at
    the line where the model finds the whole text most likely (ranking.py's scoring, per draft)."""
    from codellama.ranking import DRAFT_TOKENS, SUFFIX_HEAD_TOKENS, continuation_logprobs, middle_cuts

    prefix_ids, heal_text = generator.vocab.heal_prompt(generator.encode_prompt(prefix))
    suffix_lines = [line for line in suffix.split("\n") if line.strip()]
    stop = ["\n" + suffix_lines[0]] if suffix_lines else []
    rows = [
        replace(p, stop=list(p.stop) + stop, logprobs=None, max_new_tokens=min(p.max_new_tokens, DRAFT_TOKENS))
        for p in params
    ]
    drafts = generator.run([prefix_ids] * len(rows), rows, healed=[heal_text] * len(rows))
    suffix_head = generator.tokenizer.decode_continuation(
        generator.tokenizer.encode_continuation(suffix)[:SUFFIX_HEAD_TOKENS]
    )
    options = sorted({cut for d in drafts for cut in middle_cuts(d.text, suffix)} | {""})
    scores = dict(
        zip(options, continuation_logprobs(generator, prefix_ids, [heal_text + m + suffix_head for m in options]))
    )
    out = []
    for draft in drafts:
        best = max([""] + middle_cuts(draft.text, suffix), key=scores.__getitem__)
        out.append(Completion(best, generator.tokenizer.encode_continuation(best), FinishReason.STOP, len(prefix_ids)))
    return out


def code_from_reply(reply: str, language: str = "python") -> str:
    """The code of a chat reply: its first code block in `language` (or its first code block; or the whole
    reply when it has none)."""
    blocks = FENCE.findall(reply)
    if not blocks:
        return reply
    aliases = {"python": ("python", "py", "python3"), "cpp": ("cpp", "c++"), "ts": ("ts", "typescript")}
    wanted = aliases.get(language, (language,))
    for tag, code in blocks:
        if tag.lower() in wanted:
            return code
    return blocks[0][1]


# -- running the tests --------------------------------------------------------------------------


class CandidateRunner:
    """Runs candidates against test suites in the sandbox, on parallel workers (identical programs once). With a
    `deadline` (time.monotonic()), each run gets only the time left when it starts, and none starts after it."""

    def __init__(self, sandbox: Sandbox, workers: int = 2, deadline: float | None = None):
        self.executor = Executor(sandbox if deadline is None else _Until(sandbox, deadline), workers)
        self.marker = result_marker()  # one per runner, so identical candidates make identical programs (run once)

    def apply(self, candidates: list[Candidate], suite: TestSuite, kind: Literal["given", "generated"]) -> None:
        """Run `suite` on every candidate; record each test's outcome, and whether its code loaded."""
        for candidate, (loaded, outcomes) in zip(candidates, self.run([c.code for c in candidates], suite)):
            if loaded is not None:
                candidate.loaded = loaded
            setattr(candidate, kind, outcomes)

    def run(self, codes: list[str], suite: TestSuite) -> list[tuple[bool | None, list[str]]]:
        """(loaded, outcome of each test) for each code."""
        if not codes:
            return []
        if suite.harness is not None:
            return self._run_harness(codes, suite)
        futures = [self.executor.submit(python_test_program(code, suite, LIMITS, self.marker)) for code in codes]
        results = []
        for future in futures:
            result = future.result()
            loaded = f'{self.marker}{{"candidate": "passed"}}' in result.stdout
            results.append((loaded, parse_outcomes(result, self.marker, len(suite.tests))))
        return results

    def _run_harness(self, codes: list[str], suite: TestSuite) -> list[tuple[bool | None, list[str]]]:
        from codellama.eval.multipl_e import language, program

        language(suite.language)  # a missing toolchain: say so
        futures = [
            self.executor.submit(program({"language": suite.language, "prompt": code, "tests": suite.harness}, ""))
            for code in codes
        ]
        return [(None, [trimmed_outcome(f.result())]) for f in futures]

    def close(self) -> None:
        self.executor.close()


class _Until:
    """A sandbox whose runs end by a deadline: each gets the time left when it starts; past it, none starts."""

    def __init__(self, sandbox: Sandbox, deadline: float):
        self.sandbox, self.deadline = sandbox, deadline

    def run(self, argv, files=None, stdin: bytes = b"", limits: Limits | None = None) -> RunResult:
        left = self.deadline - time.monotonic()
        if left < 0.2:
            return RunResult(None, "timeout", "", "the request's deadline passed before this run started", 0.0)
        limits = limits or self.sandbox.limits
        return self.sandbox.run(argv, files, stdin, replace(limits, wall_seconds=min(limits.wall_seconds, left)))


# -- choosing -----------------------------------------------------------------------------------


def choose(candidates: list[Candidate], given: TestSuite | None, generated: TestSuite | None) -> tuple[int, str]:
    """The index of the candidate to return, and how it was chosen (see the module's docstring)."""
    pool = [c for c in candidates if c.loaded is not False] or list(candidates)
    method = "first"
    if given is not None and len(given):
        best = max(c.given_passed for c in pool)
        if best:
            pool = [c for c in pool if c.given_passed == best]
            method = "passed the given tests" if best == len(given) else f"passed the most given tests ({best})"
    if generated is not None and len(generated) and len(pool) > 1:
        index = dual_agreement(pool)
        if index is not None:
            return index, (method + ", then agreement" if method != "first" else "agreement")
    return pool[0].index, method


def dual_agreement(candidates: list[Candidate]) -> int | None:
    """CodeT: group candidates by the set of model-written tests they pass; score |group| x |tests passed|;
    the best group's earliest member (None when no candidate passes any test)."""
    groups: dict[frozenset[int], list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(candidate.generated_passed(), []).append(candidate)
    scored = [(len(members) * len(passed), -members[0].index, members[0].index) for passed, members in groups.items()]
    best = max(scored)
    return best[2] if best[0] > 0 else None


# -- all together -------------------------------------------------------------------------------


def verify(
    generator,
    task: Task,
    tests: TestSuite | None,
    params: SamplingParams | None = None,
    options: Options | None = None,
    *,
    sandbox: Sandbox | None = None,
    generate: Generate | None = None,
    exclusive: Exclusive | None = None,
) -> Verified:
    """Generate `options.n` candidates for `task` in one batch, test them, and return the chosen one with its
    report. `tests`: the given tests (None or empty: only model-written ones, Python only). `generate` runs a
    batch of requests (default: on the generator); `exclusive` runs work that needs the model to itself."""
    options = options or Options()
    started = time.monotonic()
    check_request(task, tests, options)
    generate = generate or generate_directly(generator)
    completions = generate_candidates(generator, task, params or SamplingParams(), options, generate, exclusive)
    tester = CandidateRunner(sandbox or Sandbox(LIMITS), options.workers, options.deadline)
    try:
        candidates = run_given_tests(task, completions, tests, tester)
        generated = None
        if wants_generated_tests(task, options, tests, candidates):
            entry, requests = requests_for_tests(generator, task, candidates, options)
            generated = parse_written_tests([c.text for c in generate(requests)] if requests else [], entry or "")
            if len(generated):
                tester.apply(candidates, generated, "generated")
    finally:
        tester.close()
    report = decide(candidates, tests, generated, time.monotonic() - started)
    return Verified(completions[report.chosen].text, completions[report.chosen], report)


def check_request(task: Task, tests: TestSuite | None, options: Options) -> None:
    """Raise ValueError for what cannot be verified: bad options, or tests that do not fit the language."""
    options.check()
    if tests is not None and tests.harness is None and task.language != "python":
        raise ValueError(f"tests for {task.language} are a harness file: give one (tests are read as Python here)")
    if (tests is None or not len(tests)) and task.language != "python":
        raise ValueError(
            f"{task.language}: give a tests file (the MultiPL-E-style harness appended to the candidate); "
            "tests read from the prompt or written by the model are Python only"
        )


def generate_candidates(
    generator, task: Task, params: SamplingParams, options: Options, generate: Generate, exclusive=None
) -> list[Completion]:
    """The greedy completion and n-1 samples, in one batch."""
    rows = candidate_params(params, options)
    if task.kind == "infill" and generator.tokenizer.infill is None and task.suffix.strip():
        work = lambda: ranked_infill_candidates(generator, task.prompt, task.suffix, rows)  # noqa: E731
        return exclusive(work) if exclusive is not None else work()
    return generate(candidate_requests(generator, task, rows))


def run_given_tests(
    task: Task, completions: list[Completion], tests: TestSuite | None, tester: CandidateRunner
) -> list[Candidate]:
    """The candidates, each run against the given tests (without any: only whether its code loads)."""
    candidates = [
        Candidate(i, c.text, task.code(c.text), str(c.finish_reason), i == 0, len(c.token_ids))
        for i, c in enumerate(completions)
    ]
    if tests is not None and len(tests):
        tester.apply(candidates, tests, "given")
    elif task.language == "python":
        tester.apply(candidates, TestSuite("file"), "given")  # no tests: at least, does the code load?
    return candidates


def wants_generated_tests(task: Task, options: Options, tests: TestSuite | None, candidates: list[Candidate]) -> bool:
    """Whether to ask the model for tests: Python, more than one candidate, and the given tests cannot decide
    (there are none, or no candidate passes them all), unless the options say always or never."""
    if task.language != "python" or options.generated_tests == "never" or options.test_samples < 1:
        return False
    if len(candidates) < 2:
        return False
    if options.deadline is not None and options.deadline - time.monotonic() < 5:
        return False  # no time left to write tests and run them
    if options.generated_tests == "always" or tests is None or not len(tests):
        return True
    return not any(c.given_passed == len(tests) for c in candidates)


def decide(candidates: list[Candidate], tests: TestSuite | None, generated: TestSuite | None, seconds: float) -> Report:
    given = tests if tests is not None and len(tests) else None
    generated = generated if generated is not None and len(generated) else None
    chosen, method = choose(candidates, given, generated)
    return Report(len(candidates), given, generated, candidates, chosen, method, seconds)


def requests_for_tests(
    generator, task: Task, candidates: list[Candidate], options: Options
) -> tuple[str | None, list[Request]]:
    """The function under test, and the requests that ask the model for its tests (CodeT's prompt, sampled);
    no requests when no function can be named."""
    entry, header = _function_under_test(task, candidates)
    if entry is None:
        return None, []
    params = [
        SamplingParams(
            max_new_tokens=TEST_TOKENS,
            temperature=options.temperature,
            top_p=options.top_p,
            min_p=options.min_p,
            seed=options.seed + 10_000 + j,
            stop=["\n\n\n", "\ndef ", "\nclass ", "\nif __name__"],
        )
        for j in range(options.test_samples)
    ]
    ids, healed, kept = generator.completion_prompt(prompt_for_tests(header, entry))
    return entry, [Request(ids, p, prompt_text=kept, healed=healed) for p in params]


def _function_under_test(task: Task, candidates: list[Candidate]) -> tuple[str | None, str]:
    """The function's name, and the code to show before the tests: the prompt (complete, infill), or the
    request as comments above the function's signature (chat). The function is the last one the prompt or the
    request defines, else the one most candidates define first."""
    asked = defined_functions(task.visible_text())
    if task.kind != "chat" and asked:
        return asked[-1], task.prompt
    firsts = [names[0] for c in candidates if (names := defined_functions(c.code))]
    if not asked and not firsts:
        return None, ""
    entry = asked[-1] if asked else max(set(firsts), key=lambda name: (firsts.count(name), -firsts.index(name)))
    signature = next(
        (
            m.group(0).strip()
            for c in candidates
            if (m := re.search(rf"^[ \t]*def[ \t]+{entry}\b.*:[ \t]*$", c.code, re.M))
        ),
        f"def {entry}(*args):",
    )
    described = "".join(f"# {line}\n".replace("# \n", "#\n") for line in task.visible_text().strip().splitlines()[:30])
    return entry, described + signature
