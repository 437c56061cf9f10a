"""Reference values for RiskTests, computed independently of the Swift code.

Partial moments by numerical integration (scipy.integrate.quad) rather than the closed forms
the engine uses; distribution functions of exact sums with scipy.stats. Run with
`python3 risk_reference.py`; the printed numbers are pasted into the tests with this file named.
"""
import math
from scipy import integrate, stats

def partial_moment(dist, k, a, b):
    value, _ = integrate.quad(lambda y: y**k * dist.pdf(y), a, b, limit=500, epsabs=0, epsrel=1e-13)
    return value

print("# lognormal mu=6, sigma=1.3")
ln = stats.lognorm(s=1.3, scale=math.exp(6))
print("E[Y; Y<=1000]      ", repr(partial_moment(ln, 1, 0, 1000)))
print("E[Y^2; 500<Y<=5000]", repr(partial_moment(ln, 2, 500, 5000)))
print("E[Y^3; Y<=20000]   ", repr(partial_moment(ln, 3, 0, 20000)))
print("P(Y > 20000)       ", repr(ln.sf(20000)))
print("upper 0.001 quantile", repr(ln.isf(0.001)))

print("# gamma shape=2.5 scale=400")
g = stats.gamma(2.5, scale=400)
print("E[Y; Y<=1000]      ", repr(partial_moment(g, 1, 0, 1000)))
print("E[Y^2; 3000<Y<=8000]", repr(partial_moment(g, 2, 3000, 8000)))
print("E[Y^3; Y>4000]     ", repr(partial_moment(g, 3, 4000, math.inf)))
print("P(Y > 6000)        ", repr(g.sf(6000)))

print("# exact sum: Gamma(450, 1000)")
s = stats.gamma(450, scale=1000)
print("P(S > 480000)      ", repr(s.sf(480000)))
print("Q(0.95), Q(0.99)   ", repr(s.ppf(0.95)), repr(s.ppf(0.99)))

print("# compound: K ~ Bin(400, 0.7), S = Gamma(0.8K, 500)")
def compound_sf(x, n, p, shape, scale):
    total = 0.0
    for k in range(1, n + 1):
        total += stats.binom.pmf(k, n, p) * stats.gamma.sf(x, shape * k, scale=scale)
    return total
print("P(S > 120000)      ", repr(compound_sf(120000, 400, 0.7, 0.8, 500)))
print("P(S > 100000)      ", repr(compound_sf(100000, 400, 0.7, 0.8, 500)))

print("# excess above 3000 of 20000 exponential(1000) persons: Gamma(K, 1000), K ~ Bin(20000, e^-3)")
p = math.exp(-3)
print("E[excess]          ", repr(20000 * p * 1000))
print("P(excess > 1.05e6) ", repr(compound_sf(1.05e6, 20000, p, 1.0, 1000)))

print("# normal approximation worked example")
mean = 100 * 50 + 50 * 200
variance = 100 * 5000 + 50 * 40000
sd = math.sqrt(variance)
print("mean, sd           ", mean, repr(sd))
print("P(S > 16000)       ", repr(stats.norm.sf((16000 - mean) / sd)))
print("overspend p95, p99 ", repr(mean + sd * stats.norm.ppf(0.95) - 16000), repr(mean + sd * stats.norm.ppf(0.99) - 16000))
