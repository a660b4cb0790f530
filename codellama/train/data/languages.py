"""Programming language by file extension (the languages The Stack / StarCoder train on most)."""

from __future__ import annotations

from pathlib import PurePath

# extension (lower case, with the dot) or exact file name -> language
EXTENSIONS: dict[str, str] = {
    ".py": "python", ".pyi": "python", ".pyw": "python",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
    ".ts": "typescript", ".tsx": "typescript", ".mts": "typescript",
    ".java": "java",
    ".c": "c", ".h": "c",
    ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp", ".hpp": "cpp", ".hh": "cpp", ".hxx": "cpp",
    ".cs": "csharp",
    ".go": "go",
    ".rs": "rust",
    ".rb": "ruby",
    ".php": "php",
    ".swift": "swift",
    ".kt": "kotlin", ".kts": "kotlin",
    ".scala": "scala",
    ".sh": "shell", ".bash": "shell", ".zsh": "shell",
    ".pl": "perl", ".pm": "perl",
    ".lua": "lua",
    ".r": "r",
    ".jl": "julia",
    ".hs": "haskell",
    ".ml": "ocaml", ".mli": "ocaml",
    ".ex": "elixir", ".exs": "elixir",
    ".erl": "erlang",
    ".clj": "clojure", ".cljs": "clojure",
    ".dart": "dart",
    ".m": "objective-c", ".mm": "objective-c",
    ".f90": "fortran", ".f": "fortran", ".f95": "fortran",
    ".sql": "sql",
    ".html": "html", ".htm": "html",
    ".css": "css", ".scss": "scss",
    ".vue": "vue",
    ".md": "markdown", ".rst": "restructuredtext",
    ".tex": "tex",
    ".yaml": "yaml", ".yml": "yaml",
    ".toml": "toml",
    ".json": "json",
    ".xml": "xml",
    ".ps1": "powershell",
    ".bat": "batchfile", ".cmd": "batchfile",
    ".cmake": "cmake",
    ".groovy": "groovy",
    ".zig": "zig",
    ".nim": "nim",
    ".v": "verilog", ".sv": "systemverilog", ".vhd": "vhdl",
    ".asm": "assembly", ".s": "assembly",
    ".proto": "protobuf",
    ".ipynb": "jupyter",
}
FILE_NAMES: dict[str, str] = {"Makefile": "makefile", "makefile": "makefile", "Dockerfile": "dockerfile",
                              "CMakeLists.txt": "cmake", "Rakefile": "ruby", "Gemfile": "ruby"}
LANGUAGES = frozenset(EXTENSIONS.values()) | frozenset(FILE_NAMES.values())


def language_of(path: str) -> str | None:
    """The language of a file from its name, or None when the extension is not a known one."""
    p = PurePath(path)
    return FILE_NAMES.get(p.name) or EXTENSIONS.get(p.suffix.lower())
