"""Reference values for InequalityTests, computed another way (numpy, scipy, statsmodels).

Run: python3 inequality_reference.py  (Python 3.11, numpy, scipy, pandas, statsmodels)
Prints Swift literals that are pasted into ReferenceValuesTests.swift.

Independence from the engine: the SII and its analytic limits come from statsmodels' WLS
(QR-based) and its covariance matrix; the simulation refits every draw with numpy's lstsq on the
square-root-weighted design (the engine uses closed-form sums); the concentration index comes from
the "convenient regression" (weighted OLS slope); the Gini from the O(n^2) pairwise definition;
the deciles from pandas sorting and cumulative sums; Wilson/Byar/exact limits from their formulas
with scipy quantiles. Only the random stream is shared by design (portable_random.py).
"""
import math
import numpy as np
import pandas as pd
from scipy import stats

from portable_random import StandardNormalSampler
from reference_methods import (Z975, analytic, atkinson, byar_or_exact, concentration, gini_pairwise, lit,
                               simulate, theil, weighted_groups, wilson)


# ---------------------------------------------------------------- synthetic practices (seeded)
rng = np.random.default_rng(20250101)
n_practices = 60
codes = [f"P{i:03d}" for i in range(1, n_practices + 1)]
consortia = [f"C{1 + i // 20}" for i in range(n_practices)]
scores = np.round(rng.uniform(5, 60, n_practices), 1)
scores[7] = scores[3]          # ties on score, broken by code when grouping
scores[41] = scores[12]
registered = rng.integers(1500, 15000, n_practices).astype(float)
denominators = np.round(registered * 0.82)
smokers = rng.binomial(denominators.astype(int), 0.06 + 0.003 * scores).astype(float)
payments = np.round(denominators * (150 + 0.8 * scores + rng.normal(0, 12, n_practices)), 2)
practices = pd.DataFrame(dict(code=codes, consortium=consortia, score=scores, registered=registered,
                              denominator=denominators, smokers=smokers, payments=payments))


practices["decile"], practices["midpoint"] = weighted_groups(practices, 10)
within = practices.groupby("consortium", group_keys=False).apply(lambda f: weighted_groups(f, 5)[0])
practices["consortium_quintile"] = within

print("// ---- practices (code, consortium, score, registered, denominator, smokers, payments)")
print("let referenceCodes =", "[" + ", ".join(f'"{c}"' for c in codes) + "]")
print("let referenceScores =", lit(scores))
print("let referenceRegistered =", lit(registered))
print("let referenceDenominators =", lit(denominators))
print("let referenceSmokers =", lit(smokers))
print("let referencePayments =", lit(payments))
print("let referenceDeciles =", "[" + ", ".join(str(int(g)) for g in practices["decile"]) + "]")
print("let referenceMidpoints =", lit(practices["midpoint"]))
print("let referenceConsortiumQuintiles =", "[" + ", ".join(str(int(g)) for g in practices["consortium_quintile"]) + "]")


CONFIDENCES = [0.95, 0.998]

# ---------------------------------------------------------------- 1. proportion across deciles
print("\n// ---- 1. smoking proportion by national decile, multiplier 100, most minus least, seed 2024, 10000 reps")
deciles = practices.groupby("decile").agg(x=("smokers", "sum"), n=("denominator", "sum")).sort_index()
x, n = deciles.x.to_numpy(), deciles.n.to_numpy()
p = x / n
limits95 = np.array([wilson(xi, ni, Z975) for xi, ni in zip(x, n)])
print("let proportionGroupValues =", lit(p * 100))
print("let proportionGroupLower95 =", lit(limits95[:, 0] * 100))
print("let proportionGroupUpper95 =", lit(limits95[:, 1] * 100))
transformed = np.log(p / (1 - p))
ses = (np.log(limits95[:, 1] / (1 - limits95[:, 1])) - np.log(limits95[:, 0] / (1 - limits95[:, 0]))) / (2 * Z975)
print("let proportionTransformed =", lit(transformed))
print("let proportionTransformedSE =", lit(ses))
ranks, analytic_rows = analytic(p * 100, n, "most", 0.95)
print("let proportionRanks =", lit(ranks))
print("let proportionPoint =", lit([r[0] for r in analytic_rows]), "// sii, rii, rii_ratio")
print("let proportionAnalytic95 =", lit([v for r in analytic_rows for v in r[1:]]), "// lower, upper per measure")
_, analytic998 = analytic(p * 100, n, "most", 0.998)
print("let proportionAnalytic998 =", lit([v for r in analytic998 for v in r[1:]]))
sim = simulate(transformed, ses, "logit", 100, n, "most", 10000, 2024, CONFIDENCES)
print("let proportionSimulated95 =", lit([v for pair in sim[0] for v in pair]))
print("let proportionSimulated998 =", lit([v for pair in sim[1] for v in pair]))
# gap and ratio: decile 1 versus decile 10
for confidence in CONFIDENCES:
    z = stats.norm.ppf(0.5 + confidence / 2)
    l1, u1 = wilson(x[0], n[0], z)
    l2, u2 = wilson(x[-1], n[-1], z)
    d = p[0] - p[-1]
    gap = (d, d - math.sqrt((p[0] - l1) ** 2 + (u2 - p[-1]) ** 2), d + math.sqrt((u1 - p[0]) ** 2 + (p[-1] - l2) ** 2))
    se_log = math.sqrt((1 - p[0]) / x[0] + (1 - p[-1]) / x[-1])
    r = p[0] / p[-1]
    ratio = (r, r * math.exp(-z * se_log), r * math.exp(z * se_log))
    print(f"let proportionGap{str(confidence * 100).replace('.', '_')} =", lit([v * 100 for v in gap]), "// Newcombe method 10, ×100")
    print(f"let proportionRatio{str(confidence * 100).replace('.', '_')} =", lit(ratio), "// Katz log")
# practice-level distribution measures (values ×100, weights = denominators)
y = practices.smokers.to_numpy() / practices.denominator.to_numpy() * 100
w = practices.denominator.to_numpy()
pv = (y / 100) * (1 - y / 100) * 100 * 100
c, se, mu = concentration(y, w, practices.score.to_numpy(), pv)   # ranked least deprived (low score) to most
print("let proportionConcentration =", lit([c, se, mu]), "// C ranked by score (R→1 most deprived), KWV SE, mean")
print("let proportionCorrections =", lit([4 * mu / 100 * c, 100 * mu * c / ((100 - mu) * mu)]), "// Erreygers, Wagstaff on [0, 100]")
c_group, se_group, _ = concentration(y, w, -practices.decile.to_numpy().astype(float), pv)
print("let proportionConcentrationByDecile =", lit([c_group, se_group]))
print("let proportionGini =", repr(float(gini_pairwise(y, w))))
(t3, l3) = theil(y, w, list(practices.consortium))
print("let proportionTheilT =", lit(t3), "// total, between, within consortia")
print("let proportionTheilL =", lit(l3))
print("let proportionAtkinson =", lit([atkinson(y, w, e) for e in (0.5, 1, 2)]))

# ---------------------------------------------------------------- 2. ratio of sums (payments per patient)
print("\n// ---- 2. payments per patient (ratio of sums) by decile, multiplier 1, most minus least, seed 7, 10000 reps")
groups = []
for decile, frame in practices.groupby("decile"):
    num, den = frame.payments.to_numpy(), frame.denominator.to_numpy()
    ratio = num.sum() / den.sum()
    m = len(num)
    se = math.sqrt(m / (m - 1) * np.sum((num - ratio * den) ** 2)) / den.sum()
    groups.append((ratio, se, den.sum(), m))
groups = np.array(groups)
print("let ratioGroupValues =", lit(groups[:, 0]))
print("let ratioGroupSE =", lit(groups[:, 1]))
ranks, rows = analytic(groups[:, 0], groups[:, 2], "most", 0.95)
print("let ratioPoint =", lit([r[0] for r in rows]))
print("let ratioAnalytic95 =", lit([v for r in rows for v in r[1:]]))
sim = simulate(groups[:, 0], groups[:, 1], "identity", 1, groups[:, 2], "most", 10000, 7, CONFIDENCES)
print("let ratioSimulated95 =", lit([v for pair in sim[0] for v in pair]))
print("let ratioSimulated998 =", lit([v for pair in sim[1] for v in pair]))
z = Z975
d = groups[0, 0] - groups[-1, 0]
print("let ratioGap95 =", lit([d, d - z * math.hypot(groups[0, 1], groups[-1, 1]), d + z * math.hypot(groups[0, 1], groups[-1, 1])]))
r = groups[0, 0] / groups[-1, 0]
se_log = math.hypot(groups[0, 1] / groups[0, 0], groups[-1, 1] / groups[-1, 0])
print("let ratioRatio95 =", lit([r, r * math.exp(-z * se_log), r * math.exp(z * se_log)]))
yv = practices.payments.to_numpy() / practices.denominator.to_numpy()
c, se, mu = concentration(yv, w, practices.score.to_numpy(), np.zeros(n_practices))
print("let ratioConcentration =", lit([c, se, mu]))
print("let ratioGini =", repr(float(gini_pairwise(yv, w))))
(t3, l3) = theil(yv, w, list(practices.consortium))
print("let ratioTheilT =", lit(t3))
print("let ratioTheilL =", lit(l3))
print("let ratioAtkinson =", lit([atkinson(yv, w, e) for e in (0.5, 1, 2)]))

# ---------------------------------------------------------------- 3. values with 95% limits (PHE's documented example inputs)
print("\n// ---- 3. value with limits (PHEindicatormethods phe_sii example 'Area1'), identity, least minus most, seed 99")
population = np.array([7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534], dtype=float)
value = np.array([75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3])
lower = np.array([72.7, 75.3, 80.9, 80.2, 77.1, 78, 79, 81.4, 75.8, 83.2])
upper = np.array([79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4])
ses = (upper - lower) / (2 * Z975)
print("let valueSE =", lit(ses))
ranks, rows = analytic(value, population, "least", 0.95)
print("let valuePoint =", lit([r[0] for r in rows]))
print("let valueAnalytic95 =", lit([v for r in rows for v in r[1:]]))
_, rows_iv = analytic(value, population, "least", 0.95, inverse_variance=1 / ses ** 2)
print("let valueInverseVariancePoint =", lit([r[0] for r in rows_iv]))
print("let valueInverseVarianceAnalytic95 =", lit([v for r in rows_iv for v in r[1:]]))
sim = simulate(value, ses, "identity", 1, population, "least", 10000, 99, CONFIDENCES)
print("let valueSimulated95 =", lit([v for pair in sim[0] for v in pair]))
sim_iv = simulate(value, ses, "identity", 1, population, "least", 10000, 99, [0.95], inverse_variance=1 / ses ** 2)
print("let valueInverseVarianceSimulated95 =", lit([v for pair in sim_iv[0] for v in pair]))

# ---------------------------------------------------------------- 4. rates by quintile (group-level counts)
print("\n// ---- 4. rate per 100,000 by quintile (group-level counts), log scale, most minus least, seed 5")
deaths = np.array([412.0, 305.0, 233.0, 160.0, 7.0])
persons = np.array([61000.0, 58000.0, 60500.0, 59000.0, 4000.0])
rate = deaths / persons
limits = np.array([byar_or_exact(o, Z975, 0.95) for o in deaths]) / persons[:, None]
print("let rateGroupValues =", lit(rate * 1e5))
print("let rateGroupLower95 =", lit(limits[:, 0] * 1e5))
print("let rateGroupUpper95 =", lit(limits[:, 1] * 1e5))
transformed = np.log(rate)
ses = (np.log(limits[:, 1]) - np.log(limits[:, 0])) / (2 * Z975)
ranks, rows = analytic(rate * 1e5, persons, "most", 0.95)
print("let ratePoint =", lit([r[0] for r in rows]))
print("let rateAnalytic95 =", lit([v for r in rows for v in r[1:]]))
sim = simulate(transformed, ses, "log", 1e5, persons, "most", 10000, 5, CONFIDENCES)
print("let rateSimulated95 =", lit([v for pair in sim[0] for v in pair]))
print("let rateSimulated998 =", lit([v for pair in sim[1] for v in pair]))
for confidence in CONFIDENCES:
    zc = stats.norm.ppf(0.5 + confidence / 2)
    l1, u1 = np.array(byar_or_exact(deaths[0], zc, confidence)) / persons[0]
    l2, u2 = np.array(byar_or_exact(deaths[-1], zc, confidence)) / persons[-1]
    d = rate[0] - rate[-1]
    gap = (d, d - math.sqrt((rate[0] - l1) ** 2 + (u2 - rate[-1]) ** 2), d + math.sqrt((u1 - rate[0]) ** 2 + (rate[-1] - l2) ** 2))
    r = rate[0] / rate[-1]
    se_log = math.sqrt(1 / deaths[0] + 1 / deaths[-1])
    print(f"let rateGap{str(confidence * 100).replace('.', '_')} =", lit([v * 1e5 for v in gap]), "// MOVER from Byar/exact limits")
    print(f"let rateRatio{str(confidence * 100).replace('.', '_')} =", lit([r, r * math.exp(-zc * se_log), r * math.exp(zc * se_log)]))

print("\n// ---- 5. concentration index of 2,000 individuals, y_i = (7919 i mod 11) + 4 i / 2000, ranked by i:")
print("//      the point estimate, and its standard error by the delete-one jackknife (an independent method that")
print("//      the KWV formula matches asymptotically)")
individuals = 2000
index = np.arange(individuals)
y_individual = ((index * 7919) % 11).astype(float) + 4.0 * index / individuals


def plain_concentration(values):
    count = len(values)
    ranks = (np.arange(count) + 0.5) / count
    return 2 * np.mean((values - values.mean()) * (ranks - 0.5)) / values.mean()


jackknife = np.array([plain_concentration(np.delete(y_individual, k)) for k in range(individuals)])
jackknife_se = math.sqrt((individuals - 1) / individuals * np.sum((jackknife - jackknife.mean()) ** 2))
print("let individualConcentration =", lit([plain_concentration(y_individual), jackknife_se]))

print("\n// ---- portable random stream: first four normal deviates for seed 42")
print("let normalsSeed42 =", lit(StandardNormalSampler(42).block(4)))
