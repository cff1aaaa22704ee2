"""What the indicators and warnings (issue #13 part 3) need to show in the demo, planted on purpose.

- An **ageing old-courtyard community**: the area's second community has only 老旧院落 compounds
  (:func:`ageing_community`, read by ``compounds.py``) and gets :data:`AGEING_MEMBERS` extra resident members born
  1938-1962, with their relation in the community (normal), elsewhere and not checked in (hidden) or with a
  transfer issued and not received for months (pocket) — all with a residence compound.
- **Needs** of that community, dated from the demo's as-of date: one fresh (3 days old), one overdue (needed 20
  days ago) and one stuck: a category no resource of the area offers at all (no candidate, whatever the rule),
  published 45 days ago.
- **History**: :func:`write_history` stores the indicator snapshots of the 12 months up to the as-of date after a
  demo load, so trends show at once.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from graph import vocab
from gridlink.demo import codes_gen as cg
from gridlink.demo.divisions import Area, Community
from gridlink.demo.names import person_name, phone
from gridlink.demo.writers import Sink

if TYPE_CHECKING:
    import neo4j

    from gridlink.demo.compounds import Compounds
    from gridlink.demo.lists import ResourceIndex
    from gridlink.demo.party import PartyIndex
    from gridlink.demo.world import World

AGEING_MEMBERS = 24
#: (derived status planted, how many of AGEING_MEMBERS): the rest are normal
_AGEING_MIX = (("hidden", 4), ("pocket", 3))
_REGION = "510112"  # an ID region no other demo member uses, so these ID numbers never collide
HISTORY_MONTHS = 12


def ageing_community(area: Area) -> Community | None:
    """The community planted as ageing and old-courtyard (the area's second one; none in a one-community area)."""
    return area.communities[1] if len(area.communities) > 1 else None


def write_ageing_members(w: World, sink: Sink, cs: Compounds, party: PartyIndex) -> Counter[str]:
    """Append the ageing community's members to the party-members file; returns the count per status word."""
    from gridlink.demo.party import community_org_id

    c = ageing_community(w.area)
    homes = list(cs.by_community.get(c.code, [])) if c else []
    out: Counter[str] = Counter()
    if c is None or not homes:
        return out
    elsewhere = next(pid for pid in party.ids if pid.startswith("PC") and pid != community_org_id(c))
    kinds = [s for s, n in _AGEING_MIX for _ in range(n)]
    for m in range(AGEING_MEMBERS):
        kind = kinds[m] if m < len(kinds) else "normal"
        birth = date(1938, 3, 1) + timedelta(days=(m * 331) % (25 * 365))  # ages about 63 to 88
        home = homes[m % len(homes)]
        relation = elsewhere if kind == "hidden" else community_org_id(c)
        checked = kind == "normal" and m % 2 == 0
        transfer = (w.as_of - timedelta(days=240 + 10 * m)).isoformat() if kind == "pocket" else ""
        word = {"hidden": "正常", "pocket": "口袋"}.get(kind, "正常")  # the hidden ones are not labelled so
        sink.write((cg.id_number(_REGION, birth.strftime("%Y%m%d"), f"{900 + m:03d}"), person_name_of(m),
                    phone_of(m), word, relation, c.code if checked else "", home.grid.code,
                    (w.as_of - timedelta(days=30 + m)).isoformat() if checked else "", *home.ref, c.code, transfer))
        out[word] += 1
    return out


def person_name_of(m: int) -> str:
    """A fake name that does not draw from the member file's random stream (the rest stays as it was)."""
    import random

    return person_name(random.Random(f"ageing:{m}"))  # noqa: S311 - fake demo data


def phone_of(m: int) -> str:
    """A fake phone, like :func:`person_name_of`."""
    import random

    return phone(random.Random(f"ageing-phone:{m}"))  # noqa: S311 - fake demo data


def write_needs(w: World, sink: Sink, res: ResourceIndex) -> Counter[str]:
    """Append the ageing community's fresh, overdue and stuck needs (NEED_HEADER); returns the count per status."""
    from gridlink.demo.lists import CATEGORIES

    c = ageing_community(w.area)
    out: Counter[str] = Counter()
    if c is None:
        return out
    offered = set(res.by_category)
    stuck = next((k for k in CATEGORIES if k[0] not in offered), None)
    grid = w.grids[c.code][0].code
    plants = [("fresh", "elderly", "老年人助餐点送餐志愿者", 3, 60),
              ("overdue", "environment", "院落雨污管网疏通", 100, -20)]
    if stuck is not None:
        plants.append(("stuck", stuck[0], stuck[4][0], 45, 60))
    for n, (_, key, title, age, due) in enumerate(plants):
        word = vocab.CATEGORIES[key][0]
        published = w.as_of - timedelta(days=age)
        sink.write((f"XQP{n + 1:05d}", f"{c.short}{title}", word, f"{c.short}居民提出：{title}",
                    published.isoformat(), (w.as_of + timedelta(days=due)).isoformat(), "高", "待认领", "", grid,
                    c.code, "", ""))
        out["待认领"] += 1
    return out


def history_months(as_of: date) -> list[str]:
    """The :data:`HISTORY_MONTHS` months up to and including the month of ``as_of``, oldest first."""
    months, y, m = [], as_of.year, as_of.month
    for _ in range(HISTORY_MONTHS):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return months[::-1]


def write_history(manifest: dict[str, Any], driver: neo4j.Driver | None = None) -> int:
    """Store the indicator snapshots of the 12 months up to the set's as-of date; returns snapshots written."""
    from gridlink import report

    as_of = date.fromisoformat(manifest["asOf"])
    return sum(report.snapshot(month, until=as_of, driver=driver) for month in history_months(as_of))
