#!/usr/bin/env bash
# Download, here, the pure-Python wheels the GPU machine lacks (Python 3.12 there; it has torch, transformers,
# safetensors, sentencepiece, tokenizers, jinja2, peft, numpy, scipy) into .whl/, a folder git ignores, for a
# device call to carry (docs/training.md, "Training on a GPU"). gguf reads the base model; datasketch is the
# data pipeline's near-dedup; fastapi/uvicorn/pydantic/prometheus-client (and what they need) are the server's
# (benchmarks/gpu_suite.py's server part runs over HTTP with them).
set -euo pipefail
cd "$(dirname "$0")/.."
exclude="$(git rev-parse --git-common-dir)/info/exclude"
grep -qx '/.whl/' "$exclude" 2>/dev/null || echo '/.whl/' >>"$exclude"
rm -rf .whl && mkdir .whl
platforms=(--platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64)
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    "${platforms[@]}" -d .whl \
    gguf==0.19.0 datasketch==2.0.0 \
    fastapi==0.165.0 starlette==1.10.0 uvicorn==0.54.0 pydantic==2.14.4 pydantic_core==2.50.5 \
    annotated-types==0.8.0 annotated-doc==0.0.7 typing-inspection==0.4.5 anyio==4.16.0 sniffio==1.3.1 \
    h11==0.16.0 click==8.5.1 prometheus-client==0.26.0
ls -la .whl
du -sh .whl
