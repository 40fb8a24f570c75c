"""The build: read -> nlp.pipe -> extract -> RDF -> networkx -> files.

Every output file is written into a staging folder inside the output folder and renamed
into place only once all of them are complete, so a failed or killed build never leaves
an earlier good output half-overwritten.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .articles import InputError, read_articles
from .extract import extract
from .html import render_html
from .iri import DEFAULT_BASE
from .network import to_graphml_ready, to_networkx
from .nlp import build_nlp
from .ontology import load_ontology, ontology_dir
from .rdf import to_dataset, union_graph
from .store import STORE_DIR, replace_dir, write_store
from .types import Article, ArticleExtraction
from .validate import ShapeReport, check_shapes

OUTPUT_FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "graph.graphml", "graph.html", "ontology.ttl")


@dataclass
class BuildReport:
    """What a build did: the one-line summary and the errors to report."""

    articles: int = 0
    entities: int = 0
    relations: int = 0
    seconds: float = 0.0
    errors: list[InputError] = field(default_factory=list)
    shapes: ShapeReport | None = None
    written: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        failed = f", {len(self.errors)} failed" if self.errors else ""
        return (f"{self.articles} articles{failed}, {self.entities} entities, "
                f"{self.relations} relations, {self.seconds:.1f} s")


def extract_articles(articles: Iterable[Article], report: BuildReport,
                     progress: Callable[[], None] | None = None) -> list[ArticleExtraction]:
    """Run the pipeline over the articles; an article that fails is reported, not fatal."""
    nlp = build_nlp()
    ontology = load_ontology()
    extractions = []
    for article in articles:
        try:
            extractions.append(extract(nlp(article.text), article, ontology))
        except Exception as err:  # noqa: BLE001 - one bad article must not stop the build
            report.errors.append(InputError(article.source, f"processing failed: {type(err).__name__}: {err}"))
        if progress:
            progress()
    return extractions


def write_outputs(extractions: list[ArticleExtraction], out: Path, base: str, validate: bool,
                  report: BuildReport) -> None:
    """Serialise everything into a staging folder, check it, then move it into place."""
    ontology = load_ontology()
    dataset = to_dataset(extractions, base)
    graph = union_graph(dataset, base)
    if validate:
        report.shapes = check_shapes(graph)
    network = to_networkx(graph, ontology)
    network.graph["title"] = "graphbuilder: " + (extractions[0].article.title if len(extractions) == 1
                                                 else f"{len(extractions)} articles")
    report.entities = len({e.key for x in extractions for e in x.entities})
    report.relations = network.number_of_edges()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        _serialise(dataset, graph, network, staging)
        for name in OUTPUT_FILES:
            os.replace(staging / name, out / name)
            report.written.append(out / name)
        replace_dir(staging / STORE_DIR, out / STORE_DIR, trash=staging / "store.old")
        report.written.append(out / STORE_DIR)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _serialise(dataset, graph, network: nx.MultiDiGraph, folder: Path) -> None:
    graph.serialize(folder / "graph.ttl", format="turtle", encoding="utf-8")
    dataset.serialize(folder / "graph.trig", format="trig", encoding="utf-8")
    dataset.serialize(folder / "graph.nq", format="nquads", encoding="utf-8")
    graph.serialize(folder / "graph.jsonld", format="json-ld", encoding="utf-8", auto_compact=True)
    nx.write_graphml(to_graphml_ready(network), folder / "graph.graphml")
    (folder / "graph.html").write_text(render_html(network), encoding="utf-8")
    shutil.copyfile(ontology_dir() / "graphbuilder.ttl", folder / "ontology.ttl")
    write_store([folder / "graph.nq"], folder / STORE_DIR, folder / "ontology.ttl")


def build(paths: list[Path], out: Path, *, base: str = DEFAULT_BASE, validate: bool = True,
          progress: Callable[[int], Callable[[], None]] | None = None) -> BuildReport:
    """Build the knowledge graph of the articles under `paths` into `out`.

    `progress`, if given, is called with the number of articles and returns a callback
    to call after each one. Output is written only if at least one article was read.
    """
    started = time.perf_counter()
    report = BuildReport()
    articles = []
    for item in read_articles(paths):
        (report.errors if isinstance(item, InputError) else articles).append(item)
    tick = progress(len(articles)) if progress and articles else None
    extractions = extract_articles(articles, report, tick) if articles else []
    report.articles = len(extractions)
    if extractions:
        write_outputs(extractions, out, base, validate, report)
    report.seconds = time.perf_counter() - started
    return report
