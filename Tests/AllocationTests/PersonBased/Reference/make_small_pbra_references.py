#!/usr/bin/env python3
"""Reference values for the small person-based tests: WeightedFitTests.swift (AllocationTests) and
PbraCommandTests.swift (CLITests), computed with statsmodels, whose WLS/OLS and HC1 code is
independent of the engine. The data below are the same literal CSV as in those tests.

Prints repr values (full precision). p-values: two-sided Student t on n - p degrees of freedom.

Usage: python3 make_small_pbra_references.py
"""
import io

import numpy as np
import pandas as pd
import scipy.stats
import statsmodels.api as sm

# WeightedFitTests.swift: cost ~ 1 + female + diabetes + distance_km + age_band (reference 15-64),
# weights = months / 12 (one person with weight 0, who counts in no sum).
WEIGHTED = """person_id,practice_code,age_band,female,diabetes,distance_km,months,cost
1,A1,0-4,0,0,2.5,12,100
2,A1,0-4,1,0,4,6,150
3,A1,65+,0,1,3,12,900
4,A2,65+,1,0,8.25,9,500
5,A2,15-64,0,0,1,12,60
6,A2,15-64,1,1,5,3,700
7,A3,15-64,0,0,7,12,120
8,A3,65+,1,1,6,12,1200
9,A3,0-4,0,0,9,0,5000
10,A3,15-64,1,0,2,12,110
11,A1,65+,0,0,3.5,12,640
12,A2,0-4,1,1,6,12,480
"""

# PbraCommandTests.swift: cost ~ 1 + female + diabetes + distance_km + age_band (reference 15-64).
CLI = """person_id,practice_code,age_band,female,diabetes,distance_km,cost
1,A1,0-4,0,0,2,100
2,A1,0-4,1,0,4,150
3,A1,65+,0,1,3,900
4,A2,65+,1,0,8,500
5,A2,15-64,0,0,1,60
6,A2,15-64,1,1,5,700
7,A3,15-64,0,0,7,120
8,A3,65+,1,1,6,1200
9,A3,0-4,0,0,9,90
10,A3,15-64,1,0,2,110
"""


def design(frame):
    return np.column_stack([
        np.ones(len(frame)), frame.female, frame.diabetes, frame.distance_km,
        (frame.age_band == "0-4").astype(float), (frame.age_band == "65+").astype(float),
    ])


def report(title, result, robust, df):
    t = result.params / result.bse
    robust_t = robust.params / robust.bse
    print(title)
    print("  coefficients", [repr(float(v)) for v in result.params])
    print("  standard errors", [repr(float(v)) for v in result.bse])
    print("  p", [repr(float(v)) for v in 2 * scipy.stats.t.sf(np.abs(t), df)])
    print("  HC1 standard errors", [repr(float(v)) for v in robust.bse])
    print("  HC1 p", [repr(float(v)) for v in 2 * scipy.stats.t.sf(np.abs(robust_t), df)])
    print("  R-squared", repr(float(result.rsquared)), "adjusted", repr(float(result.rsquared_adj)))
    print("  residual standard error", repr(float(np.sqrt(result.scale))))


def main():
    weighted = pd.read_csv(io.StringIO(WEIGHTED))
    w = weighted.months / 12.0
    kept = w > 0
    X = design(weighted)[kept]
    y = weighted.cost[kept].to_numpy()
    wk = w[kept].to_numpy()
    wls = sm.WLS(y, X, weights=wk).fit()
    wls_robust = sm.WLS(y, X, weights=wk).fit(cov_type="HC1")
    report("weighted (n = 11 with positive weight, p = 6)", wls, wls_robust, len(y) - X.shape[1])
    print("  weighted means", [repr(float(v)) for v in (X * wk[:, None]).sum(0) / wk.sum()])
    print("  weighted mean cost", repr(float((y * wk).sum() / wk.sum())))

    cli = pd.read_csv(io.StringIO(CLI))
    X = design(cli)
    ols = sm.OLS(cli.cost.to_numpy(), X).fit()
    ols_robust = sm.OLS(cli.cost.to_numpy(), X).fit(cov_type="HC1")
    report("CLI example (n = 10, p = 6)", ols, ols_robust, len(cli) - X.shape[1])
    means = X.mean(0)
    need = [0, 1, 2, 4, 5]
    predictions = X[:, need] @ ols.params[need] + ols.params[3] * means[3]
    totals = pd.Series(predictions).groupby(cli.practice_code).sum()
    print("  predicted cost by practice (distance at its mean", repr(float(means[3])) + ")",
          [repr(float(v)) for v in totals])
    print("  need shares", [repr(float(v)) for v in totals / totals.sum()])


if __name__ == "__main__":
    main()
