"""Writing files so that a kill or a full disk never leaves a half-written one."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path, data: str | bytes | Iterable[bytes]) -> None:
    """Write ``data`` (text, bytes, or bytes in pieces) to a temp file beside ``path``,
    fsync, then rename it over ``path``, keeping an existing file's permissions (a new
    one gets the umask's). A device or FIFO (/dev/stdout) is written in place."""
    pieces = (data.encode("utf-8"),) if isinstance(data, str) else (data,) if isinstance(data, bytes) else data
    if path.exists() and not path.is_file():
        with open(path, "wb") as stream:
            stream.writelines(pieces)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.writelines(pieces)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
