"""The options of one ingest run: ONE pydantic model shared by the Python API (``ingest_files``), the CLI
(``gridlink ingest``: its help texts are the field descriptions) and the docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ingest.errors import InputError


class IngestOptions(BaseModel):
    """How to read, write and report one run (the kind and the files are arguments of their own)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["csv", "xlsx", "jsonl", "geojson"] | None = Field(
        None, description="csv | xlsx | jsonl | geojson (default: from the file extension).")
    encoding: str | None = Field(
        None, description="Force the CSV encoding, e.g. gb18030 or utf-8 (default: BOM, then strict UTF-8, then "
                          "GB18030).")
    sheet: str | int | None = Field(None, description="XLSX sheet name or 1-based number (default: the first).")
    mapping: Path | None = Field(
        None, description="YAML mapping for a differently shaped export: `columns: {field: 表头}`, `values: "
                          "{status: {开业: ACTIVE}}`, `defaults:`. Laid over the built-in profile of the kind.")
    source: str | None = Field(
        None, description="Provenance name stored on every node and relationship (default: the kind).")
    snapshot: bool = Field(
        False, description="The files are the full current registry of this kind: organizations of this kind "
                           "and --source that are missing get active=false and inactiveSince=today (never "
                           "deleted). An empty dump, or one whose rows are all rejected, is an error.")
    dry_run: bool = Field(
        False, description="Validate and count everything inside transactions that are rolled back.")
    batch_size: int = Field(2000, ge=1, description="Rows per write transaction.")
    writers: int = Field(
        2, ge=1, description="Write transactions in flight at once: with 2, one batch executes while another "
                             "commits. Use 1 for the lightest load on a busy server.")
    limit: int | None = Field(None, ge=0, description="Stop after this many input rows.")
    crs: Literal["wgs84", "gcj02"] = Field(
        "wgs84", description="Coordinate system of 经度/纬度: wgs84 (GPS) or gcj02 (Amap/Tencent maps; converted "
                             "to WGS-84).")
    report: Path | None = Field(
        None, description="Report file (.jsonl or .csv) listing each rejected row with row number, column and "
                          "reason, and flagged/unplaced rows and warnings (default: "
                          "ingest-reports/<runId>.jsonl).")

    @model_validator(mode="after")
    def _snapshot_is_whole(self) -> IngestOptions:
        if self.snapshot and self.limit is not None:  # an InputError passes through pydantic as it is
            raise InputError("--snapshot with --limit would deactivate every row past the limit",
                             hint="drop --limit for a snapshot run")
        return self

    @classmethod
    def of(cls, **values: Any) -> IngestOptions:
        """The options from keyword values.

        Raises:
            InputError: naming the option and what it accepts.
        """
        try:
            return cls(**values)
        except ValidationError as e:
            err = e.errors()[0]
            name = str(err["loc"][0]) if err["loc"] else ""
            option = f"--{name.replace('_', '-')}" if name else "options"
            field = cls.model_fields.get(name)
            raise InputError(f"{option}: {err['msg']}",
                             hint=field.description if field is not None else None) from None

    @classmethod
    def help(cls, name: str) -> str:
        """The description of an option (the CLI's help text)."""
        return cls.model_fields[name].description or ""
