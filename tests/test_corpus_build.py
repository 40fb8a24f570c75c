"""Many articles: incremental builds, parallel and Dask extraction, the lock, and one
node per person across articles."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphbuilder import build as build_module
from graphbuilder.build import LOCK_FILE, BuildLocked, build
from graphbuilder.cache import CACHE_DIR
from graphbuilder.linking import link_people, person_links
from graphbuilder.types import Article, ArticleExtraction, Entity, Fact, Sentence

ARTICLES = {
    "a.txt": "Prezydent Francji Emmanuel Macron przyleciał do Warszawy. Spotkał się z premierem Polski Donaldem Tuskiem.\n",
    "b.txt": "Premier Japonii Fumio Kishida przyleciał w poniedziałek do Kijowa.\n",
    "c.txt": "Kanclerz Niemiec Olaf Scholz odwiedził Paryż. Rozmawiał z prezydentem Francji.\n",
}


def _write_folder(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _quads(out: Path) -> set[str]:
    """The build's N-Quads as a set of lines: equal sets are equal graphs (no blank nodes)."""
    return set((out / "graph.nq").read_text(encoding="utf-8").splitlines())


def test_second_build_reuses_every_unchanged_article(tmp_path):
    folder = _write_folder(tmp_path / "in", ARTICLES)
    first = build([folder], tmp_path / "out")
    before = _quads(tmp_path / "out")
    second = build([folder], tmp_path / "out")
    assert (first.reused, second.reused, second.articles) == (0, 3, 3)
    assert "(3 unchanged)" in second.summary()
    assert _quads(tmp_path / "out") == before


def test_incremental_build_equals_a_clean_build(tmp_path):
    folder = _write_folder(tmp_path / "in", ARTICLES)
    build([folder], tmp_path / "incremental")
    (folder / "b.txt").write_text("Premier Japonii Fumio Kishida przyleciał do Warszawy.\n", encoding="utf-8")
    (folder / "c.txt").unlink()
    (folder / "d.txt").write_text("Prezydent Ukrainy Wołodymyr Zełenski odwiedził Berlin.\n", encoding="utf-8")
    incremental = build([folder], tmp_path / "incremental")
    clean = build([folder], tmp_path / "clean")
    assert (incremental.reused, clean.reused) == (1, 0)
    quads = _quads(tmp_path / "incremental")
    assert quads == _quads(tmp_path / "clean")
    assert not any("Scholz" in line or "Kijów" in line for line in quads)
    assert any("Zełenski" in line for line in quads)
    cached = list((tmp_path / "incremental" / CACHE_DIR).glob("*/*/*.pickle"))
    assert len(cached) == 3


def test_rebuild_extracts_every_article_again(tmp_path):
    folder = _write_folder(tmp_path / "in", ARTICLES)
    build([folder], tmp_path / "out")
    assert build([folder], tmp_path / "out", rebuild=True).reused == 0


def test_cache_of_another_pipeline_is_dropped(tmp_path, monkeypatch):
    folder = _write_folder(tmp_path / "in", ARTICLES)
    build([folder], tmp_path / "out")
    old = {p.name for p in (tmp_path / "out" / CACHE_DIR).iterdir()}
    monkeypatch.setattr(build_module, "pipeline_fingerprint", lambda: "changed-rules")
    assert build([folder], tmp_path / "out").reused == 0
    assert {p.name for p in (tmp_path / "out" / CACHE_DIR).iterdir()} == {"changed-rules"} != old


def test_parallel_build_equals_serial_build(tmp_path):
    folder = _write_folder(tmp_path / "in", ARTICLES)
    serial = build([folder], tmp_path / "serial")
    parallel = build([folder], tmp_path / "parallel", jobs=2)
    assert (parallel.articles, parallel.errors) == (serial.articles, [])
    assert _quads(tmp_path / "parallel") == _quads(tmp_path / "serial")
    assert (tmp_path / "parallel" / "graph.html").read_bytes() == (tmp_path / "serial" / "graph.html").read_bytes()


def test_parallel_build_reports_bad_files_and_builds_the_rest(tmp_path):
    folder = _write_folder(tmp_path / "in", ARTICLES)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    report = build([folder], tmp_path / "out", jobs=2)
    assert report.articles == 3
    assert sorted(Path(e.source).name for e in report.errors) == ["binary.txt", "empty.txt"]


def test_dask_local_cluster_build_equals_serial_build(tmp_path):
    distributed = pytest.importorskip("distributed")
    folder = _write_folder(tmp_path / "in", ARTICLES)
    serial = build([folder], tmp_path / "serial")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        report = build([folder], tmp_path / "dask", dask=cluster.scheduler_address)
    assert (report.articles, report.errors) == (serial.articles, [])
    assert _quads(tmp_path / "dask") == _quads(tmp_path / "serial")


HOLD_LOCK = """
import sys, time
from pathlib import Path
from graphbuilder.build import build_lock
with build_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold_lock(out: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_second_build_into_a_locked_folder_refuses_and_leaves_it_alone(tmp_path):
    folder = _write_folder(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    build([folder], out)
    before = {p.name: p.read_bytes() for p in out.glob("graph.*")}
    holder = _hold_lock(out, 60)
    try:
        with pytest.raises(BuildLocked, match="another build is writing this folder"):
            build([folder], out)
        result = subprocess.run([sys.executable, "-m", "graphbuilder", "build", str(folder), "--out", str(out)],
                                capture_output=True, text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "another build is writing this folder" in result.stderr
    assert {p.name: p.read_bytes() for p in out.glob("graph.*")} == before
    assert build([folder], out).articles == 3  # a killed holder releases the lock


def test_build_waits_for_the_lock_when_asked(tmp_path):
    folder = _write_folder(tmp_path / "in", {"a.txt": ARTICLES["a.txt"]})
    out = tmp_path / "out"
    holder = _hold_lock(out, 2)
    started = time.monotonic()
    report = build([folder], out, wait=60)
    holder.wait()
    assert report.articles == 1 and time.monotonic() - started >= 1
    assert (out / LOCK_FILE).exists()


def test_stale_staging_folders_of_a_killed_build_are_removed(tmp_path):
    folder = _write_folder(tmp_path / "in", {"a.txt": ARTICLES["a.txt"]})
    stale = tmp_path / "out" / ".staging-killed"
    (stale / "store").mkdir(parents=True)
    (stale / "graph.nq").write_text("half a file", encoding="utf-8")
    assert build([folder], tmp_path / "out").articles == 1
    assert not stale.exists()


# --- one person, one node ---------------------------------------------------------------

@pytest.mark.parametrize("names, expected", [
    ({"Władimir Putin", "Putin"}, {"Putin": "Władimir Putin"}),
    ({"Władimir Putin", "W. Putin"}, {"W. Putin": "Władimir Putin"}),
    ({"Władimir Putin", "A. Putin"}, {}),
    ({"Lech Kaczyński", "Jarosław Kaczyński", "Kaczyński"}, {}),
    ({"Lech Kaczyński", "Jarosław Kaczyński", "J. Kaczyński"}, {"J. Kaczyński": "Jarosław Kaczyński"}),
    ({"Kasym-Żomart Tokajew", "Tokajew"}, {"Tokajew": "Kasym-Żomart Tokajew"}),
    ({"Putin"}, {}),
    ({"Władimir Putin", "Władimir Władimirowicz Putin", "Putin"}, {}),
])
def test_person_links(names, expected):
    assert person_links(names) == expected


def test_link_people_renames_entities_and_facts_and_keeps_the_short_name_as_alias():
    article = Article("a.txt", "", "t", "0" * 64)
    putin, short = ("Person", "Władimir Putin"), ("Person", "Putin")
    extraction = ArticleExtraction(
        article, [Sentence("Putin spotkał się z Władimirem Putinem.", 0, 39)],
        [Entity("Putin", "Person", "Person", {"Putina"}), Entity("Władimir Putin", "Person", "Person"),
         Entity("Rosja", "Country", "Country")],
        [Fact(short, "leaderOf", ("Country", "Rosja"), 0, 0.9, "r"), Fact(short, "meetsWith", putin, 0, 0.9, "r")],
    )
    linked = link_people(extraction, {"Putin": "Władimir Putin"})
    assert [(e.name, e.aliases) for e in linked.entities] == [("Rosja", set()),
                                                               ("Władimir Putin", {"Putin", "Putina"})]
    assert [(f.subject, f.predicate, f.object) for f in linked.facts] == [(putin, "leaderOf", ("Country", "Rosja"))]


def test_build_links_a_surname_to_the_full_name_of_another_article(tmp_path):
    folder = _write_folder(tmp_path / "in", {
        "a.txt": "Prezydent Rosji Władimir Putin przybył do Astany.\n",
        "b.txt": "Putin spotkał się w Moskwie z premierem Indii.\n",
    })
    build([folder], tmp_path / "out")
    people = [line for line in _quads(tmp_path / "out") if "/person/" in line.split(" ")[0] and "#label>" in line]
    assert {line.split(" ")[0] for line in people} == {"<https://w3id.org/graphbuilder/resource/person/wladimir-putin>"}


def test_cli_build_prints_the_stages_and_reuses_on_the_second_run(tmp_path):
    folder = _write_folder(tmp_path / "in", {"a.txt": ARTICLES["a.txt"], "b.jsonl": '{"id": "1", "text": "Putin."}\n{'})
    command = [sys.executable, "-m", "graphbuilder", "build", str(folder), "--out", str(tmp_path / "out"), "--timings"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=300)
    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.returncode == second.returncode == 1  # the bad line of b.jsonl
    assert "b.jsonl: line 2: not JSON" in first.stderr
    summary, stages = first.stdout.splitlines()[-2:]
    assert summary.startswith("2 articles, 1 failed,")
    assert [part.split()[0] for part in stages.split(", ")] == ["read", "nlp", "rdf", "validate", "store", "listings", "html", "total"]
    assert second.stdout.startswith("2 articles (2 unchanged), 1 failed,")
