"""The GPU suite of issue 13: the Code Llama 7B shape on one GPU, every figure of its bars in one run.

    PYTHONPATH=. python3 benchmarks/gpu_suite.py --out gpu_suite.json      # one H100/H200, under 8 minutes
    PYTHONPATH=. python3 benchmarks/gpu_suite.py --tiny --out tiny.json    # the same code, a tiny model, the CPU

A random-weight model of the Code Llama 7B shape (dim 4096, 32 layers, 32 heads, ffn 11008, vocab 32016) in
bf16 on the GPU, with no checkpoint to read. In order, each part timed and capped, a failing part recording its
error while the others go on, the JSON rewritten after every part (a run cut short keeps what it measured):

  checks     our bf16 logits against our fp32 forward of the same weights (a short prompt; relative error and
             cosine similarity), and the greedy tokens of the CUDA-graph step against the same step run eagerly
  decode     batch-1 decode tok/s in bf16 (fused projections, CUDA graphs over bucketed shapes: cuda_step), and
             the aggregate tok/s of 64 rows
  long       a 100,000-token prompt: prefill seconds (8192-token chunks, lower-right causal on flash kernels) and
             peak memory, then decode tok/s at that context
  peer       transformers' LlamaForCausalLM on the same weights (q/k rows permuted to its layout): its logits
             against ours, then `generate` tok/s at batch 1 and at batch 64 (greedy, short, with a time cap)
  server     `codellama serve`'s app over HTTP (continuous batching over the same graphs) with 64 streaming
             clients at once against one client alone: aggregate tok/s, speed-up and errors (without fastapi and
             uvicorn, as the device machine is unless scripts/gpu_wheels.sh's wheels are installed: the scheduler)
  quant      batch-1 decode in int8 and int4 (torch's CUDA weight-only kernels: quant.Int8Linear/Int4Linear),
             each "unavailable: <error>" where torch lacks them
  compiled   batch-1 bf16 decode with torch.compile'd kernels inside the graphs, if enough of the budget is left

A part starts only with the time it needs left of --budget (420 s); past --budget + --grace (25 s) the figures so
far are written and the run ends (and 30 s later faulthandler ends it, should the watchdog not get to run). The
JSON is written whole (renamed into place) before and after every part; while a part runs it names it in
"running", so a process that dies in one shows where. Timings synchronise the device before reading the clock.
Every figure is printed and written to --out.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import faulthandler
import gc
import json
import os
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: http_clients beside this script
from http_clients import at_once  # noqa: E402

from codellama.cuda_step import StaticDecoder  # noqa: E402
from codellama.model import ModelArgs, Transformer  # noqa: E402


@dataclass
class Shape:
    """What a run uses: the model and the sizes of each part."""

    args: ModelArgs
    prompt: int  # tokens of the short prompts
    new_tokens: int  # decode steps timed
    batch: int  # the large batch
    long_prompt: int  # the long prompt's tokens
    long_new: int  # decode steps after it
    chunk: int  # prefill chunk
    peer_new: int  # transformers' generated tokens
    budget: float  # seconds for the whole run


def full_shape(budget: float) -> Shape:
    args = ModelArgs(
        dim=4096, n_layers=32, n_heads=32, vocab_size=32016, ffn_hidden_dim=11008, rope_theta=1e6, max_seq_len=16384
    )
    return Shape(args, 16, 128, 64, 100_000, 64, 8192, 32, budget)


def tiny_shape(budget: float) -> Shape:
    args = ModelArgs(
        dim=64, n_layers=2, n_heads=4, vocab_size=512, ffn_hidden_dim=128, rope_theta=1e6, max_seq_len=4096
    )
    return Shape(args, 8, 12, 4, 700, 6, 256, 4, budget)


class Suite:
    def __init__(self, shape: Shape, device: torch.device, out: Path | None):
        self.shape, self.device, self.out = shape, device, out
        self.started = time.perf_counter()
        self._saving = threading.Lock()  # the main thread and the watchdog's both write the file
        self.results: dict = {
            "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu",
            "torch": torch.__version__,
            "shape": {k: v for k, v in asdict(shape.args).items() if k != "extra"},
            "parts": {},
        }

    # -- bookkeeping ---------------------------------------------------------------------------
    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def part(self, name: str, run: Callable[[dict], None], needs: float = 0.0) -> None:
        """Run one part into its own record; its error (or a budget too short for it) is recorded, not raised."""
        record: dict = {}
        self.results["parts"][name] = record
        left = self.shape.budget - self.elapsed
        if left < needs:
            record["skipped"] = f"{left:.0f} s of the budget left, the part needs about {needs:.0f} s"
        else:
            # written before the part runs: a process that dies in it (a segfault, an abort in the driver) leaves
            # the file naming the part it died in
            self.results["running"] = name
            self.save()
            start = time.perf_counter()
            try:
                run(record)
            except Exception as e:  # a part's failure is a figure too: the rest of the suite goes on
                record["error"] = f"{type(e).__name__}: {e}"
                record["traceback"] = traceback.format_exc(limit=6)
            record["seconds"] = round(time.perf_counter() - start, 2)
            self.results.pop("running", None)
            self.free()
        print(f"[{self.elapsed:6.1f} s] {name}: {json.dumps({k: v for k, v in record.items() if k != 'traceback'})}")
        sys.stdout.flush()
        self.save()

    def save(self) -> None:
        """Write the figures so far: whole or not at all (a temporary file renamed over the last one), one writer
        at a time."""
        with self._saving:
            self.results["elapsed_s"] = round(self.elapsed, 1)
            if self.out is not None:
                text = json.dumps(self.results, indent=2)
                partial = self.out.with_name(self.out.name + ".tmp")
                partial.write_text(text)
                os.replace(partial, self.out)

    def cut_short(self) -> None:
        """Past the hard time limit: record it, write the figures, end the process (from the watchdog thread). The
        process ends even if writing fails (the main thread may be changing a record as it is read)."""
        try:
            running = [name for name, record in list(self.results["parts"].items()) if "seconds" not in record]
            self.results["cut_short"] = f"over the time limit at {self.elapsed:.0f} s, during {running or 'nothing'}"
            print(self.results["cut_short"], flush=True)
            for _ in range(3):
                try:
                    self.save()
                    break
                except RuntimeError:  # a dict changed size while it was serialised: try again
                    time.sleep(0.05)
        finally:
            os._exit(3)

    def sync(self) -> None:
        if self.device.type == "cuda":
            torch.cuda.synchronize(self.device)

    def free(self) -> None:
        gc.collect()
        if self.device.type == "cuda":
            torch.cuda.empty_cache()

    def peak_gb(self) -> float | None:
        return round(torch.cuda.max_memory_allocated(self.device) / 1e9, 2) if self.device.type == "cuda" else None

    # -- the model -------------------------------------------------------------------------------
    def build(self, dtype: torch.dtype = torch.bfloat16) -> Transformer:
        """The random model, the same weights every call (seeded), built on the device (nothing on the host)."""
        with torch.device("meta"):
            model = Transformer(copy.deepcopy(self.shape.args))
        model = model.to_empty(device=self.device)
        generator = torch.Generator(self.device).manual_seed(0)
        with torch.no_grad():
            for p in model.parameters():
                if p.dim() == 1:  # the norms' weights
                    p.fill_(1.0)
                else:  # transformers' initialisation
                    p.normal_(0.0, 0.02, generator=generator)
        model.set_rope(device=self.device)  # the buffer was left empty on the meta device
        return model.to(dtype).eval()

    def prompt(self, batch: int, length: int, seed: int = 1) -> torch.Tensor:
        generator = torch.Generator(self.device).manual_seed(seed)
        return torch.randint(3, self.shape.args.vocab_size, (batch, length), device=self.device, generator=generator)

    def prefill(self, model: Transformer, tokens: torch.Tensor) -> torch.Tensor:
        """Write the prompts (B, T) into cache rows 0..B-1 in chunks (mask-free: Transformer.forward's chunk_start);
        return the last position's logits (B, V)."""
        B, T = tokens.shape
        last = None
        for start in range(0, T, self.shape.chunk):
            end = min(start + self.shape.chunk, T)
            index = torch.full((B,), end - start - 1, device=self.device)
            last = model(tokens[:, start:end], output_index=index, chunk_start=start)[:, 0]
        return last

    def decode_rate(self, model: Transformer, batch: int, prompt: int, steps: int, record: dict, key: str) -> None:
        """Greedy decode tok/s over `steps` steps for `batch` rows after a `prompt`-token prompt (graph capture and a
        first pass untimed)."""
        model.setup_cache(batch, prompt + steps + 1)
        tokens = self.prompt(batch, prompt)
        with torch.inference_mode():
            first = self.prefill(model, tokens).argmax(-1)
            decoder = StaticDecoder(model)
            positions = torch.full((batch,), prompt, device=self.device)
            decoder.greedy(first, positions, steps)  # capture the graphs, warm up
            self.sync()
            start = time.perf_counter()
            decoder.greedy(first, positions, steps)
            self.sync()
            seconds = time.perf_counter() - start
        record[key] = round(batch * steps / seconds, 1)
        record[f"{key}_graphs"] = len(decoder.shapes)
        note_capture_error(record, decoder, f"{key}_")
        model.clear_cache()

    # -- the parts -------------------------------------------------------------------------------
    def checks(self, record: dict) -> None:
        shape = self.shape
        model = self.build()
        tokens = self.prompt(1, 32)
        with torch.inference_mode():
            ours = model(tokens)[0]
            reference = self.build(torch.float32)(tokens)[0]
        self.free()
        error = float((ours - reference).abs().max() / reference.abs().max())
        cosine = float(torch.nn.functional.cosine_similarity(ours.flatten(), reference.flatten(), dim=0))
        agree = float((ours.argmax(-1) == reference.argmax(-1)).float().mean())
        record.update(bf16_vs_fp32_max_rel_error=round(error, 4), bf16_vs_fp32_cosine=round(cosine, 5))
        record["bf16_vs_fp32_top1_agreement"] = round(agree, 3)
        record["logits_ok"] = error <= 0.05 and cosine >= 0.995  # the stated tolerance
        # the graph step against the same (padded, bucketed) step run eagerly: the same kernels, the same tokens
        model.fuse_projections()
        steps = 24
        greedy = []
        for graphs in (self.device.type == "cuda", False):
            model.setup_cache(3, shape.prompt + steps + 1)
            with torch.inference_mode():
                first = self.prefill(model, self.prompt(3, shape.prompt, seed=2)).argmax(-1)
                positions = torch.full((3,), shape.prompt, device=self.device)
                decoder = StaticDecoder(model, graphs=graphs)
                greedy.append(decoder.greedy(first, positions, steps).cpu())
                note_capture_error(record, decoder)  # (the tokens compared are then eager ones twice)
            del decoder
            model.clear_cache()
        same = int((greedy[0] == greedy[1]).all(dim=0).long().cumprod(0).sum())
        record.update(
            graph_vs_eager_same_tokens=same,
            graph_vs_eager_of=steps,
            tokens_ok=same == steps and "graph_capture_error" not in record,
        )
        record["ok"] = record["logits_ok"] and record["tokens_ok"]

    def peer(self, record: dict) -> None:
        """transformers on the same weights: logits against ours, then generate's tok/s."""
        import transformers

        from codellama.checkpoints.names import HF_NAMES, meta_to_hf_rotary

        shape, args = self.shape, self.shape.args
        ours = self.build()
        config = transformers.LlamaConfig(
            hidden_size=args.dim,
            intermediate_size=args.ffn_hidden_dim,
            num_hidden_layers=args.n_layers,
            num_attention_heads=args.n_heads,
            num_key_value_heads=args.n_kv_heads,
            vocab_size=args.vocab_size,
            max_position_embeddings=args.max_seq_len,
            rope_theta=args.rope_theta,
            rms_norm_eps=args.norm_eps,
        )
        reverse = {ours_name: theirs for theirs, ours_name in HF_NAMES.items()}
        state = {}
        for name, tensor in ours.state_dict().items():
            layer = name.split(".")[1] if name.startswith("layers.") else None
            key = reverse[name.replace(f".{layer}.", ".N.", 1) if layer else name]
            key = key.replace(".N.", f".{layer}.") if layer else key
            heads = args.n_heads if ".attention.wq." in name else args.n_kv_heads if ".attention.wk." in name else 0
            state[key] = meta_to_hf_rotary(tensor, heads) if heads else tensor
        default_dtype = torch.get_default_dtype()
        torch.set_default_dtype(torch.bfloat16)
        try:
            with torch.device(self.device):
                hf = transformers.LlamaForCausalLM(config).eval()
        finally:
            torch.set_default_dtype(default_dtype)
        hf = hf.to(torch.bfloat16)  # (a no-op where it was made in bf16: the peer runs in the dtype ours does)
        record["transformers"] = f"{transformers.__version__}, {hf.dtype}, attention {hf.config._attn_implementation}"
        missing, unexpected = hf.load_state_dict(state, strict=False)
        if unexpected or [m for m in missing if "rotary" not in m]:
            raise RuntimeError(f"weights not mapped: missing {missing[:4]}, unexpected {unexpected[:4]}")
        del state
        tokens = self.prompt(1, 32)
        with torch.inference_mode():
            theirs_logits = hf(tokens).logits[0].float()
            ours_logits = ours(tokens)[0]
        del ours
        self.free()
        record["ours_vs_transformers_max_rel_error"] = round(
            float((ours_logits - theirs_logits).abs().max() / theirs_logits.abs().max()), 4
        )
        for batch in (1, shape.batch):
            prompt = self.prompt(batch, shape.prompt)
            options = dict(do_sample=False, pad_token_id=0, max_time=60.0)
            with torch.inference_mode():
                hf.generate(prompt, max_new_tokens=2, min_new_tokens=2, **options)  # warm up
                self.sync()
                start = time.perf_counter()
                out = hf.generate(prompt, max_new_tokens=shape.peer_new, min_new_tokens=shape.peer_new, **options)
                self.sync()
            seconds = time.perf_counter() - start
            record[f"transformers_batch{batch}_tok_s"] = round(batch * (out.shape[1] - shape.prompt) / seconds, 1)
        del hf
        self.free()

    def decode(self, record: dict) -> None:
        shape = self.shape
        model = self.build()
        model.fuse_projections()
        self.decode_rate(model, 1, shape.prompt, shape.new_tokens, record, "batch1_bf16_tok_s")
        self.decode_rate(model, shape.batch, shape.prompt, shape.new_tokens, record, f"batch{shape.batch}_bf16_tok_s")
        record["bars"] = {"batch1_bf16_tok_s": 200, f"batch{shape.batch}_bf16_tok_s": 8000}

    def long(self, record: dict) -> None:
        shape = self.shape
        model = self.build()
        model.fuse_projections()
        T = shape.long_prompt
        model.setup_cache(1, T + shape.long_new + 1)
        if self.device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(self.device)
        tokens = self.prompt(1, T)
        with torch.inference_mode():
            self.prefill(model, tokens[:, :-1][:, : shape.chunk])  # warm up the kernels (rewritten below)
            self.sync()
            start = time.perf_counter()
            first = self.prefill(model, tokens).argmax(-1)
            self.sync()
            record["prefill_s"] = round(time.perf_counter() - start, 2)
            record["prefill_peak_gb"] = self.peak_gb()
            decoder = StaticDecoder(model)
            positions = torch.full((1,), T, device=self.device)
            decoder.greedy(first, positions, 2)  # capture
            self.sync()
            start = time.perf_counter()
            decoder.greedy(first, positions, shape.long_new)
            self.sync()
            record["decode_tok_s"] = round(shape.long_new / (time.perf_counter() - start), 1)
            note_capture_error(record, decoder)
        record["prompt_tokens"] = T
        record["kv_cache_gb"] = round(model.kv_bytes_per_position() * model.cache.length / 1e9, 2)
        record["peak_gb"] = self.peak_gb()
        record["bars"] = {"prefill_s": 7, "decode_tok_s": 40}
        model.clear_cache()

    def quant(self, record: dict) -> None:
        from codellama.quant_load import describe, quantize_model

        for mode in ("int8", "int4"):
            try:
                model = quantize_model(self.build(), mode)
                record[f"{mode}_layers"] = describe(model)
                self.decode_rate(model, 1, self.shape.prompt, self.shape.new_tokens, record, f"batch1_{mode}_tok_s")
            except Exception as e:
                record[f"batch1_{mode}_tok_s"] = f"unavailable: {type(e).__name__}: {e}"
            model = None
            self.free()
        record["bars"] = {"batch1_int8_tok_s": 380, "batch1_int4_tok_s": 600}

    def server(self, record: dict) -> None:
        """The server with one streaming client, then with `batch` at once, each reading its tokens as they come:
        aggregate tok/s against the one client's, and the errors. Over HTTP where the server's packages import
        (`codellama serve`'s app and continuous-batching scheduler on uvicorn, loopback; the clients in a process
        of their own, benchmarks/http_clients.py); else the scheduler alone, its clients on threads here
        (`"transport"` says which)."""
        from codellama import cuda_step
        from codellama.generation import Generator

        shape = self.shape
        model = self.build()
        generator = Generator(model, random_vocabulary_tokenizer(shape.args.vocab_size))
        if self.device.type != "cuda":
            cuda_step.install(model)  # on CUDA the engine does it itself
        new = shape.new_tokens
        prompts = self.prompt(shape.batch, shape.prompt, seed=3).tolist()
        transport = http_transport if server_importable() else scheduler_transport
        record["transport"] = transport.__name__.removesuffix("_transport")
        with transport(generator, shape.batch, shape.prompt + new + 8) as run_clients:

            def clients(count: int) -> tuple[float, int, list[str]]:
                """`count` clients at once: seconds until the last finished, tokens streamed, errors."""
                job = dict(prompts=prompts[:count], tokens=new, count=count)
                seconds, streamed, failures = run_clients(job, max(self.shape.budget - self.elapsed, 10))
                return seconds, sum(n or 0 for n in streamed), client_errors(streamed, failures, new)

            clients(1), clients(shape.batch)  # warm up: the graphs of each batch bucket are captured
            seconds, tokens, errors = clients(1)
            record["one_client_tok_s"] = round(tokens / seconds, 1)
            seconds, tokens, errors_many = clients(shape.batch)
            record[f"clients{shape.batch}_tok_s"] = round(tokens / seconds, 1)
            record["speedup"] = round(record[f"clients{shape.batch}_tok_s"] / record["one_client_tok_s"], 1)
            record["errors"] = len(errors + errors_many)
            if errors or errors_many:
                record["first_errors"] = (errors + errors_many)[:5]
        record["bars"] = {"speedup": 20, "errors": 0}

    def compiled(self, record: dict) -> None:
        shape = self.shape
        model = self.build()
        model.fuse_projections()
        model.setup_cache(1, shape.prompt + shape.new_tokens + 1)
        tokens = self.prompt(1, shape.prompt)
        with torch.inference_mode():
            first = self.prefill(model, tokens).argmax(-1)
            positions = torch.full((1,), shape.prompt, device=self.device)
            compared = min(16, shape.new_tokens)
            eager = StaticDecoder(model, graphs=False).greedy(first, positions, compared).cpu()
            decoder = StaticDecoder(model, compile=True)
            start = time.perf_counter()
            fast = decoder.greedy(first, positions, shape.new_tokens)
            self.sync()
            record["compile_and_capture_s"] = round(time.perf_counter() - start, 1)
            start = time.perf_counter()
            decoder.greedy(first, positions, shape.new_tokens)
            self.sync()
            record["batch1_bf16_tok_s"] = round(shape.new_tokens / (time.perf_counter() - start), 1)
            note_capture_error(record, decoder)
        # inductor's kernels round differently from eager ones: how long the greedy tokens stay the same
        record["same_tokens_as_eager"] = int((fast[0, :compared].cpu() == eager[0]).long().cumprod(0).sum())
        record["of"] = compared


def note_capture_error(record: dict, decoder: StaticDecoder, prefix: str = "") -> None:
    """Where the decoder could not capture its CUDA graphs (it ran eagerly instead), say so beside its figures."""
    if decoder.capture_error is not None:
        record[f"{prefix}graph_capture_error"] = decoder.capture_error


def client_errors(streamed: list[int | None], failures: list[str | None], tokens: int) -> list[str]:
    """One error for each client that raised (what it raised), had not finished (None streamed) or streamed other
    than `tokens` tokens."""
    return [
        failure or ("unfinished" if n is None else f"{n} of {tokens} tokens")
        for n, failure in zip(streamed, failures)
        if failure or n != tokens
    ]


def server_importable() -> bool:
    """Whether `codellama serve`'s app imports (fastapi, uvicorn, prometheus_client...: the device machine has
    none of them unless scripts/gpu_wheels.sh's wheels are carried there and install)."""
    try:
        import uvicorn  # noqa: F401

        import codellama.server.app  # noqa: F401
    except Exception:  # missing, or a version of one that does not fit the others
        return False
    return True


@contextlib.contextmanager
def scheduler_transport(generator, parallel: int, context: int):
    """Clients of the continuous-batching scheduler itself, on threads of this process: run_clients(job, timeout)
    -> (seconds, tokens streamed per client (None: unfinished), failure per client (None: none)), as
    benchmarks/http_clients.py answers a job."""
    from codellama.engine import Request, SamplingParams
    from codellama.server.scheduler import Scheduler

    scheduler = Scheduler(generator, max_batch=parallel, context=context, max_queue=4 * parallel)

    def run_clients(job: dict, timeout: float) -> tuple[float, list, list]:
        def client(i: int) -> int:
            request = Request(job["prompts"][i], SamplingParams(max_new_tokens=job["tokens"], ignore_eos=True))
            streamed = 0
            for delta in scheduler.submit([request])[0]:
                if delta.completion is not None:
                    streamed = len(delta.completion.token_ids)
            return streamed

        return at_once(job["count"], client, timeout)

    try:
        yield run_clients
    finally:
        scheduler.close()


@contextlib.contextmanager
def http_transport(generator, parallel: int, context: int):
    """`codellama serve`'s app on uvicorn (a free loopback port, a thread of this process) and its clients in a
    process of their own (benchmarks/http_clients.py: stdlib only): run_clients(job, timeout) as
    scheduler_transport's. The random vocabulary has no end-of-sequence token, so every request runs its whole
    length."""
    import socket

    import uvicorn

    from codellama.server.app import create_app
    from codellama.server.common import ServerSettings

    app = create_app(lambda: generator, ServerSettings(parallel=parallel, context=context, max_queue=4 * parallel))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", backlog=4096, timeout_graceful_shutdown=2
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="suite-uvicorn", daemon=True)
    driver = None
    try:
        thread.start()
        _wait_until_ready(port, thread)
        command = [sys.executable, str(Path(__file__).with_name("http_clients.py"))]
        driver = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

        def run_clients(job: dict, timeout: float) -> tuple[float, list, list]:
            driver.stdin.write(json.dumps({**job, "port": port, "timeout": timeout}) + "\n")
            driver.stdin.flush()
            answer = driver.stdout.readline()
            if not answer:
                raise RuntimeError(f"the client process ended (exit status {driver.wait()})")
            result = json.loads(answer)
            return result["seconds"], result["streamed"], result["failures"]

        yield run_clients
    finally:
        if driver is not None:
            driver.kill()
            driver.wait()
        server.should_exit = True
        scheduler = app.state.server.scheduler
        if scheduler is not None:  # unfinished streams must not keep decoding into the next part
            scheduler.close()
        thread.join(timeout=15)


def _wait_until_ready(port: int, thread: threading.Thread, seconds: float = 120) -> None:
    """Until GET /health on `port` answers 200; an error (500: the model failed to attach) or no answer within
    `seconds` raises."""
    import http.client

    deadline = time.monotonic() + seconds
    while True:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/health")
            response = connection.getresponse()
            body = response.read()
            if response.status == 200:
                return
            if response.status != 503:  # 503: still loading
                raise RuntimeError(f"the server is not healthy: HTTP {response.status}: {body[:300]!r}")
        except OSError:
            pass
        finally:
            connection.close()
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the server did not become ready within {seconds:.0f} s")
        time.sleep(0.1)


def random_vocabulary_tokenizer(vocab_size: int):
    """A tokenizer for a random model: token i is the word "t<i>" (the scheduler needs text to stream)."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    from codellama.tokenizer import HFTokenizer

    tok = Tokenizer(models.WordLevel({f"t{i}": i for i in range(vocab_size)}, unk_token="t0"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return HFTokenizer(tok, "random words", None, None, False, None)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiny", action="store_true", help="a tiny random model on the CPU (what the tests run)")
    parser.add_argument("--out", type=Path, default=None, help="write the figures here as JSON")
    parser.add_argument("--budget", type=float, default=420.0, help="seconds for the whole run (default 420)")
    parser.add_argument("--grace", type=float, default=25.0, help="seconds past the budget before the run is cut")
    parser.add_argument("--skip", nargs="*", default=[], help="parts to leave out")
    args = parser.parse_args(argv)
    if args.tiny:
        device, shape = torch.device("cpu"), tiny_shape(args.budget)
    elif torch.cuda.is_available():
        device, shape = torch.device("cuda"), full_shape(args.budget)
    else:
        parser.error("no CUDA device here: run with --tiny for the CPU")
    suite = Suite(shape, device, args.out)
    # a part that overruns (a slow compile, a hung kernel) must not take the figures with it: past the hard limit
    # the figures so far are written and the process ends
    watchdog = threading.Timer(args.budget + args.grace, suite.cut_short)
    watchdog.daemon = True
    watchdog.start()
    # a C-level backstop that needs no GIL (a call that holds it never lets the watchdog run): 30 s later the
    # Python stacks are printed and the process ends; the figures of the parts done are in --out already.
    # faulthandler also prints the stacks on a segfault or an abort.
    faulthandler.enable(file=sys.__stderr__)
    faulthandler.dump_traceback_later(args.budget + args.grace + 30, exit=True, file=sys.__stderr__)
    # (name, run, seconds it needs at least: a part starts only with that much of the budget left)
    parts = [
        ("checks", suite.checks, 0),
        ("decode", suite.decode, 30),
        ("long", suite.long, 60),
        ("peer", suite.peer, 60),
        ("server", suite.server, 40),
        # after the bf16 parts: its kernels (int8/int4 packing and matmuls) are the ones least run on this device,
        # and a bad memory access in one leaves the CUDA context unusable for every later part
        ("quant", suite.quant, 40),
        ("compiled", suite.compiled, 0 if args.tiny else 200),
    ]
    try:
        for name, run, needs in parts:
            if name not in args.skip:
                suite.part(name, run, needs)
    finally:
        watchdog.cancel()
        faulthandler.cancel_dump_traceback_later()
    suite.save()
    return suite.results


if __name__ == "__main__":
    main()
    sys.exit(0)
