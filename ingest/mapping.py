"""Mapping profiles: which column holds which field, plus value lookups.

Each kind has a built-in profile ``ingest/profiles/<kind>.yaml`` listing, per field, the headers real exports use
(Chinese first, English aliases after; see ingest/HEADERS.md). A user mapping file (``--mapping my.yaml``) adapts a
differently shaped export::

    kind: enterprises            # optional; when given it must match the KIND on the command line
    columns:                     # field: header, or a list of candidate headers (tried before the built-in ones)
      name: 公司名称
      uscc: [信用代码, 社会信用代码]
    values:                      # per-field lookups applied before the built-in vocabularies
      status: {开业中: ACTIVE, 已吊销: REVOKED}
    defaults:                    # value used when the column is absent or the cell empty
      orgType: 有限责任公司

Headers match ignoring case, spaces and full-width forms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ingest.errors import InputError, MappingError
from ingest.readers import ERROR, GEOMETRY


def _key(header: str) -> str:
    return "".join(unicodedata.normalize("NFKC", header).lower().split())


@dataclass
class Mapping:
    """A profile: candidate headers per field, required fields, value lookups and defaults."""

    kind: str
    columns: dict[str, list[str]]
    required: list[str] = field(default_factory=list)
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)

    def known_headers(self) -> set[str]:
        """Every header this profile recognises (used to find the header row below title rows)."""
        return {h for hs in self.columns.values() for h in hs}

    def bind(self, headers: list[str], file_name: str, strict: bool = True) -> BoundMapping:
        """Resolve each field to the file's header.

        Raises:
            InputError: a required field has none of its headers in the file (only when ``strict``: in
                JSONL/GeoJSON each row has its own keys, so a missing one is that row's reject).
        """
        by_key = {_key(h): h for h in headers if h not in (ERROR, GEOMETRY)}
        resolved: dict[str, str] = {}
        for fld, candidates in self.columns.items():
            for cand in candidates:
                if _key(cand) in by_key:
                    resolved[fld] = by_key[_key(cand)]
                    break
        missing = [f for f in self.required if f not in resolved and f not in self.defaults]
        if missing and strict:
            wanted = "; ".join(f"{f}: {' / '.join(self.columns.get(f, [f]))}" for f in missing)
            raise InputError(f"{file_name}: required column missing for {self.kind} ({wanted})",
                             hint="rename the column, pass --sheet if the data is on another sheet, or map it "
                                  "in a --mapping YAML file (columns: {field: header})")
        used = set(resolved.values())
        unused = tuple(h for h in headers if h not in used and h not in (ERROR, GEOMETRY) and not _BLANK.match(h))
        return BoundMapping(self, resolved, unused)


#: the name the reader gives a column without a header: nothing to list
_BLANK = re.compile(r"^column\d+$")


@dataclass
class BoundMapping:
    """A profile bound to one file's headers."""

    mapping: Mapping
    field_to_header: dict[str, str]
    #: the file's headers no field reads (their values are not loaded; the run lists them)
    unused: tuple[str, ...] = ()

    def column(self, fld: str) -> str:
        """The file's header for a field (for reject reports), or the field name."""
        return self.field_to_header.get(fld, fld)

    def apply(self, cells: dict[str, Any]) -> dict[str, Any]:
        """The row's fields: values by field name, user lookups applied, defaults filled in."""
        out: dict[str, Any] = {}
        for fld, header in self.field_to_header.items():
            value = cells.get(header)
            lookup = self.mapping.values.get(fld)
            if lookup and isinstance(value, str) and value in lookup:
                value = lookup[value]
            out[fld] = value
        for fld, value in self.mapping.defaults.items():
            if out.get(fld) is None:
                out[fld] = value
        if GEOMETRY in cells:
            out[GEOMETRY] = cells[GEOMETRY]
        if ERROR in cells:
            out[ERROR] = cells[ERROR]
        return out


def _as_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise MappingError(f"{where}: expected a header or a list of headers, got {value!r}",
                       hint="write `field: 表头` or `field: [表头1, 表头2]`")


def _parse(doc: Any, where: str) -> Mapping:
    if not isinstance(doc, dict):
        raise MappingError(f"{where}: a mapping file is a YAML mapping with `columns:`",
                           hint="see the example at the top of ingest/mapping.py / the README")
    unknown = set(doc) - {"kind", "columns", "required", "values", "defaults", "description"}
    if unknown:
        raise MappingError(f"{where}: unknown keys {sorted(unknown)}",
                           hint="allowed keys: kind, columns, required, values, defaults")
    cols = doc.get("columns") or {}
    if not isinstance(cols, dict):
        raise MappingError(f"{where}: `columns` must map field names to headers", hint="columns: {name: 企业名称}")
    values = doc.get("values") or {}
    if not isinstance(values, dict) or not all(isinstance(v, dict) for v in values.values()):
        raise MappingError(f"{where}: `values` must map a field to a {{word: value}} lookup",
                           hint="values: {status: {开业: ACTIVE}}")
    defaults = doc.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise MappingError(f"{where}: `defaults` must map fields to values", hint="defaults: {orgType: 机关}")
    required = doc.get("required") or []
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        raise MappingError(f"{where}: `required` must be a list of field names", hint="required: [name, uscc]")
    return Mapping(kind=str(doc.get("kind") or ""),
                   columns={str(k): _as_list(v, f"{where} columns.{k}") for k, v in cols.items()},
                   required=list(required),
                   values={str(k): {str(w): t for w, t in v.items()} for k, v in values.items()},
                   defaults={str(k): v for k, v in defaults.items()})


def builtin(kind: str) -> Mapping:
    """The built-in profile of a kind.

    Raises:
        MappingError: no profile for that kind.
    """
    entry = resources.files("ingest.profiles").joinpath(f"{kind}.yaml")
    if not entry.is_file():
        raise MappingError(f"no built-in profile for kind {kind!r}", hint="see `gridlink ingest --help` for kinds")
    return _parse(yaml.safe_load(entry.read_text(encoding="utf-8")), f"profile {kind}")


def load_mapping(kind: str, user_file: str | Path | None = None) -> Mapping:
    """The built-in profile, overlaid with a user mapping file when given.

    Raises:
        MappingError: the user file is unreadable, invalid or for another kind.
    """
    base = builtin(kind)
    if user_file is None:
        return base
    path = Path(user_file)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise MappingError(f"cannot read mapping file {path}: {e.strerror}", hint="check the --mapping path") from e
    except UnicodeDecodeError as e:
        raise MappingError(f"{path.name} is not UTF-8 text ({e.reason} at byte {e.start})",
                           hint="save the mapping file as UTF-8") from e
    except yaml.YAMLError as e:
        raise MappingError(f"{path.name} is not valid YAML: {e}", hint="check indentation and quotes") from e
    user = _parse(doc, path.name)
    if user.kind and user.kind != kind:
        raise MappingError(f"{path.name} is a mapping for {user.kind!r}, not {kind!r}",
                           hint=f"run `gridlink ingest {user.kind} ...` or fix `kind:` in the file")
    unknown = set(user.columns) - set(base.columns)
    if unknown:
        raise MappingError(f"{path.name}: unknown fields {sorted(unknown)} for {kind}",
                           hint=f"fields of {kind}: {', '.join(base.columns)}")
    columns = {f: user.columns.get(f, []) + hs for f, hs in base.columns.items()}
    values = {**base.values, **user.values}
    return Mapping(kind, columns, base.required + [r for r in user.required if r not in base.required],
                   values, {**base.defaults, **user.defaults})
