"""The output of a transform: one :class:`Record` per accepted input row (or a :class:`RowReject`).

A record names the write statement it goes to (``spec``, see :mod:`ingest.writes`), carries the node's key and
content properties, relationships already resolved (``rels``: slot -> ``[{"k": target key, "p": rel props}]``) and
references still to resolve against the graph (``lookups``: an organization by credit code or name, a need by id…).
The content hash (:meth:`Record.content_hash`) covers everything that would be written, so an unchanged row can be
recognised by comparing it with the ``rowHash`` stored on the node in the same transaction as its relationships.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Any


class RowReject(Exception):  # a control-flow signal, not an error of the program
    """Raised by a transform: the row cannot be loaded. ``field`` is the field (mapped to the file's column)."""

    def __init__(self, field: str | None, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason
        #: organization kinds: the ``(uid, normalized name)`` the row still names (set by the run, for
        #: ``--snapshot``: a rejected row is evidence that its organization is in the dump)
        self.present: tuple[str | None, str | None] = (None, None)


@dataclass
class Lookup:
    """A reference to a node that must be found in the graph (or earlier in this run).

    Attributes:
        slot: the relationship slot of the write spec it fills.
        label: label of the target (``Organization``, ``PartyOrganization``, ``Need``, ``Resource``).
        prop: property matched (``uscc``, ``nameNorm``, ``partyOrgId``, ``uid``).
        value: the value looked up.
        field: the input field it came from (for the report).
        required: when not found, reject the row (else: a warning, the relationship is left out).
        props: relationship properties.
    """

    slot: str
    label: str
    prop: str
    value: str
    field: str
    required: bool = False
    props: dict[str, Any] = _field(default_factory=dict)


@dataclass
class Issue:
    """Something the report must show about a loaded row: ``flagged`` (a failed code check), ``unplaced``,
    ``warning`` (an optional reference not found)."""

    kind: str
    field: str | None
    reason: str


@dataclass
class Record:
    """One transformed row, ready to be written."""

    spec: str
    key: str
    props: dict[str, Any]
    rels: dict[str, list[dict[str, Any]]] = _field(default_factory=dict)
    lookups: list[Lookup] = _field(default_factory=list)
    issues: list[Issue] = _field(default_factory=list)
    extra: dict[str, Any] = _field(default_factory=dict)  # rel specs: from, to, target (props of the far node)
    file: str = ""
    line: int = 0
    row_hash: str | None = None  # content_hash() once final (see seal)

    def add_rel(self, slot: str, key: str, props: dict[str, Any] | None = None) -> None:
        """Add a resolved relationship target (duplicates ignored)."""
        items = self.rels.setdefault(slot, [])
        if all(it["k"] != key for it in items):
            items.append({"k": key, "p": props or {}})

    def content_hash(self) -> str:
        """sha1 over properties, relationships and extras: equal hashes mean nothing to write."""
        body = json.dumps([self.props, {k: v for k, v in sorted(self.rels.items()) if v}, self.extra],
                          sort_keys=True, ensure_ascii=False, default=_json_default)
        return hashlib.sha1(body.encode(), usedforsecurity=False).hexdigest()

    def seal(self) -> None:
        """Compute the content hash now, if nothing is left to resolve (no lookups).

        Called by the reading thread, so the writer thread (which holds the open transaction) does not spend its
        time hashing; a record with lookups is hashed by the writer after they are resolved into ``rels``.
        """
        if not self.lookups:
            self.row_hash = self.content_hash()

    def as_param(self, index: int, strip_nulls: bool = False) -> dict[str, Any]:
        """The row as passed to the write statement's ``$rows``.

        Args:
            index: the row's position in its batch (``row.i``).
            strip_nulls: leave ``None`` properties out of the map. Right for node rows only: their statement
                sets every property name of the batch one by one (:func:`ingest.writes.upsert_statement`), and a
                missing key reads as ``null``, which removes the property as an explicit ``null`` would; only
                fewer bytes travel. Relationship rows are written with ``+=``, where a missing key keeps the
                old value.
        """
        props = {k: v for k, v in self.props.items() if v is not None} if strip_nulls else self.props
        row: dict[str, Any] = {"i": index, "key": self.key, "hash": self.row_hash or self.content_hash(),
                               "props": props, "file": self.file, "line": self.line}
        for slot, items in self.rels.items():
            row[slot] = items
        row.update(self.extra)
        return row


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if hasattr(value, "longitude"):
        return [value.longitude, value.latitude]
    return str(value)
