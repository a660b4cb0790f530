"""Training settings: one dataclass, filled from a recipe (a small TOML file) and command-line overrides."""

from __future__ import annotations

import json
import tomllib
from dataclasses import asdict, dataclass, field, fields
from importlib import resources
from pathlib import Path

RECIPES = Path(__file__).parent / "recipes"


@dataclass
class LoraSettings:
    rank: int = 16
    alpha: float = 32.0
    dropout: float = 0.05
    target_modules: list[str] = field(default_factory=lambda: ["wq", "wk", "wv", "wo", "w1", "w2", "w3"])


@dataclass
class TrainConfig:
    # what to train
    model: str | None = None  # checkpoint to start from: a directory, a .gguf file, or None for the default model
    model_args: dict | None = None  # build a fresh model of this shape instead (tests, benchmarks)
    infill_family: str | None = "starcoder"  # infill tokens to add when the model has none (None: never)
    rope_theta: float | None = None  # a new RoPE base (long-context: 1e6)
    # data: (pipeline output directory, weight) pairs; the mix draws sequences by weight
    data: list[tuple[str, float]] = field(default_factory=list)
    mix: dict[str, float] = field(default_factory=dict)  # a recipe's weights by name: `--data NAME=DIR` uses them
    fim_rate: float = 0.0  # for sources `codellama train` prepares itself (already prepared data keeps its own)
    seq_len: int = 4096
    # optimisation (Code Llama: AdamW (0.9, 0.95), weight decay 0.1, cosine to peak/30, clip 1.0)
    batch_tokens: int = 4 * 2**20  # tokens per optimiser step, over all ranks (accumulation makes it up)
    micro_batch: int = 1  # sequences per rank per forward/backward
    steps: int = 1000
    lr: float = 3e-4
    warmup_steps: int = 100
    final_lr_ratio: float = 1 / 30
    weight_decay: float = 0.1
    betas: tuple[float, float] = (0.9, 0.95)
    grad_clip: float = 1.0
    # machinery
    document_masking: bool = True  # packed documents attend only within themselves (EOS separates them)
    loss_chunk_tokens: int = 4096  # positions whose float32 logits are made at a time (the loss, chunk by chunk)
    max_minutes: float | None = None  # a time budget: the run is fitted to it and stops there, saved and exported
    delta_out: str | None = None  # LoRA runs: also write the compact delta (adapters + new token rows) here
    dtype: str = "auto"  # auto: bfloat16 parameters in compute on GPU (fp32 master weights), float32 on CPU
    activation_checkpointing: bool = False
    compile: bool = False
    lora: LoraSettings | None = None
    seed: int = 0
    out: str = "runs/train"
    log_every: int = 1
    save_every: int = 200
    keep_checkpoints: int = 2
    export: list[str] = field(default_factory=lambda: ["hf"])  # formats written at the end: hf, meta
    peak_tflops: float | None = None  # for MFU; default: the GPU's datasheet bf16 figure, measured on CPU
    warmup_note: str | None = None  # set by load_recipe when --steps scaled the recipe's warm-up (said at start)

    def __post_init__(self) -> None:
        if isinstance(self.lora, dict):
            self.lora = LoraSettings(**self.lora)
        self.betas = tuple(self.betas)
        self.data = [(str(d[0]), float(d[1])) if isinstance(d, (list, tuple)) else (str(d), 1.0) for d in self.data]
        for name in ("seq_len", "batch_tokens", "micro_batch", "steps", "loss_chunk_tokens"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if not 0 <= self.warmup_steps <= self.steps:
            raise ValueError(
                f"warmup_steps ({self.warmup_steps}) must be between 0 and steps ({self.steps}): "
                "lower it (--set warmup_steps=N) or raise --steps"
            )
        if set(self.export) - {"hf", "meta"}:
            raise ValueError(f"export formats are 'hf' and 'meta', got {self.export}")

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_dict(cls, values: dict, where: str = "config") -> TrainConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(
                f"{where}: unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
            )
        return cls(**values)


def recipe_names() -> list[str]:
    """The recipes shipped in codellama/train/recipes/, by name. Read through importlib.resources, so an installed
    package lists its own."""
    folder = resources.files("codellama.train") / "recipes"
    if not folder.is_dir():
        return []
    return sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml"))


def recipe_path(name: str) -> Path:
    path = Path(name)
    if path.suffix == ".toml" and path.exists():
        return path
    path = RECIPES / f"{name}.toml"
    if not path.exists():
        raise ValueError(f"no recipe {name!r}: choose one of {', '.join(recipe_names())}, or give a .toml file")
    return path


def load_recipe(name: str, overrides: dict | None = None) -> TrainConfig:
    """A recipe's settings with `overrides` applied on top."""
    path = recipe_path(name)
    try:
        values = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path}: not valid TOML ({e})") from None
    values.pop("description", None)
    overrides = dict(overrides or {})
    if "steps" in overrides and "warmup_steps" not in overrides:
        overrides.update(scaled_warmup(values, overrides["steps"]))
    return TrainConfig.from_dict({**values, **overrides}, str(path))


def scaled_warmup(recipe: dict, steps: object) -> dict:
    """The recipe's warm-up at the same share of a run of `steps` (a 3-step trial of a 10,000-step recipe
    warms up for 0 steps, not 1,000), with a note saying so; nothing when the share is unchanged."""
    defaults = TrainConfig.__dataclass_fields__
    recipe_steps = recipe.get("steps", defaults["steps"].default)
    recipe_warmup = recipe.get("warmup_steps", defaults["warmup_steps"].default)
    if not isinstance(steps, int) or steps < 1 or steps == recipe_steps or not recipe_warmup:
        return {}
    warmup = min(round(recipe_warmup * steps / recipe_steps), steps - 1)
    note = f"warm-up scaled with --steps: {recipe_warmup} of the recipe's {recipe_steps} steps -> {warmup} of {steps}"
    return {"warmup_steps": warmup, "warmup_note": note}


def parse_override(text: str) -> tuple[str, object]:
    """`key=value` with the value read as TOML (numbers, booleans, lists, quoted strings) or else a string."""
    if "=" not in text:
        raise ValueError(f"--set {text!r}: expected key=value, e.g. --set lr=1e-4")
    key, raw = text.split("=", 1)
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    return key.strip().replace("-", "_"), value
