"""llama.cpp (llama-cpp-python) as the peer in the benchmarks: load a GGUF the way it runs on this CPU.

Imports nothing heavy itself (no torch), so that a benchmark's llama.cpp subprocess measures llama.cpp alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


@contextlib.contextmanager
def no_extra_buffer_types() -> Iterator[None]:
    """Make llama-cpp-python load models with `use_extra_bufts = False`: the extra (repacking/AMX) buffer
    types crash with SIGILL on some CPUs.

    `Llama()` has no argument for it (an unknown keyword is silently swallowed by its **kwargs),
    so patch the default model parameters it starts from."""
    import llama_cpp

    original = llama_cpp.llama_cpp.llama_model_default_params

    def patched():
        params = original()
        params.use_extra_bufts = False
        return params

    llama_cpp.llama_cpp.llama_model_default_params = patched
    try:
        yield
    finally:
        llama_cpp.llama_cpp.llama_model_default_params = original


def load_llama(path, n_ctx: int, threads: int):
    """A `llama_cpp.Llama` for the GGUF at `path`, quiet, without the extra buffer types."""
    from llama_cpp import Llama

    with no_extra_buffer_types():
        llm = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads, verbose=False)
    assert not llm.model_params.use_extra_bufts
    return llm
