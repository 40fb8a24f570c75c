"""The only place IRIs are minted.

An entity's IRI depends only on its class and canonical name, so the same entity gets
the same IRI in every article and every run. Slugs are ASCII letters, digits and hyphens,
so the IRIs stay valid for strict parsers whatever the names contain.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/graphbuilder/resource/"
_FOLD = str.maketrans({
    "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "œ": "oe", "Œ": "OE", "ı": "i",
})


def _fold(text: str) -> str:
    """Latin letters without diacritics; other scripts vanish."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slug(name: str) -> str:
    """ASCII slug of a name: "Władimir Putin" -> "wladimir-putin", "Baku–Tbilisi" -> "baku-tbilisi"."""
    words = re.split(r"[\W_]+", name)
    return re.sub(r"[^a-z0-9]+", "-", " ".join(_fold(w) for w in words).lower()).strip("-")


def _is_lossy(name: str) -> bool:
    """Does the slug lose letters (Cyrillic, Arabic, CJK ...) that tell names apart?"""
    return any(c.isalnum() and not _fold(c) for c in name)


def _digest(*parts: str, length: int = 16) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def entity_iri(base: str, top_class: str, name: str) -> URIRef:
    """IRI of an entity; a name whose letters do not all fold to ASCII gets a hash too."""
    readable = slug(name)
    if not readable or _is_lossy(name):
        readable = "-".join(filter(None, (readable, _digest(name))))
    return URIRef(f"{base}{top_class.lower()}/{readable}")


def article_iri(base: str, sha256: str) -> URIRef:
    """IRI of an article, from its content hash: the same text is the same article."""
    return URIRef(f"{base}article/{sha256[:16]}")


def assertion_iri(base: str, article_sha256: str, *parts: str) -> URIRef:
    """IRI of one assertion: a fact as stated by one sentence of one article."""
    return URIRef(f"{base}assertion/{_digest(article_sha256, *parts)}")
