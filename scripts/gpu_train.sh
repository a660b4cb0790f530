#!/usr/bin/env bash
# The GPU machine's side of `python -m codellama.train.gpu_run` (docs/training.md, "Training on a GPU"): install
# the carried wheels, join the base model's two halves (part 1 left in /tmp/base by the first call, part 2
# carried now in .base2/), check its sha256, and run the whole pipeline into $OUT within BUDGET seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/gpu_site.sh  # the carried wheels the machine lacks, and PYTHONPATH
name="$(cut -d' ' -f3 .base2/SHA256)"
base="/tmp/base/$name"
mkdir -p /tmp/base
if [ ! -f "$base" ]; then
    part1=/tmp/base/part-1
    [ -f "$part1" ] || part1=.base1/part-1
    if [ ! -f "$part1" ]; then
        echo "gpu_train.sh: part 1 of the base model is in neither /tmp/base nor .base1 (a fresh machine: was it" \
            "handed back between the calls?): run call 1 again, then this one at once" >&2
        exit 2
    fi
    cat "$part1" .base2/part-2 >"$base"
fi
(cd /tmp/base && sha256sum -c "$OLDPWD/.base2/SHA256")
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || true
out="${OUT:-/tmp/gpu_run}"
status=0
python3 -m codellama.train.gpu_run --out "$out" --base "$base" --budget "${BUDGET:-540}" "$@" || status=$?
# the device returns at most 8 files from $OUT: keep the figures and the delta as they are, the rest (logs, eval
# samples, mfu.json) in one archive
(
    cd "$out"
    rest=$(find . -mindepth 1 -maxdepth 1 ! -name delta ! -name gpu_run.json ! -name rest.tar.gz)
    if [ -n "$rest" ]; then
        tar czf rest.tar.gz $rest && rm -rf $rest
    fi
    find . -type f | sort
)
exit "$status"
