#!/usr/bin/env bash
# One command for everything: sets up .venv on first use, then
#   ./run.sh demo            completion, infilling and chat with the embedded model (the default)
#   ./run.sh test [ARGS]     the test suite (pytest ARGS)
#   ./run.sh bench           the benchmarks in benchmarks/
#   ./run.sh ARGS            any `codellama` command, e.g. ./run.sh complete "def fibonacci(n):"
set -euo pipefail
cd "$(dirname "$0")"
command=${1:-demo}
[ $# -gt 0 ] && shift
if [ "$command" = "bench" ]; then bash scripts/setup.sh --bench; else bash scripts/setup.sh; fi
case "$command" in
  demo) exec .venv/bin/codellama demo "$@" ;;
  test) exec .venv/bin/python -m pytest -q -rs "$@" ;;  # -rs: why anything skipped (CI=true fails skips)
  bench)
    .venv/bin/python benchmarks/load_memory.py
    exec .venv/bin/python benchmarks/decode.py "$@" ;;
  *) exec .venv/bin/codellama "$command" "$@" ;;
esac
