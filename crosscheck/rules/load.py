"""Load and validate rule files: one rule per YAML file, the file name is its id.

Rules are data: nothing in them is executed. A malformed file is refused with
one RuleFileError that names the file and, for every problem in it, the line
and the reason.
"""
from __future__ import annotations

import dataclasses
import importlib.resources
import math
import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import safe_yaml
from ..cache import compiled_regex
from ..errors import MAX_RULE_MESSAGE, RuleFileError
from ..model import ClaimKind, Severity, Status
from .compare import COMPARATORS

ID_PATTERN = compiled_regex(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
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


class _Problems:
    """What is wrong with one rule file, gathered so that all of it is told at
    once: "rules/x.yaml:3: severity must be ...; line 6: compare.using must be ..."."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[tuple[int, str]] = []  # (line, reason); line 0 when unknown

    def add(self, node: yaml.Node | None, reason: str) -> None:
        self.found.append((node.start_mark.line + 1 if node is not None else 0, reason))

    def error(self) -> RuleFileError | None:
        if not self.found:
            return None
        ordered = sorted(self.found, key=lambda item: item[0])  # stable: one line's problems keep their order
        first_line, first = ordered[0]
        parts = [f"{self.path}{f':{first_line}' if first_line else ''}: {first}"]
        parts += [f"line {line}: {reason}" if line else reason for line, reason in ordered[1:]]
        # All of it on one line: problems that do not fit are still named by their line.
        shown = len(parts)
        while shown > 1 and len(_joined(parts[:shown], ordered[shown:])) > MAX_RULE_MESSAGE:
            shown -= 1
        return RuleFileError(_joined(parts[:shown], ordered[shown:]))


def _joined(parts: list[str], rest: list[tuple[int, str]]) -> str:
    if not rest:
        return "; ".join(parts)
    lines = sorted({line for line, _ in rest if line})
    where = f" (line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})" if lines else ""
    return "; ".join(parts) + f"; and {len(rest)} more problem{'s' if len(rest) > 1 else ''}{where}"


def _key_nodes(mapping: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {k.value: (k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)}


def _short(value: object) -> str:
    """A value as an error message quotes it: never longer than a line."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _choice(problems: _Problems, node: yaml.Node, key: str, value: object, allowed: Iterable[str]) -> str | None:
    allowed = sorted(allowed)
    if not isinstance(value, str) or value not in allowed:
        problems.add(node, f"{key} must be one of {', '.join(allowed)}, not {_short(value)}")
        return None
    return value


def _text(problems: _Problems, node: yaml.Node, key: str, value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        problems.add(node, f"{key} must be a non-empty string")
        return None
    return value


def load_rule(path: Path, shipped: bool = False) -> Rule:
    """The rule in ``path``; ``shipped`` for crosscheck's own rule files (safe_yaml.compose)."""
    try:
        text = path.read_text(encoding="utf-8")
        root = safe_yaml.compose(text, shipped)
        data = safe_yaml.construct(root)
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise RuleFileError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        line, problem = safe_yaml.problem(exc)
        where = f":{line}" if line else ""
        raise RuleFileError(f"{path}{where}: invalid YAML: {problem}") from None
    problems = _Problems(path)
    if not isinstance(root, yaml.MappingNode) or not isinstance(data, dict):
        problems.add(root, "a rule file must be a mapping of keys (id, kind, severity, ...)")
        raise problems.error()
    nodes = _key_nodes(root)
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        problems.add(root, f"missing required key{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}")
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            # A key YAML reads as other than text ("1:", a bare "?") is found by its text, else the file's line
            problems.add(nodes.get(str(key), (root,))[0], f"unknown key '{key}' (allowed: {', '.join(REQUIRED + OPTIONAL)})")

    def node(key: str) -> yaml.Node:
        return nodes[key][1] if key in nodes else root

    # Each key is checked when present; a missing one was told above.
    rule_id = _text(problems, node("id"), "id", data["id"]) if "id" in data else None
    if rule_id is not None and not ID_PATTERN.match(rule_id):
        problems.add(node("id"), f"id {_short(rule_id)} must be kebab-case (e.g. count-mismatch)")
    elif rule_id is not None and rule_id != path.stem:
        problems.add(node("id"), f"id {rule_id!r} must equal the file name {path.stem!r}")
    kind = _choice(problems, node("kind"), "kind", data["kind"], (k.value for k in ClaimKind)) if "kind" in data else None
    severity = (
        _choice(problems, node("severity"), "severity", data["severity"], (s.value for s in Severity))
        if "severity" in data else None
    )
    summary = _text(problems, node("summary"), "summary", data["summary"]) if "summary" in data else None
    message = _text(problems, node("message"), "message", data["message"]) if "message" in data else None
    if message is not None:
        _check_message(problems, node("message"), message)
    using, options = _compare(problems, node("compare"), data["compare"]) if "compare" in data else (None, {})

    report_raw = data.get("report", [s.value for s in Status])
    report: tuple[Status, ...] = ()
    if not isinstance(report_raw, list) or not report_raw:
        problems.add(node("report"), "report must be a non-empty list of statuses")
    else:
        chosen = [_choice(problems, node("report"), "report", s, (x.value for x in Status)) for s in report_raw]
        report = tuple(Status(s) for s in chosen if s is not None)

    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        problems.add(node("aliases"), "aliases must be a list of previous ids")
    docs = data.get("docs") or ""
    if not isinstance(docs, str):
        problems.add(node("docs"), "docs must be a string")

    examples = _load_examples(problems, node("examples"), data["examples"]) if "examples" in data else ()
    if error := problems.error():
        raise error
    return Rule(
        id=rule_id, kind=ClaimKind(kind), severity=Severity(severity), summary=summary.strip(),
        message=message, using=using, options=tuple(sorted(options.items())), report=report,
        aliases=tuple(aliases), docs=docs.strip(), examples=examples, path=str(path),
    )


def _check_message(problems: _Problems, node: yaml.Node, message: str) -> None:
    try:
        placeholders = list(string.Formatter().parse(message))
    except ValueError as exc:  # an unmatched "{" or "}"
        problems.add(node, f"message is not a valid template: {exc}")
        return
    for _, field, spec, conversion in placeholders:
        if field is not None and field not in MESSAGE_FIELDS:
            problems.add(node, f"message placeholder {{{_short(field)[1:-1]}}} is not one of {sorted(MESSAGE_FIELDS)}")
        if spec or conversion:  # "{subject:>99999999}" would print a gigabyte
            problems.add(node, f"message placeholder {{{field}}} may not have a format spec or conversion")


def _compare(problems: _Problems, node: yaml.Node, compare: object) -> tuple[str | None, dict]:
    """The comparator's name and options; (None, {}) when unusable."""
    if not isinstance(compare, dict) or "using" not in compare:
        problems.add(node, "compare must be a mapping with 'using' and its options")
        return None, {}
    using = _choice(problems, node, "compare.using", compare["using"], COMPARATORS)
    options = {k: v for k, v in compare.items() if k != "using"}
    if using is None:
        return None, options
    for key, value in options.items():
        if problem := option_problem(using, key, value):
            problems.add(node, f"compare {problem}")
    return using, options


def option_problem(using: str, key: str, value: object) -> str | None:
    """What is wrong with a comparator option, or None: "option 'x' is not known to numeric (...)"."""
    allowed_options = {f.name for f in dataclasses.fields(COMPARATORS[using])}
    if key not in allowed_options:
        return f"option '{key}' is not known to {using} (allowed: {sorted(allowed_options) or 'none'})"
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return f"option '{key}' must be a number"
    low, high = OPTION_RANGES.get(key, (0, math.inf))
    if not (math.isfinite(value) and low <= value <= high):
        return f"option '{key}' must be from {low} to {high}, not {_short(value)}"
    return None


def _load_examples(problems: _Problems, node: yaml.Node, raw: object) -> tuple[RuleExample, ...]:
    if not isinstance(raw, list) or not raw:
        problems.add(node, "examples must be a non-empty list")
        return ()
    examples = []
    for item_node, item in zip(node.value, raw):
        if not isinstance(item, dict) or set(item) != {"name", "sources", "expect"}:
            problems.add(item_node, "each example needs exactly: name, sources, expect")
            continue
        sources = item["sources"]
        if not isinstance(sources, dict) or len(sources) < 2 or not all(isinstance(t, str) for t in sources.values()):
            problems.add(item_node, "example sources must map two or more source ids to texts")
            continue
        expect = item["expect"]
        if not isinstance(expect, list):
            problems.add(item_node, "example expect must be a list ([] means the rule stays silent)")
            continue
        for finding in expect:
            if not isinstance(finding, dict) or "status" not in finding or "groups" not in finding:
                problems.add(item_node, "each expected finding needs status and groups")
            else:
                _choice(problems, item_node, "expect.status", finding["status"], (s.value for s in Status))
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
        shipped = include_defaults and directory == dirs[0]
        for path in sorted(directory.glob("*.yaml")):
            rule = load_rule(path, shipped)
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
