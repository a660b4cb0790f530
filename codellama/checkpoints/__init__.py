"""Read and write model checkpoints: Meta, Hugging Face and GGUF; load a model, or a Generator, from one.

One module per job: `names` (the name tables shared by the formats), `meta`, `hf`, `gguf` (with
`gguf_layout`, its header check), `quantized` (our quantised checkpoint, written by `codellama quantize`),
`files` (atomic writes, tokenizer copies) and `loading` (format dispatch and model building). This package
re-exports their public API.
"""

from codellama.checkpoints.gguf import gguf_metadata, open_gguf, read_gguf
from codellama.checkpoints.hf import read_hf, write_hf
from codellama.checkpoints.loading import (
    DEFAULT_MODEL_NAMES,
    build_model,
    default_dtype,
    default_model_path,
    load_generator,
    load_model,
    load_tensors,
    quantize_checkpoint,
    read_checkpoint,
    resolve_model_path,
)
from codellama.checkpoints.meta import read_meta, write_meta
from codellama.checkpoints.names import (
    EXTRA_PARAMS,
    GGUF_IGNORED,
    GGUF_NAMES,
    HF_NAMES,
    META_IGNORED,
    META_SHARD_DIM,
    CheckpointError,
    Tensors,
    hf_to_meta_rotary,
    meta_to_hf_rotary,
)

__all__ = [
    "DEFAULT_MODEL_NAMES",
    "EXTRA_PARAMS",
    "GGUF_IGNORED",
    "GGUF_NAMES",
    "HF_NAMES",
    "META_IGNORED",
    "META_SHARD_DIM",
    "CheckpointError",
    "Tensors",
    "build_model",
    "default_dtype",
    "default_model_path",
    "gguf_metadata",
    "hf_to_meta_rotary",
    "load_generator",
    "load_model",
    "load_tensors",
    "meta_to_hf_rotary",
    "open_gguf",
    "quantize_checkpoint",
    "read_checkpoint",
    "read_gguf",
    "read_hf",
    "read_meta",
    "resolve_model_path",
    "write_hf",
    "write_meta",
]
