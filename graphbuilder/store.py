"""The persistent Oxigraph store that `build` writes beside its files, and how `query`
and `serve` open it.

The store holds the per-article named graphs as they are, the ontology in a graph of its
own, and in its default graph the union of all of them: simple queries need no GRAPH
clause, while `GRAPH ?g { ... }` still reaches one article's facts. The union is stored,
not left to Oxigraph's `use_default_graph_as_union`, because that union is a bag: a
triple held by 70 article graphs (an entity's label) comes back 70 times, which repeats
rows and made a join over three labels run for minutes on 20 k triples. Opening the
store takes milliseconds; parsing graph.trig again would take seconds at a million
triples.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from .listings import add_listings
from .ontology import ontology_dir

ONTOLOGY_GRAPH = ox.NamedNode("https://w3id.org/graphbuilder/ontology")
STORE_DIR = "store"
DATA_FILES = ("graph.trig", "graph.nq", "graph.ttl")


def data_files(paths: list[Path]) -> list[Path]:
    """Files to load: a folder stands for the first of its graph.trig/.nq/.ttl."""
    files = []
    for path in paths:
        if path.is_dir():
            found = next((path / name for name in DATA_FILES if (path / name).exists()), None)
            if found is None:
                raise FileNotFoundError(f"{path}: no graph.trig, graph.nq or graph.ttl (run `graphbuilder build`)")
            files.append(found)
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return files


def persistent_store(paths: list[Path]) -> Path | None:
    """The store folder to open as it is: only when the data is one build folder that has
    one, since a persistent store is read-only here and other files cannot join it."""
    if len(paths) == 1 and (paths[0] / STORE_DIR / "CURRENT").is_file():
        return paths[0] / STORE_DIR
    return None


def with_union(path: Path, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
    """The quads of a file (put in `graph` if given), each also as a triple of the
    default graph, where the store dedupes them into the union."""
    for quad in ox.parse(path=str(path)):
        named = graph or quad.graph_name
        yield ox.Quad(quad.subject, quad.predicate, quad.object, named)
        if named != ox.DefaultGraph():
            yield ox.Quad(quad.subject, quad.predicate, quad.object)


def load_store(files: list[Path], location: Path | None = None, ontology: Path | None = None,
               listings: bool = True) -> ox.Store:
    """A store holding the files, the ontology graph and their union, and the listings
    the named queries page through (graphbuilder.listings) unless told not to: on disk
    at `location`, or in memory. `ontology` is the ontology folder."""
    store = ox.Store(str(location)) if location else ox.Store()
    for path in files:
        store.bulk_extend(with_union(path))
    add_ontology(store, ontology and ontology / "graphbuilder.ttl")
    if listings:
        add_listings(store, ontology)
    return store


def add_ontology(store: ox.Store, ontology: Path | None = None) -> None:
    """Add the ontology as a graph of its own (and to the union), so that queries can
    use its labels and class hierarchy."""
    store.bulk_extend(with_union(ontology or ontology_dir() / "graphbuilder.ttl", ONTOLOGY_GRAPH))
    store.flush()


def write_store(files: list[Path], location: Path, ontology: Path | None = None) -> None:
    """Write a persistent store and close it, so that it can be moved into place."""
    store = load_store(files, location, ontology)
    store.optimize()
    del store  # the last reference: RocksDB closes its files here


def open_store(paths: list[Path], ontology: Path | None = None, listings: bool = True) -> ox.Store:
    """The build's store, opened read-only, when the data is one build folder that has one;
    otherwise an in-memory store loaded from the files (and the ontology, and the
    listings unless the caller reads no named query)."""
    location = persistent_store(paths)
    if location is not None:
        return ox.Store.read_only(str(location))
    return load_store(data_files(paths), ontology=ontology, listings=listings)


def replace_dir(new: Path, target: Path, trash: Path) -> None:
    """Move the folder `new` to `target`. An earlier `target` is renamed to `trash` first
    (a store is a folder, and os.replace cannot swap two folders in one step), so it is
    never half-overwritten; the caller deletes `trash`."""
    if target.exists():
        os.replace(target, trash)
    os.replace(new, target)
