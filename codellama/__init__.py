"""codellama: run, train, evaluate and serve Llama-family code models."""

__version__ = "0.1.0"
