"""bench/run --backend postgresql: vendorcat on a PostgreSQL server beside
psql on the same server, in the same run.

The server is the throw-away one of scripts/with-postgres (VENDORCAT_TEST_PG
names its `postgres` database). The import is measured against `psql \\copy`
of the same file into a bare table (text columns, no index, no constraint);
the report against the hand-written SQL over the raw lines, with a covering
index, as an analyst would write it. Each catalogue run starts from a copy of
a template database (CREATE DATABASE ... TEMPLATE), so the runs are alike.
"""

import os
import subprocess
import sys

bench = sys.modules["__main__"]  # bench.py, whose helpers (and compiled peak) this uses

QUARTER = "substr(s.date, 1, 4) || '-Q' || ((CAST(substr(s.date, 6, 2) AS INTEGER) + 2) / 3)"
CONVERTED = ("sum(CASE WHEN s.currency = 'EUR' THEN s.amount / 100.0 "
             "ELSE s.amount / 100.0 * CAST(f.rate AS DOUBLE PRECISION) END)")
HAND_SQL = f"""SELECT {QUARTER}, e.type, to_char({CONVERTED}, 'FM999999999999990.00'), count(*)
  FROM spend s JOIN engagement e ON e.id = s.engagement_id
  LEFT JOIN fx_rate f ON f.currency = s.currency AND f.month = substr(s.date, 1, 7)
 GROUP BY 1, 2 ORDER BY 1, 2"""
COVERING_INDEX = "CREATE INDEX spend_cover ON spend (engagement_id, date, currency, amount)"


def server(database):
    admin = os.environ.get("VENDORCAT_TEST_PG")
    if not admin:
        sys.exit("bench: --backend postgresql runs under scripts/with-postgres (bench/run does that)")
    return admin.rsplit("/", 1)[0] + "/" + database


def psql(database, *commands):
    args = ["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", server(database)]
    for command in commands:
        args += ["-c", command]
    return args


def run(args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def bench_postgres(tools, work, profile, lines, runs, results):
    data = work / "data"
    bench.log(f"bench: generating {lines} spend lines, profile {profile}")
    bench.generate(tools, data, profile, lines)
    run(psql("postgres", "DROP DATABASE IF EXISTS bench_template", "CREATE DATABASE bench_template",
             "DROP DATABASE IF EXISTS bench_bare", "CREATE DATABASE bench_bare"))
    run(tools.vc(server("bench_template"), "db", "init", "--home-country", "FI", "--base-currency", "EUR"))
    for kind in ("providers", "locations", "offerings", "engagements", "fx"):
        run(tools.vc(server("bench_template"), "import", kind, str(data / f"{kind}.csv")))
    catalogue = server("bench_catalogue")

    def reset():
        run(psql("postgres", "DROP DATABASE IF EXISTS bench_catalogue",
                 "CREATE DATABASE bench_catalogue TEMPLATE bench_template"))
        run(psql("bench_bare", "DROP TABLE IF EXISTS spend",
                 "CREATE TABLE spend (engagement TEXT, date TEXT, amount TEXT, currency TEXT, reference TEXT)"))

    bench.log("bench: import spend (PostgreSQL)")
    ours, base = bench.alternate(
        runs, lambda: bench.run_measured(psql("bench_bare", f"\\copy spend FROM '{data}/spend.csv' WITH (FORMAT csv, HEADER)")),
        lambda: bench.run_measured(tools.vc(catalogue, "import", "spend", str(data / "spend.csv"))), reset)
    results.add(f"PostgreSQL: import spend ({lines:,} lines)", ours, "psql \\copy, bare table", base, "≤ 1.5x")

    # The last run's catalogue stays; the hand-written SQL reads a copy with
    # a covering index.
    run(psql("postgres", "DROP DATABASE IF EXISTS bench_indexed",
             "CREATE DATABASE bench_indexed TEMPLATE bench_catalogue"))
    run(psql("bench_indexed", COVERING_INDEX, "ANALYZE"))
    run(psql("bench_catalogue", "ANALYZE"))
    bench.log("bench: report (PostgreSQL)")
    ours, base = bench.alternate(runs, lambda: bench.run_measured(psql("bench_indexed", HAND_SQL)),
                                 lambda: bench.run_measured(tools.vc(catalogue, "--format", "csv", "report", "spend", "--by",
                                                         "type", "--period", "quarter")))
    results.add("PostgreSQL: report spend --by type --period quarter", ours, "hand-written SQL, covering index",
                base, "≤ 0.1x at 1M")
    run(psql("postgres", "DROP DATABASE bench_catalogue", "DROP DATABASE bench_indexed",
             "DROP DATABASE bench_template", "DROP DATABASE bench_bare"))
