"""Benchmarking against England, written as an analyst would in polars with scipy, the same work as
`consortium benchmark` with its defaults (comparator England pooled over the practices):

- y = numerator / denominator; theta = England's pooled value per indicator;
- intervals at 95% and 99.8%: Wilson for proportions, Byar (O >= 10) or exact Poisson (O < 10)
  for rates; significance: higher / lower when the interval lies above / below theta, else similar
  (better / worse with a polarity);
- z = (y - theta) / s, s = sqrt(theta (1 - theta) / n) (proportion) or sqrt(theta / n) (rate);
- exact funnel limits at cumulative probabilities 0.001, 0.025, 0.975, 0.999: r_p the quantile of
  Binomial(n, theta) or Poisson(theta n), interpolated as (r_p - alpha) / n with
  alpha = (F(r_p) - p) / P(R = r_p) (Spiegelhalter 2005, Appendix A.1), cut to [0, 1] or [0, inf);
- over-dispersion per indicator: z Winsorised at the 10th and 90th percentiles, phi = mean(z~^2),
  tau^2 = max(0, (I phi - (I - 1)) / (sum w - sum w^2 / sum w)), w = 1 / s^2; when
  phi > chi2(0.95; I - 1) / I the limits are theta +/- z_p sqrt(s^2 + tau^2) (additive random
  effects) and z_adjusted uses that standard error; funnel_flag against those limits;
- quintile and decile: floor(g (r - 1) / I) + 1 with r the minimum rank of y.
Values are times the indicator's multiplier (tau2 times its square).
Threads: POLARS_MAX_THREADS. Usage: benchmark_polars.py COUNTS INDICATORS OUTPUT"""
import sys
import numpy as np
import polars as pl
from scipy.stats import binom, chi2, norm, poisson

counts = pl.read_csv(sys.argv[1], schema_overrides={"numerator": pl.Float64, "denominator": pl.Float64})
meta = pl.read_csv(sys.argv[2], schema_overrides={"multiplier": pl.Float64})
PROBABILITIES = [0.001, 0.025, 0.975, 0.999]
LIMITS = ["funnel_lower_998", "funnel_lower_95", "funnel_upper_95", "funnel_upper_998"]
Z_P = norm.ppf(PROBABILITIES)

d = (counts.join(meta, on="indicator_id", how="left", maintain_order="left")
     .with_columns(y=pl.col("numerator") / pl.col("denominator"),
                   theta=pl.col("numerator").sum().over("indicator_id") / pl.col("denominator").sum().over("indicator_id"),
                   proportion=pl.col("statistic") == "proportion"))
x, n, theta = (d[c].to_numpy() for c in ("numerator", "denominator", "theta"))
is_p = d["proportion"].to_numpy()

def interval(level):
    """Wilson for proportions, Byar / exact Poisson for rates, on the natural scale."""
    z = norm.ppf(0.5 + level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        root = z * np.sqrt(z * z + 4 * x * (1 - x / n))
        w_lo, w_hi = (2 * x + z * z - root) / (2 * (n + z * z)), (2 * x + z * z + root) / (2 * (n + z * z))
        b_lo = x * (1 - 1 / (9 * x) - z / (3 * np.sqrt(x))) ** 3
        b_hi = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * np.sqrt(x + 1))) ** 3
        e_lo = np.where(x > 0, chi2.ppf((1 - level) / 2, 2 * x) / 2, 0.0)
        e_hi = chi2.ppf(0.5 + level / 2, 2 * x + 2) / 2
    p_lo, p_hi = np.where(x < 10, e_lo, b_lo) / n, np.where(x < 10, e_hi, b_hi) / n
    return np.where(is_p, w_lo, p_lo), np.where(is_p, w_hi, p_hi)

def funnel(p):
    """Spiegelhalter's interpolated exact limit at cumulative probability p, natural scale."""
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
    return np.where(is_p, np.clip(limit, 0, 1), np.maximum(limit, 0))

lo95, hi95 = interval(0.95)
lo998, hi998 = interval(0.998)
se = np.where(is_p, np.sqrt(theta * (1 - theta) / n), np.sqrt(theta / n))
d = d.with_columns(lo95=lo95, hi95=hi95, lo998=lo998, hi998=hi998, se=se, z=(d["y"].to_numpy() - theta) / se,
                   **{name: funnel(p) for name, p in zip(LIMITS, PROBABILITIES)})

# Over-dispersion per indicator (Spiegelhalter 2005, section 6).
g = pl.col("z")
d = d.with_columns(zw=g.clip(g.quantile(0.1, "linear").over("indicator_id"), g.quantile(0.9, "linear").over("indicator_id")),
                   w=1 / pl.col("se") ** 2, organisations=pl.len().over("indicator_id"))
d = d.with_columns(phi=(pl.col("zw") ** 2).mean().over("indicator_id"),
                   spread=pl.col("w").sum().over("indicator_id") - (pl.col("w") ** 2).sum().over("indicator_id") / pl.col("w").sum().over("indicator_id"))
I = d["organisations"].to_numpy().astype(float)
phi = d["phi"].to_numpy()
tau2 = np.maximum(0, (I * phi - (I - 1)) / d["spread"].to_numpy())
adjust = phi > chi2.ppf(0.95, I - 1) / I
se_adj = np.where(adjust, np.sqrt(se ** 2 + tau2), se)
adjusted = {name.replace("funnel", "adjusted"): np.where(adjust, np.where(is_p, np.clip(theta + zp * se_adj, 0, 1), np.maximum(theta + zp * se_adj, 0)), d[name].to_numpy())
            for name, zp in zip(LIMITS, Z_P)}

def significance(lo, hi):
    direction = pl.when(lo > pl.col("theta")).then(pl.lit("higher")).when(hi < pl.col("theta")).then(pl.lit("lower")).otherwise(pl.lit("similar"))
    polarity = pl.col("polarity")
    return (pl.when(direction == "similar").then(direction)
            .when(polarity == "no_judgement").then(direction)
            .when(((polarity == "higher_is_better") & (direction == "higher")) | ((polarity == "lower_is_better") & (direction == "lower"))).then(pl.lit("better"))
            .otherwise(pl.lit("worse")))

y, m = pl.col("y"), pl.col("multiplier")
rank = y.rank("min").over("indicator_id")
out = d.with_columns(tau2_natural=tau2, z_adjusted=(d["y"].to_numpy() - theta) / se_adj, dispersion_model=np.where(adjust, "additive", "none"), **adjusted)
out = out.select(
    "indicator_id", "org_code", value=y * m, lowercl=pl.col("lo95") * m, uppercl=pl.col("hi95") * m, comparator_value=pl.col("theta") * m, z="z",
    significance=significance(pl.col("lo95"), pl.col("hi95")),
    **{name: pl.col(name) * m for name in LIMITS[1:3] + LIMITS[0:1] + LIMITS[3:]},
    quintile=(5 * (rank - 1)) // pl.len().over("indicator_id") + 1, decile=(10 * (rank - 1)) // pl.len().over("indicator_id") + 1,
    lowercl_998=pl.col("lo998") * m, uppercl_998=pl.col("hi998") * m, significance_998=significance(pl.col("lo998"), pl.col("hi998")),
    phi="phi", tau2=pl.col("tau2_natural") * m * m, dispersion_model="dispersion_model",
    **{name: pl.col(name) * m for name in ("adjusted_lower_95", "adjusted_upper_95", "adjusted_lower_998", "adjusted_upper_998")},
    z_adjusted="z_adjusted",
    funnel_flag=pl.when(y > pl.col("adjusted_upper_998")).then(pl.lit("above_99.8")).when(y > pl.col("adjusted_upper_95")).then(pl.lit("above_95"))
    .when(y < pl.col("adjusted_lower_998")).then(pl.lit("below_99.8")).when(y < pl.col("adjusted_lower_95")).then(pl.lit("below_95")).otherwise(pl.lit("within")))
out.write_csv(sys.argv[3])
