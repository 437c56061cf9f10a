"""Crude rates per 100,000 per indicator x practice x period (age bands added up) with Poisson
limits at 95% and 99.8%, written as an analyst would in DuckDB SQL (PHEindicatormethods' phe_rate):

    O >= 10, Byar:  lower = O (1 - 1/(9O) - z/(3 sqrt O))^3,  upper = (O+1)(1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3
    O < 10, exact:  lower = chi2(alpha/2; 2O)/2 (0 when O = 0),  upper = chi2(1 - alpha/2; 2O + 2)/2

each divided by the population and times 100,000; method Byars or Exact. SQL has no chi-square
quantile, so the exact limits for the ten possible small counts 0-9 are a lookup table from scipy.
Threads: DUCKDB_THREADS (default all). Usage: rate_duckdb.py INPUT OUTPUT"""
import os
import sys
import duckdb
from scipy.stats import chi2, norm

con = duckdb.connect()
if os.environ.get("DUCKDB_THREADS"):
    con.execute(f"SET threads = {int(os.environ['DUCKDB_THREADS'])}")
rows = []
for rank, (level, label) in enumerate(((0.95, "95%"), (0.998, "99.8%"))):
    for o in range(10):
        lower = chi2.ppf((1 - level) / 2, 2 * o) / 2 if o > 0 else 0.0
        rows.append(f"({rank}, '{label}', {float(norm.ppf(0.5 + level / 2))!r}, {o}, {float(lower)!r}, {float(chi2.ppf(0.5 + level / 2, 2 * o + 2) / 2)!r})")
con.execute(f"CREATE TABLE exact(rank, confidence, z, o, lower, upper) AS VALUES {','.join(rows)}")
con.execute(f"""
COPY (
  WITH groups AS (
    SELECT indicator_id, org_code, period, min(line) AS first_row,
           sum(numerator) AS numerator, sum(denominator) AS denominator
    FROM (SELECT *, row_number() OVER () AS line
          FROM read_csv('{sys.argv[1]}', types={{'numerator': 'DOUBLE', 'denominator': 'DOUBLE'}}))
    GROUP BY ALL),
  levels AS (SELECT DISTINCT rank, confidence, z FROM exact)
  SELECT g.indicator_id, g.org_code, g.period, g.numerator, g.denominator,
         100000 * g.numerator / g.denominator AS value,
         100000 / g.denominator * CASE WHEN g.numerator < 10 THEN e.lower
              ELSE g.numerator * pow(1 - 1 / (9 * g.numerator) - l.z / (3 * sqrt(g.numerator)), 3) END AS lowercl,
         100000 / g.denominator * CASE WHEN g.numerator < 10 THEN e.upper
              ELSE (g.numerator + 1) * pow(1 - 1 / (9 * (g.numerator + 1)) + l.z / (3 * sqrt(g.numerator + 1)), 3) END AS uppercl,
         l.confidence, CASE WHEN g.numerator < 10 THEN 'Exact' ELSE 'Byars' END AS method
  FROM groups g CROSS JOIN levels l
  LEFT JOIN exact e ON e.rank = l.rank AND e.o = g.numerator
  ORDER BY g.first_row, l.rank
) TO '{sys.argv[2]}' (HEADER)""")
