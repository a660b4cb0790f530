"""The licences of installed Python packages, from their `*.dist-info` metadata (the core metadata spec).

In order: `License-Expression` (PEP 639, an SPDX expression as it is); the older `License` field when it holds
an SPDX expression or a licence's common name; the licence files the distribution ships (`License-File`, or
LICENSE/COPYING in the dist-info folder), recognised by their text; the trove classifiers
(`License :: OSI Approved :: MIT License`); a whole licence text in `License`.
Each distribution's top-level names (top_level.txt, else the first part of each path in RECORD) map to it.
"""

from __future__ import annotations

import re
from email.parser import HeaderParser
from pathlib import Path

from codellama.train.data.licenses import LICENSE_FILE, UNKNOWN, license_from_text

# the classifiers' licence names, and the names people write in `License:` (lower-case), as SPDX ids
_NAMES = {
    "mit license": "MIT",
    "mit": "MIT",
    "mit no attribution license (mit-0)": "MIT-0",
    "apache software license": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache license, version 2.0": "Apache-2.0",
    "apache 2.0": "Apache-2.0",
    "apache-2.0": "Apache-2.0",
    "apache 2": "Apache-2.0",
    "bsd license": "BSD-3-Clause",
    "bsd": "BSD-3-Clause",
    "3-clause bsd": "BSD-3-Clause",
    "bsd-3-clause": "BSD-3-Clause",
    "bsd-2-clause": "BSD-2-Clause",
    "isc license (iscl)": "ISC",
    "isc": "ISC",
    "python software foundation license": "PSF-2.0",
    "psf": "PSF-2.0",
    "the unlicense (unlicense)": "Unlicense",
    "zlib/libpng license": "Zlib",
    "boost software license 1.0 (bsl-1.0)": "BSL-1.0",
    "mozilla public license 2.0 (mpl 2.0)": "MPL-2.0",
    "gnu general public license v2 (gplv2)": "GPL-2.0",
    "gnu general public license v3 (gplv3)": "GPL-3.0",
    "gnu general public license v3 or later (gplv3+)": "GPL-3.0",
    "gnu lesser general public license v3 (lgplv3)": "LGPL-3.0",
    "gnu lesser general public license v2 or later (lgplv2+)": "LGPL-2.0",
    "gnu affero general public license v3": "AGPL-3.0",
}
_SPDX_EXPRESSION = re.compile(r"^[A-Za-z0-9.+\-]+(?:\s+(?:OR|AND|WITH)\s+[A-Za-z0-9.+\-]+)*$")


class PackageLicenses:
    """The licence of each top-level package or module in one site-packages folder."""

    def __init__(self, site_packages: Path):
        self.by_name: dict[str, str] = {}
        for dist_info in sorted(site_packages.glob("*.dist-info")):
            license_id = distribution_license(dist_info)
            for name in _top_level_names(dist_info):
                self.by_name.setdefault(name, license_id)

    def for_name(self, name: str) -> str:
        return self.by_name.get(name, UNKNOWN)


def distribution_license(dist_info: Path) -> str:
    """The SPDX id (or expression) one installed distribution declares, or "unknown"."""
    try:
        metadata = HeaderParser().parsestr((dist_info / "METADATA").read_text(errors="replace"))
    except OSError:
        return UNKNOWN
    expression = (metadata.get("License-Expression") or "").strip()
    if expression:
        return expression
    free_text = (metadata.get("License") or "").strip()
    if free_text.lower() in _NAMES:
        return _NAMES[free_text.lower()]
    if _SPDX_EXPRESSION.match(free_text) and (any(c.isdigit() for c in free_text) or " AND " in free_text):
        return free_text  # an SPDX expression in the older field: "MPL-2.0 AND MIT", "Apache-2.0"
    for path in _license_files(dist_info, metadata.get_all("License-File") or []):
        found = license_from_text(path.read_text(errors="replace")[:200_000])
        if found != UNKNOWN:
            return found
    for classifier in metadata.get_all("Classifier") or []:
        parts = [p.strip() for p in classifier.split("::")]
        if parts[0] == "License" and parts[-1].lower() in _NAMES:
            return _NAMES[parts[-1].lower()]
    return license_from_text(free_text) if len(free_text) > 200 else UNKNOWN  # a whole licence text


def _license_files(dist_info: Path, declared: list[str]) -> list[Path]:
    candidates = [dist_info / "licenses" / name for name in declared] + [dist_info / name for name in declared]
    candidates += [p for p in sorted(dist_info.rglob("*")) if p.is_file() and LICENSE_FILE.match(p.name)]
    return [p for p in dict.fromkeys(candidates) if p.is_file()]


def _top_level_names(dist_info: Path) -> list[str]:
    top_level = dist_info / "top_level.txt"
    if top_level.is_file():
        names = [line.strip() for line in top_level.read_text(errors="replace").splitlines() if line.strip()]
        if names:
            return names
    names: list[str] = []
    record = dist_info / "RECORD"
    if record.is_file():
        for line in record.read_text(errors="replace").splitlines():
            first = line.split(",", 1)[0].split("/", 1)[0]
            if first and not first.endswith((".dist-info", ".data")) and first != "..":
                names.append(first.removesuffix(".py"))
    return list(dict.fromkeys(names))
