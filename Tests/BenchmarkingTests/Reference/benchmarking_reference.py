"""Independent reference values for the Benchmarking tests.

Run:  python3 benchmarking_reference.py > benchmarking_reference.txt
(Python 3.11, numpy 2.4, scipy 1.17, pandas 3.1, statsmodels). Seed 20250901 for every random draw.

Everything here is computed with numpy/scipy/statsmodels routines, independently of the Swift code:
- funnel limits: scipy.stats.binom / scipy.stats.poisson CDFs, with the quantile found by a search on
  the CDF, and Spiegelhalter's (2005, Appendix) interpolation alpha = (F(r) - p) / (F(r) - F(r - 1)),
  limit = (r - alpha) / n;
- over-dispersion: z-scores, numpy.percentile (linear interpolation) and numpy.clip for the
  Winsorisation, phi = mean of squared Winsorised z, tau^2 = (I phi - (I - 1)) / (sum w - sum w^2 / sum w),
  scipy.stats.chi2.ppf for the test threshold;
- Newcombe's hybrid score difference: statsmodels confint_proportions_2indep(method="newcomb");
- Mahalanobis distances: scipy.spatial.distance.cdist(..., "mahalanobis", VI=inv(cov)) on the RAW
  features (Mahalanobis distance is affine invariant, so this is a different route from standardising
  first); Euclidean on z-scores with cdist;
- quintiles: pandas rank(method="min").
The values are printed with r() (17 significant digits) and pasted into the Swift tests.
"""
import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import cdist
from statsmodels.stats.proportion import confint_proportions_2indep

SEED = 20250901


def r(value):
    """17 significant digits, without numpy's type wrapper."""
    return repr(float(value))

rng = np.random.default_rng(SEED)

def quantile_index(cdf, p, start):
    r = int(start)
    while r > 0 and cdf(r - 1) >= p:
        r -= 1
    while cdf(r) < p:
        r += 1
    return r

def interpolated_limit(cdf, p, start, scale):
    r = quantile_index(cdf, p, start)
    upper = cdf(r)
    below = cdf(r - 1) if r > 0 else 0.0
    alpha = (upper - p) / (upper - below)
    return max(0.0, (r - alpha) / scale)

def binomial_limit(n, theta, p):
    d = stats.binom(n, theta)
    return interpolated_limit(d.cdf, p, d.ppf(p), n)

def poisson_limit(exposure, theta, p):
    d = stats.poisson(theta * exposure)
    return interpolated_limit(d.cdf, p, d.ppf(p), exposure)

PROBABILITIES = [0.001, 0.025, 0.975, 0.999]

print("# exact binomial limits: n, theta, p -> limit")
for n in [1, 7, 25, 120, 1000, 20000, 103735]:
    for theta in [0.02, 0.1471089355400213, 0.5, 0.93]:
        print(n, r(theta), [r(binomial_limit(n, theta, p)) for p in PROBABILITIES])

print("# exact Poisson limits: exposure, theta, p -> limit")
for exposure in [0.5, 3.0, 12.7, 150.0, 2500.25]:
    for theta in [1.0, 0.87]:
        print(r(exposure), r(theta), [r(poisson_limit(exposure, theta, p)) for p in PROBABILITIES])
for exposure in [50.0, 800.0, 12000.0]:
    theta = 0.0123
    print(r(exposure), r(theta), [r(poisson_limit(exposure, theta, p)) for p in PROBABILITIES])

print("# normal quantiles")
for p in PROBABILITIES:
    print(p, r(stats.norm.ppf(p)))

def overdispersion(y, s, theta, winsor):
    z = (y - theta) / s
    lo, hi = np.percentile(z, [winsor, 100 - winsor])
    zw = np.clip(z, lo, hi)
    count = len(z)
    phi = float(np.mean(zw ** 2))
    w = 1 / s ** 2
    tau2 = max(0.0, (count * phi - (count - 1)) / (w.sum() - (w ** 2).sum() / w.sum()))
    threshold = stats.chi2.ppf(0.95, count - 1) / count
    return z, lo, hi, phi, tau2, threshold

print("# over-dispersion: proportions (beta-binomial draws)")
count = 40
n = rng.integers(50, 20000, size=count)
p_true = rng.beta(15, 85, size=count)
x = rng.binomial(n, p_true)
print("numerators", list(map(int, x)))
print("denominators", list(map(int, n)))
theta = x.sum() / n.sum()
y = x / n
s = np.sqrt(theta * (1 - theta) / n)
for winsor in [10, 5, 0]:
    z, lo, hi, phi, tau2, threshold = overdispersion(y, s, theta, winsor)
    print("winsor", winsor, "theta", r(theta), "cuts", r(lo), r(hi), "phi", r(phi), "tau2", r(tau2),
          "phi_threshold", r(threshold))
z, lo, hi, phi, tau2, threshold = overdispersion(y, s, theta, 10)
print("z first 5", [r(v) for v in z[:5]])
z975 = stats.norm.ppf(0.975)
z999 = stats.norm.ppf(0.999)
for i in [0, 1, 17]:
    add95 = (theta - z975 * np.sqrt(s[i] ** 2 + tau2), theta + z975 * np.sqrt(s[i] ** 2 + tau2))
    add998 = (theta - z999 * np.sqrt(s[i] ** 2 + tau2), theta + z999 * np.sqrt(s[i] ** 2 + tau2))
    mul95 = (theta - z975 * np.sqrt(phi) * s[i], theta + z975 * np.sqrt(phi) * s[i])
    print("org", i, "additive95", r(add95[0]), r(add95[1]), "additive998", r(add998[0]), r(add998[1]),
          "multiplicative95", r(mul95[0]), r(mul95[1]))

print("# over-dispersion: ratios O/E (Poisson with log-normal excess)")
count = 25
expected = rng.uniform(2, 300, size=count)
observed = rng.poisson(expected * np.exp(rng.normal(0, 0.25, size=count)))
print("observed", list(map(int, observed)))
print("expected", [r(v) for v in expected])
theta = observed.sum() / expected.sum()
y = observed / expected
s = np.sqrt(theta / expected)
z, lo, hi, phi, tau2, threshold = overdispersion(y, s, theta, 10)
print("theta", r(theta), "cuts", r(lo), r(hi), "phi", r(phi), "tau2", r(tau2), "phi_threshold", r(threshold))

print("# over-dispersion: rates O/person-years, target supplied 0.004 (not pooled)")
count = 12
years = rng.integers(1000, 100000, size=count).astype(float)
events = rng.poisson(0.004 * years * rng.gamma(20, 1 / 20, size=count))
print("events", list(map(int, events)))
print("years", [r(v) for v in years])
theta = 0.004
y = events / years
s = np.sqrt(theta / years)
z, lo, hi, phi, tau2, threshold = overdispersion(y, s, theta, 10)
print("theta", r(theta), "cuts", r(lo), r(hi), "phi", r(phi), "tau2", r(tau2), "phi_threshold", r(threshold))

print("# Newcombe hybrid score difference p2 - p1 (statsmodels, compare diff)")
for (x1, n1, x2, n2) in [(56, 70, 48, 80), (9, 10, 3, 10), (0, 20, 5, 25), (514, 3336, 560, 3400)]:
    for conf in [0.95, 0.998]:
        low, upp = confint_proportions_2indep(x2, n2, x1, n1, method="newcomb", compare="diff", alpha=1 - conf)
        print(x1, n1, x2, n2, conf, r(x2 / n2 - x1 / n1), r(low), r(upp))

print("# rate ratio (O2/n2)/(O1/n1), log-normal: exp(log R +- z sqrt(1/O1 + 1/O2))")
for (o1, n1, o2, n2) in [(120, 50000.0, 150, 52000.0), (12, 800.0, 4, 900.0)]:
    ratio = (o2 / n2) / (o1 / n1)
    se = np.sqrt(1 / o1 + 1 / o2)
    zq = stats.norm.ppf(0.975)
    print(o1, n1, o2, n2, r(ratio), r(np.exp(np.log(ratio) - zq * se)), r(np.exp(np.log(ratio) + zq * se)))

print("# peers: 30 organisations x 4 features, two identical organisations (P07 copies P03)")
codes = [f"P{i:02d}" for i in range(30)]
mean = [8000, 0.18, 25, 0.3]
cov = np.array([[9e6, 60, 3000, 150], [60, 0.002, 0.1, 0.004], [3000, 0.1, 100, 0.5], [150, 0.004, 0.5, 0.04]])
features = rng.multivariate_normal(mean, cov, size=30)
features[7] = features[3]
for code, row in zip(codes, features):
    print(code, [r(v) for v in row])
VI = np.linalg.inv(np.cov(features.T))
mahalanobis = cdist(features, features, "mahalanobis", VI=VI)
zscored = (features - features.mean(axis=0)) / features.std(axis=0, ddof=1)
euclid = cdist(zscored, zscored, "euclidean")
for name, dist in [("mahalanobis", mahalanobis), ("euclidean", euclid)]:
    for i in [0, 3, 7, 12, 23]:
        others = [j for j in range(30) if j != i]
        order = sorted(others, key=lambda j: (dist[i, j], codes[j]))[:5]
        print(name, codes[i], [(codes[j], r(dist[i, j])) for j in order])

print("# quintiles and deciles with ties (rank min)")
values = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3], dtype=float)
ranks = pd.Series(values).rank(method="min").astype(int).to_numpy()
count = len(values)
print("values", [float(v) for v in values])
print("quintiles", [int(v) for v in (5 * (ranks - 1)) // count + 1])
print("deciles", [int(v) for v in (10 * (ranks - 1)) // count + 1])

print("# chi-square 95% quantiles (over-dispersion thresholds)")
for degrees in [3, 39, 6377]:
    print(degrees, r(stats.chi2.ppf(0.95, degrees)))
