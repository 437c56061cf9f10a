"""Crude rates per 100,000 per indicator x practice x period (age bands added up) with Poisson
limits at 95% and 99.8%, written as an analyst would in polars (PHEindicatormethods' phe_rate):

    O >= 10, Byar:  lower = O (1 - 1/(9O) - z/(3 sqrt O))^3,  upper = (O+1)(1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3
    O < 10, exact:  lower = chi2(alpha/2; 2O)/2 (0 when O = 0),  upper = chi2(1 - alpha/2; 2O + 2)/2

each divided by the population and times 100,000; method Byars or Exact. One row per group and
level, in order of first appearance. Threads: POLARS_MAX_THREADS. Usage: rate_polars.py INPUT OUTPUT"""
import sys
import numpy as np
import polars as pl
from scipy.stats import chi2, norm

counts = pl.read_csv(sys.argv[1], schema_overrides={"numerator": pl.Float64, "denominator": pl.Float64})
groups = (counts.group_by(["indicator_id", "org_code", "period"], maintain_order=True)
          .agg(pl.col("numerator").sum(), pl.col("denominator").sum())
          .with_row_index("group"))
o = groups["numerator"].to_numpy()
scale = 100_000 / groups["denominator"].to_numpy()
frames = []
for rank, (level, label) in enumerate(((0.95, "95%"), (0.998, "99.8%"))):
    z = norm.ppf(0.5 + level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        byar_lo = o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3
        byar_hi = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * np.sqrt(o + 1))) ** 3
        exact_lo = np.where(o > 0, chi2.ppf((1 - level) / 2, 2 * o) / 2, 0.0)
        exact_hi = chi2.ppf(0.5 + level / 2, 2 * o + 2) / 2
    small = o < 10
    frames.append(groups.with_columns(
        value=pl.Series(o * scale), lowercl=pl.Series(np.where(small, exact_lo, byar_lo) * scale),
        uppercl=pl.Series(np.where(small, exact_hi, byar_hi) * scale), confidence=pl.lit(label),
        method=pl.Series(np.where(small, "Exact", "Byars")), level=pl.lit(rank)))
pl.concat(frames).sort(["group", "level"]).drop("group", "level").write_csv(sys.argv[2])
