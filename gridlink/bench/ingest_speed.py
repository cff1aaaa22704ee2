"""Benchmark: gridlink's ingest against a plain ``LOAD CSV`` + ``MERGE`` script on the same server.

Run (against the Neo4j configured by NEO4J_URI / GRIDLINK_NEO4J_*; the local server's import folder must be
reachable, i.e. run it on the machine of ``gridlink db start``)::

    python -m gridlink.bench.ingest_speed --orgs 100000

It loads the real Chengdu divisions, writes N generated enterprises (valid credit codes, community codes,
addresses) to one CSV, then

1. ingests it with gridlink (validation, credit-code checks, hashing, provenance, IN_DIVISION relationships),
2. re-ingests it (every row unchanged),
3. deletes those organizations and loads the same CSV from the server's import folder with ``LOAD CSV`` +
   ``MERGE`` (node + IN_DIVISION relationship) ``IN TRANSACTIONS`` of the same batch size,
4. does it again with the provenance properties gridlink writes (source, file, row, run ids, timestamps),

``--rounds`` times, the methods taking turns, and prints nodes+relationships per second for each (the median of
the rounds), the ratio, and the CPU seconds each side used (the server's when it is the local one). Bench
organizations carry source ``bench-*`` and are deleted at the end (``--keep`` keeps them).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import LiteralString

import neo4j

from gridlink.demo.divisions import DATA_DIR, TABLES
from ingest.codes import org_code_check_char, uscc_check_char

HEADER = ["统一社会信用代码", "企业名称", "企业类型", "法定代表人", "成立日期", "登记状态", "住所", "区划代码"]
_WORDS = "锦华蓉川信达恒通瑞丰鑫源博雅天府金沙青羊玉林望江新南华西盛世远航星辰众和"
_TRADES = ("科技", "商贸", "餐饮", "文化传播", "物业管理", "建筑工程", "信息技术", "医药", "教育咨询", "家政服务")
_FORMS = ("有限公司", "有限责任公司", "股份有限公司")
_STATUS = ("存续", "存续", "存续", "在业", "吊销，未注销", "注销", "迁出")


def communities(district: str = "510107") -> list[tuple[str, str]]:
    """(code, name) of the communities of a district, from the real tables."""
    with (DATA_DIR / "chengdu-villages.csv").open(encoding="utf-8") as f:
        return [(r["code"], r["name"]) for r in csv.DictReader(f) if r["areaCode"] == district]


def make_uscc(i: int) -> str:
    """A valid credit code (both check characters right) for sequence number ``i``.

    Its region digits are 510199, a code no Chengdu district has, so bench organizations never take over (and
    then delete) organizations of the demo data or a real registry loaded in the same graph.
    """
    body = f"{i:08d}"
    first17 = "91510199" + body + org_code_check_char(body)
    return first17 + uscc_check_char(first17)


def org_rows(n: int, seed: int = 7, district: str = "510107") -> Iterator[list[str]]:
    """``n`` enterprise rows in the built-in CSV layout (HEADER), deterministic for a seed."""
    rng = random.Random(seed)
    comms = communities(district)
    for i in range(1, n + 1):
        code, cname = comms[rng.randrange(len(comms))]
        name = ("成都" + "".join(rng.choice(_WORDS) for _ in range(3)) + rng.choice(_TRADES)
                + rng.choice(_FORMS) + f"第{i}分公司")
        founded = f"{rng.randint(1995, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield [make_uscc(i), name, "有限责任公司", "", founded, rng.choice(_STATUS),
               f"成都市武侯区{cname.replace('居委会', '')}{rng.randint(1, 300)}号", code]


def write_orgs(path: Path, n: int, seed: int = 7) -> Path:
    """Write the generated rows as a UTF-8 CSV."""
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(org_rows(n, seed))
    return path


LOAD_CSV = """LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (o:Organization {uid: row.`统一社会信用代码`})
  SET o:Enterprise, o.kind = 'enterprise', o.name = row.`企业名称`, o.uscc = row.`统一社会信用代码`,
      o.orgType = row.`企业类型`, o.statusRaw = row.`登记状态`, o.address = row.`住所`,
      o.foundedOn = date(row.`成立日期`), o.source = 'bench-loadcsv'
  WITH o, row
  MATCH (d:Division {code: row.`区划代码`})
  MERGE (o)-[:IN_DIVISION]->(d)
} IN TRANSACTIONS OF $batch ROWS"""


# the same rows written with what gridlink writes besides the content: provenance on node and relationship
LOAD_CSV_PROVENANCE = """LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (o:Organization {uid: row.`统一社会信用代码`})
  ON CREATE SET o.firstRunId = 'bench'
  SET o:Enterprise, o.kind = 'enterprise', o.name = row.`企业名称`, o.uscc = row.`统一社会信用代码`,
      o.orgType = row.`企业类型`, o.statusRaw = row.`登记状态`, o.address = row.`住所`,
      o.foundedOn = date(row.`成立日期`), o.source = 'bench-loadcsv', o.sourceFile = 'bench-orgs.csv',
      o.sourceRow = linenumber(), o.runId = 'bench', o.updatedAt = datetime(), o.active = true,
      o.placement = 'division-code'
  WITH o, row
  MATCH (d:Division {code: row.`区划代码`})
  MERGE (o)-[r:IN_DIVISION]->(d)
  ON CREATE SET r.firstRunId = 'bench'
  SET r.source = 'bench-loadcsv', r.sourceFile = 'bench-orgs.csv', r.sourceRow = linenumber(),
      r.runId = 'bench', r.updatedAt = datetime()
} IN TRANSACTIONS OF $batch ROWS"""


def _clear(driver: neo4j.Driver, db: str) -> None:
    with driver.session(database=db) as s:
        s.run("MATCH (o:Organization) WHERE o.source STARTS WITH 'bench' "
              "CALL (o) { DETACH DELETE o } IN TRANSACTIONS OF 10000 ROWS").consume()


def _load_csv(driver: neo4j.Driver, db: str, url: str, batch: int,
              query: LiteralString = LOAD_CSV) -> neo4j.SummaryCounters:
    with driver.session(database=db) as s:
        return s.run(query, url=url, batch=batch).consume().counters


def _import_dir(driver: neo4j.Driver, db: str) -> Path | None:
    """The server's LOAD CSV folder as it reports it (``server.directories.import``)."""
    records, _, _ = driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.import' RETURN value", database_=db)
    return Path(records[0]["value"]) if records and records[0]["value"] else None


def _server_cpu() -> Callable[[], float | None]:
    """Seconds of CPU the local server (``gridlink db start``) has used so far, read from /proc; ``None`` when
    the server is elsewhere or /proc is missing."""
    from graph.server import status

    pid = status().pid
    stat = Path(f"/proc/{pid}/stat") if pid else None

    def read() -> float | None:
        if stat is None or not stat.is_file():
            return None
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    return read


@dataclass
class Timing:
    """One timed load: items (nodes + relationships created), wall seconds, CPU seconds of each side."""

    items: int
    seconds: float
    server_cpu: float | None
    client_cpu: float

    @property
    def rate(self) -> float:
        return self.items / self.seconds


def _timed(fn: Callable[[], int], server_cpu: Callable[[], float | None]) -> Timing:
    s0, c0, t0 = server_cpu(), time.process_time(), time.monotonic()
    items = fn()
    seconds, c1, s1 = time.monotonic() - t0, time.process_time(), server_cpu()
    return Timing(items, seconds, s1 - s0 if s0 is not None and s1 is not None else None, c1 - c0)


def _describe(name: str, runs: list[Timing], unit: str = "items/s") -> str:
    best = statistics.median(t.rate for t in runs)
    cpu = [t.server_cpu for t in runs if t.server_cpu is not None]
    server = f", server CPU {statistics.median(cpu):.1f}s" if cpu else ""
    rounds = " / ".join(f"{t.rate:,.0f}" for t in runs)
    return (f"{name:<26} {best:>9,.0f} {unit:<7}  (median of {len(runs)}: {rounds}; "
            f"{runs[-1].items:,} items in {statistics.median(t.seconds for t in runs):.1f}s{server}, "
            f"client CPU {statistics.median(t.client_cpu for t in runs):.1f}s)")


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the figures."""
    import logging

    from graph.driver import database, get_driver
    from graph.schema import migrate
    from graph.settings import get_server_settings
    from ingest.run import ingest_files

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--orgs", type=int, default=100_000, help="number of organizations")
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--writers", type=int, default=2, help="gridlink's write transactions in flight")
    ap.add_argument("--rounds", type=int, default=3,
                    help="each method runs once per round, in turn; the medians are compared (the first round "
                         "also warms the server's caches and JIT for every method alike)")
    ap.add_argument("--keep", action="store_true", help="keep the gridlink-loaded bench organizations")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    drv, db = get_driver(), database()
    migrate(drv)
    tmp = Path(tempfile.mkdtemp(prefix="gridlink-bench-"))
    ingest_files("divisions", [DATA_DIR / f"chengdu-{table}.csv" for table in TABLES],
                 report=tmp / "divisions.jsonl")
    path = write_orgs(tmp / "bench-orgs.csv", args.orgs)
    _clear(drv, db)
    import_dir = _import_dir(drv, db) or get_server_settings().server_home() / "import"
    shutil.copy(path, import_dir / path.name)
    url = f"file:///{path.name}"
    try:
        _load_csv(drv, db, url, args.batch_size, "LOAD CSV FROM $url AS row WITH row LIMIT 1 "
                  "CALL (row) { RETURN 1 AS x } IN TRANSACTIONS OF $batch ROWS RETURN count(*)")
    except neo4j.exceptions.ClientError:
        url = (import_dir / path.name).as_uri()  # a server without import-folder confinement reads absolute paths
    server_cpu = _server_cpu()
    runs: dict[str, list[Timing]] = {"gridlink": [], "gridlink re-run": [], "LOAD CSV": [],
                                     "LOAD CSV with provenance": []}
    last = None

    def grid() -> int:
        nonlocal last
        last = ingest_files("enterprises", [path], source="bench-gridlink", batch_size=args.batch_size,
                            report=tmp / "bench.jsonl", writers=args.writers)
        return last.nodes_written + last.relationships_written

    def grid_again() -> int:
        again = ingest_files("enterprises", [path], source="bench-gridlink", batch_size=args.batch_size,
                             report=tmp / "bench2.jsonl", writers=args.writers)
        return again.unchanged  # rows confirmed unchanged (nothing is written)

    def plain() -> int:
        c = _load_csv(drv, db, url, args.batch_size)
        return c.nodes_created + c.relationships_created

    def provenance() -> int:
        c = _load_csv(drv, db, url, args.batch_size, LOAD_CSV_PROVENANCE)
        return c.nodes_created + c.relationships_created

    try:
        for r in range(args.rounds):
            print(f"round {r + 1}/{args.rounds} ...", flush=True)
            runs["gridlink"].append(_timed(grid, server_cpu))
            runs["gridlink re-run"].append(_timed(grid_again, server_cpu))
            _clear(drv, db)
            runs["LOAD CSV"].append(_timed(plain, server_cpu))
            _clear(drv, db)
            runs["LOAD CSV with provenance"].append(_timed(provenance, server_cpu))
            _clear(drv, db)
    finally:
        (import_dir / path.name).unlink(missing_ok=True)
        _clear(drv, db)
    if args.keep:
        grid()
    shutil.rmtree(tmp, ignore_errors=True)

    assert last is not None
    print(f"organizations: {args.orgs:,}  batch size: {args.batch_size}  gridlink writers: {args.writers}  "
          f"(gridlink loaded {last.loaded:,}, rejected {last.rejected:,})")
    for name, timings in runs.items():
        print(_describe(name, timings, "rows/s" if name == "gridlink re-run" else "items/s"))
    rate = {name: statistics.median(t.rate for t in timings) for name, timings in runs.items()}
    print(f"ratio gridlink / LOAD CSV = {rate['gridlink'] / rate['LOAD CSV']:.2f}; "
          f"gridlink / LOAD CSV with provenance = {rate['gridlink'] / rate['LOAD CSV with provenance']:.2f}")


if __name__ == "__main__":
    main()
