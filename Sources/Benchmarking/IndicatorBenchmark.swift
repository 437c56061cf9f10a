import Tables

/// The benchmark of one indicator (in one period): every organisation's value, interval,
/// significance against its comparator, funnel limits, over-dispersion-adjusted limits and flag,
/// quintile and decile, and the change from an earlier period when asked.
///
/// Steps, for organisations i = 1…I with yᵢ = numeratorᵢ/denominatorᵢ:
/// 1. θᵢ from the comparator (`ComparatorChoice`);
/// 2. the 95% and 99.8% intervals of yᵢ (`ValueInterval`) against θᵢ (`Significance`);
/// 3. zᵢ = (yᵢ − θᵢ)/sᵢ with sᵢ = `BenchmarkStatistic.standardError(target: θᵢ, …)`;
/// 4. funnel limits around θᵢ (`FunnelLimits`, exact with interpolation, normal or Wilson score),
///    and the value's place against them in PHEindicatormethods' words (`FunnelSignificance`);
/// 5. φ and τ² from the zᵢ (`OverDispersion`) and, when the policy applies a model, limits
///    θᵢ ± z·s*ᵢ with s*ᵢ the adjusted standard error; the flag (`FunnelPosition`) is taken against
///    the adjusted limits, so an organisation is an outlier only when outside them;
/// 6. quintiles and deciles of yᵢ (`QuantileGroups`); the change (`PeriodChange`).
public struct IndicatorBenchmark: Sendable {
    /// The indicator and, when the input had them, its name and period.
    public let indicatorId: String
    public let name: String?
    public let period: String?
    /// The area type, sex, age and category of the group benchmarked.
    public let breakdown: Breakdown
    /// The statistic, its output multiplier and its polarity.
    public let statistic: BenchmarkStatistic
    public let multiplier: Double
    public let polarity: Polarity
    /// "England", "consortium" or "peers".
    public let comparatorName: String
    /// How the unadjusted funnel limits were computed.
    public let funnelMethod: FunnelMethod
    /// φ, τ², the model applied and why.
    public let dispersion: OverDispersion
    /// One row per organisation, in input order.
    public let rows: [OrganisationBenchmark]
    /// The earlier period of the change columns, when asked for.
    public let previousPeriod: String?
    /// Organisations without counts, written after `rows` with an empty value and the reason.
    public let suppressed: [SuppressedOrganisation]

    /// Benchmarks `counts` under `settings`.
    ///
    /// - Throws: `DataError` when counts are impossible for the statistic (a numerator above its
    ///   denominator, a fractional count, a denominator ≤ 0), when the consortium comparator meets
    ///   an organisation without a parent code, when the peer comparator meets an organisation
    ///   missing from the peers file, or when Wilson-score funnel limits are asked of a rate or ratio.
    public static func run(_ counts: IndicatorCounts, settings: BenchmarkSettings) throws -> IndicatorBenchmark {
        let statistic = counts.statistic
        let organisations = counts.organisations
        if settings.funnelMethod == .wilson && statistic != .proportion {
            let location = organisations.first?.location ?? counts.suppressed.first?.location ?? SourceLocation(file: counts.indicatorId)
            throw DataError(.badData, at: location,
                            "indicator \(DataError.quoted(counts.indicatorId)) is a \(statistic.rawValue), but Wilson-score funnel limits (--funnel wilson) are for proportions; use --funnel exact or normal")
        }
        for organisation in organisations {
            if let problem = statistic.problem(numerator: organisation.numerator, denominator: organisation.denominator) {
                throw DataError(.badData, at: organisation.location(of: problem.field, fallback: counts.indicatorId),
                                "expected counts of a \(statistic.rawValue), found numerator \(Table.formatNumber(organisation.numerator)) and denominator \(Table.formatNumber(organisation.denominator)) (indicator \(DataError.quoted(counts.indicatorId)), organisation \(DataError.quoted(organisation.organisationCode))): \(problem.message)")
            }
        }
        let comparators = try resolveComparators(counts, choice: settings.comparator)
        let count = organisations.count
        let multiplier = counts.multiplier

        // Per organisation: intervals, z, funnel limits (independent, so spread over the cores).
        var partial = [PartialRow](repeating: PartialRow(), count: count)
        partial.withUnsafeMutableBufferPointer { buffer in
            let output = buffer.baseAddress!
            let blocks = min(count, 16)
            concurrentBlocks(blocks) { block in
                for index in (count * block / blocks)..<(count * (block + 1) / blocks) {
                    output[index] = PartialRow(organisation: organisations[index], target: comparators[index].target, statistic: statistic,
                                               method: settings.funnelMethod, polarity: counts.polarity)
                }
            }
        }

        var zScores: [Double] = []
        var standardErrors: [Double] = []
        zScores.reserveCapacity(count)
        standardErrors.reserveCapacity(count)
        for row in partial {
            if let z = row.z {
                zScores.append(z)
                standardErrors.append(row.standardError)
            }
        }
        let dispersion = OverDispersion.estimate(zScores: zScores, standardErrors: standardErrors, policy: settings.dispersion)
        let ranks = QuantileGroups.minimumRanks(partial.map(\.value))
        let groupsOfFive = QuantileGroups.assign(ranks: ranks, groupCount: 5)
        let groupsOfTen = QuantileGroups.assign(ranks: ranks, groupCount: 10)

        var rows: [OrganisationBenchmark] = []
        rows.reserveCapacity(count)
        for index in 0..<count {
            let organisation = organisations[index]
            let item = partial[index]
            var notes = item.notes
            if case .peers(let assignments) = settings.comparator, let listed = assignments.peers[organisation.organisationCode]?.count,
               comparators[index].organisations < listed {
                notes.append("\(comparators[index].organisations) of \(listed) peers have counts for this indicator")
            }
            var adjusted = item.funnel
            var adjustedZ = item.z
            if dispersion.model != .none, let target = item.target, item.standardError > 0 {
                let adjustedError = dispersion.adjustedStandardError(item.standardError)
                adjusted = FunnelLimits.normalLimits(statistic: statistic, target: target, standardError: adjustedError)
                adjustedZ = (item.value - target) / adjustedError
            }
            var change: PeriodChange?
            if let previous = counts.previous {
                if let earlier = previous[organisation.organisationCode] {
                    switch PeriodChange.between(earlier: earlier, later: organisation, statistic: statistic, multiplier: multiplier, polarity: counts.polarity) {
                    case .success(let found): change = found
                    case .failure(let undefined): notes.append(undefined.reason)
                    }
                } else {
                    notes.append("no counts in period \(counts.previousPeriod ?? "earlier"): no change")
                }
            }
            rows.append(OrganisationBenchmark(
                organisationCode: organisation.organisationCode, parentCode: organisation.parentCode,
                numerator: organisation.numerator, denominator: organisation.denominator,
                value: item.value * multiplier,
                lower95: item.interval95.lower * multiplier, upper95: item.interval95.upper * multiplier,
                lower998: item.interval998.lower * multiplier, upper998: item.interval998.upper * multiplier,
                intervalMethod: ValueInterval.methodName(statistic: statistic, numerator: organisation.numerator),
                comparator: comparators[index], comparatorValue: item.target.map { $0 * multiplier },
                z: item.z, significance95: item.significance95, significance998: item.significance998,
                funnel: item.funnel?.scaled(by: multiplier), adjusted: adjusted?.scaled(by: multiplier), adjustedZ: adjustedZ,
                position: adjusted?.position(of: item.value),
                funnelSignificance: item.funnel.map { FunnelSignificance(value: item.value, limits: $0) },
                quintile: groupsOfFive[index], decile: groupsOfTen[index], change: change, notes: notes))
        }
        return IndicatorBenchmark(indicatorId: counts.indicatorId, name: counts.name, period: counts.period, breakdown: counts.breakdown, statistic: statistic, multiplier: multiplier,
                                  polarity: counts.polarity, comparatorName: settings.comparator.name, funnelMethod: settings.funnelMethod,
                                  dispersion: dispersion, rows: rows, previousPeriod: counts.previousPeriod, suppressed: counts.suppressed)
    }

    /// The work for one organisation that does not depend on the others.
    struct PartialRow: Sendable {
        var value = 0.0
        var target: Double?
        var standardError = 0.0
        var z: Double?
        var interval95 = (lower: 0.0, upper: 0.0)
        var interval998 = (lower: 0.0, upper: 0.0)
        var significance95: Significance?
        var significance998: Significance?
        var funnel: ControlLimits?
        var notes: [String] = []

        init() {}

        init(organisation: OrganisationCounts, target: Double?, statistic: BenchmarkStatistic, method: FunnelMethod, polarity: Polarity) {
            value = organisation.numerator / organisation.denominator
            self.target = target
            interval95 = ValueInterval.interval(statistic: statistic, numerator: organisation.numerator, denominator: organisation.denominator, level: 0.95)
            interval998 = ValueInterval.interval(statistic: statistic, numerator: organisation.numerator, denominator: organisation.denominator, level: 0.998)
            guard let target else {
                notes.append("the comparator has no value: no significance, z-score or funnel limits")
                return
            }
            significance95 = Significance.compare(lower: interval95.lower, upper: interval95.upper, comparator: target, polarity: polarity)
            significance998 = Significance.compare(lower: interval998.lower, upper: interval998.upper, comparator: target, polarity: polarity)
            funnel = FunnelLimits.limits(statistic: statistic, method: method, target: target, denominator: organisation.denominator)
            standardError = statistic.standardError(target: target, denominator: organisation.denominator)
            if standardError > 0 && standardError.isFinite {
                z = (value - target) / standardError
            } else {
                notes.append("the comparator value \(formatShort(target)) leaves no variation under the target: no z-score")
            }
        }
    }

    /// θ for every organisation under `choice`.
    static func resolveComparators(_ counts: IndicatorCounts, choice: ComparatorChoice) throws -> [ResolvedComparator] {
        let organisations = counts.organisations
        switch choice {
        case .england:
            let england: ResolvedComparator
            switch counts.england {
            case .pooled:
                var numerator = 0.0
                var denominator = 0.0
                for organisation in organisations {
                    numerator += organisation.numerator
                    denominator += organisation.denominator
                }
                england = ResolvedComparator(code: nil, target: denominator > 0 ? numerator / denominator : nil, organisations: organisations.count)
            case .counts(let row):
                if let problem = counts.statistic.problem(numerator: row.numerator, denominator: row.denominator) {
                    throw DataError(.badData, at: row.location(of: problem.field, fallback: counts.indicatorId), "England row: \(problem.message)")
                }
                england = ResolvedComparator(code: row.organisationCode, target: row.numerator / row.denominator, organisations: 0)
            case .value(let value):
                england = ResolvedComparator(code: nil, target: value, organisations: 0)
            }
            return Array(repeating: england, count: organisations.count)
        case .consortium:
            var sums: [String: (numerator: Double, denominator: Double, organisations: Int)] = [:]
            for organisation in organisations {
                guard let parent = organisation.parentCode, !parent.isEmpty else {
                    throw DataError(.badData, at: organisation.location ?? SourceLocation(file: counts.indicatorId),
                                    "organisation \(DataError.quoted(organisation.organisationCode)) has no parent (consortium) code, which --comparator consortium needs")
                }
                sums[parent, default: (0, 0, 0)].numerator += organisation.numerator
                sums[parent, default: (0, 0, 0)].denominator += organisation.denominator
                sums[parent, default: (0, 0, 0)].organisations += 1
            }
            return organisations.map { organisation in
                let sum = sums[organisation.parentCode!]!
                return ResolvedComparator(code: organisation.parentCode, target: sum.numerator / sum.denominator, organisations: sum.organisations)
            }
        case .peers(let assignments):
            var byCode: [String: OrganisationCounts] = [:]
            for organisation in organisations { byCode[organisation.organisationCode] = organisation }
            return try organisations.map { organisation in
                guard let peers = assignments.peers[organisation.organisationCode] else {
                    throw DataError(.badData, at: organisation.location ?? SourceLocation(file: counts.indicatorId),
                                    "organisation \(DataError.quoted(organisation.organisationCode)) has no peers in \(assignments.source)")
                }
                var numerator = 0.0
                var denominator = 0.0
                var contributing = 0
                for peer in peers {
                    guard let peerCounts = byCode[peer] else { continue }
                    numerator += peerCounts.numerator
                    denominator += peerCounts.denominator
                    contributing += 1
                }
                return ResolvedComparator(code: nil, target: denominator > 0 ? numerator / denominator : nil, organisations: contributing)
            }
        }
    }
}
