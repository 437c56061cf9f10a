"""Proportions per indicator x practice x period (age bands added up) with Wilson score limits at
95% and 99.8%, as percentages, written as an analyst would in polars:

    p = x / n,   limits = (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - p))) / (2(n + z^2)),   z = Phi^-1(1 - alpha/2)

(Wilson 1927; the Fingertips technical guide). One row per group and level, in order of first
appearance. Threads: POLARS_MAX_THREADS. Usage: proportion_polars.py INPUT OUTPUT"""
import sys
import polars as pl
from scipy.stats import norm

counts = pl.read_csv(sys.argv[1], schema_overrides={"numerator": pl.Float64, "denominator": pl.Float64})
groups = (counts.group_by(["indicator_id", "org_code", "period"], maintain_order=True)
          .agg(pl.col("numerator").sum(), pl.col("denominator").sum())
          .with_row_index("group"))
x, n = pl.col("numerator"), pl.col("denominator")
frames = []
for rank, (level, label) in enumerate(((0.95, "95%"), (0.998, "99.8%"))):
    z = norm.ppf(0.5 + level / 2)
    root = z * (z * z + 4 * x * (1 - x / n)).sqrt()
    frames.append(groups.with_columns(
        value=100 * x / n,
        lowercl=100 * (2 * x + z * z - root) / (2 * (n + z * z)),
        uppercl=100 * (2 * x + z * z + root) / (2 * (n + z * z)),
        confidence=pl.lit(label), level=pl.lit(rank)))
(pl.concat(frames).sort(["group", "level"]).drop("group", "level")
 .write_csv(sys.argv[2]))
