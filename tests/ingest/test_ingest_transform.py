"""Transforms as pure functions over an in-memory places snapshot: identity, placement, rejects, mappings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ingest.kinds import transform
from ingest.mapping import load_mapping
from ingest.places import Division, GridInfo, Places, gcj02_to_wgs84, wgs84_to_gcj02
from ingest.pseudonym import member_uid
from ingest.records import Record, RowReject
from ingest.transform import Context, hashed_uid
from ingest.writes import (
    SPECS,
    NodeSpec,
    hash_statement,
    prune_groups,
    prune_statement,
    statement,
    upsert_statement,
)

SQUARE = json.dumps({"type": "Polygon", "coordinates": [[[104.05, 30.62], [104.06, 30.62], [104.06, 30.63],
                                                          [104.05, 30.63], [104.05, 30.62]]]})


@pytest.fixture(scope="module")
def ctx() -> Context:
    divisions = [
        Division("510100000000", "city", "成都市", None),
        Division("510107000000", "district", "武侯区", "510100000000"),
        Division("510104000000", "district", "锦江区", "510100000000"),
        Division("510107005000", "street", "玉林街道", "510107000000"),
        Division("510107005001", "community", "玉林北路社区居委会", "510107005000"),
        Division("510104017000", "street", "锦官驿街道", "510104000000"),
        Division("510104017001", "community", "新华社区居委会", "510104017000"),
        Division("510107005009", "community", "新华社区居委会", "510107005000"),
    ]
    grid = GridInfo("LOCAL:510107005001001", "510107005001001", "LOCAL", "510107005001")
    return Context(Places.build(divisions, [(grid, SQUARE)]), pseudonym_key=b"k")


def ent(ctx: Context, **values: Any) -> Record:
    return transform("enterprises", values, ctx)


def test_uid_is_the_credit_code_else_a_hash_of_name_and_division(ctx: Context) -> None:
    assert ent(ctx, name="甲公司", uscc="91350100M000100Y43").key == "91350100M000100Y43"
    pilot = ent(ctx, name="乙公司", uscc="91350100M0001TGQXM")
    assert pilot.key == "91350100M0001TGQXM" and pilot.props["usccValid"] is False
    assert [i.field for i in pilot.issues if i.kind == "flagged"] == ["uscc"]
    anon = ent(ctx, name="丙 公司（成都）", divisionCode="510107")
    assert anon.key == hashed_uid("丙公司成都", "510107000000") and anon.key.startswith("n:")
    assert len(anon.key) == 18


def test_placement_order(ctx: Context) -> None:
    by_point = ent(ctx, name="a", lon="104.055", lat="30.625", divisionCode="510104")
    assert by_point.props["placement"] == "grid-point"
    assert by_point.rels["inGrid"][0]["k"] == "LOCAL:510107005001001"
    assert by_point.rels["inDivision"][0]["k"] == "510107005001"  # the grid's community, most precise
    by_grid = ent(ctx, name="b", gridCode="510107005001001")
    assert by_grid.props["placement"] == "division-code" and by_grid.rels["inDivision"][0]["k"] == "510107005001"
    by_code = ent(ctx, name="c", divisionCode="510107005")
    assert by_code.rels == {"inDivision": [{"k": "510107005000", "p": {}}]}
    by_text = ent(ctx, name="d", address="四川省成都市武侯区玉林街道玉林北路社区某号")
    assert by_text.props["placement"] == "address-text" and by_text.rels["inDivision"][0]["k"] == "510107005001"
    nowhere = ent(ctx, name="e", address="某地某号")
    assert nowhere.props["placement"] == "unplaced" and [i.kind for i in nowhere.issues] == ["unplaced"]


def test_address_ambiguity_is_resolved_by_context_only(ctx: Context) -> None:
    assert ent(ctx, name="x", address="新华社区").props["placement"] == "unplaced"  # two 新华社区
    jinjiang = ent(ctx, name="y", address="锦江区新华社区")
    assert jinjiang.rels["inDivision"][0]["k"] == "510104017001"
    street_only = ent(ctx, name="z", address="锦官驿街道办事处对面")
    assert street_only.rels["inDivision"][0]["k"] == "510104017000"


def test_rejects_name_the_field(ctx: Context) -> None:
    cases = [({"uscc": "91350100M000100Y43"}, "name", "required"),
             ({"name": "a", "divisionCode": "510199"}, "divisionCode", "unknown division"),
             ({"name": "a", "gridCode": "999"}, "gridCode", "unknown grid"),
             ({"name": "a", "lon": "东经104", "lat": "30"}, "lon", "not numbers"),
             ({"name": "a", "__error__": "invalid JSON"}, None, "invalid JSON")]
    for values, field, reason in cases:
        with pytest.raises(RowReject) as err:
            ent(ctx, **values)
        assert err.value.field == field and reason in err.value.reason


def test_flags_keep_the_row(ctx: Context) -> None:
    rec = ent(ctx, name="a", foundedOn="去年", staffCount="很多", status="奇怪状态", lon="200", lat="30")
    assert rec.props["foundedOn"] is None and rec.props["staffCount"] is None
    assert rec.props["status"] == "UNKNOWN" and rec.props["statusRaw"] == "奇怪状态"
    assert {i.field for i in rec.issues if i.kind == "flagged"} == {"foundedOn", "staffCount", "status", "lon"}


def test_status_words_map_and_keep_raw(ctx: Context) -> None:
    for word, enum in (("存续", "ACTIVE"), ("在业", "ACTIVE"), ("吊销，未注销", "REVOKED"), ("注销", "CANCELLED"),
                       ("迁出", "MOVED"), ("停业", "SUSPENDED"), ("清算", "LIQUIDATING")):
        rec = ent(ctx, name="a", status=word)
        assert (rec.props["status"], rec.props["statusRaw"]) == (enum, word)


def test_gcj02_points_are_converted(ctx: Context) -> None:
    glon, glat = wgs84_to_gcj02(104.055, 30.625)
    assert abs(glon - 104.055) > 1e-3  # the offset is real (hundreds of metres)
    assert gcj02_to_wgs84(glon, glat) == pytest.approx((104.055, 30.625), abs=1e-7)
    gctx = Context(ctx.places, crs="gcj02")
    rec = transform("enterprises", {"name": "a", "lon": str(glon), "lat": str(glat)}, gctx)
    assert rec.props["placement"] == "grid-point"
    assert rec.props["location"].x == pytest.approx(104.055, abs=1e-6)


def test_gcj02_grid_boundaries_are_converted(ctx: Context) -> None:
    from ingest.readers import GEOMETRY

    wgs = json.loads(SQUARE)["coordinates"][0]
    gcj = [list(wgs84_to_gcj02(lon, lat)) for lon, lat in wgs]
    values = {"code": "510107005001002", "name": "g", "communityCode": "510107005001",
              GEOMETRY: {"type": "Polygon", "coordinates": [gcj]}}
    as_is = transform("grids", dict(values), ctx)
    converted = transform("grids", dict(values), Context(ctx.places, crs="gcj02"))
    ring = json.loads(converted.props["boundary"])["coordinates"][0]
    assert {(round(x, 6), round(y, 6)) for x, y in ring} == {(round(x, 6), round(y, 6)) for x, y in wgs}
    assert converted.props["minLon"] == pytest.approx(104.05, abs=1e-7)
    assert (converted.props["centroid"].x, converted.props["centroid"].y) == \
        pytest.approx((104.055, 30.625), abs=1e-6)
    assert abs(as_is.props["minLon"] - 104.05) > 1e-3  # without --crs gcj02 the offset stays


def test_party_member_id_number_becomes_hmac_and_is_dropped(ctx: Context) -> None:
    rec = transform("party-members", {"idNumber": "11010519491231002x", "name": "张三", "status": "流动"}, ctx)
    assert rec.key == member_uid(b"k", "11010519491231002X") and len(rec.key) == 24
    assert "11010519491231002" not in json.dumps(rec.as_param(0), default=str)
    with pytest.raises(RowReject) as err:
        transform("party-members", {"idNumber": "110105194912310021"}, ctx)
    assert err.value.field == "idNumber" and "110105" not in err.value.reason


def test_resource_fields(ctx: Context) -> None:
    rec = transform("resources", {"id": "R1", "name": "会议室", "category": "场地阵地", "weekdays": "1-5",
                                  "hours": "09:00-17:30", "providerUscc": "91350100M000100Y43"}, ctx)
    assert rec.props["category"] == "venue" and rec.props["weekdays"] == [1, 2, 3, 4, 5]
    assert str(rec.props["opensAt"]) == "09:00:00" and str(rec.props["closesAt"]) == "17:30:00"
    assert [(lk.label, lk.prop, lk.value) for lk in rec.lookups] == \
        [("Organization", "uscc", "91350100M000100Y43")]
    with pytest.raises(RowReject) as err:
        transform("resources", {"id": "R2", "name": "x", "category": "飞行"}, ctx)
    assert err.value.field == "category"


def test_user_mapping_overlays_the_builtin_profile(tmp_path: Path) -> None:
    user = tmp_path / "m.yaml"
    user.write_text("kind: enterprises\ncolumns:\n  name: 公司名称\nvalues:\n  status: {营业中: 存续}\n",
                    encoding="utf-8")
    bound = load_mapping("enterprises", user).bind(["公司名称", "登记状态", "Uscc"], "x.csv")
    assert bound.apply({"公司名称": "甲", "登记状态": "营业中", "Uscc": "1"}) == \
        {"name": "甲", "status": "存续", "uscc": "1"}
    from ingest.errors import InputError, MappingError

    with pytest.raises(InputError) as err:
        load_mapping("enterprises").bind(["公司名称"], "x.csv")
    assert "企业名称" in str(err.value) and "--mapping" in (err.value.hint or "")
    (tmp_path / "bad.yaml").write_text("kind: grids\ncolumns: {name: x}\n", encoding="utf-8")
    with pytest.raises(MappingError):
        load_mapping("enterprises", tmp_path / "bad.yaml")


def test_write_statements_take_values_only_from_parameters() -> None:
    texts = []
    for name, spec in SPECS.items():
        if isinstance(spec, NodeSpec):
            texts += [upsert_statement(name, ("name", "uid")), hash_statement(name)]
            texts += [prune_statement(name, t, o) for t, o, _ in prune_groups(name)]
        else:
            texts.append(statement(name))
    for text in texts:
        assert text.startswith(("UNWIND $rows AS row", "UNWIND $keys AS k"))
        assert "'" not in text.replace("'loaded'", "").replace("'updated'", "").replace("'unchanged'", "")
    with pytest.raises(ValueError):
        upsert_statement("enterprise", ("name} DETACH DELETE n //",))
