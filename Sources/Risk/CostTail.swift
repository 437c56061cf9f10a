import Foundation
import Statistics

/// The distribution of a person's annual cost given that the cost is not zero.
///
/// Partial moments `E[Yᵏ; a < Y ≤ b]` (k = 0…3) are what the simulation's layers and the
/// error bound need; both families have them in closed form:
/// - lognormal, ln Y ~ N(μ, σ²): `E[Yᵏ; Y ≤ t] = exp(kμ + k²σ²/2) · Φ((ln t − μ)/σ − kσ)`
///   (Johnson, Kotz and Balakrishnan, *Continuous Univariate Distributions* vol. 1, 2nd ed.,
///   ch. 14, the "first-moment distribution" of the lognormal);
/// - gamma, shape α and scale θ: `E[Yᵏ; Y ≤ t] = θᵏ · α(α+1)…(α+k−1) · P(α+k, t/θ)`, with P the
///   regularised lower incomplete gamma function (the same book, ch. 17).
/// Differences of two distribution functions are taken on the side where both are small
/// (upper tails by `complementaryCDF`), so a layer far in the tail keeps its relative accuracy.
public enum CostTail: Hashable, Sendable {
    /// ln(cost) is normal with mean `logMean` (μ) and standard deviation `logStandardDeviation` (σ > 0).
    case lognormal(logMean: Double, logStandardDeviation: Double)
    /// Gamma with `shape` α > 0 and `scale` θ > 0: mean αθ, variance αθ².
    case gamma(shape: Double, scale: Double)

    /// E[Yᵏ] for k = 0…3: lognormal exp(kμ + k²σ²/2); gamma θᵏ α(α+1)…(α+k−1).
    public func moment(order k: Int) -> Double {
        precondition(k >= 0 && k <= 3, "CostTail.moment: order \(k)")
        switch self {
        case let .lognormal(mu, sigma):
            let order = Double(k)
            return exp(order * mu + order * order * sigma * sigma / 2)
        case let .gamma(shape, scale):
            var product = 1.0
            for step in 0..<k { product *= (shape + Double(step)) * scale }
            return product
        }
    }

    /// The mean E[Y].
    public var mean: Double { moment(order: 1) }

    /// The variance E[Y²] − E[Y]².
    public var variance: Double {
        switch self {
        case let .lognormal(mu, sigma):
            // exp(2μ + σ²)(exp(σ²) − 1), written with expm1 so a small σ keeps its digits.
            return exp(2 * mu + sigma * sigma) * expm1(sigma * sigma)
        case let .gamma(shape, scale):
            return shape * scale * scale
        }
    }

    /// P(Y > t); 1 for t ≤ 0.
    public func survival(_ t: Double) -> Double {
        if t <= 0 { return 1 }
        if t == .infinity { return 0 }
        switch self {
        case let .lognormal(mu, sigma):
            return Normal.complementaryCDF((log(t) - mu) / sigma)
        case let .gamma(shape, scale):
            return GammaDistribution(shape: shape, scale: scale).complementaryCDF(t)
        }
    }

    /// The t with P(Y > t) = q, for 0 < q < 1 (accurate for small q).
    public func quantile(upperTail q: Double) -> Double {
        precondition(q > 0 && q < 1, "CostTail.quantile: q = \(q)")
        switch self {
        case let .lognormal(mu, sigma):
            return exp(mu + sigma * Normal.quantile(upperTail: q))
        case let .gamma(shape, scale):
            return GammaDistribution(shape: shape, scale: scale).quantile(upperTail: q)
        }
    }

    /// E[Yᵏ; a < Y ≤ b] for 0 ≤ a ≤ b ≤ ∞ and k = 0…3 (k = 0 gives P(a < Y ≤ b)).
    public func partialMoment(order k: Int, above a: Double, upTo b: Double) -> Double {
        precondition(a <= b, "CostTail.partialMoment: \(a) > \(b)")
        let full = moment(order: k)
        if a == b { return 0 }
        switch self {
        case let .lognormal(mu, sigma):
            // Y ≤ t  ⇔  Z ≤ (ln t − μ)/σ; weighting by Yᵏ shifts the normal by kσ.
            let shift = Double(k) * sigma
            let lower = a <= 0 ? -Double.infinity : (log(a) - mu) / sigma - shift
            let upper = b == .infinity ? Double.infinity : (log(b) - mu) / sigma - shift
            return full * normalMass(from: lower, to: upper)
        case let .gamma(shape, scale):
            let weighted = GammaDistribution(shape: shape + Double(k), scale: scale)
            let mode = (shape + Double(k)) * scale
            if a >= mode {
                // Both ends in the upper tail: difference of upper-tail probabilities.
                let upperTail = b == .infinity ? 0 : weighted.complementaryCDF(b)
                return full * (weighted.complementaryCDF(a) - upperTail)
            }
            let lowerPart = a <= 0 ? 0 : weighted.cdf(a)
            let upperPart = b == .infinity ? 1 : weighted.cdf(b)
            return full * (upperPart - lowerPart)
        }
    }

    /// Φ(upper) − Φ(lower), from whichever tail keeps the difference accurate.
    private func normalMass(from lower: Double, to upper: Double) -> Double {
        if lower == upper { return 0 }
        if lower == -.infinity && upper == .infinity { return 1 }
        if lower == -.infinity { return Normal.cdf(upper) }
        if upper == .infinity { return Normal.complementaryCDF(lower) }
        if lower > 0 {
            return Normal.complementaryCDF(lower) - Normal.complementaryCDF(upper)
        }
        return Normal.cdf(upper) - Normal.cdf(lower)
    }
}
