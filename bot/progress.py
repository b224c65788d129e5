"""A one-line progress display for long work, shown only on an interactive terminal.

Piped output, CI (`CI` set) and tests see nothing, so logs and JSON stay clean.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import TextIO


class Progress:
    """`step(detail)` redraws 'label n/total detail' in place; `close()` clears the line."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None):
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _interactive(self.stream)

    def step(self, detail: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        width = shutil.get_terminal_size((80, 20)).columns - 1
        line = f"{self.label} {self.done}/{self.total} {detail}".rstrip()
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            width = shutil.get_terminal_size((80, 20)).columns - 1
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()


def _interactive(stream: TextIO) -> bool:
    if os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
