import Statistics
import Tables

extension IndicatorComputation {
    /// The results, one per group in order of first appearance (life expectancy: one per group
    /// and requested age). Errors found only now (a band of the standard without a row, a zero
    /// population, a stratum without a reference rate, overlapping bands) name the file and line.
    public func finish() throws -> IndicatorResults {
        let levels = request.confidence
        var store = IndicatorResultStore(groupValues: groups.values, width: groups.width, levels: levels,
                                         measureCount: request.statistic.measureColumns.count, keepsPublished: request.comparesPublished)
        if let setup {
            store.reserve(groups.count * (request.statistic == .lifeExpectancy ? request.ages.count : 1))
            switch request.statistic {
            case .proportion, .rate:
                for group in 0..<groups.count {
                    let published = publishedFigures.isEmpty ? nil : publishedFigures[group]
                    if emptyRowsInGroup[group] > 0 {
                        keepPassedThrough(group: group, published: published, in: &store)
                        continue
                    }
                    let numerator = numeratorSums[group]
                    let denominator = denominatorSums[group]
                    let estimate = request.statistic == .proportion
                        ? Proportions.estimate(numerator: numerator, denominator: denominator, confidence: levels,
                                               multiplier: request.multiplier, method: request.limitMethod)
                        : CrudeRates.rate(count: numerator, denominator: denominator, confidence: levels, multiplier: request.multiplier,
                                          method: request.limitMethod)
                    keep(group: group, measures: [numerator, denominator], count: numerator, estimate: estimate, published: published,
                         in: &store)
                }
            case .mean:
                for group in 0..<groups.count {
                    let sample = samples[group]
                    keep(group: group, measures: [sample.sum, Double(sample.count), sample.standardDeviation],
                         count: Double(sample.count), estimate: Means.studentT(sample, confidence: levels), in: &store)
                }
            case .dsr:
                try directlyStandardisedRates(setup: setup, into: &store)
            case .isratio, .israte:
                try indirectlyStandardised(setup: setup, into: &store)
            case .lifeExpectancy:
                try lifeExpectancies(setup: setup, into: &store)
            }
        }
        return IndicatorResults(statistic: request.statistic, groupingColumns: setup?.grouping ?? [], confidence: levels,
                                comparesPublished: request.comparesPublished, store: store, skippedRows: skippedRows, passedRows: passedRows,
                                repeatedRows: repeatedRows, firstRepeatLine: firstRepeatLine)
    }

    /// Keeps a group's result with the request's label, blanked when `count` is under the
    /// suppression threshold (an earlier reason is kept).
    func keep(group: Int, measures: [Double?], count: Double, estimate: IndicatorEstimate, age: Int? = nil,
              published: PublishedFigures? = nil, in store: inout IndicatorResultStore) {
        var estimate = estimate
        if let threshold = request.suppressBelow, count < threshold, estimate.suppression == nil {
            estimate = estimate.suppressed("count below \(IndicatorStatistic.plainNumber(threshold))")
        }
        let statistic = age == nil ? statisticLabel : request.statistic.label(multiplier: request.multiplier, age: age)
        store.append(group: group, measures: measures, statistic: statistic, estimate: estimate, published: published)
    }

    /// Keeps the result of a group some of whose rows had an empty figure (missing-value policy
    /// `pass`): no measures, value or limits, and the reason.
    func keepPassedThrough(group: Int, published: PublishedFigures?, in store: inout IndicatorResultStore) {
        let empty = emptyRowsInGroup[group]
        let rows = empty + rowsInGroup[group]
        let reason = rows == 1 ? "empty numerator or denominator in the input (suppressed or not calculable by the publisher)"
            : "\(empty) of \(rows) rows have an empty numerator or denominator in the input"
        let estimate = IndicatorEstimate(value: nil, limits: request.confidence.map { ConfidenceLimits(level: $0, lower: nil, upper: nil) },
                                         method: "", suppression: reason)
        store.append(group: group, measures: [nil, nil], statistic: statisticLabel, estimate: estimate, published: published)
    }

    /// A bad-data error about a whole group, at the line of its first row.
    func groupError(_ setup: Setup, group: Int, _ message: String) -> DataError {
        DataError(.badData, at: SourceLocation(file: setup.source, line: groups.firstLines[group]), "\(describe(group: group)): \(message)")
    }
}
