"""SHACL check of the build's own output against `ontology/shapes.ttl`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate
from rdflib import Graph

from .ontology import load_ontology, ontology_dir


@dataclass(frozen=True)
class ShapeReport:
    """Whether the data conforms, and pyshacl's text report when it does not."""

    conforms: bool
    text: str


def check_shapes(data: Graph, ontology: Path | None = None) -> ShapeReport:
    """Validate data with the ontology as the class hierarchy (no other inference)."""
    directory = ontology or ontology_dir()
    shapes = Graph().parse(directory / "shapes.ttl")
    conforms, _graph, text = validate(
        data, shacl_graph=shapes, ont_graph=load_ontology(directory).graph,
        inference="none", advanced=True, allow_warnings=True,
    )
    return ShapeReport(bool(conforms), str(text))
