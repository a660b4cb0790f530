"""The command layer's structure: shared flag groups with each command's own defaults, one language table,
one way to save a tokenizer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from codellama.cli import build_parser, main

PACKAGE = Path(__file__).resolve().parents[1] / "codellama"


def test_no_module_reaches_into_the_top_level_command():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "codellama.cli import" in (text := path.read_text()) or "from codellama import cli" in text
    ]
    assert offenders == []


def test_the_shared_command_layer_imports_no_subpackage_and_no_torch():
    code = (
        "import sys, codellama.cli_common; print([m for m in sys.modules if m == 'torch' or "
        "m.startswith(('codellama.server', 'codellama.eval', 'codellama.safety', 'codellama.train'))])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["complete", "x"], {"max_tokens": 256, "top_p": 1.0, "seed": None, "top_k": 0, "code_policy": "default"}),
        (["infill"], {"max_tokens": 128, "top_p": 1.0, "seed": None, "stop": []}),
        (["chat"], {"max_tokens": 512, "guard": "block", "references": None}),
        # max_tokens and top_p: None at parse time, resolved by --select (plain: 512 and 0.95) in cmd_humaneval
        (["eval", "humaneval"], {"max_tokens": None, "top_p": None, "seed": 0, "n": 1, "temperature": 0.0}),
        (["eval", "infill"], {"max_tokens": 128, "top_p": 0.95, "seed": 0, "dtype": "auto"}),
        (["serve"], {"guard": "block", "guard_judge": False, "code_policy": "default", "reference_policy": "annotate"}),
        (["train", "--recipe", "code"], {"model": None}),
    ],
)
def test_each_command_keeps_its_defaults(argv, expected):
    args = vars(build_parser().parse_args(argv))
    assert {key: args[key] for key in expected} == expected


def test_only_generation_commands_take_the_full_sampling_flags():
    parser = build_parser()
    assert parser.parse_args(["complete", "x", "-n", "7", "--top-k", "5"]).max_tokens == 7
    with pytest.raises(SystemExit):
        parser.parse_args(["eval", "humaneval", "--top-k", "5"])
    for argv in (["train", "--recipe", "code", "--device", "cpu"], ["data", "stats", "out", "--model", "m"]):
        with pytest.raises(SystemExit):
            parser.parse_args(argv)


def test_a_token_count_below_one_is_refused_before_a_model_loads(capsys):
    parser = build_parser()
    for argv in (
        ["complete", "x", "--max-tokens", "0"],
        ["infill", "-n", "-5"],
        ["eval", "humaneval", "--max-tokens", "x"],
    ):
        with pytest.raises(SystemExit):
            parser.parse_args(argv)
        assert "--max-tokens" in capsys.readouterr().err
    assert parser.parse_args(["chat", "--max-tokens", "1"]).max_tokens == 1


def test_train_help_names_the_recipes_and_a_dry_run_needs_no_data(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    help_text = capsys.readouterr().out
    for recipe in ("code", "instruct", "long-context", "lora", "python"):
        assert recipe in help_text
    assert main(["train", "--recipe", "code", "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["fim_rate"] == 0.9 and "no training data" in captured.err
    assert main(["train", "--recipe", "code"]) == 2


def test_one_language_table_and_the_scanners_rule_sets():
    from codellama.languages import canonical_language, language_of
    from codellama.safety.insecure_code import language_for_file, normalise_language
    from codellama.stopping import guess_language

    assert language_of("web/app.TS") == "typescript" and guess_language("", "app.ts") == "typescript"
    assert language_for_file("app.ts") == "javascript" and normalise_language("typescript") == "javascript"
    assert language_for_file("run.sh") == "bash" and language_for_file("Views/Index.cshtml") == "csharp"
    assert canonical_language("C++") == "cpp" and canonical_language(".tsx") == "typescript"
    assert guess_language("def f(x):", "tool.rb") == "python"  # no code-aware stop for Ruby: the prompt decides


def test_a_saved_tokenizer_loads_back_the_same(smol_tokenizer, tmp_path):
    from codellama.tokenizer import load_tokenizer

    smol_tokenizer.save(tmp_path)
    loaded = load_tokenizer(tmp_path)
    text = "def f(x):\n    return x  # ünïcode <|im_end|>"
    assert loaded.encode(text) == smol_tokenizer.encode(text)
    assert (loaded.bos_id, loaded.eos_id, loaded.add_bos, loaded.chat_template) == (
        smol_tokenizer.bos_id,
        smol_tokenizer.eos_id,
        smol_tokenizer.add_bos,
        smol_tokenizer.chat_template,
    )
