"""Checks over the whole rule registry: every rule is well-formed and tested."""
from __future__ import annotations

from crosscheck.rules.compare import COMPARATORS
from crosscheck.rules.load import default_rules_dir, load_rules

RULES = load_rules()


def test_default_rules_are_found():
    assert len(RULES) >= 6
    assert {r.kind.value for r in RULES} == {"count", "places", "date", "person", "quote", "time", "condition"}


def test_ids_equal_file_names_and_are_unique():
    names = [r.id for r in RULES] + [a for r in RULES for a in r.aliases]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert rule.path.endswith(f"{rule.id}.yaml")
    assert sorted(p.stem for p in default_rules_dir().glob("*.yaml")) == sorted(r.id for r in RULES)


def test_every_rule_has_a_message_docs_and_a_known_comparator():
    for rule in RULES:
        assert rule.message.strip() and rule.summary.strip() and rule.docs.strip(), rule.id
        assert rule.using in COMPARATORS, rule.id


def test_every_rule_has_a_firing_and_a_quiet_or_agreeing_example():
    for rule in RULES:
        firing = [e for e in rule.examples if any(f["status"] in ("conflict", "variant") for f in e.expect)]
        calm = [e for e in rule.examples if all(f["status"] == "agree" for f in e.expect)]
        assert firing and calm, f"{rule.id} needs an example that fires and one that does not"
