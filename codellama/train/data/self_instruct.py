"""Self-instruct: instruction data made the way Code Llama - Instruct's was (Code Llama paper, section 2.5).

1. questions: the model writes interview-style programming questions, one per prompt (few-shot, see
   self_instruct_prompts.py); unusable ones are dropped with a reason, then duplicates: exact (after
   normalisation) and near (MinHash LSH, the corpus pipeline's dedup), the seed questions counting as seen.
2. tests: for each question, `assert` lines that call the function it names; tests that a function returning a
   constant (None, True, 0, "", [], ...) or its first argument passes are too weak to judge a solution.
3. solutions: up to K per question, each run with the tests in the sandbox; the first that passes is kept.
   Sample j of every still-open question is drawn together, and a question closes at its first pass: the same
   pair as drawing all K and keeping the first that passes, without drawing samples nobody would look at.
4. output (OUT/): conversations.jsonl (one {"messages": [user question, assistant solution]} a line: what
   `codellama data chat` reads), pairs.jsonl (each pair with its tests), report.json (what was kept, and why the
   rest was dropped); the CLI also tokenises the conversations into OUT/chat for `codellama train --recipe instruct`.

Every model output and sandbox verdict is logged under OUT/work/ as it arrives; the same command run again
resumes (nothing is generated or run twice) and a larger --questions or --solutions extends a finished run. The
output files are written whole, then renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Protocol

from codellama.checkpoints.files import atomic_write_text
from codellama.eval.harness import Executor, Program, ResultsLog
from codellama.generation import SamplingParams
from codellama.sandbox import Limits, RunResult, Sandbox
from codellama.train.data import self_instruct_prompts as prompts
from codellama.train.data.dedup import NearDuplicateIndex, shingles

LIMITS = Limits(wall_seconds=10, cpu_seconds=5, memory_mb=1024)
SETTINGS = "settings.json"
CONVERSATIONS, PAIRS, REPORT = "conversations.jsonl", "pairs.jsonl", "report.json"


@dataclass
class Reply:
    text: str
    finished: bool  # False when the token budget ran out


class TextModel(Protocol):
    """What the pipeline needs from a model: continue texts, and answer conversations, each reply started with the
    given text (the replies do not repeat it). One call is one batch."""

    def complete(self, prompts: list[str], params: list[SamplingParams]) -> list[Reply]: ...

    def chat(self, conversations: list[list[dict]], starts: list[str], params: list[SamplingParams]) -> list[Reply]: ...


class GeneratorModel:
    """A TextModel over a codellama Generator (its chat format: template, [INST], ...)."""

    def __init__(self, generator):
        self.generator = generator

    def complete(self, prompts: list[str], params: list[SamplingParams]) -> list[Reply]:
        ids, healed, kept = zip(*(self.generator.completion_prompt(p) for p in prompts))
        results = self.generator.run(list(ids), params, prompt_texts=list(kept), healed=list(healed))
        return [Reply(r.text, r.finish_reason != "length") for r in results]

    def chat(self, conversations: list[list[dict]], starts: list[str], params: list[SamplingParams]) -> list[Reply]:
        from codellama.prompts import chat_prompt_tokens, chat_stop_strings

        tokenizer = self.generator.tokenizer
        ids = [chat_prompt_tokens(tokenizer, m) + tokenizer.encode(s) for m, s in zip(conversations, starts)]
        stops = chat_stop_strings(tokenizer)
        results = self.generator.run(ids, [replace(p, stop=list(p.stop) + stops) for p in params])
        return [Reply(r.text, r.finish_reason != "length") for r in results]


@dataclass
class SelfInstructConfig:
    out: str
    questions: int = 50  # questions to keep (after filtering and dedup)
    solutions: int = 10  # samples per question at most
    tests: int = 3  # assert lines kept per question at most (a small model gets later ones wrong more often)
    batch_size: int = 32  # prompts generated together
    seed: int = 0
    workers: int = 2  # sandboxed runs at once
    max_attempts: int | None = None  # question prompts tried before giving up (default 10 per question)
    model: str = "default"  # recorded, so that a resumed run is the same model's
    question_temperature: float = 0.8
    solution_temperature: float = 0.8
    top_p: float = 0.95
    question_tokens: int = 96
    test_tokens: int = 160
    solution_tokens: int = 256
    near_duplicate_threshold: float = 0.7

    def __post_init__(self):
        if min(self.questions, self.solutions, self.tests, self.batch_size, self.workers) < 1:
            raise ValueError("--questions, --solutions, --tests, --batch-size and --workers must each be at least 1")

    def check_resumable(self) -> None:
        """Refuse an --out that holds a run with other settings (before a model is loaded for nothing)."""
        previous = Path(self.out) / "work" / SETTINGS
        if not previous.exists():
            return
        old, new = json.loads(previous.read_text()), self.settings()
        changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        if changed:
            raise ValueError(
                f"{self.out} holds a self-instruct run with other settings ({', '.join(changed)}): run with the same "
                "settings to resume or extend it, or give another --out"
            )

    def settings(self) -> dict:
        """What a resumed run must share with the first (counts and batching may change)."""
        free = ("out", "questions", "solutions", "batch_size", "workers", "max_attempts")
        return {**{k: v for k, v in asdict(self).items() if k not in free}, "prompts": prompts.prompts_version()}


@dataclass
class Question:
    id: str
    text: str
    name: str


class QuestionIndex(NearDuplicateIndex):
    """The corpus near-dedup made for short texts: word bigrams of the lower-cased text; LSH proposes candidates at a
    looser threshold and the exact Jaccard similarity decides (a MinHash estimate over a dozen shingles is noisy)."""

    def __init__(self, threshold: float):
        from datasketch import MinHashLSH

        super().__init__(threshold, ngram=2)
        self.lsh = MinHashLSH(threshold=threshold / 2, num_perm=self.num_perm)
        self.shingle_sets: dict[str, set[bytes]] = {}

    def duplicate_of(self, key: str, text: str) -> str | None:
        text = text.lower()
        mine = shingles(text, self.ngram)
        m = self.minhash(text)
        for candidate in self.lsh.query(m):
            theirs = self.shingle_sets[candidate]
            if len(mine & theirs) >= self.threshold * len(mine | theirs):
                return candidate
        self.lsh.insert(key, m)
        self.shingle_sets[key] = mine
        return None


class SelfInstruct:
    def __init__(self, config: SelfInstructConfig, model: TextModel, sandbox: Sandbox, log: Callable[[str], None]):
        self.config, self.model, self.sandbox, self.log = config, model, sandbox, log
        self.out = Path(config.out)
        self.report: dict = {}

    def run(self) -> dict:
        started = time.perf_counter()
        work = self.out / "work"
        work.mkdir(parents=True, exist_ok=True)
        self.config.check_resumable()
        settings = self.config.settings()
        atomic_write_text(work / SETTINGS, json.dumps(settings, indent=2))
        self.question_log = ResultsLog(work / "questions.jsonl", settings)
        self.tests_log = ResultsLog(work / "tests.jsonl", settings)
        self.solution_log = ResultsLog(work / "solutions.jsonl", settings)

        questions = self._questions()
        executor = Executor(self.sandbox, self.config.workers)
        try:
            tests = self._tests(questions, executor)
            kept = self._solutions([q for q in questions if q.id in tests], tests, executor)
        finally:
            executor.close()
        self._write(questions, tests, kept)
        self.report["seconds"] = round(time.perf_counter() - started, 1)
        atomic_write_text(self.out / REPORT, json.dumps(self.report, indent=2) + "\n")
        return self.report

    # -- 1. questions ---------------------------------------------------------------------------
    def _questions(self) -> list[Question]:
        config = self.config
        max_attempts = config.max_attempts or 10 * config.questions
        dropped: Counter[str] = Counter()
        exact: dict[str, str] = {}
        near = QuestionIndex(config.near_duplicate_threshold)
        for i, seed_question in enumerate(prompts.SEED_QUESTIONS):  # a copied example is not a new question
            exact[prompts.normalise_question(seed_question)] = f"seed/{i}"
            near.duplicate_of(f"seed/{i}", seed_question)
        kept: list[Question] = []
        attempt = 0
        while len(kept) < config.questions and attempt < max_attempts:
            batch = list(range(attempt, min(attempt + config.batch_size, max_attempts)))
            self._generate_questions([i for i in batch if ("attempt", i) not in self.question_log.done])
            for i in batch:
                attempt = i + 1
                record = self.question_log.done[("attempt", i)]
                parsed = prompts.parse_question(record["text"], record["finished"])
                if isinstance(parsed, str):
                    dropped[parsed] += 1
                    continue
                text, name = parsed
                key = hashlib.sha256(text.encode()).hexdigest()[:16]
                normal = prompts.normalise_question(text)
                original = exact.get(normal) or near.duplicate_of(key, text)
                if original is not None:
                    dropped["copies_seed" if original.startswith("seed/") else "duplicate"] += 1
                    continue
                exact[normal] = key
                kept.append(Question(key, text, name))
                if len(kept) == config.questions:
                    break
            self.log(f"questions: {len(kept)}/{config.questions} kept from {attempt} generated")
        self.report["questions"] = {
            "target": config.questions,
            "generated": attempt,
            "kept": len(kept),
            "dropped": dict(sorted(dropped.items())),
        }
        if len(kept) < config.questions:
            self.report["questions"]["stopped"] = f"gave up after {max_attempts} attempts"
        return kept

    def _generate_questions(self, attempts: list[int]) -> None:
        if not attempts:
            return
        c = self.config
        seeds = [_seed(c.seed, "question", i) for i in attempts]
        params = [
            SamplingParams(c.question_tokens, temperature=c.question_temperature, top_p=c.top_p, seed=s, stop=["\n"])
            for s in seeds
        ]
        replies = self.model.complete([prompts.question_prompt(s) for s in seeds], params)
        for i, reply in zip(attempts, replies):
            self.question_log.append(
                {"task_id": "attempt", "sample": i, "text": reply.text, "finished": reply.finished}
            )

    # -- 2. tests -------------------------------------------------------------------------------
    def _tests(self, questions: list[Question], executor: Executor) -> dict[str, list[str]]:
        """The usable tests of each question that has some: parsed, and not passed by a constant or identity."""
        c = self.config
        missing = [q for q in questions if (q.id, 0) not in self.tests_log.done]
        for start in range(0, len(missing), c.batch_size):
            batch = missing[start : start + c.batch_size]
            params = SamplingParams(c.test_tokens, stop=list(prompts.CODE_STOP))  # greedy: the likeliest tests
            conversations = [prompts.tests_messages(q.text, q.name) for q in batch]
            starts = [prompts.tests_prefix(q.name) for q in batch]
            replies = self.model.chat(conversations, starts, [params] * len(batch))
            for q, reply in zip(batch, replies):
                self.tests_log.append({"task_id": q.id, "sample": 0, "text": reply.text})
            self.log(f"tests: {start + len(batch)}/{len(missing)} questions")
        parsed = {q.id: prompts.parse_tests(self.tests_log.done[(q.id, 0)]["text"], q.name, c.tests) for q in questions}
        checks = {
            q.id: executor.submit(Program.python(prompts.weak_tests_program(q.name, parsed[q.id]), LIMITS))
            for q in questions
            if parsed[q.id]
        }
        verdicts = {key: future.result() for key, future in checks.items()}
        weak = {key for key, result in verdicts.items() if result.passed and result.stdout.strip() == "weak"}
        unchecked = {key for key, result in verdicts.items() if result.reason == "setup_failed"}  # a rerun retries
        usable = {key: parsed[key] for key in checks if key not in weak | unchecked}
        self.report["tests"] = {
            "questions": len(questions),
            "no_tests_parsed": len(questions) - len(checks),
            "weak_tests": len(weak),
            "with_tests": len(usable),
            "asserts": sum(len(t) for t in usable.values()),
        }
        if unchecked:
            self.report["tests"]["sandbox_error"] = len(unchecked)
        return usable

    # -- 3. solutions ---------------------------------------------------------------------------
    def _solutions(self, questions: list[Question], tests: dict[str, list[str]], executor: Executor) -> dict[str, dict]:
        c = self.config
        outcomes: Counter[str] = Counter()
        kept: dict[str, dict] = {}
        open_questions = list(questions)
        for sample in range(c.solutions):
            if not open_questions:
                break
            missing = [q for q in open_questions if (q.id, sample) not in self.solution_log.done]
            running: list[tuple[Future, dict]] = []
            for start in range(0, len(missing), c.batch_size):
                batch = missing[start : start + c.batch_size]
                running += self._draw(batch, sample, tests, executor)
            sandbox_errors = self._collect(running)
            if sandbox_errors:
                outcomes["sandbox_error"] += sandbox_errors
            still_open = []
            for q in open_questions:
                record = self.solution_log.done.get((q.id, sample))
                if record is None:  # the sandbox failed on it: a rerun tries again, and later samples wait for it
                    continue
                outcomes[record["reason"]] += 1
                if record["passed"]:
                    kept[q.id] = record
                else:
                    still_open.append(q)
            open_questions = still_open
            self.log(f"solutions: sample {sample + 1}/{c.solutions}: {len(kept)} solved, {len(open_questions)} open")
        self.report["solutions"] = {
            "questions": len(questions),
            "samples": sum(outcomes.values()),
            "outcomes": dict(sorted(outcomes.items())),
            "no_solution_passed": len(questions) - len(kept),
        }
        return kept

    def _draw(self, batch: list[Question], sample: int, tests: dict[str, list[str]], executor: Executor) -> list:
        """Generate sample `sample` of each question; log the unparseable ones, start runs for the rest."""
        c = self.config
        params = [
            SamplingParams(
                c.solution_tokens,
                temperature=c.solution_temperature,
                top_p=c.top_p,
                seed=_seed(c.seed, "solution", q.id, sample),
                stop=list(prompts.CODE_STOP),
            )
            for q in batch
        ]
        conversations = [prompts.solution_messages(q.text, q.name) for q in batch]
        replies = self.model.chat(conversations, [prompts.SOLUTION_PREFIX] * len(batch), params)
        running = []
        for q, reply in zip(batch, replies):
            code, problem = prompts.parse_solution(reply.text, q.name)
            record = {"task_id": q.id, "sample": sample, "reply": reply.text, "code": code}
            if problem:
                self.solution_log.append({**record, "passed": False, "reason": problem})
                continue
            program = Program.python(prompts.program_with_tests(code, tests[q.id]), LIMITS)
            running.append((executor.submit(program), record))
        return running

    def _collect(self, running: list[tuple[Future, dict]]) -> int:
        """Log each finished run (a sandbox that could not start a run is counted, not logged); returns that count."""
        failures = 0
        for future, record in running:
            result: RunResult = future.result()
            if result.reason == "setup_failed":
                failures += 1
                continue
            self.solution_log.append(
                {**record, "passed": result.passed, "reason": result.reason, "stderr": result.stderr[-1000:]}
            )
        return failures

    # -- 4. output ------------------------------------------------------------------------------
    def _write(self, questions: list[Question], tests: dict[str, list[str]], kept: dict[str, dict]) -> None:
        conversations, pairs = [], []
        for q in questions:
            if q.id not in kept:
                continue
            record = kept[q.id]
            messages = [
                {"role": "user", "content": q.text},
                {"role": "assistant", "content": prompts.answer(record["code"])},
            ]
            conversations.append(json.dumps({"messages": messages}) + "\n")
            pairs.append(
                json.dumps(
                    {
                        "id": q.id,
                        "question": q.text,
                        "function": q.name,
                        "tests": tests[q.id],
                        "solution": record["code"],
                        "sample": record["sample"],
                    }
                )
                + "\n"
            )
        atomic_write_text(self.out / CONVERSATIONS, "".join(conversations))
        atomic_write_text(self.out / PAIRS, "".join(pairs))
        self.report["kept"] = len(conversations)


def tokenise(out: str | Path, tokenizer, chat_format: str = "auto") -> dict | None:
    """OUT/conversations.jsonl tokenised into OUT/chat (replacing an older one whole); None when nothing was kept."""
    from codellama.train.data.chat import prepare_chat

    out = Path(out)
    if not (out / CONVERSATIONS).read_text().strip():
        return None
    staging, final = out / "chat.tmp", out / "chat"
    shutil.rmtree(staging, ignore_errors=True)
    manifest = prepare_chat(out / CONVERSATIONS, staging, tokenizer, chat_format)
    shutil.rmtree(final, ignore_errors=True)
    staging.rename(final)
    return manifest


def format_report(report: dict) -> str:
    q, t, s = report["questions"], report["tests"], report.get("solutions", {})
    lines = [
        f"questions: {q['generated']} generated, {q['kept']} kept (target {q['target']})"
        + (f"; {q['stopped']}" if "stopped" in q else ""),
        "  dropped: " + (", ".join(f"{n} {why}" for why, n in q["dropped"].items()) or "none"),
        f"tests: {t['asserts']} asserts for {t['with_tests']} of {t['questions']} questions; {t['no_tests_parsed']} "
        f"without any, {t['weak_tests']} passed by a constant or identity function"
        + (f", {t['sandbox_error']} unchecked (sandbox errors)" if "sandbox_error" in t else ""),
        f"solutions: {s.get('samples', 0)} samples run for {s.get('questions', 0)} questions; "
        f"{s.get('no_solution_passed', 0)} without a passing one",
        "  outcomes: " + (", ".join(f"{n} {why}" for why, n in s.get("outcomes", {}).items()) or "none"),
        f"kept: {report['kept']} instruction/answer pairs in {report.get('seconds', 0):.0f}s",
    ]
    return "\n".join(lines)


def _seed(base: int, *parts) -> int:
    """A sample's own seed: the same however runs are batched or resumed."""
    digest = hashlib.sha256(json.dumps([base, *parts]).encode()).digest()
    return int.from_bytes(digest[:4], "little") & 0x7FFFFFFF
