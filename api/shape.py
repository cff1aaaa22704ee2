"""The shape of a parsed document, counted in one linear walk: what the request guard refuses before validation.

graphql-core's validation is not linear in the document: the overlapping-fields rule compares every pair of fields
that share a response name in one selection set (fragments included), so 220 copies of ``grid(code: …) { uid }``
took 1–2 s to validate (issue #11). These counts are cheap and bound what validation can cost:

* ``fields``: selected fields with fragment spreads expanded (a fragment spread twice counts twice, so a chain
  of fragments that doubles at each step is caught here and not by the validator);
* ``same_name``: the most fields sharing one response name in one selection set, fragments merged in;
* ``depth``: nesting below the root fields, introspection fields included (``__schema { types { … } }``);
* ``aliases``: aliases written in the document;
* ``operations``: operation definitions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

# GraphQL's lexical tokens, matched by the C regex engine: block strings, strings, comments (not tokens),
# punctuators, numbers, names. Never more matches than graphql-core's lexer makes tokens for a valid document.
_TOKEN = re.compile(r'''
    "{3}(?:[^"\\]|\\.|"(?!""))*"{3}
  | "(?:[^"\\\n\r]|\\.)*"
  | \#[^\n\r]*
  | \.\.\.|[!$&()\[\]{}:=@|]
  | -?\d[\w.+-]*
  | [_A-Za-z]\w*
''', re.VERBOSE | re.ASCII)

#: counts saturate here: a fragment chain that doubles 300 times must not build a 300-bit integer per node
SATURATE = 1 << 30


@dataclass
class _Level:
    """What one selection set contributes to the selection set it is merged into."""

    fields: int = 0
    depth: int = 0
    names: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Shape:
    """The counts of one document (see the module docstring)."""

    fields: int
    same_name: int
    same_name_field: str
    depth: int
    aliases: int
    operations: int


class _Walker:
    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self.memo: dict[str, _Level] = {}
        self.visiting: set[str] = set()
        self.aliases = 0
        self.same_name = 0
        self.same_name_field = ""

    def fragment(self, name: str) -> _Level:
        if name in self.memo:
            return self.memo[name]
        frag = self.fragments.get(name)
        if frag is None or name in self.visiting:  # unknown or cyclic: validation reports it; count nothing
            return _Level()
        self.visiting.add(name)
        # own=True: the validator also checks a fragment's selection set on its own
        level = self.selection_set(frag.selection_set)
        self.visiting.discard(name)
        self.memo[name] = level
        return level

    def selection_set(self, node: SelectionSetNode | None, own: bool = True) -> _Level:
        """The merged level of ``node``; ``own``: it is a field's (or operation's) own selection set, where the
        same-name count is final (a fragment's level is merged into the selection set that spreads it)."""
        level = _Level()
        if node is None:
            return level
        for sel in node.selections:
            if isinstance(sel, FieldNode):
                if sel.alias is not None:
                    self.aliases += 1
                child = self.selection_set(sel.selection_set)
                level.fields = min(SATURATE, level.fields + 1 + child.fields)
                level.depth = max(level.depth, 1 + child.depth if sel.selection_set else 0)
                level.names[(sel.alias or sel.name).value] += 1
                continue
            if isinstance(sel, FragmentSpreadNode):
                inner = self.fragment(sel.name.value)
            elif isinstance(sel, InlineFragmentNode):
                inner = self.selection_set(sel.selection_set, own=False)
            else:  # pragma: no cover - graphql-core has no other selection kind
                continue
            level.fields = min(SATURATE, level.fields + inner.fields)
            level.depth = max(level.depth, inner.depth)
            for name, n in inner.names.items():
                level.names[name] = min(SATURATE, level.names[name] + n)
        if own and level.names:
            name, n = level.names.most_common(1)[0]
            if n > self.same_name:
                self.same_name, self.same_name_field = n, name
        return level


def more_tokens_than(text: str, limit: int) -> bool:
    """Whether ``text`` has more than ``limit`` tokens, scanning no further than token ``limit + 1``.

    graphql-core's lexer is Python: it took 100+ ms to reach its token limit in a 900 KB document. This count
    runs in C and stops early, so refusing ``"__typename " * 80_000`` costs what 2,000 tokens cost.
    """
    tokens = (m for m in _TOKEN.finditer(text) if not m.group().startswith("#"))
    return sum(1 for _ in islice(tokens, limit + 1)) > limit


def measure(document: DocumentNode) -> Shape:
    """Count the shape of ``document`` in time linear in its size."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    walker = _Walker(fragments)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fields = depth = 0
    for op in operations:
        level = walker.selection_set(op.selection_set)
        fields = min(SATURATE, fields + level.fields)
        depth = max(depth, level.depth)
    for name in fragments:  # fragments no operation uses are still validated: count them too
        if name not in walker.memo:
            level = walker.fragment(name)
            fields = min(SATURATE, fields + level.fields)
    return Shape(fields=fields, same_name=walker.same_name, same_name_field=walker.same_name_field, depth=depth,
                 aliases=walker.aliases, operations=len(operations))
