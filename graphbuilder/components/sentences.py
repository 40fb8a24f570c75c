"""spaCy component: a line break ends a sentence.

News files put headlines and subheadings on lines of their own without a full stop;
without this they would be glued to the next sentence. Runs before spaCy's
`sentencizer`, which keeps the boundaries already set.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBreaks:
    """Marks the token after a whitespace token holding a newline as a sentence start."""

    def __init__(self, name: str = "gb_paragraphs") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text_with_ws and not token.is_space:
                token.is_sent_start = True
        return doc


@Language.factory("gb_paragraphs")
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    """Factory registered with spaCy (also as a `spacy_factories` entry point)."""
    return ParagraphBreaks(name)
