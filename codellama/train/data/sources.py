"""Where documents come from: local directories, git repositories (tracked files), JSONL and parquet files.

Every document carries its text, the path it came from, the source it belongs to, its
language (by file extension) and its licence (SPDX id, or "unknown"). Sources are read in
a fixed order (sorted paths, file order), so a run can resume by counting documents.
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from codellama.languages import language_of
from codellama.train.data.licenses import UNKNOWN, LicenseFinder, spdx_header

DEFAULT_EXCLUDES = (".*", "__pycache__", "node_modules", "site-packages", "venv")
MAX_READ_BYTES = 4_000_000  # larger files are skipped unread (the quality filter drops anything > 1 MB)


@dataclass
class Document:
    text: str
    path: str
    source: str
    language: str | None
    license: str
    meta: dict = field(default_factory=dict)  # why it could not be read, if it could not

    def record(self) -> dict:
        out = asdict(self)
        out.pop("meta")
        return out


def open_source(spec: str, excludes: tuple[str, ...] = DEFAULT_EXCLUDES) -> Iterator[Document]:
    """Documents of one source: a directory (a git work tree reads its tracked files only), a git URL,
    a .jsonl/.jsonl.gz file or a .parquet file."""
    if spec.startswith(("https://", "http://", "git@", "ssh://")) or spec.endswith(".git") and not Path(spec).exists():
        return _git_url(spec, excludes)
    path = Path(spec)
    if not path.exists():
        raise ValueError(
            f"source {spec!r} does not exist: give a directory, a git repository, or a .jsonl/.parquet file"
        )
    if path.is_dir():
        if (path / ".git").exists():
            return _files(path, _git_tracked(path), spec)
        return _files(path, _walk(path, excludes), spec)
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")):
        return _jsonl(path)
    if name.endswith(".parquet"):
        return _parquet(path)
    raise ValueError(f"source {spec!r}: unknown kind of file; use a directory, a .jsonl(.gz) or a .parquet file")


def _walk(root: Path, excludes: tuple[str, ...]) -> list[Path]:
    files = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(fnmatch.fnmatch(part, pattern) for part in relative.parts for pattern in excludes):
            continue
        if path.is_file() and not path.is_symlink():
            files.append(path)
    return files


def _git_tracked(root: Path) -> list[Path]:
    try:
        out = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        raise ValueError(f"{root}: cannot list the git repository's tracked files ({e})") from None
    return [root / name for name in sorted(out.decode().split("\0")) if name and (root / name).is_file()]


def _git_url(url: str, excludes: tuple[str, ...]) -> Iterator[Document]:
    with tempfile.TemporaryDirectory(prefix="codellama-clone-") as tmp:
        result = subprocess.run(["git", "clone", "--quiet", "--depth", "1", url, tmp], capture_output=True)
        if result.returncode:
            raise ValueError(f"cannot clone {url}: {result.stderr.decode().strip()}")
        for doc in _files(Path(tmp), _git_tracked(Path(tmp)), url):
            doc.path = url + "/" + str(Path(doc.path).relative_to(tmp))
            yield doc


def _files(root: Path, paths: list[Path], spec: str) -> Iterator[Document]:
    licenses = LicenseFinder(root)
    source = str(root.resolve()) if Path(spec).exists() else spec
    for path in paths:
        language = language_of(path.name)
        text, problem = _read_text(path)
        license_id = licenses.for_file(path, text) if text is not None else UNKNOWN
        yield Document(
            text or "", str(path.resolve()), source, language, license_id, {"unreadable": problem} if problem else {}
        )


def _read_text(path: Path) -> tuple[str | None, str | None]:
    """(text, None), or (None, why not): binary, not UTF-8, too large."""
    try:
        if path.stat().st_size > MAX_READ_BYTES:
            return None, "too_large"
        data = path.read_bytes()
    except OSError:
        return None, "unreadable"
    if b"\0" in data[:8192]:
        return None, "binary"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return None, "not_utf8"


def _from_record(record: dict, where: str, source: str) -> Document:
    text = record.get("text", record.get("content"))
    if not isinstance(text, str):
        raise ValueError(f"{where}: each record needs a string 'text' (or 'content') field")
    path = str(record.get("path") or record.get("max_stars_repo_path") or where)
    language = record.get("language") or record.get("lang") or language_of(path)
    license_id = record.get("license") or spdx_header(text) or UNKNOWN
    if isinstance(license_id, list):  # The Stack stores a list of licences
        license_id = " OR ".join(license_id) if license_id else UNKNOWN
    return Document(text, path, source, language.lower() if isinstance(language, str) else None, str(license_id))


def _jsonl(path: Path) -> Iterator[Document]:
    opener = gzip.open if path.name.endswith(".gz") else open
    source = str(path.resolve())
    with opener(path, "rt", encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{number}: not valid JSON ({e})") from None
            yield _from_record(record, f"{path}:{number}", source)


def _parquet(path: Path) -> Iterator[Document]:
    import pyarrow.parquet as pq

    source = str(path.resolve())
    table = pq.ParquetFile(path)
    row = 0
    for batch in table.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            yield _from_record(record, f"{path}#{row}", source)
