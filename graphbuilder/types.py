"""Plain data passed between the stages of the pipeline.

Nothing here refers to spaCy or rdflib: an `ArticleExtraction` is picklable, so it can
cross process boundaries, and it is all that the RDF stage needs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_CLASSES = ("Person", "Country", "City", "Location", "Organization")
ARTICLE = "ARTICLE"  # stands for the article itself as a fact's subject (reportedBy)


@dataclass(frozen=True)
class Article:
    """One input article: its text and what we know about where it came from."""

    source: str  # the file path as given (relative where possible)
    text: str
    title: str
    sha256: str
    date: str | None = None  # YYYY-MM-DD
    url: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article, with character offsets into the article text."""

    text: str
    start: int
    end: int


@dataclass
class Entity:
    """One real-world entity of an article, after canonicalisation and coreference.

    `cls` is the finest ontology class known (e.g. `MediaOrganization`); `top_class` is
    one of ENTITY_CLASSES.
    """

    name: str
    cls: str
    top_class: str
    aliases: set[str] = field(default_factory=set)
    same_as: str | None = None  # the gazetteer's name of a place the text names by a variant ("Erbil": Irbil)

    @property
    def key(self) -> tuple[str, str]:
        """The identity of the entity: the same key in two articles is the same node."""
        return (self.top_class, self.name)


@dataclass(frozen=True)
class Fact:
    """A relation stated by one sentence: subject and object are entity keys or ARTICLE."""

    subject: tuple[str, str] | str
    predicate: str
    object: tuple[str, str]
    sentence: int  # index into ArticleExtraction.sentences
    confidence: float
    rule: str
    modality: str | None = None  # "former", "planned", "intended", "possible"; None: asserted


@dataclass
class ArticleExtraction:
    """Everything extracted from one article: the unit the RDF stage consumes."""

    article: Article
    sentences: list[Sentence]
    entities: list[Entity]
    facts: list[Fact]
