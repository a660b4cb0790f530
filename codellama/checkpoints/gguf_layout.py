"""A check of a GGUF file's header and layout against its size, before GGUFReader parses it.

GGUFReader trusts every count, length and offset in the header: a corrupt array length makes it
read element by element (in Python) to the end of the file, and on past it forever when the tail
holds whole elements; truncated tensor data surfaces as a numpy reshape error. One pass over the
header (mostly the vocabulary's string lengths) turns each into a CheckpointError that says what
is wrong.

The header is: magic, version, tensor count, metadata count; then each metadata entry (key
string, value type, value), then each tensor info (name, dims, type, data offset); then the
tensor data, aligned to general.alignment.

`read_gguf_header` makes the same checked pass and keeps what it reads: the metadata values (as
GGUFReader's `field.contents()` gives them) and the tensor infos, without GGUFReader's numpy view per
value, which for a 49k-token vocabulary costs ~160 MB and seconds.
"""

from __future__ import annotations

import math
import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

from codellama.checkpoints.names import CheckpointError

# GGUF value types: the scalars' sizes in bytes, and the two compound types
_GGUF_SCALAR_SIZES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
_GGUF_UINT32, _GGUF_STRING, _GGUF_ARRAY = 4, 8, 9
_GGUF_MAX_DIMS = 4  # GGML_MAX_DIMS
_GGUF_HEADER = 24  # magic, version, tensor count, metadata count
_GGUF_DEFAULT_ALIGNMENT = 32
_MAX_ARRAY_DEPTH = 4  # arrays of arrays nested deeper than this are rejected as corrupt
_GGUF_SCALAR_CODES = {
    0: "u1",
    1: "i1",
    2: "u2",
    3: "i2",
    4: "u4",
    5: "i4",
    6: "f4",
    7: "?",
    10: "u8",
    11: "i8",
    12: "f8",
}


@dataclass
class TensorInfo:
    name: str
    raw_type: int
    dims: list[int]  # GGUF order: the fastest-varying dimension first
    offset: int  # from the start of the tensor data
    nbytes: int


@dataclass
class GGUFHeader:
    order: str  # byte order, "<" or ">"
    meta: dict  # every metadata value by key
    tensors: list[TensorInfo]
    data_start: int  # where the tensor data begins


def _truncated(path: Path, what: str, at: int, needed: int, size: int) -> CheckpointError:
    return CheckpointError(
        f"{path}: truncated or corrupt GGUF file: {what} at byte {at:,} needs {needed:,} bytes "
        f"but the file ends at byte {size:,}"
    )


class _Reader:
    """A cursor over the header that checks every read against the file's size before making it."""

    def __init__(self, path: Path, buf: mmap.mmap, size: int, order: str, pos: int = _GGUF_HEADER, keep: bool = False):
        self.path, self.buf, self.size, self.pos, self.order = path, buf, size, pos, order
        self._u32, self._u64 = struct.Struct(order + "I"), struct.Struct(order + "Q")
        self.keep = keep  # decode the values (read_gguf_header), or only step over them (check_gguf_layout)

    def error(self, what: str, needed: int, at: int | None = None) -> CheckpointError:
        """The error for `what`, at `at` (default: here), needing more bytes than the file has left."""
        return _truncated(self.path, what, self.pos if at is None else at, needed, self.size)

    def corrupt(self, problem: str) -> CheckpointError:
        return CheckpointError(f"{self.path}: corrupt GGUF file: {problem}")

    def skip(self, n: int, what: str) -> int:
        """Step over `n` bytes; returns where they start."""
        if n > self.size - self.pos:
            raise self.error(what, n)
        start, self.pos = self.pos, self.pos + n
        return start

    def u32(self, what: str) -> int:
        return self._u32.unpack_from(self.buf, self.skip(4, what))[0]

    def u64(self, what: str) -> int:
        return self._u64.unpack_from(self.buf, self.skip(8, what))[0]

    def peek_u32(self) -> int | None:
        """The uint32 here, without moving; None past the end."""
        return self._u32.unpack_from(self.buf, self.pos)[0] if self.pos + 4 <= self.size else None

    def string(self, what: str) -> str:
        """A length-prefixed string; only its first 200 bytes are decoded (it names things in errors)."""
        n = self.u64(what + " length")
        start = self.skip(n, what)
        return bytes(self.buf[start : start + min(n, 200)]).decode("utf-8", "replace")

    def text(self, start: int, n: int, what: str) -> str:
        try:
            return bytes(self.buf[start : start + n]).decode("utf-8")
        except UnicodeDecodeError as e:
            raise self.corrupt(f"{what} is not valid UTF-8 ({e})") from None

    def value(self, vtype: int, what: str, depth: int = 0):
        """Step over one metadata value of type `vtype`; with `keep`, return it (else None)."""
        if vtype in _GGUF_SCALAR_SIZES:
            start = self.skip(_GGUF_SCALAR_SIZES[vtype], what)
            return self._numbers(vtype, start, 1, what)[0] if self.keep else None
        elif vtype == _GGUF_STRING:
            n = self.u64(what + " length")
            start = self.skip(n, what)
            return self.text(start, n, what) if self.keep else None
        elif vtype == _GGUF_ARRAY and depth < _MAX_ARRAY_DEPTH:
            return self._array(what, depth)
        else:
            raise self.corrupt(f"{what} has unknown value type {vtype}")

    def _numbers(self, vtype: int, start: int, count: int, what: str) -> list:
        import numpy as np

        dtype = np.dtype(_GGUF_SCALAR_CODES[vtype]).newbyteorder(self.order)
        return np.frombuffer(self.buf, dtype=dtype, count=count, offset=start).tolist()

    def _array(self, what: str, depth: int):
        item_type = self.u32(what + " element type")
        count = self.u64(what + " length")
        if item_type in _GGUF_SCALAR_SIZES:
            start = self.skip(count * _GGUF_SCALAR_SIZES[item_type], f"{what} ({count:,} elements)")
            return self._numbers(item_type, start, count, what) if self.keep else None
        elif item_type == _GGUF_STRING:
            return self._strings(count, what)
        elif item_type == _GGUF_ARRAY:
            if count * 12 > self.size - self.pos:  # the smallest array: its element type and length
                raise self.error(f"{what} ({count:,} arrays)", count * 12)
            items = [self.value(item_type, what, depth + 1) for _ in range(count)]
            return items if self.keep else None
        else:
            raise self.corrupt(f"{what} has unknown element type {item_type}")

    def _strings(self, count: int, what: str) -> list[str] | None:
        # the hot loop, one step per vocabulary entry: locals rather than self.skip/self.u64
        if count * 8 > self.size - self.pos:  # every string has at least its 8-byte length
            raise self.error(f"{what} ({count:,} strings)", count * 8)
        buf, size, pos, unpack = self.buf, self.size, self.pos, self._u64.unpack_from
        strings = [] if self.keep else None
        for _ in range(count):
            if pos + 8 > size:
                raise self.error(what, 8, at=pos)
            n = unpack(buf, pos)[0]
            if pos + 8 + n > size:
                raise self.error(what, 8 + n, at=pos)
            if strings is not None:
                strings.append(self.text(pos + 8, n, what))
            pos += 8 + n
        self.pos = pos
        return strings


def check_gguf_layout(path: Path) -> None:
    """Walk the GGUF header, checking every count, length and tensor extent against the file's size."""
    _walk(path, keep=False)


def read_gguf_header(path: Path) -> GGUFHeader:
    """The checked walk of `check_gguf_layout`, keeping the metadata values and the tensor infos."""
    return _walk(path, keep=True)


def _walk(path: Path, keep: bool) -> GGUFHeader:
    size = path.stat().st_size
    order, version, tensor_count, kv_count = _read_fixed_header(path, size)
    # the smallest metadata entry is 13 bytes, the smallest tensor info 24: cheap sanity for the counts
    least = kv_count * 13 + tensor_count * 24
    if least > size - _GGUF_HEADER:
        raise _truncated(
            path, f"{kv_count:,} metadata entries and {tensor_count:,} tensor infos", _GGUF_HEADER, least, size
        )
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        reader = _Reader(path, buf, size, order, keep=keep)
        alignment, meta = _read_metadata(reader, kv_count)
        if keep:  # GGUFReader's fields for the fixed header, first
            meta = {"GGUF.version": version, "GGUF.tensor_count": tensor_count, "GGUF.kv_count": kv_count, **meta}
        tensors = _read_tensor_infos(reader, tensor_count)
    if alignment == 0 or alignment & (alignment - 1):
        raise reader.corrupt(f"general.alignment {alignment} is not a power of two")
    data_start = -(-reader.pos // alignment) * alignment
    for t in tensors:
        end = data_start + t.offset + t.nbytes
        if end > size:
            raise CheckpointError(
                f"{path}: truncated GGUF file: tensor {t.name!r} needs bytes up to {end:,} but the file has "
                f"{size:,}; the download or copy was cut short (or the header is corrupt)"
            )
    return GGUFHeader(order, meta, tensors, data_start)


def _read_fixed_header(path: Path, size: int) -> tuple[str, int, int, int]:
    """Byte order ('<' or '>'), version, tensor count and metadata count, from the first 24 bytes."""
    if size == 0:
        raise CheckpointError(f"{path}: the file is empty, not a GGUF model")
    with open(path, "rb") as f:
        head = f.read(_GGUF_HEADER)
    if head[:4] != b"GGUF"[: len(head)]:
        raise CheckpointError(f"{path}: not a GGUF file (it starts with {head[:4]!r}, not b'GGUF')")
    if size < _GGUF_HEADER:
        raise CheckpointError(f"{path}: truncated GGUF file: {size} bytes, less than its 24-byte header")
    order = "<"
    (version,) = struct.unpack_from("<I", head, 4)
    if version & 0xFFFF == 0:  # written on a big-endian machine, as GGUFReader detects it
        order = ">"
        (version,) = struct.unpack_from(">I", head, 4)
    if version not in (2, 3):
        raise CheckpointError(f"{path}: GGUF version {version} is not supported (versions 2 and 3 are)")
    tensor_count, kv_count = struct.unpack_from(order + "QQ", head, 8)
    return order, version, tensor_count, kv_count


def _read_metadata(reader: _Reader, kv_count: int) -> tuple[int, dict]:
    """Step over (with `reader.keep`: read) every metadata entry; returns general.alignment (32 when absent)
    and the values by key (the first of a repeated key, as GGUFReader keeps it)."""
    alignment = _GGUF_DEFAULT_ALIGNMENT
    meta: dict = {}
    for i in range(kv_count):
        if reader.keep:
            n = reader.u64(f"metadata key #{i} length")
            key = reader.text(reader.skip(n, f"metadata key #{i}"), n, f"metadata key #{i}")
        else:
            key = reader.string(f"metadata key #{i}")
        vtype = reader.u32(f"metadata {key!r} type")
        if key == "general.alignment" and vtype == _GGUF_UINT32:
            found = reader.peek_u32()
            alignment = _GGUF_DEFAULT_ALIGNMENT if found is None else found
        value = reader.value(vtype, f"metadata {key!r}")
        if reader.keep:
            meta.setdefault(key, value)
    return alignment, meta


def _read_tensor_infos(reader: _Reader, tensor_count: int) -> list[TensorInfo]:
    """Name, type, shape, data offset and size in bytes of every tensor, each shape and type checked."""
    from gguf import GGML_QUANT_SIZES, GGMLQuantizationType

    infos: list[TensorInfo] = []
    names: set[str] = set()
    for i in range(tensor_count):
        if reader.keep:
            n = reader.u64(f"tensor info #{i} name length")
            name = reader.text(reader.skip(n, f"tensor info #{i} name"), n, f"tensor info #{i} name")
            if name in names:
                raise reader.corrupt(f"tensor {name!r} appears twice")
            names.add(name)
        else:
            name = reader.string(f"tensor info #{i} name")
        n_dims = reader.u32(f"tensor {name!r} dimension count")
        if n_dims > _GGUF_MAX_DIMS:
            raise reader.corrupt(f"tensor {name!r} has {n_dims:,} dimensions (at most {_GGUF_MAX_DIMS})")
        dims = [reader.u64(f"tensor {name!r} shape") for _ in range(n_dims)]
        raw_type = reader.u32(f"tensor {name!r} type")
        offset = reader.u64(f"tensor {name!r} data offset")
        try:
            qtype = GGMLQuantizationType(raw_type)
            block, type_size = GGML_QUANT_SIZES[qtype]
        except (ValueError, KeyError):
            raise CheckpointError(
                f"{reader.path}: tensor {name!r} has unknown quantization type {raw_type}; the file is newer than "
                "the installed gguf package knows, or corrupt"
            ) from None
        if dims and dims[0] % block:
            raise reader.corrupt(
                f"tensor {name!r} has rows of {dims[0]:,} values, not a whole number of {qtype.name} blocks of {block}"
            )
        infos.append(TensorInfo(name, raw_type, dims, offset, math.prod(dims) // block * type_size))
    return infos
