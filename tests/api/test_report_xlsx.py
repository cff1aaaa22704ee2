"""``gridlink report indicators --xlsx`` (issue #13 part 3): the workbook opened with openpyxl and checked cell by
cell against what the API answers for the same graph and day (the small graph of test_api_indicators.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import neo4j
import pytest
from neo4j_helpers import app_client
from openpyxl import load_workbook
from test_api_indicators import C1, C2, SEED, D, S
from typer.testing import CliRunner

from graph.errors import GridlinkError
from gridlink.cli import app

pytestmark = pytest.mark.neo4j

# header -> the API's field (a share computed from two fields: a pair); the header of a configured value is matched
# by its start
FIELDS: dict[str, Any] = {
    "区划代码": "code", "名称": "name", "城乡分类": "urbanRural", "社区类型": "communityTypeLabel",
    "未完成需求": "needsOpen", "逾期需求": "needsPastDue", "超30天无人认领": "needsUnclaimed",
    "超14天无可对接资源": "needsNoCandidate", "认领到交付中位天数": "medianClaimToDeliveryDays",
    "验收评分均值": "ratingMean", "评分个数": "ratingCount", "网格数": "grids", "有党组织网格": "gridsWithBranch",
    "网格党组织覆盖率": ("gridsWithBranch", "grids"), "小区数": "compounds", "有党组织小区": "compoundsWithBranch",
    "小区党组织覆盖率": ("compoundsWithBranch", "compounds"), "驻区单位": "residentUnits",
    "近12个月活跃单位": "residentUnitsActive", "活跃单位占比": "activeUnitShare", "小区户数": "households",
    "近12个月物业工单": "propertyWorkOrders", "每百户物业工单": "propertyWorkOrdersPer100Households",
    "居住党员": "members", "报到率": "checkInRate", "隐形口袋党员占比": "hiddenPocketShare",
}
PERCENT = {"网格党组织覆盖率", "小区党组织覆盖率", "活跃单位占比", "报到率", "隐形口袋党员占比"}
URBAN_RURAL = {"111": "主城区", "112": "城乡结合区", None: None}
QUERY = """query($code: String!) { indicators(divisionCode: $code, asOf: "2026-11-30") { code name urbanRural
  communityTypeLabel needsOpen needsPastDue needsUnclaimed needsNoCandidate medianClaimToDeliveryDays ratingMean
  ratingCount grids gridsWithBranch compounds compoundsWithBranch residentUnits residentUnitsActive activeUnitShare
  households propertyWorkOrders propertyWorkOrdersPer100Households members checkInRate hiddenPocketShare } }"""


@pytest.fixture
def small(graph: neo4j.Driver) -> neo4j.Driver:
    with graph.session() as s:
        s.run(SEED, d=D, s=S, c1=C1, c2=C2).consume()
    return graph


def api_rows(key: str) -> dict[str, dict[str, Any]]:
    client = app_client({"GRIDLINK_API_KEYS": "r-key:reader,p-key:planner", "GRIDLINK_API_ANONYMOUS_ROLE": ""})
    rows: dict[str, dict[str, Any]] = {}
    for code in (D, S):
        resp = client.post("/graphql", json={"query": QUERY, "variables": {"code": code}}, headers={"X-API-Key": key})
        rows.update({r["code"]: r for r in resp.json()["data"]["indicators"]})
    return rows


def expected(row: dict[str, Any], header: str) -> Any:
    field = FIELDS[header]
    if isinstance(field, tuple):
        part, whole = row[field[0]], row[field[1]]
        return part / whole if whole else None
    return URBAN_RURAL[row[field]] if field == "urbanRural" else row[field]


def export(tmp_path: Path, *extra: str) -> Any:
    out = tmp_path / "indicators.xlsx"
    result = CliRunner().invoke(app, ["report", "indicators", "--division", D, "--month", "2026-11", "--xlsx",
                                      str(out), *extra])
    assert result.exit_code == 0, result.output
    return load_workbook(out)


def check_cells(wb: Any, api: dict[str, dict[str, Any]]) -> None:
    assert wb.sheetnames == ["区（县）", "街道（镇）", "社区（村）", "说明"]
    for title, codes in (("区（县）", [D]), ("街道（镇）", [S]), ("社区（村）", [C1, C2])):
        ws = wb[title]
        headers = [c.value for c in ws[1]]
        assert headers == list(FIELDS) and ws.freeze_panes == "C2"
        assert [ws.cell(row=i, column=1).value for i in range(2, ws.max_row + 1)] == codes
        for i, code in enumerate(codes, start=2):
            for j, header in enumerate(headers, start=1):
                cell, want = ws.cell(row=i, column=j), expected(api[code], header)
                assert cell.value == pytest.approx(want) if isinstance(want, float) else cell.value == want, (
                    title, code, header, cell.value, want)
                fmt = ("0.0%" if header in PERCENT else "0.00" if header == "验收评分均值"
                       else "0.0" if header in ("认领到交付中位天数", "每百户物业工单")
                       else "@" if header in ("区划代码", "名称", "城乡分类", "社区类型") else "0")
                assert cell.number_format == fmt, (header, cell.number_format)


def test_workbook_cells_equal_the_api_for_readers_and_planners(small: neo4j.Driver, tmp_path: Path) -> None:
    wb = export(tmp_path)
    check_cells(wb, api_rows("r-key"))
    community = wb["社区（村）"]
    # by hand: C2 8 property orders for 100 households; C1's 2 checked in of 4 is a small count for readers
    assert [c.value for c in community[3]][22] == 8.0 and [c.value for c in community[2]][24] is None
    assert "计算" in wb["说明"]["B2"].value  # no snapshot of 2026-11: computed as of the month's end
    planner = export(tmp_path, "--planner")
    check_cells(planner, api_rows("p-key"))
    assert [c.value for c in planner["社区（村）"][2]][24] == 0.5


def test_workbook_reads_the_stored_snapshot_and_refuses_bad_options(small: neo4j.Driver, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["report", "snapshot", "--month", "2026-11"]).exit_code == 0
    with small.session() as s:  # a change after the snapshot does not reach the month's workbook
        s.run("MATCH (n:Need {uid: 'N2'}) SET n.status = 'closed'").consume()
    wb = export(tmp_path)
    assert "月度快照" in wb["说明"]["B2"].value
    assert wb["街道（镇）"].cell(row=2, column=5).value == 4  # needsOpen as stored, not the 3 of now
    bad = runner.invoke(app, ["report", "indicators", "--division", D, "--month", "2026-13", "--xlsx",
                              str(tmp_path / "x.xlsx")])
    assert isinstance(bad.exception, GridlinkError) and "--month" in str(bad.exception)
    unknown = runner.invoke(app, ["report", "indicators", "--division", "510107999000", "--month", "2026-11",
                                  "--xlsx", str(tmp_path / "x.xlsx")])
    assert isinstance(unknown.exception, GridlinkError) and "--division" in str(unknown.exception)
    assert not (tmp_path / "x.xlsx").exists()
