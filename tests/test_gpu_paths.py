"""The GPU inference path, run on the CPU with tiny shapes (CI has no GPU): the bucketed, padded decode step
(cuda_step), mask-free chunked prefill, fused projections, float32 rotary frequencies under bf16, the KV cache
cap and the single-query attention. benchmarks/gpu_suite.py runs the same code on a GPU."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F

from codellama import cuda_step, engine
from codellama.cuda_step import StaticDecoder, batch_bucket, window_bucket
from codellama.generation import Generator, SamplingParams
from codellama.model import check_kv_cache_fits, rope_frequencies, single_token_attention
from tests.support.generation import PROMPTS
from tests.support.models import tiny_model


def test_buckets_pad_batches_to_powers_of_two_and_windows_to_steps_within_the_cache():
    assert [batch_bucket(n, 64) for n in (1, 2, 3, 5, 33, 64)] == [1, 2, 4, 8, 64, 64]
    assert batch_bucket(3, 3) == 3  # never more rows than the cache has
    assert batch_bucket(65, 256) == 128
    assert window_bucket(1, 4096) == 256 and window_bucket(256, 4096) == 256 and window_bucket(257, 4096) == 512
    assert window_bucket(300, 400) == 400  # never past the cache's length


def test_static_steps_give_the_plain_forward_logits_for_rows_at_mixed_positions():
    model = tiny_model(vocab_size=300)
    tokens = torch.randint(0, 300, (3, 40), generator=torch.Generator().manual_seed(3))
    lengths = [40, 17, 29]
    decoder = StaticDecoder(model)
    with torch.no_grad():
        model.setup_cache(8, 600)  # room for padding rows; windows of 256 and 512
        for i, n in enumerate(lengths):
            model(tokens[i : i + 1, : n - 1], torch.arange(n - 1)[None], row_offset=i)
        last = torch.tensor([tokens[i, n - 1] for i, n in enumerate(lengths)])
        positions = torch.tensor([n - 1 for n in lengths])
        logits, greedy = decoder.step(last, positions, kv_len=40)
        for i, n in enumerate(lengths):  # each row alone, fresh, over its whole prompt
            fresh = tiny_model(vocab_size=300)
            alone = fresh(tokens[i : i + 1, :n])[0, -1]
            assert torch.allclose(logits[i], alone, atol=1e-4), i
        assert torch.equal(greedy, logits.argmax(-1))
    assert decoder.shapes == [(4, 256)]  # three rows padded to four, 40 positions read as 256


def test_static_greedy_decoding_crosses_windows_and_equals_step_by_step_decoding():
    model = tiny_model(vocab_size=300)
    prompt = torch.randint(0, 300, (2, 250), generator=torch.Generator().manual_seed(4))
    with torch.no_grad():
        model.setup_cache(2, 512)
        model(prompt[:, :-1], torch.arange(249).expand(2, -1))
        decoder = StaticDecoder(model)
        fast = decoder.greedy(prompt[:, -1], torch.tensor([249, 249]), steps=12)
        model.clear_cache()
        model.setup_cache(2, 512)
        model(prompt[:, :-1], torch.arange(249).expand(2, -1))
        token, slow = prompt[:, -1:], []
        for i in range(12):
            token = model(token, torch.tensor([[249 + i]] * 2))[:, -1].argmax(-1, keepdim=True)
            slow.append(token)
    assert torch.equal(fast, torch.cat(slow, dim=1))
    assert decoder.shapes == [(2, 256), (2, 512)]  # positions 250..261: the window grew once


def test_a_step_whose_graph_cannot_be_captured_runs_eagerly_and_says_why(monkeypatch):
    """A capture that fails (an op CUDA graphs forbid) costs speed, not the step: the decoder goes on eagerly, with
    the same tokens, and names the error (the GPU suite records it beside the figures)."""
    model = tiny_model(vocab_size=300)
    prompt = torch.randint(0, 300, (2, 20), generator=torch.Generator().manual_seed(5))

    def greedy(decoder: StaticDecoder) -> torch.Tensor:
        model.setup_cache(2, 64)
        model(prompt[:, :-1], torch.arange(19).expand(2, -1))
        tokens = decoder.greedy(prompt[:, -1], torch.tensor([19, 19]), steps=6)
        model.clear_cache()
        return tokens

    def capture(self, pool):
        raise RuntimeError("operation not permitted when stream is capturing")

    with torch.no_grad():
        eager = greedy(StaticDecoder(model))
        failing = StaticDecoder(model)
        failing.graphs = True  # as on a GPU (a CPU decoder refuses graphs=True)
        monkeypatch.setattr(cuda_step._Step, "capture", capture)
        assert torch.equal(greedy(failing), eager)
    assert not failing.graphs and "not permitted when stream is capturing" in failing.capture_error


@pytest.fixture
def static_generator(smol_tokenizer):
    model = tiny_model()
    cuda_step.install(model)
    return Generator(model, smol_tokenizer)


def test_the_engine_through_the_static_decoder_generates_what_the_plain_engine_does(tiny_generator, static_generator):
    params = SamplingParams(max_new_tokens=24, ignore_eos=True)
    plain = [c.text for c in tiny_generator.complete(PROMPTS, params)]
    static_generator.model.setup_cache(8, 512)  # larger than needed: batches of 3, then 2 and 1 rows, padded
    assert [c.text for c in static_generator.complete(PROMPTS, params)] == plain
    assert (4, 256) in static_generator.model.compiled_decode.shapes
    sampled = SamplingParams(max_new_tokens=16, temperature=0.8, seed=5)  # seeded sampling is the engine's, as before
    assert (
        static_generator.complete(PROMPTS[0], sampled)[0].text == tiny_generator.complete(PROMPTS[0], sampled)[0].text
    )


def test_mask_free_chunked_prefill_equals_the_masked_prefill(tiny_generator, smol_tokenizer, monkeypatch):
    prompts = [PROMPTS[1] * 3, PROMPTS[0]]  # rows of different lengths, several chunks
    params = SamplingParams(max_new_tokens=12, ignore_eos=True)
    masked = [c.text for c in tiny_generator.complete(prompts, params)]
    calls = []
    forward = tiny_generator.model.forward

    def spy(*args, **kwargs):
        calls.append(kwargs.get("chunk_start"))
        return forward(*args, **kwargs)

    monkeypatch.setattr(engine, "prefill_plan", lambda device: (16, True))
    model = tiny_model()
    monkeypatch.setattr(model, "forward", spy)
    assert [c.text for c in Generator(model, smol_tokenizer).complete(prompts, params)] == masked
    assert calls[:3] == [0, 16, 32]  # chunks of 16 placed by their start: no mask built


def test_lower_right_chunks_equal_the_full_forward_with_gqa():
    model = tiny_model(vocab_size=300, n_heads=4, n_kv_heads=1)
    tokens = torch.randint(0, 300, (2, 30), generator=torch.Generator().manual_seed(6))
    with torch.no_grad():
        full = model(tokens)
        model.setup_cache(2, 64)
        pieces = [model(tokens[:, a:b], chunk_start=a) for a, b in ((0, 7), (7, 19), (19, 30))]
    assert torch.allclose(torch.cat(pieces, dim=1), full, atol=1e-5)


def test_fused_projections_give_the_same_logits():
    model = tiny_model(vocab_size=300)
    tokens = torch.randint(0, 300, (2, 20), generator=torch.Generator().manual_seed(7))
    with torch.no_grad():
        before = model(tokens)
        model.fuse_projections()
        after = model(tokens)
    assert model.layers[0].attention.wq is None and model.layers[0].feed_forward.w13 is not None
    assert torch.allclose(before, after, atol=1e-5)


def test_rotary_frequencies_stay_float32_when_the_model_is_cast_to_bf16():
    model = tiny_model(vocab_size=300, rope_theta=1_000_000.0).to(torch.bfloat16)
    assert model.inv_freq.dtype == torch.float32
    assert torch.equal(model.inv_freq, rope_frequencies(model.args))
    # at a long position a bf16 frequency would be off by whole turns
    position = 100_000.0
    exact = position * rope_frequencies(model.args)
    rounded = position * rope_frequencies(model.args).bfloat16().float()
    assert (exact - rounded).abs().max() > 2 * math.pi


def test_a_kv_cache_larger_than_free_memory_is_refused_with_the_flags_to_change():
    seven_b = 512 * 1024  # bytes a position, bf16
    check_kv_cache_fits(8, 4096, seven_b, free_bytes=60 << 30)  # 16 GiB: fits
    with pytest.raises(ValueError, match=r"64 rows x 4096 positions needs 128.0 GiB.*--parallel.*--ctx-size"):
        check_kv_cache_fits(64, 4096, seven_b, free_bytes=60 << 30)
    model = tiny_model(vocab_size=300)
    assert model.kv_bytes_per_position() == 2 * 2 * 2 * 16 * 4  # layers x (k, v) x kv heads x head dim x fp32


@pytest.mark.parametrize("kv_heads", [4, 2])
@pytest.mark.parametrize("rows", [1, 3])
def test_single_query_attention_equals_sdpa_with_the_mask(kv_heads, rows):
    g = torch.Generator().manual_seed(8)
    q = torch.randn(rows, 4, 1, 16, generator=g)
    cache_k, cache_v = torch.randn(rows + 1, kv_heads, 64, 16, generator=g), torch.randn(rows + 1, kv_heads, 64, 16)
    k, v = cache_k[:rows, :, :50], cache_v[:rows, :, :50]  # a slice of a longer cache, as a decode step reads it
    lengths = torch.tensor([34, 50, 7][:rows])  # each row's own position
    mask = torch.zeros(rows, 1, 1, 50).masked_fill_(torch.arange(50) >= lengths[:, None, None, None], -math.inf)
    expected = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, enable_gqa=kv_heads != 4)
    assert torch.allclose(single_token_attention(q, k, v, mask, kv_heads), expected, atol=1e-5)


# -- benchmarks/gpu_suite.py, the one command a GPU session runs ------------------------------------------------

SUITE = Path(__file__).resolve().parent.parent / "benchmarks" / "gpu_suite.py"
# what the device machine lacks: the suite must run without importing any of them
ABSENT_ON_THE_DEVICE = ("gguf", "fastapi", "uvicorn", "pydantic", "prometheus_client", "datasketch")
BLOCKER = f"""
import runpy, sys
class Absent:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {ABSENT_ON_THE_DEVICE!r}:
            raise ImportError(f"{{name}} is not installed on the device machine")
sys.meta_path.insert(0, Absent())
sys.argv = [{str(SUITE)!r}] + sys.argv[1:]
runpy.run_path({str(SUITE)!r}, run_name="__main__")
"""


def run_suite(tmp_path: Path, *args: str) -> dict:
    out = tmp_path / "suite.json"
    env = {**os.environ, "PYTHONPATH": str(SUITE.parent.parent), "OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", BLOCKER, "--tiny", "--out", str(out), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(out.read_text())


def test_the_gpu_suite_runs_every_part_on_a_tiny_model_without_the_server_packages(tmp_path):
    pytest.importorskip("transformers")
    results = run_suite(tmp_path, "--skip", "compiled")
    parts = results["parts"]
    assert set(parts) == {"checks", "decode", "long", "quant", "peer", "server"}
    failed = {name: part.get("error") for name, part in parts.items() if "error" in part or "skipped" in part}
    assert not failed, failed
    assert parts["checks"]["ok"] and parts["checks"]["graph_vs_eager_same_tokens"] == 24
    assert parts["peer"]["ours_vs_transformers_max_rel_error"] < 0.05  # the same weights in transformers' layout
    figures = ["batch1_bf16_tok_s", "batch4_bf16_tok_s"]
    assert all(parts["decode"][f] > 0 for f in figures)
    assert parts["long"]["prefill_s"] > 0 and parts["long"]["decode_tok_s"] > 0
    assert parts["quant"]["batch1_int8_tok_s"] > 0 and parts["quant"]["batch1_int4_tok_s"] > 0
    assert parts["peer"]["transformers_batch1_tok_s"] > 0 and parts["peer"]["transformers_batch4_tok_s"] > 0
    assert parts["server"]["errors"] == 0 and parts["server"]["clients4_tok_s"] > 0
    assert parts["server"]["transport"] == "scheduler"  # no fastapi/uvicorn, as on the device machine


def test_the_gpu_suite_serves_its_clients_over_http_where_the_server_packages_are_installed(tmp_path):
    out = tmp_path / "suite.json"
    others = ["checks", "decode", "long", "quant", "peer", "compiled"]
    env = {**os.environ, "PYTHONPATH": str(SUITE.parent.parent), "OMP_NUM_THREADS": "1"}
    command = [sys.executable, str(SUITE), "--tiny", "--out", str(out), "--skip", *others]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    server = json.loads(out.read_text())["parts"]["server"]
    assert server["transport"] == "http", server
    assert server["errors"] == 0 and server["one_client_tok_s"] > 0 and server["clients4_tok_s"] > 0


@pytest.mark.slow
def test_the_gpu_suite_compiled_part_runs_on_a_tiny_model(tmp_path):
    if not engine.cpp_compiler_available():
        pytest.skip("torch.compile's CPU backend needs a C++ compiler")
    part = run_suite(tmp_path, "--skip", "checks", "decode", "long", "quant", "peer", "server")["parts"]["compiled"]
    assert "error" not in part, part
    assert part["batch1_bf16_tok_s"] > 0 and part["same_tokens_as_eager"] == part["of"]


def test_server_clients_count_one_error_each_for_raising_unfinished_or_short():
    sys.path.insert(0, str(SUITE.parent))
    try:
        from gpu_suite import client_errors
        from http_clients import run
    finally:
        sys.path.remove(str(SUITE.parent))
    streamed, failures = [8, None, None, 5], [None, "RuntimeError: HTTP 429: busy", None, None]
    assert client_errors(streamed, failures, 8) == ["RuntimeError: HTTP 429: busy", "unfinished", "5 of 8 tokens"]
    import socket

    with socket.socket() as probe:  # a port nothing listens on: every client fails, once
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run({"port": port, "prompts": [[1, 2]] * 3, "tokens": 4, "count": 3, "timeout": 10})
    assert result["streamed"] == [None] * 3 and all("ConnectionRefusedError" in f for f in result["failures"])
    assert len(client_errors(result["streamed"], result["failures"], 4)) == 3


def test_a_part_that_fails_is_recorded_and_the_suite_goes_on(tmp_path, monkeypatch, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("gpu_suite", SUITE)
    suite = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "gpu_suite", suite)  # (its dataclasses look their module up)
    spec.loader.exec_module(suite)

    def broken(self, record):
        raise RuntimeError("no kernel")

    monkeypatch.setattr(suite.Suite, "checks", broken)
    results = suite.main(
        ["--tiny", "--out", str(tmp_path / "out.json"), "--skip", "long", "quant", "peer", "server", "compiled"]
    )
    assert results["parts"]["checks"]["error"] == "RuntimeError: no kernel"
    assert results["parts"]["decode"]["batch1_bf16_tok_s"] > 0
    assert json.loads((tmp_path / "out.json").read_text())["parts"]["checks"]["error"] == "RuntimeError: no kernel"


DYING_PART = f"""
import importlib.util, os, sys, time
spec = importlib.util.spec_from_file_location("gpu_suite", {str(SUITE)!r})
suite = importlib.util.module_from_spec(spec)
sys.modules["gpu_suite"] = suite
spec.loader.exec_module(suite)
def dies(self, record):  # as a segfault in a kernel: no Python cleanup
    os._exit(9)
def hangs(self, record):  # as a part stuck past the time limit
    record["half"] = 1
    time.sleep(30)
suite.Suite.checks = {{"dies": dies, "hangs": hangs}}[sys.argv[1]]
suite.main(sys.argv[2:])
"""


@pytest.mark.parametrize("how", ["dies", "hangs"])
def test_a_process_that_dies_or_hangs_in_a_part_leaves_whole_figures_naming_it(tmp_path, how):
    """A part that kills the process leaves the JSON naming it ("running"); one that runs past --budget + --grace
    is cut short by the watchdog, which writes what there is and ends the process."""
    out = tmp_path / "suite.json"
    others = ["decode", "long", "quant", "peer", "server", "compiled"]
    args = [how, "--tiny", "--out", str(out), "--budget", "1", "--grace", "1", "--skip", *others]
    env = {**os.environ, "PYTHONPATH": str(SUITE.parent.parent), "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-c", DYING_PART, *args], env=env, capture_output=True, timeout=60)
    results = json.loads(out.read_text())
    assert results["running"] == "checks"
    assert not list(tmp_path.glob("*.tmp"))
    if how == "dies":
        assert done.returncode == 9
    else:
        assert done.returncode == 3 and "during ['checks']" in results["cut_short"]
        assert results["parts"]["checks"] == {"half": 1}


# -- sampling a batch on the device ------------------------------------------------------------------------------


def columns(rows: int, temperature=1.0, top_k=0, top_p=1.0, min_p=0.0):
    return (
        torch.full((rows,), temperature),
        torch.full((rows,), top_k, dtype=torch.long),
        torch.full((rows,), top_p),
        torch.full((rows,), min_p),
    )


def test_batched_sampling_draws_from_the_softmax_of_each_row():
    logits = torch.log(torch.tensor([[0.5, 0.3, 0.2, 0.0], [0.0, 0.1, 0.1, 0.8]]))
    many = logits.repeat(10_000, 1)
    tokens = engine.sample_rows(many, *columns(20_000), torch.Generator().manual_seed(0)).view(10_000, 2)
    first = torch.bincount(tokens[:, 0], minlength=4) / 10_000
    second = torch.bincount(tokens[:, 1], minlength=4) / 10_000
    assert torch.allclose(first, torch.tensor([0.5, 0.3, 0.2, 0.0]), atol=0.02), first
    assert torch.allclose(second, torch.tensor([0.0, 0.1, 0.1, 0.8]), atol=0.02), second


def test_batched_sampling_keeps_each_rows_own_top_k_top_p_min_p_and_temperature():
    g = torch.Generator().manual_seed(1)
    logits = torch.randn(4, 50, generator=g).repeat(500, 1)  # 2000 rows: 4 distributions, 500 draws each
    best = logits[:4].argsort(dim=-1, descending=True)
    temperature = torch.tensor([1.0, 1.0, 1.0, 0.01]).repeat(500)
    top_k = torch.tensor([3, 0, 0, 0]).repeat(500)
    top_p = torch.tensor([1.0, 0.3, 1.0, 1.0]).repeat(500)
    min_p = torch.tensor([0.0, 0.0, 0.5, 0.0]).repeat(500)
    tokens = engine.sample_rows(logits, temperature, top_k, top_p, min_p, g).view(500, 4)
    assert set(tokens[:, 0].tolist()) <= set(best[0, :3].tolist())  # top-k 3
    probs = torch.softmax(logits[:4], dim=-1)
    nucleus = (probs[1][best[1]].cumsum(0) - probs[1][best[1]] <= 0.3).sum()
    assert set(tokens[:, 1].tolist()) <= set(best[1, :nucleus].tolist())  # the top-p 0.3 nucleus
    assert (probs[2][tokens[:, 2]] >= 0.5 * probs[2].max()).all()  # min-p 0.5
    assert (tokens[:, 3] == best[3, 0]).all()  # a vanishing temperature is greedy
    assert len(set(tokens[:, 0].tolist())) > 1  # and the others do sample


def test_the_engine_samples_unseeded_rows_together_and_keeps_seeded_rows_reproducible(
    tiny_generator, smol_tokenizer, monkeypatch
):
    seeded = SamplingParams(max_new_tokens=12, temperature=0.9, seed=11, ignore_eos=True)
    before = tiny_generator.complete(PROMPTS[0], seeded)[0].text
    calls = []
    real = engine.sample_rows
    monkeypatch.setattr(engine, "batch_sampling", lambda device: True)
    monkeypatch.setattr(engine, "sample_rows", lambda *a: calls.append(len(a[0])) or real(*a))
    generator = Generator(tiny_model(), smol_tokenizer)
    assert generator.complete(PROMPTS[0], seeded)[0].text == before and not calls  # seeded: its own generator
    top1 = SamplingParams(max_new_tokens=12, temperature=0.9, top_k=1, ignore_eos=True)
    greedy_texts = [c.text for c in generator.complete(PROMPTS, SamplingParams(max_new_tokens=12, ignore_eos=True))]
    assert [c.text for c in generator.complete(PROMPTS, top1)] == greedy_texts
    assert calls and calls[0] == len(PROMPTS)  # the three rows in one draw


def test_the_static_decoder_lets_go_of_a_cleared_cache_and_starts_over_on_a_new_one():
    import gc
    import weakref

    model = tiny_model(vocab_size=300)
    decoder = StaticDecoder(model)
    with torch.no_grad():
        model.setup_cache(2, 64)
        decoder.step(torch.tensor([1, 2]), torch.tensor([0, 0]), kv_len=1)
        old = weakref.ref(model.cache)
        model.clear_cache()
        gc.collect()
        assert old() is None  # freed: the decoder held no reference to it
        model.setup_cache(4, 64)
        decoder.step(torch.tensor([1, 2, 3]), torch.tensor([0, 0, 0]), kv_len=1)
    assert decoder.shapes == [(4, 64)]  # the old cache's shapes were dropped


# -- a long prompt prefilled a chunk per step while the running rows decode ---------------------------------------


def test_a_long_prompt_prefills_between_decode_steps_and_both_give_their_solo_text(
    tiny_generator, smol_tokenizer, monkeypatch
):
    monkeypatch.setattr(engine, "prefill_plan", lambda device: (16, True))
    params = SamplingParams(max_new_tokens=20, ignore_eos=True)
    long_ids = tiny_generator.encode_prompt(PROMPTS[1] * 8)  # several chunks of 16
    short_ids = [tiny_generator.encode_prompt(p) for p in (PROMPTS[0], "x = 1", "import re")]
    solo = [c.token_ids for c in tiny_generator.run([*short_ids, long_ids], [params] * 4)]
    model = tiny_model()
    cuda_step.install(model)  # padded steps: the three running rows pad to four, over the long prompt's row
    generator = Generator(model, smol_tokenizer)
    eng = engine.Engine(model, generator.vocab)
    model.setup_cache(4, 256)
    eng.admit([engine.Request(ids, params) for ids in short_ids], owners=[0, 1, 2])
    long_request = engine.Request(long_ids, params)
    assert eng.prefills_in_steps(long_request)
    eng.start_prefill(long_request, owner=3)
    chunks = -(-len(long_ids) // 16)
    tokens: dict[int, list[int]] = {}
    steps = 0
    while eng.running or eng.prefilling:
        events = eng.step()
        steps += 1
        if steps < chunks:  # the running rows get a token at every step while the long prompt is prefilled
            assert len(events) == 3 and eng.prefilling
        for event in events:
            if event.completion is not None:
                tokens[event.owner] = event.completion.token_ids
    assert [tokens[i] for i in range(4)] == solo
    assert (4, 256) in model.compiled_decode.shapes


def test_the_scheduler_prefills_a_long_prompt_in_steps_beside_running_streams(
    tiny_generator, smol_tokenizer, monkeypatch
):
    from codellama.server.scheduler import Job, Scheduler

    monkeypatch.setattr(engine, "prefill_plan", lambda device: (16, True))
    started = []
    real = engine.Engine.start_prefill
    monkeypatch.setattr(engine.Engine, "start_prefill", lambda self, r, o: started.append(o) or real(self, r, o))
    params = SamplingParams(max_new_tokens=16, ignore_eos=True)
    prompts = [PROMPTS[0], PROMPTS[1] * 8, PROMPTS[1] * 6, "x = 1"]
    ids = [tiny_generator.encode_prompt(p) for p in prompts]
    solo = [c.token_ids for c in tiny_generator.run(ids, [params] * len(ids))]
    scheduler = Scheduler(Generator(tiny_model(), smol_tokenizer), max_batch=3, context=256)
    try:
        handles = scheduler.submit([Job(i, params) for i in ids])
        results = []
        for handle in handles:
            completion = None
            for delta in handle:
                completion = delta.completion or completion
            results.append(completion.token_ids)
    finally:
        scheduler.close()
    assert results == solo
    assert started == [handles[1], handles[2]]  # the two long prompts, one after the other


def test_a_scheduler_whose_kv_cache_cannot_fit_fails_to_start_with_the_message(smol_tokenizer, monkeypatch):
    from codellama.server.scheduler import Scheduler

    model = tiny_model()

    def too_large(batch, length):
        check_kv_cache_fits(batch, length, model.kv_bytes_per_position(), free_bytes=1 << 20)

    monkeypatch.setattr(model, "setup_cache", too_large)
    with pytest.raises(ValueError, match=r"64 rows x 512 positions .* --parallel .* --ctx-size"):
        Scheduler(Generator(model, smol_tokenizer), max_batch=64, context=512)
