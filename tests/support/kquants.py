"""K-quant quantisers for the GGUF tests (llama.cpp's block_q4_K / block_q5_K / block_q6_K).

The `gguf` package can quantise F32, F16, BF16, Q8_0, Q4_0/1 and Q5_0/1 (`gguf.quants.quantize`) but only
dequantise the K-quants, so the quantisers below were written from the block layouts of llama.cpp's
ggml-quants.c (`quantize_row_q4_K_ref` and friends), not from gguf's dequantiser: a round trip through
both checks each against the other. `encode` picks ours or gguf's for a type.
"""

from __future__ import annotations

import gguf
import numpy as np
from gguf import GGMLQuantizationType as Q

QK_K = 256  # K-quant super-block


def _fp16_at_least(x: np.ndarray) -> np.ndarray:
    """x (>= 0) as float16, rounded up so that a scale derived from it never falls short."""
    h = np.asarray(x, dtype=np.float32).astype(np.float16)
    low = h.astype(np.float32) < x
    h[low] = np.nextafter(h[low], np.float16(np.inf))
    return h


def _nonzero(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x, 1)


def _quantize_k_affine(x: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Q4_K/Q5_K: 8 sub-blocks of 32, value = d*sc[j]*q - dmin*m[j], q in [0, 2**bits), sc/m 6-bit.

    Returns (d f16 (n,), dmin f16 (n,), packed scales (n, 12) uint8, q (n, 8, 32) uint8)."""
    qmax = 2**bits - 1
    n = x.shape[0]
    sub = x.reshape(n, 8, 32).astype(np.float32)
    neg_min = -np.minimum(sub.min(-1), 0)  # (n, 8), >= 0: the offset each sub-block needs
    hi = np.maximum(sub.max(-1), 0)
    dmin = _fp16_at_least(neg_min.max(-1) / 63)
    m = np.ceil(neg_min / _nonzero(dmin.astype(np.float32))[:, None]).clip(0, 63)
    offset = dmin.astype(np.float32)[:, None] * m  # >= neg_min: the lowest value is reachable
    step_needed = (hi + offset) / qmax  # so that q = qmax reaches the highest value
    d = _fp16_at_least(step_needed.max(-1) / 63)
    sc = np.ceil(step_needed / _nonzero(d.astype(np.float32))[:, None]).clip(0, 63)
    step = d.astype(np.float32)[:, None] * sc
    q = np.round((sub + offset[..., None]) / _nonzero(step)[..., None]).clip(0, qmax).astype(np.uint8)
    sc, m = sc.astype(np.uint8), m.astype(np.uint8)
    scales = np.empty((n, 12), dtype=np.uint8)
    # sub-blocks 0-3: 6 bits in bytes 0-3 (scales) and 4-7 (mins); sub-blocks 4-7: low 4 bits in
    # bytes 8-11 (scale low nibble, min high nibble), top 2 bits in the top bits of bytes 0-7
    scales[:, 0:4] = sc[:, :4] | ((sc[:, 4:] >> 4) << 6)
    scales[:, 4:8] = m[:, :4] | ((m[:, 4:] >> 4) << 6)
    scales[:, 8:12] = (sc[:, 4:] & 0xF) | ((m[:, 4:] & 0xF) << 4)
    return d, dmin, scales, q


def _f16_bytes(h: np.ndarray) -> np.ndarray:
    return h.astype("<f2").view(np.uint8).reshape(-1, 2)


def quantize_q4_k(x: np.ndarray) -> np.ndarray:
    """block_q4_K (144 bytes): d, dmin (f16), scales[12], qs[128]; qs[32*i + l] holds sub-block 2i's
    element l in its low nibble and sub-block 2i+1's in its high nibble."""
    rows, cols = x.shape
    d, dmin, scales, q = _quantize_k_affine(x.reshape(-1, QK_K), 4)
    pairs = q.reshape(-1, 4, 2, 32)
    qs = (pairs[:, :, 0] | (pairs[:, :, 1] << 4)).reshape(-1, 128)
    blocks = np.concatenate([_f16_bytes(d), _f16_bytes(dmin), scales, qs], axis=1)
    assert blocks.shape[1] == 144
    return blocks.reshape(rows, cols // QK_K * 144)


def quantize_q5_k(x: np.ndarray) -> np.ndarray:
    """block_q5_K (176 bytes): d, dmin, scales[12], qh[32], qs[128]; the low 4 bits as in Q4_K,
    bit j of qh[l] is the fifth bit of sub-block j's element l."""
    rows, cols = x.shape
    d, dmin, scales, q = _quantize_k_affine(x.reshape(-1, QK_K), 5)
    low = q & 0xF
    pairs = low.reshape(-1, 4, 2, 32)
    qs = (pairs[:, :, 0] | (pairs[:, :, 1] << 4)).reshape(-1, 128)
    qh = np.zeros((q.shape[0], 32), dtype=np.uint8)
    for j in range(8):
        qh |= (q[:, j] >> 4) << j
    blocks = np.concatenate([_f16_bytes(d), _f16_bytes(dmin), scales, qh, qs], axis=1)
    assert blocks.shape[1] == 176
    return blocks.reshape(rows, cols // QK_K * 176)


def quantize_q6_k(x: np.ndarray) -> np.ndarray:
    """block_q6_K (210 bytes): ql[128], qh[64], scales[16] (int8), d (f16); 16 sub-blocks of 16,
    value = d*scales[j]*(q - 32), q 6-bit. Per 128-value half h and l < 32: ql[64h+l] holds
    elements l (low nibble) and l+64 (high); ql[64h+32+l] elements l+32 and l+96; qh[32h+l]
    the top 2 bits of elements l, l+32, l+64, l+96 at bits 0, 2, 4, 6."""
    rows, cols = x.shape
    sub = x.reshape(-1, 16, 16).astype(np.float32)  # (super-blocks, sub-blocks, values)
    n = sub.shape[0]
    step_needed = np.abs(sub).max(-1) / 31  # q - 32 in [-31, 31]
    d = _fp16_at_least(step_needed.max(-1) / 127)
    sc = np.ceil(step_needed / _nonzero(d.astype(np.float32))[:, None]).clip(0, 127)
    step = d.astype(np.float32)[:, None] * sc
    q = (np.round(sub / _nonzero(step)[..., None]).clip(-32, 31) + 32).astype(np.uint8)
    quarters = q.reshape(n, 2, 4, 32)  # [half, which 32-value quarter, l]
    ql = np.concatenate(
        [
            (quarters[:, :, 0] & 0xF) | ((quarters[:, :, 2] & 0xF) << 4),
            (quarters[:, :, 1] & 0xF) | ((quarters[:, :, 3] & 0xF) << 4),
        ],
        axis=2,
    ).reshape(n, 128)
    qh = sum((quarters[:, :, k] >> 4) << (2 * k) for k in range(4)).astype(np.uint8).reshape(n, 64)
    blocks = np.concatenate([ql, qh, sc.astype(np.int8).view(np.uint8), _f16_bytes(d)], axis=1)
    assert blocks.shape[1] == 210
    return blocks.reshape(rows, cols // QK_K * 210)


OUR_QUANTIZERS = {Q.Q4_K: quantize_q4_k, Q.Q5_K: quantize_q5_k, Q.Q6_K: quantize_q6_k}


def encode(w: np.ndarray, qtype: Q) -> np.ndarray:
    """The bytes (or F32/F16 array) GGUF stores for float weights `w` in `qtype`."""
    if qtype in OUR_QUANTIZERS:
        return OUR_QUANTIZERS[qtype](w)
    return gguf.quants.quantize(w, qtype)
