"""`--compile`: decode steps and long prefill chunks through torch.compile (engine.compile_decode), opt-in,
the same tokens as eager."""

from __future__ import annotations

import argparse

import pytest
import torch
from gguf import GGMLQuantizationType as Q

from codellama import engine
from codellama.checkpoints import load_model
from codellama.cli_common import add_model_flags, generator_from_args
from codellama.engine import GenerationError, compile_decode
from codellama.generation import Generator, SamplingParams
from codellama.quant import INT4_DEQUANTIZED_FROM, unpacks_for_many_rows
from tests.support.gguf_files import Shapes, write_gguf

PROMPTS = ["def add(a, b):", "import os\n\ndef list_files(path):"]


@pytest.fixture(scope="module")
def q4_gguf(tmp_path_factory):
    path = tmp_path_factory.mktemp("compile") / "tiny-q4_0.gguf"
    write_gguf(path, Q.Q4_0, shapes=Shapes(dim=128, ffn=256, vocab=300), seed=11)
    return path


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_model_flags(parser)
    return parser.parse_args(argv)


def test_compile_is_opt_in_and_decode_steps_go_through_it(q4_gguf):
    """Off by default; --compile hands the model a compiled decode step (compiled at its first call); the
    engine's decode steps, and only those, go through whatever the model holds there."""
    assert _parse(["--model", str(q4_gguf)]).compile is False
    assert generator_from_args(_parse(["--model", str(q4_gguf)])).model.compiled_decode is None
    assert generator_from_args(_parse(["--model", str(q4_gguf), "--compile"])).model.compiled_decode is not None

    model, tokenizer = load_model(q4_gguf, quant="auto")
    params = SamplingParams(max_new_tokens=6, ignore_eos=True)
    eager = [c.token_ids for c in Generator(model, tokenizer).complete(PROMPTS, params)]
    calls = []

    def counted(tokens, positions, **kwargs):
        calls.append(tokens.shape)
        return model(tokens, positions, **kwargs)

    model.compiled_decode = counted
    assert [c.token_ids for c in Generator(model, tokenizer).complete(PROMPTS, params)] == eager
    assert calls == [(2, 1)] * 5  # 6 tokens: the first from the prefill, then 5 decode steps of both rows


def test_without_a_cpp_compiler_compile_says_what_to_do(q4_gguf, monkeypatch):
    model, _ = load_model(q4_gguf, quant="auto")
    monkeypatch.delenv("CXX", raising=False)
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(GenerationError, match="needs a C\\+\\+ compiler .* or run without --compile"):
        compile_decode(model)
    assert model.compiled_decode is None


@pytest.mark.slow
@pytest.mark.parametrize("quant", ["auto", "none"])
def test_compiled_decode_generates_what_eager_does(q4_gguf, quant):
    """Compiled decode steps, at batch 2 then batch 1 (two graphs), give the tokens the eager steps give, with
    logits equal up to float rounding: the file's int4 blocks (auto), and float32 (none)."""
    model, tokenizer = load_model(q4_gguf, quant=quant)
    params = SamplingParams(max_new_tokens=8, ignore_eos=True, logprobs=2)
    generator = Generator(model, tokenizer)
    eager = generator.complete(PROMPTS, params) + generator.complete(PROMPTS[:1], params)
    graphs = torch._dynamo.utils.counters["stats"]["unique_graphs"]
    compile_decode(model)
    compiled = generator.complete(PROMPTS, params) + generator.complete(PROMPTS[:1], params)
    assert [c.token_ids for c in compiled] == [c.token_ids for c in eager]
    for ours, reference in zip(compiled, eager):
        theirs = torch.tensor([lp.logprob for lp in reference.logprobs])
        torch.testing.assert_close(torch.tensor([lp.logprob for lp in ours.logprobs]), theirs, atol=0.02, rtol=0)
    assert torch._dynamo.utils.counters["stats"]["unique_graphs"] - graphs == 2  # it did compile, a graph a batch class


@pytest.mark.slow
def test_a_long_prompt_prefills_through_the_compiled_graph_as_eager_does(q4_gguf):
    """Prefill chunks of INT4_DEQUANTIZED_FROM tokens or more run compiled (the int4 layers unpack their weights
    for a bf16 matmul): the same tokens as eager, log-probabilities equal up to rounding."""
    model, tokenizer = load_model(q4_gguf, quant="auto")
    prompt = "import os\n\ndef list_files(path):\n    return sorted(os.listdir(path))\n\n" * 8
    assert len(tokenizer.encode(prompt)) >= INT4_DEQUANTIZED_FROM
    params = SamplingParams(max_new_tokens=4, ignore_eos=True, logprobs=2)
    generator = Generator(model, tokenizer)
    eager = generator.complete(prompt, params)[0]
    compile_decode(model)
    compiled_forward, widths = model.compiled_decode, []

    def recorded(tokens, positions, **kwargs):
        widths.append(tokens.shape[1])
        return compiled_forward(tokens, positions, **kwargs)

    model.compiled_decode = recorded
    compiled = generator.complete(prompt, params)[0]
    if unpacks_for_many_rows(model):
        assert widths[0] >= INT4_DEQUANTIZED_FROM and widths[1:] == [1, 1, 1]  # the prefill, then 3 decode steps
    else:  # this torch's packer lays int4 rows out otherwise (no AVX-512): the prefill stays eager
        assert widths == [1, 1, 1]
    assert compiled.token_ids == eager.token_ids
    ours, theirs = ([lp.logprob for lp in c.logprobs] for c in (compiled, eager))
    torch.testing.assert_close(torch.tensor(ours), torch.tensor(theirs), atol=0.02, rtol=0)


@pytest.mark.slow
def test_infill_by_ranking_scores_through_the_compiled_graph_as_eager_does(q4_gguf):
    """Scoring infill candidates (many tokens at once) runs compiled too, and picks the middle eager picks."""
    model, tokenizer = load_model(q4_gguf, quant="auto")
    generator = Generator(model, tokenizer)
    prefix, suffix = "import os\n\ndef list_files(path):\n    ", "\n\nprint(list_files('.'))\n" * 4
    params = SamplingParams(max_new_tokens=24, seed=3)
    eager = generator.infill(prefix, suffix, params)
    compile_decode(model)
    compiled_forward, sizes = model.compiled_decode, []

    def recorded(tokens, positions, **kwargs):
        sizes.append(tokens.numel())
        return compiled_forward(tokens, positions, **kwargs)

    model.compiled_decode = recorded
    assert generator.infill(prefix, suffix, params).middle == eager.middle
    # the candidates were scored by the graph, where the int4 layers can unpack for many rows
    assert any(size >= INT4_DEQUANTIZED_FROM for size in sizes) == unpacks_for_many_rows(model)


@pytest.mark.slow
def test_a_warmed_up_server_model_compiles_nothing_more_for_its_requests(q4_gguf, monkeypatch):
    """Generator.warm_up (what `codellama serve --compile` runs while it says it is loading) compiles every
    graph kind its requests need: a long prompt, one and two sequences, long prompts prefilled side by side,
    infill candidates scored."""
    model, tokenizer = load_model(q4_gguf, quant="auto")
    generator = Generator(model, tokenizer)
    compile_decode(model)
    generator.warm_up()
    graphs = torch._dynamo.utils.counters["stats"]["unique_graphs"]
    params = SamplingParams(max_new_tokens=5, ignore_eos=True)
    generator.complete("import sys\n\ndef main(argv):\n    return 0\n\n" * 10, params)
    generator.complete(PROMPTS, params)
    generator.complete(PROMPTS[:1], params)
    with monkeypatch.context() as patch:  # a prompt prefilled in chunks (of 512 tokens, beyond this model's context)
        patch.setattr(engine, "PREFILL_CHUNK", 128)
        generator.complete("import os\n\ndef main(argv):\n    return 0\n\n" * 10, params)
    generator.complete([f"def f{i}(x, y):\n    return x * {i} + y" for i in range(16)], params)  # arriving together
    generator.infill("import os\n\ndef list_files(path):\n    ", "\n\nprint(list_files('.'))\n" * 4, params)
    assert torch._dynamo.utils.counters["stats"]["unique_graphs"] == graphs


@pytest.mark.slow
def test_the_server_scheduler_runs_on_the_graphs_warm_up_compiled(q4_gguf):
    """`codellama serve` warms up with the Generator, then its Scheduler allocates the batch's KV cache (as many
    rows as --parallel): the requests it serves, alone and side by side, compile nothing more. (A cache made
    outside inference mode missed every warmed-up graph on its tensors' dispatch keys; dynamo recompiled to its
    limit and the batched steps then ran eagerly.)"""
    from codellama.server.scheduler import Job, Scheduler

    model, tokenizer = load_model(q4_gguf, quant="auto")
    generator = Generator(model, tokenizer)
    compile_decode(model)
    generator.warm_up()
    graphs = torch._dynamo.utils.counters["stats"]["unique_graphs"]
    scheduler = Scheduler(generator, max_batch=12, context=512)  # more rows than warm-up's caches had (8)
    params = SamplingParams(max_new_tokens=5, ignore_eos=True)
    try:
        alone = scheduler.submit([Job(generator.encode_prompt(PROMPTS[0]), params)])
        together = scheduler.submit([Job(generator.encode_prompt(p), params) for p in PROMPTS * 2])
        results = [list(handle) for handle in alone + together]
    finally:
        scheduler.close()
    assert all(deltas[-1].completion is not None for deltas in results)
    assert torch._dynamo.utils.counters["stats"]["unique_graphs"] == graphs
    assert model.cache.k[0].is_inference()
