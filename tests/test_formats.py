"""Markdown, HTML and JSON Lines articles: their text, their metadata and their errors."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from graphbuilder.articles import InputError, read_articles
from graphbuilder.build import build
from graphbuilder.formats import FormatError, iso_date, read_html, read_jsonl, read_markdown

TEXT = "Prezydent Francji Emmanuel Macron przyleciał do Warszawy."

MARKDOWN = """---
title: "Macron w Warszawie"
date: 2024-05-06T10:00:00+02:00
url: https://example.pl/macron
---
# Macron *z wizytą* w Polsce

Prezydent Francji [Emmanuel Macron](https://example.pl/macron) przyleciał
do **Warszawy**.

![zdjęcie](foto.jpg)
"""

HTML = """<!doctype html><html lang="pl"><head><title>Macron w Warszawie | Portal</title>
<meta property="og:title" content="Macron w Warszawie">
<meta property="og:url" content="https://example.pl/macron">
<meta property="article:published_time" content="2024-05-06T10:00:00+02:00"></head>
<body><nav><ul><li><a href="/">Strona główna</a></li><li><a href="/swiat">Świat</a></li></ul></nav>
<article><h1>Macron w Warszawie</h1>
<p>Prezydent Francji Emmanuel Macron przyleciał do Warszawy. Spotkał się z premierem Polski
Donaldem Tuskiem w Kancelarii Premiera, gdzie rozmawiali o bezpieczeństwie Europy.</p>
<p>Obaj politycy podpisali traktat o wzmocnionej współpracy, jak podaje Polska Agencja Prasowa.</p>
</article>
<footer><p>© 2024 Portal. Wszelkie prawa zastrzeżone. Polityka prywatności. Regulamin.</p></footer>
</body></html>"""


def test_markdown_text_drops_markup_and_keeps_link_text():
    fields = read_markdown(MARKDOWN)
    assert fields.text.splitlines() == [
        "Macron z wizytą w Polsce",
        "Prezydent Francji Emmanuel Macron przyleciał do Warszawy.",
    ]


def test_markdown_metadata_from_front_matter():
    fields = read_markdown(MARKDOWN)
    assert (fields.title, fields.date, fields.url) == ("Macron w Warszawie", "2024-05-06", "https://example.pl/macron")


def test_markdown_without_front_matter_takes_the_first_heading_as_title():
    fields = read_markdown("Wstęp bez nagłówka.\n\n## Macron w Polsce\n\n" + TEXT)
    assert fields.title == "Macron w Polsce" and fields.date is None


def test_html_main_text_without_navigation_and_footer():
    fields = read_html(HTML)
    assert "Emmanuel Macron przyleciał do Warszawy" in fields.text
    assert "Polska Agencja Prasowa" in fields.text
    for boilerplate in ("Strona główna", "Wszelkie prawa zastrzeżone", "Regulamin"):
        assert boilerplate not in fields.text


def test_html_metadata():
    fields = read_html(HTML)
    assert (fields.title, fields.date, fields.url) == ("Macron w Warszawie", "2024-05-06", "https://example.pl/macron")


def test_html_without_article_text_is_a_format_error():
    with pytest.raises(FormatError):
        read_html("<html><head><title>Pusta</title></head><body><script>var a = 1;</script></body></html>")


def test_jsonl_articles_and_errors_by_line():
    lines = [
        json.dumps({"id": "a1", "title": "Macron", "date": "2024-05-06", "url": "https://example.pl/1", "text": TEXT}),
        "",
        "{not json",
        json.dumps({"id": "a2", "text": "   "}),
        json.dumps(["a list"]),
        json.dumps({"text": TEXT, "date": "wczoraj"}),
    ]
    items = list(read_jsonl(lines))
    assert [type(item).__name__ for item in items] == ["ArticleFields", "FormatError", "FormatError",
                                                        "FormatError", "ArticleFields"]
    assert (items[0].id, items[0].title, items[0].date, items[0].url) == ("a1", "Macron", "2024-05-06",
                                                                           "https://example.pl/1")
    assert [str(e) for e in items[1:4]] == ["line 3: not JSON (Expecting property name enclosed in double quotes)",
                                            "line 4: no text", "line 5: not a JSON object"]
    assert items[4].id == "line-6" and items[4].date is None


@pytest.mark.parametrize("value, expected", [
    ("2024-05-06", "2024-05-06"), ("2024-05-06T10:00:00Z", "2024-05-06"), ("2024-02-30", None),
    ("6 maja 2024", None), (None, None), (20240506, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_read_articles_of_every_format(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "c.html").write_text(HTML, encoding="cp1250")
    records = [{"id": "x", "text": TEXT + " Drugi."}, {"id": "y"}]
    (tmp_path / "d.jsonl").write_text("\n".join(map(json.dumps, records)), encoding="utf-8")
    items = list(read_articles([tmp_path]))
    sources = [item.source for item in items]
    assert sources == [str(tmp_path / name) for name in ("a.txt", "b.md", "c.html", "d.jsonl#x", "d.jsonl")]
    assert isinstance(items[-1], InputError) and str(items[-1]).endswith("d.jsonl: line 2: no text")
    assert items[2].title == "Macron w Warszawie" and "Świat" not in items[2].text


def test_build_writes_article_metadata_of_every_format(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.md").write_text(MARKDOWN, encoding="utf-8")
    record = {"id": "x-1", "title": "Tusk i Macron", "date": "2024-05-07", "url": "https://example.pl/2",
              "text": "Premier Polski Donald Tusk spotkał się z prezydentem Francji Emmanuelem Macronem."}
    (folder / "d.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    report = build([folder], tmp_path / "out")
    assert report.articles == 2 and not report.errors and report.shapes.conforms
    store = ox.Store()
    store.load(path=str(tmp_path / "out" / "graph.ttl"))
    rows = store.query("""PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX schema: <https://schema.org/>
        PREFIX gb: <https://w3id.org/graphbuilder/ontology#>
        SELECT ?title ?date ?url ?source WHERE { ?a a gb:Article ; dcterms:title ?title ; dcterms:date ?date ;
          schema:url ?url ; gb:sourceFile ?source } ORDER BY ?date""")
    assert [(r["title"].value, r["date"].value, r["url"].value, r["source"].value) for r in rows] == [
        ("Macron w Warszawie", "2024-05-06", "https://example.pl/macron", str(folder / "b.md")),
        ("Tusk i Macron", "2024-05-07", "https://example.pl/2", str(folder / "d.jsonl#x-1")),
    ]
    assert bool(store.query("""PREFIX gb: <https://w3id.org/graphbuilder/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        ASK { ?p gb:meetsWith ?m . ?p rdfs:label "Donald Tusk"@pl . ?m rdfs:label "Emmanuel Macron"@pl }"""))


def test_html_page_larger_than_a_text_article_is_read(tmp_path):
    from graphbuilder.articles import MAX_ARTICLE_BYTES

    scripts = "<script>var tracking = '" + "x" * 1000 + "';</script>\n"
    page = HTML.replace("</head>", scripts * (MAX_ARTICLE_BYTES // len(scripts) + 1) + "</head>")
    assert len(page.encode()) > MAX_ARTICLE_BYTES
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [article] = read_articles([tmp_path / "page.html"])
    assert "Emmanuel Macron przyleciał do Warszawy" in article.text and "tracking" not in article.text


def test_jsonl_streams_lines_and_names_a_line_that_is_not_utf8(tmp_path):
    good = json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False).encode()
    (tmp_path / "feed.jsonl").write_bytes(good + b"\n" + b'{"id": "b", "text": "\xff\xfe zepsute"}\n' + good.replace(b'"a"', b'"c"'))
    items = list(read_articles([tmp_path / "feed.jsonl"]))
    assert [getattr(item, "source", None) for item in items] == [
        str(tmp_path / "feed.jsonl#a"), str(tmp_path / "feed.jsonl#b"), str(tmp_path / "feed.jsonl#c")]
    assert "\ufffd" in items[1].text
