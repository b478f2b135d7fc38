#!/usr/bin/env python3
"""bench/run's engine: vendorcat beside baselines measured in the same run.

The machines are shared and noisy, so an absolute time means little: each
measurement runs its two sides alternately (baseline, vendorcat, baseline,
...) RUNS times and compares their medians; the table also gives the min, the
max and vendorcat's peak memory. Data is generated at run time by vendorcat-gen
(never committed). Nothing here is a test: no figure fails the run.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 7


def log(text):
    print(text, file=sys.stderr, flush=True)


class Tools:
    def __init__(self, build_dir):
        self.vendorcat = str(build_dir / "vendorcat")
        self.gen = str(build_dir / "vendorcat-gen")
        for tool in (self.vendorcat, self.gen):
            if not os.access(tool, os.X_OK):
                sys.exit(f"bench: {tool} is missing: build first (./scripts/build)")
        if shutil.which("sqlite3") is None:
            sys.exit("bench: needs sqlite3 (./scripts/bootstrap)")

    def vc(self, db, *args):
        return [self.vendorcat, "--db", str(db), "-q", *args]


PEAK = None  # the compiled bench/peak.c, set by main()


def build_peak(work):
    """Compiles bench/peak.c into WORK (see its comment for why)."""
    binary = work / "peak"
    subprocess.run(["cc", "-O2", "-o", str(binary), str(ROOT / "bench" / "peak.c")], check=True)
    return binary


def run_measured(command, stdin_path=None):
    """Runs COMMAND under bench/peak.c; returns (seconds, peak KiB). Fails
    loudly on a bad exit."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as peak:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        start = time.perf_counter()
        status = subprocess.call([str(PEAK), peak.name, *command], stdin=stdin, stdout=subprocess.DEVNULL,
                                 stderr=err)
        seconds = time.perf_counter() - start
        if stdin_path:
            stdin.close()
        if status != 0:
            err.seek(0)
            sys.exit(f"bench: {' '.join(command)} failed ({status}): {err.read().decode()[:500]}")
        kib = int(open(peak.name).read().strip())
    return seconds, kib


class Side:
    def __init__(self):
        self.seconds = []
        self.kib = []

    def add(self, measured):
        self.seconds.append(measured[0])
        self.kib.append(measured[1])

    def median(self):
        return statistics.median(self.seconds) if self.seconds else None


class Results:
    def __init__(self):
        self.rows = []  # (name, ours, baseline name, baseline, target)

    def add(self, name, ours, baseline_name, baseline, target):
        self.rows.append((name, ours, baseline_name, baseline, target))

    def table(self):
        lines = ["| measurement | vendorcat median (min–max) | peak | baseline | baseline median (min–max) | ratio | target |",
                 "|---|---|---|---|---|---|---|"]
        for name, ours, baseline_name, baseline, target in self.rows:
            def cell(side):
                if side is None or not side.seconds:
                    return "skipped"
                return f"{side.median():.3f} s ({min(side.seconds):.3f}–{max(side.seconds):.3f})"
            ratio = "—"
            if baseline is not None and baseline.seconds and ours.seconds:
                ratio = f"{ours.median() / baseline.median():.3g}x"
            peak = f"{max(ours.kib) / 1024:.1f} MiB" if ours.kib else "—"
            lines.append(f"| {name} | {cell(ours)} | {peak} | {baseline_name} | {cell(baseline)} | {ratio} | {target} |")
        return "\n".join(lines)


def alternate(runs, baseline, ours, before_each=None):
    """Runs BASELINE and OURS (callables returning a measurement) in turn."""
    base_side, our_side = Side(), Side()
    for _ in range(runs):
        if baseline is not None:
            if before_each:
                before_each()
            base_side.add(baseline())
        if before_each:
            before_each()
        our_side.add(ours())
    return our_side, (base_side if baseline is not None else None)


def sqlite3(db, sql):
    return ["sqlite3", str(db), sql]


def fresh_copy(template, target):
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, target)


# ---- the hand-written SQL an analyst would write over the raw lines ----------

QUARTER = "substr(s.date, 1, 4) || '-Q' || ((CAST(substr(s.date, 6, 2) AS INTEGER) + 2) / 3)"
CONVERTED = ("sum(CASE WHEN s.currency = 'EUR' THEN s.amount / 100.0 "
             "ELSE s.amount / 100.0 * CAST(f.rate AS REAL) END)")
FX_JOIN = "LEFT JOIN fx_rate f ON f.currency = s.currency AND f.month = substr(s.date, 1, 7)"

HAND_SQL = {
    "type-quarter": f"""SELECT {QUARTER}, e.type, printf('%.2f', {CONVERTED}), count(*)
  FROM spend s JOIN engagement e ON e.id = s.engagement_id {FX_JOIN} GROUP BY 1, 2 ORDER BY 1, 2;""",
    "provider-month": f"""SELECT substr(s.date, 1, 7), p.name, printf('%.2f', {CONVERTED}), count(*)
  FROM spend s JOIN engagement e ON e.id = s.engagement_id JOIN provider p ON p.id = e.provider_id {FX_JOIN}
  GROUP BY 1, 2 ORDER BY 1, 2;""",
    "concentration": f"""SELECT p.name, printf('%.2f', {CONVERTED}) AS amount
  FROM spend s JOIN engagement e ON e.id = s.engagement_id JOIN provider p ON p.id = e.provider_id {FX_JOIN}
  GROUP BY 1 ORDER BY {CONVERTED} DESC;""",
    "renewals": """SELECT e.ref, p.name, e.end_date, date(e.end_date, '-' || coalesce(e.notice_days, 0) || ' days')
  FROM engagement e JOIN provider p ON p.id = e.provider_id
 WHERE e.status IN ('planned', 'active') AND (e.end_date BETWEEN '2026-06-01' AND '2026-08-30'
    OR date(e.end_date, '-' || coalesce(e.notice_days, 0) || ' days') BETWEEN '2026-06-01' AND '2026-08-30')
 ORDER BY 3;""",
}

MONTH_QUARTER = "substr(v.month, 1, 4) || '-Q' || ((CAST(substr(v.month, 6, 2) AS INTEGER) + 2) / 3)"
HAND_SQL["unit-cost"] = f"""WITH v AS (SELECT engagement_id, month, quantity FROM volume WHERE unit = 'fte'),
 quantity AS (SELECT {MONTH_QUARTER} AS period, e.delivery_model AS model, sum(v.quantity) / 1000.0 AS fte
   FROM v JOIN engagement e ON e.id = v.engagement_id GROUP BY 1, 2),
 spent AS (SELECT {QUARTER} AS period, e.delivery_model AS model, {CONVERTED} AS amount
   FROM spend s JOIN engagement e ON e.id = s.engagement_id
   JOIN v ON v.engagement_id = s.engagement_id AND v.month = substr(s.date, 1, 7) {FX_JOIN} GROUP BY 1, 2)
SELECT spent.period, spent.model, printf('%.2f', spent.amount), quantity.fte, printf('%.2f', spent.amount / quantity.fte)
  FROM spent JOIN quantity USING (period, model) ORDER BY 1, 2;"""

COVERING_INDEX = "CREATE INDEX IF NOT EXISTS spend_cover ON spend (engagement_id, date, currency, amount);"

DUCKDB_QUERY = """SELECT year(s.date) || '-Q' || quarter(s.date) AS period, e.type,
       round(sum(CASE WHEN s.currency = 'EUR' THEN s.amount ELSE s.amount * f.rate END), 2), count(*)
  FROM spend s JOIN engagement e ON e.ref = s.engagement
  LEFT JOIN fx f ON f.currency = s.currency AND f.month = strftime(s.date, '%Y-%m')
 GROUP BY 1, 2 ORDER BY 1, 2"""


# Pinned, so that every run compares against the same DuckDB (its releases on
# npm are tagged like 1.5.6-r.1, which a range such as @1 does not match).
DUCKDB_PACKAGE = "@duckdb/node-api@1.5.6-r.1"


def duckdb_module(cache):
    """The folder holding node_modules/@duckdb/node-api, installed with npm into
    CACHE when npm is there; None (and why) when it cannot be had."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return None, "node and npm are not installed"
    target = cache / "duckdb"
    if not (target / "node_modules" / "@duckdb" / "node-api").exists():
        target.mkdir(parents=True, exist_ok=True)
        log(f"bench: installing @duckdb/node-api into {target}")
        result = subprocess.run(["npm", "install", "--silent", "--prefix", str(target), DUCKDB_PACKAGE],
                                capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            why = (result.stderr.strip() or result.stdout.strip()).splitlines()
            return None, f"npm install failed: {why[0][:200] if why else f'exit {result.returncode}'}"
    return target, None


def duckdb_script(module, work):
    script = work / "duckdb_report.mjs"
    script.write_text(f"""import {{ DuckDBInstance }} from '{module}/node_modules/@duckdb/node-api/lib/index.js';
const [mode, file, data] = process.argv.slice(2);
const instance = await DuckDBInstance.create(file, {{ threads: '2' }});
const c = await instance.connect();
if (mode === 'load') {{
  await c.run(`CREATE TABLE spend AS SELECT * FROM read_csv('${{data}}/spend.csv', header = true,
    columns = {{'engagement': 'VARCHAR', 'date': 'DATE', 'amount': 'DECIMAL(18,2)', 'currency': 'VARCHAR',
               'reference': 'VARCHAR'}})`);
  await c.run(`CREATE TABLE engagement AS SELECT * FROM read_csv('${{data}}/engagement_types.csv', header = true)`);
  await c.run(`CREATE TABLE fx AS SELECT * FROM read_csv('${{data}}/fx.csv', header = true,
    columns = {{'currency': 'VARCHAR', 'month': 'VARCHAR', 'rate': 'DECIMAL(18,10)'}})`);
}} else {{
  const result = await c.runAndReadAll(`{DUCKDB_QUERY}`);
  process.stdout.write(String(result.getRows().length) + '\\n');
}}
""")
    return script


# ---- the measurements --------------------------------------------------------

def generate(tools, out, profile, lines, extra=()):
    subprocess.run([tools.gen, "--out", str(out), "--profile", profile, "--spend", str(lines), "--seed",
                    str(SEED), *extra], check=True, stderr=subprocess.DEVNULL)


def template_catalogue(tools, data, db, kinds=("providers", "locations", "offerings", "engagements", "fx")):
    subprocess.run(tools.vc(db, "db", "init", "--home-country", "FI", "--base-currency", "EUR"), check=True)
    for kind in kinds:
        subprocess.run(tools.vc(db, "import", kind, str(data / f"{kind}.csv")), check=True)


def bench_spend(tools, work, profile, lines, runs, results, duckdb):
    data = work / "data"
    log(f"bench: generating {lines} spend lines, profile {profile}")
    generate(tools, data, profile, lines)
    template = work / "template.db"
    template_catalogue(tools, data, template)
    db = work / "catalogue.db"
    bare = work / "bare.db"

    def reset():
        fresh_copy(template, db)
        bare.unlink(missing_ok=True)

    log("bench: import spend")
    ours, base = alternate(
        runs, lambda: run_measured(["sqlite3", str(bare), ".mode csv", f".import {data}/spend.csv spend"]),
        lambda: run_measured(tools.vc(db, "import", "spend", str(data / "spend.csv"))), reset)
    results.add(f"import spend ({lines:,} lines)", ours, "sqlite3 .import, bare table", base, "≤ 1.3x")
    # The catalogue of the last run stays for the reports, with an FTE
    # volume for every engagement and month that has spend (for unit-cost);
    # the baseline SQL reads a copy with a covering index, as an analyst
    # would make one.
    volumes = data / "volumes.csv"
    with open(volumes, "w") as out:
        subprocess.run(["sqlite3", "-csv", "-header", str(db),
                        "SELECT DISTINCT e.ref AS engagement, substr(s.date, 1, 7) AS month, (e.id % 40) + 1.5 AS "
                        "quantity, 'fte' AS unit FROM spend s JOIN engagement e ON e.id = s.engagement_id"],
                       stdout=out, check=True)
    subprocess.run(tools.vc(db, "--quiet", "import", "volumes", str(volumes)), check=True)
    indexed = work / "indexed.db"
    fresh_copy(db, indexed)
    subprocess.run(sqlite3(indexed, COVERING_INDEX), check=True)

    log("bench: reports")
    for name, args, sql, target in [
        ("report spend --by type --period quarter", ["report", "spend", "--by", "type", "--period", "quarter"],
         HAND_SQL["type-quarter"], "≤ 0.1x at 1M, ≤ 0.03x at 10M"),
        ("report spend --by provider --period month", ["report", "spend", "--by", "provider", "--period", "month"],
         HAND_SQL["provider-month"], "≤ 0.2x"),
        ("report concentration --by provider", ["report", "concentration", "--by", "provider"],
         HAND_SQL["concentration"], "≤ 0.2x"),
        ("report renewals --within 90 --on 2026-06-01", ["report", "renewals", "--within", "90", "--on",
                                                          "2026-06-01"], HAND_SQL["renewals"], "≤ 0.2x"),
        ("report unit-cost --by model --period quarter", ["report", "unit-cost", "--by", "model", "--period",
                                                           "quarter"], HAND_SQL["unit-cost"], "≤ 0.2x"),
    ]:
        ours, base = alternate(runs, lambda sql=sql: run_measured(sqlite3(indexed, sql)),
                               lambda args=args: run_measured(tools.vc(db, "--format", "csv", *args)))
        results.add(name, ours, "hand-written SQL, covering index", base, target)
    if duckdb[0] is None:
        results.add("report spend --by type --period quarter", ours_of(results, 1), f"DuckDB ({duckdb[1]})", None,
                    "faster at 1M, ≤ 0.3x at 10M")
        return
    types = data / "engagement_types.csv"
    with open(types, "w") as out:
        subprocess.run(["sqlite3", "-csv", "-header", str(db), "SELECT e.ref, e.type FROM engagement e"], stdout=out,
                       check=True)
    script = duckdb_script(duckdb[0], work)
    duck = work / "spend.duckdb"
    subprocess.run(["node", str(script), "load", str(duck), str(data)], check=True)
    ours, base = alternate(runs, lambda: run_measured(["node", str(script), "report", str(duck), str(data)]),
                           lambda: run_measured(tools.vc(db, "--format", "csv", "report", "spend", "--by", "type",
                                                         "--period", "quarter")))
    results.add("report spend --by type --period quarter", ours, "DuckDB, own table, 2 threads, whole process",
                base, "faster at 1M, ≤ 0.3x at 10M")


def ours_of(results, index):
    return results.rows[index][1]


def synthetic_kinds(data, rows):
    """Services and exchange rates of ROWS rows each (the generated catalogue
    has few of either)."""
    with open(data / "services.csv", "w") as out:
        out.write("code,name,type,parent\n")
        for i in range(rows):
            out.write(f"svc-{i:06},Service {i},{'BPO' if i % 3 else 'KPO'},\n")
    currencies = [line.split(",")[0] for line in (ROOT / "seed" / "reference" / "currencies.csv").read_text().splitlines()[1:]]
    currencies = [code for code in currencies if code not in ("EUR",)]
    with open(data / "fx_many.csv", "w") as out:
        out.write("currency,month,rate\n")
        written = 0
        for month in range(600):
            for code in currencies:
                if written == rows:
                    return
                out.write(f"{code},{1950 + month // 12}-{month % 12 + 1:02},1.{written % 997:03}\n")
                written += 1


def bench_kinds(tools, work, rows, runs, results):
    data = work / "kinds"
    log(f"bench: generating {rows} rows of each kind")
    generate(tools, data, "spread", 0, ("--providers", str(rows), "--engagements", str(rows), "--locations", "2"))
    synthetic_kinds(data, rows)
    for kind in ("locations", "offerings"):
        head = (data / f"{kind}.csv").read_text().splitlines()[: rows + 1]
        (data / f"{kind}.csv").write_text("\n".join(head) + "\n")
    base_db = work / "kinds_base.db"
    subprocess.run(tools.vc(base_db, "db", "init", "--home-country", "FI", "--base-currency", "EUR"), check=True)
    needs = {"providers": [], "locations": ["providers"], "services": [], "offerings": ["providers"],
             "engagements": ["providers"], "fx": []}
    prepared = {}
    for kind, before in needs.items():
        key = tuple(before)
        if key not in prepared:
            template = work / f"kinds_{'_'.join(before) or 'empty'}.db"
            fresh_copy(base_db, template)
            for need in before:
                subprocess.run(tools.vc(template, "import", need, str(data / f"{need}.csv")), check=True)
            prepared[key] = template
    db = work / "kind.db"
    bare = work / "kind_bare.db"
    for kind, before in needs.items():
        file = data / ("fx_many.csv" if kind == "fx" else f"{kind}.csv")
        count = sum(1 for _ in open(file)) - 1
        log(f"bench: import {kind}")

        def reset(before=before):
            fresh_copy(prepared[tuple(before)], db)
            bare.unlink(missing_ok=True)

        ours, base = alternate(runs, lambda: run_measured(["sqlite3", str(bare), ".mode csv", f".import {file} t"]),
                               lambda: run_measured(tools.vc(db, "import", kind, str(file))), reset)
        results.add(f"import {kind} ({count:,} rows)", ours, "sqlite3 .import, bare table", base,
                    "≤ 3x" if kind == "providers" else "≤ 2x")


def bench_providers(tools, work, providers, runs, results):
    data = work / "providers"
    log(f"bench: {providers} providers with about {providers * 5} locations")
    generate(tools, data, "spread", 0, ("--providers", str(providers), "--engagements", str(providers // 5),
                                        "--locations", "5"))
    db = work / "providers.db"
    template_catalogue(tools, data, db, ("providers", "locations", "offerings", "engagements"))
    for name, args, sql in [
        ("provider list --service market-research --country PH",
         ["provider", "list", "--service", "market-research", "--country", "PH"],
         "SELECT p.* FROM provider p WHERE p.id IN (SELECT provider_id FROM offering o JOIN service s ON s.id = "
         "o.service_id WHERE s.code = 'market-research') AND p.id IN (SELECT id FROM provider WHERE hq_country = 'PH' "
         "UNION SELECT provider_id FROM location WHERE country = 'PH') ORDER BY p.name_key;"),
        ("provider search 'payroll nordic'", ["provider", "search", "payroll nordic"],
         "SELECT p.* FROM provider_fts f JOIN provider p ON p.id = f.rowid WHERE provider_fts MATCH "
         "'\"payroll\"* \"nordic\"*' ORDER BY bm25(provider_fts);"),
    ]:
        ours, base = alternate(runs, lambda sql=sql: run_measured(sqlite3(db, sql)),
                               lambda args=args: run_measured(tools.vc(db, "--format", "json", *args)))
        results.add(f"{name} ({providers:,} providers)", ours, "the same SQL in sqlite3", base, "≤ 20 ms")


def main():
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.splitlines()[0])
    parser.add_argument("lines", nargs="?", type=int, help="spend lines (default 1,000,000; 100,000 with --quick)")
    parser.add_argument("--profile", default="spread", choices=["spread", "monthly", "concentrated"])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    parser.add_argument("--quick", action="store_true", help="100,000 lines, 10,000 rows per kind, no DuckDB")
    parser.add_argument("--no-kinds", action="store_true", help="skip the other kinds and the provider queries")
    parser.add_argument("--build-dir", default=os.environ.get("BUILD_DIR", "build"))
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"],
                        help="postgresql: the import and report on a server (bench/postgres.py)")
    args = parser.parse_args()
    lines = args.lines or (100_000 if args.quick else 1_000_000)
    tools = Tools(ROOT / args.build_dir)
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "vendorcat-bench"
    duckdb = (None, "skipped") if args.quick or args.backend != "sqlite" else duckdb_module(cache)
    results = Results()
    with tempfile.TemporaryDirectory(prefix="vendorcat-bench-") as folder:
        work = Path(folder)
        global PEAK
        PEAK = build_peak(work)
        if args.backend == "postgresql":
            import postgres
            postgres.bench_postgres(tools, work, args.profile, lines, args.runs, results)
        else:
            bench_spend(tools, work, args.profile, lines, args.runs, results, duckdb)
        if not args.no_kinds and args.backend == "sqlite":
            bench_kinds(tools, work, 10_000 if args.quick else 100_000, args.runs, results)
            bench_providers(tools, work, 10_000 if args.quick else 100_000, args.runs, results)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    print(f"bench/run --profile {args.profile} {lines} ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} x {cpu}, "
          f"medians of {args.runs} alternating runs)\n")
    print(results.table())


if __name__ == "__main__":
    main()
