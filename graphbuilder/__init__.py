"""graphbuilder: an offline knowledge-graph builder for Polish news.

Articles -> spaCy pipeline (Morfeusz morphology, entities, relations) -> RDF with
provenance -> networkx -> an interactive offline HTML page; SPARQL over the result.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "build", "build_nlp"]


def __getattr__(name: str):
    """Import the heavy parts lazily: `import graphbuilder` does no work."""
    if name == "build":
        from .build import build

        return build
    if name == "build_nlp":
        from .nlp import build_nlp

        return build_nlp
    raise AttributeError(name)
