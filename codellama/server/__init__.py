"""HTTP server: OpenAI- and llama.cpp-compatible endpoints over a continuous-batching scheduler."""
