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
