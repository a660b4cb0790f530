"""Training: the code data pipeline, fill-in-the-middle, the FSDP2 trainer and its recipes."""
