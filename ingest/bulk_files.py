"""The in-memory graph of a bulk load as the CSV files ``neo4j-admin database import full`` reads.

One node file per label set and one relationship file per type, each with a typed header (``:ID``,
``:START_ID``/``:END_ID``, ``name:string``, ``foundedOn:date``, ``centroid:point``, ``tags:string[]``…); a
column whose values have more than one type splits its file by the types of each row, so every value keeps the
type the transactional path gives it (an ``int`` stays a long, a ``float`` a double). Node ids are the in-memory
positions (``--id-type=integer``) and are not stored as properties. Strings are always quoted, so an empty
string stays an empty string while an empty unquoted cell means "no property".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.bulk_graph import MemoryGraph

#: between the elements of an array value (a control character no cleaned cell holds)
ARRAY_DELIMITER = "\x1f"


@dataclass
class ImportFiles:
    """The files written, as importer arguments, and what they hold."""

    args: list[str] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0
    multiline: bool = False  # some string holds a line break: the importer must be told (it is slower then)


def _type(value: Any) -> str:
    """The importer's type name of a property value."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, dt.time):
        return "localtime" if value.tzinfo is None else "time"
    if hasattr(value, "longitude") and hasattr(value, "latitude"):
        return "point"
    if isinstance(value, list | tuple):
        inner = {_type(v) for v in value}
        if len(inner) == 1:
            return inner.pop() + "[]"
        if not inner:
            return "string[]"
    raise TypeError(f"the bulk path cannot write a property value of type {type(value).__name__}")


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "string":
        return _quote(value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("long", "double"):
        return repr(value)
    if kind in ("date", "datetime", "localtime", "time"):
        return str(value.isoformat())
    if kind == "point":
        return _quote(f"{{longitude:{value.longitude!r},latitude:{value.latitude!r},crs:'WGS-84'}}")
    inner = kind[:-2]
    return _quote(ARRAY_DELIMITER.join(
        str(v) if inner == "string" else _cell(v, inner).strip('"') for v in value))


class _Files:
    """Rows grouped by file (label set or type, and column types), written when all are known."""

    def __init__(self, folder: Path, out: ImportFiles) -> None:
        self.folder = folder
        self.out = out
        self.count = 0

    def write(self, flag: str, what: str, head: list[str], columns: list[tuple[str, str]],
              rows: Iterable[tuple[list[str], dict[str, Any]]]) -> None:
        self.count += 1
        path = self.folder / f"{flag}-{self.count:03d}.csv"
        header = ",".join(head + [f"{k}:{t}" for k, t in columns])
        with path.open("w", encoding="utf-8", newline="\n") as f:
            f.write(header + "\n")
            for ids, props in rows:
                cells = [_cell(props.get(k), t) for k, t in columns]
                line = ",".join(ids + cells)
                if "\n" in line or "\r" in line:
                    self.out.multiline = True
                f.write(line + "\n")
        self.out.args.append(f"--{flag}={what}={path}")


def _split(items: list[tuple[list[str], dict[str, Any]]]) -> Iterator[tuple[list[tuple[str, str]],
                                                                           list[tuple[list[str], dict[str, Any]]]]]:
    """The items as groups whose every column has one type: one group when they agree, else one per
    combination of types."""
    types: dict[str, set[str]] = defaultdict(set)
    for _, props in items:
        for k, v in props.items():
            types[k].add(_type(v))
    if all(len(t) == 1 for t in types.values()):
        yield sorted((k, next(iter(t))) for k, t in types.items()), items
        return
    by_sig: dict[tuple[tuple[str, str], ...], list[tuple[list[str], dict[str, Any]]]] = defaultdict(list)
    for item in items:
        by_sig[tuple(sorted((k, _type(v)) for k, v in item[1].items()))].append(item)
    for sig, group in by_sig.items():
        yield list(sig), group


def write_import_files(g: MemoryGraph, folder: Path) -> ImportFiles:
    """Write the graph into ``folder`` as importer CSV files; the returned arguments name them."""
    folder.mkdir(parents=True, exist_ok=True)
    out = ImportFiles(nodes=len(g.nodes), relationships=g.relationships)
    files = _Files(folder, out)
    by_labels: dict[frozenset[str], list[tuple[list[str], dict[str, Any]]]] = defaultdict(list)
    for nid, node in enumerate(g.nodes):
        by_labels[node.labels].append(([str(nid)], node.props))
    for labels, items in by_labels.items():
        for columns, group in _split(items):
            files.write("nodes", ":".join(sorted(labels)), [":ID"], columns, group)
    by_type: dict[str, list[tuple[list[str], dict[str, Any]]]] = defaultdict(list)
    for start, rel_type, end, props in g.iter_rels():
        by_type[rel_type].append(([str(start), str(end)], props))
    for rel_type, items in by_type.items():
        for columns, group in _split(items):
            files.write("relationships", rel_type, [":START_ID", ":END_ID"], columns, group)
    return out
