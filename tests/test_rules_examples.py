"""Data test: every relation rule's example sentences yield the facts written beside them."""
from __future__ import annotations

import pytest

from graphbuilder.ontology import load_lexicon, load_ontology, ontology_dir
from graphbuilder.rules import load_rules
from graphbuilder.types import ARTICLE

RULES = load_rules(ontology_dir(), load_lexicon(), load_ontology())
EXAMPLES = [pytest.param(rule, example, id=f"{rule.id}:{i}") for rule in RULES for i, example in enumerate(rule.examples)]


def facts_of(doc) -> set[tuple[str, str, str]]:
    return {(ARTICLE if f.subject == ARTICLE else f.subject[1], f.predicate, f.object[1]) for f in doc._.facts}


@pytest.mark.parametrize("rule, example", EXAMPLES)
def test_rule_example_yields_its_facts(nlp, rule, example):
    found = facts_of(nlp(example.text))
    assert set(example.facts) <= found
    if not example.facts:
        predicates = {rule.predicate, rule.negated}
        assert not [f for f in found if f[1] in predicates], "a negative example yields no fact of the rule"


def test_rules_reject_an_unknown_predicate_acted_on_behalf_of():
    from graphbuilder.rules import check_rule, parse_rule

    rule = {"id": "x", "predicate": "agreementWith", "trigger": ["podpisać"], "on_behalf": ["leads"]}
    with pytest.raises(ValueError, match="on_behalf"):
        check_rule(parse_rule(rule, load_lexicon(), "test"), load_ontology())
