import Statistics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The gap (difference) and ratio between the most and the least deprived groups, with limits.
///
/// - Gap d = v₁ − v₂ (v₁ the first group in the stated direction): limits by the MOVER method
///   (Zou and Donner, Statistics in Medicine 27, 2008) from each group's own limits (l, u) at the
///   same confidence: d − √((v₁ − l₁)² + (u₂ − v₂)²) and d + √((u₁ − v₁)² + (v₂ − l₂)²). With
///   Wilson limits this is Newcombe's hybrid score interval (method 10, Statistics in Medicine 17,
///   1998), as the design asks for proportions; with Byar/exact limits the same construction for
///   rates; with symmetric normal limits it is d ∓ z √(SE₁² + SE₂²).
/// - Ratio r = v₁ / v₂: normal on the log scale, r · exp(∓ z √(s₁² + s₂²)), with s the standard
///   error of ln v (`GroupEstimate.logStandardError`): √(1/O₁ + 1/O₂) for rates as the design asks,
///   Katz's √((1 − p₁)/x₁ + (1 − p₂)/x₂) for proportions, and SE/v otherwise.
/// Values are unmultiplied; the gap is multiplied by the caller, the ratio is unit-free.
enum GroupComparison {
    static func gap(first: GroupEstimate, second: GroupEstimate, confidence: Double) -> (value: Double, limits: Interval) {
        let firstLimits = first.limits(confidence: confidence)
        let secondLimits = second.limits(confidence: confidence)
        let difference = first.value - second.value
        let below = ((first.value - firstLimits.lower) * (first.value - firstLimits.lower)
            + (secondLimits.upper - second.value) * (secondLimits.upper - second.value)).squareRoot()
        let above = ((firstLimits.upper - first.value) * (firstLimits.upper - first.value)
            + (second.value - secondLimits.lower) * (second.value - secondLimits.lower)).squareRoot()
        return (difference, Interval(lower: difference - below, upper: difference + above))
    }

    static func ratio(first: GroupEstimate, second: GroupEstimate, confidence: Double) -> (value: Double, limits: Interval) {
        let ratio = first.value / second.value
        let z = GroupIntervals.normalCriticalValue(confidence: confidence)
        let spread = (first.logStandardError * first.logStandardError + second.logStandardError * second.logStandardError).squareRoot()
        return (ratio, Interval(lower: ratio * exp(-z * spread), upper: ratio * exp(z * spread)))
    }
}
