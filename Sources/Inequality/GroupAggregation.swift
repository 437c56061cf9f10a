import Tables

/// Pools the input rows of one analysis into deprivation groups 1…k and checks everything the
/// measures need, so that a bad input stops with the file and line instead of a NaN.
enum GroupAggregation {
    /// The groups, most deprived first.
    ///
    /// Errors (bad data): a group number below 1 or above the expected count; a row without the
    /// numbers its statistic needs, or with a negative count (proportion, rate; a ratio's amounts
    /// may be negative), a denominator of 0 or less, or
    /// (proportions) more events than people; an organisation given twice; a group with no rows
    /// ("missing rank"), with a population of 0, or outside its scale's domain (a proportion of 0
    /// or 1, a rate of 0); fewer groups than `minimumGroups`; a ratio group with one organisation.
    static func groups(_ observations: [IndicatorObservation], options: InequalityOptions) throws -> [GroupEstimate] {
        let fileOnly = SourceLocation(file: options.source)
        guard !observations.isEmpty else {
            throw DataError(.badData, at: fileOnly, "no rows to analyse")
        }
        var members: [Int: [IndicatorObservation]] = [:]
        var organisations: [String: SourceLocation?] = [:]
        organisations.reserveCapacity(observations.count)
        for row in observations {
            let location = row.location ?? fileOnly
            guard row.group >= 1 else {
                throw DataError(.badData, at: location, "expected a deprivation group of 1 (most deprived) or more, found \(row.group)")
            }
            if let expected = options.expectedGroupCount, row.group > expected {
                throw DataError(.badData, at: location, "expected a deprivation group from 1 to \(expected), found \(row.group)")
            }
            if let code = row.organisation {
                if let earlier = organisations[code] {
                    throw DataError(.badData, at: location, "the organisation \(DataError.quoted(code)) appears twice\(alsoAtLine(earlier))")
                }
                organisations[code] = row.location
            }
            try checkRow(row, statistic: options.statistic, location: location)
            members[row.group, default: []].append(row)
        }
        let count = options.expectedGroupCount ?? members.keys.max()!
        for group in 1...count where members[group] == nil {
            throw DataError(.badData, at: fileOnly, "deprivation group \(group) has no rows (groups must run from 1 to \(count) with none missing)")
        }
        guard count >= options.minimumGroups else {
            throw DataError(.badData, at: fileOnly, "found \(count) deprivation group\(count == 1 ? "" : "s"); the inequality measures need at least \(options.minimumGroups)")
        }
        return try (1...count).map { try estimate(group: $0, rows: members[$0]!, options: options) }
    }

    private static func checkRow(_ row: IndicatorObservation, statistic: InequalityStatistic, location: SourceLocation) throws {
        switch statistic {
        case .proportion, .rate, .ratio:
            guard let numerator = row.numerator, numerator.isFinite else {
                throw DataError(.badData, at: location, "expected a numerator, found none")
            }
            guard let denominator = row.denominator, denominator.isFinite else {
                throw DataError(.badData, at: location, "expected a denominator, found none")
            }
            guard numerator >= 0 || statistic == .ratio else {
                throw DataError(.badData, at: location, "expected a numerator >= 0, found \(Table.formatNumber(numerator))")
            }
            guard denominator > 0 else {
                throw DataError(.badData, at: location, "expected a denominator > 0, found \(Table.formatNumber(denominator))")
            }
            if statistic == .proportion && numerator > denominator {
                throw DataError(.badData, at: location, "the numerator \(Table.formatNumber(numerator)) exceeds the denominator \(Table.formatNumber(denominator)) of a proportion")
            }
            if statistic == .ratio && row.organisation == nil {
                throw DataError(.badData, at: location, "the ratio statistic needs organisation rows (its limits come from the spread between organisations)")
            }
        case .value:
            guard row.value?.isFinite == true else {
                throw DataError(.badData, at: location, "expected a value, found none")
            }
            guard let population = row.population, population.isFinite, population > 0 else {
                throw DataError(.badData, at: location, "expected a population > 0 for the group")
            }
            let hasLimits = row.lower95 != nil && row.upper95 != nil
            guard hasLimits || row.standardError != nil else {
                throw DataError(.badData, at: location, "expected 95% limits (lowercl and uppercl) or a standard error, found neither")
            }
            if let standardError = row.standardError, !hasLimits, !(standardError.isFinite && standardError >= 0) {
                throw DataError(.badData, at: location, "expected a standard error >= 0, found \(Table.formatNumber(standardError))")
            }
        }
    }

    private static func estimate(group: Int, rows: [IndicatorObservation], options: InequalityOptions) throws -> GroupEstimate {
        let location = rows[0].location ?? SourceLocation(file: options.source)
        let statistic = options.statistic
        let z95 = GroupIntervals.normalCriticalValue(confidence: 0.95)
        switch statistic {
        case .proportion, .rate, .ratio:
            let numerator = rows.reduce(0) { $0 + $1.numerator! }
            let denominator = rows.reduce(0) { $0 + $1.denominator! }
            let value = numerator / denominator
            var result = GroupEstimate(group: group, statistic: statistic, population: denominator, organisationCount: rows.count,
                                       numerator: numerator, denominator: denominator, value: value,
                                       scale: statistic.defaultScale, scaleStandardError: 0)
            switch statistic {
            case .proportion:
                guard numerator > 0 && numerator < denominator else {
                    throw DataError(.badData, at: location, "deprivation group \(group) has \(Table.formatNumber(numerator)) events in \(Table.formatNumber(denominator)); a proportion is simulated on the logit scale, which needs 0 < numerator < denominator")
                }
                let limits = GroupIntervals.wilson(successes: numerator, trials: denominator, confidence: 0.95)
                result.scaleStandardError = (IndicatorScale.logit.transform(limits.upper) - IndicatorScale.logit.transform(limits.lower)) / (2 * z95)
            case .rate:
                guard numerator > 0 else {
                    throw DataError(.badData, at: location, "deprivation group \(group) has no events; a rate is simulated on the log scale, which needs at least one")
                }
                let limits = GroupIntervals.poissonCount(observed: numerator, confidence: 0.95)
                result.scaleStandardError = (IndicatorScale.log.transform(limits.upper) - IndicatorScale.log.transform(limits.lower)) / (2 * z95)
            default:
                guard rows.count >= 2 else {
                    throw DataError(.badData, at: location, "deprivation group \(group) has one organisation; the limits of a ratio need at least two")
                }
                var squares = 0.0
                for row in rows {
                    let residual = row.numerator! - value * row.denominator!
                    squares += residual * residual
                }
                let m = Double(rows.count)
                result.scaleStandardError = (m / (m - 1) * squares).squareRoot() / denominator
            }
            return result
        case .value:
            guard rows.count == 1 else {
                throw DataError(.badData, at: rows[1].location ?? location, "deprivation group \(group) appears twice; given values take one row per group")
            }
            let row = rows[0]
            let scale = options.scale
            let value = row.value! / options.multiplier
            guard scale.contains(value) else {
                throw DataError(.badData, at: location, "the value of deprivation group \(group) is \(Table.formatNumber(row.value!)); the \(scale.rawValue) scale needs \(scale.domainDescription)\(options.multiplier == 1 ? "" : " (after dividing by the multiplier)")")
            }
            let standardError: Double
            if let lower = row.lower95, let upper = row.upper95 {
                let lowerValue = lower / options.multiplier, upperValue = upper / options.multiplier
                guard lowerValue <= value && value <= upperValue && scale.contains(lowerValue) && scale.contains(upperValue) else {
                    throw DataError(.badData, at: location, "the 95% limits \(Table.formatNumber(lower)) to \(Table.formatNumber(upper)) of deprivation group \(group) must surround its value and lie in the \(scale.rawValue) scale's domain (\(scale.domainDescription))")
                }
                standardError = (scale.transform(upperValue) - scale.transform(lowerValue)) / (2 * z95)
            } else {
                standardError = row.standardError! / options.multiplier / scale.inverseSlope(atValue: value)
            }
            return GroupEstimate(group: group, statistic: .value, population: row.population!, organisationCount: 1,
                                 numerator: nil, denominator: nil, value: value, scale: scale, scaleStandardError: standardError)
        }
    }
}
