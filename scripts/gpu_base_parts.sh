#!/usr/bin/env bash
# Split the base model file (default: the embedded SmolLM2-135M-Instruct GGUF, 98 MB) into two halves in
# .base1/ and .base2/, folders git ignores: one device call carries at most 64 MiB, so the file travels in two
# calls (docs/training.md, "Training on a GPU"). Usage: scripts/gpu_base_parts.sh [BASE_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-$(PYTHONPATH=$PWD python3 -c 'from codellama.checkpoints import default_model_path; print(default_model_path())' 2>/dev/null \
    || PYTHONPATH=$PWD .venv/bin/python -c 'from codellama.checkpoints import default_model_path; print(default_model_path())')}"
exclude="$(git rev-parse --git-common-dir)/info/exclude"
for d in .base1 .base2; do grep -qx "/$d/" "$exclude" 2>/dev/null || echo "/$d/" >>"$exclude"; done
rm -rf .base1 .base2 && mkdir .base1 .base2
size=$(stat -c %s "$base")
half=$(((size + 1) / 2))
head -c "$half" "$base" >.base1/part-1
tail -c "+$((half + 1))" "$base" >.base2/part-2
name="$(basename "$base")"
sha="$(sha256sum "$base" | cut -d' ' -f1)"
echo "$sha  $name" | tee .base1/SHA256 >.base2/SHA256
ls -la .base1 .base2
