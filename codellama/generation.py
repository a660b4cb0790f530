"""Generation: complete, infill and chat over one model + tokenizer.

A `Generator` turns text into requests for the decode engine (`engine.py`) and drives it
synchronously: each call prefills its prompts as one batch, then steps until every
sequence has ended. Streaming variants yield text as it becomes showable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import torch

from codellama.engine import (
    EMPTY_PROMPT,
    Completion,
    Delta,
    Engine,
    FinishReason,
    GenerationError,
    Request,
    SamplingParams,
    TokenLogprob,
    Vocabulary,
)
from codellama.model import Transformer
from codellama.prompts import ChatFormat, InfillMode, chat_prompt_tokens, chat_stop_strings, infill_prompt_tokens
from codellama.ranking import infill_by_ranking
from codellama.stopping import guess_language
from codellama.tokenizer import Tokenizer

# the engine's request and result types are part of this module's interface
__all__ = [
    "Completion",
    "Delta",
    "FinishReason",
    "GenerationError",
    "Generator",
    "InfillResult",
    "SamplingParams",
    "TokenLogprob",
]


@dataclass
class InfillResult:
    middle: str
    text: str  # prefix + middle + suffix
    completion: Completion


class Generator:
    def __init__(self, model: Transformer, tokenizer: Tokenizer):
        self.model = model
        self.tokenizer = tokenizer
        self.device = model.tok_embeddings.weight.device
        self.vocab = Vocabulary(tokenizer, model.args.vocab_size, self.device)

    @property
    def context_length(self) -> int:
        return self.model.args.max_seq_len

    # -- the core: tokens in, deltas out --------------------------------------------------
    @torch.inference_mode()
    def stream_tokens(
        self,
        prompts: list[list[int]],
        params: list[SamplingParams],
        stop_ids: set[int] | None = None,
        prompt_texts: list[str] | None = None,
        prompt_logprobs: bool = False,
        healed: list[str] | None = None,
        predict_seconds: float | None = None,
    ) -> Iterator[Delta]:
        """Generate for every prompt at once, yielding text deltas as they become showable.

        `healed[i]`: text taken off the end of prompt i (see `Vocabulary.heal_prompt`): the first
        token must start with it, and it is not shown again. `predict_seconds`: once a sequence has
        generated this long, it ends at its next line end (an editor's time budget)."""
        B = len(prompts)
        if B == 0:
            return
        prompt_texts = prompt_texts or [""] * B
        healed = healed or [""] * B
        requests = [
            Request(ids, p, prompt_texts[i], healed[i], stop_ids, prompt_logprobs, predict_seconds=predict_seconds)
            for i, (ids, p) in enumerate(zip(prompts, params))
        ]
        engine = Engine(self.model, self.vocab)
        for i, request in enumerate(requests):
            engine.check(request, self.context_length, f"prompt {i}")
        self.model.setup_cache(B, max(len(r.prompt_ids) + r.params.max_new_tokens for r in requests))
        engine.admit(requests, owners=list(range(B)))
        while engine.running:
            for event in engine.step():
                if event.completion is not None or event.text:
                    yield Delta(event.owner, event.text, event.completion)

    # -- text in, text out ----------------------------------------------------------------
    def encode_prompt(self, text: str, allow_special: bool = False) -> list[int]:
        """The prompt's ids; `allow_special`: control-token text (`<|im_start|>`, `<PRE>`) becomes those tokens."""
        return self.tokenizer.encode(text, bos=self.tokenizer.add_bos, allow_special=allow_special)

    def warm_up(self) -> None:
        """Run each kind of forward a server meets once, so that a compiled model (engine.compile_decode) compiles
        its graphs now rather than while requests wait: a long prompt's prefill, decode steps at batch 1 and at
        batch 2, and (for a model without infill tokens) the scoring of infill candidates. Seconds from
        inductor's disk cache, minutes the first time."""
        code, params = "def add(a, b):\n    return a + b\n\n", SamplingParams(max_new_tokens=2, ignore_eos=True)
        # a cache of one row is a graph kind of its own: one prompt alone first, then beside another, then
        # alone again in the larger cache (as in a server's); and long prompts prefilled side by side (clients
        # arriving together), a graph of its own too
        for prompts in ([code * 16], [code, code + code], [code * 16], [code * 8, code * 8 + code]):
            self.complete(prompts, params)
        if self.tokenizer.infill is None:
            self.infill("def add(a, b):\n    ", "\n" + code * 4, SamplingParams(max_new_tokens=8))

    def complete(
        self,
        prompts: list[str] | str,
        params: SamplingParams | None = None,
        n: int = 1,
        echo: bool = False,
        predict_seconds: float | None = None,
    ) -> list[Completion]:
        """Continue each prompt (n completions per prompt, in prompt order); see `stream_tokens` for
        `predict_seconds`."""
        prompts = [prompts] if isinstance(prompts, str) else list(prompts)
        params = params or SamplingParams()
        if any(not p for p in prompts):
            raise GenerationError(EMPTY_PROMPT)
        heal = not echo and params.logprobs is None
        ids, healed, texts = [], [], []
        for text in prompts:
            prompt_ids, heal_text, kept = self.completion_prompt(text, heal)
            ids += [prompt_ids] * n
            healed += [heal_text] * n
            texts += [kept] * n
        per_row = [_with_seed(params, j) for j in range(len(ids))]
        logprobs = echo and params.logprobs is not None
        results = self.run(
            ids, per_row, prompt_texts=texts, healed=healed, prompt_logprobs=logprobs, predict_seconds=predict_seconds
        )
        if echo:
            for result, text in zip(results, texts):
                result.text = text + result.text
        return results

    def completion_prompt(
        self, text: str, heal: bool = True, allow_special: bool = False
    ) -> tuple[list[int], str, str]:
        """Prompt ids, the text healing took off them, and the prompt text that remains."""
        ids = self.encode_prompt(text, allow_special)
        if not heal:
            return ids, "", text
        ids, heal_text = self.vocab.heal_prompt(ids)
        return ids, heal_text, text[: len(text) - len(heal_text)]

    def stream_complete(self, prompt: str, params: SamplingParams | None = None) -> Iterator[str]:
        if not prompt:
            raise GenerationError(EMPTY_PROMPT)
        ids, heal_text, kept = self.completion_prompt(prompt, heal=True)
        for delta in self.stream_tokens([ids], [params or SamplingParams()], prompt_texts=[kept], healed=[heal_text]):
            if delta.text:
                yield delta.text

    def run(self, prompts: list[list[int]], params: list[SamplingParams], **kwargs) -> list[Completion]:
        results: list[Completion | None] = [None] * len(prompts)
        for delta in self.stream_tokens(prompts, params, **kwargs):
            if delta.completion is not None:
                results[delta.index] = delta.completion
        return results

    def infill(
        self,
        prefix: str,
        suffix: str,
        params: SamplingParams | None = None,
        mode: InfillMode = "psm",
        candidates: int = 4,
        budget: float | None = None,
    ) -> InfillResult:
        """Fill in the code between `prefix` and `suffix`.

        With infill tokens: the family's trained format (PSM or SPM). Without (e.g. the
        embedded SmolLM2): `candidates` continuations of the prefix, each cut at every
        line where it reaches the suffix, ranked by the model's likelihood of the whole
        document (middle, then the start of the suffix; see ranking.py). `budget`: seconds of
        an editor's time: ranking's whole budget, else the generation after which the middle ends at its next
        line end."""
        params = params or SamplingParams()
        if self.tokenizer.infill is None and not suffix.strip():
            # nothing after the hole: a completion of the current line, or of the block on an empty line
            if prefix.rsplit("\n", 1)[-1].strip():
                params = replace(params, stop=list(params.stop) + ["\n"])
            else:
                params = replace(params, code_stop=params.code_stop or guess_language(prefix))
            completion = self.complete(prefix, params, predict_seconds=budget)[0]
        elif self.tokenizer.infill is None:
            completion = infill_by_ranking(self, prefix, suffix, params, candidates, budget)
        else:
            ids = infill_prompt_tokens(self.tokenizer, prefix, suffix, mode)
            completion = self.run([ids], [params], prompt_texts=[prefix], predict_seconds=budget)[0]
        return InfillResult(completion.text, prefix + completion.text + suffix, completion)

    def stream_infill(
        self, prefix: str, suffix: str, params: SamplingParams | None = None, mode: InfillMode = "psm"
    ) -> Iterator[str]:
        if self.tokenizer.infill is None:  # ranking needs whole candidates: one delta
            yield self.infill(prefix, suffix, params).middle
            return
        ids = infill_prompt_tokens(self.tokenizer, prefix, suffix, mode)
        for delta in self.stream_tokens([ids], [params or SamplingParams()], prompt_texts=[prefix]):
            if delta.text:
                yield delta.text

    def chat(
        self, messages: list[dict], params: SamplingParams | None = None, chat_format: ChatFormat = "auto"
    ) -> Completion:
        ids, params = self._chat_request(messages, params, chat_format)
        return self.run([ids], [params])[0]

    def stream_chat(
        self, messages: list[dict], params: SamplingParams | None = None, chat_format: ChatFormat = "auto"
    ) -> Iterator[str]:
        ids, params = self._chat_request(messages, params, chat_format)
        for delta in self.stream_tokens([ids], [params]):
            if delta.text:
                yield delta.text

    def _chat_request(self, messages, params, chat_format) -> tuple[list[int], SamplingParams]:
        params = params or SamplingParams()
        ids = chat_prompt_tokens(self.tokenizer, messages, chat_format)
        extra_stops = chat_stop_strings(self.tokenizer, chat_format)
        if extra_stops:
            params = replace(params, stop=list(params.stop) + extra_stops)
        return ids, params


def _with_seed(params: SamplingParams, offset: int) -> SamplingParams:
    if params.seed is None or offset == 0:
        return params
    return replace(params, seed=params.seed + offset)
