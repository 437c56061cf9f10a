import Foundation
import Population
import Statistics

/// Draws one person's cost given that it exceeds the simulation threshold s — exactly, by
/// rejection or resampling, so the persons above s are simulated without approximation.
///
/// - Lognormal, Y = e^(μ + σZ) with Z > z_s = (ln s − μ)/σ: for z_s < ½ (or s = 0) Z is drawn
///   normal until it exceeds z_s (acceptance ≥ 1 − Φ(½) = 0.31); beyond, Robert's exponential
///   rejection (*Simulation of truncated normal variables*, Statistics and Computing 5, 1995):
///   Z = z_s + E/α with E standard exponential and α = (z_s + √(z_s² + 4))/2, accepted when
///   −ln U ≥ (Z − α)²/2 (acceptance ≥ 0.76 for z_s ≥ ½).
/// - Gamma with shape k and scale θ, G = Y/θ > c = s/θ: when P(G > c) ≥ ¼, G is drawn until it
///   exceeds c; beyond (then c is past the median, hence past the mode k − 1), G = c + E/λ with
///   λ = 1 − max(k − 1, 0)/c, accepted with probability (1 + E′/c)^(k−1)·e^(−(1−λ)E′), E′ = E/λ,
///   which is ≤ 1 because ln(1 + x) ≤ x — the density (c + e)^(k−1)e^(−e) over its envelope
///   c^(k−1)e^(−λe).
/// - Empirical: a cost drawn uniformly from the observed costs above s.
/// A zero cost is only ever drawn by the empirical sampler with s = −∞.
enum ExceedanceSampler: Sendable {
    case lognormalAboveByNormalRejection(logMean: Double, logStandardDeviation: Double, lowerDeviate: Double)
    case lognormalAboveByExponential(logMean: Double, logStandardDeviation: Double, lowerDeviate: Double, rate: Double)
    case gammaAboveByRejection(shape: Double, scale: Double, lowerStandard: Double)
    case gammaAboveByExponential(shape: Double, scale: Double, lowerStandard: Double, rate: Double)
    case empirical(costs: [Double], start: Int)

    /// The sampler of X given X > s for a cell distribution.
    init(distribution: PersonCostDistribution, threshold s: Double) {
        switch distribution {
        case .empirical(let cost):
            self = .empirical(costs: cost.sortedCosts, start: cost.firstIndex(above: s))
        case .parametric(let cost):
            precondition(s >= 0 && cost.tail != nil, "ExceedanceSampler: threshold \(s)")
            switch cost.tail! {
            case let .lognormal(mu, sigma):
                let deviate = s > 0 ? (log(s) - mu) / sigma : -Double.infinity
                if deviate < 0.5 {
                    self = .lognormalAboveByNormalRejection(logMean: mu, logStandardDeviation: sigma, lowerDeviate: deviate)
                } else {
                    let rate = (deviate + (deviate * deviate + 4).squareRoot()) / 2
                    self = .lognormalAboveByExponential(logMean: mu, logStandardDeviation: sigma, lowerDeviate: deviate, rate: rate)
                }
            case let .gamma(shape, scale):
                let c = s / scale
                let beyondMode = shape <= 1 || c > shape - 1
                if c == 0 || !beyondMode || GammaDistribution(shape: shape).complementaryCDF(c) >= 0.25 {
                    self = .gammaAboveByRejection(shape: shape, scale: scale, lowerStandard: c)
                } else {
                    let rate = 1 - max(shape - 1, 0) / c
                    self = .gammaAboveByExponential(shape: shape, scale: scale, lowerStandard: c, rate: rate)
                }
            }
        }
    }

    /// One draw of X given X > s.
    @inline(__always)
    func draw(_ random: inout SyntheticRandom) -> Double {
        switch self {
        case let .lognormalAboveByNormalRejection(mu, sigma, lower):
            var z = random.normal()
            while z <= lower { z = random.normal() }
            return exp(mu + sigma * z)
        case let .lognormalAboveByExponential(mu, sigma, lower, rate):
            while true {
                let z = lower + random.standardExponential() / rate
                let gap = z - rate
                if random.standardExponential() >= 0.5 * gap * gap { return exp(mu + sigma * z) }
            }
        case let .gammaAboveByRejection(shape, scale, lower):
            var g = random.gamma(shape: shape)
            while g <= lower { g = random.gamma(shape: shape) }
            return scale * g
        case let .gammaAboveByExponential(shape, scale, lower, rate):
            while true {
                let excess = random.standardExponential() / rate
                let logAcceptance = (shape - 1) * log1p(excess / lower) - (1 - rate) * excess
                if -random.standardExponential() <= logAcceptance { return scale * (lower + excess) }
            }
        case let .empirical(costs, start):
            return costs[start + random.nextInt(below: costs.count - start)]
        }
    }
}
