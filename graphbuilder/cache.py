"""The extraction cache that makes builds incremental.

An article's extraction depends only on its text and on the pipeline (the code, the
ontology and the lexicon). The cache keeps each extraction under the SHA-256 of the text,
in a folder named after a fingerprint of the pipeline, so that an unchanged article is
not run through the NLP again and any change to the rules invalidates every entry.
Entries are written to a temporary file and renamed into place: a killed build leaves
only whole entries behind, and the next build reuses them.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from . import __version__
from .ontology import ontology_dir
from .types import Article, ArticleExtraction

CACHE_DIR = ".cache"


def pipeline_fingerprint() -> str:
    """A hash of everything an extraction depends on besides the text: the package's
    code and model weights (spaCy's weight files have no suffix), and the ontology with
    its lexicon and rules."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for root in (package, ontology_dir()):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix != ".pyc" and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """Extractions on disk under `folder/<fingerprint>/`, keyed by the article's hash."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.root = folder
        self.folder = folder / fingerprint

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.pickle"

    def get(self, article: Article) -> ArticleExtraction | None:
        """The cached extraction of this text, carrying this article's metadata; None
        when there is none or the entry cannot be read."""
        extraction = self.load(article.sha256)
        return None if extraction is None else replace(extraction, article=article)

    def load(self, sha256: str) -> ArticleExtraction | None:
        """The entry stored under the hash, as stored."""
        try:
            with open(self._path(sha256), "rb") as stream:
                return pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def put(self, extraction: ArticleExtraction) -> None:
        """Store an extraction atomically (write a temporary file, then rename it)."""
        path = self._path(extraction.article.sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(extraction, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def keep_only(self, hashes: set[str]) -> None:
        """Drop the entries of articles no longer in the input, and every entry made by
        another version of the pipeline, so the cache does not grow without bound."""
        for other in self.root.glob("*"):
            if other != self.folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
        for path in self.folder.glob("*/*"):
            if path.suffix != ".pickle" or path.stem not in hashes:
                path.unlink(missing_ok=True)
