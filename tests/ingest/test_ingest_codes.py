"""Credit codes (GB 32100 / GB 11714) with the domain brief's worked examples, and division code helpers."""

from __future__ import annotations

import pytest

from ingest.codes import (
    check_uscc,
    community_kind,
    division_level,
    org_code_check_char,
    pad_division,
    parent_code,
    street_kind,
    uscc_check_char,
)


def test_standard_example_is_valid_and_its_variant_is_not() -> None:
    assert uscc_check_char("91350100M000100Y4") == "3"
    ok = check_uscc("91350100M000100Y43")
    assert ok.valid and ok.usable and ok.issue is None
    bad = check_uscc("91350100M000100Y4Z")
    assert not bad.valid and bad.issue


def test_real_codes_pass() -> None:
    for code in ("914403001922038216", "91110000710926094P", "91430111MA4L41YT1U"):
        assert check_uscc(code).valid, code


def test_pilot_code_is_flagged_but_usable() -> None:
    pilot = check_uscc("91350100M0001TGQXM")
    assert pilot.usable and not pilot.valid
    assert "GB 32100" in (pilot.issue or "")


def test_normalization_and_excel_damage() -> None:
    assert check_uscc(" 9135 0100-m000100y43 ").code == "91350100M000100Y43"
    sci = check_uscc("9.1E+17")
    assert not sci.usable and "Excel" in (sci.issue or "")
    assert check_uscc(None).code is None
    assert "length 17" in (check_uscc("91350100M000100Y4").issue or "")


def test_org_code_check() -> None:
    assert org_code_check_char("19220382") == "1"
    assert org_code_check_char("M000100Y") == "4"
    swapped = check_uscc("9144030019220382" + "0" + uscc_check_char("91440300192203820"))
    assert swapped.usable and not swapped.valid and "GB 11714" in (swapped.issue or "")


@pytest.mark.parametrize(("raw", "padded", "level"), [
    ("510107", "510107000000", "district"), ("510107005", "510107005000", "street"),
    ("510107005001", "510107005001", "community"), ("5101", "510100000000", "city"),
])
def test_division_padding_and_level(raw: str, padded: str, level: str) -> None:
    assert pad_division(raw) == padded
    assert division_level(padded) == level


def test_division_parents_and_kinds() -> None:
    assert parent_code("510107005001") == "510107005000"
    assert parent_code("510107005000") == "510107000000"
    assert parent_code("510107000000") == "510100000000"
    assert pad_division("51010700500") is None and pad_division("abc") is None
    assert [street_kind(c) for c in ("510107005000", "510121100000", "510121200000", "510121400000")] == \
        ["街道", "镇", "乡", "类似乡级"]
    assert [community_kind(c) for c in ("510107005001", "510121100201", "510121100401")] == \
        ["社区", "村", "类似村级"]
