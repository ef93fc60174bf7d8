# SPDX-License-Identifier: EUPL-1.2
"""tools/spdx-check.py TOP: print every file of the source tree that names no
licence.  A file names it with "SPDX-License-Identifier:" in its first five
lines, or by a path pattern of REUSE.toml (REUSE 3.2 globs: * within one
folder, ** across folders).  Exit 1 when any file names none."""
import os
import re
import sys
import tomllib

SKIP_DIRS = {".git", "build", "out", "__pycache__"}
# what a build or dpkg-buildpackage leaves in the tree, never committed
# (.git: a file in a git worktree)
SKIP_FILES = {"jmon", ".git", "debian/files", "debian/debhelper-build-stamp"}
SKIP_SUFFIXES = (".substvars", ".debhelper.log")


def glob_re(pattern):
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return re.compile(out + r"\Z")


def main(top):
    with open(os.path.join(top, "REUSE.toml"), "rb") as f:
        reuse = tomllib.load(f)
    covered = [glob_re(p) for a in reuse["annotations"] for p in a["path"]]
    bad = []
    for root, dirs, files in os.walk(top):
        rel_root = os.path.relpath(root, top)
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS
                   and not (rel_root == "debian" and d not in ("source", "tests"))]
        for name in files:
            rel = os.path.normpath(os.path.join(rel_root, name))
            if rel in SKIP_FILES or rel.endswith(SKIP_SUFFIXES) or rel == "REUSE.toml":
                continue
            if any(c.match(rel) for c in covered):
                continue
            with open(os.path.join(root, name), "rb") as f:
                head = b"".join(f.readline() for _ in range(5))
            if b"SPDX-License-Identifier:" not in head:
                bad.append(rel)
    for rel in sorted(bad):
        print(f"{rel}: no SPDX-License-Identifier in its first lines, and REUSE.toml does not cover it")
    return 1 if bad else 0


sys.exit(main(sys.argv[1]))
