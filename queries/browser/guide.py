"""The Neo4j Browser guide, generated from the named queries' headers so it never drifts from ``queries/``.

It is a legacy HTML guide (``<article class="guide">`` with ``<slide>`` elements in a carousel), the format
Neo4j Browser 5.24 plays with ``:play <url>``. Each named query gets a slide: its title, description, a
runnable block with the example ``:param`` lines and a runnable block with the Cypher. The two blocks are
separate on purpose: Browser runs a block holding several statements as a script whose frame shows only a
status summary, while a block with one query shows its table or graph.

Chapters walk a new analyst from the model to the co-construction questions; a query whose name matches no
chapter lands in "More named queries", so every named query appears; queries that write sit in a chapter of their
own at the end. Each slide's parameters are one ``:params {...}`` map (see :func:`params_block`). The text is
Simplified Chinese unless ``lang="en"`` (messages from the gettext catalog, ``graph/i18n.py``; query titles and
descriptions come from the ``.cypher`` headers and are translated through the same catalog).
Run ``python -m queries.browser.guide [style-url] [en]`` to print it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from graph.i18n import pick, translations
from queries.browser.legend import LEGEND, label_colours
from queries.catalog import NamedQuery, catalog


@dataclass(frozen=True)
class Chapter:
    """A group of slides: the queries whose names start with one of ``prefixes``."""

    title: str
    lead: str
    prefixes: tuple[str, ...]


CHAPTERS: tuple[Chapter, ...] = (
    Chapter("The model", "Start here: what the graph holds, counted per label and relationship type.",
            ("explore_model",)),
    Chapter("Divisions and grids", "The city's tree: district → street (街道) → community (社区) → grid (网格). "
            "Codes are 12-digit statistical codes kept as text; grids belong to exactly one community.",
            ("division_", "grid", "explore_grids", "explore_community_card")),
    Chapter("Party organizations", "区域化党建: the street working committee (党工委) leads the street, the community "
            "committee (社区党委) the community, grid branches (网格党支部) the grids.",
            ("explore_community_party", "org_party", "explore_units_without")),
    Chapter("Organizations", "Enterprises, public units (机关/事业单位), social organizations (社会组织) and party "
            "organizations, placed in grids and divisions.", ("org_", "explore_org")),
    Chapter("Resources and needs", "三张清单: units list what they can give (资源清单), communities list what they "
            "need (需求清单).", ("explore_resources", "resource_", "need")),
    Chapter("Co-construction", "双向认领: a need is claimed with a resource into a project (项目清单), delivered and "
            "evaluated. Which resources could serve this grid, and why?",
            ("resources_for", "coconstruction", "project", "explore_coconstruction", "explore_needs")),
    # issue #13 part 2: the enlarged committees and the responsibility system
    Chapter("Three-level linkage", "三级联动: the 街道大工委 and 社区大党委 are the committees enlarged with part-time "
            "members (兼职委员) from resident units, over the grid branches; beside them the street office's "
            "departments answer for communities (包联). Who answers for this community, and where is the chain thin?",
            ("explore_linkage", "linkage_")),
    # issue #13 part 3: a query belongs to the chapter of its longest matching prefix, so division_indicators
    # lands here and not under "division_"
    Chapter("Evaluation and early warning", "评价与预警: indicators of a district, street or community and each "
            "division below it, what crossed a documented threshold (warnings), and the monthly snapshots that make "
            "the trend.", ("division_indicators", "indicator_", "members_by_area")),
    # below the grid (issue #12): its own chapter, so the other chapters' slides stay as they are
    Chapter("Below the grid: compounds", "小区/院落: the property company that manages a compound, the owners' "
            "committee, the 小区党支部 or 楼栋党小组, resident party members (counts only), 12345 work orders; "
            "the five steps (找党员、建组织、优机制、聚合力、植文化) and the dispute hotspots.", ("compound_",)),
)
#: the write slides build on each other: the claim uses the published need and resource, the advance the project
WRITE_ORDER = {"resource_publish": 1, "need_publish": 2, "project_claim": 3, "project_advance": 4}
_PARAM_LINE = re.compile(r":param\s+([A-Za-z_]\w*)\s*=>\s*(.+)$", re.DOTALL)
MORE = Chapter("More named queries", "Every other query of the catalog, as the API runs it.", ())
WRITES = Chapter("Write queries", "These slides CHANGE the graph, as the API's mutations do: publish a resource and "
                 "a need, claim the need with the resource into a project, advance the project. Run them in order; "
                 "a second run with the same clientMutationId replays the first result and writes nothing.", ())

RELATIONSHIPS = ("PART_OF", "IN_GRID", "IN_DIVISION", "LEADS", "SUBORDINATE_TO", "HOSTED_BY", "PROVIDES",
                 "RAISED_BY", "ADDRESSES", "USES", "LED_BY", "SIGNED_BY", "COVERS", "MEMBER_OF", "REPORTED_TO",
                 "SAME_AS", "ENLARGES", "PART_TIME_MEMBER_OF", "RESPONSIBLE_FOR", "UNIT_OF")

_STYLE = """<style type="text/css" media="screen">
.gridlink-guide .lead { font-size: 15px; }
.gridlink-guide pre.runnable { white-space: pre-wrap; font-size: 12px; }
.gridlink-guide .params { border-left: 3px solid #F28E2B; }
.gridlink-guide td { padding: 2px 8px 2px 0; vertical-align: top; }
.gridlink-guide .swatch { margin-right: 6px; vertical-align: middle; }
.gridlink-guide .write { border-left: 3px solid #E15759; padding-left: 8px; }
</style>"""


def chapter_of(name: str, write: bool = False) -> Chapter:
    """The chapter a query belongs to: write queries in their own, else the one with the longest matching prefix
    (the first such chapter on a tie), else "More named queries"."""
    if write:
        return WRITES
    matches = [(len(p), -i, chapter) for i, chapter in enumerate(CHAPTERS) for p in chapter.prefixes
               if name.startswith(p)]
    return max(matches, key=lambda m: m[:2])[2] if matches else MORE


def group(queries: dict[str, NamedQuery] | None = None) -> list[tuple[Chapter, list[NamedQuery]]]:
    """The chapters in order with their queries (explore_* first within a chapter, then by name)."""
    queries = catalog() if queries is None else queries
    out: list[tuple[Chapter, list[NamedQuery]]] = []
    for chapter in (*CHAPTERS, MORE, WRITES):
        members = [q for q in queries.values() if chapter_of(q.name, q.write) == chapter]
        members.sort(key=lambda q: (not q.name.startswith("explore_"), WRITE_ORDER.get(q.name, 9), q.name))
        if members:
            out.append((chapter, members))
    return out


def params_block(q: NamedQuery) -> str:
    """The example parameters as a runnable block of ``:param name => value`` lines (empty without parameters).

    Browser silently ignores a block whose text ends in ``null``, so the null-valued lines come first and the
    block ends on a value. ``:param`` lines keep each value's Cypher type; a ``:params {...}`` map would be
    shorter but Browser turns its integers into floats (``LIMIT 20.0`` then fails). Only when every value is
    null is the block one map (there is no integer to lose then).
    """
    values = example_values(q)
    if not values:
        return ""
    if all(v == "null" for v in values.values()):
        return ":params {" + ", ".join(f"{k}: null" for k in values) + "}"
    ordered = sorted(values.items(), key=lambda kv: kv[1] != "null")  # stable: nulls first, then declared order
    return ";\n".join(f":param {k} => {v}" for k, v in ordered)


def example_values(q: NamedQuery) -> dict[str, str]:
    """The Cypher text of each example value, in the order the query declares its parameters."""
    found: dict[str, str] = {}
    for ex in q.examples:
        m = _PARAM_LINE.match(ex.strip().rstrip(";"))
        if m:
            found[m.group(1)] = m.group(2).strip()
    ordered = {k: found[k] for k in q.params if k in found}
    return {**ordered, **{k: v for k, v in found.items() if k not in ordered}}


def _e(text: str) -> str:
    """Escape for attribute values and text alike."""
    return html.escape(text, quote=True)


def _t(text: str) -> str:
    """Escape element text only (apostrophes stay readable in the page source)."""
    return html.escape(text, quote=False)


#: how many result frames Browser keeps before it drops the oldest (its default of 15 pushes the guide out)
MAX_FRAMES = 50


class _Slides:
    """Renders the slides in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._ = translations(lang).gettext

    def query_slide(self, chapter: Chapter, q: NamedQuery, index: int, total: int) -> str:
        _ = self._
        params = params_block(q)
        parts = [f'<slide class="row-fluid" data-query="{_e(q.name)}">',
                 '  <div class="col-sm-3">',
                 f"    <h3>{_e(_(chapter.title))}</h3>",
                 f'    <p class="lead">{_e(_(chapter.lead))}</p>',
                 f"    <p><small>{_e(_('query {index} of {total}').format(index=index, total=total))} · "
                 f"<code>{_e(q.name)}</code></small></p>",
                 "  </div>",
                 f'  <div class="col-sm-9{" write" if q.write else ""}">',
                 f"    <h4>{_e(_(q.title))}</h4>",
                 f"    <p>{_e(_(q.description))}</p>"]
        if q.write:
            parts.append(f"    <p><b>{_e(_('This query changes the graph.'))}</b></p>")
        if params:
            step1 = _("1. Set the example parameters (click ▶, or click the text to edit it first):")
            parts += [f"    <p>{_e(step1)}</p>",
                      f'    <pre class="runnable pre-scrollable code params" data-role="params">{_t(params)}</pre>',
                      f"    <p>{_e(_('2. Run the query:'))}</p>"]
        parts += [f'    <pre class="runnable pre-scrollable code" data-role="query">{_t(q.text)}</pre>',
                  f"    <p><small>{_e(_('Columns'))}: {_e(', '.join(q.returns))}. "
                  f"{_e(_('Same query from a terminal'))}: <code>gridlink query run {_e(q.name)}"
                  + "".join(f" -p {_e(k)}=…" for k in q.params) + "</code></small></p>",
                  "  </div>",
                  "</slide>"]
        return "\n".join(parts)

    def legend(self) -> str:
        _ = self._
        colours = label_colours()
        rows = []
        for label, name, text in LEGEND:
            if label not in colours:
                continue
            what = _(text) if _(text) != _(name) else ""  # 企业 needs no "企业" after it
            rows.append(f'      <tr><td><svg class="swatch swatch-{_e(label)}" width="14" height="14"><circle cx="7" '
                        f'cy="7" r="6" fill="{colours[label]}"/></svg></td><td><b>{_e(_(name))}</b></td>'
                        f"<td><code>{_e(label)}</code></td><td>{_e(what)}</td></tr>")
        return "\n".join(rows)

    def welcome(self, style_url: str | None, total: int) -> str:
        _ = self._
        style = (f"    <p>{_e(_('Colours come from the gridlink style; re-apply it any time:'))}</p>\n"
                 f'    <pre class="runnable pre-scrollable code">:style {_e(style_url)}</pre>') if style_url else ""
        intro = _("This guide walks through the model and the co-construction questions with the {total} named "
                  "queries that the API and gridlink query run. On each slide click ▶ on the parameter block, then "
                  "▶ on the query. Use the arrows below to move between slides.").format(total=total)
        return f"""<slide class="row-fluid">
  <div class="col-sm-3">
    <h3>gridlink</h3>
    <p class="lead">{_e(_("Which resources could serve this grid, and why?"))}</p>
    <p>{_e(_("A knowledge graph of the units that co-build community services."))}</p>
  </div>
  <div class="col-sm-9">
    <p>{_e(intro)}</p>
    <p>{_e(_("Keep this guide on screen while you run queries (Browser drops old frames after 15 by default):"))}</p>
    <pre class="runnable pre-scrollable code" data-role="config">:config maxFrames: {MAX_FRAMES}</pre>
    <p><b>{_e(_("Colour legend"))}</b></p>
    <table class="legend">
{self.legend()}
    </table>
    <p>{_e(_("Relationships"))}: {_e(", ".join(RELATIONSHIPS))}.</p>
{style}
  </div>
</slide>"""

    def closing(self) -> str:
        _ = self._
        return f"""<slide class="row-fluid">
  <div class="col-sm-3"><h3>{_e(_("Next steps"))}</h3></div>
  <div class="col-sm-9">
    <p>{_e(_("Every query of this guide is a file in queries/; gridlink query list lists them, gridlink query show "
             "NAME prints one ready to paste here, and the GraphQL API at /graphql answers the same questions for "
             "planning tools."))}</p>
    <p>{_e(_("Party members' personal data (names, phones) is not shown by these queries; member counts only."))}</p>
    <pre class="runnable pre-scrollable code">CALL db.schema.visualization()</pre>
  </div>
</slide>"""


def render(style_url: str | None = None, queries: dict[str, NamedQuery] | None = None,
           lang: str | None = None) -> str:
    """The whole guide as HTML.

    Args:
        style_url: URL of the GraSS file, offered on the first slide as a ``:style`` command.
        queries: the queries to include (default: the whole catalog).
        lang: ``zh`` or ``en`` (default: ``GRIDLINK_LANG``, else Chinese).
    """
    slides_in = _Slides(pick(lang))
    groups = group(queries)
    total = sum(len(members) for _, members in groups)
    slides = [slides_in.welcome(style_url, total)]
    index = 0
    for chapter, members in groups:
        for q in members:
            index += 1
            slides.append(slides_in.query_slide(chapter, q, index, total))
    slides.append(slides_in.closing())
    body = "\n".join(slides)
    return (f"{_STYLE}\n<article class=\"guide gridlink-guide\">\n  <carousel class=\"deck container-fluid\">\n"
            f"{body}\n  </carousel>\n</article>\n")


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    sys.stdout.write(render(args[0] if args else None, lang=args[1] if len(args) > 1 else None))
