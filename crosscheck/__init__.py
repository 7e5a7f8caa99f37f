"""crosscheck: where news sources on one story disagree and agree, with evidence.

    import crosscheck

    report = crosscheck.check("stories/quake")
    print(report.to_markdown())

The names below are imported on first use (PEP 562), so that ``import
crosscheck`` and the command line start fast. See docs/api.md.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

# public name -> module that defines it
_EXPORTS = {
    "check": "api", "check_texts": "api", "check_with_store": "api", "rules_in_force": "api",
    "Report": "model", "Finding": "model", "Source": "model", "Claim": "model", "ClaimGroup": "model",
    "ClaimKind": "model", "Status": "model", "Severity": "model", "ValueGroup": "model", "Skipped": "model",
    "CrosscheckError": "errors", "SourceError": "errors", "RuleFileError": "errors", "StoreError": "errors",
    "Limits": "limits",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
