"""Programming languages: the one table from file extension (or file name) to language, and the names people use.

Used by the code-aware stops (stopping.py), the insecure-code scanner (safety/insecure_code) and the training data
pipeline (train/data). The languages are those The Stack / StarCoder train on most; each has one name here
(`typescript`, `shell`, `csharp`, ...), and a consumer that treats two languages alike (the scanner checks
TypeScript with its JavaScript rules) says so itself.

    language_of("src/main.rs")      -> "rust"
    canonical_language("ts")        -> "typescript"
"""

from __future__ import annotations

from pathlib import PurePath

# extension (lower case, with the dot) -> language
EXTENSIONS: dict[str, str] = {
    ".py": "python",
    ".pyi": "python",
    ".pyw": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".tsx": "typescript",
    ".mts": "typescript",
    ".java": "java",
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".cxx": "cpp",
    ".hpp": "cpp",
    ".hh": "cpp",
    ".hxx": "cpp",
    ".cs": "csharp",
    ".cshtml": "razor",
    ".razor": "razor",
    ".go": "go",
    ".rs": "rust",
    ".rb": "ruby",
    ".php": "php",
    ".swift": "swift",
    ".kt": "kotlin",
    ".kts": "kotlin",
    ".scala": "scala",
    ".sh": "shell",
    ".bash": "shell",
    ".zsh": "shell",
    ".pl": "perl",
    ".pm": "perl",
    ".lua": "lua",
    ".r": "r",
    ".jl": "julia",
    ".hs": "haskell",
    ".ml": "ocaml",
    ".mli": "ocaml",
    ".ex": "elixir",
    ".exs": "elixir",
    ".erl": "erlang",
    ".clj": "clojure",
    ".cljs": "clojure",
    ".dart": "dart",
    ".m": "objective-c",
    ".mm": "objective-c",
    ".f90": "fortran",
    ".f": "fortran",
    ".f95": "fortran",
    ".sql": "sql",
    ".html": "html",
    ".htm": "html",
    ".css": "css",
    ".scss": "scss",
    ".vue": "vue",
    ".md": "markdown",
    ".rst": "restructuredtext",
    ".tex": "tex",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
    ".json": "json",
    ".xml": "xml",
    ".ps1": "powershell",
    ".bat": "batchfile",
    ".cmd": "batchfile",
    ".cmake": "cmake",
    ".groovy": "groovy",
    ".zig": "zig",
    ".nim": "nim",
    ".v": "verilog",
    ".sv": "systemverilog",
    ".vhd": "vhdl",
    ".asm": "assembly",
    ".s": "assembly",
    ".proto": "protobuf",
    ".ipynb": "jupyter",
}
# exact file name -> language, for files without a telling extension
FILE_NAMES: dict[str, str] = {
    "Makefile": "makefile",
    "makefile": "makefile",
    "Dockerfile": "dockerfile",
    "CMakeLists.txt": "cmake",
    "Rakefile": "ruby",
    "Gemfile": "ruby",
}
LANGUAGES: frozenset[str] = frozenset(EXTENSIONS.values()) | frozenset(FILE_NAMES.values())

# names for a language that are neither its own name nor one of its extensions (those are understood anyway)
ALIASES: dict[str, str] = {
    "python3": "python",
    "c++": "cpp",
    "node": "javascript",
    "c#": "csharp",
    "ksh": "shell",
    "golang": "go",
}


def language_of(path: str) -> str | None:
    """The language of a file from its name, or None when the extension is not a known one."""
    p = PurePath(path)
    return FILE_NAMES.get(p.name) or EXTENSIONS.get(p.suffix.lower())


def canonical_language(name: str) -> str:
    """Our name for a language given by its name, an alias or an extension ('py', '.ts', 'c++', 'sh'), lower case;
    a name we do not know comes back lower-cased."""
    key = name.lower().lstrip(".")
    return ALIASES.get(key) or EXTENSIONS.get("." + key) or key
