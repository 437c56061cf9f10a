#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Points of a funnel for plotting: the limits around one target over a range of denominators.
public struct FunnelCurvePoint: Sendable, Equatable {
    /// The denominator (trials, person-time or expected count) at which the limits are taken.
    public var denominator: Double
    /// Unadjusted limits (exact with interpolation, or normal), on the output scale.
    public var funnel: ControlLimits
    /// Limits after the over-dispersion model (equal to `funnel` when no model is applied).
    public var adjusted: ControlLimits
}

/// A funnel curve: `FunnelLimits` evaluated on a grid of denominators.
public struct FunnelCurve: Sendable {
    /// The comparator the curve surrounds (England's code, a consortium code, or nil).
    public var comparatorCode: String?
    /// θ on the output scale.
    public var target: Double
    /// The limits at ascending denominators.
    public var points: [FunnelCurvePoint]

    /// The curve around `target` (natural scale) from `smallest` to `largest` denominator:
    /// `count` points spaced evenly on a logarithmic scale (so that the steep small-denominator end
    /// is drawn smoothly), whole numbers for proportions (duplicates dropped).
    public init(statistic: BenchmarkStatistic, method: FunnelMethod, target: Double, dispersion: OverDispersion, multiplier: Double,
                comparatorCode: String?, smallest: Double, largest: Double, count: Int = 240) {
        precondition(smallest > 0 && largest >= smallest && count >= 2, "FunnelCurve: 0 < smallest <= largest and at least two points")
        self.comparatorCode = comparatorCode
        self.target = target * multiplier
        var denominators: [Double] = []
        let ratio = largest / smallest
        for step in 0..<count {
            var denominator = smallest * pow(ratio, Double(step) / Double(count - 1))
            if statistic == .proportion { denominator = max(1, denominator.rounded()) }
            if denominators.last != denominator { denominators.append(denominator) }
        }
        points = denominators.map { denominator in
            let funnel = FunnelLimits.limits(statistic: statistic, method: method, target: target, denominator: denominator)
            var adjusted = funnel
            if dispersion.model != .none {
                let standardError = statistic.standardError(target: target, denominator: denominator)
                if standardError > 0 {
                    adjusted = FunnelLimits.normalLimits(statistic: statistic, target: target, standardError: dispersion.adjustedStandardError(standardError))
                }
            }
            return FunnelCurvePoint(denominator: denominator, funnel: funnel.scaled(by: multiplier), adjusted: adjusted.scaled(by: multiplier))
        }
    }
}

extension IndicatorBenchmark {
    /// One curve per distinct comparator (one for England, one per consortium), spanning half the
    /// smallest to 1.05 times the largest denominator of the organisations compared with it.
    /// Organisations without a comparator value are left out. Peer comparators give one target per
    /// organisation, so a curve for them would be a single point; callers should not ask.
    public func curves(count: Int = 240) -> [FunnelCurve] {
        var order: [String] = []
        var groups: [String: (code: String?, target: Double, smallest: Double, largest: Double)] = [:]
        for row in rows {
            guard let target = row.comparator.target else { continue }
            let key = (row.comparator.code ?? "") + "|" + String(target)
            if var group = groups[key] {
                group.smallest = min(group.smallest, row.denominator)
                group.largest = max(group.largest, row.denominator)
                groups[key] = group
            } else {
                order.append(key)
                groups[key] = (row.comparator.code, target, row.denominator, row.denominator)
            }
        }
        return order.map { key in
            let group = groups[key]!
            let smallest = statistic == .proportion ? max(1, (group.smallest / 2).rounded(.down)) : group.smallest / 2
            return FunnelCurve(statistic: statistic, method: funnelMethod, target: group.target, dispersion: dispersion, multiplier: multiplier,
                               comparatorCode: group.code, smallest: smallest, largest: group.largest * 1.05, count: count)
        }
    }
}
