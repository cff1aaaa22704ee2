"""Kinds by their Chinese names (``gridlink ingest 企业 FILE``), from the one kind registry (ingest/kinds.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest
from ingest_fixtures import COMMUNITY, ENT_HEADER

from ingest import ingest_files
from ingest.kinds import ALIASES, KIND_NAMES, KINDS, get


def test_every_kind_has_a_chinese_name_and_no_name_is_ambiguous() -> None:
    assert all(k.aliases and re.search(r"[\u4e00-\u9fff]", k.aliases[0]) for k in KINDS), \
        [k.name for k in KINDS if not k.aliases]
    every = [a for k in KINDS for a in k.aliases]
    assert len(every) == len(set(every)) and not set(every) & set(KIND_NAMES)
    wanted = {"企业": "enterprises", "网格": "grids", "社会组织": "social-orgs", "党组织": "party-orgs",
              "小区": "compounds", "工单": "work-orders", "区划": "divisions", "资源清单": "resources",
              "需求清单": "needs", "项目清单": "projects", "党员": "party-members"}
    assert {a: ALIASES[a] for a in wanted} == wanted
    assert all(get(a).name == k for a, k in wanted.items())


def _row(name: str) -> list[str]:
    return ["", name, "有限责任公司", "", "", "存续", "", COMMUNITY, "", "", ""]


@pytest.mark.neo4j
def test_ingest_takes_the_chinese_kind_name(places_graph: neo4j.Driver, tmp_path: Path,
                                            csv_writer: Callable[..., Path]) -> None:
    path = csv_writer("企业名录.csv", ENT_HEADER, [_row("成都玉林科技有限公司"), _row("四川某某物业管理有限公司")])
    assert ingest_files("企业", [path], report=tmp_path / "a.jsonl").kind == "enterprises"
    env = {**os.environ, "GRIDLINK_LANG": "zh", "COLUMNS": "200"}
    res = subprocess.run([sys.executable, "-c", "from gridlink.cli import main; main()", "ingest", "企业", str(path),
                          "--report", str(tmp_path / "b.jsonl")], capture_output=True, text=True, check=False,
                         env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "导入批次" in res.stderr and "enterprises" in res.stderr and "未变" in res.stderr  # the run, in Chinese
    rows = places_graph.execute_query("MATCH (o:Enterprise) RETURN count(o) AS n", database_="neo4j").records
    assert rows[0]["n"] == 2
    bad = subprocess.run([sys.executable, "-c", "from gridlink.cli import main; main()", "ingest", "公司", str(path)],
                         capture_output=True, text=True, check=False, env=env, timeout=300)
    assert bad.returncode == 1 and "公司" in bad.stderr and "Traceback" not in bad.stderr
