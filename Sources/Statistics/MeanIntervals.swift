import Foundation

extension ConfidenceInterval {
    /// t-based interval for a mean: `mean ± t(1 − α/2; n − 1) · s / √n` (Student 1908; methods.md).
    /// - Parameters:
    ///   - mean: sample mean.
    ///   - sd: sample standard deviation `s` (divisor `n − 1`).
    ///   - n: sample size.
    /// - Precondition: `n ≥ 2`, `sd ≥ 0`.
    public static func studentTMean(mean: Double, sd: Double, n: Double, confidence: ConfidenceLevel) -> Interval {
        precondition(n >= 2, "A t interval for a mean needs n ≥ 2")
        precondition(sd >= 0, "A standard deviation cannot be negative")
        let t = StudentT(degreesOfFreedom: n - 1).quantile(upperTail: confidence.tailProbability)
        let halfWidth = t * sd / n.squareRoot()
        return Interval(lower: mean - halfWidth, upper: mean + halfWidth)
    }
}
