"""`codellama eval report`: the runs' summaries (*.summary.json) gathered into report.json, report.md and PNG
plots: pass@k bars for HumanEval and infilling, per-language bars for MultiPL-E, a key-retrieval heatmap and
perplexity by position for long context."""

from __future__ import annotations

import json
from pathlib import Path

BENCHMARKS = ("humaneval", "infill", "multipl-e", "long-context", "safety")


def collect(results: str | Path) -> dict[str, list[dict]]:
    results = Path(results)
    if not results.is_dir():
        raise FileNotFoundError(f"{results}: no such results directory (the `codellama eval ...` runs write there)")
    found: dict[str, list[dict]] = {name: [] for name in BENCHMARKS}
    for path in sorted(results.glob("*.summary.json")):
        summary = json.loads(path.read_text())
        if summary.get("benchmark") in found:
            found[summary["benchmark"]].append({**summary, "summary_file": path.name})
    if not any(found.values()):
        raise ValueError(f"{results} holds no *.summary.json: run `codellama eval humaneval ...` (or another) first")
    return found


def write_report(results: str | Path, output: str | Path | None = None) -> list[Path]:
    found = collect(results)
    output = Path(output) if output else Path(results) / "report"
    output.mkdir(parents=True, exist_ok=True)
    written = [output / "report.json", output / "report.md"]
    written[0].write_text(json.dumps(found, indent=2) + "\n")
    plots = _plots(found, output)
    written[1].write_text(markdown(found, [p.name for p in plots]))
    return written + plots


def _pct(value) -> str:
    return "" if value is None else f"{100 * value:.1f}%"


def _who(s: dict) -> str:
    return str(s.get("model", "?"))


def markdown(found: dict[str, list[dict]], plots: list[str]) -> str:
    out = ["# Evaluation report", ""]
    if found["humaneval"]:
        out += [
            "## HumanEval",
            "",
            "| model | mode | problems | samples/problem | passed | pass@1 | pass@10 | pass@100 | wall time |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for s in found["humaneval"]:
            out.append(
                f"| {_who(s)} | {s.get('mode')} | {s['problems']} | {s['samples_per_problem']} | "
                f"{s['passed']} | {_pct(s.get('pass@1'))} | {_pct(s.get('pass@10'))} | "
                f"{_pct(s.get('pass@100'))} | {s['wall_seconds']:.0f} s |"
            )
        out.append("")
    if found["infill"]:
        out += [
            "## HumanEval infilling",
            "",
            "| model | subset | mode | tasks | passed | pass@1 | wall time |",
            "|---|---|---|---|---|---|---|",
        ]
        for s in found["infill"]:
            out.append(
                f"| {_who(s)} | {s['subset']} | {s.get('infill_mode', '')} | {s['tasks']} | {s['passed']} | "
                f"{_pct(s.get('pass@1'))} | {s['wall_seconds']:.0f} s |"
            )
        out.append("")
    if found["multipl-e"]:
        out += [
            "## MultiPL-E",
            "",
            "| model | language | problems | untranslatable | passed | pass@1 | wall time |",
            "|---|---|---|---|---|---|---|",
        ]
        for s in found["multipl-e"]:
            out.append(
                f"| {_who(s)} | {s['language']} | {s['problems']} | {len(s['untranslatable'])} | "
                f"{s['passed']} | {_pct(s.get('pass@1'))} | {s['wall_seconds']:.0f} s |"
            )
        skipped = [
            f"- {s['language']} {task_id}: {reason}"
            for s in found["multipl-e"]
            for task_id, reason in s["untranslatable"].items()
        ]
        out += ["", "Untranslatable problems (never dropped silently):", "", *(skipped or ["- none"]), ""]
    for s in found["long-context"]:
        kr = s["key_retrieval"]
        out += [
            f"## Long context: {_who(s)} (context {s['context_length']} tokens)",
            "",
            "Key retrieval accuracy (rows: context length in tokens; columns: depth of the key function):",
            "",
            "| length | " + " | ".join(str(d) for d in kr["depths"]) + " |",
            "|---|" + "---|" * len(kr["depths"]),
        ]
        for length, row in zip(kr["lengths"], kr["accuracy"]):
            out.append(f"| {length} | " + " | ".join(_pct(a) for a in row) + " |")
        ppl = s["perplexity_by_position"]
        out += [
            "",
            f"Perplexity by position ({ppl['documents']} documents of {ppl['length']} tokens):",
            "",
            "| positions | perplexity |",
            "|---|---|",
        ]
        out += [f"| {b['start']}-{b['end']} | {b['perplexity']:.2f} |" for b in ppl["bins"] if b["perplexity"]]
        out.append("")
    for s in found["safety"]:
        out += [
            f"## Safety: {_who(s)}",
            "",
            "| request set | malicious | blocked | benign | falsely refused |",
            "|---|---|---|---|---|",
        ]
        for name, rates in s["requests"].items():
            r = rates["rules"]
            out.append(
                f"| {name} | {r['malicious']} | {_pct(r['block_rate'])} | {r['benign']} | "
                f"{_pct(r['false_refusal_rate'])} |"
            )
        if s["insecure_code"]:
            out += ["", "| completions | cases | flagged insecure |", "|---|---|---|"]
            out += [f"| {mode} | {r['cases']} | {_pct(r['insecure_rate'])} |" for mode, r in s["insecure_code"].items()]
        out.append("")
    if plots:
        out += ["## Plots", ""] + [f"![{name}]({name})" for name in plots] + [""]
    return "\n".join(out)


def _plots(found: dict[str, list[dict]], output: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []

    def bars(path: str, labels: list[str], series: dict[str, list[float]], title: str, ylabel: str) -> None:
        fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(labels) * max(1, len(series))), 4))
        width = 0.8 / max(1, len(series))
        for i, (name, values) in enumerate(series.items()):
            positions = [x + i * width for x in range(len(labels))]
            ax.bar(positions, [100 * v if v is not None else 0 for v in values], width, label=name)
        ax.set_xticks([x + width * (len(series) - 1) / 2 for x in range(len(labels))], labels, fontsize=8)
        ax.set_ylim(0, 100)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        if len(series) > 1:
            ax.legend()
        fig.tight_layout()
        fig.savefig(output / path, dpi=100)
        plt.close(fig)
        written.append(output / path)

    if found["humaneval"] or found["infill"]:
        runs = [f"{_who(s)}\n{s.get('mode')}" for s in found["humaneval"]] + [
            f"{_who(s)}\n{s['subset']} {s.get('infill_mode', '')}" for s in found["infill"]
        ]
        every = found["humaneval"] + found["infill"]
        ks = [k for k in ("pass@1", "pass@10", "pass@100") if any(k in s for s in every)]
        bars("pass_at_k.png", runs, {k: [s.get(k) for s in every] for k in ks}, "HumanEval and infilling", "%")
    if found["multipl-e"]:
        runs = [f"{s['language']}\n{_who(s)}" for s in found["multipl-e"]]
        bars("multipl_e.png", runs, {"pass@1": [s.get("pass@1") for s in found["multipl-e"]]}, "MultiPL-E", "pass@1 %")
    for i, s in enumerate(found["long-context"]):
        kr = s["key_retrieval"]
        fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
        image = left.imshow(
            [[100 * a for a in row] for row in kr["accuracy"]], vmin=0, vmax=100, cmap="RdYlGn", aspect="auto"
        )
        left.set_xticks(range(len(kr["depths"])), [str(d) for d in kr["depths"]])
        left.set_yticks(range(len(kr["lengths"])), [str(n) for n in kr["lengths"]])
        left.set_xlabel("depth of the key")
        left.set_ylabel("context length (tokens)")
        left.set_title("key retrieval accuracy %")
        fig.colorbar(image, ax=left)
        ppl = [b for b in s["perplexity_by_position"]["bins"] if b["perplexity"]]
        right.plot([(b["start"] + b["end"]) / 2 for b in ppl], [b["perplexity"] for b in ppl], marker="o")
        right.set_xlabel("token position")
        right.set_ylabel("perplexity")
        right.set_title("perplexity by position")
        fig.suptitle(f"long context: {_who(s)}")
        fig.tight_layout()
        path = output / f"long_context_{i}.png"
        fig.savefig(path, dpi=100)
        plt.close(fig)
        written.append(path)
    return written
