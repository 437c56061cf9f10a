"""Methods of the inequality reference scripts, written independently of the engine with numpy,
scipy, pandas and statsmodels (see inequality_reference.py for what is independent of what)."""
import math

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from portable_random import StandardNormalSampler

Z975 = stats.norm.ppf(0.975)


def lit(values):
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def weighted_groups(frame, k, population="registered", score="score", code="code"):
    """Population-weighted quantiles: most deprived (highest score) first, ties by code, group of
    the cumulative midpoint: floor(k * midpoint) + 1, capped at k."""
    ordered = frame.sort_values([score, code], ascending=[False, True])
    pops = ordered[population].to_numpy()
    cumulative = np.cumsum(pops)
    midpoint = (cumulative - pops / 2) / pops.sum()
    group = np.minimum(np.floor(k * midpoint).astype(int) + 1, k)
    return pd.Series(group, index=ordered.index), pd.Series(midpoint, index=ordered.index)


def wilson(x, n, z):
    p = x / n
    centre = 2 * x + z * z
    half = z * math.sqrt(z * z + 4 * x * (1 - p))
    return (centre - half) / (2 * (n + z * z)), (centre + half) / (2 * (n + z * z))


def byar_or_exact(o, z, confidence):
    if o < 10:
        alpha = 1 - confidence
        lower = 0.0 if o == 0 else stats.chi2.ppf(alpha / 2, 2 * o) / 2
        upper = stats.chi2.ppf(1 - alpha / 2, 2 * o + 2) / 2
        return lower, upper
    lower = o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3
    upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * math.sqrt(o + 1))) ** 3
    return lower, upper


def sii_measures(a, b, direction):
    sign = -1.0 if direction == "most" else 1.0
    sii = sign * b
    rii = sii / (a + b / 2)
    ratio = a / (a + b) if direction == "most" else (a + b) / a
    return np.array([sii, rii, ratio])


def analytic(values, pops, direction, confidence, inverse_variance=None):
    shares = pops / pops.sum()
    x = np.cumsum(shares) - shares / 2
    weights = pops if inverse_variance is None else inverse_variance
    model = sm.WLS(values, sm.add_constant(x), weights=weights).fit()
    a, b = model.params
    if inverse_variance is None:
        cov = model.cov_params()
        crit = stats.t.ppf(0.5 + confidence / 2, len(values) - 2)
    else:
        cov = model.normalized_cov_params      # known unit variance
        crit = stats.norm.ppf(0.5 + confidence / 2)
    centre = sii_measures(a, b, direction)
    out = []
    for index in range(3):
        step = 1e-6 * max(abs(a), abs(b), 1)
        grad = np.array([(sii_measures(a + step, b, direction)[index] - sii_measures(a - step, b, direction)[index]) / (2 * step),
                         (sii_measures(a, b + step, direction)[index] - sii_measures(a, b - step, direction)[index]) / (2 * step)])
        se = math.sqrt(grad @ np.asarray(cov) @ grad)
        out.append((centre[index], centre[index] - crit * se, centre[index] + crit * se))
    return x, out


def simulate(transformed, ses, scale, multiplier, pops, direction, reps, seed, confidences, inverse_variance=None):
    sampler = StandardNormalSampler(seed)
    draws = np.array(sampler.block(reps * len(pops))).reshape(reps, len(pops))
    t = transformed[None, :] + ses[None, :] * draws
    if scale == "logit":
        y = 1 / (1 + np.exp(-t))
    elif scale == "log":
        y = np.exp(t)
    else:
        y = t
    y = y * multiplier
    shares = pops / pops.sum()
    x = np.cumsum(shares) - shares / 2
    weights = pops if inverse_variance is None else inverse_variance
    root = np.sqrt(weights)
    design = np.column_stack([root, root * x])
    coefficients, *_ = np.linalg.lstsq(design, (y * root[None, :]).T, rcond=None)
    a, b = coefficients
    measures = np.vstack([sii_measures(a[r], b[r], direction) for r in range(reps)])
    results = []
    for confidence in confidences:
        low = int(np.round(reps * (1 - confidence) / 2))   # numpy rounds half to even, as R does
        high = int(np.round(reps * (1 + confidence) / 2))
        row = []
        for index in range(3):
            ordered = np.sort(measures[:, index])
            row.append((ordered[low - 1], ordered[high - 1]))
        results.append(row)
    return results


def concentration(values, weights, keys, individual_variance):
    frame = pd.DataFrame(dict(y=values, w=weights, key=keys, v=individual_variance))
    total = frame.w.sum()
    classes = frame.groupby("key", sort=True).apply(
        lambda g: pd.Series(dict(w=g.w.sum(), mean=np.average(g.y, weights=g.w),
                                 var=np.average(g.v + (g.y - np.average(g.y, weights=g.w)) ** 2, weights=g.w))))
    f = classes.w.to_numpy() / total
    means = classes["mean"].to_numpy()
    mu = float(f @ means)
    ranks = np.cumsum(f) - f / 2
    # convenient regression on the units: 2 var_w(R) y/mu = alpha + beta R, weighted by population
    unit_rank = frame.key.map(dict(zip(classes.index, ranks))).to_numpy()
    var_r = np.average((unit_rank - np.average(unit_rank, weights=weights)) ** 2, weights=weights)
    fit = sm.WLS(2 * var_r * values / mu, sm.add_constant(unit_rank), weights=weights).fit()
    c = fit.params[1]
    q = np.cumsum(f * means / mu)
    q_before = np.concatenate([[0.0], q[:-1]])
    a = means / mu * (2 * ranks - 1 - c) + 2 - q_before - q
    variance = (f @ a ** 2 - (1 + c) ** 2) / total + (f * classes["var"].to_numpy()) @ (2 * ranks - 1 - c) ** 2 / (total * mu * mu)
    return c, math.sqrt(variance), mu


def gini_pairwise(values, weights):
    total = weights.sum()
    mu = weights @ values / total
    return (weights[:, None] * weights[None, :] * np.abs(values[:, None] - values[None, :])).sum() / (2 * total * total * mu)


def theil(values, weights, labels):
    s = weights / weights.sum()
    mu = s @ values
    t_total = float(np.sum(np.where(values > 0, s * values / mu * np.log(np.where(values > 0, values, 1) / mu), 0)))
    l_total = float(np.sum(s * np.log(mu / values)))
    t_between = t_within = l_between = l_within = 0.0
    for label in sorted(set(labels)):
        m = np.array([lab == label for lab in labels])
        sg = s[m].sum()
        mg = np.average(values[m], weights=weights[m])
        sh = weights[m] / weights[m].sum()
        t_between += sg * mg / mu * math.log(mg / mu)
        l_between += sg * math.log(mu / mg)
        t_within += sg * mg / mu * float(np.sum(sh * values[m] / mg * np.log(values[m] / mg)))
        l_within += sg * float(np.sum(sh * np.log(mg / values[m])))
    return (t_total, t_between, t_within), (l_total, l_between, l_within)


def atkinson(values, weights, epsilon):
    s = weights / weights.sum()
    mu = s @ values
    if epsilon == 1:
        return 1 - math.exp(s @ np.log(values)) / mu
    return 1 - (s @ (values / mu) ** (1 - epsilon)) ** (1 / (1 - epsilon))


