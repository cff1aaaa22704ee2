"""Personal data and documented identities, checked against the documents, not against the product's functions.

- README: ``uid = HMAC-SHA256(GRIDLINK_PSEUDONYM_KEY, id)[:24]`` for party members; the ID number is never stored,
  logged or reported. Party members are the registry's personal kind: no value of their rows reaches a report
  line or a log record, also when it was written in the wrong column.
- graph/MODEL.md: an organization without a credit code has ``uid = 'n:' + first 16 hex of sha1(normalized name +
  '|' + division code)``.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest
from ingest_fixtures import COMMUNITY, ENT_HEADER, enterprise_rows

from ingest import ingest_files

pytestmark = pytest.mark.neo4j

SECRET = "a-test-secret-for-the-hmac"
MEMBER_HEADER = ["身份证号", "姓名", "联系电话", "党员状态", "所属党组织", "报到社区编码"]


def id_number(body: str) -> str:
    """An 18-character resident ID number: ``body`` (17 digits) and its GB 11643 check character."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def q(drv: neo4j.Driver, cypher: str, **params: object) -> list[dict[str, object]]:
    with drv.session(database="neo4j") as s:
        return s.run(cypher, params).data()  # type: ignore[arg-type]


def test_party_members_values_never_reach_reports_or_logs(places_graph: neo4j.Driver, tmp_path: Path,
                                                          csv_writer: Callable[..., Path],
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("GRIDLINK_PSEUDONYM_KEY", SECRET)
    good, other, third, fourth = (id_number(b) for b in ("51010719800101001", "51010719900202002",
                                                          "51010720000303003", "51010719700404004"))
    bad = good[:17] + ("0" if good[17] != "0" else "1")  # a wrong check character
    rows = [
        [good.lower(), "张小明", "13800001111", "正常", "", COMMUNITY],
        [bad, "李小红", "13900002222", "流动", "", COMMUNITY],             # rejected: not a valid ID number
        [other, "王小刚", "13700003333", fourth, "", COMMUNITY],          # an ID number in the status column
        [third, "赵小丽", "13600004444", "正常", fourth, COMMUNITY],       # ... in the party organization column
        [fourth, "钱小芳", "13500005555", "正常", "", good],              # ... in the community column
    ]
    path = csv_writer("members.csv", MEMBER_HEADER, rows)
    secrets = [good, bad, other, third, fourth, "张小明", "李小红", "王小刚", "赵小丽", "钱小芳",
               "13800001111", "13900002222", "13700003333", "13600004444", "13500005555"]
    with caplog.at_level(logging.DEBUG):
        s = ingest_files("party-members", [path], report=tmp_path / "m.jsonl")
        s_csv = ingest_files("party-members", [path], report=tmp_path / "m.csv", dry_run=True)
    assert (s.rows, s.rejected) == (5, 2) and (s_csv.rows, s_csv.rejected) == (5, 2)
    assert s.flagged >= 1 and s.warnings >= 1  # the misplaced values were reported, without their text
    for report in (tmp_path / "m.jsonl", tmp_path / "m.csv"):
        text = report.read_text(encoding="utf-8")
        assert text.count("\n") >= 4
        assert [v for v in secrets if v in text] == []
    assert caplog.records and [v for v in secrets if v in caplog.text] == []
    # the documented formula, computed here: HMAC-SHA256(secret, ID number)[:24], upper-case X
    expected = hmac.new(SECRET.encode(), good.upper().encode(), hashlib.sha256).hexdigest()[:24]
    stored = q(places_graph, "MATCH (m:PartyMember) RETURN m.uid AS uid, m.name AS name ORDER BY uid")
    assert {"uid": expected, "name": "张小明"} in stored
    stored_text = str(q(places_graph, "MATCH (m:PartyMember) RETURN properties(m) AS p"))
    assert [v for v in (good, other, third, fourth) if v in stored_text] == []


def test_hashed_org_uid_is_the_documented_formula(places_graph: neo4j.Driver, tmp_path: Path,
                                                  csv_writer: Callable[..., Path]) -> None:
    rows = enterprise_rows()
    ingest_files("enterprises", [csv_writer("e.csv", ENT_HEADER, rows)], report=tmp_path / "e.jsonl")
    # 玉林小面馆 has no credit code and no division code; its address places it in 玉林北路社区 (COMMUNITY);
    expected = "n:" + hashlib.sha1(f"玉林小面馆|{COMMUNITY}".encode(), usedforsecurity=False).hexdigest()[:16]
    found = q(places_graph, "MATCH (o:Organization {name: '玉林小面馆'}) RETURN o.uid AS uid")
    assert found == [{"uid": expected}]
    body = "成都玉林科技有限公司|510107005000"  # the duplicate-name row's street code, padded to 12 digits
    street_dup = "n:" + hashlib.sha1(body.encode(), usedforsecurity=False).hexdigest()[:16]
    assert q(places_graph, "MATCH (o:Organization {uid: $u}) RETURN o.name AS n", u=street_dup) == \
        [{"n": "成都玉林科技有限公司"}]
