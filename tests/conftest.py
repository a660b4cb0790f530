"""Shared fixtures: a tiny random model (built by tests/support/models.py), and the real default model (loaded once)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
import torch

from codellama.checkpoints import default_model_path, gguf_metadata, load_model, open_gguf
from codellama.generation import Generator
from codellama.tokenizer import tokenizer_from_gguf
from tests.support.models import tiny_model
from tests.support.no_skips import (  # noqa: F401 (hooks: CI=true turns a skip into a failure)
    pytest_collectreport,
    pytest_runtest_makereport,
    pytest_sessionfinish,
    pytest_terminal_summary,
)

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the peers we compare with must never reach for a hub
# Tests compare the default model with transformers and llama.cpp reading the same GGUF, which know no delta: the
# embedded model's shipped delta (codellama/default_delta/, once a GPU run has made it) is off in the tests, and
# the tests of the delta turn it on (tests/test_train_delta.py). Servers the tests start inherit this.
os.environ["CODELLAMA_DELTA"] = "off"


@functools.cache
def _default_meta() -> dict:
    path = default_model_path()
    return gguf_metadata(open_gguf(path), path)


@pytest.fixture(scope="session")
def smol_tokenizer():
    """The default model's real byte-level BPE tokenizer (49,152 tokens), without its weights."""
    return tokenizer_from_gguf(_default_meta(), str(default_model_path()))


@pytest.fixture(scope="session")
def smol_tokenizer_dir(tmp_path_factory, smol_tokenizer) -> Path:
    """tokenizer.json + tokenizer_config.json of the default model, for building HF-format test models."""
    import json

    directory = tmp_path_factory.mktemp("smol-tokenizer")
    smol_tokenizer.tok.save(str(directory / "tokenizer.json"))
    config = {
        "bos_token": "<|im_start|>",
        "eos_token": "<|im_end|>",
        "add_bos_token": False,
        "chat_template": smol_tokenizer.chat_template,
    }
    (directory / "tokenizer_config.json").write_text(json.dumps(config))
    return directory


@pytest.fixture(scope="session")
def tiny_generator(smol_tokenizer) -> Generator:
    return Generator(tiny_model(), smol_tokenizer)


@pytest.fixture(scope="session")
def default_generator() -> Generator:
    model, tokenizer = load_model()
    return Generator(model, tokenizer)


@pytest.fixture(scope="session")
def hf_default_model():
    """transformers' own reading of the default GGUF (dequantised to fp32): the reference."""
    transformers = pytest.importorskip("transformers")
    path = default_model_path()
    model = transformers.AutoModelForCausalLM.from_pretrained(
        str(path.parent), gguf_file=path.name, dtype=torch.float32
    )
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
    return model.eval(), tokenizer
