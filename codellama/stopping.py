"""Turning generated tokens into text: incremental decoding, stop strings, code-aware stops.

`TextTracker` is fed one token at a time and hands back the text that is safe to
show: never half a UTF-8 character, never text that a stop string will later
remove (a possible start of a stop string is held back until it is decided).
"""

from __future__ import annotations

import re

from codellama.languages import language_of
from codellama.tokenizer import Tokenizer

BRACE_LANGUAGES = {
    "c",
    "cpp",
    "c++",
    "java",
    "javascript",
    "js",
    "typescript",
    "ts",
    "go",
    "rust",
    "csharp",
    "c#",
    "cs",
    "php",
    "kotlin",
    "swift",
    "scala",
}
CODE_STOP_LANGUAGES = {"python", "py"} | BRACE_LANGUAGES


def guess_language(prompt: str, filename: str | None = None) -> str | None:
    """The language of a code prompt, for code-aware stops; None when it does not look like code.
    A file name whose language has code-aware stops decides; otherwise the prompt's look does."""
    if filename and (language := language_of(filename)) in CODE_STOP_LANGUAGES:
        return language
    if re.search(r"^[ \t]*(?:async\s+def|def|class)\s+\w+.*:\s*$", prompt, re.M):
        return "python"
    if re.search(r"\)\s*(?:->\s*[\w<>\[\], ]+)?\s*\{", prompt):  # a function signature opening a brace block
        return "c"
    return None


class CodeStop:
    """Stops a completion at the end of the function (or block) being written.

    Python: the block is fixed by the completion's first line: a `def`/`class` it opens
    itself, else the `def`/`class` (or block header) of the prompt that encloses it;
    the completion ends before the first later line indented no deeper than that
    header (lines inside triple-quoted strings do not count). Brace languages: the `}`
    that closes the outermost block the prompt opened, or the first block the
    completion opens; only complete lines are judged, so a `}` in a string that is
    still being written does not count.
    """

    def __init__(self, language: str, prompt: str):
        language = language.lower()
        if language not in CODE_STOP_LANGUAGES:
            known = ", ".join(sorted(CODE_STOP_LANGUAGES))
            raise ValueError(f"no code-aware stop for language {language!r}; known: {known}")
        self.python = language in ("python", "py")
        self.prompt = prompt
        # what each token's check reads of the prompt, found once (a long prompt is not rescanned per token)
        self.prompt_last_line = prompt.rsplit("\n", 1)[-1]
        self.prompt_quotes, self.quote_tails = _triple_quotes(prompt)
        self.headers: dict[int, int | None] = {}  # indentation -> _enclosing_header(prompt, indentation)
        if not self.python:
            self.braces = _RUST_TOKENS if language in ("rust", "rs") else _BRACE_TOKENS
            self.depth = _brace_depth(prompt, self.braces)

    def cut(self, text: str) -> int | None:
        """Where to cut the generated `text`, if it has left the block; None to go on."""
        return self._cut_python(text) if self.python else self._cut_braces(text)

    def _cut_python(self, text: str) -> int | None:
        # the first line of the completion: the prompt's unfinished last line plus its start
        head = self.prompt_last_line
        lines = text.split("\n")
        first = 0
        while first < len(lines) - 1 and not (head + lines[first]).strip():
            head, first = "", first + 1  # blank lines before the first statement
        line = head + lines[first]
        if not line.strip() or first == len(lines) - 1:
            return None  # the first statement's indentation is not known yet
        indent = _indent(line)
        if _PY_HEADER.match(line):
            block = indent  # the completion opens a function or class of its own
        else:
            if indent not in self.headers:
                self.headers[indent] = _enclosing_header(self.prompt, indent)
            block = self.headers[indent]
            if block is None:
                return None
        offset = sum(len(x) + 1 for x in lines[: first + 1])
        start = text[:offset]
        quotes = self.prompt_quotes + sum((tail + start).count(q) for q, tail in self.quote_tails.items())
        for later in lines[first + 1 :]:
            inside_string = quotes % 2 == 1
            if later.strip() and not inside_string and _indent(later) <= block:
                return offset
            quotes += later.count('"""') + later.count("'''")
            offset += len(later) + 1
        return None

    def _cut_braces(self, text: str) -> int | None:
        complete = text[: text.rfind("\n") + 1]  # judge whole lines only
        depth = self.depth
        opened = depth > 0
        for m in self.braces.finditer(complete):
            token = m.group()
            if token == "{":
                depth += 1
                opened = True
            elif token == "}":
                depth -= 1
                if opened and depth <= 0:
                    return m.end()
        return None


_PY_HEADER = re.compile(r"^[ \t]*(?:async\s+def|def|class)\b")


def _indent(line: str) -> int:
    return len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(4))


def _triple_quotes(prompt: str) -> tuple[int, dict[str, str]]:
    """How many triple quotes `prompt` holds (both kinds), and for each kind the tail of it (at most two
    characters) that a count over `prompt + text` must read again: str.count matches left to right without
    overlapping, so past the end of the prompt's last match only a match through its last two characters can
    be new. count(prompt + text, q) == count(prompt, q) + count(tails[q] + text, q) for each kind q."""
    total, tails = 0, {}
    for quote in _TRIPLE_QUOTES:
        end, found = 0, prompt.find(quote)
        while found >= 0:
            total, end = total + 1, found + len(quote)
            found = prompt.find(quote, end)
        tails[quote] = prompt[max(end, len(prompt) - 2) :]
    return total, tails


_TRIPLE_QUOTES = ('"""', "'''")


def _enclosing_header(prompt: str, indent: int) -> int | None:
    """Indentation of the last def/class (else block header) of the prompt shallower than `indent`."""
    for pattern in (_PY_HEADER, re.compile(r"^[ \t]*\S.*:\s*(#.*)?$")):
        depths = [_indent(line) for line in prompt.split("\n") if pattern.match(line) and _indent(line) < indent]
        if depths:
            return depths[-1]
    return None


# strings, comments and braces; braces inside strings and comments do not count
_BRACE_TOKENS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|//[^\n]*|/\*.*?\*/|[{}]', re.S)
# Rust: 'a is a lifetime; only one-character literals ('x', '\n') are quoted
_RUST_TOKENS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.[^\']*|[^\'\\\n])\'|//[^\n]*|/\*.*?\*/|[{}]', re.S)


def _brace_depth(prompt: str, tokens: re.Pattern = _BRACE_TOKENS) -> int:
    depth = 0
    for m in tokens.finditer(prompt):
        depth += {"{": 1, "}": -1}.get(m.group(), 0)
    return max(depth, 0)


class TextTracker:
    """Incremental detokenisation of one sequence, with stop strings and code stops."""

    def __init__(
        self, tokenizer: Tokenizer, stop: list[str] | None = None, code_stop: CodeStop | None = None, hidden: str = ""
    ):
        self.tokenizer = tokenizer
        self.stop = [s for s in (stop or []) if s]
        self.code_stop = code_stop
        self.tokens: list[int] = []
        self.text = ""  # all decoded text so far (may run past a stop until it is cut)
        self.hidden = len(hidden)  # leading text that belongs to the prompt (token healing)
        self.shown = self.hidden  # characters of self.text handed out
        self.stopped = False
        self._prefix_offset = 0  # tokens before this are decoded into self.text for good
        self._read_offset = 0

    def push(self, token_id: int) -> str:
        """Add a generated token; return the newly showable text ('' if none yet)."""
        self.tokens.append(token_id)
        prefix = self.tokenizer.decode_continuation(self.tokens[self._prefix_offset : self._read_offset])
        full = self.tokenizer.decode_continuation(self.tokens[self._prefix_offset :])
        if len(full) > len(prefix) and not full.endswith("\ufffd"):
            self.text += full[len(prefix) :]
            self._prefix_offset, self._read_offset = self._read_offset, len(self.tokens)
        cut = self._find_cut()
        if cut is not None:
            self.text = self.text[: max(cut, self.hidden)]
            self.stopped = True
            return self._take(len(self.text))
        return self._take(len(self.text) - self._held_back())

    @property
    def result(self) -> str:
        """The generated text, without the part the prompt already had."""
        return self.text[self.hidden :]

    def finish(self) -> str:
        """The rest of the text once generation ended for another reason (length, EOS)."""
        return self._take(len(self.text))

    def _take(self, end: int) -> str:
        end = max(end, self.shown)
        delta = self.text[self.shown : end]
        self.shown = end
        return delta

    def _find_cut(self) -> int | None:
        cuts = []
        longest = max((len(s) for s in self.stop), default=0)
        start = max(self.hidden, self.shown - longest)
        for s in self.stop:
            i = self.text.find(s, start)
            if i >= 0:
                cuts.append(i)
        if self.code_stop is not None:
            i = self.code_stop.cut(self.text)
            if i is not None:
                cuts.append(i)
        return min(cuts) if cuts else None

    def _held_back(self) -> int:
        """Length of the longest end of the text that could begin a stop string."""
        held = 0
        for s in self.stop:
            for n in range(min(len(s) - 1, len(self.text)), held, -1):
                if self.text.endswith(s[:n]):
                    held = n
                    break
        if self.code_stop is not None and self.code_stop.python:
            # a line that has not reached its first non-blank character may still end the block
            last = self.text.rsplit("\n", 1)
            if len(last) == 2 and not last[1].strip():
                held = max(held, len(last[1]))
        return held
