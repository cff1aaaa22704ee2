"""``gridlink demo generate`` and ``gridlink demo load``."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.i18n import gettext as _

# logs and CI capture stderr without a terminal, where rich would assume 80 columns and cut table headers
console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)
demo_app = typer.Typer(help="Realistic demo registry dumps for a real Chengdu area: generate them, load them.",
                       no_args_is_help=True)


@demo_app.command("generate")
def generate_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write (created if needed).")] = Path("demo"),
    scale: Annotated[int, typer.Option(min=100, max=10_000_000,
                                       help="Number of registry organizations (10^3 … 10^6).")] = 2000,
    district: Annotated[str, typer.Option(help="Chengdu district code (510107 = 武侯区), or 5101 / all for "
                                               "the whole city.")] = "510107",
    seed: Annotated[int, typer.Option(help="Same seed, scale and district: byte-identical files.")] = 1,
) -> None:
    """Write every kind in every format (GBK CSV, XLSX with title rows, BOM CSV, JSONL, GeoJSON) + manifest.json."""
    from gridlink.demo.generate import generate

    t0 = time.monotonic()
    with console.status(f"generating {scale:,} organizations…") as status:
        manifest = generate(out, scale=scale, district=district, seed=seed,
                            progress=lambda kind, rows: status.update(f"{kind}: {rows:,} rows written"))
    seconds = time.monotonic() - t0
    table = Table(title=f"demo set in {out} (seed {seed}, {manifest['communities']} communities, "
                        f"{manifest['grids']} grids)")
    for col in ("kind", "file(s)", "format", "rows", "dirty rows", "to reject"):
        table.add_column(col, justify="right" if col in ("rows", "dirty rows", "to reject") else "left")
    total = 0
    for f in manifest["files"]:
        total += f["rows"]
        files = f["paths"][0] if len(f["paths"]) == 1 else f"{Path(f['paths'][0]).parent}/ ({len(f['paths'])})"
        table.add_row(f["kind"], files, f"{f['format']} {f['encoding']}", f"{f['rows']:,}",
                      f"{sum(f['dirty'].values()):,}", f"{f['expectedRejected']:,}")
    console.print(table)
    console.print("[green]" + _("{total:,} rows in {seconds:.1f}s").format(total=total, seconds=seconds) + "[/] "
                  + _("({rate:,.0f} rows/s); load them with `gridlink demo load --dir {out}`").format(
                      rate=total / max(seconds, 1e-9), out=out))


@demo_app.command("load")
def load_cmd(
    folder: Annotated[Path | None, typer.Option("--dir", "-d", help="A generated demo folder; default: the "
                                                "default set in ~/.cache/gridlink/demo (generated if absent).")]
    = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Rows per write transaction.")] = 2000,
) -> None:
    """Ingest every file of a demo set in manifest order (source 'demo') and print a summary per kind."""
    from graph.driver import get_driver
    from graph.schema import migrate
    from gridlink.demo.load import default_dir, load_set

    migrate(get_driver())
    summaries = load_set(folder or default_dir(), console, generate_if_missing=folder is None,
                         batch_size=batch_size)
    rejected = sum(s.rejected for s in summaries)
    if rejected:
        console.print("[yellow]" + _("{n:,} rows rejected (planted defects); reports in {folder}").format(
            n=rejected, folder=(folder or default_dir()) / "reports") + "[/]")


def register(app: typer.Typer) -> None:
    """Add the ``demo`` group to the root ``gridlink`` app."""
    app.add_typer(demo_app, name="demo")
