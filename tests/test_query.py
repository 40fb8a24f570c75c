"""Tests for graphbuilder.query on the build of the seed article, and for the output
files being readable by both RDF libraries."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from graphbuilder.articles import read_article
from graphbuilder.iri import DEFAULT_BASE, article_iri
from graphbuilder.listings import LISTINGS_GRAPH, PAGE_SIZE, listing_queries, listing_rows, order_keys, term_order
from graphbuilder.query import (
    Param,
    Table,
    bind_params,
    declared_params,
    default_params,
    every_page,
    example_params,
    format_table,
    named_queries,
    pages_of,
    query_params,
    resolve_query,
    run_query,
    to_table,
)
from graphbuilder.store import (
    ONTOLOGY_GRAPH,
    STORE_DIR,
    data_files,
    open_store,
    persistent_store,
    replace_dir,
    write_store,
)

from conftest import ROOT, SEED

GB = "https://w3id.org/graphbuilder/ontology#"
PREFIXES = f"PREFIX gb: <{GB}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
NAMED = sorted(named_queries())
PARAMS = {"entity": {"name": "Władimir Putin"}}


def _store(seed_build) -> ox.Store:
    out, _report = seed_build
    return open_store([out])


def _seed_article_iri() -> str:
    return str(article_iri(DEFAULT_BASE, read_article(SEED).sha256))


def test_query_named_queries_are_the_shipped_files():
    assert {"entity", "facts", "leaders", "memberships", "visits"} <= set(NAMED)
    assert all(path.suffix == ".rq" and path.is_file() for path in named_queries().values())


def test_query_data_files_prefers_trig(seed_build):
    out, _ = seed_build
    assert data_files([out]) == [out / "graph.trig"]
    assert data_files([out / "graph.ttl"]) == [out / "graph.ttl"]


def test_query_open_store_loads_data_and_ontology(seed_build):
    store = _store(seed_build)
    graphs = {g.value for g in store.named_graphs()}
    assert ONTOLOGY_GRAPH.value in graphs
    assert _seed_article_iri() in graphs
    owl_class = ox.NamedNode("http://www.w3.org/2002/07/owl#Class")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    assert list(store.quads_for_pattern(ox.NamedNode(GB + "Person"), rdf_type, owl_class, ONTOLOGY_GRAPH))
    rows = to_table(run_query(store, PREFIXES + "SELECT ?p WHERE { ?p a gb:Person ; rdfs:label 'Władimir Putin'@pl }")).rows
    assert rows == [[f"{DEFAULT_BASE}person/wladimir-putin"]]


@pytest.mark.parametrize("name", NAMED)
def test_query_named_query_runs(seed_build, name):
    text = resolve_query(name)
    assert set(query_params(text)) <= set(PARAMS.get(name, {}))
    table = to_table(run_query(_store(seed_build), text, PARAMS.get(name)))
    assert table.columns
    assert all(len(row) == len(table.columns) for row in table.rows)
    assert table.rows, f"{name} finds nothing in the seed article"


def test_query_entity_param_binds_the_name(seed_build):
    text = resolve_query("entity")
    assert query_params(text) == ["name"]
    table = to_table(run_query(_store(seed_build), text, {"name": "Władimir Putin"}))
    sentence = table.columns.index("sentence")
    assert table.rows
    # every sentence names him, by name or by a role phrase resolved to him ("rosyjskiego dyktatora")
    assert all("Putin" in row[sentence] or "dyktator" in row[sentence] for row in table.rows)
    subject, obj = table.columns.index("subject"), table.columns.index("object")
    assert all("Władimir Putin" in (row[subject], row[obj]) for row in table.rows)


def test_query_entity_param_of_unknown_name_finds_nothing(seed_build):
    table = to_table(run_query(_store(seed_build), resolve_query("entity"), {"name": 'Nikt "taki"'}))
    assert table.rows == []


def test_query_visits_finds_putin_in_kazakhstan(seed_build):
    table = to_table(run_query(_store(seed_build), resolve_query("visits")))
    assert table.columns == ["visitor", "place", "confidence", "sentence"]
    assert ("Władimir Putin", "Kazachstan") in {(row[0], row[1]) for row in table.rows}


def test_query_graph_clause_reaches_the_article_graph(seed_build):
    text = PREFIXES + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s gb:visits ?o } }"
    table = to_table(run_query(_store(seed_build), text))
    assert table.rows == [[_seed_article_iri()]]


@pytest.mark.parametrize("text, expected", [
    ("ASK { ?p <https://w3id.org/graphbuilder/ontology#visits> ?o }", True),
    ("ASK { ?p <https://w3id.org/graphbuilder/ontology#visits> <https://example.org/nowhere> }", False),
])
def test_query_ask_returns_a_boolean(seed_build, text, expected):
    result = run_query(_store(seed_build), text)
    assert isinstance(result, ox.QueryBoolean)
    assert bool(result) is expected


def test_query_malformed_sparql_raises_syntax_error(seed_build):
    with pytest.raises(SyntaxError):
        run_query(_store(seed_build), "SELECT WHERE {")


def test_query_resolve_query_named():
    assert resolve_query("visits") == named_queries()["visits"].read_text(encoding="utf-8")


def test_query_resolve_query_rq_file(tmp_path):
    text = "SELECT ?s WHERE {\n  ?s ?p ?o\n} LIMIT 1\n"
    (tmp_path / "mine.rq").write_text(text, encoding="utf-8")
    (tmp_path / "mine.sparql").write_text(text, encoding="utf-8")
    assert resolve_query(str(tmp_path / "mine.rq")) == text
    assert resolve_query(str(tmp_path / "mine.sparql")) == text


@pytest.mark.parametrize("text", [
    "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1",
    "ASK { ?s ?p ?o }",
    "PREFIX gb: <https://w3id.org/graphbuilder/ontology#>\nSELECT ?p WHERE { ?p gb:visits ?o }",
])
def test_query_resolve_query_sparql_text(text):
    assert resolve_query(text) == text


def test_query_resolve_query_long_one_line_sparql():
    text = 'SELECT ?s WHERE { ?s ?p ?o . FILTER (STR(?s) != "' + "x" * 300 + '") }'
    assert resolve_query(text) == text


def _visits(seed_build) -> Table:
    return to_table(run_query(_store(seed_build), resolve_query("visits")))


def test_query_format_table_csv_round_trip(seed_build):
    table = _visits(seed_build)
    assert any("," in row[3] for row in table.rows), "want a sentence with a comma to test quoting"
    rows = list(csv.reader(io.StringIO(format_table(table, "csv"))))
    assert rows[0] == table.columns == ["visitor", "place", "confidence", "sentence"]
    assert rows[1:] == table.rows


def test_query_format_table_json_round_trip(seed_build):
    table = _visits(seed_build)
    records = json.loads(format_table(table, "json"))
    assert records == [dict(zip(table.columns, row)) for row in table.rows]
    assert all(list(record) == table.columns for record in records)
    assert any(r["visitor"] == "Władimir Putin" and r["place"] == "Kazachstan" for r in records)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_query_format_table_empty(fmt):
    table = Table(["a", "b"], [])
    text = format_table(table, fmt)
    if fmt == "csv":
        assert list(csv.reader(io.StringIO(text))) == [["a", "b"]]
    else:
        assert json.loads(text) == []


def test_query_unbound_optional_is_empty_string(seed_build):
    text = "SELECT ?s ?missing WHERE { ?s a <https://w3id.org/graphbuilder/ontology#Article> OPTIONAL { ?s <urn:none> ?missing } }"
    table = to_table(run_query(_store(seed_build), text))
    assert table.rows == [[_seed_article_iri(), ""]]


def test_query_data_files_folder_without_graph(tmp_path):
    (tmp_path / "notes.txt").write_text("nic", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=re.escape(str(tmp_path))):
        data_files([tmp_path])


def test_query_data_files_missing_path(tmp_path):
    missing = tmp_path / "missing.ttl"
    with pytest.raises(FileNotFoundError, match="missing.ttl"):
        data_files([missing])


# --- the output files parse in both RDF libraries ---------------------------------------

def _rdflib_count(path: Path) -> int:
    if path.suffix in {".trig", ".nq"}:
        dataset = rdflib.Dataset()
        dataset.parse(path, format={".trig": "trig", ".nq": "nquads"}[path.suffix])
        return len(list(dataset.quads((None, None, None, None))))
    graph = rdflib.Graph()
    graph.parse(path, format={".ttl": "turtle", ".jsonld": "json-ld"}[path.suffix])
    return len(graph)


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.nq", "graph.jsonld"])
def test_query_output_parses_in_rdflib_and_pyoxigraph(seed_build, name):
    out, _ = seed_build
    path = out / name
    in_rdflib = _rdflib_count(path)
    in_oxigraph = len(list(ox.parse(path=str(path))))
    assert in_rdflib > 0
    assert in_rdflib == in_oxigraph


def test_query_output_formats_hold_the_same_triples(seed_build):
    out, _ = seed_build
    ttl = _rdflib_count(out / "graph.ttl")
    assert _rdflib_count(out / "graph.jsonld") == ttl
    assert _rdflib_count(out / "graph.nq") == _rdflib_count(out / "graph.trig")
    quads = list(ox.parse(path=str(out / "graph.nq")))
    assert all(q.graph_name.value == _seed_article_iri() for q in quads)  # one article, one graph
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == ttl


# --- the persistent store that build writes --------------------------------------------

RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TWO_GRAPHS = """@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:a1> { <urn:putin> rdfs:label "Władimir Putin"@pl . <urn:putin> <urn:visits> <urn:astana> . }
<urn:a2> { <urn:putin> rdfs:label "Władimir Putin"@pl . <urn:putin> <urn:visits> <urn:moskwa> . }
"""


def _build_tiny(folder: Path, out: Path, text: str):
    from graphbuilder.build import build

    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    return build([folder / "a.txt"], out, validate=False)


def test_query_build_writes_a_store_that_opens_read_only(seed_build):
    out, report = seed_build
    assert persistent_store([out]) == out / STORE_DIR
    assert out / STORE_DIR in report.written
    store = open_store([out])
    with pytest.raises(RuntimeError, match="read-write"):
        store.add(ox.Quad(ox.NamedNode("urn:x"), RDFS_LABEL, ox.Literal("x")))
    named = [q for q in store.quads_for_pattern(None, None, None) if q.graph_name not in (ox.DefaultGraph(), LISTINGS_GRAPH)]
    expected = list(ox.parse(path=str(out / "graph.nq")))
    expected += [ox.Quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH) for q in ox.parse(path=str(out / "ontology.ttl"))]
    assert len(named) == len(expected)

    def labelled(quads):  # blank nodes are renamed by every parse
        return {q for q in quads if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    assert labelled(named) == labelled(expected)


def test_query_store_default_graph_is_the_set_union(seed_build):
    """...of the article graphs and the ontology: the listings graph stays apart."""
    out, _ = seed_build
    store = open_store([out])
    union = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None)
             if q.graph_name != LISTINGS_GRAPH}
    default = {ox.Triple(q.subject, q.predicate, q.object)
               for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert default == union


def test_query_union_counts_a_triple_once_however_many_graphs_hold_it(tmp_path):
    path = tmp_path / "two.trig"
    path.write_text(TWO_GRAPHS, encoding="utf-8")
    store = open_store([path])
    count = "SELECT (COUNT(*) AS ?n) WHERE { <urn:putin> <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    assert to_table(run_query(store, count)).rows == [["1"]]
    per_graph = "SELECT ?g WHERE { GRAPH ?g { <urn:putin> <http://www.w3.org/2000/01/rdf-schema#label> ?l } } ORDER BY ?g"
    assert to_table(run_query(store, per_graph)).rows == [["urn:a1"], ["urn:a2"]]
    visits = "SELECT ?o WHERE { <urn:putin> <urn:visits> ?o } ORDER BY ?o"
    assert to_table(run_query(store, visits)).rows == [["urn:astana"], ["urn:moskwa"]]


def test_query_files_are_loaded_in_memory(seed_build, tmp_path):
    out, _ = seed_build
    assert persistent_store([out / "graph.trig"]) is None
    assert persistent_store([out, out]) is None
    assert persistent_store([tmp_path]) is None
    store = open_store([out / "graph.trig"])
    store.add(ox.Quad(ox.NamedNode("urn:x"), RDFS_LABEL, ox.Literal("x")))  # in memory: writable
    assert ONTOLOGY_GRAPH in set(store.named_graphs())


def test_query_write_store_round_trip(tmp_path):
    path = tmp_path / "two.trig"
    path.write_text(TWO_GRAPHS, encoding="utf-8")
    write_store([path], tmp_path / "store")
    store = ox.Store.read_only(str(tmp_path / "store"))
    assert {g.value for g in store.named_graphs()} == {"urn:a1", "urn:a2", ONTOLOGY_GRAPH.value}
    assert len(list(store.quads_for_pattern(None, RDFS_LABEL, ox.Literal("Władimir Putin", language="pl")))) == 3


def test_query_replace_dir_moves_the_old_folder_aside(tmp_path):
    new, target, trash = tmp_path / "new", tmp_path / "store", tmp_path / "trash"
    new.mkdir()
    (new / "CURRENT").write_text("new")
    replace_dir(new, target, trash)
    assert (target / "CURRENT").read_text() == "new" and not trash.exists()
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "CURRENT").write_text("newer")
    replace_dir(newer, target, trash)
    assert (target / "CURRENT").read_text() == "newer"
    assert (trash / "CURRENT").read_text() == "new"
    assert not new.exists() and not newer.exists()


def test_query_rebuild_replaces_the_store(tmp_path):
    out = tmp_path / "out"
    _build_tiny(tmp_path / "one", out, "Prezydent Francji Emmanuel Macron przyleciał do Warszawy.\n")
    _build_tiny(tmp_path / "two", out, "Premier Japonii Fumio Kishida przyleciał w poniedziałek do Kijowa.\n")
    names = {row[0] for row in to_table(run_query(open_store([out]), PREFIXES + "SELECT ?n WHERE { ?p a gb:Person ; rdfs:label ?n }")).rows}
    assert names == {"Fumio Kishida"}
    assert sorted(p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")) == [STORE_DIR]
    assert not list(out.glob(".staging-*"))


# --- parameters ------------------------------------------------------------------------

def test_query_bind_params_puts_values_at_the_start_of_where():
    text = "SELECT ?e WHERE {\n  ?e <urn:label> ?name .\n}"
    bound = bind_params(text, {"name": 'Nikt "taki"'})
    assert bound.startswith("SELECT ?e WHERE {\nVALUES ?name { \"Nikt \\\"taki\\\"\"@pl }\n  ?e")
    assert bind_params(text, {}) == text
    assert bind_params("ASK { ?s ?p ?name }", {"name": "x"}) == 'ASK { ?s ?p ?name }\nVALUES ?name { "x"@pl }'


def test_query_bound_params_give_the_rows_a_trailing_values_gives(seed_build):
    store = _store(seed_build)
    text = resolve_query("entity")
    trailing = text + '\nVALUES ?name { "Władimir Putin"@pl }'
    assert to_table(run_query(store, text, {"name": "Władimir Putin"})).rows == to_table(store.query(trailing)).rows


# --- tuned named queries against their plain reference formulations ------------------------

REFERENCE_QUERIES = Path(__file__).parent / "reference_queries"
GENERATED_TRIPLES = 20_000
GENERATED_PARAMS = {"entity": {"name": "Osoba Przykładowa 0"}}  # the generator's most mentioned person


def _benchmark_generator():
    """The benchmark's generator of graphs shaped like the build's output."""
    spec = importlib.util.spec_from_file_location("sparql_benchmark", ROOT / "benchmarks" / "sparql.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


@pytest.fixture(scope="module")
def generated_folder(tmp_path_factory) -> Path:
    """A folder like a build's: a generated graph, with hubs, and its persistent store."""
    folder = tmp_path_factory.mktemp("generated")
    _benchmark_generator()(GENERATED_TRIPLES, folder / "graph.nq")
    write_store([folder / "graph.nq"], folder / STORE_DIR)
    return folder


@pytest.fixture(scope="module")
def generated_store(generated_folder) -> ox.Store:
    return ox.Store.read_only(str(generated_folder / STORE_DIR))


def _order_keys(text: str, table: Table) -> list[tuple[str, ...]]:
    """Each row's values of the query's ORDER BY variables, in row order."""
    order_by = re.search(r"ORDER BY (.*)$", text, re.MULTILINE | re.IGNORECASE).group(1)
    columns = [table.columns.index(name) for name in re.findall(r"\?(\w+)", order_by)]
    return [tuple(row[i] for i in columns) for row in table.rows]


def _same_rows(store: ox.Store, name: str, params: dict[str, str] | None) -> tuple[Table, Table]:
    """The paged named query, read page after page and with its page unbound, gives the
    rows of its plain reference formulation in the reference's order."""
    text, reference_text = resolve_query(name), (REFERENCE_QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    paged = every_page(store, name, text, dict(params or {}))
    unbound = to_table(run_query(store, text, params))
    reference = to_table(run_query(store, reference_text, params))
    assert paged.columns == unbound.columns == reference.columns
    assert sorted(paged.rows) == sorted(reference.rows)
    assert _order_keys(reference_text, paged) == _order_keys(reference_text, reference)
    assert paged.rows == unbound.rows
    return paged, reference


def test_query_every_named_query_has_a_reference():
    assert sorted(path.stem for path in REFERENCE_QUERIES.glob("*.rq")) == NAMED


@pytest.mark.parametrize("name", NAMED)
def test_query_tuned_query_gives_the_reference_rows_on_the_seed_build(seed_build, name):
    tuned, _ = _same_rows(_store(seed_build), name, PARAMS.get(name))
    assert tuned.rows


@pytest.mark.parametrize("name", NAMED)
def test_query_tuned_query_gives_the_reference_rows_on_a_generated_graph(generated_store, name):
    tuned, _ = _same_rows(generated_store, name, GENERATED_PARAMS.get(name))
    assert len(tuned.rows) > PAGE_SIZE, "want more than one page"


def test_query_entity_fact_about_itself_comes_once(tmp_path):
    """The entity query's UNION must not repeat a fact whose subject and object are the entity."""
    gb, rdf = "https://w3id.org/graphbuilder/ontology#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    data = tmp_path / "self.ttl"
    data.write_text(f"""@prefix gb: <{gb}> . @prefix rdf: <{rdf}> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:e> rdfs:label "Ktoś"@pl ; gb:meetsWith <urn:e> .
<urn:a> a gb:Assertion ; rdf:subject <urn:e> ; rdf:predicate gb:meetsWith ; rdf:object <urn:e> ;
  gb:confidence 0.9 ; gb:sentence "Ktoś spotkał się z sobą." ; gb:article <urn:art> .
""", encoding="utf-8")
    tuned, _ = _same_rows(open_store([data]), "entity", {"name": "Ktoś"})
    assert tuned.rows == [["Ktoś", "meetsWith", "Ktoś", "0.9", "Ktoś spotkał się z sobą.", "urn:art"]]


# --- min_confidence ----------------------------------------------------------------------------

def test_query_declared_params_of_the_named_queries():
    page = Param("page", integer=True, required=False, default="1")
    confidence = Param("min_confidence", number=True, required=False, example="0.8")
    entity = declared_params(resolve_query("entity"))
    assert entity == {"name": Param("name", example="Władimir Putin"), "page": page, "min_confidence": confidence}
    assert query_params(resolve_query("entity")) == ["name"]
    assert example_params(resolve_query("entity")) == {"page": "1", "name": "Władimir Putin"}
    for name in ("facts", "visits"):
        assert declared_params(resolve_query(name)) == {"page": page, "min_confidence": confidence}
        assert query_params(resolve_query(name)) == []
    for name in NAMED:
        assert default_params(resolve_query(name)) == {"page": "1"}


def test_query_number_param_is_bound_as_a_decimal():
    text = "# param: min_confidence (number, optional)\nSELECT ?c WHERE { ?a <urn:c> ?c }"
    assert 'VALUES ?min_confidence { "0.80"^^<http://www.w3.org/2001/XMLSchema#decimal> }' in bind_params(text, {"min_confidence": " 0.80"})
    for bad in ("wysoka", "nan", "inf", ""):
        with pytest.raises(ValueError, match="min_confidence needs a number"):
            bind_params(text, {"min_confidence": bad})


@pytest.mark.parametrize("name", ["facts", "visits", "entity"])
def test_query_min_confidence_keeps_the_facts_at_least_that_confident(generated_store, name):
    params = dict(GENERATED_PARAMS.get(name, {}))
    everything = to_table(run_query(generated_store, resolve_query(name), params))
    confidence = everything.columns.index("confidence")
    threshold = sorted(Decimal(row[confidence]) for row in everything.rows)[len(everything.rows) // 2]
    kept = to_table(run_query(generated_store, resolve_query(name), params | {"min_confidence": str(threshold)}))
    assert sorted(kept.rows) == sorted(row for row in everything.rows if Decimal(row[confidence]) >= threshold)
    assert 0 < len(kept.rows) < len(everything.rows)


# --- listings: the stored order the named queries page through ---------------------------

@pytest.mark.parametrize("name", sorted(listing_queries()))
def test_query_listing_sorted_in_python_keeps_the_sparql_order(generated_store, name):
    """The build sorts a listing's rows in Python (Oxigraph's sort on long strings is
    slow); the order must be the one its ORDER BY line gives in Oxigraph."""
    text = listing_queries()[name].read_text(encoding="utf-8")
    keys = [key for key, _descending in order_keys(text)]
    in_python = [row[2:] for row in listing_rows(generated_store, text)]
    in_sparql = [tuple(term_order(s[key]) for key in keys) for s in generated_store.query(text)]
    assert len(in_python) > PAGE_SIZE
    assert in_python == in_sparql


def test_query_every_listing_has_a_paged_named_query():
    assert sorted(listing_queries()) == NAMED
    assert all("page" in declared_params(resolve_query(name)) for name in NAMED)


def test_query_order_keys_and_term_order():
    assert order_keys("SELECT * WHERE { }\nORDER BY ?visitor ?place DESC(?confidence)\n") == [
        ("visitor", False), ("place", False), ("confidence", True)]
    decimal = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    assert term_order(ox.Literal("0.85", datatype=decimal)) < term_order(ox.Literal("0.9", datatype=decimal))
    assert term_order(ox.Literal("10", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))) > \
        term_order(ox.Literal("9", datatype=decimal))
    assert term_order(None) < term_order(ox.NamedNode("urn:a")) < term_order(ox.Literal("a"))
    assert term_order(ox.Literal("Zenon", language="pl")) < term_order(ox.Literal("Łukasz", language="pl"))  # code points


def test_query_pages_hold_page_size_rows_in_order(generated_store):
    text = resolve_query("visits")
    entries, pages = pages_of(generated_store, "visits", {})
    assert pages == (entries + PAGE_SIZE - 1) // PAGE_SIZE and pages > 1

    def page(number: str) -> list[list[str]]:
        return to_table(run_query(generated_store, text, {"page": number})).rows
    assert len(page("1")) == PAGE_SIZE
    assert len(page(str(pages))) == entries - PAGE_SIZE * (pages - 1)
    assert page(str(pages + 1)) == [] and page("0") == []
    assert page("1") + page("2") == to_table(run_query(generated_store, text)).rows[:2 * PAGE_SIZE]
    with pytest.raises(ValueError, match="page needs a whole number"):
        bind_params(text, {"page": "druga"})


def test_query_pages_of_an_entity_listing(generated_store):
    name = GENERATED_PARAMS["entity"]["name"]
    entries, pages = pages_of(generated_store, "entity", {"name": name})
    assert pages > 1
    assert len(every_page(generated_store, "entity", resolve_query("entity"), {"name": name}).rows) == entries
    assert pages_of(generated_store, "entity", {"name": "Nikt taki"}) is None


def test_query_listings_stay_out_of_the_network_and_the_files(seed_build):
    from graphbuilder.network import to_networkx
    from graphbuilder.ontology import load_ontology

    out, report = seed_build
    store = open_store([out])
    assert LISTINGS_GRAPH in set(store.named_graphs())
    assert "listings" in report.timings
    network = to_networkx(store, load_ontology())
    assert not [node for node in network if "/listing/" in node]
    assert "/listing/" not in (out / "graph.trig").read_text(encoding="utf-8")


def test_cli_query_pages_and_all(generated_folder):
    from click.testing import CliRunner

    from graphbuilder.cli import main

    def invoke(*args: str):
        result = CliRunner().invoke(main, ["query", "visits", "--data", str(generated_folder), "--format", "csv", *args])
        assert result.exit_code == 0, result.output
        return result
    entries, pages = pages_of(ox.Store.read_only(str(generated_folder / STORE_DIR)), "visits", {})
    first, second, every = invoke(), invoke("--param", "page=2"), invoke("--all")
    rows = [list(csv.reader(io.StringIO(result.stdout)))[1:] for result in (first, second, every)]
    assert len(rows[0]) == len(rows[1]) == PAGE_SIZE and len(rows[2]) == entries
    assert rows[0] + rows[1] == rows[2][:2 * PAGE_SIZE]
    assert f"Page 1 of {pages} ({entries:,} rows). Next: --param page=2." in first.stderr
    assert "Page 2 of" in second.stderr and "Page" not in every.stderr
