"""Tests for graphbuilder.articles: reading, decoding and normalising article files.

Bad input must never stop a build: every file yields an Article or an InputError
naming the file and the problem on one line.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import tracemalloc
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from graphbuilder.articles import (
    MAX_ARTICLE_BYTES,
    MAX_ARTICLE_CHARS,
    MAX_TITLE_CHARS,
    InputError,
    find_article_files,
    read_article,
    read_articles,
    title_of,
)
from graphbuilder.types import Article

from conftest import SEED

HEADLINE = "Putin w Kazachstanie. Zażółć gęślą jaźń"
# A realistic news paragraph with many Polish diacritics (all of them in Windows-1250
# and ISO-8859-2), so that the 8-bit encodings can be told apart by detection.
PARAGRAPH = (
    "Prezydent Rosji Władimir Putin przybył do Kazachstanu. Zażółć gęślą jaźń. "
    "Minister spraw zagranicznych Radosław Sikorski spotkał się w środę z przedstawicielami "
    "Unii Europejskiej w Brukseli. Rozmowy dotyczyły bezpieczeństwa energetycznego, pomocy "
    "dla Ukrainy oraz współpracy gospodarczej. Źródła zbliżone do rządu twierdzą, że żadne "
    "wiążące decyzje nie zapadły, jednak ściślejsza współpraca jest możliwa. Świętokrzyskie, "
    "Łódź i Gdańsk przygotowują się do wyborów samorządowych."
)
POLISH_TEXT = f"{HEADLINE}\n{PARAGRAPH}\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _article(path: Path) -> Article:
    item = read_article(path)
    assert isinstance(item, Article), f"expected an Article, got {item}"
    return item


def _error(path: Path) -> InputError:
    item = read_article(path)
    assert isinstance(item, InputError), f"expected an InputError, got {item!r}"
    return item


# --- encodings -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", POLISH_TEXT.encode("utf-8")),
        ("utf-8 with BOM", POLISH_TEXT.encode("utf-8-sig")),
        ("utf-16 (BOM, native order)", POLISH_TEXT.encode("utf-16")),
        ("utf-16-be with BOM", b"\xfe\xff" + POLISH_TEXT.encode("utf-16-be")),
        ("windows-1250", POLISH_TEXT.encode("cp1250")),
        pytest.param(
            "iso-8859-2", POLISH_TEXT.encode("iso-8859-2")),
    ],
)
def test_articles_encodings_decode_to_the_same_text(tmp_path, encoding, data):
    reference = _article(_write(tmp_path, "reference.txt", POLISH_TEXT.encode("utf-8")))
    article = _article(_write(tmp_path, "article.txt", data))
    assert article.text == reference.text == POLISH_TEXT
    assert article.sha256 == reference.sha256
    assert article.sha256 == hashlib.sha256(POLISH_TEXT.encode("utf-8")).hexdigest()
    assert article.title == HEADLINE


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Putin\r\nprzybył do Astany.\r\n", "Putin\nprzybył do Astany.\n"),
        ("Putin\rprzybył do Astany.\r", "Putin\nprzybył do Astany.\n"),
        ("Putin\r\n\r\nAstana\rKazachstan\n", "Putin\n\nAstana\nKazachstan\n"),
        ("Pu\x00tin przy\x00był.\x00", "Putin przybył."),
        ("Ło\u0301dz\u0301 i Kato\u0301w", "Łódź i Katów"),  # decomposed -> composed (NFC)
        ("Pu\u200btin\u00ad w Ka\u200czach\u200dsta\u2060nie.\ufeff", "Putin w Kazachstanie."),
        ("Putin\x0bw\x0cAstanie\x1c\x1d\x1e\x85\u2028\u2029.", "Putin\nw\nAstanie\n\n\n\n\n\n."),
        ("A\x1b[31mstana\x7f\x9f\x01\ufffe\uffff\tKazachstan", "A[31mstana\tKazachstan"),
    ],
    ids=["crlf", "cr", "mixed-line-ends", "nul", "nfd", "zero-width", "other-line-breaks", "control-chars"],
)
def test_articles_text_is_normalised(tmp_path, raw, expected):
    article = _article(_write(tmp_path, "a.txt", raw.encode("utf-8")))
    assert article.text == expected
    assert "\r" not in article.text and "\x00" not in article.text
    assert unicodedata.is_normalized("NFC", article.text)
    assert article.sha256 == hashlib.sha256(expected.encode("utf-8")).hexdigest()


def test_articles_decomposed_and_composed_input_are_the_same_article(tmp_path):
    composed = "Przewodniczący Łódzkiej Rady spotkał się z gośćmi."
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    one = _article(_write(tmp_path, "nfc.txt", composed.encode("utf-8")))
    two = _article(_write(tmp_path, "nfd.txt", decomposed.encode("utf-8")))
    assert one.text == two.text == composed
    assert one.sha256 == two.sha256


# --- bad input -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b" \n\t\r\n  \n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf \r\n"],
    ids=["empty", "spaces", "whitespace-lines", "utf8-bom-only", "utf16-bom-only", "bom-whitespace"],
)
def test_articles_empty_file_is_an_input_error(tmp_path, data):
    path = _write(tmp_path, "empty.txt", data)
    error = _error(path)
    assert error == InputError(str(path), "empty file")


def test_articles_binary_file_is_a_decode_error(tmp_path):
    path = _write(tmp_path, "image.txt", PNG_BYTES + b"\x00" * 64)
    error = _error(path)
    assert error.source == str(path)
    assert "decode" in error.reason


def test_articles_missing_path_is_an_input_error(tmp_path):
    missing = tmp_path / "nope" / "missing.txt"
    assert list(find_article_files([missing])) == [InputError(str(missing), "no such file or folder")]
    assert list(read_articles([missing])) == [InputError(str(missing), "no such file or folder")]


def test_articles_folder_yields_txt_files_sorted(tmp_path):
    for name in ("b.txt", "a.txt", "c.txt", ".hidden.txt", "notes.md", "a.txt.bak", "readme"):
        _write(tmp_path, name, "Putin przybył do Astany.".encode("utf-8"))
    found = list(find_article_files([tmp_path]))
    assert found == [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", tmp_path / "notes.md"]
    articles = list(read_articles([tmp_path]))
    assert [a.source for a in articles] == [str(p) for p in found]
    assert all(isinstance(a, Article) for a in articles)


def test_articles_folder_and_file_arguments_keep_their_order(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    _write(folder, "z.txt", b"Zeta.")
    _write(folder, "y.txt", b"Ypsilon.")
    single = _write(tmp_path, "single.txt", b"Alfa.")
    assert list(find_article_files([single, folder])) == [single, folder / "y.txt", folder / "z.txt"]


def test_articles_directory_named_txt_is_not_a_regular_file(tmp_path):
    _write(tmp_path, "a.txt", "Putin przybył do Astany.".encode("utf-8"))
    (tmp_path / "x.txt").mkdir()
    items = list(read_articles([tmp_path]))
    assert isinstance(items[0], Article) and items[0].source == str(tmp_path / "a.txt")
    assert items[1] == InputError(str(tmp_path / "x.txt"), "not a regular file")
    assert len(items) == 2


def test_articles_one_bad_file_does_not_hide_the_others(tmp_path):
    _write(tmp_path, "1-good.txt", "Macron przyleciał do Warszawy.".encode("utf-8"))
    _write(tmp_path, "2-empty.txt", b"")
    _write(tmp_path, "3-binary.txt", PNG_BYTES + b"\x00" * 16)
    _write(tmp_path, "4-good.txt", "Scholz odwiedził Pragę.".encode("cp1250"))
    items = list(read_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "Article"]
    assert items[3].text == "Scholz odwiedził Pragę."


NOBODY = 65534


@contextmanager
def _unprivileged() -> Iterator[None]:
    """Run the block as user nobody when the tests run as root (as in CI), since root
    reads a chmod 000 file; other users need no change."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A temporary folder every user may enter (pytest's tmp_path is root's alone)."""
    with tempfile.TemporaryDirectory() as name:
        os.chmod(name, 0o755)
        yield Path(name)


def test_articles_unreadable_file_and_folder_are_input_errors(open_folder):
    good = _write(open_folder, "a-good.txt", "Putin przybył do Astany.".encode("utf-8"))
    good.chmod(0o644)
    secret = _write(open_folder, "b-secret.txt", "Putin przybył.".encode("utf-8"))
    secret.chmod(0)
    locked = open_folder / "locked"
    locked.mkdir(mode=0)
    with _unprivileged():
        items = list(read_articles([open_folder, locked]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError"]
    assert items[0].source == str(good)
    assert items[1] == InputError(str(secret), "cannot read: Permission denied")
    assert items[2] == InputError(str(locked), "cannot list folder: Permission denied")
    assert all("\n" not in str(item) for item in items[1:])


def test_articles_symlink_loops_are_input_errors(tmp_path):
    good = _write(tmp_path, "a-good.txt", "Putin przybył do Astany.".encode("utf-8"))
    (tmp_path / "b-loop.txt").symlink_to(tmp_path / "b-loop.txt")
    (tmp_path / "c-one.txt").symlink_to(tmp_path / "c-two.txt")
    (tmp_path / "c-two.txt").symlink_to(tmp_path / "c-one.txt")
    (tmp_path / "folder-loop").symlink_to(tmp_path)
    items = list(read_articles([tmp_path, tmp_path / "b-loop.txt"]))
    assert isinstance(items[0], Article) and items[0].source == str(good)
    assert items[1:] == [InputError(str(tmp_path / name), "not a regular file")
                         for name in ("b-loop.txt", "c-one.txt", "c-two.txt")] + \
        [InputError(str(tmp_path / "b-loop.txt"), "not a regular file or folder")]


@pytest.mark.parametrize(
    "error",
    [
        InputError("input/a.txt", "empty file"),
        InputError("/tmp/x y/b.txt", "cannot decode: not text in a known encoding"),
        InputError("missing", "no such file or folder"),
    ],
)
def test_articles_input_error_str_is_path_colon_reason(error):
    assert str(error) == f"{error.source}: {error.reason}"
    assert "\n" not in str(error)


def test_articles_input_error_str_is_one_line_for_any_file_name(tmp_path):
    path = _write(tmp_path, "zły\nplik.txt", b"")
    error = _error(path)
    assert error.reason == "empty file"
    assert "\n" not in str(error)


# --- long input ----------------------------------------------------------------------

SENTENCE = "Prezydent Rosji Władimir Putin przybył do Kazachstanu. "


def test_articles_length_limit_is_below_what_spacy_accepts(nlp):
    assert MAX_ARTICLE_CHARS < nlp.max_length


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1250"])
def test_articles_text_at_the_limit_is_read(tmp_path, encoding):
    text = (SENTENCE * (MAX_ARTICLE_CHARS // len(SENTENCE) + 1))[:MAX_ARTICLE_CHARS]
    article = _article(_write(tmp_path, "long.txt", text.encode(encoding)))
    assert len(article.text) == MAX_ARTICLE_CHARS


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1250"])
def test_articles_text_over_the_limit_is_a_one_line_error(tmp_path, encoding):
    text = SENTENCE * (MAX_ARTICLE_CHARS // len(SENTENCE) + 1)
    path = _write(tmp_path, "too-long.txt", text.encode(encoding))
    error = _error(path)
    assert error == InputError(str(path), f"too long: {len(text):,} characters (the limit is {MAX_ARTICLE_CHARS:,})")


def test_articles_50_mb_single_line_is_refused_without_loading_it(tmp_path):
    path = tmp_path / "one-line.txt"
    chunk = SENTENCE.encode("utf-8") * 1000
    with path.open("wb") as file:
        for _ in range(50 * 2**20 // len(chunk) + 1):
            file.write(chunk)
    assert path.stat().st_size > 50 * 2**20 and b"\n" not in chunk
    tracemalloc.start()
    try:
        error = _error(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.reason.startswith(f"too long: over {MAX_ARTICLE_BYTES:,} bytes")
    assert "\n" not in str(error)
    assert peak < 3 * MAX_ARTICLE_BYTES, f"reading a refused file used {peak:,} bytes"


# --- titles --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, title",
    [
        ("Putin w Kazachstanie\nPrezydent Rosji przybył do Astany.\n", "Putin w Kazachstanie"),
        ("\n\n   \n  Putin w Kazachstanie  \ntreść\n", "Putin w Kazachstanie"),
        ("Krótki tekst bez nagłówka.", "Krótki tekst bez nagłówka."),
        ("", ""),
        (" \n \n", ""),
    ],
    ids=["headline", "leading-blank-lines", "single-line", "empty", "blank"],
)
def test_articles_title_is_first_non_empty_line(text, title):
    assert title_of(text) == title


def test_articles_title_of_long_first_line_is_its_first_sentence():
    first_line = SEED.read_text(encoding="utf-8").splitlines()[0]
    assert len(first_line) > MAX_TITLE_CHARS
    sentence = "Prezydent Rosji, Władimir Putin, przybył w środę do Kazachstanu z dwudniową wizytą"
    assert title_of(first_line + "\nDalszy tekst.") in (sentence, sentence + ".")


def test_articles_title_of_seed_article():
    article = _article(SEED)
    assert article.title.startswith("Prezydent Rosji, Władimir Putin, przybył w środę do Kazachstanu")
    assert len(article.title) <= MAX_TITLE_CHARS


@pytest.mark.parametrize("words", [40, 200])
def test_articles_title_very_long_is_cut_at_a_word_boundary(words):
    line = " ".join(f"słowo{i}" for i in range(words))  # no sentence end at all
    assert len(line) > MAX_TITLE_CHARS
    title = title_of(line + "\nreszta artykułu")
    assert title.endswith("…")
    kept = title[:-1]
    assert line.startswith(kept)
    assert 0 < len(kept) <= MAX_TITLE_CHARS
    assert line[len(kept)] == " ", "the cut must fall between two words"
    assert not kept.endswith(" ")


def test_articles_title_first_sentence_longer_than_limit_is_cut():
    sentence = " ".join(["bardzo długie zdanie"] * 12)  # > MAX_TITLE_CHARS, then '. '
    title = title_of(f"{sentence}. Drugie zdanie.")
    assert title.endswith("…")
    assert sentence.startswith(title[:-1]) and sentence[len(title) - 1] == " "


@pytest.mark.parametrize(
    "sentence, rest",
    [
        ("Czy Władimir Putin odwiedzi Kazachstan jeszcze w tym roku?",
         "Kreml milczy, a kazachskie media spekulują o terminie wizyty, który miałby przypaść "
         "na drugą połowę listopada."),
        ("Wielka flaga Ukrainy powitała Władimira Putina w Astanie!",
         "Władze Opery Astana wyświetliły ją na budynku, co stanowiło wyraźny sprzeciw wobec "
         "obecności rosyjskiego dyktatora."),
        ("W środę gen. Wiesław Kukuła spotkał się w Brukseli z dowódcami NATO.",
         "Rozmowy dotyczyły wzmocnienia wschodniej flanki sojuszu oraz dostaw amunicji dla "
         "Ukrainy w przyszłym roku."),
    ],
    ids=["question", "exclamation", "abbreviation"],
)
def test_articles_title_of_long_line_ends_at_real_sentence_end(sentence, rest):
    line = f"{sentence} {rest}"
    assert len(line) > MAX_TITLE_CHARS >= len(sentence)
    assert title_of(line).rstrip(".?!") == sentence.rstrip(".?!")
