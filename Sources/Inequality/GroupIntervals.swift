import Statistics

/// The interval methods a deprivation group's value uses, from the Statistics module (design
/// `methods.md`, Confidence intervals), at a confidence level given as a fraction.
enum GroupIntervals {
    static func level(_ confidence: Double) -> ConfidenceLevel {
        ConfidenceLevel(fraction: confidence)
    }

    /// z = Φ⁻¹(1 − α/2): 1.959963984540054 for 0.95, 3.090232306167813 for 0.998.
    static func normalCriticalValue(confidence: Double) -> Double {
        level(confidence).z
    }

    /// t(1 − α/2; ν).
    static func studentCriticalValue(confidence: Double, degreesOfFreedom: Int) -> Double {
        StudentT(degreesOfFreedom: Double(degreesOfFreedom)).quantile(upperTail: level(confidence).tailProbability)
    }

    /// Wilson score limits of x successes in n trials, as proportions.
    static func wilson(successes x: Double, trials n: Double, confidence: Double) -> Interval {
        ConfidenceInterval.wilson(successes: x, trials: n, confidence: level(confidence))
    }

    /// Limits of a Poisson count: Byar's approximation for O ≥ 10, exact below.
    static func poissonCount(observed: Double, confidence: Double) -> Interval {
        ConfidenceInterval.poissonCount(observed: observed, confidence: level(confidence))
    }
}
