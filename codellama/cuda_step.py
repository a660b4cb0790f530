"""A decode step over fixed shapes, replayed as a CUDA graph.

A decode step of the 7B on a GPU is ~5 ms of weight reads but hundreds of kernel launches: launched one by one
from Python they cost more than the work. A CUDA graph replays all of them at once, but only for the shapes and
addresses it was captured with. So the step runs over fixed shapes:

  batch   the running rows padded to a bucket (1, 2, 4, ..., 64, ...): the padding rows are idle cache rows
          (those past the running ones, which the engine keeps packed), fed token 0 at the cache's last position;
  window  the cache positions attention reads, kv_len rounded up to a multiple of WINDOW_STEP: one graph serves
          every step until the longest row crosses into the next window. The mask (B, 1, 1, window) is made on
          the device from the rows' positions inside the graph, so nothing is read back from the device.

`StaticDecoder(model)` is called as the model is for a decode step (Engine.step calls `model.compiled_decode`);
any other call (a prefill chunk, scoring) goes to the model itself. On the CPU it runs the same padded, bucketed
step eagerly (no graphs), which is what the tests check against the plain engine. `install(model)` sets it up.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable

import torch

from codellama.model import Transformer

log = logging.getLogger(__name__)

WINDOW_STEP = 256  # cache positions: attention reads kv_len rounded up to this (one graph per window)
LARGEST_BATCH_BUCKET = 64  # batches beyond this pad to a multiple of it


def batch_bucket(rows: int, limit: int) -> int:
    """The padded batch for `rows` running rows: the next power of two (past LARGEST_BATCH_BUCKET, the next multiple
    of it), at most `limit` (the cache's rows)."""
    if rows <= LARGEST_BATCH_BUCKET:
        bucket = 1 << max(rows - 1, 0).bit_length()
    else:
        bucket = -(-rows // LARGEST_BATCH_BUCKET) * LARGEST_BATCH_BUCKET
    return max(rows, min(bucket, limit))


def window_bucket(kv_len: int, limit: int, step: int = WINDOW_STEP) -> int:
    """The cache positions a step reads: kv_len rounded up to a multiple of `step`, at most `limit` (the cache's
    length)."""
    return max(kv_len, min(-(-kv_len // step) * step, limit))


class _Step:
    """One (batch, window) shape: static input buffers, and on CUDA the graph captured over them."""

    def __init__(self, forward: Callable, batch: int, window: int, device: torch.device, idle_position: int):
        self.forward, self.window, self.idle_position = forward, window, idle_position
        self.tokens = torch.zeros(batch, 1, dtype=torch.long, device=device)
        self.positions = torch.zeros(batch, 1, dtype=torch.long, device=device)
        self.graph: torch.cuda.CUDAGraph | None = None
        self.logits: torch.Tensor | None = None  # (batch, V) float32: the graph's output
        self.next_tokens: torch.Tensor | None = None  # (batch,): their argmax (greedy decoding needs no more)

    def load(self, tokens: torch.Tensor, positions: torch.Tensor) -> None:
        """Copy the rows' tokens and positions (B,) in (device to device); padding rows get token 0 at the cache's
        last position (which no prompt reaches: a long prompt being prefilled in an idle row stays intact)."""
        B = len(tokens)
        self.tokens[:B, 0].copy_(tokens)
        self.positions[:B, 0].copy_(positions)
        if B < len(self.tokens):
            self.tokens[B:].zero_()
            self.positions[B:].fill_(self.idle_position)

    def _run(self) -> tuple[torch.Tensor, torch.Tensor]:
        logits = self.forward(self.tokens, self.positions, kv_len=self.window)[:, 0]
        return logits, logits.argmax(dim=-1)

    def run_eager(self) -> None:
        self.logits, self.next_tokens = self._run()

    def capture(self, pool) -> None:
        """Warm up on a side stream (cuBLAS workspaces, compiled kernels), then capture. The warm-up runs the step
        for the inputs already loaded, so its cache writes are the ones the replay makes again."""
        side = torch.cuda.Stream()
        side.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(side):
            for _ in range(2):
                self._run()
        torch.cuda.current_stream().wait_stream(side)
        self.graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(self.graph, pool=pool):
            self.logits, self.next_tokens = self._run()

    def replay(self) -> None:
        self.graph.replay()


class StaticDecoder:
    """Decode steps over bucketed shapes; CUDA graphs on a GPU (`graphs`), eager elsewhere. `compile`: the captured
    forward is torch.compile's (inductor fuses the norms, rotary and casts; compiling takes a minute or more per
    shape of the 7B), else the eager model's."""

    def __init__(self, model: Transformer, graphs: bool | None = None, compile: bool = False):
        self.model = model
        self.device = model.tok_embeddings.weight.device
        self.graphs = self.device.type == "cuda" if graphs is None else graphs
        if self.graphs and self.device.type != "cuda":
            raise ValueError(f"CUDA graphs need a CUDA device, not {self.device.type}")
        self.forward = torch.compile(model, dynamic=False) if compile else model
        self._steps: dict[tuple[int, int], _Step] = {}
        # the KV cache the graphs were captured over (its tensors' addresses are in them); weakly, so that a cache
        # the model lets go of (clear_cache) is freed
        self._cache: weakref.ref | None = None
        self._pool = None  # one memory pool shared by every graph (they never run at once)
        self.capture_error: str | None = None  # why capturing a graph failed (the steps then run eagerly)

    @property
    def shapes(self) -> list[tuple[int, int]]:
        """The (batch, window) shapes prepared so far."""
        return sorted(self._steps)

    def __call__(
        self,
        tokens: torch.Tensor,
        positions: torch.Tensor | None = None,
        output_index: torch.Tensor | None = None,
        row_offset: int = 0,
        kv_len: int | None = None,
        **kwargs,
    ) -> torch.Tensor:
        """As Transformer.forward. A decode step (one token a row, rows from 0, kv_len given) runs over the static
        shapes; anything else runs on the model."""
        plain = tokens.shape[1] == 1 and positions is not None and output_index is None and not row_offset
        if not (plain and kv_len is not None and not kwargs and self.model.cache is not None):
            return self.model(
                tokens, positions, output_index=output_index, row_offset=row_offset, kv_len=kv_len, **kwargs
            )
        return self.step(tokens[:, 0], positions[:, 0], kv_len)[0][:, None]

    @torch.inference_mode()
    def step(self, tokens: torch.Tensor, positions: torch.Tensor, kv_len: int) -> tuple[torch.Tensor, torch.Tensor]:
        """One token for each of B rows (cache rows 0..B-1) at `positions` (B,), the longest row reading kv_len
        positions: each row's next-token logits (B, V) and their argmax (B,). Copies: the graph's own outputs are
        overwritten by its next replay."""
        step = self._run(tokens, positions, kv_len)
        B = len(tokens)
        return step.logits[:B].clone(), step.next_tokens[:B].clone()

    def _run(self, tokens: torch.Tensor, positions: torch.Tensor, kv_len: int) -> _Step:
        """Load the rows into their shape's static step and run it: eagerly, or by its graph (captured the first
        time); its outputs are in the step."""
        step = self.prepare(len(tokens), kv_len)
        step.load(tokens, positions)
        if not self.graphs:
            step.run_eager()
            return step
        if step.graph is None:
            try:
                step.capture(self._pool)
            except Exception as e:  # a step that cannot be captured still runs: eagerly, from now on, and said so
                step.graph = None
                self.graphs, self.capture_error = False, f"{type(e).__name__}: {e}"
                log.warning("CUDA graph capture failed (%s): decode steps run eagerly", self.capture_error)
                step.run_eager()
                return step
            self._pool = step.graph.pool()
        step.replay()
        return step

    def prepare(self, rows: int, kv_len: int) -> _Step:
        """The static step for `rows` rows reading up to kv_len positions (made when first needed)."""
        cache = self.model.cache
        if cache is None:
            raise ValueError("a decode step needs the model's KV cache: call model.setup_cache first")
        if self._cache is None or cache is not self._cache():  # a new cache: the graphs point at the old one's memory
            self._steps, self._cache, self._pool = {}, weakref.ref(cache), None
        if rows > cache.batch or kv_len > cache.length:
            raise ValueError(
                f"{rows} rows reading {kv_len} positions exceed the KV cache ({cache.batch} x {cache.length})"
            )
        key = (batch_bucket(rows, cache.batch), window_bucket(kv_len, cache.length))
        if key not in self._steps:
            self._steps[key] = _Step(self.forward, *key, self.device, idle_position=cache.length - 1)
        return self._steps[key]

    @torch.inference_mode()
    def greedy(self, tokens: torch.Tensor, positions: torch.Tensor, steps: int) -> torch.Tensor:
        """Greedy decoding of `steps` tokens for rows 0..B-1, with nothing read back from the device until the end:
        each step's argmax is the next step's input (a device-to-device copy). Rows start from `tokens` (B,) at
        `positions` (B,) (host-known: the window of each step is decided on the host). Returns (B, steps)."""
        out = torch.empty(len(tokens), steps, dtype=torch.long, device=self.device)
        start = positions.max().item()  # one read, before the loop
        positions = positions.clone()
        for i in range(steps):
            step = self._run(tokens, positions, int(start) + i + 1)
            tokens = step.next_tokens[: len(tokens)]
            out[:, i] = tokens
            positions += 1
        return out


def install(model: Transformer, compile: bool = False) -> StaticDecoder:
    """Run `model`'s decode steps through a StaticDecoder (graphs on CUDA): Engine.step calls it as
    `model.compiled_decode`. On CUDA the float projections of a model in eval mode are fused first
    (Transformer.fuse_projections; a model being trained keeps its separate layers, which an optimiser holds)."""
    if model.tok_embeddings.weight.device.type == "cuda" and not model.training:
        model.fuse_projections()
    decoder = StaticDecoder(model, compile=compile)
    model.compiled_decode = decoder
    return decoder
