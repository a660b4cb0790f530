"""Reference tracker: copies with changed whitespace are found with their source and licence, near copies too,
fresh code is not; the index round-trips; `codellama refs build/check`; the data pipeline's output indexes."""

import json
import re
import shutil
import sysconfig
from pathlib import Path

import pytest

from codellama.cli import main
from codellama.safety import references
from codellama.safety.references import ReferenceIndex, normalise, reference_action

STDLIB = Path(sysconfig.get_paths()["stdlib"])
FRESH = '''def merge_intervals(intervals):
    """Merge overlapping [start, end] intervals and return them sorted."""
    ordered = sorted(intervals, key=lambda pair: pair[0])
    merged = []
    for start, end in ordered:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
'''


def _reindent(text: str) -> str:
    """The same code with its whitespace changed: runs of spaces collapsed, tabs after each newline."""
    return re.sub(r" +", " ", text).replace("\n", "\n\t")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A pipeline-shaped corpus: documents/*.jsonl with text, path, license, language, source."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "documents").mkdir()
    docs = [
        {
            "text": (STDLIB / name).read_text(),
            "path": f"Lib/{name}",
            "license": "PSF-2.0",
            "language": "python",
            "source": "cpython",
        }
        for name in ("textwrap.py", "shlex.py", "heapq.py")
    ]
    docs.append(
        {
            "text": FRESH.replace("merge_intervals", "unused") * 0 + "x = 1\n",
            "path": "tiny.py",
            "license": "MIT",
            "language": "python",
            "source": "mine",
        }
    )
    (root / "documents" / "part-00000.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    return root


@pytest.fixture(scope="module")
def index(corpus, tmp_path_factory) -> ReferenceIndex:
    path = tmp_path_factory.mktemp("index") / "refs.npz"
    ReferenceIndex.build(corpus, path)
    return ReferenceIndex.load(path)


def test_a_copied_200_characters_with_changed_whitespace_is_reported_with_file_and_licence(index):
    source = (STDLIB / "shlex.py").read_text()
    start = source.index("def split(")
    copied = _reindent(source[start : start + 200])
    text = "import sys\n\n" + copied + "\n# mine from here\n"
    [match] = index.check(text)
    assert (match.path, match.license, match.kind, match.source) == (
        "Lib/shlex.py",
        "PSF-2.0",
        "exact-window",
        "cpython",
    )
    assert text[match.start : match.end] in copied and match.end - match.start > 150


def test_fresh_code_is_not_reported(index):
    assert index.check(FRESH) == []
    assert index.check("") == []


def test_a_near_copy_with_renamed_names_is_reported_as_near(index):
    source = (STDLIB / "heapq.py").read_text()
    start = source.index("def nsmallest(")
    function = source[start : source.index("\ndef ", start + 10)]
    renamed = function.replace("iterable", "items").replace("result", "out").replace("key", "keyfn")
    renamed = re.sub(r"\n\s*#[^\n]*", "", renamed)  # and comments dropped
    [match] = index.check(renamed)
    assert (match.path, match.kind, match.license) == ("Lib/heapq.py", "near", "PSF-2.0")
    assert match.similarity >= references.NEAR_THRESHOLD and renamed[match.start : match.end] in renamed
    assert index.check(renamed, near=False) == []  # no run of it is an exact copy: only the near search finds it


def test_check_without_near_reports_exact_copies_only(index):
    source = (STDLIB / "shlex.py").read_text()
    start = source.index("def split(")
    copied = _reindent(source[start : start + 200])
    assert [m.kind for m in index.check(copied, near=False)] == ["exact-window"]


def test_the_shortest_copy_always_found_is_window_plus_stride_minus_one(index):
    """Windows of WINDOW normalised characters are indexed every STRIDE: a copied run of WINDOW + STRIDE - 1
    contains one wherever it starts; one character less is missed when it starts just after a window does."""
    shortest = references.WINDOW + references.STRIDE - 1
    assert shortest == 87  # about 115 characters of ordinary code
    source = (STDLIB / "textwrap.py").read_text()
    norm, where = normalise(source)
    base = norm.index("defdedent(")  # some position; the windows start at multiples of STRIDE
    for offset in range(base - base % 8, base - base % 8 + 2 * references.STRIDE):
        copy = source[where[offset] : where[offset + shortest - 1] + 1]
        found = index.check(copy, near=False)
        assert [m.path for m in found] == ["Lib/textwrap.py"], offset
        assert len(normalise(copy[found[0].start : found[0].end])[0]) >= references.WINDOW
    aligned = base - base % 8
    one_short = shortest - 1
    late = source[where[aligned + 1] : where[aligned + 1 + one_short - 1] + 1]  # starts 1 past a window's start
    assert index.check(late, near=False) == []
    early = source[where[aligned] : where[aligned + one_short - 1] + 1]  # holds the window at `aligned`
    assert [m.path for m in index.check(early, near=False)] == ["Lib/textwrap.py"]


def test_an_index_built_with_other_settings_is_refused(corpus, tmp_path, monkeypatch):
    path = tmp_path / "refs.npz"
    ReferenceIndex.build(corpus, path)
    monkeypatch.setattr(references, "WINDOW", references.WINDOW * 2)
    with pytest.raises(ValueError, match=r"built with other settings .*rebuild it with `codellama refs build`"):
        ReferenceIndex.load(path)
    monkeypatch.undo()
    monkeypatch.setattr(references, "FORMAT_VERSION", references.FORMAT_VERSION + 1)
    with pytest.raises(ValueError, match="built with other settings"):
        ReferenceIndex.load(path)
    monkeypatch.undo()
    assert ReferenceIndex.load(path).num_documents == 4


GO = """package ring

// Buffer is a fixed-size ring of integers.
type Buffer struct {
\tdata  []int
\thead  int
\tcount int
}

func NewBuffer(size int) *Buffer {
\treturn &Buffer{data: make([]int, size)}
}

func (b *Buffer) Push(value int) bool {
\tif b.count == len(b.data) {
\t\treturn false
\t}
\tslot := (b.head + b.count) % len(b.data)
\tb.data[slot] = value
\tb.count++
\treturn true
}

func (b *Buffer) Pop() (int, bool) {
\tif b.count == 0 {
\t\treturn 0, false
\t}
\tvalue := b.data[b.head]
\tb.head = (b.head + 1) % len(b.data)
\tb.count--
\treturn value, true
}
"""


def test_non_python_code_is_chunked_by_its_definitions_and_near_copies_found(tmp_path):
    starts = [line for line, _ in references._chunks(GO)]
    assert starts == [1, 10, 14, 24]  # the package header, then each func
    plain = "\n".join(f"VALUE_{i} = {i}" for i in range(100))
    assert [line for line, _ in references._chunks(plain)] == [1, 41, 81]  # no definitions: 40-line runs
    (tmp_path / "documents").mkdir()
    doc = {"text": GO, "path": "ring/buffer.go", "license": "Apache-2.0", "language": "go", "source": "vendor"}
    (tmp_path / "documents" / "a.jsonl").write_text(json.dumps(doc) + "\n")
    index = ReferenceIndex.build(tmp_path)
    pop = GO[GO.index("func (b *Buffer) Pop") :]
    renamed = pop.replace("value", "item").replace("count", "size").replace("head", "front").replace("b.", "q.")
    renamed = renamed.replace("(b *", "(q *")
    [match] = index.check(renamed)
    assert (match.path, match.kind, match.license) == ("ring/buffer.go", "near", "Apache-2.0")
    assert index.check(renamed, near=False) == []


def test_only_copies_reaching_into_the_completion_count(index):
    source = (STDLIB / "textwrap.py").read_text()
    start = source.index("def dedent(")
    prompt = source[start : start + 400] + "\n\n"
    assert index.check_completion(prompt, FRESH) == []
    [match] = index.check_completion("# helpers\n", source[start : start + 300])
    assert match.path == "Lib/textwrap.py"


def test_policy_actions():
    assert reference_action([], "block") == "allow"
    fake = ["a match"]
    assert reference_action(fake) == "annotate" and reference_action(fake, "block") == "block"
    assert reference_action(fake, "off") == "allow"
    with pytest.raises(ValueError, match="unknown reference policy"):
        reference_action(fake, "strict")


def test_bad_inputs_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="no corpus at"):
        ReferenceIndex.build(tmp_path / "missing")
    (tmp_path / "documents").mkdir()
    with pytest.raises(ValueError, match="run `codellama data prepare"):
        ReferenceIndex.build(tmp_path)
    (tmp_path / "documents" / "a.jsonl").write_text('{"path": "x"}\n')
    with pytest.raises(ValueError, match="a.jsonl:1: a document needs a 'text'"):
        ReferenceIndex.build(tmp_path)
    (tmp_path / "not-an-index.npz").write_text("hello")
    with pytest.raises(ValueError, match="is not a reference index"):
        ReferenceIndex.load(tmp_path / "not-an-index.npz")


def test_refs_commands(corpus, tmp_path, capsys):
    out = tmp_path / "refs.npz"
    assert main(["refs", "build", str(corpus), "-o", str(out)]) == 0
    assert "indexed 4 documents" in capsys.readouterr().out
    copied = tmp_path / "copied.py"
    copied.write_text(_reindent((STDLIB / "textwrap.py").read_text()[2000:2300]))
    with pytest.raises(SystemExit) as exit_info:
        main(["refs", "check", str(copied), "--index", str(out), "--json"])
    [match] = json.loads(capsys.readouterr().out)
    assert exit_info.value.code == 1 and match["path"] == "Lib/textwrap.py" and match["license"] == "PSF-2.0"
    fresh = tmp_path / "fresh.py"
    fresh.write_text(FRESH)
    with pytest.raises(SystemExit) as exit_info:
        main(["refs", "check", str(fresh), "--index", str(out)])
    assert exit_info.value.code == 0 and "no copied source found" in capsys.readouterr().out


@pytest.mark.slow
def test_stdlib_files_through_the_data_pipeline(tmp_path, capsys):
    """`codellama data prepare` over stdlib files with their LICENSE.txt, then refs build and check."""
    lib = tmp_path / "lib"
    lib.mkdir()
    for name in ("textwrap.py", "bisect.py", "LICENSE.txt"):
        shutil.copy(STDLIB / name, lib / name)
    assert main(["data", "prepare", str(lib), "--out", str(tmp_path / "corpus")]) == 0
    index = ReferenceIndex.build(tmp_path / "corpus")
    source = (STDLIB / "bisect.py").read_text()
    copied = _reindent(source[source.index("def insort_right") :][:200])
    [match] = index.check("x = 0\n" + copied)
    assert match.path.endswith("bisect.py") and match.license == "PSF-2.0"
    assert index.check(FRESH) == []
