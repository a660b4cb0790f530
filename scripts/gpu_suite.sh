#!/usr/bin/env bash
# The GPU machine's side of issue 13's suite (docs/gpu.md): install the carried wheels (the server's packages, so
# the server part runs over HTTP) and run benchmarks/gpu_suite.py into $OUT/gpu_suite.json. Arguments go to the
# suite (e.g. --budget 240).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gpu_site.sh
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || true
python3 benchmarks/gpu_suite.py --out "${OUT:-/tmp}/gpu_suite.json" "$@"
