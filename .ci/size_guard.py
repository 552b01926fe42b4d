"""Fails when a non-migration Python file is over 800 lines (split it into a package well before)."""

import os
import subprocess
import sys

LIMIT = 800

files = subprocess.run(["git", "ls-files", "*.py"], capture_output=True, text=True, check=True).stdout.split()
too_long = []
for name in files:
    if "/migrations/" in name or not os.path.exists(name):
        continue
    with open(name, encoding="utf-8") as handle:
        lines = sum(1 for _ in handle)
    if lines > LIMIT:
        too_long.append(f"{name}: {lines} lines")
if too_long:
    print(f"Python files over {LIMIT} lines:\n  " + "\n  ".join(too_long))
    sys.exit(1)
print(f"size guard: {len(files)} Python files, none over {LIMIT} lines")
