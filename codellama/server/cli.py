"""`codellama serve`: the HTTP server (registered by codellama/cli.py)."""

from __future__ import annotations

import argparse
import os
import time

from codellama.cli_common import add_model_flags, add_safety_flags, generator_from_args, note


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="HTTP server: OpenAI- and llama.cpp-compatible endpoints for editors and clients")
    add_model_flags(p, context=False)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument(
        "--api-key",
        default=None,
        help="require 'Authorization: Bearer KEY' (default: $CODELLAMA_API_KEY; none: no key needed)",
    )
    p.add_argument("--model-name", default=None, help="the id clients use in `model` (default: from the file name)")
    p.add_argument("--parallel", "-np", type=int, default=8, help="sequences decoded together (KV cache rows)")
    p.add_argument(
        "--ctx-size",
        "-c",
        type=int,
        default=None,
        help="positions per sequence, prompt + output (default: the model's, at most 4096)",
    )
    p.add_argument("--max-queue", type=int, default=64, help="sequences that may wait for a slot before 429")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds a request may take in all")
    p.add_argument(
        "--infill-budget-ms",
        type=int,
        default=1000,
        help="time for infilling by ranking (models without infill tokens) when a request sets no t_max_predict_ms",
    )
    p.add_argument("--threads", type=int, default=None, help="torch CPU threads (default: torch's)")
    # a server runs long enough for compiling to pay: on by default on the CPU (--compile's help)
    p.add_argument(
        "--no-compile",
        dest="compile",
        action="store_false",
        help="decode eagerly (default on the CPU: compiled, when a C++ compiler is found; the first start "
        "compiles for a minute or two, later ones read inductor's cache)",
    )
    p.set_defaults(compile=None)
    add_safety_flags(p, guard=True, server=True)
    p.set_defaults(handler=cmd_serve)


def cmd_serve(args) -> None:
    import uvicorn

    from codellama.server.app import create_app
    from codellama.server.common import ServerSettings

    for name, value in (
        ("--parallel", args.parallel),
        ("--max-queue", args.max_queue),
        ("--port", args.port),
        ("--infill-budget-ms", args.infill_budget_ms),
    ):
        if value < 1:
            raise ValueError(f"{name} must be at least 1, not {value}")
    if args.ctx_size is not None and args.ctx_size < 16:
        raise ValueError(f"--ctx-size must be at least 16, not {args.ctx_size}")
    if args.model and args.model != "default" and not os.path.exists(args.model):
        raise FileNotFoundError(f"--model {args.model}: no such file or directory")
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    compile_asked = args.compile is True
    if args.compile is None:
        args.compile = compiles_by_default(args.device)
    settings = ServerSettings(
        model_name=args.model_name or model_name(args.model),
        api_key=args.api_key or os.environ.get("CODELLAMA_API_KEY"),
        parallel=args.parallel,
        context=args.ctx_size,
        max_queue=args.max_queue,
        request_timeout=args.timeout,
        infill_budget=args.infill_budget_ms / 1000,
        filters=default_filters(args),
    )
    server: uvicorn.Server | None = None
    failure: list[BaseException] = []

    def stop(error: BaseException) -> None:
        failure.append(error)
        if server is not None:
            server.should_exit = True

    def load():
        generator = generator_from_args(args)
        if args.compile:  # compile now, while /health says the model is loading, not in the first requests
            warm_up_or_decode_eagerly(generator, compile_asked)
        return generator

    app = create_app(load, settings, on_load_error=stop)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="info", timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    key_note = "an API key is required" if settings.api_key else "no API key"
    note(
        f"serving {settings.model_name!r} on http://{args.host}:{args.port} ({key_note}); "
        f"playground at http://{args.host}:{args.port}/"
    )
    server.run()
    if failure:
        raise ValueError(f"the model could not be loaded: {failure[0]}")


def model_name(path: str | None) -> str:
    """The id clients send as `model`: the checkpoint's file or directory name."""
    if not path or path == "default":
        return "smollm2-135m-instruct"
    name = os.path.basename(os.path.normpath(path))
    return name[:-5] if name.endswith(".gguf") else name


def default_filters(args):
    from codellama.server.safety import SafetySettings, safety_filters

    return safety_filters(
        SafetySettings(
            guard=args.guard,
            judge=args.guard_judge,
            code_policy=args.code_policy,
            references=args.references,
            reference_policy=args.reference_policy,
        )
    )


def warm_up_or_decode_eagerly(generator, asked: bool) -> None:
    """Compile the graph kinds a server's requests meet (Generator.warm_up). Where that fails (a compiler that
    cannot build inductor's kernels, say, without Python's headers), a server that compiles only by default
    decodes eagerly instead, and says so; one started with --compile fails to start."""
    started = time.perf_counter()
    try:
        generator.warm_up()
    except Exception as error:
        if asked:
            raise
        generator.model.compiled_decode = None
        note(f"compiling the decode steps failed ({type(error).__name__}: {error}); decoding eagerly (--no-compile)")
        return
    note(f"compiled graphs ready in {time.perf_counter() - started:.0f}s")


def compiles_by_default(device: str | None) -> bool:
    """Whether a server on `device` (None: CUDA if available) compiles its decode steps when neither --compile
    nor --no-compile is given: on the CPU, where a C++ compiler is found."""
    import torch

    from codellama.engine import cpp_compiler_available

    on_cpu = device.startswith("cpu") if device else not torch.cuda.is_available()
    return on_cpu and cpp_compiler_available()
