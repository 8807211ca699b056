"""One build at a time: a lock in build/ (held by the process, so a killed build never leaves it taken), and the
scratch folders a killed build left behind cleaned up by the next one."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from site_build.core.problems import UserError

LOCK = "bouw.lock"


@contextmanager
def build_lock(root: Path, out: Path | None = None) -> Iterator[None]:
    """Hold the build lock of this project; UserError when another build holds it."""
    import fcntl

    folder = root / "build"
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            # A POSIX record lock, not flock: forked PDF workers do not inherit it, so a build killed outright frees
            # the lock at once even while its workers are still winding down.
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            other = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise UserError(f"er draait al een build in deze map (proces {other}); wacht tot die klaar is en probeer "
                            f"het dan opnieuw. Er is niets veranderd") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        # holding the lock, no other build runs: whatever scratch is left is from a build that was killed
        clean_stale(root, out)
        yield
    finally:
        os.close(fd)  # releases the lock


def clean_stale(root: Path, out: Path | None = None) -> list[Path]:
    """Remove what a killed build left: scratch folders, half-written cache files, an old site set aside."""
    build = root / "build"
    stale = [p for p in build.glob("bouw-*") if p.is_dir() and not p.is_symlink()]
    stale += [p for p in build.glob("tmp*") if p.is_dir() and not p.is_symlink()]  # regenerate's (serve)
    stale += [p for p in (build / "pdf-cache").glob("*.tmp")] if (build / "pdf-cache").is_dir() else []
    for target in {out or root / "site", root / "site", root / "site-trainer"}:
        set_aside = sorted((p for p in target.parent.glob(f"{target.name}.oud-*") if p.is_dir() and not p.is_symlink()),
                           key=lambda p: p.stat().st_mtime_ns)
        if set_aside and not target.exists() and not target.is_symlink():
            # killed between the two renames of the swap: the old site goes back, the site is never lost
            set_aside.pop().rename(target)
        stale += set_aside
        stale += [p for p in target.parent.glob(f"{target.name}.nieuw-*") if p.is_dir() and not p.is_symlink()]
    for path in stale:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return stale
