#!/usr/bin/env python3
"""Reference values for PersonBasedAcceptanceTests.swift (person-based regression, issue 6).

Regenerates with vectorised numpy arithmetic exactly the persons that GeneratedPersons.swift
generates (the two must stay in step), builds the 40-column design independently (numpy
column_stack, not the engine's code), fits it with statsmodels OLS (a QR/pinv solver, independent
of the engine's normal equations), and prints the expected values as a Swift file
(PersonBasedReference.swift) with full precision (repr round-trips).

Persons (n = 100,000), seed 20250607:
  SplitMix64 (Steele, Lea & Flood, OOPSLA 2014): output k (k = 0, 1, ...) mixes
  state = seed + (k + 1) * 0x9E3779B97F4A7C15 (mod 2^64) by
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB; z ^ (z >> 31)
  and u = (output >> 11) * 2^-53. Person i takes the 24 draws u[i, 0..23] = outputs 24 i ... 24 i + 23:
    band      = floor(19 u0)                       (age band 0-4, 5-9, ..., 85-89, 90+)
    female    = 1 if u1 < 0.51 else 0
    flag k    = 1 if u[2+k] < (0.02 + 0.01 k) * (1 + band) / 10 else 0,   k = 0..11
    imd_score = floor(8000 u14) / 100
    care_home = 1 if u15 < (0.01 (band - 13) if band >= 14 else 0.001) else 0
    distance_km = floor(3000 u16) / 100
    gp_fte    = 4 + floor(400 u17) / 100
    nurse_fte = 2 + floor(300 u18) / 100
    trust     = floor(4 u19)                       (T1 .. T4)
    q         = 0.35 + 0.03 band                   (probability of any cost)
    m         = (4 u21) * u22                      (mean 1, skewed)
    practice  = floor(50 u23)                      (P00 .. P49)
    mu = 200 + AGE[band] + 25 female + sum_k COND[k] flag_k + 2.5 imd_score + 900 care_home
         + 4 distance_km + (-15) gp_fte + 10 nurse_fte + TRUST[trust]   (added left to right)
    cost = (mu / q) * m if u20 < q else 0
  with AGE[b] = 30 |b - 8| + (45 (b - 12) if b > 12 else 0), COND = 150 + 60 k (k = 0..11),
  TRUST = [0, 35, -30, 60]. So E[cost | x] = mu exactly: OLS on the 40 terms is unbiased.
Every step is one IEEE double operation in the stated order, so numpy and Swift produce
bit-identical values; the Swift test writes them to CSV with shortest round-trip formatting and
the engine reads them back exactly (Tables parses with correct rounding).

Design (term order of the engine): intercept; need: female, the 12 flags, imd_score, care_home;
supply: distance_km, gp_fte, nurse_fte; age_band indicators (declared levels, reference 40-44)
for the other 18 bands in age order; trust indicators T2, T3, T4 (reference T1).

p-values: two-sided Student t on n - p degrees of freedom, for the classical and the HC1 t alike.
Need shares: each person's prediction with the three supply variables and the trust indicators
at their means over the 100,000 persons, summed by practice and divided by the total.

Usage: python3 make_pbra_reference.py > ../PersonBasedReference.swift   (a few seconds)
"""
import numpy as np
import scipy.stats
import statsmodels.api as sm

SEED = 20250607
PERSONS = 100_000
DRAWS = 24
GAMMA = np.uint64(0x9E3779B97F4A7C15)
MIX1 = np.uint64(0xBF58476D1CE4E5B9)
MIX2 = np.uint64(0x94D049BB133111EB)
BANDS = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
         "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]
CONDITIONS = ["diabetes", "hypertension", "copd", "asthma", "chd", "heart_failure", "stroke",
              "dementia", "depression", "serious_mental_illness", "ckd", "cancer"]


def uniforms(count):
    k = np.arange(1, count + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(SEED) + k * GAMMA
        z = (z ^ (z >> np.uint64(30))) * MIX1
        z = (z ^ (z >> np.uint64(27))) * MIX2
    z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def age_effect(b):
    return 30.0 * abs(b - 8) + (45.0 * (b - 12) if b > 12 else 0.0)


def generate():
    u = uniforms(PERSONS * DRAWS).reshape(PERSONS, DRAWS)
    band = np.floor(19.0 * u[:, 0]).astype(np.int64)
    bandf = band.astype(np.float64)
    female = np.where(u[:, 1] < 0.51, 1.0, 0.0)
    flags = np.empty((PERSONS, 12))
    for k in range(12):
        flags[:, k] = np.where(u[:, 2 + k] < (0.02 + 0.01 * k) * (1.0 + bandf) / 10.0, 1.0, 0.0)
    imd = np.floor(8000.0 * u[:, 14]) / 100.0
    care_probability = np.where(band >= 14, 0.01 * (bandf - 13.0), 0.001)
    care = np.where(u[:, 15] < care_probability, 1.0, 0.0)
    distance = np.floor(3000.0 * u[:, 16]) / 100.0
    gp = 4.0 + np.floor(400.0 * u[:, 17]) / 100.0
    nurse = 2.0 + np.floor(300.0 * u[:, 18]) / 100.0
    trust = np.floor(4.0 * u[:, 19]).astype(np.int64)
    q = 0.35 + 0.03 * bandf
    m = (4.0 * u[:, 21]) * u[:, 22]
    practice = np.floor(50.0 * u[:, 23]).astype(np.int64)
    age_table = np.array([age_effect(b) for b in range(19)])
    trust_table = np.array([0.0, 35.0, -30.0, 60.0])
    mu = 200.0 + age_table[band]
    mu = mu + 25.0 * female
    for k in range(12):
        mu = mu + (150.0 + 60.0 * k) * flags[:, k]
    mu = mu + 2.5 * imd
    mu = mu + 900.0 * care
    mu = mu + 4.0 * distance
    mu = mu + (-15.0) * gp
    mu = mu + 10.0 * nurse
    mu = mu + trust_table[trust]
    cost = np.where(u[:, 20] < q, (mu / q) * m, 0.0)
    return dict(band=band, female=female, flags=flags, imd=imd, care=care, distance=distance, gp=gp,
                nurse=nurse, trust=trust, cost=cost, practice=practice)


def design(d):
    columns = [np.ones(PERSONS), d["female"]] + [d["flags"][:, k] for k in range(12)]
    columns += [d["imd"], d["care"], d["distance"], d["gp"], d["nurse"]]
    columns += [np.where(d["band"] == b, 1.0, 0.0) for b in range(19) if b != 8]
    columns += [np.where(d["trust"] == t, 1.0, 0.0) for t in (1, 2, 3)]
    names = ["intercept", "female"] + CONDITIONS + ["imd_score", "care_home", "distance_km", "gp_fte", "nurse_fte"]
    names += ["age_band=" + BANDS[b] for b in range(19) if b != 8] + ["trust=T2", "trust=T3", "trust=T4"]
    return np.column_stack(columns), names


def true_coefficients(names):
    truth = {"intercept": 200.0, "female": 25.0, "imd_score": 2.5, "care_home": 900.0, "distance_km": 4.0,
             "gp_fte": -15.0, "nurse_fte": 10.0, "trust=T2": 35.0, "trust=T3": -30.0, "trust=T4": 60.0}
    for k, name in enumerate(CONDITIONS):
        truth[name] = 150.0 + 60.0 * k
    for b in range(19):
        if b != 8:
            truth["age_band=" + BANDS[b]] = age_effect(b)
    return [truth[name] for name in names]


def swift_array(name, values, kind="Double"):
    body = ",\n".join("        " + (repr(float(v)) if kind == "Double" else repr(v).replace("'", '"')) for v in values)
    return f"    static let {name}: [{kind}] = [\n{body},\n    ]"


def main():
    d = generate()
    X, names = design(d)
    y = d["cost"]
    n, p = X.shape
    classical = sm.OLS(y, X).fit()
    robust = sm.OLS(y, X).fit(cov_type="HC1")
    df = n - p
    t = classical.params / classical.bse
    robust_t = robust.params / robust.bse
    p_classical = 2.0 * scipy.stats.t.sf(np.abs(t), df)
    p_robust = 2.0 * scipy.stats.t.sf(np.abs(robust_t), df)
    means = X.mean(axis=0)
    supply = [i for i, name in enumerate(names) if name in ("distance_km", "gp_fte", "nurse_fte") or name.startswith("trust=")]
    need_columns = [i for i in range(p) if i not in supply]
    constant = sum(classical.params[i] * means[i] for i in supply)
    predictions = X[:, need_columns] @ classical.params[need_columns] + constant
    totals = np.bincount(d["practice"], weights=predictions, minlength=50)
    counts = np.bincount(d["practice"], minlength=50)
    shares = totals / totals.sum()

    print("// Generated by Reference/make_pbra_reference.py (numpy " + np.__version__ + ", statsmodels "
          + sm.__version__ + "); do not edit by hand.")
    print("// statsmodels OLS (pinv/QR) on the design built by numpy; HC1 by statsmodels' cov_type=\"HC1\";")
    print("// p-values two-sided Student t on n - p degrees of freedom (scipy.stats.t.sf).")
    print("enum PersonBasedReference {")
    print(f"    static let persons = {n}")
    print(swift_array("termNames", names, kind="String"))
    print(swift_array("trueCoefficients", true_coefficients(names)))
    print(swift_array("coefficients", classical.params))
    print(swift_array("standardErrors", classical.bse))
    print(swift_array("tStatistics", t))
    print(swift_array("pValues", p_classical))
    print(swift_array("robustStandardErrors", robust.bse))
    print(swift_array("robustPValues", p_robust))
    print(swift_array("nationalMeans", means))
    print(f"    static let rSquared = {float(classical.rsquared)!r}")
    print(f"    static let adjustedRSquared = {float(classical.rsquared_adj)!r}")
    print(f"    static let residualStandardError = {float(np.sqrt(classical.scale))!r}")
    print(f"    static let responseMean = {float(y.mean())!r}")
    print(swift_array("practicePatients", [int(c) for c in counts], kind="Int"))
    print(swift_array("practicePredictedCosts", totals))
    print(swift_array("practiceNeedShares", shares))
    print("}")


if __name__ == "__main__":
    main()
