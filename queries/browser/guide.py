"""The Neo4j Browser guide, generated from the named queries' headers so it never drifts from ``queries/``.

It is a legacy HTML guide (``<article class="guide">`` with ``<slide>`` elements in a carousel), the format
Neo4j Browser 5.24 plays with ``:play <url>``. Each named query gets a slide: its title, description, a
runnable block with the example ``:param`` lines and a runnable block with the Cypher. The two blocks are
separate on purpose: Browser runs a block holding several statements as a script whose frame shows only a
status summary, while a block with one query shows its table or graph.

Chapters walk a new analyst from the model to the co-construction questions; a query whose name matches no
chapter lands in the last one, so every named query appears. Run ``python -m queries.browser.guide`` to print it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

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
            ("division_", "grid", "explore_grids")),
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
)
MORE = Chapter("More named queries", "Every other query of the catalog, as the API runs it.", ())

LABELS = (
    ("Division", "city, district, street (街道/镇), community (社区/村); key code"),
    ("Grid", "a community's grid (网格); key uid = scheme:code"),
    ("Enterprise · PublicUnit · SocialOrganization", "the units (all also :Organization); key uid (USCC)"),
    ("PartyOrganization", "党委/党工委/党总支/党支部/联合党支部, also :Organization"),
    ("Resource · Need · Project", "the three lists: 资源清单, 需求清单, 项目清单"),
    ("Agreement · Alliance", "共建协议, 社区大党委/街道大工委/区域化党建联盟"),
)
RELATIONSHIPS = ("PART_OF", "IN_GRID", "IN_DIVISION", "LEADS", "SUBORDINATE_TO", "HOSTED_BY", "PROVIDES",
                 "RAISED_BY", "ADDRESSES", "USES", "LED_BY", "SIGNED_BY", "COVERS", "MEMBER_OF", "REPORTED_TO",
                 "SAME_AS")

_STYLE = """<style type="text/css" media="screen">
.gridlink-guide .lead { font-size: 15px; }
.gridlink-guide pre.runnable { white-space: pre-wrap; font-size: 12px; }
.gridlink-guide .params { border-left: 3px solid #F28E2B; }
.gridlink-guide td { padding: 2px 8px 2px 0; vertical-align: top; }
</style>"""


def chapter_of(name: str) -> Chapter:
    """The chapter a query belongs to (the first whose prefix matches, else "More named queries")."""
    for chapter in CHAPTERS:
        if name.startswith(chapter.prefixes):
            return chapter
    return MORE


def group(queries: dict[str, NamedQuery] | None = None) -> list[tuple[Chapter, list[NamedQuery]]]:
    """The chapters in order with their queries (explore_* first within a chapter, then by name)."""
    queries = catalog() if queries is None else queries
    out: list[tuple[Chapter, list[NamedQuery]]] = []
    for chapter in (*CHAPTERS, MORE):
        members = [q for q in queries.values() if chapter_of(q.name) == chapter]
        members.sort(key=lambda q: (not q.name.startswith("explore_"), q.name))
        if members:
            out.append((chapter, members))
    return out


def params_block(q: NamedQuery) -> str:
    """The example ``:param`` lines as one runnable text (``;`` between lines so Browser runs them all)."""
    return ";\n".join(ex.strip().rstrip(";") for ex in q.examples if ex.strip().startswith(":param"))


def _e(text: str) -> str:
    """Escape for attribute values and text alike."""
    return html.escape(text, quote=True)


def _t(text: str) -> str:
    """Escape element text only (apostrophes stay readable in the page source)."""
    return html.escape(text, quote=False)


def _query_slide(chapter: Chapter, q: NamedQuery, index: int, total: int) -> str:
    params = params_block(q)
    parts = [f'<slide class="row-fluid" data-query="{_e(q.name)}">',
             '  <div class="col-sm-3">',
             f"    <h3>{_e(chapter.title)}</h3>",
             f'    <p class="lead">{_e(chapter.lead)}</p>',
             f"    <p><small>query {index} of {total} · <code>{_e(q.name)}</code></small></p>",
             "  </div>",
             '  <div class="col-sm-9">',
             f"    <h4>{_e(q.title)}</h4>",
             f"    <p>{_e(q.description)}</p>"]
    if params:
        parts += ["    <p>1. Set the example parameters (click the ▶ icon, or click the text to edit it first):</p>",
                  f'    <pre class="runnable pre-scrollable code params" data-role="params">{_t(params)}</pre>',
                  "    <p>2. Run the query:</p>"]
    parts += [f'    <pre class="runnable pre-scrollable code" data-role="query">{_t(q.text)}</pre>',
              f"    <p><small>Columns: {_e(', '.join(q.returns))}. Same query from a terminal: "
              f"<code>gridlink query run {_e(q.name)}"
              + "".join(f" -p {_e(k)}=…" for k in q.params) + "</code></small></p>",
              "  </div>",
              "</slide>"]
    return "\n".join(parts)


def _welcome(style_url: str | None, total: int) -> str:
    labels = "\n".join(f"      <tr><td><b>{_e(a)}</b></td><td>{_e(b)}</td></tr>" for a, b in LABELS)
    style = (f'    <p>Colours come from the gridlink style; re-apply it any time:</p>\n'
             f'    <pre class="runnable pre-scrollable code">:style {_e(style_url)}</pre>') if style_url else ""
    return f"""<slide class="row-fluid">
  <div class="col-sm-3">
    <h3>gridlink</h3>
    <p class="lead">Which resources could serve this grid, and why?</p>
    <p>A knowledge graph of the units that co-build community services (区域化党建 / 党建引领社区发展治理).</p>
  </div>
  <div class="col-sm-9">
    <p>This guide walks through the model and the co-construction questions with the {total} named queries
    that the API and <code>gridlink query</code> run. On each slide click ▶ on the parameter block, then ▶ on
    the query. Use the arrows below to move between slides.</p>
    <table>
{labels}
    </table>
    <p>Relationships: {_e(", ".join(RELATIONSHIPS))}.</p>
{style}
  </div>
</slide>"""


def _closing() -> str:
    return """<slide class="row-fluid">
  <div class="col-sm-3"><h3>Next steps</h3></div>
  <div class="col-sm-9">
    <p>Every query of this guide is a file in <code>queries/</code>; <code>gridlink query list</code> lists them,
    <code>gridlink query show NAME</code> prints one ready to paste here, and the GraphQL API at
    <code>/graphql</code> answers the same questions for planning tools.</p>
    <p>Party members' personal data (names, phones) is not shown by these queries; member counts only.</p>
    <pre class="runnable pre-scrollable code">CALL db.schema.visualization()</pre>
  </div>
</slide>"""


def render(style_url: str | None = None, queries: dict[str, NamedQuery] | None = None) -> str:
    """The whole guide as HTML.

    Args:
        style_url: URL of the GraSS file, offered on the first slide as a ``:style`` command.
        queries: the queries to include (default: the whole catalog).
    """
    groups = group(queries)
    total = sum(len(members) for _, members in groups)
    slides = [_welcome(style_url, total)]
    index = 0
    for chapter, members in groups:
        for q in members:
            index += 1
            slides.append(_query_slide(chapter, q, index, total))
    slides.append(_closing())
    body = "\n".join(slides)
    return (f"{_STYLE}\n<article class=\"guide gridlink-guide\">\n  <carousel class=\"deck container-fluid\">\n"
            f"{body}\n  </carousel>\n</article>\n")


if __name__ == "__main__":
    import sys

    sys.stdout.write(render(sys.argv[1] if len(sys.argv) > 1 else None))
