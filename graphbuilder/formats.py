"""Article file formats other than plain text: Markdown, HTML and JSON Lines.

Each reader turns decoded file content into `ArticleFields` (the text the pipeline reads
plus the metadata found), so that every format ends as the same `Article`. Character
offsets in the output refer to this extracted text, not to the markup.
"""
from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
FRONT_MATTER_FIELD = re.compile(r"^(\w+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
JSONL_FIELDS = ("id", "title", "date", "url", "text")


@dataclass(frozen=True)
class ArticleFields:
    """What a format reader found: the text, and the metadata the file gave, if any."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None


class FormatError(ValueError):
    """The content is not a valid article of its format; the message is one line."""


def iso_date(value: object) -> str | None:
    """The YYYY-MM-DD part of a date or timestamp; None when there is no valid one."""
    match = ISO_DATE.match(str(value).strip()) if value else None
    try:
        return datetime.date.fromisoformat(match.group(0)).isoformat() if match else None
    except ValueError:
        return None


def read_markdown(content: str) -> ArticleFields:
    """Markdown as plain text: one line per block, markup dropped, link text kept;
    `title`, `date` and `url` from a front matter block, else the first heading is the title."""
    from markdown_it import MarkdownIt

    meta, body = _front_matter(content)
    lines, first_heading = [], None
    tokens = MarkdownIt("commonmark").parse(body)
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        line = _inline_text(token.children or [])
        if line.strip():
            lines.append(line.strip())
            if first_heading is None and index and tokens[index - 1].type == "heading_open":
                first_heading = line.strip()
    return ArticleFields("\n".join(lines), meta.get("title") or first_heading,
                         iso_date(meta.get("date")), meta.get("url"))


def _front_matter(content: str) -> tuple[dict[str, str], str]:
    match = FRONT_MATTER.match(content)
    if not match:
        return {}, content
    fields = {key.lower(): value.strip("\"'") for key, value in FRONT_MATTER_FIELD.findall(match.group(1))}
    return fields, content[match.end():]


def _inline_text(children) -> str:
    """The readable text of an inline token: text and code, line breaks as spaces, no images."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def read_html(content: str) -> ArticleFields:
    """The main text of a web page, without navigation, footers and other boilerplate,
    with the title, date and URL its metadata gives (trafilatura)."""
    import trafilatura

    document = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False,
                                           include_tables=False)
    if document is None or not (document.text or "").strip():
        raise FormatError("no article text found in the HTML")
    return ArticleFields(document.text, document.title, iso_date(document.date), document.url)


def read_jsonl(lines: Iterable[str]) -> Iterator[ArticleFields | FormatError]:
    """One article per line: an object with `text` and optionally `id`, `title`, `date`
    and `url`. A bad line is a FormatError naming the line; the others are still read."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield _jsonl_article(line, number)
        except FormatError as err:
            yield err


def _jsonl_article(line: str, number: int) -> ArticleFields:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise FormatError(f"line {number}: not JSON ({err.msg})") from None
    if not isinstance(record, dict):
        raise FormatError(f"line {number}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise FormatError(f"line {number}: no text")
    fields = {key: record.get(key) for key in JSONL_FIELDS}
    return ArticleFields(
        text=text,
        title=str(fields["title"]) if fields["title"] else None,
        date=iso_date(fields["date"]),
        url=str(fields["url"]) if fields["url"] else None,
        id=str(fields["id"]) if fields["id"] is not None else f"line-{number}",
    )
