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
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ı": "i"})


def slug(name: str) -> str:
    """ASCII slug of a name: "Władimir Putin" -> "wladimir-putin"."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


def _digest(*parts: str, length: int = 16) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def entity_iri(base: str, top_class: str, name: str) -> URIRef:
    """IRI of an entity; a name with no ASCII letters gets a hash instead of a slug."""
    return URIRef(f"{base}{top_class.lower()}/{slug(name) or _digest(name)}")


def article_iri(base: str, sha256: str) -> URIRef:
    """IRI of an article, from its content hash: the same text is the same article."""
    return URIRef(f"{base}article/{sha256[:16]}")


def assertion_iri(base: str, article_sha256: str, *parts: str) -> URIRef:
    """IRI of one assertion: a fact as stated by one sentence of one article."""
    return URIRef(f"{base}assertion/{_digest(article_sha256, *parts)}")
