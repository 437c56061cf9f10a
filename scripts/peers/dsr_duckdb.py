"""DSR (Dobson, ESP 2013) per indicator x practice x period with 95% and 99.8% limits, written
as an analyst would in DuckDB SQL, with the Poisson limits from scipy on the aggregated groups.
Threads: DUCKDB_THREADS (default all). Usage: dsr_duckdb.py INPUT OUTPUT"""
import os
import sys
import duckdb
import numpy as np
from scipy.stats import chi2, norm

ESP = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]
BANDS = [f"{5 * i}-{5 * i + 4}" for i in range(18)] + ["90+"]
con = duckdb.connect()
if os.environ.get("DUCKDB_THREADS"):
    con.execute(f"SET threads = {int(os.environ['DUCKDB_THREADS'])}")
con.execute("CREATE TABLE standard AS SELECT * FROM (VALUES " + ",".join(f"('{b}', {w}.0)" for b, w in zip(BANDS, ESP)) + ") t(age_band, weight)")
groups = con.execute(f"""
    SELECT indicator_id, org_code, period, min(line) AS first_row, sum(numerator) AS total_count, sum(denominator) AS total_pop,
           sum(weight * numerator / denominator) / sum(weight) AS dsr,
           sum(weight * weight * numerator / (denominator * denominator)) / (sum(weight) * sum(weight)) AS variance
    FROM (SELECT *, row_number() OVER () AS line FROM read_csv('{sys.argv[1]}', types={{'numerator': 'DOUBLE', 'denominator': 'DOUBLE'}})) c
    JOIN standard USING (age_band)
    GROUP BY ALL ORDER BY first_row""").fetchnumpy()
o, dsr, var = groups["total_count"], groups["dsr"], groups["variance"]
columns = {k: [] for k in ("indicator_id", "org_code", "period", "total_count", "total_pop", "value", "lowercl", "uppercl", "confidence", "order")}
for level, label in ((0.95, "95%"), (0.998, "99.8%")):
    z = norm.ppf(0.5 + level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        lo = np.where(o < 10, np.where(o > 0, chi2.ppf((1 - level) / 2, 2 * o) / 2, 0.0), o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3)
        hi = np.where(o < 10, chi2.ppf(0.5 + level / 2, 2 * o + 2) / 2, (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * np.sqrt(o + 1))) ** 3)
        scale = np.sqrt(var / o)
    keep = o >= 10
    for name in ("indicator_id", "org_code", "period", "total_count", "total_pop"):
        columns[name].append(groups[name])
    columns["value"].append(np.where(keep, dsr * 1e5, np.nan))
    columns["lowercl"].append(np.where(keep, (dsr + scale * (lo - o)) * 1e5, np.nan))
    columns["uppercl"].append(np.where(keep, (dsr + scale * (hi - o)) * 1e5, np.nan))
    columns["confidence"].append(np.full(len(o), label))
    columns["order"].append(np.arange(len(o)) * 2 + (0 if label == "95%" else 1))
result = {k: np.concatenate(v) for k, v in columns.items()}
con.register("result", result)
con.execute(f"COPY (SELECT * EXCLUDE (\"order\") FROM result ORDER BY \"order\") TO '{sys.argv[2]}' (HEADER)")
