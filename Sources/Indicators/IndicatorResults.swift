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
    /// The figures published for the group, when compared (`IndicatorRequest.comparesPublished`).
    public var published: PublishedFigures? = nil
}

/// Everything `IndicatorComputation.finish()` found, and its CSV rendering in the column
/// vocabulary of PHEindicatormethods.
public struct IndicatorResults: Sendable {
    public var statistic: IndicatorStatistic
    public var groupingColumns: [IndicatorColumn]
    public var confidence: [ConfidenceLevel]
    /// Whether the published figures are written beside the computed ones.
    public var comparesPublished = false
    /// The results, column by column.
    let store: IndicatorResultStore
    /// How many results there are (one per group; life expectancy: one per group and age).
    public var count: Int { store.count }
    /// The results, one value each (built from the columns on each call: for a few results, or
    /// tests; writing goes through `forEachRow`).
    public var results: [IndicatorResult] { (0..<store.count).map(store.result) }
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
        names += ["confidence", "statistic", "method", "suppressed"]
        if comparesPublished {
            let limitNames = wide && confidence.count > 1
                ? confidence.flatMap { ["lower\(IndicatorResults.columnSuffix($0))cl", "upper\(IndicatorResults.columnSuffix($0))cl"] }
                : ["lowercl", "uppercl"]
            names += ["published_value"] + limitNames.map { "published_" + $0 }
            names += ["difference_value"] + limitNames.map { "difference_" + $0 } + ["reproduced"]
        }
        return names
    }

    /// The published figures of a result beside the computed ones at the levels given (indices
    /// into `confidence`): the published value and limits, computed − published for each, and
    /// `yes` when every published figure is reproduced to its rounding (`PublishedFigure`),
    /// `no` when one is not or the engine has no figure where one is published, nil when nothing
    /// is published.
    func comparison(_ result: IndicatorResult, levels: [Int]) -> (published: [Double?], differences: [Double?], verdict: String?,
                                                                    worst: PublishedDifference?) {
        var pairs: [(computed: Double?, published: PublishedFigure?, column: String)] = [(result.estimate.value, result.published?.value, "value")]
        for index in levels {
            let limits = result.estimate.limits[index]
            let published = result.published?.limits[index]
            let suffix = confidence.count > 1 ? " at \(IndicatorResults.label(confidence[index]))" : ""
            pairs.append((limits.lower, published?.lower, "lowercl" + suffix))
            pairs.append((limits.upper, published?.upper, "uppercl" + suffix))
        }
        var differences: [Double?] = []
        var anyPublished = false
        var reproduced = true
        var worst: PublishedDifference?
        for pair in pairs {
            guard let published = pair.published else {
                differences.append(nil)
                continue
            }
            anyPublished = true
            guard let computed = pair.computed else {
                differences.append(nil)
                reproduced = false
                continue
            }
            differences.append(computed - published.value)
            if !published.isReproduced(by: computed) {
                reproduced = false
                let excess = abs(computed - published.value) - published.roundingHalfWidth
                if worst.map({ excess > $0.excess }) ?? true {
                    worst = PublishedDifference(column: pair.column, line: result.published?.line ?? 0, computed: computed,
                                                published: published.value, excess: excess)
                }
            }
        }
        let verdict: String? = anyPublished ? (reproduced ? "yes" : "no") : nil
        return (pairs.map { $0.published?.value }, differences, verdict, worst)
    }

    /// How the computed figures compare with the published ones (`comparesPublished`).
    public var agreement: PublishedAgreement {
        var agreement = PublishedAgreement()
        let levels = Array(confidence.indices)
        for index in 0..<store.count {
            let result = store.result(index)
            let comparison = comparison(result, levels: levels)
            guard let verdict = comparison.verdict else {
                agreement.unpublished += 1
                continue
            }
            if result.estimate.value == nil { agreement.oneSided += 1 }
            agreement.compared += 1
            if verdict == "yes" { agreement.reproduced += 1 }
            if let worst = comparison.worst, agreement.largest.map({ worst.excess > $0.excess }) ?? true { agreement.largest = worst }
        }
        return agreement
    }

    /// Calls `body` with each output row, in the order of `header(wide:)`. The array passed is
    /// reused from row to row.
    public func forEachRow(wide: Bool, _ body: ([CSVValue]) throws -> Void) rethrows {
        let levelLabels = confidence.map { CSVValue.text(IndicatorResults.label($0)) }
        let allLevels = CSVValue.text(confidence.map(IndicatorResults.label).joined(separator: ", "))
        var row: [CSVValue] = []
        row.reserveCapacity(header(wide: wide).count)
        func number(_ value: Double?) -> CSVValue { value.map(CSVValue.number) ?? .missing }
        func appendComparison(_ index: Int, levels: [Int]) {
            guard comparesPublished else { return }
            let comparison = comparison(store.result(index), levels: levels)
            for value in comparison.published { row.append(number(value)) }
            for value in comparison.differences { row.append(number(value)) }
            row.append(comparison.verdict.map(CSVValue.text) ?? .missing)
        }
        let measureCount = store.measureCount
        for index in 0..<store.count {
            row.removeAll(keepingCapacity: true)
            for value in store.groupValues(of: index) { row.append(.text(value)) }
            let figures = store.numbers(of: index)
            let start = figures.startIndex
            for measure in figures[start..<(start + measureCount)] { row.append(number(measure)) }
            row.append(number(figures[start + measureCount]))
            let prefixCount = row.count
            let statistic = CSVValue.text(store.statistics[index])
            let method = CSVValue.text(store.methods[index])
            let suppressed = store.suppressions[index].map(CSVValue.text) ?? .missing
            let firstLimit = start + measureCount + 1
            if wide {
                for level in confidence.indices {
                    row.append(number(figures[firstLimit + 2 * level]))
                    row.append(number(figures[firstLimit + 2 * level + 1]))
                }
                row.append(allLevels)
                row.append(statistic)
                row.append(method)
                row.append(suppressed)
                appendComparison(index, levels: Array(confidence.indices))
                try body(row)
            } else {
                for level in confidence.indices {
                    row.removeSubrange(prefixCount...)
                    row.append(number(figures[firstLimit + 2 * level]))
                    row.append(number(figures[firstLimit + 2 * level + 1]))
                    row.append(levelLabels[level])
                    row.append(statistic)
                    row.append(method)
                    row.append(suppressed)
                    appendComparison(index, levels: [level])
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
