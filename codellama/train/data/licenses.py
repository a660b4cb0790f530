"""Licence detection: SPDX headers in a file, or the LICENSE/COPYING file of its directory tree.

Each licence is identified by key phrases of its text (the way `licensee` and ScanCode begin);
anything not recognised is "unknown". Only licences on the permissive allow-list are kept by default.
"""

from __future__ import annotations

import re
from pathlib import Path

PERMISSIVE = frozenset(
    {
        "MIT",
        "MIT-0",
        "Apache-2.0",
        "BSD-2-Clause",
        "BSD-3-Clause",
        "0BSD",
        "ISC",
        "PSF-2.0",
        "Python-2.0",
        "Unlicense",
        "CC0-1.0",
        "Zlib",
        "BSL-1.0",
        "WTFPL",
        "X11",
        "NCSA",
        "UPL-1.0",
        "PostgreSQL",
    }
)
UNKNOWN = "unknown"
LICENSE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|COPYRIGHT)([-_.].*)?$", re.IGNORECASE)
SPDX_HEADER = re.compile(r"SPDX-License-Identifier:\s*([A-Za-z0-9.+\-]+(?:\s+(?:OR|AND|WITH)\s+[A-Za-z0-9.+\-]+)*)")

# (SPDX id, phrases that must all appear, case-insensitive, whitespace-normalised); the first match wins,
# so more specific texts come before the ones they contain.
_SIGNATURES: list[tuple[str, tuple[str, ...]]] = [
    ("PSF-2.0", ("python software foundation license version 2",)),
    ("AGPL-3.0", ("gnu affero general public license",)),
    ("LGPL-3.0", ("gnu lesser general public license", "version 3")),
    ("LGPL-2.1", ("gnu lesser general public license",)),
    ("LGPL-2.0", ("gnu library general public license",)),
    ("GPL-3.0", ("gnu general public license", "version 3, 29 june 2007")),
    ("GPL-2.0", ("gnu general public license", "version 2, june 1991")),
    ("GPL-3.0", ("under the terms of the gnu general public license", "either version 3")),
    ("GPL-2.0", ("under the terms of the gnu general public license", "either version 2")),
    ("MPL-2.0", ("mozilla public license", "2.0")),
    ("EPL-2.0", ("eclipse public license", "2.0")),
    ("EPL-1.0", ("eclipse public license",)),
    ("Apache-2.0", ("apache license", "version 2.0")),
    ("BSL-1.0", ("boost software license",)),
    ("Unlicense", ("this is free and unencumbered software released into the public domain",)),
    ("CC0-1.0", ("cc0 1.0 universal",)),
    ("WTFPL", ("do what the fuck you want to",)),
    ("Zlib", ("this software is provided 'as-is'", "altered source versions must be plainly marked")),
    (
        "MIT",
        (
            "permission is hereby granted, free of charge",
            "the above copyright notice and this permission notice shall be included",
        ),
    ),
    ("BSD-3-Clause", ("redistribution and use in source and binary forms", "neither the name")),
    ("BSD-2-Clause", ("redistribution and use in source and binary forms",)),
    ("ISC", ("permission to use, copy, modify, and/or distribute this software for any purpose",)),
    ("ISC", ("permission to use, copy, modify, and distribute this software for any purpose",)),
]


def _normalise(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def license_from_text(text: str) -> str:
    """The SPDX id of a licence text, or "unknown"."""
    norm = _normalise(text)
    for spdx, phrases in _SIGNATURES:
        if all(p in norm for p in phrases):
            return spdx
    return UNKNOWN


def spdx_header(text: str, lines: int = 20) -> str | None:
    """The licence a file declares in an `SPDX-License-Identifier:` comment near its top."""
    head = "\n".join(text.splitlines()[:lines])
    match = SPDX_HEADER.search(head)
    return match.group(1) if match else None


def is_permissive(spdx: str, allowed: frozenset[str] = PERMISSIVE) -> bool:
    """True when every alternative of an SPDX expression is allowed ("MIT OR Apache-2.0" needs one)."""
    for alternative in re.split(r"\s+OR\s+", spdx):
        parts = re.split(r"\s+(?:AND|WITH)\s+", alternative.strip("() "))
        if all(p.strip("() ") in allowed for p in parts):
            return True
    return False


class LicenseFinder:
    """The licence of each file: an SPDX header in the file, else the nearest LICENSE/COPYING file upward, else
    for an installed package the licence its `*.dist-info` declares. The search goes past the root it was
    given (a subfolder of a licensed tree is licensed too: the standard library's `json/` by the LICENSE.txt one
    level up) and stops after a repository's top (a folder holding `.git`) or at `site-packages`, whose
    packages each carry their own licence (`package_licenses.py`). Cached per directory."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self._cache: dict[Path, str] = {}
        self._packages: dict = {}  # site-packages folder -> package_licenses.PackageLicenses

    def for_directory(self, directory: Path) -> str:
        directory = directory.resolve()
        if directory in self._cache:
            return self._cache[directory]
        found = self._license_files(directory)
        parent = directory.parent
        if found == UNKNOWN and is_site_packages(parent):
            found = self._package_licenses(parent).for_name(directory.name)
        elif found == UNKNOWN and parent != directory and not (directory / ".git").exists():
            if not is_site_packages(directory):
                found = self.for_directory(parent)
        self._cache[directory] = found
        return found

    def for_file(self, path: Path, text: str) -> str:
        found = spdx_header(text)
        if found:
            return found
        if is_site_packages(path.parent):  # a module installed on its own (six.py)
            return self._package_licenses(path.parent).for_name(path.stem)
        return self.for_directory(path.parent)

    @staticmethod
    def _license_files(directory: Path) -> str:
        try:
            names = sorted(p.name for p in directory.iterdir() if LICENSE_FILE.match(p.name) and p.is_file())
        except OSError:
            return UNKNOWN
        for name in names:
            try:
                found = license_from_text((directory / name).read_text(errors="replace")[:200_000])
            except OSError:
                continue
            if found != UNKNOWN:
                return found
        return UNKNOWN

    def _package_licenses(self, site_packages: Path):
        from codellama.train.data.package_licenses import PackageLicenses  # it reads licence texts with this module

        if site_packages not in self._packages:
            self._packages[site_packages] = PackageLicenses(site_packages)
        return self._packages[site_packages]


def is_site_packages(directory: Path) -> bool:
    """A folder of installed Python packages (each with its own licence in its `*.dist-info`)."""
    return directory.name in ("site-packages", "dist-packages")
