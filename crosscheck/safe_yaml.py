"""YAML as crosscheck reads it (front matter, manifests, rule files): safe tags
only, and bounded, so a small file cannot become a huge value or a deep stack.

An alias bomb ("a: &a [x, x]", "b: &b [*a, *a]", ...) composes cheaply into
shared nodes, then explodes wherever the value is printed or walked; a few
thousand "[" overflow the recursive composer. Both are refused as YAML errors
with a line, as any malformed YAML is.
"""
from __future__ import annotations

import yaml

MAX_ALIASES = 100
MAX_DEPTH = 50
MAX_NODES = 100_000
# Larger than any real front matter, rule file or manifest of thousands of sources.
MAX_BYTES = 8 * 2**20


class BoundedLoader(yaml.SafeLoader):
    def __init__(self, stream) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:  # 2024-02-30 has the shape of a date, not a day
            raise yaml.constructor.ConstructorError(None, None, f"{node.value!r} is not a date: {exc}", node.start_mark) from None

    def compose_node(self, parent, index):
        mark = self.peek_event().start_mark
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise yaml.composer.ComposerError(None, None, f"more than {MAX_ALIASES} aliases", mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested deeper than {MAX_DEPTH} levels", mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """Nodes in the value once every alias is expanded; each shared node is counted once per use
    but computed once, so this is cheap even for a bomb."""
    if id(node) not in sizes:
        sizes[id(node)] = MAX_NODES + 1  # until computed: a node that contains itself is too big
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = []
        sizes[id(node)] = 1 + sum(_expanded_size(child, sizes) for child in children)
    return sizes[id(node)]


# libyaml's composer, where installed: six times faster, for the files that ship with crosscheck.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def compose(text: str, shipped: bool = False) -> yaml.Node | None:
    """Like yaml.compose with the safe loader, within the bounds above; yaml.YAMLError otherwise.
    A ``shipped`` file (crosscheck's own rules) needs no bounds: libyaml composes it where installed."""
    if shipped and _FAST_LOADER is not None:
        return yaml.compose(text, Loader=_FAST_LOADER)
    if len(text) > MAX_BYTES:
        raise yaml.YAMLError(f"larger than {MAX_BYTES // 2**20} MB")
    loader = BoundedLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is not None and _expanded_size(node, {}) > MAX_NODES:
        raise yaml.composer.ComposerError(
            None, None, f"more than {MAX_NODES:,} values once aliases are expanded", node.start_mark
        )
    return node


def load(text: str) -> object:
    """Like yaml.safe_load, within the bounds above; yaml.YAMLError otherwise."""
    return construct(compose(text))


def construct(node: yaml.Node | None) -> object:
    """The value of a node that ``compose`` returned."""
    if node is None:
        return None
    loader = BoundedLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def problem(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """(1-based line or None, a one-line reason) of a YAML error."""
    mark = getattr(exc, "problem_mark", None)
    reason = getattr(exc, "problem", None) or (str(exc).splitlines() or ["malformed"])[0]
    return (mark.line + 1 if mark is not None else None), reason[:200]


BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", BoundedLoader.construct_yaml_timestamp)
