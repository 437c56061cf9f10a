"""DSR (Dobson, ESP 2013) per indicator x practice x period with 95% and 99.8% limits, written
as an analyst would in polars: join the standard, aggregate, Byar (count >= 10) or exact Poisson
limits, suppress totals below 10. Threads: POLARS_MAX_THREADS. Usage: dsr_polars.py INPUT OUTPUT"""
import sys
import numpy as np
import polars as pl
from scipy.stats import chi2, norm

ESP = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]
BANDS = [f"{5 * i}-{5 * i + 4}" for i in range(18)] + ["90+"]
standard = pl.DataFrame({"age_band": BANDS, "weight": [float(w) for w in ESP]})

counts = pl.read_csv(sys.argv[1], schema_overrides={"numerator": pl.Float64, "denominator": pl.Float64})
groups = (counts.join(standard, on="age_band")
          .group_by(["indicator_id", "org_code", "period"], maintain_order=True)
          .agg(total_count=pl.col("numerator").sum(), total_pop=pl.col("denominator").sum(),
               weighted=(pl.col("weight") * pl.col("numerator") / pl.col("denominator")).sum(),
               variance=(pl.col("weight") ** 2 * pl.col("numerator") / pl.col("denominator") ** 2).sum(),
               weights=pl.col("weight").sum()))
o = groups["total_count"].to_numpy()
dsr = groups["weighted"].to_numpy() / groups["weights"].to_numpy()
var = groups["variance"].to_numpy() / groups["weights"].to_numpy() ** 2
frames = []
for level, label in ((0.95, "95%"), (0.998, "99.8%")):
    z = norm.ppf(0.5 + level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        byar_lo = o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3
        byar_hi = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * np.sqrt(o + 1))) ** 3
        lo = np.where(o < 10, np.where(o > 0, chi2.ppf((1 - level) / 2, 2 * o) / 2, 0.0), byar_lo)
        hi = np.where(o < 10, chi2.ppf(0.5 + level / 2, 2 * o + 2) / 2, byar_hi)
        scale = np.sqrt(var / o)
    keep = o >= 10
    frames.append(groups.select("indicator_id", "org_code", "period", "total_count", "total_pop").with_columns(
        value=pl.Series(np.where(keep, dsr * 1e5, np.nan)).fill_nan(None),
        lowercl=pl.Series(np.where(keep, (dsr + scale * (lo - o)) * 1e5, np.nan)).fill_nan(None),
        uppercl=pl.Series(np.where(keep, (dsr + scale * (hi - o)) * 1e5, np.nan)).fill_nan(None),
        confidence=pl.lit(label), index=pl.int_range(pl.len())))
pl.concat(frames).sort("index", maintain_order=True).drop("index").write_csv(sys.argv[2])
