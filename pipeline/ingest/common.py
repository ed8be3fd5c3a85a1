"""What every reader needs: the file's bytes, or an IngestError naming the reason."""

from __future__ import annotations

from pathlib import Path

from ..errors import IngestError


def read_bytes(path: str | Path) -> bytes:
    """The bytes of ``path``; IngestError when it is missing, unreadable or blank."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise IngestError(path, "file not found") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror or exc}") from None
    if not data.strip():
        raise IngestError(path, "empty file")
    return data
