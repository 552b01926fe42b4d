"""Writing an evidence pack as a ZIP stream: each member is streamed (deflated, or stored when it is already
compressed) while its SHA-256 and size are taken, so nothing larger than one chunk, or one generated report,
is ever held in memory. The manifest goes in after the members it lists.

zipstream-ng does the ZIP: it takes iterables, writes ZIP64 records for members of unknown size, and lets
members be queued after earlier ones have been streamed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from zipfile import ZIP_DEFLATED, ZIP_STORED

from zipstream import ZipStream  # type: ignore[import-untyped]

CHUNK = 1 << 20
"""How much of a stored file is read at a time."""
OUTPUT_CHUNK = 1 << 16
"""The pieces the archive is handed out in (zipstream yields many small ones)."""
ALREADY_COMPRESSED = (
    ".pdf", ".xlsx", ".docx", ".pptx", ".odt", ".ods", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".zst",
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp3", ".mp4", ".mov", ".webm",
)  # fmt: skip


@dataclass(frozen=True)
class Member:
    """One file of the pack: its path inside the ZIP and its content, produced only when it is streamed."""

    path: str
    chunks: Iterable[bytes]

    @property
    def already_compressed(self) -> bool:
        return self.path.lower().endswith(ALREADY_COMPRESSED)


def member(path: str, data: bytes | str) -> Member:
    """A member whose content is already at hand (a generated report, a small JSON file)."""
    return Member(path, (data.encode("utf-8") if isinstance(data, str) else data,))


class _Counted:
    """The member's chunks, hashed and counted as zipstream reads them."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self.chunks = chunks
        self.digest = hashlib.sha256()
        self.size = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.digest.update(chunk)
            self.size += len(chunk)
            yield chunk


class PackWriter:
    """Streams members one at a time and keeps, for the manifest, each listed member's path, hash and size."""

    def __init__(self) -> None:
        self._zip = ZipStream(compress_type=ZIP_DEFLATED)  # zlib's default level (6)
        self._paths: set[str] = set()
        self.files: list[dict[str, Any]] = []
        self.written = 0

    def add(self, item: Member, *, listed: bool = True) -> Iterator[bytes]:
        """Stream one member; once it has gone out, its hash and size join `files` (if `listed`)."""
        path = self._unique(item.path)
        counted = _Counted(item.chunks)
        method = ZIP_STORED if item.already_compressed else ZIP_DEFLATED
        self._zip.add(counted, path, compress_type=method)
        yield from self._counted(self._zip.all_files())
        if listed:
            self.files.append({"path": path, "sha256": counted.digest.hexdigest(), "size": counted.size})

    def _unique(self, path: str) -> str:
        """The path, or (when two records give the same name) the path with -2, -3 … before its extension."""
        stem, dot, extension = path.rpartition(".") if "." in path.rsplit("/", 1)[-1] else (path, "", "")
        found, number = path, 1
        while found in self._paths:
            number += 1
            found = f"{stem}-{number}{dot}{extension}"
        self._paths.add(found)
        return found

    def finish(self, *last: Member) -> Iterator[bytes]:
        """Stream the last members (unlisted: the manifest and its signature) and the central directory."""
        for item in last:
            self._zip.add(b"".join(item.chunks), item.path)
        yield from self._counted(self._zip.finalize())

    def _counted(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            self.written += len(piece)
            yield piece


def rechunked(pieces: Iterable[bytes], size: int = OUTPUT_CHUNK) -> Iterator[bytes]:
    """The same bytes in pieces of at least `size` (the last one may be shorter)."""
    buffer = bytearray()
    for piece in pieces:
        buffer += piece
        if len(buffer) >= size:
            yield bytes(buffer)
            buffer.clear()
    if buffer:
        yield bytes(buffer)


def file_chunks(field_file: Any) -> Iterator[bytes]:
    """A stored file (a FileField's value), read from storage a chunk at a time."""
    with field_file.storage.open(field_file.name, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk
