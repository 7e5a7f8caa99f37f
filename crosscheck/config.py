"""A story's settings in a file, so that flags need not be repeated on every command.

crosscheck looks upwards from the story folder (the first SOURCES path) for
``crosscheck.yaml``, or a ``pyproject.toml`` with a ``[tool.crosscheck]``
table; the nearest folder that has either wins, and ``crosscheck.yaml`` before
``pyproject.toml`` in one folder. ``--config FILE`` names one instead. Flags
override the file: ``--rules`` and ``--disable`` add to its lists, the others
replace its values.

    # crosscheck.yaml
    rule-folders: [house-rules]      # added to the default rules, relative to this file
    rules:
      quote-wording-variant: disable
      count-mismatch: {severity: warning, tolerance: 0.1}
    fail-on: conflict
    store: .crosscheck/store.db      # relative to this file
    format: markdown
    verdicts: review/verdicts.yaml   # relative to this file

Per-rule settings follow yamllint: ``disable``, or a mapping of ``severity``
and the options of the rule's comparator. Errors name the file, the key and
what is allowed.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from . import safe_yaml
from .errors import CrosscheckError
from .model import Severity

CONFIG_FILE = "crosscheck.yaml"
PYPROJECT = "pyproject.toml"
FAIL_ON_CHOICES = ("any", "conflict", "never", "update", "variant")
FORMAT_CHOICES = ("claimreview", "csv", "github", "html", "json", "markdown")
_KEYS = ("rule-folders", "rules", "fail-on", "store", "format", "verdicts")


class ConfigError(CrosscheckError):
    """The config file cannot be read or is malformed. Names the file, the key and the allowed values."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # None: no file was found
    rule_dirs: tuple[Path, ...] = ()
    disabled: tuple[str, ...] = ()
    # rule id -> {"severity": ..., option: value, ...}
    overrides: dict[str, dict[str, object]] = field(default_factory=dict)
    fail_on: str | None = None
    store: Path | None = None
    format: str | None = None
    verdicts: Path | None = None


def find_config(start: str | Path) -> Path | None:
    """The nearest crosscheck.yaml, or pyproject.toml with [tool.crosscheck], from ``start`` upwards."""
    folder = Path(start).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate / CONFIG_FILE
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "crosscheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's broken pyproject.toml is not ours to refuse


def load_config(path: str | Path) -> Config:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if path.name == PYPROJECT:
        try:
            data = tomllib.loads(text).get("tool", {}).get("crosscheck", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        where = f"{path} [tool.crosscheck]"
    else:
        try:
            data = safe_yaml.load(text)
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: invalid YAML: {' '.join(str(exc).split())}") from None
        where = str(path)
    return _parse(path, where, data if data is not None else {})


def _parse(path: Path, where: str, data: object) -> Config:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of {', '.join(_KEYS)}")
    unknown = sorted(set(map(str, data)) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(_KEYS)})")
    base = path.parent

    def relative(key: str) -> Path | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: {key} must be a path")
        return base / value

    def choice(key: str, allowed: tuple[str, ...]) -> str | None:
        value = data.get(key)
        if value is not None and value not in allowed:
            raise ConfigError(f"{where}: {key} must be one of {', '.join(allowed)}, not {value!r}")
        return value

    folders = data.get("rule-folders", [])
    if not isinstance(folders, list) or not all(isinstance(f, str) and f for f in folders):
        raise ConfigError(f"{where}: rule-folders must be a list of folders")
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"{where}: rules must map rule ids to 'disable' or to settings")
    disabled, overrides = [], {}
    for rule_id, setting in rules.items():
        if setting == "disable":
            disabled.append(str(rule_id))
        elif isinstance(setting, dict) and setting:
            overrides[str(rule_id)] = dict(setting)
        else:
            raise ConfigError(f"{where}: rules.{rule_id} must be 'disable' or a mapping of severity and options")
    return Config(
        path=path, rule_dirs=tuple(base / f for f in folders), disabled=tuple(disabled), overrides=overrides,
        fail_on=choice("fail-on", FAIL_ON_CHOICES), store=relative("store"),
        format=choice("format", FORMAT_CHOICES), verdicts=relative("verdicts"),
    )


def apply_config(rules: list, config: Config) -> list:
    """The rules the config leaves on, with its severities and options; an
    unknown rule id, severity or option is an error naming the file and the key."""
    from .rules.load import option_problem

    by_id = {rule.id: rule for rule in rules}
    for rule_id in (*config.disabled, *config.overrides):
        if rule_id not in by_id:
            raise ConfigError(f"{config.path}: rules.{rule_id}: no rule with that id (known: {', '.join(sorted(by_id))})")
    changed = []
    for rule in rules:
        if rule.id in config.disabled:
            continue
        setting = config.overrides.get(rule.id)
        if not setting:
            changed.append(rule)
            continue
        severity = setting.get("severity", rule.severity.value)
        if severity not in [s.value for s in Severity]:
            raise ConfigError(
                f"{config.path}: rules.{rule.id}.severity must be one of {', '.join(s.value for s in Severity)}, not {severity!r}"
            )
        options = dict(rule.options)
        for key, value in setting.items():
            if key == "severity":
                continue
            if problem := option_problem(rule.using, key, value):
                raise ConfigError(f"{config.path}: rules.{rule.id}: {problem}")
            options[key] = value
        changed.append(replace(rule, severity=Severity(severity), options=tuple(sorted(options.items()))))
    return changed
