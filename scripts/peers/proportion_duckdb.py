"""Proportions per indicator x practice x period (age bands added up) with Wilson score limits at
95% and 99.8%, as percentages, written as an analyst would in DuckDB SQL:

    p = x / n,   limits = (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - p))) / (2(n + z^2)),   z = Phi^-1(1 - alpha/2)

(Wilson 1927; the Fingertips technical guide). One row per group and level, in order of first
appearance. Threads: DUCKDB_THREADS (default all). Usage: proportion_duckdb.py INPUT OUTPUT"""
import os
import sys
import duckdb
from scipy.stats import norm

con = duckdb.connect()
if os.environ.get("DUCKDB_THREADS"):
    con.execute(f"SET threads = {int(os.environ['DUCKDB_THREADS'])}")
levels = ",".join(f"({rank}, '{label}', {float(norm.ppf(0.5 + level / 2))!r})"
                  for rank, (level, label) in enumerate(((0.95, "95%"), (0.998, "99.8%"))))
con.execute(f"""
COPY (
  WITH groups AS (
    SELECT indicator_id, org_code, period, min(line) AS first_row,
           sum(numerator) AS numerator, sum(denominator) AS denominator
    FROM (SELECT *, row_number() OVER () AS line
          FROM read_csv('{sys.argv[1]}', types={{'numerator': 'DOUBLE', 'denominator': 'DOUBLE'}}))
    GROUP BY ALL),
  levels(rank, confidence, z) AS (VALUES {levels})
  SELECT indicator_id, org_code, period, numerator, denominator,
         100 * numerator / denominator AS value,
         100 * (2 * numerator + z * z - z * sqrt(z * z + 4 * numerator * (1 - numerator / denominator))) / (2 * (denominator + z * z)) AS lowercl,
         100 * (2 * numerator + z * z + z * sqrt(z * z + 4 * numerator * (1 - numerator / denominator))) / (2 * (denominator + z * z)) AS uppercl,
         confidence
  FROM groups CROSS JOIN levels
  ORDER BY first_row, rank
) TO '{sys.argv[2]}' (HEADER)""")
