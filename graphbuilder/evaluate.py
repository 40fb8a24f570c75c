"""Scoring the project's own RDF output against hand-made gold annotations.

Follows `eval/README.md`: each `NN.txt` is built on its own; an entity is its Polish
`rdfs:label` with its `rdf:type` closed over `rdfs:subClassOf` to one of the five classes;
a relation is a direct triple whose predicate is (a sub-property of) one of the
ontology's relations, matched by local name; `meetsWith` matches in either direction; the
article stands for `ARTICLE`. Names compare after NFC, case folding, collapsing white
space and treating all dashes alike.
"""
from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef

from .build import build
from .ontology import GB, Ontology, load_ontology
from .types import ARTICLE, ENTITY_CLASSES

DASHES = re.compile(r"[\u2010-\u2015\u2212\-]")
SYMMETRIC = frozenset({"meetsWith"})
EntityItem = tuple[str, str]
RelationItem = tuple[str, str, str]


def normalise(name: str) -> str:
    """The form names are compared in."""
    name = DASHES.sub("-", unicodedata.normalize("NFC", name)).casefold()
    return " ".join(name.split())


def relation_item(subject: str, predicate: str, obj: str) -> RelationItem:
    """A comparable relation; symmetric ones in a fixed order."""
    subject, obj = normalise(subject), normalise(obj)
    if predicate in SYMMETRIC and obj < subject:
        subject, obj = obj, subject
    return (subject, predicate, obj)


@dataclass
class Score:
    """True positives, false positives, false negatives and the figures from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Comparison:
    """Gold and predicted items of one kind for one article."""

    gold: set
    predicted: set

    @property
    def score(self) -> Score:
        return Score(len(self.gold & self.predicted), len(self.predicted - self.gold), len(self.gold - self.predicted))

    @property
    def missed(self) -> list:
        return sorted(self.gold - self.predicted)

    @property
    def spurious(self) -> list:
        return sorted(self.predicted - self.gold)


@dataclass
class ArticleResult:
    name: str
    entities: Comparison
    relations: Comparison


@dataclass
class Evaluation:
    """Per-article comparisons and their micro-averaged totals."""

    articles: list[ArticleResult] = field(default_factory=list)

    def micro(self, kind: str) -> Score:
        total = Score()
        for article in self.articles:
            total.add(getattr(article, kind).score)
        return total

    def per_predicate(self) -> dict[str, Score]:
        scores: dict[str, Score] = {}
        for article in self.articles:
            rel = article.relations
            for items, attr in ((rel.gold & rel.predicted, "tp"), (rel.predicted - rel.gold, "fp"),
                                (rel.gold - rel.predicted, "fn")):
                for predicate, count in Counter(item[1] for item in items).items():
                    score = scores.setdefault(predicate, Score())
                    setattr(score, attr, getattr(score, attr) + count)
        return dict(sorted(scores.items()))

    def as_dict(self) -> dict:
        return {
            "micro": {"entities": self.micro("entities").as_dict(), "relations": self.micro("relations").as_dict()},
            "per_predicate": {name: score.as_dict() for name, score in self.per_predicate().items()},
            "articles": [
                {"name": a.name,
                 **{kind: {**getattr(a, kind).score.as_dict(), "missed": getattr(a, kind).missed,
                           "spurious": getattr(a, kind).spurious} for kind in ("entities", "relations")}}
                for a in self.articles
            ],
        }


def read_gold(path: Path) -> tuple[set[EntityItem], set[RelationItem]]:
    """Gold entities and relations of one `NN.gold.json`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    entities = {(normalise(e["name"]), e["type"]) for e in data["entities"]}
    relations = {relation_item(r["subject"], r["predicate"], r["object"]) for r in data["relations"]}
    return entities, relations


def _top_type(graph: Graph, node: URIRef, ontology: Ontology) -> str | None:
    for cls in graph.objects(node, RDF.type):
        top = ontology.top_class.get(str(cls).rsplit("#", 1)[-1])
        if top in ENTITY_CLASSES:
            return top
    return None


def _polish_label(graph: Graph, node: URIRef) -> str | None:
    return next((str(label) for label in graph.objects(node, RDFS.label) if label.language == "pl"), None)


def read_predicted(graph: Graph, ontology: Ontology) -> tuple[set[EntityItem], set[RelationItem]]:
    """Entities and relations of a built graph, read as the scoring rules say."""
    entities: set[EntityItem] = set()
    names: dict[URIRef, str] = {}
    for node in set(graph.subjects(RDFS.label)):
        label, top = _polish_label(graph, node), _top_type(graph, node, ontology)
        if label and top:
            entities.add((normalise(label), top))
            names[node] = label
    for node in graph.subjects(RDF.type, GB.Article):
        names[node] = ARTICLE
    relations: set[RelationItem] = set()
    for predicate in ontology.predicates:
        for subject, obj in graph.subject_objects(GB[predicate]):
            if subject in names and obj in names:
                relations.add(relation_item(names[subject], predicate, names[obj]))
    return entities, relations


def evaluate(gold_dir: Path, out: Path | None = None) -> Evaluation:
    """Build every NN.txt of gold_dir on its own and score it against NN.gold.json."""
    ontology = load_ontology()
    result = Evaluation()
    with tempfile.TemporaryDirectory() as scratch:
        base_out = out or Path(scratch)
        for text in sorted(gold_dir.glob("*.txt")):
            gold_path = text.with_suffix(".gold.json")
            if not gold_path.exists():
                continue
            article_out = base_out / text.stem
            report = build([text], article_out, validate=False)
            graph = Graph().parse(article_out / "graph.ttl") if report.articles else Graph()
            gold_entities, gold_relations = read_gold(gold_path)
            predicted_entities, predicted_relations = read_predicted(graph, ontology)
            result.articles.append(ArticleResult(
                text.stem, Comparison(gold_entities, predicted_entities),
                Comparison(gold_relations, predicted_relations)))
    return result
