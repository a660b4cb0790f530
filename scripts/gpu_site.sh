# Sourced by the GPU machine's scripts (gpu_train.sh, gpu_suite.sh) from the repository root: install the wheels
# carried in .whl/ (scripts/gpu_wheels.sh made them here) that the machine lacks into /tmp/site, and put the
# repository and /tmp/site on PYTHONPATH.
if [ -d .whl ]; then
    # only what the machine lacks: /tmp/site comes before its site-packages on the path, so a carried wheel it
    # already has (anyio, h11, click: what its transformers and huggingface_hub were installed with) would shadow
    # that version
    missing=()
    for wheel in .whl/*.whl; do
        name="$(basename "$wheel" | cut -d- -f1)"
        python3 -c 'import importlib.metadata as m, sys; m.distribution(sys.argv[1])' "$name" 2>/dev/null ||
            missing+=("$wheel")
    done
    echo "installing ${#missing[@]} carried wheels the machine lacks: ${missing[*]##*/}"
    if [ ${#missing[@]} -gt 0 ]; then
        python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site \
            "${missing[@]}"
    fi
    export PYTHONPATH="$PWD:/tmp/site"
else
    export PYTHONPATH="$PWD"
fi
