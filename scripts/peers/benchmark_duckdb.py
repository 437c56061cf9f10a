"""Benchmarking against England, written as an analyst would in DuckDB SQL, with scipy for what SQL
lacks (the binomial and Poisson quantiles of the exact funnel limits, the exact Poisson limits of
counts below 10, the chi-square threshold). The same work as benchmark_polars.py and
`consortium benchmark` with its defaults (comparator England pooled over the practices):

- y = numerator / denominator; theta = England's pooled value per indicator;
- intervals at 95% and 99.8%: Wilson for proportions, Byar (O >= 10) or exact Poisson (O < 10)
  for rates; significance higher / lower / similar (better / worse with a polarity);
- z = (y - theta) / s, s = sqrt(theta (1 - theta) / n) (proportion) or sqrt(theta / n) (rate);
- exact funnel limits (r_p - alpha) / n at p = 0.001, 0.025, 0.975, 0.999, alpha = (F(r_p) - p) /
  P(R = r_p) for R ~ Binomial(n, theta) or Poisson(theta n) (Spiegelhalter 2005, Appendix A.1);
- over-dispersion: z Winsorised at the 10th and 90th percentiles, phi = mean(z~^2), tau^2 =
  max(0, (I phi - (I - 1)) / (sum w - sum w^2 / sum w)), w = 1 / s^2; when phi > chi2(0.95; I - 1) / I,
  limits theta +/- z_p sqrt(s^2 + tau^2) and z_adjusted on that standard error; funnel_flag
  against the limits used; quintile and decile floor(g (rank - 1) / I) + 1, rank the SQL rank() of y.
Threads: DUCKDB_THREADS (default all). Usage: benchmark_duckdb.py COUNTS INDICATORS OUTPUT"""
import os
import sys
import duckdb
import numpy as np
from scipy.stats import binom, chi2, norm, poisson

con = duckdb.connect()
if os.environ.get("DUCKDB_THREADS"):
    con.execute(f"SET threads = {int(os.environ['DUCKDB_THREADS'])}")
con.execute(f"""
CREATE TABLE d AS
SELECT c.*, m.polarity, m.statistic = 'proportion' AS is_p, m.multiplier,
       c.numerator / c.denominator AS y,
       sum(c.numerator) OVER w / sum(c.denominator) OVER w AS theta,
       count(*) OVER w AS organisations
FROM (SELECT *, row_number() OVER () AS line
      FROM read_csv('{sys.argv[1]}', types={{'numerator': 'DOUBLE', 'denominator': 'DOUBLE'}})) c
JOIN read_csv('{sys.argv[2]}', types={{'multiplier': 'DOUBLE'}}) m USING (indicator_id)
WINDOW w AS (PARTITION BY indicator_id)""")

# The exact parts, in scipy: funnel limits per organisation, exact Poisson limits for O = 0..9,
# and the chi-square threshold per indicator.
a = con.execute("SELECT line, numerator, denominator, theta, is_p FROM d").fetchnumpy()
n, theta, is_p = a["denominator"], a["theta"], a["is_p"]
funnel = {"line": a["line"]}
for name, p in (("f_lo998", 0.001), ("f_lo95", 0.025), ("f_hi95", 0.975), ("f_hi998", 0.999)):
    limit = np.zeros(len(n))
    t, e, mean = theta[is_p], np.rint(n[is_p]), theta[~is_p] * n[~is_p]
    if p < 0.5:
        r = binom.ppf(p, e, t)
        limit[is_p] = (r - (binom.cdf(r, e, t) - p) / binom.pmf(r, e, t)) / e
        r = poisson.ppf(p, mean)
        limit[~is_p] = (r - (poisson.cdf(r, mean) - p) / poisson.pmf(r, mean)) / n[~is_p]
    else:
        r = binom.isf(1 - p, e, t)
        limit[is_p] = (r - (1 - p - binom.sf(r, e, t)) / binom.pmf(r, e, t)) / e
        r = poisson.isf(1 - p, mean)
        limit[~is_p] = (r - (1 - p - poisson.sf(r, mean)) / poisson.pmf(r, mean)) / n[~is_p]
    funnel[name] = np.where(is_p, np.clip(limit, 0, 1), np.maximum(limit, 0))
con.register("funnel", funnel)
small = ",".join(f"({o}, {float(chi2.ppf(0.025, 2 * o) / 2) if o else 0.0!r}, {float(chi2.ppf(0.975, 2 * o + 2) / 2)!r}, "
                 f"{float(chi2.ppf(0.001, 2 * o) / 2) if o else 0.0!r}, {float(chi2.ppf(0.999, 2 * o + 2) / 2)!r})" for o in range(10))
con.execute(f"CREATE TABLE exact(o, lo95, hi95, lo998, hi998) AS VALUES {small}")
sizes = con.execute("SELECT DISTINCT organisations FROM d").fetchnumpy()["organisations"]
con.register("thresholds", {"organisations": sizes, "threshold": chi2.ppf(0.95, sizes - 1.0) / sizes})
z95, z998 = float(norm.ppf(0.975)), float(norm.ppf(0.999))

def wilson(z, sign):
    return f"(2 * numerator + {z * z!r} {sign} {z!r} * sqrt({z * z!r} + 4 * numerator * (1 - y))) / (2 * (denominator + {z * z!r}))"

def byar_lower(z):
    return f"numerator * pow(1 - 1 / (9 * numerator) - {z!r} / (3 * sqrt(numerator)), 3) / denominator"

def byar_upper(z):
    return f"(numerator + 1) * pow(1 - 1 / (9 * (numerator + 1)) + {z!r} / (3 * sqrt(numerator + 1)), 3) / denominator"

def interval(z, level, sign, byar):
    return (f"CASE WHEN is_p THEN {wilson(z, sign)} WHEN numerator < 10 THEN e.{level} / denominator ELSE {byar(z)} END")

def significance(lo, hi):
    return f"""CASE WHEN {lo} > theta THEN (CASE polarity WHEN 'no_judgement' THEN 'higher' WHEN 'higher_is_better' THEN 'better' ELSE 'worse' END)
                    WHEN {hi} < theta THEN (CASE polarity WHEN 'no_judgement' THEN 'lower' WHEN 'lower_is_better' THEN 'better' ELSE 'worse' END)
                    ELSE 'similar' END"""

def limit(zp):
    value = f"theta + {zp!r} * se_used"
    return f"CASE WHEN is_p THEN least(greatest({value}, 0), 1) ELSE greatest({value}, 0) END"

con.execute(f"""
COPY (
WITH base AS (
  SELECT d.*, f.* EXCLUDE (line),
         {interval(z95, 'lo95', '-', byar_lower)} AS lo95, {interval(z95, 'hi95', '+', byar_upper)} AS hi95,
         {interval(z998, 'lo998', '-', byar_lower)} AS lo998, {interval(z998, 'hi998', '+', byar_upper)} AS hi998,
         CASE WHEN is_p THEN sqrt(theta * (1 - theta) / denominator) ELSE sqrt(theta / denominator) END AS se
  FROM d JOIN funnel f USING (line) LEFT JOIN exact e ON e.o = d.numerator),
scored AS (
  SELECT *, (y - theta) / se AS z, 1 / (se * se) AS w FROM base),
cuts AS (
  SELECT indicator_id, quantile_cont(z, 0.1) AS z_lo, quantile_cont(z, 0.9) AS z_hi FROM scored GROUP BY indicator_id),
dispersion AS (
  SELECT indicator_id, avg(pow(least(greatest(z, z_lo), z_hi), 2)) AS phi, sum(w) - sum(w * w) / sum(w) AS spread, count(*) AS organisations
  FROM scored JOIN cuts USING (indicator_id) GROUP BY indicator_id),
judged AS (
  SELECT x.indicator_id, phi, greatest(0, (organisations * phi - (organisations - 1)) / spread) AS tau2, phi > threshold AS adjust
  FROM dispersion x JOIN thresholds USING (organisations)),
final AS (
  SELECT s.*, j.phi, j.tau2, j.adjust,
         CASE WHEN j.adjust THEN sqrt(se * se + j.tau2) ELSE se END AS se_used,
         rank() OVER (PARTITION BY s.indicator_id ORDER BY y) AS r
  FROM scored s JOIN judged j USING (indicator_id)),
limits AS (
  SELECT *,
         CASE WHEN adjust THEN {limit(-z998)} ELSE f_lo998 END AS a_lo998, CASE WHEN adjust THEN {limit(-z95)} ELSE f_lo95 END AS a_lo95,
         CASE WHEN adjust THEN {limit(z95)} ELSE f_hi95 END AS a_hi95, CASE WHEN adjust THEN {limit(z998)} ELSE f_hi998 END AS a_hi998
  FROM final)
SELECT indicator_id, org_code, y * multiplier AS value, lo95 * multiplier AS lowercl, hi95 * multiplier AS uppercl,
       theta * multiplier AS comparator_value, z, {significance('lo95', 'hi95')} AS significance,
       f_lo95 * multiplier AS funnel_lower_95, f_hi95 * multiplier AS funnel_upper_95,
       f_lo998 * multiplier AS funnel_lower_998, f_hi998 * multiplier AS funnel_upper_998,
       (5 * (r - 1)) // organisations + 1 AS quintile, (10 * (r - 1)) // organisations + 1 AS decile,
       lo998 * multiplier AS lowercl_998, hi998 * multiplier AS uppercl_998, {significance('lo998', 'hi998')} AS significance_998,
       phi, tau2 * multiplier * multiplier AS tau2, CASE WHEN adjust THEN 'additive' ELSE 'none' END AS dispersion_model,
       a_lo95 * multiplier AS adjusted_lower_95, a_hi95 * multiplier AS adjusted_upper_95,
       a_lo998 * multiplier AS adjusted_lower_998, a_hi998 * multiplier AS adjusted_upper_998,
       (y - theta) / se_used AS z_adjusted,
       CASE WHEN y > a_hi998 THEN 'above_99.8' WHEN y > a_hi95 THEN 'above_95' WHEN y < a_lo998 THEN 'below_99.8'
            WHEN y < a_lo95 THEN 'below_95' ELSE 'within' END AS funnel_flag
FROM limits ORDER BY line
) TO '{sys.argv[3]}' (HEADER)""")
