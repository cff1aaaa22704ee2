"""The community type rule of queries/typology.py (docs/indicators.md), case by case."""

from __future__ import annotations

from queries import typology

COMMUNITY = "510107005001"


def households(**by_type: int) -> list[dict[str, object]]:
    return [{"type": t, "households": h} for t, h in by_type.items()]


def test_given_type_wins_then_village_then_compounds() -> None:
    assert typology.community_type("community", COMMUNITY, "社区", "unit_compound", households(commodity=900)) == (
        "unit_compound")
    # an unknown given word is ignored here (the ingest rejects it), the compounds decide
    assert typology.community_type("community", COMMUNITY, "社区", "高档", households(commodity=900)) == "commodity"
    assert typology.community_type("community", "510107005201", None, None, households(commodity=900)) == "village"
    assert typology.community_type("community", COMMUNITY, "村", None, ()) == "village"


def test_dominant_share_of_households() -> None:
    # 60% exactly is enough; old courtyards and hutongs count together
    assert typology.community_type("community", COMMUNITY, None, None,
                                   households(old_courtyard=40, hutong=20, commodity=40)) == "old_courtyard"
    assert typology.community_type("community", COMMUNITY, None, None,
                                   households(old_courtyard=59, commodity=41)) == "mixed"
    assert typology.community_type("community", COMMUNITY, None, None,
                                   households(resettlement=50, villager_group=20, other=30)) == "resettled"
    # 'other' compounds count in the total but speak for no type
    assert typology.community_type("community", COMMUNITY, None, None, households(other=100)) == "mixed"


def test_unknown_without_households_and_no_type_above_communities() -> None:
    assert typology.community_type("community", COMMUNITY, None, None, households(commodity=0)) is None
    assert typology.community_type("street", "510107005000", None, "commodity", households(commodity=9)) is None
    assert typology.label("old_courtyard") == "老旧院落社区" and typology.label(None) is None


def test_filters() -> None:
    row = {"urbanRural": "111", "communityType": "commodity"}
    assert typology.keep(row, None, None) and typology.keep(row, ["111", "112"], ["commodity"])
    assert not typology.keep(row, ["112"], None) and not typology.keep(row, None, ["mixed"])
