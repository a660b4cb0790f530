"""Guard rails: malicious-intent requests, insecure code in outputs, reference tracking of licensed code."""
