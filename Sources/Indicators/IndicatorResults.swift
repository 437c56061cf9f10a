import Statistics
import Tables

/// The result for one group (and, for life expectancy, one age).
public struct IndicatorResult: Sendable, Equatable {
    /// Values of the grouping columns, in `IndicatorResults.groupingColumns` order.
    public var groupValues: [String]
    /// Values of `IndicatorStatistic.measureColumns` (numerator and denominator, totals, …).
    public var measures: [Double?]
    /// The `statistic` label (`percentage`, `dsr per 100000`, `life expectancy at 65`, …).
    public var statistic: String
    public var estimate: IndicatorEstimate
}

/// Everything `IndicatorComputation.finish()` found, and its CSV rendering in the column
/// vocabulary of PHEindicatormethods.
public struct IndicatorResults: Sendable {
    public var statistic: IndicatorStatistic
    public var groupingColumns: [IndicatorColumn]
    public var confidence: [ConfidenceLevel]
    public var results: [IndicatorResult]
    /// Rows left out because a figure was empty (missing-value policy `skip`).
    public var skippedRows: Int

    /// Long: grouping columns, measures, `value`, `lowercl`, `uppercl`, `confidence`, `statistic`,
    /// `method`, `suppressed`, one row per level. Wide: one row per result with `lowercl`/`uppercl`
    /// for a single level or `lower95_0cl`, `upper95_0cl`, `lower99_8cl`, … for several, as
    /// PHEindicatormethods names them, and `confidence` listing the levels (`95%, 99.8%`).
    public func header(wide: Bool) -> [String] {
        var names = groupingColumns.map(\.name) + statistic.measureColumns + ["value"]
        if wide && confidence.count > 1 {
            for level in confidence {
                names += ["lower\(IndicatorResults.columnSuffix(level))cl", "upper\(IndicatorResults.columnSuffix(level))cl"]
            }
        } else {
            names += ["lowercl", "uppercl"]
        }
        return names + ["confidence", "statistic", "method", "suppressed"]
    }

    /// Calls `body` with each output row, in the order of `header(wide:)`.
    public func forEachRow(wide: Bool, _ body: ([CSVValue]) throws -> Void) rethrows {
        let levelLabels = confidence.map(IndicatorResults.label)
        let allLevels = levelLabels.joined(separator: ", ")
        for result in results {
            var prefix: [CSVValue] = result.groupValues.map { .text($0) }
            prefix += result.measures.map { $0.map(CSVValue.number) ?? .missing }
            let value = result.estimate.value.map(CSVValue.number) ?? .missing
            let tail: [CSVValue] = [.text(result.statistic), .text(result.estimate.method),
                                    result.estimate.suppression.map(CSVValue.text) ?? .missing]
            if wide {
                var row = prefix + [value]
                for limits in result.estimate.limits {
                    row += [limits.lower.map(CSVValue.number) ?? .missing, limits.upper.map(CSVValue.number) ?? .missing]
                }
                try body(row + [.text(allLevels)] + tail)
            } else {
                for (index, limits) in result.estimate.limits.enumerated() {
                    try body(prefix + [value, limits.lower.map(CSVValue.number) ?? .missing,
                                       limits.upper.map(CSVValue.number) ?? .missing, .text(levelLabels[index])] + tail)
                }
            }
        }
    }

    /// `95%`, `99.8%`.
    public static func label(_ level: ConfidenceLevel) -> String {
        IndicatorStatistic.plainNumber(level.percent) + "%"
    }

    /// `95_0`, `99_8`: the level in percent with at least one decimal, the point written `_`.
    static func columnSuffix(_ level: ConfidenceLevel) -> String {
        var text = IndicatorStatistic.plainNumber(level.percent)
        if !text.contains(".") { text += ".0" }
        return text.replacingOccurrences(of: ".", with: "_")
    }
}
