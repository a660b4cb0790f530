"""HumanEval infilling: our construction equals the published task files, and the canonical middles pass."""

from __future__ import annotations

import pytest

from codellama.eval import infilling
from codellama.eval.harness import Executor, Item
from codellama.generation import SamplingParams
from codellama.sandbox import Sandbox


@pytest.mark.parametrize("subset", list(infilling.SUBSETS))
def test_tasks_are_exactly_the_published_ones(subset):
    tasks = infilling.build_tasks(subset)
    assert len(tasks) == infilling.EXPECTED_COUNTS[subset]
    infilling.verify_against_published(subset, tasks)  # raises naming the first task that differs


def test_a_changed_task_is_named(tmp_path):
    tasks = infilling.build_tasks("single-line")
    tasks[5] = {**tasks[5], "suffix": tasks[5]["suffix"] + " "}
    with pytest.raises(ValueError, match=f"{tasks[5]['task_id']} differs .*suffix"):
        infilling.verify_against_published("single-line", tasks)
    with pytest.raises(FileNotFoundError, match="pass --data"):
        infilling.read_published("single-line", tmp_path)
    with pytest.raises(ValueError, match="unknown infilling subset"):
        infilling.build_tasks("two-line")


def test_the_quirk_of_the_first_line_is_kept():
    first = infilling.build_tasks("single-line")[0]
    assert first["task_id"] == "SingleLineInfilling/HumanEval/0/L0"
    assert first["prompt"].endswith('"""\n\n') and first["canonical_solution"].startswith("    for idx, elem")


@pytest.mark.slow
def test_canonical_middles_pass_every_task_of_every_subset():
    executor = Executor(Sandbox(infilling.LIMITS), workers=2)  # shared: a program common to subsets runs once
    try:
        for subset in infilling.SUBSETS:
            summary = infilling.run(infilling.canonical_filler, subset, settings={}, executor=executor)
            assert summary["tasks"] == infilling.EXPECTED_COUNTS[subset]
            assert summary["pass@1"] == 1.0, (subset, summary["failures"])
    finally:
        executor.close()


def test_wrong_middles_fail_and_limit_keeps_the_first_problems():
    summary = infilling.run(
        lambda batch: ["    pass\n"] * len(batch),
        "single-line",
        settings={},
        limit=2,
        sandbox=Sandbox(infilling.LIMITS),
    )
    assert summary["tasks"] == 7 + 14  # HumanEval/0 has 7 non-blank solution lines, HumanEval/1 has 14
    assert summary["passed"] == 0


@pytest.mark.parametrize("mode", ["psm", "spm"])
def test_model_filler_uses_the_infill_mode(tiny_generator, mode, monkeypatch):
    seen = []
    original = tiny_generator.infill
    monkeypatch.setattr(
        tiny_generator,
        "infill",
        lambda prefix, suffix, params, mode: seen.append(mode) or original(prefix, suffix, params),
    )
    task = infilling.build_tasks("single-line")[1]
    middles = infilling.model_filler(tiny_generator, SamplingParams(max_new_tokens=4), mode)([Item("t", 0, task)])
    assert seen == [mode] and isinstance(middles[0], str)


def test_model_filler_runs_spm_for_real_on_a_model_with_infill_tokens():
    """No stand-in: a tiny Code Llama-family model (infill tokens, SPM-trained family) fills in a task in SPM."""
    import torch

    from codellama.generation import Generator
    from tests.support.models import tiny_model
    from tests.support.toy_tokenizers import build_code_llama_tokenizer

    tokenizer = build_code_llama_tokenizer()
    model = tiny_model(vocab_size=tokenizer.vocab_size, max_seq_len=2048)
    task = infilling.build_tasks("single-line")[0]
    prefilled = []  # the prompt, as the model was fed it (in prefill chunks)
    hook = model.register_forward_pre_hook(
        lambda m, args: prefilled.extend(args[0][0].tolist()) if args[0].shape[1] > 1 else None
    )
    try:
        [middle] = infilling.model_filler(Generator(model, tokenizer), SamplingParams(max_new_tokens=8), "spm")(
            [Item("t", 0, task)]
        )
    finally:
        hook.remove()
    # Meta's suffix-first layout (infilling_prompt_tokens with suffix_first): BOS <PRE> <SUF> suffix <MID> prefix,
    # the suffix encoded without SentencePiece's implicit leading space
    infill = tokenizer.infill
    expected = (
        [tokenizer.bos_id, infill.prefix, infill.suffix]
        + tokenizer.encode_continuation(task["suffix"])
        + [infill.middle]
        + tokenizer.encode(task["prompt"])
    )
    assert prefilled == expected
    generated = []  # greedy, from full forwards
    model.clear_cache()
    with torch.no_grad():
        for _ in range(8):
            token = int(model(torch.tensor([expected + generated]))[0, -1].argmax())
            if token in tokenizer.stop_ids:
                break
            generated.append(token)
    assert middle == tokenizer.decode_continuation(generated)
