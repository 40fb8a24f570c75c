"""The build: read -> extract (cached, parallel) -> link -> RDF -> store -> files.

Articles stream through in two passes so that memory holds the graph, not the texts:

1. every article is read and extracted (in this process, in `jobs` processes, or on a
   Dask cluster), and its extraction goes to the cache in the output folder; only its
   metadata and person names stay in memory. An article whose text is already in the
   cache is not extracted again: that is what makes a second build incremental.
2. with the names of the whole build known, short person names are linked across
   articles, and each extraction is read back from the cache and written as N-Quads.

The store is loaded from those N-Quads and writes the other RDF files; the network,
GraphML and HTML follow. Every file is written into a staging folder inside the output
folder and renamed into place only once all are complete, so a failed or killed build
never leaves an earlier good output half-overwritten; a lock keeps two builds out of one
folder.
"""
from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from filelock import FileLock, Timeout
from rdflib import Graph

from .articles import InputError, find_article_files, read_found
from .cache import CACHE_DIR, ExtractionCache, pipeline_fingerprint
from .export import write_rdf_files
from .html import render_html
from .iri import DEFAULT_BASE
from .linking import link_people, person_links, person_names
from .listings import add_listings
from .network import to_graphml_ready, to_networkx
from .ontology import load_ontology, ontology_dir
from .rdf import add_triples, to_dataset
from .runner import Done, Pending, extractor, in_order
from .store import STORE_DIR, add_ontology, replace_dir
from .types import Article, ArticleExtraction
from .validate import ShapeReport, check_shapes

OUTPUT_FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "graph.graphml", "graph.html", "ontology.ttl")
LOCK_FILE = ".graphbuilder.lock"
STAGING_PREFIX = ".staging-"
BULK_LOAD_LINES = 250_000
UNION_TRIPLES = "union.nt"  # the default graph of the store, loaded and deleted in staging
SHAPES_SAMPLE_TRIPLES = 10_000  # pyshacl holds the graph in memory and checks about 1,000 triples a second

Progress = Callable[[int | None], Callable[[], None] | None]


class BuildLocked(RuntimeError):
    """Another build holds the output folder."""


@dataclass
class BuildReport:
    """What a build did: the one-line summary, the errors and the time of each stage."""

    articles: int = 0
    reused: int = 0
    entities: int = 0
    relations: int = 0
    seconds: float = 0.0
    errors: list[InputError] = field(default_factory=list)
    shapes: ShapeReport | None = None
    shapes_articles: int = 0
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    written: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        failed = f", {len(self.errors)} failed" if self.errors else ""
        reused = f" ({self.reused} unchanged)" if self.reused else ""
        return (f"{self.articles} articles{reused}{failed}, {self.entities} entities, "
                f"{self.relations} relations, {self.seconds:.1f} s")

    def stages(self) -> str:
        """The time of each stage, in the order they ran."""
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.timings.items())

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] += time.perf_counter() - started


@dataclass
class Corpus:
    """What the first pass keeps of each article: its metadata (without the text) in
    input order, and the person names of the whole build."""

    articles: dict[str, Article] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)

    def add(self, extraction: ArticleExtraction) -> bool:
        """Keep an article; False for a text already seen under another name."""
        sha = extraction.article.sha256
        if sha in self.articles:
            return False
        self.articles[sha] = replace(extraction.article, text="")
        self.people |= person_names(extraction)
        return True


@contextmanager
def build_lock(out: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the output folder's lock (released by the OS if the build is killed)."""
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out / LOCK_FILE, timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise BuildLocked(f"{out}: another build is writing this folder; wait for it to finish "
                          f"or build into another --out") from None
    try:
        yield
    finally:
        lock.release()


def remove_stale_staging(out: Path) -> None:
    """Staging folders left by a killed build (only ever removed under the lock)."""
    for folder in out.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(folder, ignore_errors=True)


def _timed_reading(items: Iterable, report: BuildReport) -> Iterator:
    """Pass the items on, adding the time spent producing them to the `read` stage."""
    iterator = iter(items)
    while True:
        with report.timing("read"):
            item = next(iterator, StopIteration)
        if item is StopIteration:
            return
        yield item


def extract_all(paths: list[Path], cache: ExtractionCache, report: BuildReport, *, jobs: int = 1,
                dask: str | None = None, rebuild: bool = False, progress: Progress | None = None) -> Corpus:
    """Pass one: read and extract every article, reusing cached extractions, and cache
    the new ones. Returns what pass two needs."""
    files = list(find_article_files(paths))
    one_per_file = not any(isinstance(f, Path) and f.suffix.lower() == ".jsonl" for f in files)
    tick = progress(len(files) if one_per_file else None) if progress else None
    corpus, reused = Corpus(), set()

    def reuse_or_submit(item: Article | InputError, submit: Callable[[Article], Pending]) -> Pending:
        if isinstance(item, InputError):
            return Done(item)
        cached = None if rebuild else cache.get(item)
        if cached is not None:
            reused.add(item.sha256)
            return Done(cached)
        return submit(item)

    started = time.perf_counter()
    with extractor(jobs, dask) as (submit, window):
        articles = _timed_reading(read_found(files), report)
        for result in in_order((reuse_or_submit(item, submit) for item in articles), window):
            if isinstance(result, InputError):
                report.errors.append(result)
            elif corpus.add(result) and result.article.sha256 not in reused:
                cache.put(result)
            if tick:
                tick()
    report.timings["nlp"] += time.perf_counter() - started - report.timings["read"]
    report.articles, report.reused = len(corpus.articles), len(reused & corpus.articles.keys())
    return corpus


def write_nquads(corpus: Corpus, cache: ExtractionCache, folder: Path, base: str, sample: Graph | None) -> int:
    """Pass two: each article's named graph, its people linked across the build, appended
    to graph.nq, and its triples to the union's N-Triples. The first articles up to
    SHAPES_SAMPLE_TRIPLES also go into `sample`. Returns how many articles went into it."""
    links = person_links(corpus.people)
    sampled = 0
    with open(folder / "graph.nq", "wb") as quads, open(folder / UNION_TRIPLES, "wb") as triples:
        for sha, article in corpus.articles.items():
            extraction = cache.load(sha)
            if extraction is None:
                raise RuntimeError(f"{cache.folder}: the cached extraction of {article.source} disappeared")
            dataset = to_dataset([link_people(replace(extraction, article=article), links)], base)
            data = dataset.serialize(format="nquads", encoding="utf-8")
            quads.write(data)
            triples.writelines(without_graph(line) for line in data.splitlines() if line.strip())
            if sample is not None and len(sample) < SHAPES_SAMPLE_TRIPLES:
                add_triples(sample, dataset)
                sampled += 1
    return sampled


def without_graph(quad: bytes) -> bytes:
    """An N-Quads line of a named graph as an N-Triples line (the graph IRI is the last
    term, and an IRI holds no space)."""
    return quad.rsplit(b" ", 2)[0] + b" .\n"


def bulk_load_in_chunks(store: ox.Store, path: Path, fmt: ox.RdfFormat) -> None:
    """Load a line-based RDF file (N-Quads, N-Triples) with Oxigraph's bulk loader, a
    chunk of lines at a time: in one go, its memory grows with the file (1.8 GB for 5 M
    quads, against 0.4 GB in chunks of BULK_LOAD_LINES)."""
    with open(path, "rb") as stream:
        while chunk := b"".join(itertools.islice(stream, BULK_LOAD_LINES)):
            store.bulk_load(input=chunk, format=fmt)


def write_store_and_files(folder: Path, base: str, report: BuildReport) -> nx.MultiDiGraph:
    """Load graph.nq into the store, let the store write the other RDF files, add the
    ontology and the listings the named queries page through, and read the network back
    from it."""
    shutil.copyfile(ontology_dir() / "graphbuilder.ttl", folder / "ontology.ttl")
    with report.timing("store"):
        store = ox.Store(str(folder / STORE_DIR))
        bulk_load_in_chunks(store, folder / "graph.nq", ox.RdfFormat.N_QUADS)
        bulk_load_in_chunks(store, folder / UNION_TRIPLES, ox.RdfFormat.N_TRIPLES)  # deduplicated on load
        (folder / UNION_TRIPLES).unlink()
        write_rdf_files(store, folder, base)
        add_ontology(store, folder / "ontology.ttl")
    with report.timing("listings"):
        add_listings(store)
    with report.timing("store"):
        store.optimize()
        network = to_networkx(store, load_ontology())
    del store  # the last reference: RocksDB closes its files here, before the folder moves
    return network


def write_outputs(corpus: Corpus, cache: ExtractionCache, out: Path, base: str, validate: bool,
                  report: BuildReport) -> None:
    """Serialise everything into a staging folder, check it, then move it into place."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        sample = Graph() if validate else None
        with report.timing("rdf"):
            report.shapes_articles = write_nquads(corpus, cache, staging, base, sample)
        if sample is not None:
            with report.timing("validate"):
                report.shapes = check_shapes(sample)
        network = write_store_and_files(staging, base, report)
        network.graph["title"] = "graphbuilder: " + (next(iter(corpus.articles.values())).title
                                                     if len(corpus.articles) == 1 else f"{len(corpus.articles)} articles")
        report.entities = sum(1 for _, cls in network.nodes(data="cls") if cls != "Article")
        report.relations = network.number_of_edges()
        with report.timing("html"):
            nx.write_graphml(to_graphml_ready(network), staging / "graph.graphml")
            (staging / "graph.html").write_text(render_html(network), encoding="utf-8")
        for name in OUTPUT_FILES:
            os.replace(staging / name, out / name)
            report.written.append(out / name)
        replace_dir(staging / STORE_DIR, out / STORE_DIR, trash=staging / "store.old")
        report.written.append(out / STORE_DIR)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build(paths: list[Path], out: Path, *, base: str = DEFAULT_BASE, validate: bool = True, jobs: int = 1,
          dask: str | None = None, rebuild: bool = False, wait: float = 0.0,
          progress: Progress | None = None) -> BuildReport:
    """Build the knowledge graph of the articles under `paths` into `out`.

    `jobs` processes (or the Dask scheduler at `dask`) run the extraction; `rebuild`
    ignores the cache of earlier builds; `wait` is how long to wait for another build of
    the same folder to finish. `progress`, if given, is called with the number of
    articles (None when unknown) and returns a callback to call after each one. Output
    is written only if at least one article was read. Raises BuildLocked.
    """
    started = time.perf_counter()
    report = BuildReport()
    with build_lock(out, wait):
        remove_stale_staging(out)
        cache = ExtractionCache(out / CACHE_DIR, pipeline_fingerprint())
        corpus = extract_all(paths, cache, report, jobs=jobs, dask=dask, rebuild=rebuild, progress=progress)
        if corpus.articles:
            write_outputs(corpus, cache, out, base, validate, report)
            cache.keep_only(set(corpus.articles))
    report.seconds = time.perf_counter() - started
    report.timings["total"] = report.seconds
    return report
