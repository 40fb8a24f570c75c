"""Relation rules: Polish case frames read from `ontology/relations/*.jsonl`.

A rule names a predicate, the trigger lemmas that evoke it, and a frame for each argument:
where the argument stands relative to the trigger and which preposition and case mark it.
Rules are checked against the ontology when they are loaded, so a misspelt predicate or a
class outside the predicate's domain fails at once, naming the file, line and rule.

Frame positions:
- `left` / `right` / `any`: the nearest entity on that side within the clause, after the
  required preposition (`prep`) and any intermediate nouns (`via`, as in "odmówił
  przystąpienia do X"); `left` falls back to the subject of the previous sentence
  (Polish drops subjects) when `carry` is true;
- `after_trigger`: a genitive complement right after a noun ("prezydent Rosji");
- `adjective`: a nationality adjective right before the trigger ("kazachski minister");
- `adjective_before`: the same, but not an adjective inside a trigger phrase, which
  describes its second noun ("szef polskiej dyplomacji" is no Pole by the adjective);
- `adjective_first`: the first part of a compound nationality adjective before the trigger
  ("polsko-" in "polsko-amerykańska deklaracja"; `adjective` is then the second);
- `adjective_after`: a nationality adjective in the phrase after the trigger, past the
  `via` noun ("wprowadziła zakaz importu polskich jabłek");
- `apposition`: the person named next to a role noun ("prezydent Rosji, Władimir Putin");
- `before_comma`: the entity right before ", trigger" ("w Astanie, stolicy kraju");
- `before`: the entity right before the trigger ("Przemysław Czarnek z PiS");
- `article`: the article itself (for reportedBy);
- `sentence`: any entity of the frame's classes in the sentence ("rurociągu X ... przez Y");
- `where`: the place of a relative "w X, gdzie ..." before the trigger;
- `place_before`: the nearest place under the frame's preposition before the trigger's
  entity in its clause, past verbs ("W Warszawie spotkał się w Pałacu Prezydenckim");
- `sole_country`: the one country the sentence names besides the subject, when no `prep`
  follows the trigger ("Ukraina od początku rosyjskiej inwazji eksportuje zboże");
- `last_city`: the city named last, in the sentence or the one before, when the trigger
  follows a preposition ("do Kijowa. W stolicy Ukrainy");
- `next`: the entity right after the trigger ("rosyjski Gazprom");
- `owner`: the country whose forces are the subject, as a genitive or nationality adjective
  of one of the frame's `heads` ("wojska Rosji", "rosyjskie drony", "armia izraelska");
- `self`: the entity the trigger word begins ("Opera Astana" for "opera");
- `inner`: a known name inside the subject's name ("Astana" in "Opera Astana");
- `visitor`: for a visit noun with a place and no agent, in a sentence naming no person
  ("Termin wizyty w Serbii nie był przypadkowy"), the person an earlier sentence had
  visiting last (rules of this position run once the other rules' visits are known).

Rule options: `negated` (the predicate under "nie"), `mutual` (coordinated arguments
relate to each other: "X i Y podpisali umowę"), `not_home` (no visit to one's own country
or its capital; other towns of it are visited: "spotkali się w Anchorage"),
`from_abroad` (for the partner a traveller talks to: no visit to any town of one's own
country, nor to a capital by someone the text gives no country nor international
body: "W Ammanie rozmawiał z królem Y" makes Y the host, "z prezydentem Autonomii
Palestyńskiej X" a visitor),
`in_person` (no fact when a word of talk at a distance, `remote_markers` of
`function_words.json`, stands within two words of the trigger or of the `via` noun:
"rozmawiał telefonicznie z X", "w rozmowie telefonicznej z X", "odbył rozmowę telefoniczną
z X" are no meetings, nor is talk with a journalist, one of the
`interviewer_nouns`: "w rozmowie z dziennikarzem RMF FM X"),
`verbless` (the trigger counts only in a sentence with no verb, as a headline: "Meloni w
Algierze"),
`passive` (a passive participle trigger swaps the frames: the agent is "przez" + accusative,
a direct object becomes the nominative subject: "Kijów został zaatakowany przez Rosję"),
`verb_form` (the trigger counts only as a `passive_participle`: "objęty sankcjami USA", not
"objął sankcjami X"; or only `finite`: "Indie przewodniczą G20", not "była przewodnicząca"),
`copula` (a predicate noun counts only with "być", "zostać", "stać się": "Polska jest
członkiem NATO", "Członkiem NATO jest Polska", not "Rosja wezwała członków NATO"), `on_behalf` (role predicates whose
holders act for what they lead: when the prime ministers of X and Y sign, X and Y agree),
`modality` (the modality every fact of the rule has: leaving a bloc makes a `former`
member, "ogłosiły wystąpienie z ECOWAS").
Frame options: `name_prefix` / `not_name_prefix` restrict entity names ("Ministerstwo";
"@institutions" for every name of `institutions.jsonl`),
`country_of` makes an organisation stand for its country ("szef MSZ" is a minister of Poland),
`direct_object` stops at a common noun in the frame's case ("przyjął dymisję ministra X"; after a
noun trigger, one that is no body's kind noun: "na czele delegacji USA" leads no state),
`not_goal_of` turns a place down when it is where one of these words went ("przyleciał do
Warszawy, gdzie spotkał się z X", "podczas wizyty w Warszawie rozmawiał z X": X is the host
there, not a visitor),
`literal` keeps a capital a city where the frame wants a country ("mer Moskwy" leads no
state; elsewhere "Moskwa wprowadziła zakaz" is Russia's act),
`companions` adds to the subjects the people a companion's preposition (`companion_prepositions`
of `function_words.json`: "obok", "wraz z") names in the clause before the verb ("Obok
Łukaszenki do Astany przyjechali X i Y"),
`anaphors` are nouns standing for an entity named before ("kraj", "państwo"; after the
preposition, the last country named other than the subject: "to Rosja napadła na ten kraj"),
and `scene`
the nouns whose place names the entity such an anaphor stands for ("inwazja na sąsiedni
kraj" after "wojna na Ukrainie").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .ontology import Lexicon, Ontology, read_jsonl

VERB_FORMS = (None, "finite", "passive_participle")
MODALITIES = ("former", "planned", "intended", "possible")  # as `Fact.modality` and gb:modality
POSITIONS = frozenset({"left", "right", "any", "after_trigger", "adjective", "adjective_first", "adjective_after",
                       "adjective_before", "apposition", "before_comma", "before", "article", "sentence", "where",
                       "place_before", "last_city", "sole_country", "next", "self", "inner", "owner", "visitor"})


@dataclass(frozen=True)
class Frame:
    """Where one argument of a rule stands and how Polish marks it."""

    position: str = "right"
    case: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    via: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()
    anaphors: frozenset[str] = frozenset()
    scene: frozenset[str] = frozenset()  # nouns whose place an anaphor refers to ("wojna na X")
    heads: frozenset[str] = frozenset()  # nouns an `owner` argument modifies ("wojska", "armia")
    carry: bool = False
    agree: bool = False
    name_prefix: tuple[str, ...] = ()  # only entities whose name starts so ("Ministerstwo")
    not_name_prefix: tuple[str, ...] = ()  # never entities whose name starts so
    country_of: bool = False  # stand for the country the entity belongs to ("szef MSZ" -> Polska)
    direct_object: bool = False  # a common noun in the frame's case takes the object slot first
    not_goal_of: frozenset[str] = frozenset()  # words of travel whose goal the place may not be
    literal: bool = False  # a capital is the city, not its state ("mer Moskwy")
    companions: bool = False  # people "obok", "wraz z" the verb's subjects act with them


@dataclass(frozen=True)
class Example:
    """A sentence and the facts (subject, predicate, object) a rule must find in it."""

    text: str
    facts: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Rule:
    """One relation rule, as written in a relations file."""

    id: str
    predicate: str
    triggers: frozenset[str]
    subject: Frame
    object: Frame
    confidence: float
    negated: str | None = None
    mutual: bool = False  # coordinated arguments ("X i Y podpisali") relate to each other too
    not_home: bool = False  # drop when the subject belongs to the object's country (visits)
    from_abroad: bool = False  # drop a visit to a capital by someone the text gives no country
    passive: bool = False  # a passive participle trigger takes "przez" + acc as the agent
    verb_form: str | None = None  # "finite" or "passive_participle": the trigger counts only so
    copula: bool = False  # the trigger noun counts only after a copula ("jest członkiem")
    verbless: bool = False  # the trigger counts only in a sentence with no verb (a headline)
    in_person: bool = False  # no fact when a word of remote talk stands by the trigger ("telefonicznie")
    on_behalf: frozenset[str] = frozenset()  # role predicates whose holders act for what they lead
    modality: str | None = None  # every fact's modality ("former" for leaving a bloc)
    examples: tuple[Example, ...] = field(default=(), compare=False)
    source: str = field(default="", compare=False)


def _as_set(value: object) -> frozenset[str]:
    if value is None:
        return frozenset()
    return frozenset([value] if isinstance(value, str) else value)


def parse_frame(data: dict, lexicon: Lexicon) -> Frame:
    """Build a Frame from its JSON object; "@institutions" among the name prefixes stands
    for the institutions every country has ("Straż Graniczna", `institutions.jsonl`)."""
    position = data.get("position", "right")
    if position not in POSITIONS:
        raise ValueError(f"unknown position {position!r}")
    return Frame(
        position=position,
        case=_as_set(data.get("case")),
        prep=_as_set(data.get("prep")),
        via=_as_set(data.get("via")),
        classes=_as_set(data.get("classes")),
        anaphors=_as_set(data.get("anaphors")),
        scene=_as_set(data.get("scene")),
        heads=_as_set(data.get("heads")),
        carry=bool(data.get("carry", False)),
        agree=bool(data.get("agree", False)),
        name_prefix=_name_prefixes(data.get("name_prefix"), lexicon),
        not_name_prefix=_name_prefixes(data.get("not_name_prefix"), lexicon),
        country_of=bool(data.get("country_of", False)),
        direct_object=bool(data.get("direct_object", False)),
        not_goal_of=_as_set(data.get("not_goal_of")),
        literal=bool(data.get("literal", False)),
        companions=bool(data.get("companions", False)),
    )


def _name_prefixes(value: object, lexicon: Lexicon) -> tuple[str, ...]:
    prefixes = _as_set(value)
    institutions = set(lexicon.institutions) if "@institutions" in prefixes else set()
    return tuple(sorted((prefixes - {"@institutions"}) | institutions))


def expand_triggers(value: object, lexicon: Lexicon) -> frozenset[str]:
    """Trigger lemmas; "@roles:leaderOf" stands for the role nouns of that predicate
    ("@state_roles:leaderOf" for those whose adjective names the state: not "papież"),
    "@adjectives" for every nationality adjective, "@demonyms" for every people's noun
    ("Rosjanin"), "@heads" for the head nouns of names."""
    triggers: set[str] = set()
    for item in _as_set(value):
        if item.startswith("@roles:"):
            triggers |= {lemma for lemma, pred in lexicon.roles.items() if pred == item.split(":", 1)[1]}
        elif item.startswith("@state_roles:"):  # not "papież": its adjective is the holder's nationality
            triggers |= {lemma for lemma, pred in lexicon.roles.items()
                         if pred == item.split(":", 1)[1] and lemma not in lexicon.nationality_roles}
        elif item == "@adjectives":
            triggers |= set(lexicon.adjectives)
        elif item == "@demonyms":
            triggers |= {demonym.lower() for demonym in lexicon.demonyms}
        elif item == "@heads":
            triggers |= set(lexicon.heads)
        else:
            triggers.add(item)
    return frozenset(triggers)


def parse_rule(data: dict, lexicon: Lexicon, source: str) -> Rule:
    """Build a Rule from its JSON object."""
    examples = tuple(
        Example(ex["text"], tuple(tuple(fact) for fact in ex.get("facts", ()))) for ex in data.get("examples", ())
    )
    return Rule(
        id=data["id"],
        predicate=data["predicate"],
        triggers=expand_triggers(data["trigger"], lexicon),
        subject=parse_frame(data.get("subject", {"position": "left"}), lexicon),
        object=parse_frame(data.get("object", {"position": "right"}), lexicon),
        confidence=float(data.get("confidence", 0.8)),
        negated=data.get("negated"),
        mutual=bool(data.get("mutual", False)),
        not_home=bool(data.get("not_home", False)),
        from_abroad=bool(data.get("from_abroad", False)),
        passive=bool(data.get("passive", False)),
        verb_form=data.get("verb_form"),
        copula=bool(data.get("copula", False)),
        verbless=bool(data.get("verbless", False)),
        in_person=bool(data.get("in_person", False)),
        on_behalf=_as_set(data.get("on_behalf")),
        modality=data.get("modality"),
        examples=examples,
        source=source,
    )


def check_rule(rule: Rule, ontology: Ontology) -> None:
    """A rule must use ontology predicates and classes its domain and range allow."""
    if rule.verb_form not in VERB_FORMS:
        raise ValueError(f"unknown verb_form {rule.verb_form!r}")
    if unknown := rule.on_behalf - set(ontology.predicates):
        raise ValueError(f"unknown predicates {sorted(unknown)} in on_behalf")
    for predicate in filter(None, (rule.predicate, rule.negated)):
        if predicate not in ontology.predicates:
            raise ValueError(f"unknown predicate {predicate!r}")
        pred = ontology.predicates[predicate]
        for frame, allowed in ((rule.subject, pred.domain), (rule.object, pred.range)):
            classes = {"Country"} if frame.country_of else {ontology.top_class.get(c, c) for c in frame.classes}
            outside = classes - allowed
            if outside:
                raise ValueError(f"classes {sorted(outside)} are outside {predicate}'s domain or range")
    if not rule.triggers:
        raise ValueError("no trigger lemmas")
    if rule.modality not in (None, *MODALITIES):
        raise ValueError(f"modality {rule.modality!r} is none of {MODALITIES}")


def load_rules(directory: Path, lexicon: Lexicon, ontology: Ontology) -> list[Rule]:
    """Read every relations/*.jsonl file; errors name the file, line and rule."""
    rules: list[Rule] = []
    seen: set[str] = set()
    for path in sorted((directory / "relations").glob("*.jsonl")):
        for number, data in enumerate(read_jsonl(path), 1):
            where = f"{path}:{number}: rule {data.get('id', '?')!r}"
            try:
                rule = parse_rule(data, lexicon, f"{path.name}:{number}")
                check_rule(rule, ontology)
            except (KeyError, ValueError, TypeError) as err:
                raise ValueError(f"{where}: {err}") from err
            if rule.id in seen:
                raise ValueError(f"{where}: duplicate rule id")
            seen.add(rule.id)
            rules.append(rule)
    return rules
