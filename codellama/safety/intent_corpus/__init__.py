"""Sources of the request guard's training corpus, written for this project (MIT, like the repository).

One module per language holds request openers and, per harm category, clauses describing what requested code
would do: malicious behaviours and their legitimate neighbours (same vocabulary, the user's own data, defence,
explanation, consent). `build.py` combines them deterministically into `codellama/safety/data/intent_corpus.jsonl`.
"""

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "ru", "zh", "ja", "pl", "tr", "nl", "ko", "ar", "hi", "vi", "id")
CATEGORIES = (
    "ransomware",
    "keylogger",
    "credential_theft",
    "self_spreading",
    "wiper",
    "evasion",
    "dos",
    "exfiltration",
    "backdoor",
    "cryptojacking",
    "spyware",
    "account_takeover",
)
# Harms named by the second independent set (heldout14b), written only as whole requests (no clause tables).
WHOLE_ONLY_CATEGORIES = ("fraud", "doxxing")
