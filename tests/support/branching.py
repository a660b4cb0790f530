"""A model that writes one of several scripted texts: for tests that need candidates to differ (verified generation).

`BranchingModel` is a real Transformer (the engine's cache and batching run as usual) whose logits follow a table:
after a given prompt, the next token is the one its scripts write at that position after that token. Where the
scripts of a prompt share a start they agree; where they part, every continuation is about equally likely, the
first script's a little more, so greedy decoding writes the first script and sampling with different seeds writes
the others. Several prompts may be scripted at once (the candidates' prompt and the prompt asking for tests);
the table is keyed by absolute position and the token fed there, so they must not collide, which is checked.
"""

from __future__ import annotations

import torch

from codellama.model import Transformer
from tests.support.models import tiny_args

FIRST, OTHER, REST = 20.01, 20.0, -20.0  # the first script's next token, the others', everything else


class BranchingModel(Transformer):
    def __init__(self, branches: list[tuple[list[int], list[list[int]]]], eos: int, **overrides):
        """`branches`: (prompt ids, the token ids of each text the model may write after that prompt)."""
        super().__init__(tiny_args(**overrides))
        self.eos = eos
        self.table: dict[tuple[int, int], list[int]] = {}
        owner: dict[tuple[int, int], int] = {}
        for number, (prompt_ids, scripts) in enumerate(branches):
            for script in scripts:
                position, fed = len(prompt_ids) - 1, prompt_ids[-1]
                for token in [*script, eos]:
                    key = (position, fed)
                    if owner.setdefault(key, number) != number:
                        raise ValueError(f"the scripts of prompts {owner[key]} and {number} collide at {key}")
                    options = self.table.setdefault(key, [])
                    if token not in options:
                        options.append(token)
                    position, fed = position + 1, token

    def forward(self, tokens, positions=None, output_index=None, row_offset=0, kv_len=None):
        B, T = tokens.shape
        if positions is None:
            positions = torch.arange(T).expand(B, T)
        if output_index is not None:
            rows = torch.arange(B)
            positions = positions[rows, output_index][:, None]
            tokens = tokens[rows, output_index][:, None]
        logits = torch.full((*positions.shape, self.args.vocab_size), REST)
        for b in range(positions.shape[0]):
            for t in range(positions.shape[1]):
                options = self.table.get((int(positions[b, t]), int(tokens[b, t])), [self.eos])
                logits[b, t, options] = OTHER
                logits[b, t, options[0]] = FIRST
        return logits
