"""The code data pipeline: sources, filters, dedup, decontamination, tokenised shards, fill-in-the-middle."""
