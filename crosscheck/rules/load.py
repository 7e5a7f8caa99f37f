"""Load and validate rule files: one rule per YAML file, the file name is its id.

Rules are data: nothing in them is executed. A malformed file is refused with
a RuleFileError that names the file, the line and the reason.
"""
from __future__ import annotations

import dataclasses
import importlib.resources
import math
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import safe_yaml
from ..errors import RuleFileError
from ..model import ClaimKind, Severity, Status
from .compare import COMPARATORS

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
MESSAGE_FIELDS = frozenset({"subject", "values", "sources", "kind", "status"})
# What each comparator option means decides its range: a relative tolerance, a 0-100 score.
OPTION_RANGES = {"tolerance": (0, 1), "threshold": (0, 100), "identical": (0, 100)}
REQUIRED = ("id", "kind", "severity", "summary", "message", "compare", "examples")
OPTIONAL = ("report", "aliases", "docs")


@dataclass(frozen=True)
class RuleExample:
    name: str
    sources: tuple[tuple[str, str], ...]  # (source id, text)
    expect: tuple[dict, ...]  # {"status": ..., "groups": [[source ids], ...]}


@dataclass(frozen=True)
class Rule:
    id: str
    kind: ClaimKind
    severity: Severity
    summary: str
    message: str
    using: str
    options: tuple[tuple[str, object], ...]
    report: tuple[Status, ...]
    aliases: tuple[str, ...]
    docs: str
    examples: tuple[RuleExample, ...]
    path: str

    def comparator(self):
        return COMPARATORS[self.using](**dict(self.options))


def default_rules_dir() -> Path:
    """The rules shipped with crosscheck: package data in a wheel, rules/ in a checkout."""
    try:
        return Path(str(importlib.resources.files("crosscheck.default_rules")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "rules"


def _fail(path: Path, node: yaml.Node | None, reason: str) -> RuleFileError:
    line = f":{node.start_mark.line + 1}" if node is not None else ""
    return RuleFileError(f"{path}{line}: {reason}")


def _key_nodes(mapping: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {k.value: (k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)}


def _short(value: object) -> str:
    """A value as an error message quotes it: never longer than a line."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _choice(path: Path, node: yaml.Node, key: str, value: object, allowed: Iterable[str]) -> str:
    allowed = sorted(allowed)
    if not isinstance(value, str) or value not in allowed:
        raise _fail(path, node, f"{key} must be one of {', '.join(allowed)}, not {_short(value)}")
    return value  # type: ignore[return-value]


def _text(path: Path, node: yaml.Node, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, node, f"{key} must be a non-empty string")
    return value


def load_rule(path: Path) -> Rule:
    try:
        text = path.read_text(encoding="utf-8")
        root = safe_yaml.compose(text)
        data = safe_yaml.load(text)
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise RuleFileError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        line, problem = safe_yaml.problem(exc)
        where = f":{line}" if line else ""
        raise RuleFileError(f"{path}{where}: invalid YAML: {problem}") from None
    if not isinstance(root, yaml.MappingNode) or not isinstance(data, dict):
        raise _fail(path, root, "a rule file must be a mapping of keys (id, kind, severity, ...)")
    nodes = _key_nodes(root)
    for key in REQUIRED:
        if key not in data:
            raise _fail(path, root, f"missing required key '{key}'")
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            raise _fail(path, nodes[key][0], f"unknown key '{key}' (allowed: {', '.join(REQUIRED + OPTIONAL)})")

    def node(key: str) -> yaml.Node:
        return nodes[key][1] if key in nodes else root

    rule_id = _text(path, node("id"), "id", data["id"])
    if not ID_PATTERN.match(rule_id):
        raise _fail(path, node("id"), f"id {_short(rule_id)} must be kebab-case (e.g. count-mismatch)")
    if rule_id != path.stem:
        raise _fail(path, node("id"), f"id {rule_id!r} must equal the file name {path.stem!r}")
    kind = _choice(path, node("kind"), "kind", data["kind"], (k.value for k in ClaimKind))
    severity = _choice(path, node("severity"), "severity", data["severity"], (s.value for s in Severity))
    summary = _text(path, node("summary"), "summary", data["summary"])
    message = _text(path, node("message"), "message", data["message"])
    try:
        placeholders = list(string.Formatter().parse(message))
    except ValueError as exc:  # an unmatched "{" or "}"
        raise _fail(path, node("message"), f"message is not a valid template: {exc}") from None
    for _, field, spec, conversion in placeholders:
        if field is not None and field not in MESSAGE_FIELDS:
            raise _fail(path, node("message"), f"message placeholder {{{_short(field)[1:-1]}}} is not one of {sorted(MESSAGE_FIELDS)}")
        if spec or conversion:  # "{subject:>99999999}" would print a gigabyte
            raise _fail(path, node("message"), f"message placeholder {{{field}}} may not have a format spec or conversion")

    compare = data["compare"]
    if not isinstance(compare, dict) or "using" not in compare:
        raise _fail(path, node("compare"), "compare must be a mapping with 'using' and its options")
    using = _choice(path, node("compare"), "compare.using", compare["using"], COMPARATORS)
    allowed_options = {f.name for f in dataclasses.fields(COMPARATORS[using])}
    options = {k: v for k, v in compare.items() if k != "using"}
    for key, value in options.items():
        if key not in allowed_options:
            raise _fail(path, node("compare"), f"compare option '{key}' is not known to {using} (allowed: {sorted(allowed_options) or 'none'})")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise _fail(path, node("compare"), f"compare option '{key}' must be a number")
        low, high = OPTION_RANGES.get(key, (0, math.inf))
        if not (math.isfinite(value) and low <= value <= high):
            raise _fail(path, node("compare"), f"compare option '{key}' must be from {low} to {high}, not {_short(value)}")

    report_raw = data.get("report", [s.value for s in Status])
    if not isinstance(report_raw, list) or not report_raw:
        raise _fail(path, node("report"), "report must be a non-empty list of statuses")
    report = tuple(Status(_choice(path, node("report"), "report", s, (x.value for x in Status))) for s in report_raw)

    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _fail(path, node("aliases"), "aliases must be a list of previous ids")
    docs = data.get("docs") or ""
    if not isinstance(docs, str):
        raise _fail(path, node("docs"), "docs must be a string")

    examples = _load_examples(path, node("examples"), data["examples"])
    return Rule(
        id=rule_id, kind=ClaimKind(kind), severity=Severity(severity), summary=summary.strip(),
        message=message, using=using, options=tuple(sorted(options.items())), report=report,
        aliases=tuple(aliases), docs=docs.strip(), examples=examples, path=str(path),
    )


def _load_examples(path: Path, node: yaml.Node, raw: object) -> tuple[RuleExample, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(path, node, "examples must be a non-empty list")
    examples = []
    for item_node, item in zip(node.value, raw):
        if not isinstance(item, dict) or set(item) != {"name", "sources", "expect"}:
            raise _fail(path, item_node, "each example needs exactly: name, sources, expect")
        sources = item["sources"]
        if not isinstance(sources, dict) or len(sources) < 2 or not all(isinstance(t, str) for t in sources.values()):
            raise _fail(path, item_node, "example sources must map two or more source ids to texts")
        expect = item["expect"]
        if not isinstance(expect, list):
            raise _fail(path, item_node, "example expect must be a list ([] means the rule stays silent)")
        for finding in expect:
            if not isinstance(finding, dict) or "status" not in finding or "groups" not in finding:
                raise _fail(path, item_node, "each expected finding needs status and groups")
            _choice(path, item_node, "expect.status", finding["status"], (s.value for s in Status))
        examples.append(RuleExample(str(item["name"]), tuple((str(k), v) for k, v in sources.items()), tuple(expect)))
    return tuple(examples)


def load_rules(extra_dirs: Iterable[Path] = (), disabled: Iterable[str] = (), include_defaults: bool = True) -> list[Rule]:
    """The default rules plus those in ``extra_dirs``, minus ``disabled`` ids, sorted by id."""
    dirs = ([default_rules_dir()] if include_defaults else []) + [Path(d) for d in extra_dirs]
    rules: dict[str, Rule] = {}
    known_ids: dict[str, str] = {}
    for directory in dirs:
        if not directory.is_dir():
            raise RuleFileError(f"{directory}: not a directory of rule files")
        for path in sorted(directory.glob("*.yaml")):
            rule = load_rule(path)
            for name in (rule.id, *rule.aliases):
                if name in known_ids:
                    raise RuleFileError(f"{path}: rule id {name!r} is already used by {known_ids[name]}")
                known_ids[name] = str(path)
            rules[rule.id] = rule
    disabled = set(disabled)
    unknown = disabled - set(known_ids)
    if unknown:
        raise RuleFileError(f"--disable: no rule with id {', '.join(sorted(unknown))} (known: {', '.join(sorted(rules))})")
    aliased = {alias: rule.id for rule in rules.values() for alias in rule.aliases}
    disabled = {aliased.get(name, name) for name in disabled}
    return [rules[k] for k in sorted(rules) if k not in disabled]
