import Indicators
import PropertyBased
import Statistics
import Tables
import Testing
import TestSupport

/// Indicators on generated counts (swift-property-based generators). Limit ordering: every
/// interval holds its value (lower ≤ value ≤ upper), is within the statistic's range (≥ 0, a
/// proportion ≤ the multiplier), and the 99.8% interval holds the 95% one (the method's own
/// guarantees: Wilson 1927, Clopper–Pearson, Byar/exact Poisson, Dobson et al. 1991). Permutation
/// invariance: the order of the input rows changes no byte of the output rows.
@Suite struct IndicatorPropertyTests {
    static let levels: [ConfidenceLevel] = [.ninetyFive, .ninetyNinePointEight]

    /// Checks the ordering of the limits of one estimate; `ceiling` is the largest value possible.
    /// `floor` is the smallest lower limit possible: 0 for a proportion or a rate; none for a DSR, whose
    /// Dobson lower limit DSR + √(v/O)·(O_L − O) falls below 0 when one small stratum of a large
    /// weight dominates the variance (8 events in 61 persons with weight 5,107 among five larger
    /// strata: DSR 3,704.4, lower 99.8% limit −96.0 per 100,000, by hand in Python from
    /// Dobson et al. 1991 with Byar's O_L; the engine writes it unclipped).
    static func expectOrdered(_ estimate: IndicatorEstimate, ceiling: Double = .infinity, floor: Double = 0, _ comment: String) {
        guard let value = estimate.value else { Issue.record("no value: \(comment)"); return }
        #expect(estimate.limits.count == 2, "\(comment)")
        for limits in estimate.limits {
            guard let lower = limits.lower, let upper = limits.upper else { Issue.record("no limits: \(comment)"); continue }
            #expect(floor <= lower && lower <= value && value <= upper && upper <= ceiling, "\(floor) ≤ \(lower) ≤ \(value) ≤ \(upper) ≤ \(ceiling): \(comment)")
        }
        if let l95 = estimate.limits.first?.lower, let u95 = estimate.limits.first?.upper,
           let l998 = estimate.limits.last?.lower, let u998 = estimate.limits.last?.upper {
            #expect(l998 <= l95 && u95 <= u998, "99.8% [\(l998), \(u998)] holds 95% [\(l95), \(u95)]: \(comment)")
        }
    }

    @Test func proportionLimitsHoldTheValue() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...100_000), Gen.double(in: 0...1), Gen.element(of: LimitMethod.allCases)) { n, fraction, method in
            // Whole counts 0 ≤ x ≤ n, both ends included often (fraction 0 and 1 are drawn as edges).
            let x = (Double(n) * fraction).rounded(.down)
            let estimate = Proportions.estimate(numerator: x, denominator: Double(n), confidence: Self.levels, multiplier: 100, method: method ?? .wilson)
            // The Poisson methods of a proportion can pass 100% (they treat x as a count), the binomial ones cannot.
            let ceiling = method == .wilson || method == .exactBinomial ? 100.0 : .infinity
            Self.expectOrdered(estimate, ceiling: ceiling, "\(x)/\(n) \(String(describing: method))")
        }
    }

    @Test func rateLimitsHoldTheValue() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...20_000), Gen.double(in: 1...5_000_000), Gen.bool) { count, population, exact in
            let estimate = CrudeRates.rate(count: Double(count), denominator: population, confidence: Self.levels, method: exact ? .exactPoisson : .byar)
            Self.expectOrdered(estimate, "\(count) per \(population) exact \(exact)")
        }
    }

    /// Weights of 0 or from 1 to 8,000 (the standard populations' range), so that the total weight
    /// is 0 or at least 1.
    static let stratum = zip(Gen.int(in: 0...400), Gen.double(in: 10...200_000), Gen.double(in: 0...8_000))
        .map { StandardisationStratum(count: Double($0), population: $1, weight: $2 < 1 ? 0 : $2) }

    @Test func directlyStandardisedRateLimitsHoldTheValue() async {
        await propertyCheck(count: 1_000, input: Self.stratum.array(of: 1...19)) { strata in
            // Dobson limits are defined for a total count of 10 or more (below it the rate is suppressed)
            // and a positive total weight.
            guard strata.reduce(0, { $0 + $1.count }) >= 10, strata.contains(where: { $0.weight > 0 }) else { return }
            let result = DirectlyStandardisedRate.dobson(strata: strata, confidence: Self.levels)
            Self.expectOrdered(result.estimate, floor: -.infinity, "\(strata)")
        }
    }

    // MARK: permutation invariance

    static let bands = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59",
                        "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]

    /// The output rows of `csv` under `request`, read in chunks of `chunk` rows, as CSV lines.
    static func outputLines(_ csv: String, _ request: IndicatorRequest, chunk: Int) throws -> [String] {
        let reader = try TableReader(bytes: Array(csv.utf8), name: "in.csv", schema: IndicatorCounts.schema(for: request))
        var computation = try IndicatorComputation(request: request)
        while let table = try reader.next(maximumRows: chunk) { try computation.add(IndicatorCounts(table: table)) }
        var lines: [String] = []
        try computation.finish().forEachRow(wide: false) { lines.append($0.map(CSVWriter.format).joined(separator: ",")) }
        return lines
    }

    /// Rows of counts for indicators × organisations × age bands: (numerator, denominator) per row.
    static let counts = zip(Gen.int(in: 0...300), Gen.int(in: 300...50_000)).array(of: 1...120)

    static func shuffled<T>(_ rows: [T], seed: UInt64) -> [T] {
        var random = SplitMix64(seed: seed)
        return rows.shuffled(using: &random)
    }

    @Test(arguments: [IndicatorStatistic.proportion, .rate, .dsr])
    func rowOrderDoesNotChangeTheOutput(_ statistic: IndicatorStatistic) async throws {
        await propertyCheck(count: 150, input: Self.counts, Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...50)) { counts, seed, chunk in
            // Row i: indicator I(i mod 2), organisation A(i / 2 / 19) and band (i / 2) mod 19, so each
            // (indicator, organisation) has its bands once; DSR groups keep every band they have.
            var rows: [String] = []
            for (index, count) in counts.enumerated() {
                let band = statistic == .dsr ? Self.bands[(index / 2) % Self.bands.count] : "all"
                let organisation = statistic == .dsr ? index / 2 / Self.bands.count : index / 2
                rows.append("I\(index % 2),A\(organisation),\(band),\(count.0),\(count.1)")
            }
            let header = "indicator_id,org_code,age_band,numerator,denominator\n"
            let request = IndicatorRequest(statistic: statistic, confidence: Self.levels,
                                           grouping: statistic == .dsr ? [.indicatorID, .orgCode] : [.indicatorID, .orgCode, .ageBand])
            let straight = try Self.outputLines(header + rows.map { $0 + "\n" }.joined(), request, chunk: chunk)
            let permuted = try Self.outputLines(header + Self.shuffled(rows, seed: seed).map { $0 + "\n" }.joined(), request, chunk: chunk)
            #expect(straight.count == permuted.count)
            // Rows come out in the order of their groups' first rows; sorted by group, every byte agrees.
            #expect(straight.sorted() == permuted.sorted())
        }
    }
}
