"""Named-query latency on graphbuilder's store (Oxigraph) beside rdflib's SPARQL engine.

Generates N-Quads shaped like the build's output (one named graph per article: the
article, typed and labelled entities, facts, and an assertion with its sentence,
offsets, rule and confidence for each fact), at each --sizes triples. Each engine runs
in a child process of its own, so load time and peak memory are its own: graphbuilder's
store is written as `build` writes it (with its listings, the stored order the named
queries page through: included in the load time) and opened read-only as `query` opens
it; rdflib parses the file into a Dataset whose default graph is the union, and runs the
plain formulation of each query that reads every page (a case ending in `;all`), since it
has no listings to page through. Two medians per query:
the time to its first row (the joins and, with ORDER BY, the sort: what a client waits
before anything streams) and the time to run it and serialise the whole result as
SPARQL JSON, with the CPU time of the latter (on a shared machine, the wall time grows
with the load and the CPU time much less). rdflib runs only up to --rdflib-max triples.
A query run past --timeout, on either engine, is reported as such. Peak memory is the
child's maximum resident set; a child killed at a timeout leaves the figure of its
restart, or none. --queries also takes .rq files, such as the plain forms of the named
queries in tests/reference_queries/.
Usage: python benchmarks/sparql.py [--sizes 100000 1000000] [--runs 3] [--queries facts 'entity:name=Kraj 3']
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graphbuilder.query import bind_params, default_params, every_page, named_queries, query_params, resolve_query

BASE = "https://w3id.org/graphbuilder/resource/"
GB = "https://w3id.org/graphbuilder/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CLASSES = {"person": ("Person", 0.5), "country": ("Country", 0.05), "city": ("City", 0.2),
           "organization": ("Organization", 0.25)}
PREDICATES = [("visits", "person", "country"), ("visits", "person", "city"), ("leaderOf", "person", "country"),
              ("ministerOf", "person", "country"), ("memberOf", "country", "organization"),
              ("declinedToJoin", "country", "organization"), ("meetsWith", "person", "person"),
              ("locatedIn", "city", "country"), ("citizenOf", "person", "country")]
ENTITIES_PER_ARTICLE = 20
FACTS_PER_ARTICLE = 16
TRIPLES_PER_ARTICLE = 5 + ENTITIES_PER_ARTICLE * 4 + FACTS_PER_ARTICLE * 11
REFERENCE_QUERIES = Path(__file__).resolve().parent.parent / "tests" / "reference_queries"
# named queries to time, with parameters after a colon: the most mentioned person (a hub)
# and one mentioned about a hundred times less; min_confidence keeps about a fifth of the
# facts. A case reads the first page unless it names another; `all` reads every page, as
# `graphbuilder query --all` does, and is also run by rdflib as the plain query.
CASES = ["entity:name=Osoba Przykładowa 0", "entity:name=Osoba Przykładowa 0;page=5", "entity:name=Osoba Przykładowa 100",
         "facts", "facts:page=50", "facts:min_confidence=0.9", "leaders", "memberships", "visits",
         "visits:min_confidence=0.9", "entity:name=Osoba Przykładowa 0;all", "facts:all", "leaders:all",
         "memberships:all", "visits:all"]


def generate(triples: int, path: Path, seed: int = 7) -> int:
    """Write about `triples` quads to `path`; entities are picked with a skewed (Zipf-like)
    distribution so that some are hubs, as real news graphs have. Returns the quad count."""
    rng = random.Random(seed)
    articles = max(1, triples // TRIPLES_PER_ARTICLE)
    pool = {kind: max(5, int(articles * 2 * share)) for kind, (_cls, share) in CLASSES.items()}
    weights = {kind: [1 / (i + 1) for i in range(n)] for kind, n in pool.items()}
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for a in range(articles):
            graph = f"<{BASE}article/{a:08x}>"
            lines = [f"{graph} <{RDF}type> <{GB}Article> {graph} .",
                     f'{graph} <http://purl.org/dc/terms/title> "Artykuł {a}" {graph} .',
                     f'{graph} <{GB}sourceFile> "input/{a}.txt" {graph} .',
                     f'{graph} <{GB}contentHash> "{a:064x}" {graph} .',
                     f'{graph} <http://purl.org/dc/terms/date> "2024-10-{a % 28 + 1:02d}"^^<http://www.w3.org/2001/XMLSchema#date> {graph} .']
            facts = []
            for f in range(FACTS_PER_ARTICLE):
                predicate, skind, okind = rng.choice(PREDICATES)
                s = rng.choices(range(pool[skind]), weights[skind])[0]
                o = rng.choices(range(pool[okind]), weights[okind])[0]
                facts.append((predicate, (skind, s), (okind, o)))
            mentioned = {e for _p, s, o in facts for e in (s, o)}
            while len(mentioned) < ENTITIES_PER_ARTICLE:
                kind = rng.choice(list(pool))
                mentioned.add((kind, rng.choices(range(pool[kind]), weights[kind])[0]))
            for kind, i in mentioned:
                iri, name = f"<{BASE}{kind}/{i}>", f"{kind_label(kind)} {i}"
                lines += [f"{graph} <https://schema.org/mentions> {iri} {graph} .",
                          f"{iri} <{RDF}type> <{GB}{CLASSES[kind][0]}> {graph} .",
                          f'{iri} <http://www.w3.org/2000/01/rdf-schema#label> "{name}"@pl {graph} .',
                          f'{iri} <http://www.w3.org/2004/02/skos/core#altLabel> "{name}a"@pl {graph} .']
            for f, (predicate, (skind, s), (okind, o)) in enumerate(facts):
                subject, obj, assertion = f"<{BASE}{skind}/{s}>", f"<{BASE}{okind}/{o}>", f"<{BASE}assertion/{a}-{f}>"
                start = f * 120
                lines += [f"{subject} <{GB}{predicate}> {obj} {graph} .",
                          f"{assertion} <{RDF}type> <{GB}Assertion> {graph} .",
                          f"{assertion} <{RDF}subject> {subject} {graph} .",
                          f"{assertion} <{RDF}predicate> <{GB}{predicate}> {graph} .",
                          f"{assertion} <{RDF}object> {obj} {graph} .",
                          f"{assertion} <{GB}article> {graph} {graph} .",
                          f'{assertion} <{GB}sentence> "Zdanie {f} artykułu {a}: {kind_label(skind)} {s} i {kind_label(okind)} {o}, z przecinkiem." {graph} .',
                          f'{assertion} <{GB}startOffset> "{start}"^^<http://www.w3.org/2001/XMLSchema#integer> {graph} .',
                          f'{assertion} <{GB}endOffset> "{start + 90}"^^<http://www.w3.org/2001/XMLSchema#integer> {graph} .',
                          f'{assertion} <{GB}confidence> "0.{rng.randint(5, 9)}"^^<http://www.w3.org/2001/XMLSchema#decimal> {graph} .',
                          f'{assertion} <{GB}rule> "{predicate}-rule" {graph} .']
            out.write("\n".join(lines) + "\n")
            count += len(lines)
    return count


def kind_label(kind: str) -> str:
    """The first words of an entity's label. People's labels are longer than 15 bytes, as
    most real names are ("Kasym-Żomart Tokajew"): Oxigraph keeps strings up to 15 bytes
    inside the term and looks longer ones up, also when it sorts, which made `leaders`
    10 times slower at 100 k triples than with all labels short."""
    return {"person": "Osoba Przykładowa", "country": "Kraj", "city": "Miasto", "organization": "Organizacja"}[kind]


def parse_case(case: str) -> tuple[str, dict[str, str], bool]:
    """A case `name:param=value;param=value[;all]` as the query's name, its parameters and
    whether every page is read."""
    name, _, bindings = case.partition(":")
    pairs = [pair for pair in bindings.split(";") if pair]
    return name, dict(pair.split("=", 1) for pair in pairs if pair != "all"), "all" in pairs


def query_text(case: str) -> str:
    """A case's named query with its parameters bound as `graphbuilder query` binds them
    (the first page unless the case says otherwise)."""
    name, params, every = parse_case(case)
    text = resolve_query(name)
    missing = set(query_params(text)) - set(params)
    if missing:
        raise SystemExit(f"{case}: give {', '.join(sorted(missing))} after a colon, e.g. {name}:{min(missing)}=...")
    return bind_params(text, params if every else default_params(text) | params)


def reference_text(case: str) -> str:
    """The plain formulation of a case's query (tests/reference_queries), all rows: what a
    user of rdflib would run."""
    name, params, _ = parse_case(case)
    return bind_params((REFERENCE_QUERIES / f"{name}.rq").read_text(encoding="utf-8"), params)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_oxigraph(path: Path, names: list[str], runs: int) -> None:
    """Write the store as `build` does, open it as `query` does, time the queries."""
    import pyoxigraph as ox

    from graphbuilder.store import write_store

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        write_store([path], Path(folder) / "store")
        store = ox.Store.read_only(str(Path(folder) / "store"))  # its default graph is the union
        emit(load=time.perf_counter() - started)
        for name in names:
            text = query_text(name)
            query, params, every = parse_case(name)
            if every:  # page after page; the first row comes with the first page
                emit_timing(name, lambda: next(iter(store.query(bind_params(text, params | {"page": "1"}))), None),
                            lambda: len(json.dumps(every_page(store, query, text, params).rows)), runs)
            else:
                emit_timing(name, lambda: next(iter(store.query(text)), None),
                            lambda: len(store.query(text).serialize(format=ox.QueryResultsFormat.JSON)), runs)
        emit(peak_mb=peak_mb())


def child_rdflib(path: Path, names: list[str], runs: int) -> None:
    """Parse into a Dataset with the union default graph, time the queries."""
    import rdflib

    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(path, format="nquads")
    emit(load=time.perf_counter() - started)
    for name in names:
        text = reference_text(name)
        emit_timing(name, lambda: next(iter(dataset.query(text)), None),
                    lambda: len(dataset.query(text).serialize(format="json")), runs)
    emit(peak_mb=peak_mb())


def emit_timing(name: str, first_row, whole_json, runs: int) -> None:
    """Medians of `runs` runs to the first row and to the whole result as JSON."""
    firsts, wholes, cpus = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        first_row()
        firsts.append(time.perf_counter() - started)
        started, cpu_started = time.perf_counter(), time.process_time()
        size = whole_json()
        wholes.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu_started)
    emit(query=name, first=statistics.median(firsts), median=statistics.median(wholes),
         cpu=statistics.median(cpus), bytes=size)


def emit(**fields) -> None:
    print(json.dumps(fields), flush=True)


def measure(engine: str, path: Path, names: list[str], runs: int, timeout: float) -> dict:
    """Run an engine's child; a query past `timeout` is recorded as None and the child is
    restarted on the remaining queries."""
    result: dict = {"queries": {}, "load": None, "peak_mb": None}
    remaining = list(names)
    while True:
        command = [sys.executable, __file__, "--child", engine, str(path), "--runs", str(runs), "--queries", *remaining]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        load_deadline = time.monotonic() + 3600
        deadline = load_deadline
        while True:
            if not selector.select(max(0.0, deadline - time.monotonic())):
                process.kill()
                process.wait()
                timed_out = remaining.pop(0)
                result["queries"][timed_out] = None
                break
            line = process.stdout.readline()
            if not line:
                process.wait()
                return result
            record = json.loads(line)
            if "load" in record:
                result["load"] = record["load"]
            elif "query" in record:
                result["queries"][record["query"]] = record
                remaining.remove(record["query"])
            else:
                result["peak_mb"] = record["peak_mb"]
            deadline = time.monotonic() + timeout * runs * 2  # to the first row, then to JSON
        if not remaining:
            return result


def report(size: int, ox_result: dict, rdflib_result: dict | None, names: list[str], timeout: float) -> None:
    def ms(record, key: str = "median") -> str:
        return f"> {timeout * 1000:,.0f}" if record is None else f"{record[key] * 1000:,.1f}"

    def peak(result: dict) -> str:
        return "unknown (a child was killed at a timeout)" if result["peak_mb"] is None else f"{result['peak_mb']:,.0f} MB"

    print(f"\n{size:,} triples")
    print(f"  load: graphbuilder store {ox_result['load']:.1f} s, peak {peak(ox_result)}", end="")
    if rdflib_result:
        print(f"; rdflib {rdflib_result['load']:.1f} s, peak {peak(rdflib_result)}")
    else:
        print("; rdflib skipped")
    width = max(len(name) for name in names)
    print(f"  {'query':{width}s} {'store 1st row':>14s} {'store JSON':>11s} {'its CPU':>8s} {'rdflib JSON':>12s} "
          f"{'ratio':>8s} {'result KB':>10s}")
    for name in names:
        ours = ox_result["queries"].get(name)
        theirs = rdflib_result["queries"].get(name) if rdflib_result else None
        other = ms(theirs) if rdflib_result and name in rdflib_result["queries"] else "-"
        ratio = f"{theirs['median'] / ours['median']:.1f}x" if ours and theirs else "-"
        size_kb = f"{ours['bytes'] / 1000:,.0f}" if ours else "-"
        print(f"  {name:{width}s} {ms(ours, 'first'):>14s} {ms(ours):>11s} {ms(ours, 'cpu'):>8s} {other:>12s} "
              f"{ratio:>8s} {size_kb:>10s}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rdflib-max", type=int, default=100_000,
                        help="Largest size rdflib runs at (it needs about 1.3 GB per million triples).")
    parser.add_argument("--timeout", type=float, default=60.0, help="Seconds one run of one query may take.")
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--queries", nargs="+", default=CASES,
                        help=f"Named queries ({', '.join(named_queries())}), parameters after a colon: entity:name=Kraj 3")
    args = parser.parse_args()
    if args.child:
        engine, path = args.child
        (child_oxigraph if engine == "oxigraph" else child_rdflib)(Path(path), args.queries, args.runs)
        return
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"graph-{size}.nq"
            quads = generate(size, path)
            ours = measure("oxigraph", path, args.queries, args.runs, args.timeout)
            every = [case for case in args.queries if parse_case(case)[2]]
            theirs = (measure("rdflib", path, every, max(1, args.runs // 2), args.timeout)
                      if size <= args.rdflib_max and every else None)
            report(quads, ours, theirs, args.queries, args.timeout)


if __name__ == "__main__":
    main()
