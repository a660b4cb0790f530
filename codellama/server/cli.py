"""Subcommands of `codellama` for this package (registered by codellama/cli.py)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this package's subcommands; each sets `handler=` to the function that runs it."""
