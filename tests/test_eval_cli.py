"""`codellama eval ...`: runs write per-sample JSONL and a summary; `eval report` turns summaries into JSON,
Markdown and PNG; bad input is explained with exit status 2."""

from __future__ import annotations

import json

import pytest

from codellama import sandbox
from codellama.cli import main


def test_humaneval_and_infill_canonical_runs_then_report(tmp_path, capsys):
    results = tmp_path / "results"
    assert (
        main(["eval", "humaneval", "--canonical", "--limit", "3", "--no-progress", "-o", str(results / "he.jsonl")])
        == 0
    )
    summary = json.loads((results / "he.summary.json").read_text())
    assert (summary["problems"], summary["pass@1"]) == (3, 1.0)
    assert len((results / "he.jsonl").read_text().splitlines()) == 1 + 3
    assert (
        main(
            [
                "eval",
                "infill",
                "--canonical",
                "--subset",
                "single-line",
                "--limit",
                "1",
                "--no-progress",
                "-o",
                str(results / "infill.jsonl"),
            ]
        )
        == 0
    )
    (results / "lc.summary.json").write_text(
        json.dumps(
            {
                "benchmark": "long-context",
                "model": "m",
                "context_length": 2048,
                "wall_seconds": 1,
                "key_retrieval": {
                    "lengths": [1024, 2048],
                    "depths": [0, 1],
                    "accuracy": [[1, 0.5], [0, 0]],
                    "samples": [],
                },
                "perplexity_by_position": {
                    "length": 2047,
                    "documents": 1,
                    "tokens": 2046,
                    "bins": [
                        {"start": 0, "end": 1024, "perplexity": 3.0},
                        {"start": 1024, "end": 2047, "perplexity": 2.5},
                    ],
                },
            }
        )
    )
    capsys.readouterr()
    assert main(["eval", "report", "--results", str(results)]) == 0
    written = capsys.readouterr().out.split()
    assert [p.rsplit("/", 1)[1] for p in written] == ["report.json", "report.md", "pass_at_k.png", "long_context_0.png"]
    markdown = (results / "report" / "report.md").read_text()
    assert "| canonical | canonical | 3 | 1 | 3 | 100.0% |" in markdown
    assert "| 1024 | 100.0% | 50.0% |" in markdown
    assert (results / "report" / "pass_at_k.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["eval", "multipl-e", "-l", "cobol"], "unknown MultiPL-E language 'cobol'"),
        (["eval", "report", "--results", "/nonexistent/results"], "no such results directory"),
        (["eval", "humaneval", "--n", "3", "--limit", "1"], "identical samples: set --temperature"),
        (["eval", "humaneval", "--canonical", "--limit", "0"], "--limit must be at least 1"),
        (["eval", "long-context", "--depths", "top,bottom"], "--depths 'top,bottom'"),
    ],
)
def test_bad_input_is_explained(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_refuses_without_isolation_unless_unsafe(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sandbox, "isolation_problem", lambda: "namespaces refused here")
    argv = ["eval", "humaneval", "--canonical", "--limit", "1", "--no-progress", "-o", str(tmp_path / "r.jsonl")]
    assert main(argv) == 2
    assert "--unsafe" in capsys.readouterr().err
    assert main(argv + ["--unsafe"]) == 0


def test_safety_evaluation_of_the_request_guard_lands_in_the_report(tmp_path, capsys):
    results = tmp_path / "results"
    assert main(["eval", "safety", "--modes", "", "-o", str(results / "safety.summary.json")]) == 0
    summary = json.loads((results / "safety.summary.json").read_text())
    dev = summary["requests"]["intent_dev"]["rules"]
    assert dev["malicious"] >= 60 and dev["benign"] >= 60
    assert dev["block_rate"] >= 0.9 and dev["false_refusal_rate"] <= 0.05
    assert main(["eval", "report", "--results", str(results)]) == 0
    assert "## Safety" in (results / "report" / "report.md").read_text()
