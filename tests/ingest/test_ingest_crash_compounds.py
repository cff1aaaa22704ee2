"""kill -9 in the middle of an ingest of the kinds below the grid (compounds, property-contracts, owner-committees,
work-orders): the graph keeps whole batches, and a re-run completes it to the graph a clean load gives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest
from ingest_fixtures import COMMUNITY, COMMUNITY2, canonical_graph_hash, division_files, grid_file, write_csv
from neo4j_helpers import wipe

from ingest import ingest_files

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

BATCH = 200
COMPANY = "91350100M000100Y43"
N_COMPOUNDS = 3000
N_ORDERS = 8000


def _name(i: int) -> str:
    return f"测试{i:04d}花园"


def _community(i: int) -> str:
    return COMMUNITY if i % 2 else COMMUNITY2


def _compounds(tmp: Path) -> Path:
    rows = [["", _name(i), "商品房小区" if i % 3 else "老旧院落", _community(i), str(100 + i % 900), "8", "2005",
             "玉林物业有限公司" if i % 4 == 0 else "", COMPANY if i % 4 == 0 else "", "物业服务企业" if i % 4 == 0
             else "居民自管", f"{104.051 + (i % 50) * 0.0001:.6f}" if i % 10 == 5 else "",
             f"{30.621 + (i % 40) * 0.0001:.6f}" if i % 10 == 5 else ""] for i in range(N_COMPOUNDS)]
    header = ["小区编码", "小区名称", "小区类型", "所属社区", "户数", "楼栋数", "建成年代", "物业服务企业",
              "物业企业统一社会信用代码", "物业服务方式", "经度", "纬度"]
    return write_csv(tmp / "compounds.csv", header, rows)


def _contracts(tmp: Path) -> Path:
    return write_csv(tmp / "contracts.csv", ["合同备案编号", "物业企业统一社会信用代码", "小区名称", "所属社区",
                                             "合同开始日期", "合同结束日期", "项目人员数", "项目党员人数"],
                     [[f"HT{i:05d}", COMPANY, _name(i), _community(i), "2024-01-01", "2026-12-31", str(5 + i % 20),
                       str(i % 4)] for i in range(N_COMPOUNDS)])


def _committees(tmp: Path) -> Path:
    return write_csv(tmp / "committees.csv", ["小区", "所属社区", "成立日期", "届期", "委员人数", "党员人数"],
                     [[_name(i), _community(i), "2022-05-01", "2022-05-01至2027-04-30", "7", str(i % 4)]
                      for i in range(N_COMPOUNDS)])


def _orders(tmp: Path) -> Path:
    cats = ("物业管理", "噪音", "停车", "环境卫生")
    header = ["工单编号", "受理时间", "问题类别", "办理状态", "来电人", "来电号码", "诉求内容", "小区名称", "所属社区"]
    return write_csv(tmp / "orders.csv", header,
                     [[f"GD{i:06d}", f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 09:00:00", cats[i % 4], "办结",
                       "王小明", "13812345678", f"王小明反映第{i}号问题，电话13812345678", _name(i % N_COMPOUNDS),
                       _community(i % N_COMPOUNDS)] for i in range(N_ORDERS)])


def _count(query: str) -> Callable[[neo4j.Driver], int]:
    def count(drv: neo4j.Driver) -> int:
        return int(drv.execute_query(query, database_="neo4j").records[0]["n"])
    return count


# kind -> (file maker, kinds to load before it, progress counter, rows)
CASES: dict[str, tuple[Callable[[Path], Path], tuple[str, ...], Callable[[neo4j.Driver], int], int]] = {
    "compounds": (_compounds, (), _count("MATCH (c:Compound) RETURN count(c) AS n"), N_COMPOUNDS),
    "property-contracts": (_contracts, ("compounds",), _count(
        "MATCH ()-[m:MANAGES]->() WHERE m.rowHash IS NOT NULL RETURN count(m) AS n"), N_COMPOUNDS),
    "owner-committees": (_committees, ("compounds",), _count("MATCH (o:OwnersCommittee) RETURN count(o) AS n"),
                         N_COMPOUNDS),
    "work-orders": (_orders, ("compounds",), _count("MATCH (w:WorkOrder) RETURN count(w) AS n"), N_ORDERS),
}
MAKERS = {"compounds": _compounds}
# rows committed without the relationships they must have
INCOMPLETE = {
    "compounds": "MATCH (c:Compound) WHERE NOT (c)-[:IN_DIVISION]->() RETURN count(c) AS n",
    "property-contracts": "MATCH ()-[m:MANAGES]->() WHERE m.rowHash IS NOT NULL AND m.since IS NULL "
                          "RETURN count(m) AS n",
    "owner-committees": "MATCH (o:OwnersCommittee) WHERE NOT (o)-[:REPRESENTS]->() RETURN count(o) AS n",
    "work-orders": "MATCH (w:WorkOrder) WHERE NOT (w)-[:IN_COMPOUND]->() OR NOT (w)-[:IN_DIVISION]->() "
                   "RETURN count(w) AS n",
}


def _base(tmp: Path, before: tuple[str, ...]) -> None:
    ingest_files("divisions", division_files(tmp), report=tmp / "d.jsonl")
    ingest_files("grids", [grid_file(tmp)], report=tmp / "g.jsonl")
    ent = write_csv(tmp / "ent.csv", ["统一社会信用代码", "企业名称", "区划代码"],
                    [[COMPANY, "玉林物业有限公司", COMMUNITY]])
    assert ingest_files("enterprises", [ent], report=tmp / "e.jsonl").loaded == 1
    for kind in before:
        assert ingest_files(kind, [MAKERS[kind](tmp)], report=tmp / f"{kind}.jsonl").rejected == 0


@pytest.mark.parametrize("kind", sorted(CASES))
def test_kill_9_mid_ingest_then_rerun_equals_clean_load(graph: neo4j.Driver, tmp_path: Path, kind: str) -> None:
    make, before, progress, rows = CASES[kind]
    _base(tmp_path, before)
    dump = make(tmp_path)
    start = progress(graph)
    cli = Path(sys.executable).with_name("gridlink")
    proc = subprocess.Popen([str(cli), "ingest", kind, str(dump), "--batch-size", str(BATCH),
                             "--report", str(tmp_path / "killed.jsonl")],
                            env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        while progress(graph) - start < 3 * BATCH and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    partial = progress(graph) - start
    assert proc.returncode == -signal.SIGKILL
    assert 0 < partial < rows, "the kill must land mid-run"
    # a batch is written in transactions (per lane): what was committed is whole — a node with its relationships
    assert _count(INCOMPLETE[kind])(graph) == 0, "a committed row always has its relationships"

    rerun = ingest_files(kind, [dump], batch_size=BATCH, report=tmp_path / "rerun.jsonl")
    assert (rerun.unchanged, rerun.loaded + rerun.updated, rerun.rejected) == (partial, rows - partial, 0)
    assert progress(graph) - start == rows
    after_rerun = canonical_graph_hash(graph)

    wipe(graph)
    _base(tmp_path, before)
    clean = ingest_files(kind, [dump], batch_size=BATCH, report=tmp_path / "clean.jsonl")
    assert clean.rejected == 0 and clean.loaded + clean.updated == rows
    assert canonical_graph_hash(graph) == after_rerun
