"""Tiny random models built in memory: ours (`tiny_model`) and Hugging Face ones saved to a folder (`make_hf_model`)."""

from __future__ import annotations

import torch

from codellama.model import ModelArgs, Transformer


def tiny_args(**overrides) -> ModelArgs:
    base = dict(
        dim=64,
        n_layers=2,
        n_heads=4,
        n_kv_heads=2,
        vocab_size=49152,
        ffn_hidden_dim=128,
        rope_theta=10_000.0,
        max_seq_len=512,
        norm_eps=1e-5,
    )
    return ModelArgs(**{**base, **overrides})


def tiny_model(seed: int = 0, **overrides) -> Transformer:
    torch.manual_seed(seed)
    model = Transformer(tiny_args(**overrides))
    with torch.no_grad():  # larger-than-default weights give peaked, varied distributions
        for p in model.parameters():
            p.normal_(0, 0.3 if p.dim() > 1 else 0.05).add_(1.0 if p.dim() == 1 else 0.0)
    return model.eval()


# transformers models (the callers skip when transformers is missing)
HF_TINY = dict(
    hidden_size=64,
    intermediate_size=96,
    num_hidden_layers=2,
    num_attention_heads=4,
    vocab_size=300,
    max_position_embeddings=256,
    rms_norm_eps=1e-5,
)
VARIANTS = {
    "llama-gqa": ("llama", dict(num_key_value_heads=2, rope_theta=10_000.0)),
    "llama-tied": ("llama", dict(num_key_value_heads=4, tie_word_embeddings=True, rope_theta=1_000_000.0)),
    "llama-linear-rope": ("llama", dict(num_key_value_heads=1, rope_scaling={"rope_type": "linear", "factor": 4.0})),
    "qwen2-bias-tied": ("qwen2", dict(num_key_value_heads=2, tie_word_embeddings=True, rope_theta=1_000_000.0)),
}


def make_hf_model(variant: str, directory, seed: int = 0):
    import transformers

    model_type, extra = VARIANTS[variant]
    torch.manual_seed(seed)
    if model_type == "llama":
        config = transformers.LlamaConfig(**HF_TINY, **extra)
        model = transformers.LlamaForCausalLM(config)
    else:
        config = transformers.Qwen2Config(**HF_TINY, **extra)
        model = transformers.Qwen2ForCausalLM(config)
    with torch.no_grad():  # random biases too (they are zero-initialised), and larger weights
        for name, p in model.named_parameters():
            if name.endswith("bias"):
                p.normal_(0, 0.5)
            elif p.dim() == 2:
                p.normal_(0, 0.2)
    model.eval().save_pretrained(directory)
    return model


class ScriptedModel(Transformer):
    """A real Transformer (same cache and batching machinery) whose logits spell out `script`, then
    end-of-sequence, after a prompt of `prompt_length` tokens, whatever it is fed: what a model writes, made certain."""

    def __init__(self, script: list[int], prompt_length: int, eos: int, **overrides):
        super().__init__(tiny_args(**overrides))
        self.script = torch.tensor(script + [eos])
        self.prompt_length = prompt_length

    def forward(self, tokens, positions=None, output_index=None, row_offset=0, kv_len=None):
        B, T = tokens.shape
        if positions is None:
            positions = torch.arange(T).expand(B, T)
        if output_index is not None:
            positions = positions[torch.arange(B), output_index][:, None]
        step = (positions - self.prompt_length + 1).clamp(0, len(self.script) - 1)
        logits = torch.full((*positions.shape, self.args.vocab_size), -20.0)
        return logits.scatter(-1, self.script[step][..., None], 20.0)
