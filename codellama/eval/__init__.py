"""Evaluation: HumanEval, infilling, MultiPL-E, long context, safety; reports."""
