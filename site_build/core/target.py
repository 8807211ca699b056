"""Which edition a run makes, the public site or the trainer edition (facilitator notes and runbooks), and the folders
that follow from it: one object passed whole, instead of a `trainer` flag threaded through every signature."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    trainer: bool = False

    @property
    def site_folder(self) -> str:
        """Where `p2g build` puts it: the trainer edition has its own folder, so the public site is never overwritten."""
        return "site-trainer" if self.trainer else "site"

    @property
    def mkdocs_folder(self) -> str:
        """Its folder in build/ for the incremental site (each edition keeps its own last build)."""
        return "mkdocs-trainer" if self.trainer else "mkdocs"

    @property
    def state_file(self) -> str:
        """Its record in build/ of the last build (fingerprint, the site's digest): each edition its own, so building
        one does not make the other's site look changed."""
        return "laatste-bouw-trainer.json" if self.trainer else "laatste-bouw.json"

    def shows(self, trainer_only: bool) -> bool:
        """Whether something marked as trainer-only (or not) belongs in this edition."""
        return self.trainer or not trainer_only


PUBLIC = Target()
TRAINER = Target(trainer=True)
