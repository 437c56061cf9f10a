import Foundation

/// Binomial distribution: number of successes in `n` independent trials with success probability `θ`.
///
/// Tail conventions as for ``Poisson``: ``cdf(_:)`` = `P(X ≤ k)`, ``complementaryCDF(_:)`` =
/// `P(X > k)`, ``probabilityAtLeast(_:)`` = `P(X ≥ k)`. Uses `P(X > k) = I_θ(k + 1, n − k)`
/// (Abramowitz & Stegun 26.5.24), each tail computed directly, so both keep relative accuracy for
/// `n` up to 1e7 and beyond.
public struct Binomial: Hashable, Sendable {
    public let trials: Int
    public let probability: Double

    /// - Precondition: `trials ≥ 0`, `0 ≤ probability ≤ 1`.
    public init(trials: Int, probability: Double) {
        precondition(trials >= 0, "Binomial needs trials ≥ 0")
        precondition(probability >= 0 && probability <= 1, "Binomial needs 0 ≤ probability ≤ 1")
        self.trials = trials
        self.probability = probability
    }

    /// `P(X = k) = C(n, k) θ^k (1−θ)^(n−k)`, computed as
    /// `n / (k (n−k)) · θ^k (1−θ)^(n−k) / B(k, n−k)` with the saddle-point form of the beta factor
    /// (relative accuracy for large `n`, as in Loader 2000); `(1−θ)^n = exp(n log1p(−θ))` at `k = 0`.
    public func pmf(_ k: Int) -> Double {
        if k < 0 || k > trials { return 0 }
        let n = Double(trials)
        if probability == 0 { return k == 0 ? 1 : 0 }
        if probability == 1 { return k == trials ? 1 : 0 }
        if k == 0 { return exp(n * log1p(-probability)) }
        if k == trials { return exp(n * log(probability)) }
        let successes = Double(k)
        let failures = n - successes
        let prefix = SpecialFunctions.betaPrefix(successes, failures, x: probability, y: 1 - probability)
        return n / (successes * failures) * prefix
    }

    /// `P(X ≤ k) = 1 − I_θ(k + 1, n − k)`.
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= trials { return 1 }
        if probability == 0 { return 1 }
        if probability == 1 { return 0 }
        return incompleteBeta(above: k).upper
    }

    /// `P(X > k) = I_θ(k + 1, n − k)`, accurate relative to itself in the upper tail.
    public func complementaryCDF(_ k: Int) -> Double {
        if k < 0 { return 1 }
        if k >= trials { return 0 }
        if probability == 0 { return 0 }
        if probability == 1 { return 1 }
        return incompleteBeta(above: k).lower
    }

    /// `P(X ≥ k)` (1 for `k ≤ 0`).
    public func probabilityAtLeast(_ k: Int) -> Double {
        complementaryCDF(k - 1)
    }

    func incompleteBeta(above k: Int) -> IncompleteBetaValue {
        let successes = Double(k) + 1
        let failures = Double(trials - k)
        return SpecialFunctions.incompleteBeta(successes, failures, x: probability, y: 1 - probability)
    }

    /// Smallest `k` in `0...n` with `P(X ≤ k) ≥ p`, `0 ≤ p < 1`. Starts from the Cornish–Fisher value
    /// `nθ + zσ + (z² − 1)(1 − 2θ)/6` and steps to the exact answer, comparing on the upper tail when
    /// `p > ½`.
    public func quantile(_ p: Double) -> Int {
        precondition(p >= 0 && p < 1, "Binomial.quantile needs 0 ≤ p < 1")
        return discreteQuantile(lower: p, upper: 1 - p)
    }

    /// Smallest `k` in `0...n` with `P(X > k) ≤ q`, `0 < q ≤ 1`, accurate for tiny `q`.
    public func quantile(upperTail q: Double) -> Int {
        precondition(q > 0 && q <= 1, "Binomial.quantile(upperTail:) needs 0 < q ≤ 1")
        return discreteQuantile(lower: 1 - q, upper: q)
    }

    func discreteQuantile(lower: Double, upper: Double) -> Int {
        if lower == 0 || trials == 0 || probability == 0 { return 0 }
        if probability == 1 { return trials }
        let n = Double(trials)
        let z = lower <= upper ? Normal.quantile(lower) : Normal.quantile(upperTail: upper)
        let sigma = (n * probability * (1 - probability)).squareRoot()
        let guess = (n * probability + z * sigma + (z * z - 1) * (1 - 2 * probability) / 6).rounded()
        var k = Int(max(0, min(guess, n)))
        func reached(_ k: Int) -> Bool {
            lower <= upper ? cdf(k) >= lower : complementaryCDF(k) <= upper
        }
        if reached(k) {
            while k > 0 && reached(k - 1) { k -= 1 }
        } else {
            repeat { k += 1 } while k < trials && !reached(k)
        }
        return k
    }
}
