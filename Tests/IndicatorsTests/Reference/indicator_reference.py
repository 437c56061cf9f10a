#!/usr/bin/env python3
"""Independent reference values for the Indicators tests.

Each statistic is recomputed here from its published formula with numpy and scipy's own
distribution quantiles (scipy.stats.norm, chi2, t), without looking at the Swift code. The
printed values are pasted into Tests/IndicatorsTests/*.swift; the test suite does not run Python.

Run: python3 indicator_reference.py  (Python 3.11, numpy, scipy)

Sources of the formulas:
- Wilson score interval: Wilson (1927); Newcombe & Altman in Statistics with Confidence (2000).
- Byar's approximation and the exact Poisson interval: Breslow & Day (1987); Armitage & Berry (2002).
  Switch: exact when the count < 10 (PHEindicatormethods phe_rate / calculate_ISRatio).
- Dobson et al. (1991) limits for a DSR, suppressed when the total count < 10.
- Indirect standardisation: expected = sum(n_i * reference rate_i).
- Student t interval for a mean.
- Chiang II abridged life table with Silcocks et al. (2001) variance, as in the PHE life
  expectancy calculator: ax = 0.1 for age 0 and 0.5 elsewhere, final band 90+.
"""
import numpy as np
from scipy.stats import norm, chi2, t

LEVELS = (95.0, 99.8)


def z_of(level):
    alpha = 1 - level / 100
    return norm.ppf(1 - alpha / 2)


def show(name, *values):
    print(name + ": " + " ".join(repr(float(v)) for v in values))


def wilson(x, n, level):
    z = z_of(level)
    p = x / n
    root = z * np.sqrt(z * z + 4 * x * (1 - p))
    return (2 * x + z * z - root) / (2 * (n + z * z)), (2 * x + z * z + root) / (2 * (n + z * z))


def byar(o, level):
    z = z_of(level)
    lower = o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3
    upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * np.sqrt(o + 1))) ** 3
    return lower, upper


def exact_poisson(o, level):
    alpha = 1 - level / 100
    lower = 0.0 if o == 0 else chi2.ppf(alpha / 2, 2 * o) / 2
    upper = chi2.ppf(1 - alpha / 2, 2 * o + 2) / 2
    return lower, upper


def count_limits(o, level):
    return exact_poisson(o, level) if o < 10 else byar(o, level)


print("# z")
show("z95 z99.8", z_of(95), z_of(99.8))

print("# proportions (Wilson): value lower95 upper95 lower99.8 upper99.8")
for name, x, n, multiplier in [
    ("P1 0/10", 0, 10, 100), ("P2 10/10", 10, 10, 100), ("P3 1/2", 1, 2, 100),
    ("P4 3/50", 3, 50, 100), ("P5 514/3336", 514, 3336, 100),
    ("P6 7664426/52100343", 7664426, 52100343, 100), ("P7 37/120 x1", 37, 120, 1),
]:
    out = [x / n * multiplier]
    for level in LEVELS:
        lo, hi = wilson(x, n, level)
        out += [lo * multiplier, hi * multiplier]
    show(name, *out)

print("# crude rates: value lower95 upper95 lower99.8 upper99.8")
for name, o, n, multiplier in [
    ("R1 0/1000", 0, 1000, 1e5), ("R2 1/2500", 1, 2500, 1e5), ("R3 9/40000", 9, 40000, 1e5),
    ("R4 10/40000", 10, 40000, 1e5), ("R5 11/5000", 11, 5000, 1e5), ("R6 250/123456", 250, 123456, 1e5),
    ("R7 12345/6789012", 12345, 6789012, 1e5), ("R8 4/37.5 x1000", 4, 37.5, 1e3),
]:
    out = [o / n * multiplier]
    for level in LEVELS:
        lo, hi = count_limits(o, level)
        out += [lo / n * multiplier, hi / n * multiplier]
    show(name, *out)

ESP2013 = np.array([5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500,
                    5000, 4000, 2500, 1500, 1000], dtype=float)


def dsr(counts, pops, weights, multiplier, level):
    counts, pops, weights = (np.asarray(a, dtype=float) for a in (counts, pops, weights))
    total = counts.sum()
    value = (weights * counts / pops).sum() / weights.sum() * multiplier
    variance = ((weights / pops) ** 2 * counts).sum() / weights.sum() ** 2
    lo, hi = byar(total, level)
    scale = np.sqrt(variance / total) * multiplier
    return value, value + scale * (lo - total), value + scale * (hi - total)


print("# DSR (Dobson, ESP 2013 unless said): total_count total_pop value lower95 upper95 lower99.8 upper99.8")
D1_COUNTS = [3, 0, 1, 2, 4, 5, 6, 8, 10, 14, 19, 26, 33, 41, 52, 60, 55, 40, 28]
D1_POPS = [5210, 5544, 5390, 5102, 6120, 6711, 7003, 6890, 6512, 6230, 6088, 5890, 5402, 4980,
           4411, 3320, 2280, 1350, 702.5]
D2_COUNTS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 1, 2, 1, 2, 1]
D2_POPS = [812, 790, 801, 770, 654, 702, 731, 768, 790, 805, 822, 811, 760, 700, 650, 520, 380, 210, 95]
D3_COUNTS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 1, 2, 1, 1, 1]
for name, counts, pops, weights in [
    ("D1", D1_COUNTS, D1_POPS, ESP2013), ("D2 total 10", D2_COUNTS, D2_POPS, ESP2013),
    ("D3 total 9 (suppressed; value shown for reference)", D3_COUNTS, D2_POPS, ESP2013),
    ("D4 custom standard 0-39,40-64,65+ = 50,30,20", [12, 40, 95], [40000, 25000, 9000], [50, 30, 20]),
    ("D5 under 75: D1's bands 0-4 to 70-74, ESP 2013 weights of those bands", D1_COUNTS[:15], D1_POPS[:15], ESP2013[:15]),
]:
    out = [sum(counts), sum(pops)]
    for i, level in enumerate(LEVELS):
        v, lo, hi = dsr(counts, pops, weights, 1e5, level)
        out += ([v] if i == 0 else []) + [lo, hi]
    show(name, *out)

print("# indirect standardisation: observed expected ratio(x1) lower95 upper95 lower99.8 upper99.8"
      " | ratio x100 ... | ref_rate per 1e5, rate, limits")
REF_COUNTS = np.array([40, 120, 600, 2400, 5200], dtype=float)
REF_POPS = np.array([200000, 180000, 150000, 90000, 40000], dtype=float)
REF_RATE_CRUDE = REF_COUNTS.sum() / REF_POPS.sum()
for name, counts, pops in [
    ("I1 observed 0", [0, 0, 0, 0, 0], [900, 800, 700, 300, 100]),
    ("I2 observed 3", [0, 0, 1, 1, 1], [900, 800, 700, 300, 100]),
    ("I3 observed 9", [0, 1, 2, 3, 3], [1900, 1800, 1500, 700, 300]),
    ("I4 observed 10", [0, 1, 2, 3, 4], [1900, 1800, 1500, 700, 300]),
    ("I5 observed 250", [1, 3, 20, 96, 130], [9000, 8500, 7000, 4200, 2100]),
]:
    observed = float(sum(counts))
    expected = float((np.asarray(pops, dtype=float) * REF_COUNTS / REF_POPS).sum())
    out = [observed, expected]
    for factor in (1, 100):
        out.append(observed / expected * factor)
        for level in LEVELS:
            lo, hi = count_limits(observed, level)
            out += [lo / expected * factor, hi / expected * factor]
    ref_rate = REF_RATE_CRUDE * 1e5
    out.append(ref_rate)
    out.append(observed / expected * ref_rate)
    for level in LEVELS:
        lo, hi = count_limits(observed, level)
        out += [lo / expected * ref_rate, hi / expected * ref_rate]
    show(name, *out)

print("# indirect standardisation against the input's own total (areas A, B, C; bands 0-39, 40-64, 65+):"
      " observed expected ratio(x100) lower95 upper95 lower99.8 upper99.8")
OWN = {"A": ([4, 20, 61], [12000, 8000, 3000]), "B": ([2, 9, 30], [9000, 5000, 1500]),
       "C": ([7, 31, 88], [15000, 9000, 4000])}
own_counts = np.sum([np.asarray(c, dtype=float) for c, _ in OWN.values()], axis=0)
own_pops = np.sum([np.asarray(p, dtype=float) for _, p in OWN.values()], axis=0)
for area, (counts, pops) in OWN.items():
    observed = float(sum(counts))
    expected = float((np.asarray(pops, dtype=float) * own_counts / own_pops).sum())
    out = [observed, expected, observed / expected * 100]
    for level in LEVELS:
        lo, hi = count_limits(observed, level)
        out += [lo / expected * 100, hi / expected * 100]
    show("I6 area " + area, *out)

print("# means (Student t): value_sum value_count stdev value lower95 upper95 lower99.8 upper99.8")
M3 = [round(((i * 37) % 51) / 10 + 0.25 * (i % 4), 2) for i in range(30)]
for name, values in [("M1 two values", [4.2, 5.9]), ("M2 skewed five", [1, 2, 3, 4, 100]),
                     ("M3 thirty", M3)]:
    values = np.asarray(values, dtype=float)
    k = len(values)
    mean = values.mean()
    sd = values.std(ddof=1)
    out = [values.sum(), k, sd, mean]
    for level in LEVELS:
        q = t.ppf(1 - (1 - level / 100) / 2, k - 1)
        out += [mean - q * sd / np.sqrt(k), mean + q * sd / np.sqrt(k)]
    show(name, *out)
print("M3 values: " + ", ".join(repr(v) for v in M3))

STARTS = [0, 1] + list(range(5, 95, 5))


def life_table(deaths, pops, level):
    """Chiang II abridged life table, Silcocks variance; returns e, se per band start."""
    deaths = np.asarray(deaths, dtype=float)
    pops = np.asarray(pops, dtype=float)
    k = len(STARTS)
    widths = np.array([STARTS[i + 1] - STARTS[i] for i in range(k - 1)] + [np.nan])
    a = np.array([0.1] + [0.5] * (k - 1))
    m = deaths / pops
    q = np.empty(k)
    for i in range(k - 1):
        if deaths[i] <= pops[i] / widths[i] / a[i]:
            q[i] = m[i] * widths[i] / (1 + m[i] * widths[i] * (1 - a[i]))
        else:
            q[i] = 1.0
    q[k - 1] = 1.0
    l = np.empty(k)
    l[0] = 100000.0
    for i in range(1, k):
        l[i] = l[i - 1] * (1 - q[i - 1])
    d = np.append(l[:-1] - l[1:], l[-1])
    big_l = np.empty(k)
    for i in range(k - 1):
        big_l[i] = widths[i] * (l[i + 1] + a[i] * d[i])
    big_l[k - 1] = l[k - 1] / m[k - 1]
    big_t = np.cumsum(big_l[::-1])[::-1]
    e = np.where(l > 0, big_t / np.where(l > 0, l, 1), 0.0)
    var_p = np.zeros(k)
    for i in range(k - 1):
        var_p[i] = 0.0 if d[i] == 0 else q[i] ** 2 * (1 - q[i]) / deaths[i]
    var_p[k - 1] = 4 / (deaths[k - 1] * m[k - 1] ** 2)
    w = np.empty(k)
    for i in range(k - 1):
        w[i] = var_p[i] * l[i] ** 2 * ((1 - a[i]) * widths[i] + e[i + 1]) ** 2
    w[k - 1] = (l[k - 1] / 2) ** 2 * var_p[k - 1]
    st = np.cumsum(w[::-1])[::-1]
    se = np.sqrt(st / l ** 2)
    return e, se


def show_life(name, deaths, pops, ages):
    for age in ages:
        i = STARTS.index(age)
        out = []
        e, se = life_table(deaths, pops, 95)
        out.append(e[i])
        for level in LEVELS:
            z = z_of(level)
            out += [e[i] - z * se[i], e[i] + z * se[i]]
        out.append(z_of(95) * se[i] * 2)
        show(f"{name} at {age}", *out)


print("# life expectancy: value lower95 upper95 lower99.8 upper99.8 width95")
LE_POPS = [7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411,
           39820, 37978, 37039, 33288, 23306, 11936, 11936]
LE_DEATHS = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937]
show_life("L1 PHE example", LE_DEATHS, LE_POPS, STARTS)
L2_DEATHS = list(LE_DEATHS)
L2_DEATHS[18] = 5000  # 85-89: 5000 deaths of 11936 people, more than 40%: q set to 1
show_life("L2 q capped at 85-89", L2_DEATHS, LE_POPS, [0, 65])
L3_DEATHS = list(LE_DEATHS)
L3_DEATHS[3] = 0  # no deaths at 10-14
L3_DEATHS[4] = 0  # nor at 15-19
show_life("L3 zero deaths 10-19", L3_DEATHS, LE_POPS, [0, 10, 65])
L5_POPS = list(LE_POPS)
L5_POPS[19] = 50
L5_DEATHS = list(LE_DEATHS)
L5_DEATHS[19] = 3
show_life("L5 small 90+", L5_DEATHS, L5_POPS, [0, 85, 90])
