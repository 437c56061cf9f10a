#!/usr/bin/env python3
"""Derive the coefficients of Temme's uniform asymptotic expansion of the
regularised incomplete gamma function and write them as a Swift source file.

Expansion (N. M. Temme, SIAM J. Math. Anal. 10 (1979) 757-766; Temme,
"Special Functions", Wiley 1996, section 11.2.4; DiDonato & Morris, ACM TOMS 12
(1986) 377-393):

    lambda = x / a,  eta = sign(lambda - 1) * sqrt(2 (lambda - 1 - log lambda))
    Q(a, x) = 1/2 erfc(eta sqrt(a/2)) + R_a(eta)
    P(a, x) = 1/2 erfc(-eta sqrt(a/2)) - R_a(eta)
    R_a(eta) ~ exp(-a eta^2 / 2) / sqrt(2 pi a) * sum_k C_k(eta) a^(-k)

    C_0(eta) = 1/(lambda - 1) - 1/eta
    C_k(eta) = (1/eta) dC_{k-1}/deta + gamma_k / (lambda - 1)

where 1/Gamma*(a) ~ sum_k gamma_k a^(-k) and Gamma*(a) = Gamma(a) / (sqrt(2 pi) a^(a-1/2) e^(-a)).
Each C_k is expanded as a power series in eta: C_k(eta) = sum_n d[k][n] eta^n.
All series arithmetic is exact (fractions); only the final coefficients are rounded to double.
The script then checks the truncated expansion against mpmath's incomplete gamma.

Usage: python3 make_temme_coefficients.py > ../../../Sources/Statistics/TemmeGammaCoefficients.swift
"""
from fractions import Fraction as F
import sys

K = 12          # number of C_k functions (k = 0 ... K-1)
N = 26          # power-series terms kept in each C_k
LENGTH = N + 2 * K + 4


def mul(u, v, n=LENGTH):
    out = [F(0)] * n
    for i, ui in enumerate(u[:n]):
        if ui == 0:
            continue
        for j, vj in enumerate(v[: n - i]):
            out[i + j] += ui * vj
    return out


def reciprocal(u, n=LENGTH):
    out = [F(0)] * n
    out[0] = 1 / u[0]
    for m in range(1, n):
        acc = sum((u[j] * out[m - j] for j in range(1, min(m, len(u) - 1) + 1)), F(0))
        out[m] = -acc / u[0]
    return out


def sqrt_series(u, n=LENGTH):
    # u[0] == 1
    out = [F(0)] * n
    out[0] = F(1)
    for m in range(1, n):
        acc = u[m] if m < len(u) else F(0)
        acc -= sum((out[j] * out[m - j] for j in range(1, m)), F(0))
        out[m] = acc / 2
    return out


# eta^2/2 = s - log(1+s) = sum_{n>=2} (-1)^n s^n / n, s = lambda - 1.
# eta = s * sqrt(2 * sum_{n>=2} (-1)^n s^(n-2) / n) = s * g(s), g(0) = 1.
inner = [F(2 * (-1) ** (n + 2), n + 2) for n in range(LENGTH)]
g = sqrt_series(inner)
# Revert eta = s g(s): s = eta h(eta); find h by fixed-point iteration h = 1 / g(eta h).
h = [F(1)] + [F(0)] * (LENGTH - 1)
for _ in range(LENGTH):
    s_series = [F(0)] + h[: LENGTH - 1]          # s as a series in eta
    # compose g(s(eta))
    composed = [F(0)] * LENGTH
    power = [F(1)] + [F(0)] * (LENGTH - 1)
    for coefficient in g:
        if coefficient != 0:
            composed = [c + coefficient * p for c, p in zip(composed, power)]
        power = mul(power, s_series)
    h = reciprocal(composed)
# 1/(lambda - 1) = 1/s = (1/eta) * (1/h(eta)) = (1/eta) * r(eta)
r = reciprocal(h)

# Stirling: log Gamma*(a) = sum_m B_2m / (2m (2m-1) a^(2m-1)).
def bernoulli(count):
    b = [F(0)] * (count + 1)
    b[0] = F(1)
    for m in range(1, count + 1):
        b[m] = -sum((binom(m + 1, j) * b[j] for j in range(m)), F(0)) / (m + 1)
    return b


def binom(n, k):
    from math import comb
    return comb(n, k)


B = bernoulli(2 * K + 4)
log_gamma_star = [F(0)] * (K + 2)
for m in range(1, (K + 3) // 2 + 1):
    if 2 * m - 1 < K + 2:
        log_gamma_star[2 * m - 1] = B[2 * m] / (2 * m * (2 * m - 1))
# 1/Gamma*(a) = exp(-log Gamma*(a)) as a series in u = 1/a.
neg = [-c for c in log_gamma_star]
gamma_k = [F(0)] * (K + 2)
term = [F(1)] + [F(0)] * (K + 1)
factorial = 1
for j in range(0, K + 2):
    if j > 0:
        term = mul(term, neg, K + 2)
        factorial *= j
    gamma_k = [a + t / factorial for a, t in zip(gamma_k, term)]

# C_0 = 1/s - 1/eta = sum_{n>=1} r_n eta^(n-1)
C = [r[1:]]
for k in range(1, K):
    previous = C[-1]
    # (1/eta) C' = sum_{n>=1} n d_n eta^(n-2); coefficient of eta^-1 is d_1
    derivative_over_eta = [n * previous[n] for n in range(1, len(previous))]  # index 0 -> eta^-1
    pole = derivative_over_eta[0] + gamma_k[k] * r[0]
    if pole != 0:
        sys.exit(f"pole does not cancel for k={k}: {pole}")
    length = len(derivative_over_eta) - 1
    nxt = [derivative_over_eta[n + 1] + gamma_k[k] * r[n + 1] for n in range(min(length, len(r) - 1))]
    C.append(nxt)

for k in range(K):
    if len(C[k]) < N:
        sys.exit(f"series for C_{k} too short: {len(C[k])}")

# Check against mpmath.
import mpmath
mpmath.mp.dps = 40


def temme_q(a, x):
    a = mpmath.mpf(a); x = mpmath.mpf(x)
    lam = x / a
    eta = mpmath.sign(lam - 1) * mpmath.sqrt(2 * (lam - 1 - mpmath.log(lam)))
    total = mpmath.mpf(0)
    for k in range(K):
        ck = sum(mpmath.mpf(C[k][n].numerator) / C[k][n].denominator * eta ** n for n in range(N))
        total += ck / a ** k
    return mpmath.erfc(eta * mpmath.sqrt(a / 2)) / 2 + mpmath.exp(-a * eta ** 2 / 2) / mpmath.sqrt(2 * mpmath.pi * a) * total


worst = 0.0
for a in (20, 50, 200, 1000, 10 ** 5, 10 ** 7):
    for ratio in (0.7, 0.8, 0.9, 0.99, 1.0, 1.01, 1.1, 1.2, 1.3):
        x = a * ratio
        exact = mpmath.gammainc(a, x, mpmath.inf, regularized=True)
        err = abs(temme_q(a, x) / exact - 1)
        worst = max(worst, float(err))
        print(f"// check a={a} x/a={ratio}: relative error of truncated expansion {float(err):.2e}", file=sys.stderr)

print("// Generated by Tests/StatisticsTests/Reference/make_temme_coefficients.py; do not edit by hand.")
print("// Exact rational coefficients derived there, rounded to the nearest double.")
print()
print("/// Power-series coefficients d[k][n] of the functions C_k(eta) = sum_n d[k][n] eta^n in Temme's")
print("/// uniform asymptotic expansion of the regularised incomplete gamma function,")
print("/// Q(a, x) = erfc(eta sqrt(a/2))/2 + exp(-a eta^2/2)/sqrt(2 pi a) * sum_k C_k(eta) a^-k")
print("/// (Temme 1979; DiDonato & Morris 1986, whose table lists the first of these).")
print(f"/// {K} functions C_0 ... C_{K-1}, {N} terms each, flattened row by row (row k starts at k * {N}).")
print(f"/// Worst relative error of the truncated expansion in the generator's mpmath check: {worst:.1e}.")
print("let temmeGammaCoefficients: [Double] = [")
for k in range(K):
    row = ", ".join(repr(float(c)) for c in C[k][:N])
    print(f"    // C_{k}")
    print(f"    {row},")
print("]")
print()
print(f"/// Number of C_k functions in ``temmeGammaCoefficients``.")
print(f"let temmeGammaFunctionCount = {K}")
print(f"/// Number of power-series terms kept for each C_k.")
print(f"let temmeGammaTermCount = {N}")
