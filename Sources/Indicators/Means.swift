import Statistics

/// A running summary of a sample of values: count, sum, and Welford's running mean and sum of
/// squared deviations (numerically stable in one pass).
public struct SampleSummary: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var sum = 0.0
    private var runningMean = 0.0
    private var squaredDeviations = 0.0

    public init() {}

    public init<Values: Sequence>(_ values: Values) where Values.Element == Double {
        for value in values { add(value) }
    }

    /// Adds one value (Welford 1962: M ← M + (x − M)/k, S ← S + (x − M_old)(x − M_new)).
    public mutating func add(_ value: Double) {
        count += 1
        sum += value
        let delta = value - runningMean
        runningMean += delta / Double(count)
        squaredDeviations += delta * (value - runningMean)
    }

    /// Σx / n; nil for an empty sample.
    public var mean: Double? { count > 0 ? sum / Double(count) : nil }

    /// The sample standard deviation √(Σ(x − x̄)²/(n − 1)); nil below two values.
    public var standardDeviation: Double? {
        count > 1 ? (squaredDeviations / Double(count - 1)).squareRoot() : nil
    }
}

/// Means with Student t confidence limits.
public enum Means {
    /// The mean x̄ = Σx/n with limits x̄ ∓ t(1 − α/2; n − 1) · s/√n, s the sample standard
    /// deviation. With one value the mean is given without limits ("limits need at least 2 values");
    /// an empty sample has no mean. `method` is `Student's t-distribution`.
    ///
    /// Source: any statistics text (e.g. Armitage & Berry 2002, §4.2); PHEindicatormethods `phe_mean`.
    public static func studentT(_ sample: SampleSummary, confidence levels: [ConfidenceLevel]) -> IndicatorEstimate {
        let method = "Student's t-distribution"
        guard let mean = sample.mean else {
            return IndicatorEstimate(value: nil, limits: levels.map { ConfidenceLimits(level: $0, lower: nil, upper: nil) },
                                     method: method, suppression: "no values")
        }
        guard let deviation = sample.standardDeviation else {
            return IndicatorEstimate(value: mean, limits: levels.map { ConfidenceLimits(level: $0, lower: nil, upper: nil) },
                                     method: method, suppression: "limits need at least 2 values")
        }
        let limits = levels.map { level -> ConfidenceLimits in
            let interval = ConfidenceInterval.studentTMean(mean: mean, sd: deviation, n: Double(sample.count), confidence: level)
            return ConfidenceLimits(level: level, lower: interval.lower, upper: interval.upper)
        }
        return IndicatorEstimate(value: mean, limits: limits, method: method)
    }
}
