"""What a guard rail does with a request or an output, from the mildest to the strongest.

A `str`-valued enum: JSON bodies, HTTP headers, exit-code tables and metrics labels carry the same words
("allow", "annotate", "warn", "block") as the plain strings they replace, and `Action.BLOCK == "block"`.
"""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    ALLOW = "allow"  # nothing to report
    ANNOTATE = "annotate"  # let it through, reporting what was found (e.g. the sources a completion copies)
    WARN = "warn"  # let it through, flagged as risky
    BLOCK = "block"  # refuse the request, or withhold the output


def strongest(*actions: Action) -> Action:
    """The strongest of `actions` (declaration order: allow < annotate < warn < block)."""
    order = list(Action)
    return max(actions, key=order.index)
