/// The statistics `consortium indicators --statistic` computes, one family per file of this
/// module.
public enum IndicatorStatistic: String, CaseIterable, Sendable {
    /// Proportion with Wilson score limits (`Proportions`).
    case proportion
    /// Crude rate with Byar's or exact Poisson limits (`CrudeRates`).
    case rate
    /// Directly standardised rate with Dobson limits (`DirectlyStandardisedRate`).
    case dsr
    /// Indirectly standardised ratio, observed / expected (`IndirectStandardisation`).
    case isratio
    /// Indirectly standardised rate, the ratio × the reference crude rate (`IndirectStandardisation`).
    case israte
    /// Mean of per-record values with Student t limits (`Means`).
    case mean
    /// Life expectancy from an abridged life table, Chiang II with Silcocks limits (`LifeExpectancy`).
    case lifeExpectancy = "life-expectancy"

    /// The multiplier used when none is given: 100 for a percentage, 100,000 for rates, 1 for the
    /// ratio (as PHEindicatormethods' `refvalue`), 1 for means and life expectancy (which have none).
    public var defaultMultiplier: Double {
        switch self {
        case .proportion: return 100
        case .rate, .dsr, .israte: return 100_000
        case .isratio, .mean, .lifeExpectancy: return 1
        }
    }

    /// Whether a `multiplier` means anything for the statistic (not for means and life expectancy).
    public var takesMultiplier: Bool {
        self != .mean && self != .lifeExpectancy
    }

    /// Whether the statistic combines rows by age band (and so treats `age_band` as strata rather
    /// than as a grouping column).
    public var isStratifiedByAge: Bool {
        self == .dsr || self == .isratio || self == .israte || self == .lifeExpectancy
    }

    /// The columns written between the grouping columns and `value`, as PHEindicatormethods names
    /// them.
    public var measureColumns: [String] {
        switch self {
        case .proportion, .rate: return ["numerator", "denominator"]
        case .dsr: return ["total_count", "total_pop"]
        case .isratio: return ["observed", "expected"]
        case .israte: return ["observed", "expected", "ref_rate"]
        case .mean: return ["value_sum", "value_count", "stdev"]
        case .lifeExpectancy: return ["age", "pops_used", "dths_used"]
        }
    }

    /// The `statistic` label of the output, as PHEindicatormethods writes it (`percentage`,
    /// `rate per 100000`, `dsr per 100000`, `indirectly standardised ratio x 100`, …).
    public func label(multiplier: Double, age: Int? = nil) -> String {
        let scale = IndicatorStatistic.plainNumber(multiplier)
        switch self {
        case .proportion: return multiplier == 100 ? "percentage" : "proportion of \(scale)"
        case .rate: return "rate per \(scale)"
        case .dsr: return "dsr per \(scale)"
        case .isratio: return "indirectly standardised ratio x \(scale)"
        case .israte: return "indirectly standardised rate per \(scale)"
        case .mean: return "mean"
        case .lifeExpectancy: return "life expectancy at \(age ?? 0)"
        }
    }

    /// A multiplier written without exponent or trailing `.0` (`100000`, `0.5`).
    static func plainNumber(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
