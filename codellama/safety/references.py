"""Reference tracker: does generated text copy a document of a known corpus, and under which licence?

The corpus is what the data pipeline keeps (`DIR/documents/*.jsonl`: text, path, license, language, source).

- Exact copies: text is normalised by removing all whitespace (so re-indenting, re-wrapping or changing spaces
  does not hide a copy) and cut into windows of WINDOW normalised characters (about 150 characters of code).
  The index keeps a 64-bit hash of the window starting every STRIDE characters of each document; a check hashes
  the window at every position of the text, so any copied run of WINDOW + STRIDE - 1 normalised characters is
  found, with the source path and licence.
- Near copies: documents are cut into chunks (one per function or class definition, else runs of lines).
  Identifiers are renamed canonically (the first new name in a chunk becomes v0, the next v1...; keywords stay),
  so consistently renamed variables do not hide a copy; each chunk gets a MinHash signature (datasketch) of its
  5-token shingles. A chunk of the text whose signature agrees with an indexed chunk's on at least NEAR_THRESHOLD
  of the permutations (estimated Jaccard similarity) is a near copy (renamed names, edited or dropped lines).

    index = ReferenceIndex.build("corpus_dir", "refs.npz"); index = ReferenceIndex.load("refs.npz")
    index.check(text) -> list[Match]; reference_action(matches, policy) -> Action.ALLOW | ANNOTATE | BLOCK
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from codellama.safety.actions import Action

WINDOW = 80  # normalised (whitespace-free) characters: about 115 characters of ordinary code
STRIDE = 8
NUM_PERM = 64
SHINGLE = 5  # tokens per shingle
NEAR_THRESHOLD = 0.6
MIN_CHUNK_TOKENS = 40  # smaller chunks (one-liners, imports) say nothing about copying
POLICIES = ("off", "annotate", "block")
_TOKEN = re.compile(r"[A-Za-z_]\w*|\d[\w.]*|[^\w\s]")
# Comments are dropped and string literals become one token, so that editing them changes little.
_COMMENT_OR_STRING = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
    r"|#[^\n]*|//[^\n]*|/\*[\s\S]*?\*/"
)
_DEFINITION = re.compile(r"^[ \t]*(async\s+def|def|class|function|func|fn|public|private|protected|static)\b")
KEYWORDS = frozenset(
    "and as assert async await break case catch class const continue def default del do elif else except export "
    "extends false final finally fn for from func function global if impl import in interface is lambda let match "
    "new nonlocal none not null or pass private protected pub public raise return self static struct super switch "
    "this throw throws true try typeof var void while with yield int char float double long bool str list dict "
    "set tuple len range print".split()
)
FORMAT_VERSION = 2


@dataclass(frozen=True)
class Match:
    path: str
    license: str
    kind: str  # "exact-window" | "near"
    similarity: float  # 1.0 for exact windows; estimated Jaccard similarity for near copies
    start: int  # character span of the checked text that matches
    end: int
    snippet: str  # that span, shortened to 200 characters
    source: str = ""  # the corpus's source field (repository, directory...)

    def to_dict(self) -> dict:
        return asdict(self)


def normalise(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and for each kept character its index in the original."""
    kept = [(i, c) for i, c in enumerate(text) if not c.isspace()]
    return "".join(c for _, c in kept), [i for i, _ in kept]


def _window_hash(window: str) -> int:
    return int.from_bytes(hashlib.blake2b(window.encode("utf-8"), digest_size=8).digest(), "little")


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(first line, chunk text) per definition (nested ones too); text without any is cut every 40 lines."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if _DEFINITION.match(line)]
    if not starts:
        starts = list(range(0, len(lines), 40))
    elif starts[0] != 0:
        starts.insert(0, 0)
    for a, b in zip(starts, starts[1:] + [len(lines)]):
        yield a + 1, "\n".join(lines[a:b])


def _literal(m: re.Match) -> str:
    return " " if m.group(0)[0] in "#/" else ' "" '


def _signature(text: str) -> np.ndarray | None:
    """MinHash signature of the text's token shingles; None when too short to judge."""
    from datasketch import MinHash

    names: dict[str, str] = {}
    code = _COMMENT_OR_STRING.sub(_literal, text)
    tokens = [
        t if not (t[0].isalpha() or t[0] == "_") or t.lower() in KEYWORDS else names.setdefault(t, f"v{len(names)}")
        for t in _TOKEN.findall(code)
    ]
    if len(tokens) < MIN_CHUNK_TOKENS:
        return None
    shingles = {" ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)}
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch(list(shingles))
    return m.hashvalues.astype(np.uint64)


def read_documents(corpus: str | Path) -> Iterator[dict]:
    """Documents of a pipeline output: DIR/documents/*.jsonl, a documents directory, or one .jsonl file."""
    corpus = Path(corpus)
    if corpus.is_file():
        files = [corpus]
    elif (corpus / "documents").is_dir():
        files = sorted((corpus / "documents").glob("*.jsonl"))
    elif corpus.is_dir():
        files = sorted(corpus.glob("*.jsonl"))
    else:
        raise ValueError(f"no corpus at {corpus}: give the data pipeline's output directory (with documents/*.jsonl)")
    if not files:
        raise ValueError(f"no documents/*.jsonl under {corpus}: run `codellama data prepare ... --out {corpus}` first")
    for file in files:
        with open(file, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{file}:{number}: not JSON ({e.msg})") from None
                if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                    raise ValueError(f"{file}:{number}: a document needs a 'text' string (and path, license)")
                yield doc


class ReferenceIndex:
    def __init__(
        self,
        documents: list[dict],
        hashes: np.ndarray,
        window_doc: np.ndarray,
        chunk_doc: np.ndarray,
        chunk_line: np.ndarray,
        signatures: np.ndarray,
    ):
        self.documents = documents  # path, license, language, source
        order = np.argsort(hashes, kind="stable")
        self.hashes, self.window_doc = hashes[order], window_doc[order]
        self.chunk_doc, self.chunk_line, self.signatures = chunk_doc, chunk_line, signatures

    @property
    def num_documents(self) -> int:
        return len(self.documents)

    @property
    def num_windows(self) -> int:
        return len(self.hashes)

    @property
    def num_chunks(self) -> int:
        return len(self.chunk_doc)

    @classmethod
    def build(cls, documents_dir: str | Path, out_path: str | Path | None = None) -> ReferenceIndex:
        """Index every document of a corpus (see read_documents); write it to out_path when given."""
        documents, hashes, window_doc, chunk_doc, chunk_line, signatures = [], [], [], [], [], []
        for doc in read_documents(documents_dir):
            doc_id = len(documents)
            documents.append(
                {
                    "path": str(doc.get("path", f"document {doc_id}")),
                    "license": str(doc.get("license") or "unknown"),
                    "language": str(doc.get("language") or ""),
                    "source": str(doc.get("source") or ""),
                }
            )
            norm, _ = normalise(doc["text"])
            for p in range(0, max(len(norm) - WINDOW + 1, 0), STRIDE):
                hashes.append(_window_hash(norm[p : p + WINDOW]))
            window_doc.extend([doc_id] * (len(hashes) - len(window_doc)))
            for line, chunk in _chunks(doc["text"]):
                sig = _signature(chunk)
                if sig is not None:
                    chunk_doc.append(doc_id)
                    chunk_line.append(line)
                    signatures.append(sig)
        if not documents:
            raise ValueError(f"the corpus at {documents_dir} holds no documents")
        index = cls(
            documents,
            np.array(hashes, dtype=np.uint64),
            np.array(window_doc, dtype=np.uint32),
            np.array(chunk_doc, dtype=np.uint32),
            np.array(chunk_line, dtype=np.uint32),
            np.array(signatures, dtype=np.uint64).reshape(-1, NUM_PERM),
        )
        if out_path is not None:
            index.save(out_path)
        return index

    def save(self, path: str | Path) -> None:
        meta = {
            "format": FORMAT_VERSION,
            "window": WINDOW,
            "stride": STRIDE,
            "num_perm": NUM_PERM,
            "shingle": SHINGLE,
            "documents": self.documents,
        }
        with open(path, "wb") as f:  # a file object keeps numpy from appending .npz to the name
            np.savez(
                f,
                meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
                hashes=self.hashes,
                window_doc=self.window_doc,
                chunk_doc=self.chunk_doc,
                chunk_line=self.chunk_line,
                signatures=self.signatures,
            )

    @classmethod
    def load(cls, path: str | Path) -> ReferenceIndex:
        path = Path(path)
        if not path.is_file():
            raise ValueError(f"no reference index at {path}: build one with `codellama refs build CORPUS -o {path}`")
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(bytes(data["meta"]).decode("utf-8"))
                arrays = {k: data[k] for k in ("hashes", "window_doc", "chunk_doc", "chunk_line", "signatures")}
        except (OSError, ValueError, KeyError) as e:
            raise ValueError(f"{path} is not a reference index ({e})") from None
        settings = (
            meta.get("format"),
            meta.get("window"),
            meta.get("stride"),
            meta.get("num_perm"),
            meta.get("shingle"),
        )
        if settings != (FORMAT_VERSION, WINDOW, STRIDE, NUM_PERM, SHINGLE):
            raise ValueError(f"{path} was built with other settings {settings}; rebuild it with `codellama refs build`")
        return cls(
            meta["documents"],
            arrays["hashes"],
            arrays["window_doc"],
            arrays["chunk_doc"],
            arrays["chunk_line"],
            arrays["signatures"],
        )

    def _match(self, doc_id: int, kind: str, similarity: float, start: int, end: int, text: str) -> Match:
        doc = self.documents[doc_id]
        return Match(
            doc["path"], doc["license"], kind, round(similarity, 3), start, end, text[start:end][:200], doc["source"]
        )

    def check(self, text: str, near: bool = True) -> list[Match]:
        """Indexed documents that `text` copies: exact windows first (one match per source and copied run),
        then near copies of chunks not already reported exactly."""
        norm, where = normalise(text)
        matches: list[Match] = []
        exact_docs: set[int] = set()
        if len(norm) >= WINDOW and len(self.hashes):
            query = np.array(
                [_window_hash(norm[q : q + WINDOW]) for q in range(len(norm) - WINDOW + 1)], dtype=np.uint64
            )
            slots = np.minimum(np.searchsorted(self.hashes, query), len(self.hashes) - 1)
            runs: dict[int, list[list[int]]] = {}  # doc -> [[first q, last q], ...]
            for q in np.flatnonzero(self.hashes[slots] == query):
                lo = slots[q]
                hi = np.searchsorted(self.hashes, query[q], side="right")
                for doc_id in {int(d) for d in self.window_doc[lo:hi]}:
                    spans = runs.setdefault(doc_id, [])
                    if spans and q <= spans[-1][1] + WINDOW:
                        spans[-1][1] = int(q)
                    else:
                        spans.append([int(q), int(q)])
            for doc_id, spans in runs.items():
                exact_docs.add(doc_id)
                for first, last in spans:
                    start, end = where[first], where[last + WINDOW - 1] + 1
                    matches.append(self._match(doc_id, "exact-window", 1.0, start, end, text))
        if near and len(self.signatures):
            line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
            for line, chunk in _chunks(text):
                sig = _signature(chunk)
                if sig is None:
                    continue
                agreement = (self.signatures == sig).mean(axis=1)
                row = int(np.argmax(agreement))
                doc_id = int(self.chunk_doc[row])
                if agreement[row] >= NEAR_THRESHOLD and doc_id not in exact_docs:
                    exact_docs.add(doc_id)
                    start = line_starts[line - 1]
                    matches.append(self._match(doc_id, "near", float(agreement[row]), start, start + len(chunk), text))
        return sorted(matches, key=lambda m: (m.start, -m.similarity))

    def check_completion(self, prompt: str, completion: str) -> list[Match]:
        """Matches that reach into the generated text (a copy the user pasted into the prompt is theirs).
        The end of the prompt is included so that a copy continuing the user's text is still seen."""
        context = prompt[-WINDOW * 3 :]
        found = self.check(context + completion)
        return [m for m in found if m.end > len(context)]


def reference_action(matches: list[Match], policy: str = "annotate") -> Action:
    """What to do with a checked output: allow (nothing found or policy off), annotate (report the sources), or
    block (policy block and a copy found)."""
    if policy not in POLICIES:
        raise ValueError(f"unknown reference policy {policy!r}; use one of {', '.join(POLICIES)}")
    if policy == "off" or not matches:
        return Action.ALLOW
    return Action.BLOCK if policy == "block" else Action.ANNOTATE
