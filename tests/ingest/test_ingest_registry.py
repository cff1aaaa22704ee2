"""The kind registry (ingest/kinds.py) is the one declaration of a kind: profiles, HEADERS.md, write specs, the
CLI's options and the personal-data rule all agree with it (issue #10)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from ingest import KINDS, kinds
from ingest.mapping import builtin
from ingest.options import IngestOptions

ROOT = Path(__file__).resolve().parents[2]
HEADERS_MD = ROOT / "ingest" / "HEADERS.md"


def _headers_rows() -> dict[str, tuple[str, str]]:
    """kind -> (files cell, headers cell) of ingest/HEADERS.md's table."""
    rows = {}
    for line in HEADERS_MD.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `([a-z-]+)` \|([^|]*)\|(.*)\|\s*$", line)
        if m:
            rows[m.group(1)] = (m.group(2).strip(), m.group(3))
    return rows


def test_one_profile_per_kind_and_load_order() -> None:
    profiles = {p.stem for p in (ROOT / "ingest" / "profiles").glob("*.yaml")}
    assert profiles == set(KINDS)
    assert KINDS == tuple(k.name for k in kinds.KINDS)
    assert list(_headers_rows()) == list(KINDS)  # the headers page lists the kinds in load order


@pytest.mark.parametrize("kind", KINDS)
def test_headers_page_agrees_with_the_profile(kind: str) -> None:
    files, cell = _headers_rows()[kind]
    assert files == kinds.get(kind).files
    prof = builtin(kind)
    # every header the page names is one the profile reads, every field of the profile is on the page, and
    # the required ones (marked *) are the profile's
    cell = re.sub(r"\([^)]*\)", "", cell)  # notes and example values in brackets are not headers
    named = re.findall(r"`([^`]+)`(?: \[(\w+)\])?(\*)?", cell)
    assert {h for h, _, _ in named} <= prof.known_headers()
    fields = {f for f, hs in prof.columns.items() for h, _, _ in named if h in hs}
    assert fields == set(prof.columns)
    starred = {f for f, hs in prof.columns.items() for h, _, star in named if star and h in hs}
    assert starred == set(prof.required)


def test_specs_and_flags_come_from_the_registry() -> None:
    from ingest.writes import SPECS

    assert SPECS is kinds.SPECS
    assert {s.name for k in kinds.KINDS for s in k.specs} == set(SPECS)
    assert [k.name for k in kinds.KINDS if k.org] == ["enterprises", "public-units", "social-orgs", "party-orgs"]
    assert [k.name for k in kinds.KINDS if not k.needs_places] == ["divisions"]
    assert kinds.PERSONAL_KINDS == {"party-members", "responsibilities"}


def test_cli_options_are_the_model_fields_with_their_descriptions() -> None:
    from ingest.cli import ingest

    app = typer.Typer(add_completion=False)
    app.command()(ingest)
    click_cmd = typer.main.get_command(app)
    options = {p.name: p for p in click_cmd.params if not p.name.startswith(("kind", "files"))}
    assert set(options) == set(IngestOptions.model_fields)
    for name, field in IngestOptions.model_fields.items():
        assert field.description and getattr(options[name], "help", "").startswith(field.description)
        if field.default is not None:
            assert options[name].default == field.default


def test_option_errors_name_the_option() -> None:
    from ingest.errors import InputError

    with pytest.raises(InputError, match="--batch-size") as e:
        IngestOptions.of(batch_size=0)
    assert e.value.hint == IngestOptions.help("batch_size")
    with pytest.raises(InputError, match="--crs"):
        IngestOptions.of(crs="bd09")
    with pytest.raises(InputError, match="--snapshot with --limit"):
        IngestOptions.of(snapshot=True, limit=10)
