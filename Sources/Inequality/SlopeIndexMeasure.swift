/// The three summaries of the SII regression line y = a + b·x (x = 0 at the most deprived end,
/// x = 1 at the least deprived end; x = 1/2 is the population-weighted mean rank, so when the
/// regression weights are the populations the line passes through (1/2, population-weighted mean)):
///
/// - `sii`: the slope index of inequality, the difference between the fitted values at the two
///   ends, f(0) − f(1) = −b (most minus least deprived) or f(1) − f(0) = b (least minus most).
/// - `rii`: the relative index, SII divided by the fitted value at the mean rank, SII / (a + b/2),
///   which equals SII / population-weighted mean with population weights (design `methods.md`).
/// - `riiRatio`: the ratio of the fitted values at the two ends, f(0)/f(1) (most / least) or
///   f(1)/f(0) (least / most) — the RII as PHEindicatormethods' `phe_sii` defines it,
///   (Y₀ + SII)/Y₀ in its notation.
public enum SlopeIndexMeasure: String, Sendable, CaseIterable {
    case sii
    case rii
    case riiRatio = "rii_ratio"

    /// The measure for intercept a and slope b.
    public func value(intercept a: Double, slope b: Double, direction: InequalityDirection) -> Double {
        switch self {
        case .sii:
            return direction.slopeSign * b
        case .rii:
            return direction.slopeSign * b / (a + b / 2)
        case .riiRatio:
            return direction == .mostMinusLeast ? a / (a + b) : (a + b) / a
        }
    }

    /// (∂/∂a, ∂/∂b) of `value`, for the delta method.
    public func gradient(intercept a: Double, slope b: Double, direction: InequalityDirection) -> (Double, Double) {
        let sign = direction.slopeSign
        switch self {
        case .sii:
            return (0, sign)
        case .rii:
            let middle = a + b / 2
            return (-sign * b / (middle * middle), sign * a / (middle * middle))
        case .riiRatio:
            if direction == .mostMinusLeast {
                let least = a + b
                return (b / (least * least), -a / (least * least))
            }
            return (-b / (a * a), 1 / a)
        }
    }

    /// What the measure compares, for the output's method column.
    public func definitionText(direction: InequalityDirection) -> String {
        switch self {
        case .sii: return "fitted \(direction.differenceText)"
        case .rii: return "SII / fitted value at the mean rank (= population-weighted mean)"
        case .riiRatio: return "fitted \(direction.ratioText)"
        }
    }
}
