"""Insecure-code detector: rule table, labelled pairs, syntax-aware Python checks, completion-only scanning, CLI."""

import json
import re

import pytest

from codellama.cli import main
from codellama.safety.evaluate import DATA_DIR, detector_scores, snippet_set
from codellama.safety.insecure_code import (
    LANGUAGES,
    RULES,
    Outcome,
    guess_code_language,
    outcome,
    scan,
    scan_completion,
    worst_outcome,
)


def test_rule_table_covers_eight_languages_with_cwe_severity_and_fix():
    rules = {r.rule_id: r for rs in RULES.values() for r in rs}
    assert len(rules) >= 80
    assert set(LANGUAGES) == {"python", "c", "cpp", "java", "javascript", "php", "csharp", "bash"}
    assert all(len(RULES[lang]) >= 8 for lang in LANGUAGES)
    for r in rules.values():
        assert re.fullmatch(r"CWE-\d+", r.cwe) and r.severity in ("low", "medium", "high"), r.rule_id
        assert r.fix_hint and r.message, r.rule_id


def test_labelled_pairs_give_high_precision_and_recall_in_every_language():
    snippets = snippet_set()
    assert len(snippets) >= 150
    scores = detector_scores(snippets)
    assert {k for k in scores if k != "all"} == set(LANGUAGES)
    for language, s in scores.items():
        assert s["precision"] >= 0.9 and s["recall"] >= 0.9, (language, s["errors"])


def test_the_held_out_pairs_written_after_the_rules_do_not_regress():
    """Written once the rules were fixed and never used to change them (0.974 precision, 0.925 recall then)."""
    scores = detector_scores(snippet_set(DATA_DIR / "insecure_snippets_heldout.jsonl"))["all"]
    assert scores["snippets"] >= 80 and scores["precision"] >= 0.95 and scores["recall"] >= 0.9, scores


def test_python_sql_built_on_one_line_and_run_on_another_is_found_where_it_runs():
    code = "def f(db, name):\n    q = \"SELECT * FROM t WHERE n = '%s'\" % name\n    db.execute(q)\n"
    [finding] = scan(code, "python")
    assert (finding.rule_id, finding.cwe, finding.line) == ("py-sql-format", "CWE-89", 3)
    assert scan('def f(db, name):\n    db.execute("SELECT * FROM t WHERE n = ?", (name,))\n', "python") == []


def test_python_eval_of_a_literal_is_fine_but_of_a_variable_is_not():
    assert scan("x = eval('1 + 2')\n", "python") == []
    assert [f.rule_id for f in scan("def f(s):\n    return eval(s)\n", "python")] == ["py-eval"]


def test_a_fragment_that_does_not_parse_still_gets_the_regex_rules():
    fragment = "    os.system('rm ' + path)\n    if (\n"
    assert [f.rule_id for f in scan(fragment, "python")] == ["py-os-system"]


def test_only_generated_lines_are_judged():
    prompt = "import os\nos.system('ls ' + user_dir)\ndef run(cmd):\n"
    assert scan_completion(prompt, "    return cmd.upper()\n", "python") == []
    [finding] = scan_completion(prompt, "    os.system(cmd)\n", "python")
    assert finding.line == 4 and finding.rule_id == "py-os-system"


def test_comments_are_not_code():
    assert scan("#include <string.h>\n// never call strcpy(dst, src) here\n", "c") == []


@pytest.mark.parametrize(
    "code, language",
    [
        ("<?php echo $_GET['x'];", "php"),
        ('#!/bin/bash\nrm -rf "$DIR"/\n', "bash"),
        ("import java.util.List;\npublic class A {}\n", "java"),
        ("using System;\nnamespace A { }\n", "csharp"),
        ("#include <iostream>\nint main() { std::cout << 1; }\n", "cpp"),
        ("#include <stdio.h>\nint main(void) { return 0; }\n", "c"),
        ("const fs = require('fs');\n", "javascript"),
        ("def f(x):\n    return x\n", "python"),
    ],
)
def test_language_is_guessed_from_content(code, language):
    assert guess_code_language(code) == language


def test_outcomes_follow_severity_and_policy():
    findings = scan("char b[8];\nvoid f(char *s) { gets(b); char *t = alloca(10); }\n", "c")
    by_rule = {f.rule_id: f for f in findings}
    assert outcome(by_rule["c-gets"]) is Outcome.BLOCK and outcome(by_rule["c-alloca"]) is Outcome.IGNORE
    assert outcome(by_rule["c-gets"], "warn") is Outcome.WARN and worst_outcome(findings) is Outcome.BLOCK
    assert worst_outcome([]) is Outcome.IGNORE
    with pytest.raises(ValueError, match="unknown insecure-code policy"):
        outcome(by_rule["c-gets"], "paranoid")


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="no insecure-code rules for language 'cobol'"):
        scan("DISPLAY 'HI'.", "cobol")


def test_scan_command(tmp_path, capsys):
    bad, good = tmp_path / "bad.js", tmp_path / "good.py"
    bad.write_text("el.innerHTML = location.hash.slice(1);\n")
    good.write_text("def add(a, b):\n    return a + b\n")
    with pytest.raises(SystemExit) as exit_info:
        main(["scan", str(bad), str(good)])
    out = capsys.readouterr().out
    assert exit_info.value.code == 1 and "bad.js:1: high CWE-79 [js-taint-html]" in out and "fix:" in out
    with pytest.raises(SystemExit) as exit_info:
        main(["scan", "--json", str(good)])
    assert exit_info.value.code == 0 and json.loads(capsys.readouterr().out)["findings"] == []
    assert main(["scan", str(tmp_path / "missing.py")]) == 2
