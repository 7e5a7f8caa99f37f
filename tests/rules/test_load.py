"""Malformed rule files are refused with the file, the line and the reason."""
from __future__ import annotations

import pytest

from crosscheck.errors import RuleFileError
from crosscheck.rules.load import load_rule, load_rules

GOOD = """\
id: my-rule
kind: count
severity: error
summary: Counts differ.
message: "{subject}: {values}"
compare: {using: numeric, tolerance: 0.1}
examples:
  - name: differ
    sources: {a: "Five people died.", b: "Nine people died."}
    expect: [{status: conflict, groups: [[a], [b]]}]
"""


def _write(tmp_path, text, name="my-rule.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_rule_loads(tmp_path):
    rule = load_rule(_write(tmp_path, GOOD))
    assert rule.id == "my-rule" and rule.options == (("tolerance", 0.1),)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (GOOD.replace("severity: error", "severity: fatal"), 3, "severity must be one of error, info, warning"),
        (GOOD.replace("kind: count", "kind: counts"), 2, "kind must be one of"),
        (GOOD.replace("using: numeric", "using: magic"), 6, "compare.using must be one of"),
        (GOOD.replace("tolerance: 0.1", "slack: 1"), 6, "compare option 'slack' is not known to numeric"),
        (GOOD.replace("{subject}: {values}", "{subject} {__class__}"), 5, "placeholder"),
        (GOOD.replace("id: my-rule", "id: other-rule"), 1, "must equal the file name"),
        (GOOD + "extra: 1\n", 11, "unknown key 'extra'"),
        (GOOD.replace("compare: {using: numeric, tolerance: 0.1}", "compare: [numeric"), 7, "invalid YAML"),
        (GOOD.replace("    expect: [{status: conflict, groups: [[a], [b]]}]\n", ""), 8, "exactly: name, sources, expect"),
    ],
)
def test_malformed_rules_name_file_line_and_reason(tmp_path, text, line, reason):
    path = _write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load_rule(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert reason in message
    assert "\n" not in message


def test_missing_key_is_named(tmp_path):
    path = _write(tmp_path, GOOD.replace("summary: Counts differ.\n", ""))
    with pytest.raises(RuleFileError, match="missing required key 'summary'"):
        load_rule(path)


def test_user_rules_add_to_defaults_and_disable_removes(tmp_path):
    _write(tmp_path, GOOD)
    ids = {r.id for r in load_rules([tmp_path], disabled=["quote-wording-variant"])}
    assert "my-rule" in ids and "quote-wording-variant" not in ids and "count-mismatch" in ids


def test_disabling_an_unknown_rule_is_an_error():
    with pytest.raises(RuleFileError, match="no rule with id nope"):
        load_rules(disabled=["nope"])


def test_a_user_rule_cannot_reuse_a_default_id(tmp_path):
    _write(tmp_path, GOOD.replace("id: my-rule", "id: count-mismatch"), name="count-mismatch.yaml")
    with pytest.raises(RuleFileError, match="already used"):
        load_rules([tmp_path])


def test_every_problem_of_a_file_is_told_at_once(tmp_path):
    text = (GOOD.replace("severity: error", "severity: fatal").replace("using: numeric", "using: magic")
            .replace("    expect: [{status: conflict, groups: [[a], [b]]}]\n", "") + "extra: 1\n")
    path = _write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load_rule(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:3: severity must be one of error, info, warning, not 'fatal'; ")
    for part in ("line 6: compare.using must be one of", "line 8: each example needs exactly", "line 10: unknown key 'extra'"):
        assert part in message
    assert message.index("line 6") < message.index("line 8") < message.index("line 10")


def test_missing_keys_are_one_problem(tmp_path):
    path = _write(tmp_path, "id: my-rule\nmessage: '{subject}'\n")
    with pytest.raises(RuleFileError) as info:
        load_rule(path)
    assert str(info.value) == f"{path}:1: missing required keys 'kind', 'severity', 'summary', 'compare', 'examples'"


def test_a_file_with_more_problems_than_a_line_holds_still_names_every_line(tmp_path):
    text = GOOD + "".join(f"extra_key_number_{i}: 1\n" for i in range(40))
    path = _write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load_rule(path)
    message = str(info.value)
    assert "\n" not in message and len(message) <= 1000
    assert message.startswith(f"{path}:11: unknown key 'extra_key_number_0'")
    shown = message.count("unknown key")
    assert 1 < shown < 40 and message.endswith(
        f"; and {40 - shown} more problems (lines {', '.join(str(11 + i) for i in range(shown, 40))})"
    )


def test_shipped_rules_read_as_any_rule_file_reads_them():
    # crosscheck's own rule files are composed by libyaml where installed; the rule is the same
    from crosscheck.rules.load import default_rules_dir

    for path in sorted(default_rules_dir().glob("*.yaml")):
        assert load_rule(path, shipped=True) == load_rule(path)


def test_a_user_rule_file_is_read_within_bounds_even_beside_the_defaults(tmp_path):
    layers = "".join(f"a{i + 1}: &a{i + 1} [*a{i}, *a{i}]\n" for i in range(30))  # 2**30 values once expanded
    bomb = GOOD + "a0: &a0 [x, x]\n" + layers
    _write(tmp_path, bomb)
    with pytest.raises(RuleFileError, match="aliases are expanded"):
        load_rules([tmp_path])
