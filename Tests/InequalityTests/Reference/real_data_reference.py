"""Reference for the bundled real-data inequality examples (datasets/examples/inequality), computed
another way: pandas joins and sorts, statsmodels WLS, numpy lstsq refits of the seeded draws
(portable_random.py), the convenient regression for the concentration index, pairwise Gini.

Run from this folder: python3 real_data_reference.py  (prints Swift literals for
Tests/CLITests/InequalityCommandTests.swift and a summary).

Steps, as the engine's commands do them:
1. Practice deprivation: OHID Fingertips indicator 93553, Year 2019 (practice IMD 2019 score).
   Population: registered patients from NHS Digital's payments file 2022-23; only practices in both.
2. National population-weighted deciles: most deprived (highest score) first, ties by code, decile
   = floor(10 * cumulative midpoint) + 1.
3. Smoking prevalence (Fingertips 91547, 2022/23, Area Type GPs; Count / Denominator), practices
   with a decile; proportion x100; seed 1, 10,000 repetitions; 95% and 99.8%.
4. Total NHS payments per weighted patient (payments file), practices with a decile and weighted
   patients > 0; ratio of sums; seed 1, 10,000 repetitions.
"""
import math
import os

import numpy as np
import pandas as pd
from scipy import stats

from reference_methods import analytic, concentration, gini_pairwise, lit, simulate, theil, atkinson, weighted_groups, wilson

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "datasets", "england-2022-23")
CONFIDENCES = [0.95, 0.998]

imd = pd.read_csv(os.path.join(DATA, "fingertips-practice-imd-score.csv"), encoding="utf-8-sig", dtype={"Year": str})
imd = imd[imd.Year == "2019"][["AreaCode", "Value"]].rename(columns={"AreaCode": "code", "Value": "score"})
payments = pd.read_csv(os.path.join(DATA, "nhs-payments-to-general-practice-2022-23.csv"), encoding="utf-8-sig")
payments.columns = [" ".join(c.split()) for c in payments.columns]
payments = payments.rename(columns={
    "Practice Code": "code", "CCG Code": "consortium",
    "Number of Registered Patients (Last Known Figure)": "registered",
    "Number of Weighted Patients (Last Known Figure)": "weighted",
    "Total NHS Payments to General Practice": "total"})
practices = imd.merge(payments[["code", "consortium", "registered"]], on="code", how="inner")
practices["decile"], practices["midpoint"] = weighted_groups(practices, 10)
print("// ---- real data: deciles of", len(practices), "practices")
print("let realDecilePopulations =", lit(practices.groupby("decile").registered.sum()))
print("let realDecileCounts =", "[" + ", ".join(str(int(v)) for v in practices.groupby("decile").size()) + "]")
print("let realDecileCheck =", lit([practices.midpoint.sum(), (practices.decile * practices.score).sum()]), "// Σ midpoints, Σ decile·score")


def report(name, values, weights, keys, variance, groups_value, groups_pop, ses, scale, multiplier, bounds):
    ranks, rows = analytic(groups_value * multiplier, groups_pop, "most", 0.95)
    _, rows998 = analytic(groups_value * multiplier, groups_pop, "most", 0.998)
    print(f"let {name}Point =", lit([r[0] for r in rows]), "// sii, rii, rii_ratio")
    print(f"let {name}Analytic =", lit([v for r, r2 in zip(rows, rows998) for v in (*r[1:], *r2[1:])]), "// per measure: 95% lower, upper, 99.8% lower, upper")
    transformed = np.log(groups_value / (1 - groups_value)) if scale == "logit" else groups_value
    sim = simulate(transformed, ses, scale, multiplier, groups_pop, "most", 10000, 1, CONFIDENCES)
    print(f"let {name}Simulated =", lit([v for m in range(3) for c in range(2) for v in sim[c][m]]), "// per measure: 95% lower, upper, 99.8% lower, upper")
    c, se, mu = concentration(values, weights, keys, variance)
    print(f"let {name}Concentration =", lit([c, se, mu]), "// C (ranked by score, R→1 most deprived), KWV SE, mean")
    if bounds is not None:
        a, b = bounds
        print(f"let {name}Corrections =", lit([4 * mu / (b - a) * c, (b - a) * mu * c / ((b - mu) * (mu - a))]))
    if (values >= 0).all():
        print(f"let {name}Gini =", repr(float(gini_pairwise(values, weights))))
        t3, l3 = theil(values, weights, list(frame.consortium))
        print(f"let {name}Theil =", lit([*t3, *l3]), "// T total, between, within; L total, between, within (by sub-ICB)")
        print(f"let {name}Atkinson =", lit([atkinson(values, weights, e) for e in (0.5, 1, 2)]))
    else:
        print(f"// {name}: {(values < 0).sum()} negative values: Gini, Theil, Atkinson not defined")
    return rows, sim


# ---------------------------------------------------------------- smoking prevalence
smoking = pd.read_csv(os.path.join(DATA, "fingertips-smoking-prevalence-qof-2022-23.csv"))
smoking = smoking[smoking["Area Type"] == "GPs"][["Area Code", "Count", "Denominator"]]
smoking.columns = ["code", "x", "n"]
frame = smoking.merge(practices[["code", "decile", "score", "consortium"]], on="code", how="inner")
print(f"\n// ---- smoking: {len(frame)} practices of {len(smoking)}")
groups = frame.groupby("decile").agg(x=("x", "sum"), n=("n", "sum")).sort_index()
x, n = groups.x.to_numpy(float), groups.n.to_numpy(float)
p = x / n
limits = np.array([wilson(a, b, stats.norm.ppf(0.975)) for a, b in zip(x, n)])
ses = (np.log(limits[:, 1] / (1 - limits[:, 1])) - np.log(limits[:, 0] / (1 - limits[:, 0]))) / (2 * stats.norm.ppf(0.975))
print("let smokingGroupValues =", lit(p * 100))
y = frame.x.to_numpy(float) / frame.n.to_numpy(float) * 100
smoking_rows, smoking_sim = report("smoking", y, frame.n.to_numpy(float), frame.score.to_numpy(), (y / 100) * (1 - y / 100) * 1e4,
                                   p, n, ses, "logit", 100, (0, 100))
z = stats.norm.ppf(0.975)
l1, u1 = wilson(x[0], n[0], z)
l2, u2 = wilson(x[-1], n[-1], z)
d = p[0] - p[-1]
print("let smokingGap95 =", lit([100 * v for v in (d, d - math.hypot(p[0] - l1, u2 - p[-1]), d + math.hypot(u1 - p[0], p[-1] - l2))]))
r = p[0] / p[-1]
s = math.sqrt((1 - p[0]) / x[0] + (1 - p[-1]) / x[-1])
print("let smokingRatio95 =", lit([r, r * math.exp(-z * s), r * math.exp(z * s)]))

# ---------------------------------------------------------------- payments per weighted patient
pay = payments[payments.weighted > 0][["code", "total", "weighted"]]
frame = pay.merge(practices[["code", "decile", "score", "consortium"]], on="code", how="inner")
print(f"\n// ---- payments: {len(frame)} practices")
rows = []
for decile, f in frame.groupby("decile"):
    num, den = f.total.to_numpy(float), f.weighted.to_numpy(float)
    ratio = num.sum() / den.sum()
    m = len(num)
    rows.append((ratio, math.sqrt(m / (m - 1) * np.sum((num - ratio * den) ** 2)) / den.sum(), den.sum()))
rows = np.array(rows)
print("let paymentsGroupValues =", lit(rows[:, 0]))
yv = frame.total.to_numpy(float) / frame.weighted.to_numpy(float)
pay_rows, pay_sim = report("payments", yv, frame.weighted.to_numpy(float), frame.score.to_numpy(), np.zeros(len(frame)),
                           rows[:, 0], rows[:, 2], rows[:, 1], "identity", 1, None)
d = rows[0, 0] - rows[-1, 0]
print("let paymentsGap95 =", lit([d, d - z * math.hypot(rows[0, 1], rows[-1, 1]), d + z * math.hypot(rows[0, 1], rows[-1, 1])]))

print("\n// ---- summary for the README")
print(f"// smoking SII {smoking_rows[0][0]:.4f} pp (simulated 95% {smoking_sim[0][0][0]:.4f} to {smoking_sim[0][0][1]:.4f}; analytic {smoking_rows[0][1]:.4f} to {smoking_rows[0][2]:.4f}), RII {smoking_rows[1][0]:.5f}, ratio RII {smoking_rows[2][0]:.5f}")
print(f"// payments SII £{pay_rows[0][0]:.4f} (simulated 95% {pay_sim[0][0][0]:.4f} to {pay_sim[0][0][1]:.4f}; analytic {pay_rows[0][1]:.4f} to {pay_rows[0][2]:.4f}), RII {pay_rows[1][0]:.5f}, ratio RII {pay_rows[2][0]:.5f}")
