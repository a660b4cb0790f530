"""Broken, hostile and mismatched checkpoints: each is refused with an error naming the file and the problem.

Every error is a CheckpointError (or a TokenizerError for vocabularies), both ValueErrors, whose
message holds the path and a word for what is wrong. The fuzz test feeds ~300 mutants of a valid
GGUF to `load_model`: each must load or raise one of those two, within a few seconds.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import json
import os
import random
import signal
import struct
import time
from pathlib import Path

import gguf
import numpy as np
import pytest
import torch
from gguf import GGMLQuantizationType as Q

from codellama.checkpoints import CheckpointError, load_model, read_checkpoint, read_meta, write_hf, write_meta
from codellama.model import ModelArgs, Transformer
from codellama.tokenizer import TokenizerError
from tests.support.gguf_files import Shapes, write_gguf

SMALL = Shapes(dim=64, ffn=128, n_layers=1, n_heads=4, n_kv_heads=2, vocab=300)


def small_gguf(path: Path, qtype=Q.Q8_0, **kwargs) -> Path:
    write_gguf(path, qtype, shapes=SMALL, **kwargs)
    return path


def raises_naming(path: Path, *words: str, exc=CheckpointError) -> _Raises:
    """Like pytest.raises(exc), and the message names `path` and holds one of `words` (case-insensitive)."""
    return _Raises(path, words, exc)


class _Raises:
    def __init__(self, path, words, exc):
        self.path, self.words, self.exc = str(path), words, exc

    def __enter__(self):
        self.ctx = pytest.raises(self.exc)
        self.info = self.ctx.__enter__()
        return self.info

    def __exit__(self, *exc_info):
        suppressed = self.ctx.__exit__(*exc_info)
        if not suppressed:  # another exception: let it through as it is
            return False
        message = str(self.info.value)
        assert self.path in message, f"the message does not name {self.path}: {message}"
        problem = message.replace(self.path, "").lower()  # the words must not come from the path itself
        assert any(w.lower() in problem for w in self.words), f"expected one of {self.words}: {message}"
        return suppressed


def tiny_meta_model(**overrides) -> Transformer:
    torch.manual_seed(0)
    args = dict(dim=64, n_layers=2, n_heads=4, n_kv_heads=2, vocab_size=128, multiple_of=16)
    return Transformer(ModelArgs(**{**args, **overrides}))


# -- GGUF: truncated, corrupt, unknown types ---------------------------------------------------------


@pytest.mark.parametrize("keep", ["half", "all but 3 bytes", "header only", "12 bytes"])
def test_truncated_gguf(tmp_path, keep):
    path = small_gguf(tmp_path / "model.gguf")
    data = path.read_bytes()
    data_offset = gguf.GGUFReader(str(path)).data_offset
    cut = {"half": len(data) // 2, "all but 3 bytes": len(data) - 3, "header only": data_offset, "12 bytes": 12}[keep]
    path.write_bytes(data[:cut])
    with raises_naming(path, "truncated"):
        read_checkpoint(path)
    with raises_naming(path, "truncated"):
        load_model(path)


def test_bad_magic(tmp_path):
    path = small_gguf(tmp_path / "model.gguf")
    data = bytearray(path.read_bytes())
    data[:4] = b"GGML"
    path.write_bytes(bytes(data))
    with raises_naming(path, "not a GGUF", "magic"):
        load_model(path)


def test_random_bytes(tmp_path):
    path = tmp_path / "noise.gguf"
    path.write_bytes(np.random.default_rng(0).integers(0, 256, 100_000, dtype=np.uint8).tobytes())
    with raises_naming(path, "not a GGUF", "magic"):
        load_model(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.gguf"
    path.write_bytes(b"")
    with raises_naming(path, "truncated", "empty", "not a GGUF"):
        load_model(path)


def test_unsupported_version(tmp_path):
    path = small_gguf(tmp_path / "model.gguf")
    data = bytearray(path.read_bytes())
    data[4:8] = struct.pack("<I", 7)
    path.write_bytes(bytes(data))
    with raises_naming(path, "version"):
        load_model(path)


def _tensor_type_offset(path: Path, tensor_name: str) -> int:
    """Byte offset of the ggml type field in `tensor_name`'s tensor info, found by its name."""
    data = path.read_bytes()
    key = struct.pack("<Q", len(tensor_name)) + tensor_name.encode()
    start = data.index(key)  # tensor infos follow the metadata, which holds no such length-prefixed name
    offs = start + len(key)
    (n_dims,) = struct.unpack_from("<I", data, offs)
    return offs + 4 + 8 * n_dims


def test_unknown_quant_type(tmp_path):
    path = small_gguf(tmp_path / "model.gguf")
    offs = _tensor_type_offset(path, "blk.0.attn_q.weight")
    data = bytearray(path.read_bytes())
    assert struct.unpack_from("<I", data, offs)[0] == Q.Q8_0
    data[offs : offs + 4] = struct.pack("<I", 99)
    path.write_bytes(bytes(data))
    with raises_naming(path, "unknown quantization type", "unknown tensor type") as info:
        load_model(path)
    assert "99" in str(info.value)


def test_known_type_that_cannot_be_dequantised(tmp_path):
    """A valid type with the same block size as the stored one but no numpy dequantiser here."""
    path = small_gguf(tmp_path / "model.gguf", qtype=Q.F32)
    offs = _tensor_type_offset(path, "output_norm.weight")
    data = bytearray(path.read_bytes())
    data[offs : offs + 4] = struct.pack("<I", Q.I32)  # 4 bytes per element, like F32: the sizes still fit
    path.write_bytes(bytes(data))
    with raises_naming(path, "cannot be dequantised"):
        load_model(path)


# -- Meta checkpoints: params.json and shards ---------------------------------------------------------


def test_missing_params_json(tmp_path):
    torch.save(
        {"tok_embeddings.weight": torch.zeros(8, 4), "norm.weight": torch.ones(4)}, tmp_path / "consolidated.00.pth"
    )
    with raises_naming(tmp_path, "params.json"):
        read_checkpoint(tmp_path)


def test_missing_shard(tmp_path):
    """params.json implies 2 shards (wq rows 64 = 2 x 32) but only consolidated.00.pth is there."""
    write_meta(tiny_meta_model(), tmp_path, num_shards=2)
    (tmp_path / "consolidated.01.pth").unlink()
    with raises_naming(tmp_path, "shard") as info:
        read_checkpoint(tmp_path)
    message = str(info.value)
    assert "1 shard file" in message and "2 shards" in message, message


def test_gap_in_shard_numbers(tmp_path):
    write_meta(tiny_meta_model(), tmp_path, num_shards=2)
    (tmp_path / "consolidated.01.pth").rename(tmp_path / "consolidated.02.pth")
    with raises_naming(tmp_path, "not numbered") as info:
        read_checkpoint(tmp_path)
    assert "consolidated.02.pth" in str(info.value)


def test_complete_shards_load(tmp_path):
    """The control for the two tests above: both shards present, the model loads exactly."""
    model = tiny_meta_model()
    write_meta(model, tmp_path, num_shards=2)
    _, tensors, _ = read_meta(tmp_path)
    state = dict(tensors)
    for name, value in model.state_dict().items():
        torch.testing.assert_close(state[name], value, rtol=0, atol=0)


class _Sneaky:
    """Unpickling this would run os.system and create a marker file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


class _OrderedSubclass(collections.OrderedDict):
    pass


@pytest.mark.parametrize("payload", ["os.system", "custom class"])
def test_pickle_with_objects_is_refused(tmp_path, payload):
    write_meta(tiny_meta_model(), tmp_path)
    shard = tmp_path / "consolidated.00.pth"
    state = torch.load(shard, weights_only=True)
    marker = tmp_path / "pwned"
    if payload == "os.system":
        state["extra"] = _Sneaky(marker)
    else:
        state = _OrderedSubclass(state)
    torch.save(state, shard)
    with raises_naming(shard, "pickled objects other than tensors"):
        read_checkpoint(tmp_path)
    assert not marker.exists(), "the pickle's code ran"


# -- vocabularies bigger than the model ----------------------------------------------------------------


@pytest.mark.parametrize("vocab_size_key", [True, False])
def test_gguf_vocabulary_larger_than_embedding(tmp_path, vocab_size_key):
    path = small_gguf(tmp_path / "model.gguf", n_tokens=SMALL.vocab + 10)
    if not vocab_size_key:  # without {arch}.vocab_size the embedding's rows are the model's vocabulary
        _drop_key(path, "llama.vocab_size")
    with raises_naming(path, "tokenizer", exc=TokenizerError) as info:
        load_model(path)
    message = str(info.value)
    assert f"{SMALL.vocab + 10} tokens" in message and f"only {SMALL.vocab} rows" in message, message


def _drop_key(path: Path, key: str) -> None:
    _rewrite_gguf(path, drop={key})
    assert key not in gguf.GGUFReader(str(path)).fields


def _rewrite_gguf(path: Path, drop=frozenset(), put: dict | None = None) -> None:
    """Rewrite the GGUF at `path` (a copy through GGUFReader/GGUFWriter) without the metadata keys in
    `drop` and with `put`'s {key: (value, GGUFValueType[, element type])} replacing or adding values."""
    put = put or {}
    reader = gguf.GGUFReader(str(path))
    out = path.with_suffix(".tmp")
    writer = gguf.GGUFWriter(str(out), reader.fields["general.architecture"].contents())
    for name, field in reader.fields.items():
        if name.startswith("GGUF.") or name in drop or name in put or name == "general.architecture":
            continue
        kind = field.types[0]
        sub_type = field.types[-1] if kind == gguf.GGUFValueType.ARRAY else None
        writer.add_key_value(name, field.contents(), kind, sub_type=sub_type)
    for name, (value, kind, *sub_type) in put.items():
        writer.add_key_value(name, value, kind, sub_type=sub_type[0] if sub_type else None)
    for t in reader.tensors:
        writer.add_tensor(t.name, np.array(t.data), raw_dtype=t.tensor_type)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    del reader
    out.replace(path)


U32, U64, F32, STR = (
    gguf.GGUFValueType.UINT32,
    gguf.GGUFValueType.UINT64,
    gguf.GGUFValueType.FLOAT32,
    gguf.GGUFValueType.STRING,
)


@pytest.mark.parametrize(
    "key, value, kind, words",
    [
        ("llama.block_count", 2**62, U64, ["block_count"]),  # would build 2**62 layers
        ("llama.block_count", 2, U32, ["block_count"]),
        ("llama.embedding_length", 2**62, U64, ["metadata"]),  # would overflow torch's size arithmetic
        ("llama.feed_forward_length", 2**62, U64, ["metadata"]),
        ("llama.attention.head_count", 2**40, U64, ["metadata"]),
        ("llama.attention.head_count", 0, U32, ["head_count", "positive"]),  # would divide by zero
        ("llama.attention.head_count_kv", 3, U32, ["multiple", "n_kv_heads"]),
        ("llama.rope.dimension_count", 2**62, U64, ["metadata"]),
        ("llama.rope.dimension_count", 15, U32, ["even"]),
        ("llama.vocab_size", 2**62, U64, ["vocab_size"]),
        ("llama.embedding_length", "sixty-four", STR, ["embedding_length", "whole number"]),
        ("llama.feed_forward_length", 1e-40, F32, ["feed_forward_length", "whole number"]),
        ("llama.attention.layer_norm_rms_epsilon", "tiny", STR, ["corrupt", "epsilon"]),
        ("general.architecture", "gpt-neox", STR, ["architecture"]),
    ],
)
def test_absurd_or_inconsistent_metadata(tmp_path, key, value, kind, words):
    path = small_gguf(tmp_path / "model.gguf")
    _rewrite_gguf(path, put={key: (value, kind)})
    start = time.monotonic()
    with raises_naming(path, *words):
        load_model(path)
    assert (
        time.monotonic() - start < 30
    )  # refused from the header, not after trying to allocate (generous: a busy machine)


@pytest.mark.parametrize(
    "vocab, key, value",
    [
        ("gpt2", "tokenizer.ggml.merges", ["\u0120 zz"]),  # a merge whose result is not in the vocabulary
        ("gpt2", "tokenizer.ggml.merges", ["nospace"]),
        ("llama", "tokenizer.ggml.token_type", [99] * 300),  # not a SentencePiece piece type
    ],
)
def test_corrupt_vocabulary(tmp_path, vocab, key, value):
    """Whatever the tokenizer libraries raise on a broken vocabulary comes out as a TokenizerError."""
    path = small_gguf(tmp_path / "model.gguf", vocab=vocab)
    sub_type = gguf.GGUFValueType.STRING if isinstance(value[0], str) else gguf.GGUFValueType.INT32
    _rewrite_gguf(path, put={key: (value, gguf.GGUFValueType.ARRAY, sub_type)})
    with raises_naming(path, "vocabulary", "tokenizer", exc=TokenizerError):
        load_model(path)


def test_missing_metadata(tmp_path):
    path = small_gguf(tmp_path / "model.gguf")
    _drop_key(path, "llama.embedding_length")
    with raises_naming(path, "missing metadata llama.embedding_length"):
        load_model(path)


def test_hf_tokenizer_larger_than_embedding(tmp_path):
    from tokenizers import Tokenizer, models, pre_tokenizers

    model = tiny_meta_model(vocab_size=128)
    write_hf(model, tmp_path)
    vocab = {f"t{i}": i for i in range(200)}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="t0"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.save(str(tmp_path / "tokenizer.json"))
    (tmp_path / "tokenizer_config.json").write_text(json.dumps({}))
    with raises_naming(tmp_path / "tokenizer.json", "tokenizer", exc=TokenizerError) as info:
        load_model(tmp_path)
    message = str(info.value)
    assert "200 tokens" in message and "only 128 rows" in message, message


# -- fuzzing the GGUF header ------------------------------------------------------------------------------


class _TooSlow(BaseException):  # not an Exception: the loader's own `except Exception` must not swallow it
    pass


def _on_alarm(signum, frame):
    raise _TooSlow


@contextlib.contextmanager
def _address_space_headroom(extra: int):
    """Cap this process's address space at its current size + `extra` bytes (Linux), so that a mutant
    that makes the loader allocate without bound fails with MemoryError instead of exhausting the machine."""
    try:
        import resource

        with open("/proc/self/statm") as f:
            current = int(f.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError):
        yield
        return
    cap = current + extra
    for limit in (soft, hard):
        if limit != resource.RLIM_INFINITY:
            cap = min(cap, limit)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _offset(reader, part: np.ndarray) -> int:
    return part.__array_interface__["data"][0] - reader.data.ctypes.data


def _targeted(path: Path, rng: random.Random) -> list[tuple[str, list[tuple[int, int, int]], int | None]]:
    """Mutations aimed at every structural field of the header, one variant each:
    (description, [(offset, size, new value)], length to truncate to or None)."""
    reader = gguf.GGUFReader(str(path))
    huge = lambda size: rng.choice([2**64 - 1, 2**63, 2**40, 2**32 - 1, 2**31]) % 2 ** (8 * size)
    out = []

    def field(desc, part, value, index=0, cut=None):
        off = _offset(reader, part) + index * part.itemsize
        out.append((desc, [(off, part.itemsize, value % 2 ** (8 * part.itemsize))], cut))

    f = reader.fields
    field("tensor_count huge", f["GGUF.tensor_count"].parts[0], huge(8))
    field("kv_count huge", f["GGUF.kv_count"].parts[0], huge(8))
    field("kv_count + 1", f["GGUF.kv_count"].parts[0], len(f) - 2)
    field("tensor_count + 1", f["GGUF.tensor_count"].parts[0], len(reader.tensors) + 1)
    for name, kv in f.items():
        if name.startswith("GGUF."):
            continue
        parts, kind = kv.parts, kv.types[0]
        field(f"{name}: key length huge", parts[0], huge(8))
        field(f"{name}: value type", parts[2], rng.choice([t for t in range(14) if t != kind]))
        if kind == gguf.GGUFValueType.STRING:
            field(f"{name}: string length huge", parts[3], huge(8))
        elif kind == gguf.GGUFValueType.ARRAY:
            field(f"{name}: element type", parts[3], rng.choice([t for t in range(14) if t != kv.types[-1]]))
            field(f"{name}: array length huge", parts[4], huge(8))
            if kv.types[-1] != gguf.GGUFValueType.STRING:
                # a huge count over a tail that holds a whole number of elements: GGUFReader reads
                # past the end forever (its reads return empty arrays) unless the count is checked
                start = _offset(reader, parts[4]) + 8
                item = parts[5].itemsize
                field(
                    f"{name}: array length huge, file cut after whole elements",
                    parts[4],
                    2**62,
                    cut=start + item * (len(kv.data) // 2),
                )
        else:  # a number: zero, or huge
            value = rng.choice([0, huge(parts[3].itemsize)])
            field(f"{name}: value {value}", parts[3], value)
    for t in reader.tensors:
        name_len, _, n_dims, dims, ttype, offset = t.field.parts
        field(f"{t.name}: name length huge", name_len, huge(8))
        field(f"{t.name}: n_dims", n_dims, rng.choice([0, 1, 3, 5, 2**32 - 1]))
        field(f"{t.name}: dim huge", dims, huge(8), index=rng.randrange(len(dims)))
        field(f"{t.name}: dim 0", dims, 0, index=rng.randrange(len(dims)))
        field(f"{t.name}: type", ttype, rng.choice([k for k in range(45) if k != t.tensor_type]))
        field(f"{t.name}: data offset huge", offset, huge(8))
    return out


def _mutants(path: Path, n: int, seed: int):
    """(description, bytes): first the targeted mutations, then random ones up to `n`."""
    rng = random.Random(seed)
    data = path.read_bytes()
    header_len = gguf.GGUFReader(str(path)).data_offset
    for desc, writes, cut in _targeted(path, rng):
        m = bytearray(data)
        for offset, size, value in writes:
            m[offset : offset + size] = value.to_bytes(size, "little")
        yield desc, bytes(m[:cut] if cut is not None else m)
    for i in itertools.count():
        kind = i % 3
        m = bytearray(data)
        if kind == 0:  # a few random bytes in the header
            for _ in range(rng.randint(1, 4)):
                m[rng.randrange(header_len)] = rng.randrange(256)
            desc = "random bytes"
        elif kind == 1:  # a random run of bytes in the header
            start = rng.randrange(header_len)
            m[start : start + rng.randint(2, 16)] = rng.randbytes(rng.randint(2, 16))
            desc = "random run"
        else:  # truncation, mostly inside the header
            cut = rng.randrange(header_len + 64) if rng.random() < 0.7 else rng.randrange(len(m))
            m = m[:cut]
            desc = f"cut at {cut}"
        yield f"{desc} #{i}", bytes(m)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # NaN/inf scales in mutated data are fine
@pytest.mark.parametrize("vocab", ["gpt2", "llama", "qwen2"])
def test_fuzzed_gguf_headers_load_or_fail_cleanly(tmp_path, vocab):
    """Three bases: byte-level BPE and SentencePiece vocabularies, and a qwen2 model (biases, rotary permutation)."""
    if vocab == "qwen2":
        base = small_gguf(tmp_path / "base.gguf", arch="qwen2", tied=True)
    else:
        base = small_gguf(tmp_path / "base.gguf", vocab=vocab)
    load_model(base)  # the unmutated file loads
    # each load is bounded (a hang fails its mutant); no budget for all 300: how fast they go is the machine's
    n, per_mutant = 300, 20.0
    failures, outcomes = [], collections.Counter()
    # a SIGALRM per mutant interrupts a hang; pytest-timeout's own alarm (if any) is put back afterwards
    old_handler, (old_alarm, _) = signal.signal(signal.SIGALRM, _on_alarm), signal.getitimer(signal.ITIMER_REAL)
    start = time.monotonic()
    try:
        with _address_space_headroom(4 * 2**30):
            for i, (desc, mutant) in enumerate(itertools.islice(_mutants(base, n, seed=20240601), n)):
                path = tmp_path / f"mutant-{i:03d}.gguf"
                path.write_bytes(mutant)
                signal.setitimer(signal.ITIMER_REAL, per_mutant)
                try:
                    load_model(path)
                    outcomes["loaded"] += 1
                except (CheckpointError, TokenizerError) as e:
                    outcomes[type(e).__name__] += 1
                    if str(path) not in str(e):
                        failures.append(f"{desc}: the message does not name the file: {e}")
                except _TooSlow:
                    failures.append(f"{desc}: took over {per_mutant} s")
                except Exception as e:  # noqa: BLE001 - the point of the test
                    failures.append(f"{desc}: {type(e).__name__}: {str(e)[:200]}")
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                path.unlink()
    finally:
        signal.signal(signal.SIGALRM, old_handler)
        if old_alarm:
            signal.setitimer(signal.ITIMER_REAL, max(old_alarm - (time.monotonic() - start), 0.01))
    assert not failures, f"{len(failures)} of {n} mutants misbehaved ({dict(outcomes)}):\n" + "\n".join(failures)
    assert sum(outcomes.values()) == n and outcomes["CheckpointError"] > n // 2, dict(outcomes)
