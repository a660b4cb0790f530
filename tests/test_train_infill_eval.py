"""The quick FIM check (train/infill_eval.py) and the throughput figures (train/metrics.py), against values
worked out here: an oracle's loss is zero exactly where it is right, a uniform model's is log V."""

from __future__ import annotations

import math

import pytest
import torch

from codellama.model import ModelArgs, Transformer
from codellama.train.data.fim import FIMConfig, transform
from codellama.train.infill_eval import chunks, middle_loss, single_line_exact_match
from codellama.train.infill_tokens import add_infill_tokens, prepare_for_infill
from codellama.train.metrics import decode_flops_per_token, flops_per_token, measured_matmul_flops, peak_flops
from tests.support.models import tiny_model

TEXTS = [
    "def add(a, b):\n    total = a + b\n    return total\n",
    "class Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n",
    "for i in range(3):\n    print(i)\n",
]


@pytest.fixture(scope="module")
def fim_tokenizer(smol_tokenizer):
    return add_infill_tokens(smol_tokenizer)


class Oracle(torch.nn.Module):
    """Logits that put all the mass on the true next token at the positions `right(t, ids)` says, and are
    uniform elsewhere. It remembers the documents it is shown (one at a time) to know the true next token."""

    def __init__(self, vocab: int, right):
        super().__init__()
        self.vocab, self.right = vocab, right

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        ids = tokens[0].tolist()
        logits = torch.zeros(1, len(ids), self.vocab)
        for t in range(len(ids) - 1):
            if self.right(t, ids):
                logits[0, t, ids[t + 1]] = 1e4
        return logits


def test_middle_loss_scores_exactly_the_middle_and_its_end(fim_tokenizer):
    middle = fim_tokenizer.infill.middle
    vocab = fim_tokenizer.vocab_size
    after_middle = Oracle(vocab, lambda t, ids: t >= ids.index(middle))  # predicts every token after <MID>
    before_middle = Oracle(vocab, lambda t, ids: t < ids.index(middle))  # right on the prefix/suffix only
    from_middle_on_but_one = Oracle(vocab, lambda t, ids: t > ids.index(middle))  # misses the first middle token
    assert middle_loss(after_middle, fim_tokenizer, TEXTS) == pytest.approx(0.0, abs=1e-6)
    assert middle_loss(before_middle, fim_tokenizer, TEXTS) == pytest.approx(math.log(vocab), rel=1e-6)
    counted = sum(
        len(ids) - ids.index(middle) - 1
        for n, text in enumerate(TEXTS)
        for ids, kind in [transform(fim_tokenizer, text, FIMConfig(rate=1.0, context=512, seed=n))]
    )
    assert middle_loss(from_middle_on_but_one, fim_tokenizer, TEXTS) == pytest.approx(
        len(TEXTS) * math.log(vocab) / counted, rel=1e-6
    )


def test_middle_loss_of_a_real_model_is_its_cross_entropy_on_the_middle(fim_tokenizer):
    model = tiny_model(vocab_size=fim_tokenizer.vocab_size, max_seq_len=512)
    total, count = 0.0, 0
    for n, text in enumerate(TEXTS):
        ids, _ = transform(fim_tokenizer, text, FIMConfig(rate=1.0, context=512, seed=n))
        start = ids.index(fim_tokenizer.infill.middle) + 1
        with torch.no_grad():
            log_probs = torch.log_softmax(model(torch.tensor([ids]))[0].double(), -1)
        total -= sum(float(log_probs[t - 1, ids[t]]) for t in range(start, len(ids)))
        count += len(ids) - start
    assert middle_loss(model, fim_tokenizer, TEXTS) == pytest.approx(total / count, rel=1e-4)


class PerfectInfiller:
    """Answers each hole from the document it was cut from: right only if the prompt's pieces are."""

    def __init__(self, texts):
        self.texts = texts

    def infill(self, prefix, suffix, params):
        from types import SimpleNamespace

        for text in self.texts:
            lines = text.splitlines(keepends=True)
            for i, line in enumerate(lines):
                indent = line[: len(line) - len(line.lstrip())]
                if prefix == "".join(lines[:i]) + indent and suffix == "\n" + "".join(lines[i + 1 :]):
                    return SimpleNamespace(middle=line.strip())
        return SimpleNamespace(middle="wrong")


def test_single_line_exact_match_counts_the_right_lines(fim_tokenizer):
    assert single_line_exact_match(PerfectInfiller(TEXTS), TEXTS) == 1.0
    assert single_line_exact_match(PerfectInfiller(TEXTS[:1]), TEXTS) == pytest.approx(1 / 3)
    # once for real, through Generator.infill on a tiny model with infill tokens
    from codellama.generation import Generator

    model = tiny_model(max_seq_len=512)
    tokenizer = prepare_for_infill(model, fim_tokenizer)
    score = single_line_exact_match(Generator(model, tokenizer), TEXTS[:2])
    assert score in (0.0, 0.5, 1.0)


def test_chunks_cut_files_into_line_blocks_in_a_seeded_order(tmp_path):
    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    (tmp_path / "pkg" / "__pycache__" / "cached.py").write_text("x = 1\n")
    (tmp_path / "pkg" / "long.py").write_text("".join(f"line_{i} = {i}\n" for i in range(70)))
    (tmp_path / "short.py").write_text("y = 2\n\n\n")
    (tmp_path / "notes.txt").write_text("not python\n")
    pieces = chunks(tmp_path, lines=30)
    expected = ["".join(f"line_{i} = {i}\n" for i in range(a, min(a + 30, 70))) for a in (0, 30, 60)]
    assert sorted(pieces) == sorted([*expected, "y = 2\n\n\n"])
    assert chunks(tmp_path, lines=30) == pieces and chunks(tmp_path, lines=30, limit=2) == pieces[:2]


@pytest.mark.parametrize("tied", [False, True])
def test_flops_per_token_counts_six_per_matmul_weight_and_the_attention(tied):
    args = ModelArgs(
        dim=64, n_layers=3, n_heads=4, n_kv_heads=2, vocab_size=500, ffn_hidden_dim=96, tie_embeddings=tied
    )
    model = Transformer(args)
    # every weight a token passes through in a matmul: all but the embedding lookup (tied: the lookup's table
    # is also the output projection, which is a matmul)
    matmul = sum(p.numel() for name, p in model.named_parameters() if name != "tok_embeddings.weight")
    if tied:
        matmul += args.vocab_size * args.dim
    attention = 12 * 3 * 4 * 16 * 256  # PaLM: 12 x layers x heads x head size x sequence length
    assert flops_per_token(args, 256) == 6 * matmul + attention
    # a generated token: the forward alone, with its query against the cached keys and values
    assert decode_flops_per_token(args, 256) == 2 * matmul + attention // 3


def test_peak_flops_given_or_measured():
    assert peak_flops(torch.device("cpu"), 0.5) == (0.5e12, "given")
    measured, source = peak_flops(torch.device("cpu"))
    assert "measured" in source and measured > 1e8  # any CPU multiplies faster than 0.1 GFLOP/s
    assert measured_matmul_flops(n=64, repeats=3) > 0
