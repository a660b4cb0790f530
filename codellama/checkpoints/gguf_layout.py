"""A check of a GGUF file's header and layout against its size, before GGUFReader parses it."""

from __future__ import annotations

import math
from pathlib import Path

from codellama.checkpoints.names import CheckpointError

# GGUF value types: the scalars' sizes in bytes, and the two compound types
_GGUF_SCALAR_SIZES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
_GGUF_UINT32, _GGUF_STRING, _GGUF_ARRAY = 4, 8, 9
_GGUF_MAX_DIMS = 4  # GGML_MAX_DIMS


def check_gguf_layout(path: Path) -> None:
    """Walk the GGUF header, checking every count, length and tensor extent against the file's size.

    GGUFReader trusts them all: a corrupt array length makes it read element by element (in
    Python) to the end of the file, and on past it forever when the tail holds whole elements;
    truncated tensor data surfaces as a numpy reshape error. One pass over the header (mostly the
    vocabulary's string lengths) turns each into a CheckpointError that says what is wrong.
    """
    import mmap
    import struct

    from gguf import GGML_QUANT_SIZES, GGMLQuantizationType

    size = path.stat().st_size
    if size == 0:
        raise CheckpointError(f"{path}: the file is empty, not a GGUF model")
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:4] != b"GGUF"[: len(head)]:
        raise CheckpointError(f"{path}: not a GGUF file (it starts with {head[:4]!r}, not b'GGUF')")
    if size < 24:
        raise CheckpointError(f"{path}: truncated GGUF file: {size} bytes, less than its 24-byte header")
    order = "<"
    (version,) = struct.unpack_from("<I", head, 4)
    if version & 0xFFFF == 0:  # written on a big-endian machine, as GGUFReader detects it
        order = ">"
        (version,) = struct.unpack_from(">I", head, 4)
    if version not in (2, 3):
        raise CheckpointError(f"{path}: GGUF version {version} is not supported (versions 2 and 3 are)")
    tensor_count, kv_count = struct.unpack_from(order + "QQ", head, 8)
    pos = 24

    def fail(what: str, needed: int):
        return CheckpointError(
            f"{path}: truncated or corrupt GGUF file: {what} at byte {pos:,} needs {needed:,} bytes "
            f"but the file ends at byte {size:,}"
        )

    def take(n: int, what: str) -> int:
        nonlocal pos
        if n > size - pos:
            raise fail(what, n)
        start, pos = pos, pos + n
        return start

    def number(fmt: str, what: str) -> int:
        return struct.unpack_from(order + fmt, buf, take(struct.calcsize(fmt), what))[0]

    def text(what: str) -> str:
        n = number("Q", what + " length")
        start = take(n, what)
        return bytes(buf[start : start + min(n, 200)]).decode("utf-8", "replace")

    def skip_value(vtype: int, what: str, depth: int = 0) -> None:
        nonlocal pos
        if vtype in _GGUF_SCALAR_SIZES:
            take(_GGUF_SCALAR_SIZES[vtype], what)
        elif vtype == _GGUF_STRING:
            take(number("Q", what + " length"), what)
        elif vtype == _GGUF_ARRAY and depth < 4:
            item_type = number("I", what + " element type")
            count = number("Q", what + " length")
            if item_type in _GGUF_SCALAR_SIZES:
                take(count * _GGUF_SCALAR_SIZES[item_type], f"{what} ({count:,} elements)")
            elif item_type == _GGUF_STRING:
                if count * 8 > size - pos:
                    raise fail(f"{what} ({count:,} strings)", count * 8)
                for _ in range(count):  # the hot loop: one step per vocabulary entry
                    if pos + 8 > size:
                        raise fail(what, 8)
                    n = struct.unpack_from(order + "Q", buf, pos)[0]
                    if pos + 8 + n > size:
                        raise fail(what, 8 + n)
                    pos += 8 + n
            elif item_type == _GGUF_ARRAY:
                if count * 12 > size - pos:
                    raise fail(f"{what} ({count:,} arrays)", count * 12)
                for _ in range(count):
                    skip_value(item_type, what, depth + 1)
            else:
                raise CheckpointError(f"{path}: corrupt GGUF file: {what} has unknown element type {item_type}")
        else:
            raise CheckpointError(f"{path}: corrupt GGUF file: {what} has unknown value type {vtype}")

    # the smallest metadata entry is 13 bytes, the smallest tensor info 24: cheap sanity for the counts
    least = kv_count * 13 + tensor_count * 24
    if least > size - pos:
        raise fail(f"{kv_count:,} metadata entries and {tensor_count:,} tensor infos", least)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        alignment = 32  # GGUF_DEFAULT_ALIGNMENT
        for i in range(kv_count):
            key = text(f"metadata key #{i}")
            vtype = number("I", f"metadata {key!r} type")
            if key == "general.alignment" and vtype == _GGUF_UINT32:
                alignment = struct.unpack_from(order + "I", buf, pos)[0] if pos + 4 <= size else 32
            skip_value(vtype, f"metadata {key!r}")
        extents = []
        for i in range(tensor_count):
            name = text(f"tensor info #{i} name")
            n_dims = number("I", f"tensor {name!r} dimension count")
            if n_dims > _GGUF_MAX_DIMS:
                raise CheckpointError(f"{path}: corrupt GGUF file: tensor {name!r} has {n_dims:,} dimensions "
                                      f"(at most {_GGUF_MAX_DIMS})")
            dims = [number("Q", f"tensor {name!r} shape") for _ in range(n_dims)]
            raw_type = number("I", f"tensor {name!r} type")
            offset = number("Q", f"tensor {name!r} data offset")
            try:
                qtype = GGMLQuantizationType(raw_type)
                block, type_size = GGML_QUANT_SIZES[qtype]
            except (ValueError, KeyError):
                raise CheckpointError(
                    f"{path}: tensor {name!r} has unknown quantization type {raw_type}; the file is newer than "
                    "the installed gguf package knows, or corrupt"
                ) from None
            if dims and dims[0] % block:
                raise CheckpointError(f"{path}: corrupt GGUF file: tensor {name!r} has rows of {dims[0]:,} values, "
                                      f"not a whole number of {qtype.name} blocks of {block}")
            extents.append((name, offset, math.prod(dims) // block * type_size))
    if alignment == 0 or alignment & (alignment - 1):
        raise CheckpointError(f"{path}: corrupt GGUF file: general.alignment {alignment} is not a power of two")
    data_start = -(-pos // alignment) * alignment
    for name, offset, nbytes in extents:
        end = data_start + offset + nbytes
        if end > size:
            raise CheckpointError(
                f"{path}: truncated GGUF file: tensor {name!r} needs bytes up to {end:,} but the file has "
                f"{size:,}; the download or copy was cut short (or the header is corrupt)"
            )
