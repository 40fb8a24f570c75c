"""spaCy component: a line break ends a sentence; an initial's full stop, or one before a
lower-case word, does not.

News files put headlines and subheadings on lines of their own without a full stop;
without this they would be glued to the next sentence. A capital letter and a full stop
before a capitalised word is an initial ("Z. Skowroński", "W. Putin"), which spaCy's
`sentencizer` would take for a sentence end. Runs before the `sentencizer`, which keeps
the boundaries already set.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token


class ParagraphBreaks:
    """Marks the token after a whitespace token holding a newline as a sentence start, and a
    name after an initial or a lower-case word after a full stop as none."""

    def __init__(self, name: str = "gb_paragraphs") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text_with_ws and not token.is_space:
                token.is_sent_start = True
            elif _after_initial(token) or _lower_case_after_a_stop(token):
                token.is_sent_start = False
        return doc


def _after_initial(token: Token) -> bool:
    """A capitalised word after a single capital letter and its full stop."""
    doc, i = token.doc, token.i
    return i >= 2 and token.text[:1].isupper() and doc[i - 1].text == "." and len(doc[i - 2].text) == 1 \
        and doc[i - 2].is_upper and not doc[i - 2].whitespace_


def _lower_case_after_a_stop(token: Token) -> bool:
    """A lower-case word after a full stop goes on the sentence: the stop ends an ordinal
    ("31. członkiem") or an abbreviation, as a Polish sentence starts with a capital."""
    return token.doc[token.i - 1].text == "." and token.is_lower and token.is_alpha


@Language.factory("gb_paragraphs")
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    """Factory registered with spaCy (also as a `spacy_factories` entry point)."""
    return ParagraphBreaks(name)
