"""A check of a GGUF file's header and layout against its size, before GGUFReader parses it.

GGUFReader trusts every count, length and offset in the header: a corrupt array length makes it
read element by element (in Python) to the end of the file, and on past it forever when the tail
holds whole elements; truncated tensor data surfaces as a numpy reshape error. One pass over the
header (mostly the vocabulary's string lengths) turns each into a CheckpointError that says what
is wrong.

The header is: magic, version, tensor count, metadata count; then each metadata entry (key
string, value type, value), then each tensor info (name, dims, type, data offset); then the
tensor data, aligned to general.alignment.
"""

from __future__ import annotations

import math
import mmap
import struct
from pathlib import Path

from codellama.checkpoints.names import CheckpointError

# GGUF value types: the scalars' sizes in bytes, and the two compound types
_GGUF_SCALAR_SIZES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
_GGUF_UINT32, _GGUF_STRING, _GGUF_ARRAY = 4, 8, 9
_GGUF_MAX_DIMS = 4  # GGML_MAX_DIMS
_GGUF_HEADER = 24  # magic, version, tensor count, metadata count
_GGUF_DEFAULT_ALIGNMENT = 32
_MAX_ARRAY_DEPTH = 4  # arrays of arrays nested deeper than this are rejected as corrupt


def _truncated(path: Path, what: str, at: int, needed: int, size: int) -> CheckpointError:
    return CheckpointError(
        f"{path}: truncated or corrupt GGUF file: {what} at byte {at:,} needs {needed:,} bytes "
        f"but the file ends at byte {size:,}"
    )


class _Reader:
    """A cursor over the header that checks every read against the file's size before making it."""

    def __init__(self, path: Path, buf: mmap.mmap, size: int, order: str, pos: int = _GGUF_HEADER):
        self.path, self.buf, self.size, self.pos = path, buf, size, pos
        self._u32, self._u64 = struct.Struct(order + "I"), struct.Struct(order + "Q")

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

    def value(self, vtype: int, what: str, depth: int = 0) -> None:
        """Step over one metadata value of type `vtype`."""
        if vtype in _GGUF_SCALAR_SIZES:
            self.skip(_GGUF_SCALAR_SIZES[vtype], what)
        elif vtype == _GGUF_STRING:
            self.skip(self.u64(what + " length"), what)
        elif vtype == _GGUF_ARRAY and depth < _MAX_ARRAY_DEPTH:
            self._array(what, depth)
        else:
            raise self.corrupt(f"{what} has unknown value type {vtype}")

    def _array(self, what: str, depth: int) -> None:
        item_type = self.u32(what + " element type")
        count = self.u64(what + " length")
        if item_type in _GGUF_SCALAR_SIZES:
            self.skip(count * _GGUF_SCALAR_SIZES[item_type], f"{what} ({count:,} elements)")
        elif item_type == _GGUF_STRING:
            self._strings(count, what)
        elif item_type == _GGUF_ARRAY:
            if count * 12 > self.size - self.pos:  # the smallest array: its element type and length
                raise self.error(f"{what} ({count:,} arrays)", count * 12)
            for _ in range(count):
                self.value(item_type, what, depth + 1)
        else:
            raise self.corrupt(f"{what} has unknown element type {item_type}")

    def _strings(self, count: int, what: str) -> None:
        # the hot loop, one step per vocabulary entry: locals rather than self.skip/self.u64
        if count * 8 > self.size - self.pos:  # every string has at least its 8-byte length
            raise self.error(f"{what} ({count:,} strings)", count * 8)
        buf, size, pos, unpack = self.buf, self.size, self.pos, self._u64.unpack_from
        for _ in range(count):
            if pos + 8 > size:
                raise self.error(what, 8, at=pos)
            n = unpack(buf, pos)[0]
            if pos + 8 + n > size:
                raise self.error(what, 8 + n, at=pos)
            pos += 8 + n
        self.pos = pos


def check_gguf_layout(path: Path) -> None:
    """Walk the GGUF header, checking every count, length and tensor extent against the file's size."""
    size = path.stat().st_size
    order, tensor_count, kv_count = _read_fixed_header(path, size)
    # the smallest metadata entry is 13 bytes, the smallest tensor info 24: cheap sanity for the counts
    least = kv_count * 13 + tensor_count * 24
    if least > size - _GGUF_HEADER:
        raise _truncated(
            path, f"{kv_count:,} metadata entries and {tensor_count:,} tensor infos", _GGUF_HEADER, least, size
        )
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        reader = _Reader(path, buf, size, order)
        alignment = _skip_metadata(reader, kv_count)
        extents = _read_tensor_infos(reader, tensor_count)
    if alignment == 0 or alignment & (alignment - 1):
        raise reader.corrupt(f"general.alignment {alignment} is not a power of two")
    data_start = -(-reader.pos // alignment) * alignment
    for name, offset, nbytes in extents:
        end = data_start + offset + nbytes
        if end > size:
            raise CheckpointError(
                f"{path}: truncated GGUF file: tensor {name!r} needs bytes up to {end:,} but the file has "
                f"{size:,}; the download or copy was cut short (or the header is corrupt)"
            )


def _read_fixed_header(path: Path, size: int) -> tuple[str, int, int]:
    """Byte order ('<' or '>'), tensor count and metadata count, from the first 24 bytes."""
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
    return order, tensor_count, kv_count


def _skip_metadata(reader: _Reader, kv_count: int) -> int:
    """Step over every metadata entry; returns general.alignment (32 when absent)."""
    alignment = _GGUF_DEFAULT_ALIGNMENT
    for i in range(kv_count):
        key = reader.string(f"metadata key #{i}")
        vtype = reader.u32(f"metadata {key!r} type")
        if key == "general.alignment" and vtype == _GGUF_UINT32:
            found = reader.peek_u32()
            alignment = _GGUF_DEFAULT_ALIGNMENT if found is None else found
        reader.value(vtype, f"metadata {key!r}")
    return alignment


def _read_tensor_infos(reader: _Reader, tensor_count: int) -> list[tuple[str, int, int]]:
    """(name, data offset, size in bytes) of every tensor, each shape and type checked."""
    from gguf import GGML_QUANT_SIZES, GGMLQuantizationType

    extents = []
    for i in range(tensor_count):
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
        extents.append((name, offset, math.prod(dims) // block * type_size))
    return extents
