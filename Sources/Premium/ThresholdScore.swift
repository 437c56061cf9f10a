/// The QOF-style threshold score of a measure.
///
/// For a value v (achievement in percent, or improvement in percentage points) and thresholds
/// L < U: higher is better → score = (v − L)/(U − L); lower is better (level scoring) →
/// score = (U − v)/(U − L); the score is then clamped to [0, 1], so nothing is earned at or
/// beyond the lower threshold's side and everything at or beyond the upper's. Improvement is
/// already counted in the good direction (`improvement(current:baseline:polarity:)`), so its
/// score always rises with it. Source: the QOF points scale (NHS England, Quality and Outcomes
/// Framework guidance: points scale linearly between the lower and upper thresholds).
public enum ThresholdScore {
    public static func score(_ value: Double, measure: QualityMeasure) -> Double {
        let lower = measure.lowerThreshold
        let upper = measure.upperThreshold
        let raw: Double
        if measure.scoring == .level && measure.polarity == .lowerIsBetter {
            raw = (upper - value) / (upper - lower)
        } else {
            raw = (value - lower) / (upper - lower)
        }
        return min(1, max(0, raw))
    }

    /// Improvement in percentage points in the good direction: current − baseline when higher is
    /// better, baseline − current when lower is better.
    public static func improvement(current: Double, baseline: Double, polarity: QualityMeasure.Polarity) -> Double {
        polarity == .higherIsBetter ? current - baseline : baseline - current
    }
}
