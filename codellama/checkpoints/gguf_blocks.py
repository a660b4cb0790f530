"""GGUF quantised blocks dequantised with torch on the device the model goes to.

On a GPU, a quantised GGUF (a Code Llama 7B Q4_K_M: ~4 GB) is loaded as bf16 weights (`--quant auto` means none
there). Dequantising it in numpy on the host writes ~27 GB of float32 at a few hundred MB/s before the copy;
uploading the file's blocks and dequantising them on the GPU moves 4 GB and takes seconds. The arithmetic is
gguf-py's (`gguf.quants`), op for op in float32, so the values are the same bit for bit (tested against it).
On the CPU, numpy's is faster than torch's strided byte ops here, so the loader keeps it there.

Block layouts (ggml's; QK_K = 256 weights a super-block, sub-blocks of 32, or 16 for Q6_K):
    Q4_0  18 bytes: fp16 d, 16 bytes of nibbles (weight j low, j + 16 high); w = d * (q - 8)
    Q4_1  20 bytes: fp16 d, fp16 m, nibbles as Q4_0; w = d * q + m
    Q8_0  34 bytes: fp16 d, 32 int8; w = d * q
    Q4_K  144 bytes: fp16 d, fp16 dmin, 12 bytes of 6-bit sub-block scales and mins, 128 bytes of nibbles;
          w = d * scale_j * q - dmin * min_j
    Q5_K  176 bytes: as Q4_K with 32 bytes of fifth bits before the nibbles
    Q6_K  210 bytes: 128 bytes of low nibbles, 64 of high 2-bit pairs, 16 int8 scales, fp16 d;
          w = d * scale_j * (q - 32)
"""

from __future__ import annotations

import numpy as np
import torch

QK_K = 256
BLOCK_BYTES = {"Q4_0": 18, "Q4_1": 20, "Q8_0": 34, "Q4_K": 144, "Q5_K": 176, "Q6_K": 210}
BLOCK_WEIGHTS = {"Q4_0": 32, "Q4_1": 32, "Q8_0": 32, "Q4_K": QK_K, "Q5_K": QK_K, "Q6_K": QK_K}


CHUNK_BLOCKS = 1 << 18  # blocks dequantised at a time: bounds the temporaries (~0.7 GB for the K-quants)


def dequantize_blocks(data, type_name: str, shape: tuple[int, ...], device: str | torch.device) -> torch.Tensor:
    """float32 weights of `shape` from one GGUF tensor's bytes (`data`: a numpy view of the file), computed on
    `device`, CHUNK_BLOCKS blocks at a time (each copied from the file's pages and uploaded as it is).
    `type_name`: one of BLOCK_BYTES."""
    raw = np.asarray(data).reshape(-1).view(np.uint8)
    size, per_block = BLOCK_BYTES[type_name], BLOCK_WEIGHTS[type_name]
    count = int(np.prod(shape))
    if count % per_block or raw.size != count // per_block * size:
        raise ValueError(f"{type_name} data of {raw.size} bytes is not {'x'.join(map(str, shape))} weights")
    out = torch.empty(count, dtype=torch.float32, device=device)
    for start in range(0, count // per_block, CHUNK_BLOCKS):
        chunk = torch.from_numpy(raw[start * size : (start + CHUNK_BLOCKS) * size].copy()).to(device)
        values = _DEQUANTIZE[type_name](chunk.view(-1, size))
        out[start * per_block : start * per_block + values.numel()] = values.view(-1)
    return out.view(shape)


def _half(blocks: torch.Tensor, start: int) -> torch.Tensor:
    """The fp16 at bytes start..start+2 of each block, as float32 (n, 1)."""
    return blocks[:, start : start + 2].contiguous().view(torch.float16).float()


def _nibbles(packed: torch.Tensor, width: int) -> torch.Tensor:
    """(n, chunks * width) bytes -> (n, chunks * 2, width): each chunk's low nibbles, then its high ones."""
    n = len(packed)
    pairs = packed.view(n, -1, 1, width) >> torch.tensor([0, 4], dtype=torch.uint8, device=packed.device).view(2, 1)
    return (pairs & 0x0F).view(n, -1, width)


def _q4_0(blocks: torch.Tensor) -> torch.Tensor:
    q = _nibbles(blocks[:, 2:], 16).view(len(blocks), -1).to(torch.int8) - 8
    return _half(blocks, 0) * q.float()


def _q4_1(blocks: torch.Tensor) -> torch.Tensor:
    q = _nibbles(blocks[:, 4:], 16).view(len(blocks), -1).float()
    return _half(blocks, 0) * q + _half(blocks, 2)


def _q8_0(blocks: torch.Tensor) -> torch.Tensor:
    return _half(blocks, 0) * blocks[:, 2:].contiguous().view(torch.int8).float()


def _scales_and_mins(packed: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The eight 6-bit sub-block scales and mins of Q4_K/Q5_K from their 12 bytes (n, 12), each (n, 8)."""
    d, m, m_d = packed.view(-1, 3, 4).unbind(1)
    scales = torch.cat([d & 0x3F, (m_d & 0x0F) | ((d >> 2) & 0x30)], dim=-1)
    mins = torch.cat([m & 0x3F, (m_d >> 4) | ((m >> 2) & 0x30)], dim=-1)
    return scales, mins


def _k_quant(blocks: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    """Q4_K/Q5_K: d * scale_j * q - dmin * min_j over (n, 8, 32) values q."""
    n = len(blocks)
    scales, mins = _scales_and_mins(blocks[:, 4:16])
    d = (_half(blocks, 0) * scales.float()).view(n, -1, 1)
    dm = (_half(blocks, 2) * mins.float()).view(n, -1, 1)
    return (d * q.float() - dm).view(n, QK_K)


def _q4_k(blocks: torch.Tensor) -> torch.Tensor:
    return _k_quant(blocks, _nibbles(blocks[:, 16:], 32))


def _q5_k(blocks: torch.Tensor) -> torch.Tensor:
    n = len(blocks)
    low = _nibbles(blocks[:, 48:], 32)
    shifts = torch.arange(8, dtype=torch.uint8, device=blocks.device).view(8, 1)
    high = ((blocks[:, 16:48].reshape(n, 1, 32) >> shifts) & 0x01).view(n, -1, 32)
    return _k_quant(blocks, low | (high << 4))


def _q6_k(blocks: torch.Tensor) -> torch.Tensor:
    n = len(blocks)
    low = _nibbles(blocks[:, :128], 64).view(n, -1, 32)
    shifts = torch.tensor([0, 2, 4, 6], dtype=torch.uint8, device=blocks.device).view(4, 1)
    high = ((blocks[:, 128:192].reshape(n, -1, 1, 32) >> shifts) & 0x03).view(n, -1, 32)
    q = ((low | (high << 4)).to(torch.int8) - 32).view(n, QK_K // 16, -1).float()
    d = (_half(blocks, 208) * blocks[:, 192:208].contiguous().view(torch.int8).float()).view(n, QK_K // 16, 1)
    return (d * q).view(n, QK_K)


_DEQUANTIZE = {"Q4_0": _q4_0, "Q4_1": _q4_1, "Q8_0": _q8_0, "Q4_K": _q4_k, "Q5_K": _q5_k, "Q6_K": _q6_k}
