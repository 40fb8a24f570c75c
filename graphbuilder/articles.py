"""Reading articles from files and folders.

Bad input never stops a build: each file yields either an `Article` or an `InputError`
naming the file and the problem, and the caller reports the errors and goes on.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .formats import ArticleFields, FormatError, read_html, read_jsonl, read_markdown
from .types import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
SINGLE_ARTICLE_READERS = {".md": read_markdown, ".html": read_html, ".htm": read_html}
POLISH_ENCODINGS = ("cp1250", "iso8859_2")
POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”–—…«»")
SENTENCE_END = re.compile(r"(?<=\w{4}[.!?…])\s+(?=[\"„«(]?[A-ZĄĆĘŁŃÓŚŹŻ])|(?<=[!?…])\s+")
MAX_TITLE_CHARS = 120
# Line and page breaks other than "\n": CR, vertical tab, form feed, the information
# separators, NEL and Unicode's line and paragraph separators (str.splitlines breaks at all).
LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Dropped: the other control characters (NUL, ESC ...) and U+FFFE/U+FFFF, which XML 1.0 and
# so GraphML cannot hold, and the invisible characters that scrapers leave inside words
# ("Pu\u200btin"): soft hyphen, zero-width space, (non-)joiner, word joiner, a stray BOM.
CONTROL_CHARS = "".join(chr(c) for c in (*range(0x20), *range(0x7f, 0xa0)) if chr(c) not in "\t\n" + LINE_BREAKS)
DROPPED_CHARS = CONTROL_CHARS + "\ufffe\uffff\u00ad\u200b\u200c\u200d\u2060\ufeff"
NORMALISED_CHARS = str.maketrans(dict.fromkeys(LINE_BREAKS, "\n") | dict.fromkeys(DROPPED_CHARS))
# Longer texts are refused: spaCy refuses texts over 1,000,000 characters outright, and the
# pipeline takes about 15 s at this length (BENCHMARKS.md, "Reliability: long articles").
MAX_ARTICLE_CHARS = 500_000
# No encoding takes more than 4 bytes a character, so a longer file is too long to read.
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS + 4
# A web page is mostly markup: its file may be this many times larger than its text.
HTML_MARKUP_FACTOR = 10


@dataclass(frozen=True)
class InputError:
    """An input that could not be read, with a one-line reason."""

    source: str
    reason: str

    def __str__(self) -> str:
        """One line, whatever characters the file name holds."""
        return _one_line(f"{self.source}: {self.reason}")


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def find_article_files(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Expand the paths given on the command line into article files, sorted per folder."""
    for path in paths:
        if path.is_dir():
            yield from _files_in_folder(path)
        elif path.is_file():
            yield path
        elif path.exists() or path.is_symlink():
            yield InputError(str(path), "not a regular file or folder")
        else:
            yield InputError(str(path), "no such file or folder")


def _files_in_folder(folder: Path) -> Iterator[Path | InputError]:
    try:
        names = sorted(os.listdir(folder))
    except OSError as err:
        yield InputError(str(folder), f"cannot list folder: {err.strerror or err}")
        return
    for name in names:
        path = folder / name
        if name.startswith(".") or not name.endswith(ARTICLE_SUFFIXES):
            continue
        if path.is_file():
            yield path
        else:
            yield InputError(str(path), "not a regular file")


def read_articles(paths: Iterable[Path]) -> Iterator[Article | InputError]:
    """Yield one Article (or InputError) per article below the given paths: one per
    .txt, .md or .html file, one per line of a .jsonl file."""
    return read_found(find_article_files(paths))


def read_found(items: Iterable[Path | InputError]) -> Iterator[Article | InputError]:
    """The articles of the files `find_article_files` found; its errors pass through."""
    for item in items:
        if isinstance(item, InputError):
            yield item
        elif item.suffix.lower() == ".jsonl":
            yield from read_jsonl_articles(item)
        else:
            yield read_article(item)


def read_article(path: Path) -> Article | InputError:
    """Read and decode one article file; the text is NFC with '\\n' line ends."""
    content = read_text(path)
    if isinstance(content, InputError):
        return content
    reader = SINGLE_ARTICLE_READERS.get(path.suffix.lower())
    try:
        fields = reader(content) if reader else ArticleFields(content)
    except FormatError as err:
        return InputError(str(path), str(err))
    return to_article(fields, str(path))


def read_jsonl_articles(path: Path) -> Iterator[Article | InputError]:
    """The articles of a JSON Lines file (UTF-8, as JSON is), read line by line so that
    a file of any size streams through; each is named `path#id`."""
    try:
        stream = path.open("rb")
    except OSError as err:
        yield InputError(str(path), f"cannot read: {err.strerror or err}")
        return
    with stream:
        lines = (line.decode("utf-8-sig", errors="replace") for line in stream)
        for fields in read_jsonl(lines):
            if isinstance(fields, FormatError):
                yield InputError(str(path), str(fields))
            else:
                yield to_article(fields, f"{path}#{fields.id}")


def read_text(path: Path) -> str | InputError:
    """The file's content decoded, or an error naming the file."""
    limit = MAX_ARTICLE_BYTES * (HTML_MARKUP_FACTOR if path.suffix.lower() in (".html", ".htm") else 1)
    try:
        data = _read_at_most(path, limit)
    except OSError as err:
        return InputError(str(path), f"cannot read: {err.strerror or err}")
    if len(data) > limit:
        return InputError(str(path), f"too long: over {limit:,} bytes "
                                     f"(the limit is {MAX_ARTICLE_CHARS:,} characters)")
    text = decode(data)
    if text is None:
        return InputError(str(path), "cannot decode: not text in a known encoding")
    return text


def to_article(fields: ArticleFields, source: str) -> Article | InputError:
    """The Article a format reader's fields describe; its text normalised, its title the
    given one or the first line."""
    text = normalise_text(fields.text)
    if not text.strip():
        return InputError(source, "empty file")
    if len(text) > MAX_ARTICLE_CHARS:
        return InputError(source, f"too long: {len(text):,} characters (the limit is {MAX_ARTICLE_CHARS:,})")
    return Article(
        source=source,
        text=text,
        title=normalise_text(fields.title).strip() if fields.title else title_of(text),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        date=fields.date,
        url=fields.url,
    )


def _read_at_most(path: Path, limit: int) -> bytes:
    """The file's bytes, but no more than `limit` + 1: a huge file is refused without
    being loaded into memory."""
    with path.open("rb") as file:
        return file.read(limit + 1)


def decode(data: bytes) -> str | None:
    """Decode bytes as UTF-8 (with or without BOM), else as the detected encoding.

    Returns None for binary data, so a stray PDF or image becomes an error, not noise.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        return None
    return _decode_detected(data)


def _decode_detected(data: bytes) -> str | None:
    """A Polish 8-bit encoding when the text reads as Polish in it, else charset-normalizer's
    choice (which rates ISO-8859-2 below ISO-8859-10 on some Polish texts)."""
    polish = [text for text in map(_try_decode(data), POLISH_ENCODINGS) if text is not None]
    polish.sort(key=_polish_share, reverse=True)
    if polish and _polish_share(polish[0]) >= 0.9:
        return polish[0]
    best = from_bytes(data).best()
    return None if best is None else str(best)


def _try_decode(data: bytes):
    def attempt(encoding: str) -> str | None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            return None
    return attempt


def _polish_share(text: str) -> float:
    """Share of the non-ASCII characters that are Polish letters."""
    foreign = [c for c in text if ord(c) > 127]
    return sum(c in POLISH_LETTERS for c in foreign) / len(foreign) if foreign else 0.0


def normalise_text(text: str) -> str:
    """NFC, "\n" for every line break, no control or invisible characters: offsets refer
    to this form."""
    text = text.replace("\r\n", "\n").translate(NORMALISED_CHARS)
    return unicodedata.normalize("NFC", text)


def title_of(text: str) -> str:
    """The headline: the first non-empty line, or its first sentence when the file has
    no headline line, cut at a word boundary."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) > MAX_TITLE_CHARS:
        line = SENTENCE_END.split(line, maxsplit=1)[0]
    if len(line) > MAX_TITLE_CHARS:
        line = line[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return line
