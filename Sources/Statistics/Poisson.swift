import Foundation

/// Poisson distribution with mean `μ ≥ 0`.
///
/// Tail conventions: ``cdf(_:)`` is `P(X ≤ k)`, ``complementaryCDF(_:)`` is `P(X > k) = 1 − cdf(k)`,
/// and ``probabilityAtLeast(_:)`` is `P(X ≥ k)`. Through the identity
/// `P(X ≤ k) = Q(k + 1, μ)` (Abramowitz & Stegun 26.4.21) all are regularised incomplete gamma
/// values, so each tail has relative accuracy also for means up to 1e7 and beyond.
public struct Poisson: Hashable, Sendable {
    public let mean: Double

    /// - Precondition: `mean ≥ 0` and finite.
    public init(mean: Double) {
        precondition(mean >= 0 && mean.isFinite, "Poisson needs a finite mean ≥ 0")
        self.mean = mean
    }

    /// `P(X = k) = μ^k e^(−μ) / k!`, computed as `(μ^k e^(−μ)/Γ(k)) / k` with the saddle-point form of
    /// ``SpecialFunctions/regularizedGammaPrefix(_:_:)`` (the approach of Loader 2000), so it keeps
    /// relative accuracy for large `k` and `μ`.
    public func pmf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if mean == 0 { return k == 0 ? 1 : 0 }
        if k == 0 { return exp(-mean) }
        let count = Double(k)
        return SpecialFunctions.regularizedGammaPrefix(count, mean) / count
    }

    /// `P(X ≤ k) = Q(k + 1, μ)`.
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if mean == 0 { return 1 }
        return SpecialFunctions.regularizedGammaQ(Double(k) + 1, mean)
    }

    /// `P(X > k) = 1 − P(X ≤ k) = P(k + 1, μ)`, accurate relative to itself in the upper tail.
    public func complementaryCDF(_ k: Int) -> Double {
        if k < 0 { return 1 }
        if mean == 0 { return 0 }
        return SpecialFunctions.regularizedGammaP(Double(k) + 1, mean)
    }

    /// `P(X ≥ k) = P(k, μ)` (1 for `k ≤ 0`).
    public func probabilityAtLeast(_ k: Int) -> Double {
        complementaryCDF(k - 1)
    }

    /// Smallest `k ≥ 0` with `P(X ≤ k) ≥ p`, `0 ≤ p < 1` (the usual lower quantile of a discrete
    /// distribution). Starts from the Cornish–Fisher value `μ + z√μ + (z² − 1)/6` and steps to the
    /// exact answer, comparing on the upper tail `P(X > k) ≤ 1 − p` when `p > ½`.
    public func quantile(_ p: Double) -> Int {
        precondition(p >= 0 && p < 1, "Poisson.quantile needs 0 ≤ p < 1")
        if mean == 0 || p == 0 { return 0 }
        return discreteQuantile(lower: p, upper: 1 - p)
    }

    /// Smallest `k ≥ 0` with `P(X > k) ≤ q`, `0 < q ≤ 1`, accurate for tiny `q`.
    public func quantile(upperTail q: Double) -> Int {
        precondition(q > 0 && q <= 1, "Poisson.quantile(upperTail:) needs 0 < q ≤ 1")
        if mean == 0 || q == 1 { return 0 }
        return discreteQuantile(lower: 1 - q, upper: q)
    }

    func discreteQuantile(lower: Double, upper: Double) -> Int {
        let z = lower <= upper ? Normal.quantile(lower) : Normal.quantile(upperTail: upper)
        let root = mean.squareRoot()
        let guess = (mean + z * root + (z * z - 1) / 6).rounded()
        var k = Int(max(0, min(guess, 9.0e15)))
        // reached(k) ⇔ P(X ≤ k) ≥ lower, evaluated on the smaller tail.
        func reached(_ k: Int) -> Bool {
            lower <= upper ? cdf(k) >= lower : complementaryCDF(k) <= upper
        }
        if reached(k) {
            while k > 0 && reached(k - 1) { k -= 1 }
        } else {
            repeat { k += 1 } while !reached(k)
        }
        return k
    }
}
