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
    /// Rows with an empty figure written through with an empty value (missing-value policy `pass`).
    public var passedRows: Int = 0
    /// Rows read once because they repeat an earlier row of the same identity exactly (a
    /// Fingertips export repeats England's row under every parent area), and the first such line.
    public var repeatedRows: Int = 0
    public var firstRepeatLine: Int?

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

    /// Calls `body` with each output row, in the order of `header(wide:)`. The array passed is
    /// reused from row to row.
    public func forEachRow(wide: Bool, _ body: ([CSVValue]) throws -> Void) rethrows {
        let levelLabels = confidence.map { CSVValue.text(IndicatorResults.label($0)) }
        let allLevels = CSVValue.text(confidence.map(IndicatorResults.label).joined(separator: ", "))
        var row: [CSVValue] = []
        row.reserveCapacity(header(wide: wide).count)
        func number(_ value: Double?) -> CSVValue { value.map(CSVValue.number) ?? .missing }
        for result in results {
            row.removeAll(keepingCapacity: true)
            for value in result.groupValues { row.append(.text(value)) }
            for measure in result.measures { row.append(number(measure)) }
            row.append(number(result.estimate.value))
            let prefixCount = row.count
            let statistic = CSVValue.text(result.statistic)
            let method = CSVValue.text(result.estimate.method)
            let suppressed = result.estimate.suppression.map(CSVValue.text) ?? .missing
            if wide {
                for limits in result.estimate.limits {
                    row.append(number(limits.lower))
                    row.append(number(limits.upper))
                }
                row.append(allLevels)
                row.append(statistic)
                row.append(method)
                row.append(suppressed)
                try body(row)
            } else {
                for (index, limits) in result.estimate.limits.enumerated() {
                    row.removeSubrange(prefixCount...)
                    row.append(number(limits.lower))
                    row.append(number(limits.upper))
                    row.append(levelLabels[index])
                    row.append(statistic)
                    row.append(method)
                    row.append(suppressed)
                    try body(row)
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
