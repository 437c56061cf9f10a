"""Independent reference for PremiumTests/ReferenceSchemeTests.swift.

Computes a ten-practice, four-measure quality-premium scheme (per-head pot, a failed standard,
minimum list size, prevalence adjustment with power 1/2 and a population index, a lower-is-better
measure on a weighted list, an improvement measure, a per-head cap and a floor) in exact rational
arithmetic (fractions.Fraction) except the square roots of the prevalence ratios, which are taken
in double precision and then held exactly. The common scale is found differently from the
engine: bisection on the total paid, then the statuses (floor, free, cap) at the bisected scale
give the exact linear solution. Payments are rounded to pence by largest remainder, ties by code.

Run: python3 premium_reference.py   (prints the values pasted into the Swift test)
"""
from fractions import Fraction as F
import math

codes = ["P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10"]
lists = [4200, 8100, 2300, 11900, 6400, 900, 15200, 3700, 5600, 7300]
weighted = [4620, 7695, 2990, 10115, 6400, 1080, 13680, 3885, 6440, 7154]

# measure: id, weight, polarity, scoring, lower, upper, basis, min denominator
measures = [
    ("hyp", 35, "higher", "level", 45, 80, "list", 20),
    ("dm", 25, "higher", "level", 40, 75, "prevalence", 0),
    ("abx", 20, "lower", "level", 8, 15, "weighted", 0),
    ("flu", 20, "higher", "improvement", 0, 6, "list", 0),
]
# (numerator, denominator, exceptions) per practice, per measure
achievement = {
    "hyp": [(380, 560, 40), (700, 1150, 50), (120, 300, 10), (1300, 1700, 100), (520, 800, 20), (40, 60, 0),
            (1500, 2000, 120), (10, 25, 8), (470, 640, 30), (560, 1000, 40)],
    "dm": [(150, 260, 20), (330, 520, 30), (60, 140, 5), (600, 810, 45), (250, 400, 18), (20, 50, 2),
           (700, 1000, 60), (100, 240, 10), (300, 350, 25), (210, 460, 12)],
    "abx": [(90, 1000, 0), (160, 1500, 0), (70, 500, 0), (260, 2400, 0), (95, 1300, 0), (15, 150, 0),
            (250, 3300, 0), (60, 700, 0), (140, 1000, 0), (110, 1400, 0)],
    "flu": [(640, 900, 20), (1200, 1700, 40), (300, 480, 10), (1800, 2400, 60), (900, 1300, 30), (120, 200, 5),
            (2300, 3100, 90), (500, 760, 12), (800, 1150, 25), (1000, 1500, 35)],
}
baseline = {
    "flu": [(600, 880, 20), (1150, 1680, 30), (310, 470, 10), (1700, 2380, 50), (880, 1290, 30), (118, 200, 4),
            (2150, 3050, 80), (470, 750, 10), (790, 1150, 20), (920, 1480, 40)],
}
per_head = F(210, 100)
standards_failed, reduction_percent = 1, 5
minimum_list = 1000
cap_per_head = F(260, 100)
floor_pence = 50000


def round_half_up(x):
    return int(math.floor(x + F(1, 2))) if x >= 0 else -int(math.floor(-x + F(1, 2)))


def largest_remainder(quotas, total, rank_keys):
    floors = [math.floor(q) for q in quotas]
    left = total - sum(floors)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - floors[i]), rank_keys[i]))
    for k in range(left):
        floors[order[k]] += 1
    return floors


def run(unearned):
    n = len(codes)
    registered = sum(lists)
    base = round_half_up(per_head * 100 * registered)
    after_standards = round_half_up(F(base) * (1 - F(reduction_percent * standards_failed, 100)))
    pot = after_standards
    total_weight = sum(m[1] for m in measures)
    measure_pots = largest_remainder([F(pot * m[1], total_weight) for m in measures], pot, [m[0] for m in measures])

    earned = [[F(0)] * len(measures) for _ in range(n)]
    for k, (mid, weight, polarity, scoring, lower, upper, basis_kind, min_den) in enumerate(measures):
        rows = achievement[mid]
        eligible = [lists[i] >= minimum_list and rows[i][1] - rows[i][2] >= min_den for i in range(n)]
        prevalence_c = F(sum(r[1] for r in rows), registered)
        mean_list = F(registered, n)
        bases, scores = [], []
        for i in range(n):
            num, den, exc = rows[i]
            a = F(100 * num, den - exc)
            if scoring == "improvement":
                bn, bd, be = baseline[mid][i]
                a = a - F(100 * bn, bd - be) if polarity == "higher" else F(100 * bn, bd - be) - a
            if scoring == "level" and polarity == "lower":
                s = (F(upper) - a) / (upper - lower)
            else:
                s = (a - lower) / F(upper - lower)
            scores.append(min(F(1), max(F(0), s)))
            if basis_kind == "list":
                b = F(lists[i])
            elif basis_kind == "weighted":
                b = F(weighted[i])
            else:
                ratio = F(den, lists[i]) / prevalence_c
                b = F(math.sqrt(float(ratio))) * F(lists[i]) / mean_list
            bases.append(b if eligible[i] else F(0))
        total_basis = sum(bases)
        for i in range(n):
            if eligible[i]:
                earned[i][k] = measure_pots[k] * scores[i] * bases[i] / total_basis
    e = [sum(row) for row in earned]
    caps = [F(math.floor(cap_per_head * 100 * lists[i])) for i in range(n)]
    floors = [F(floor_pence)] * n

    def paid(scale):
        return [f if ei == 0 else min(c, max(f, scale * ei)) for ei, f, c in zip(e, floors, caps)]

    maximum = None if unearned == "redistribute" else F(1)
    if maximum is not None and sum(paid(maximum)) <= pot:
        scale = maximum
    else:
        lo, hi = 0.0, 1.0
        while float(sum(paid(F(hi)))) < pot:
            hi *= 2
        for _ in range(200):
            mid = (lo + hi) / 2
            if sum(paid(F(mid))) < pot:
                lo = mid
            else:
                hi = mid
        probe = (lo + hi) / 2
        held, free = F(0), F(0)
        for ei, f, c in zip(e, floors, caps):
            x = probe * float(ei)
            if ei == 0 or x <= f:
                held += f
            elif x >= c:
                held += c
            else:
                free += ei
        scale = (pot - held) / free
    payments = paid(scale)
    distributed = pot if maximum is None or scale < maximum else round_half_up(sum(payments))
    pence = largest_remainder(payments, distributed, codes)
    return pot, measure_pots, e, scale, payments, distributed, pence


for mode in ["redistribute", "return"]:
    pot, measure_pots, e, scale, payments, distributed, pence = run(mode)
    print(mode)
    print("  pot", pot, "measure pots", measure_pots)
    print("  earned (pence)", [f"{float(x):.6f}" for x in e])
    print("  scale", repr(float(scale)))
    print("  payments (pence, exact)", [f"{float(x):.6f}" for x in payments])
    print("  distributed", distributed, "returned", pot - distributed)
    print("  payments (whole pence)", pence)
