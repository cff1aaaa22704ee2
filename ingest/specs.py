"""The write specs: which node (label, key) or relationship a row of a kind becomes, and its relationship slots.

Declared per kind in the registry (:mod:`ingest.kinds`); :mod:`ingest.writes` generates the statements from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Slot:
    """A relationship a row may carry: ``row[name]`` is a list of ``{"k": target key, "p": props}``.

    ``merge_target`` MERGEs the far node by key (``item.t`` holds its properties, set when created): used for
    parent divisions that may come in a later file.
    """

    name: str
    type: str
    label: str
    key: str
    outgoing: bool = True
    merge_target: bool = False


@dataclass(frozen=True)
class NodeSpec:
    """A node kind written by MERGE on ``label {key}``, plus its relationship slots."""

    name: str
    label: str
    key: str
    extra_labels: tuple[str, ...] = ()
    slots: tuple[Slot, ...] = ()
    track_active: bool = False  # organizations: `active` flag for --snapshot


@dataclass(frozen=True)
class RelSpec:
    """A row whose main element is a relationship ``(from)-[type]->(to)`` (memberships)."""

    name: str
    type: str
    from_label: str
    from_key: str
    to_label: str
    to_key: str
    merge_to: bool = False  # create the far node (an alliance) from row.target
    to_slots: tuple[Slot, ...] = field(default_factory=tuple)
    outgoing: bool = True  # False: the relationship points from the far node to the row's node, (to)-[type]->(from)


#: the placement slots of every placed node
IN_GRID = Slot("inGrid", "IN_GRID", "Grid", "uid")
IN_DIVISION = Slot("inDivision", "IN_DIVISION", "Division", "code")
PLACED = (IN_GRID, IN_DIVISION)
#: below the grid (issue #12): a work order or need in a compound
IN_COMPOUND = Slot("inCompound", "IN_COMPOUND", "Compound", "uid")
