"""The `codellama` command: complete, infill, chat, info, convert, quantize, demo.

Thin: parses flags, loads the model, calls generation.py / checkpoints.py, prints.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from codellama.cli_common import (
    DTYPES,
    add_model_flags,
    add_safety_flags,
    add_sampling_flags,
    dtype_from_name,
    extend_context,
    generator_from_args,
    note,
    quantization,
)
from codellama.stopping import guess_language
from codellama.verify_cli import add_verify_flags, run_verified, verifying

FILL_MARKER = "<FILL>"
JSON_HELP = "print one JSON object instead of streaming text"
# Commands that live beside the code they drive: each module has `register(subparsers)`, which adds its
# parsers with `set_defaults(handler=...)`. Importing one must stay cheap (no torch, no fastapi).
COMMAND_MODULES = ("codellama.server.cli", "codellama.eval.cli", "codellama.safety.cli", "codellama.train.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="codellama", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("complete", help="continue a prompt")
    p.add_argument("prompt", nargs="?", help="the prompt ('-' or nothing: read standard input)")
    p.add_argument("--file", "-f", help="read the prompt from this file")
    p.add_argument("--echo", action="store_true", help="print the prompt before the completion")
    p.add_argument(
        "--stop-at-block",
        metavar="LANG",
        default="auto",
        help="stop at the end of the current function/block: auto (guess from the prompt; default), "
        "none, or a language (python, c, cpp, java, js, ts, go, rust, ...)",
    )
    add_model_flags(p)
    add_sampling_flags(p)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    add_safety_flags(p)
    add_verify_flags(p)

    p = sub.add_parser("infill", help="fill in the middle between a prefix and a suffix")
    p.add_argument("--prefix", default=None)
    p.add_argument("--suffix", default=None)
    p.add_argument("--file", "-f", help=f"a file with one {FILL_MARKER} marker where the code goes")
    p.add_argument("--mode", choices=("psm", "spm"), default="psm", help="prefix-suffix-middle or suffix-prefix-middle")
    p.add_argument("--full", action="store_true", help="print the whole filled-in text, not only the middle")
    add_model_flags(p)
    add_sampling_flags(p, max_tokens=128)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    add_safety_flags(p)
    add_verify_flags(p)

    p = sub.add_parser("chat", help="chat with an instruction model (interactive without a message)")
    p.add_argument("message", nargs="?", help="one message: answer it and exit")
    p.add_argument("--system", default=None, help="system prompt")
    p.add_argument("--chat-format", choices=("auto", "llama2", "codellama-70b", "template"), default="auto")
    add_model_flags(p)
    add_sampling_flags(p, max_tokens=512)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    add_safety_flags(p, guard=True)
    add_verify_flags(p)

    p = sub.add_parser("info", help="model shape, tokenizer, infill family, context length")
    add_model_flags(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("convert", help="convert a checkpoint (Meta, Hugging Face, GGUF) to Meta or Hugging Face")
    p.add_argument("source", help="model directory or .gguf file ('default' for the embedded model)")
    p.add_argument("destination", help="output directory")
    p.add_argument("--to", choices=("hf", "meta"), required=True)
    p.add_argument("--shards", type=int, default=1, help="Meta format: model-parallel shard count")
    p.add_argument("--dtype", choices=DTYPES, default="auto", help="auto: keep the stored dtype (GGUF: float32)")

    p = sub.add_parser("quantize", help="write a checkpoint quantised (int4/int8), to load fast and small")
    p.add_argument("source", help="model directory or .gguf file ('default' for the embedded model)")
    p.add_argument("destination", help="output directory (must not exist); load it with --model")
    p.add_argument(
        "--quant",
        choices=("int4", "int8", "auto"),
        default="int4",
        help="int4 (default) or int8 linear layers; auto: as the file is (GGUF Q4_x: int4, Q5..Q8: int8)",
    )

    p = sub.add_parser("demo", help="completion, infilling and chat with the embedded model")
    add_model_flags(p)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


# -- helpers ----------------------------------------------------------------------------------


def _params(args, **overrides):
    from codellama.generation import SamplingParams

    return SamplingParams(
        max_new_tokens=args.max_tokens,
        temperature=args.temperature,
        top_p=args.top_p,
        top_k=args.top_k,
        min_p=args.min_p,
        repetition_penalty=args.repetition_penalty,
        seed=args.seed,
        stop=args.stop,
        **overrides,
    )


def _stream(chunks) -> str:
    out = sys.stdout
    text = []
    for chunk in chunks:
        out.write(chunk)
        out.flush()
        text.append(chunk)
    out.write("\n")
    return "".join(text)


def _guard(args, message: str) -> str | None:
    """The refusal for a request the guard blocks (None: go ahead); a warning is noted on stderr."""
    from codellama.safety.actions import Action
    from codellama.safety.filters import check_request

    verdict = check_request(message, policy=args.guard)
    if verdict.action is Action.WARN:
        note(f"guard: this request looks like {verdict.category}: {verdict.reason}")
    if verdict.action is not Action.BLOCK:
        return None
    return verdict.refusal or f"refused: {verdict.reason}"


def _check_output(args, prompt: str, text: str) -> None:
    """Report insecure code and copied licensed code in generated text on stderr."""
    if args.code_policy == "off" and not args.references:
        return
    from codellama.safety.filters import check_output
    from codellama.safety.references import ReferenceIndex

    index = ReferenceIndex.load(args.references) if args.references else None
    report = check_output(prompt, text, code_policy=args.code_policy, references=index)
    for f in report.findings:
        note(f"insecure code ({f.severity}): {f.cwe} {f.message} (line {f.line}; fix: {f.fix_hint})")
    for m in report.references:
        note(f"copied code: matches {m.path} ({m.license})")


def _read_prompt(args) -> str:
    if args.file:
        return Path(args.file).read_text()
    if args.prompt in (None, "-"):
        if sys.stdin.isatty():
            raise ValueError("no prompt: give it as an argument, with --file, or on standard input")
        return sys.stdin.read()
    return args.prompt


# -- commands ---------------------------------------------------------------------------------


def cmd_complete(args) -> None:
    prompt = _read_prompt(args)
    if not prompt.strip():
        raise ValueError("the prompt is empty: give some code or text to continue")
    language = args.stop_at_block
    if language == "auto":
        language = guess_language(prompt, args.file)
    elif language == "none":
        language = None
    params = _params(args, code_stop=language)
    if verifying(args):
        from codellama.verify import Task

        def show(text: str) -> None:
            print((prompt if args.echo else "") + text)
            _check_output(args, prompt, text)

        return run_verified(args, Task("complete", prompt), params, show)
    generator = generator_from_args(args)
    if args.json:
        result = generator.complete(prompt, params, echo=args.echo)[0]
        print(
            json.dumps(
                {
                    "text": result.text,
                    "finish_reason": result.finish_reason,
                    "prompt_tokens": result.prompt_tokens,
                    "completion_tokens": len(result.token_ids),
                }
            )
        )
        _check_output(args, prompt, result.text[len(prompt) :] if args.echo else result.text)
        return
    if args.echo:
        sys.stdout.write(prompt)
    _check_output(args, prompt, _stream(generator.stream_complete(prompt, params)))


def _infill_parts(args) -> tuple[str, str]:
    if args.file:
        text = Path(args.file).read_text()
        if text.count(FILL_MARKER) != 1:
            raise ValueError(f"{args.file}: needs exactly one {FILL_MARKER} marker, found {text.count(FILL_MARKER)}")
        prefix, suffix = text.split(FILL_MARKER)
        return prefix, suffix
    if args.prefix is None and args.suffix is None:
        raise ValueError(f"give --prefix and/or --suffix, or --file with a {FILL_MARKER} marker")
    return args.prefix or "", args.suffix or ""


def cmd_infill(args) -> None:
    prefix, suffix = _infill_parts(args)
    if not (prefix + suffix).strip():
        raise ValueError("both the prefix and the suffix are empty: there is nothing to fill in around")
    if verifying(args):
        from codellama.verify import Task

        def show(middle: str) -> None:
            print(prefix + middle + suffix if args.full else middle)
            _check_output(args, prefix, middle)

        return run_verified(args, Task("infill", prefix, suffix), _params(args), show)
    generator = generator_from_args(args)
    result = generator.infill(prefix, suffix, _params(args), mode=args.mode)
    if args.json:
        print(
            json.dumps(
                {
                    "middle": result.middle,
                    "text": result.text,
                    "finish_reason": result.completion.finish_reason,
                    "infill": generator.tokenizer.infill.family if generator.tokenizer.infill else "ranking",
                }
            )
        )
    else:
        print(result.text if args.full else result.middle)
    _check_output(args, prefix, result.middle)


def cmd_chat(args) -> None:
    if args.message is not None and (refusal := _guard(args, args.message)) is not None:
        print(json.dumps({"text": refusal, "finish_reason": "content_filter"}) if args.json else refusal)
        sys.exit(3)
    messages = [{"role": "system", "content": args.system}] if args.system else []
    params = _params(args)
    if verifying(args):
        from codellama.verify import Task

        if args.message is None:
            raise ValueError("--tests and --verify check one answer: give the message as an argument")

        def show(text: str) -> None:
            print(text)
            _check_output(args, "", text)

        messages.append({"role": "user", "content": args.message})
        return run_verified(args, Task("chat", messages=messages), params, show)
    generator = generator_from_args(args)
    if args.message is not None:
        messages.append({"role": "user", "content": args.message})
        if args.json:
            result = generator.chat(messages, params, args.chat_format)
            print(json.dumps({"text": result.text, "finish_reason": result.finish_reason}))
            _check_output(args, "", result.text)
        else:
            _check_output(args, "", _stream(generator.stream_chat(messages, params, args.chat_format)))
        return
    note("interactive chat: /reset clears the history, /exit or Ctrl-D quits")
    while True:
        try:
            line = input(">>> ")
        except EOFError:
            print()
            return
        if line.strip() in ("/exit", "/quit"):
            return
        if line.strip() == "/reset":
            messages = messages[:1] if args.system else []
            continue
        if not line.strip():
            continue
        if (refusal := _guard(args, line)) is not None:
            print(refusal)
            continue
        messages.append({"role": "user", "content": line})
        try:
            answer = _stream(generator.stream_chat(messages, params, args.chat_format))
        except ValueError as e:
            messages.pop()
            note(f"error: {e}")
            continue
        _check_output(args, "", answer)
        messages.append({"role": "assistant", "content": answer})


def cmd_info(args) -> None:
    from codellama.checkpoints import load_model, resolve_model_path
    from codellama.configs import match_config

    model, tokenizer = load_model(args.model, device="cpu", dtype=dtype_from_name(args.dtype), quant=args.quant)
    extend_context(model, args.ctx_size, args.rope_scaling)
    a = model.args
    info = {
        "path": str(resolve_model_path(args.model)),
        "format": a.extra.get("format"),
        "matches_config": match_config(a),
        "parameters": a.num_params,
        "dim": a.dim,
        "n_layers": a.n_layers,
        "n_heads": a.n_heads,
        "n_kv_heads": a.n_kv_heads,
        "head_dim": a.head_dim,
        "ffn_hidden_dim": a.ffn_hidden_dim,
        "vocab_size": a.vocab_size,
        "context_length": a.max_seq_len,
        "rope_theta": a.rope_theta,
        "rope_scaling": a.rope_scaling,
        "qkv_bias": a.qkv_bias,
        "tied_embeddings": a.tie_embeddings,
        "tokenizer": tokenizer.describe(),
        "bos_id": tokenizer.bos_id,
        "eos_id": tokenizer.eos_id,
        "infill": tokenizer.infill.family if tokenizer.infill else None,
        "chat_template": bool(tokenizer.chat_template),
        "quantized": quantization(model) or None,
    }
    if args.json:
        print(json.dumps(info))
    else:
        for key, value in info.items():
            print(f"{key:>16}: {value}")


def cmd_convert(args) -> None:
    from codellama.checkpoints import load_tensors, write_hf, write_meta

    model, tokenizer = load_tensors(args.source, dtype=dtype_from_name(args.dtype))
    destination = Path(args.destination)
    if args.to == "hf":
        write_hf(model, destination)
    else:
        write_meta(model, destination, num_shards=args.shards)
    copied = _copy_tokenizer(args.source, tokenizer, destination)
    print(f"wrote {args.to} checkpoint to {destination} ({model.args.num_params / 1e6:.0f}M parameters, {copied})")


def cmd_quantize(args) -> None:
    from codellama.checkpoints import quantize_checkpoint

    summary = quantize_checkpoint(args.source, args.destination, args.quant)
    merged = f", with the delta {summary['delta']} merged" if "delta" in summary else ""
    print(f"wrote {summary['quant']} checkpoint to {summary['destination']} ({summary['tensors']} tensors{merged})")


def _copy_tokenizer(source, tokenizer, destination: Path) -> str:
    from codellama.checkpoints import resolve_model_path
    from codellama.checkpoints.files import copy_tokenizer

    return copy_tokenizer(resolve_model_path(source), tokenizer, destination)


def cmd_demo(args) -> None:
    from codellama.generation import SamplingParams

    generator = generator_from_args(args)
    prompt = "def fibonacci(n):"
    print(f"\n=== Completion (greedy, stops at the end of the function) ===\n{prompt}", end="")
    _stream(generator.stream_complete(prompt, SamplingParams(max_new_tokens=128, code_stop="python")))
    prefix = "def average(numbers):\n    total = sum(numbers)\n    return "
    suffix = "\n\nprint(average([1, 2, 3]))\n"
    print("\n=== Infilling (the middle is between >>> and <<<) ===")
    result = generator.infill(prefix, suffix, SamplingParams(max_new_tokens=24, seed=0))
    print(f"{prefix}>>>{result.middle}<<<{suffix}", end="")
    question = "Write a Python function that returns the squares of a list of numbers."
    print(f"\n=== Chat ===\nuser: {question}\nassistant: ", end="")
    _stream(generator.stream_chat([{"role": "user", "content": question}], SamplingParams(max_new_tokens=160)))


COMMANDS = {
    "complete": cmd_complete,
    "infill": cmd_infill,
    "chat": cmd_chat,
    "info": cmd_info,
    "convert": cmd_convert,
    "quantize": cmd_quantize,
    "demo": cmd_demo,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        handler = getattr(args, "handler", None) or COMMANDS[args.command]
        handler(args)
    except (ValueError, FileNotFoundError, IsADirectoryError) as e:  # our errors are ValueErrors
        print(f"codellama: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
