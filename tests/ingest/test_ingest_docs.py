"""The data officer's page names the registry's kinds and the options model's fields (issue #10: one declaration,
the docs derived from or checked against it)."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.kinds import KIND_NAMES
from ingest.options import IngestOptions

PAGE = Path(__file__).resolve().parents[2] / "docs" / "data-officer.md"


def test_the_page_lists_the_kinds_in_load_order() -> None:
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    listed = text.split("Kinds, in load order", 1)[1].split(". Each has", 1)[0]
    assert tuple(re.findall(r"`([a-z-]+)`", listed)) == KIND_NAMES


def test_the_page_lists_every_option() -> None:
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    listed = text.split("Options (", 1)[1].split("; `gridlink ingest --help`", 1)[0]
    options = {o.replace("-", "_") for o in re.findall(r"--([a-z-]+)", listed)}
    assert options == set(IngestOptions.model_fields)
