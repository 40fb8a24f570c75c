"""The ontology and the Polish lexicon: the data that drives extraction.

The OWL file is the contract: every class and predicate the extractor emits must exist
in it, and relation arguments must respect its domains and ranges. Everything Polish
(gazetteers, role nouns, abbreviations) is read from `ontology/lexicon/`.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection

from .types import ENTITY_CLASSES

GB = Namespace("https://w3id.org/graphbuilder/ontology#")
ARTICLE_CLASS = "Article"


def ontology_dir() -> Path:
    """Where `ontology/` is: $GRAPHBUILDER_ONTOLOGY, or the package's `ontology`, which in
    the checkout links to the top-level folder and in a wheel is a copy of it."""
    if env := os.environ.get("GRAPHBUILDER_ONTOLOGY"):
        return Path(env)
    here = Path(__file__).resolve().parent
    if (here / "ontology" / "graphbuilder.ttl").is_file():
        return here / "ontology"
    raise FileNotFoundError("ontology/graphbuilder.ttl not found; set GRAPHBUILDER_ONTOLOGY")


@dataclass(frozen=True)
class Predicate:
    """A relation of the ontology with the top classes its arguments may have."""

    name: str
    label_pl: str
    label_en: str
    domain: frozenset[str]
    range: frozenset[str]
    symmetric: bool


@dataclass
class Ontology:
    """Classes (each mapped to its top class) and predicates of the OWL ontology."""

    graph: Graph
    top_class: dict[str, str]
    predicates: dict[str, Predicate]

    def allows(self, predicate: str, subject_class: str, object_class: str) -> bool:
        """Do these argument classes respect the predicate's domain and range?"""
        pred = self.predicates[predicate]
        return subject_class in pred.domain and object_class in pred.range


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _top_classes(graph: Graph) -> dict[str, str]:
    """Map every gb: class to the one of the five entity classes (or Article) above it."""
    tops = set(ENTITY_CLASSES) | {ARTICLE_CLASS}
    result: dict[str, str] = {}
    for cls in graph.subjects(RDF.type, OWL.Class):
        if not isinstance(cls, URIRef) or not str(cls).startswith(str(GB)):
            continue
        for ancestor in graph.transitive_objects(cls, RDFS.subClassOf):
            if isinstance(ancestor, URIRef) and _local(ancestor) in tops and str(ancestor).startswith(str(GB)):
                result[_local(cls)] = _local(ancestor)
                break
    return result


def _class_set(graph: Graph, node, top_class: dict[str, str]) -> frozenset[str]:
    """Expand a domain or range (a class or an owl:unionOf) into top-class names."""
    if node is None:
        return frozenset(top_class.values())
    union = graph.value(node, OWL.unionOf)
    members = list(Collection(graph, union)) if union is not None else [node]
    names: set[str] = set()
    for member in members:
        local = _local(member)
        if local == "Place":
            names |= _class_set(graph, member, top_class)
        elif local in top_class:
            names.add(top_class[local])
    return frozenset(names)


def _label(graph: Graph, iri: URIRef, lang: str) -> str:
    for label in graph.objects(iri, RDFS.label):
        if getattr(label, "language", None) == lang:
            return str(label)
    return _local(iri)


@lru_cache(maxsize=4)
def load_ontology(directory: Path | None = None) -> Ontology:
    """Parse `graphbuilder.ttl` once and index its classes and relation predicates."""
    graph = Graph().parse((directory or ontology_dir()) / "graphbuilder.ttl")
    top = _top_classes(graph)
    predicates = {}
    for prop in graph.subjects(RDFS.subPropertyOf, GB.relation):
        name = _local(prop)
        predicates[name] = Predicate(
            name=name,
            label_pl=_label(graph, prop, "pl"),
            label_en=_label(graph, prop, "en"),
            domain=_class_set(graph, graph.value(prop, RDFS.domain), top),
            range=_class_set(graph, graph.value(prop, RDFS.range), top),
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
        )
    return Ontology(graph=graph, top_class=top, predicates=predicates)


# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class GazetteerEntry:
    """A known entity: its canonical name, class and the other names it goes by."""

    name: str
    cls: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    building: bool = False  # a body named after its seat: a place where people meet ("w Białym Domu")
    kinds: tuple[str, ...] = ()  # common nouns that stand for it once named: "blok" for BRICS


@dataclass
class Lexicon:
    """The Polish lexicon under `ontology/lexicon/`."""

    entries: list[GazetteerEntry]
    adjectives: dict[str, tuple[str, str]]  # adjective lemma -> (class, name): "rosyjski" -> Rosja
    demonyms: dict[str, str]  # a people's noun -> its country: "Rosjanin" -> Rosja
    capitals: dict[str, str]  # country name -> capital name
    roles: dict[str, str]  # role noun lemma (may be two words) -> predicate
    role_kinds: dict[str, str] = field(default_factory=dict)  # "szef rządu" -> "premier": the same role
    country_roles: frozenset[str] = frozenset()  # roles held only in a state: "prezydent", not "prezes"
    nationality_roles: frozenset[str] = frozenset()  # "papież": "polski papież" is a Pole, not Poland's leader
    person_nouns: frozenset[str] = frozenset()  # "odpowiednik", "książę": a name in apposition is a person's
    abbreviations: list[str] = field(default_factory=list)
    institutions: dict[str, str | None] = field(default_factory=dict)  # generic name -> default country
    heads: dict[str, str] = field(default_factory=dict)  # head noun of a name -> its class ("opera")
    modality: dict[str, tuple[str, float]] = field(default_factory=dict)  # "były" -> ("former", 1.0)
    variants: dict[str, str] = field(default_factory=dict)  # "Nur-Sułtan" -> "Astana": another name kept as written


def read_jsonl(path: Path) -> Iterator[dict]:
    """Yield the objects of a JSON Lines file; errors name the file and the line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: invalid JSON: {err.msg}") from err


GAZETTEERS = ("countries", "cities", "locations", "organizations", "institutions")


def _gazetteer_rows(directory: Path) -> Iterator[dict]:
    for filename in GAZETTEERS:
        path = directory / f"{filename}.jsonl"
        if path.exists():
            yield from read_jsonl(path)


def _entries(directory: Path) -> Iterator[GazetteerEntry]:
    for row in _gazetteer_rows(directory):
        aliases = tuple(row.get("aliases") or ()) + tuple(row.get("abbreviations") or ())
        yield GazetteerEntry(row["name"], row["class"], aliases, row.get("country"), bool(row.get("building")),
                             tuple(row.get("kinds") or ()))
        for variant in row.get("variants") or ():  # a name of its own: the text's choice is kept
            yield GazetteerEntry(variant, row["class"], (), row.get("country"))


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Read the gazetteers, nationality adjectives and nouns, role nouns and abbreviations."""
    lexdir = (directory or ontology_dir()) / "lexicon"
    countries = list(read_jsonl(lexdir / "countries.jsonl"))
    roles: dict[str, str] = {}
    role_kinds: dict[str, str] = {}
    country_roles: set[str] = set()
    nationality_roles: set[str] = set()
    for row in read_jsonl(lexdir / "roles.jsonl"):
        for lemma in [row["lemma"], *row.get("forms", [])]:
            roles[lemma] = row["predicate"]
            role_kinds[lemma] = row.get("same_as", row["lemma"])
            if row.get("country_role"):
                country_roles.add(lemma)
            if row.get("adjective_is_nationality"):
                nationality_roles.add(lemma)
    abbreviations_file = lexdir / "abbreviations.txt"
    return Lexicon(
        entries=list(_entries(lexdir)),
        adjectives={**{adj: ("Country", row["name"]) for row in countries for adj in row.get("adjectives", [])},
                    **{row["adjective"]: (row["class"], row["name"]) for row in read_jsonl(lexdir / "adjectives.jsonl")}},
        demonyms={demonym: row["name"] for row in countries for demonym in row.get("demonyms", [])},
        capitals={row["name"]: row["capital"] for row in countries if row.get("capital")},
        variants={variant: row["name"] for row in _gazetteer_rows(lexdir) for variant in row.get("variants", [])},
        roles=roles,
        role_kinds=role_kinds,
        country_roles=frozenset(country_roles),
        nationality_roles=frozenset(nationality_roles),
        person_nouns=frozenset(value for row in read_jsonl(lexdir / "person_cues.jsonl")
                               if row["kind"] == "person_noun" for value in row["values"]),
        abbreviations=abbreviations_file.read_text(encoding="utf-8").split()
        if abbreviations_file.exists() else [],
        institutions={row["name"]: row.get("default_country") for row in read_jsonl(lexdir / "institutions.jsonl")},
        heads={row["lemma"]: row["class"] for row in read_jsonl(lexdir / "name_heads.jsonl")},
        modality={row["lemma"]: (row["modality"], row["factor"]) for row in read_jsonl(lexdir / "modality.jsonl")},
    )
