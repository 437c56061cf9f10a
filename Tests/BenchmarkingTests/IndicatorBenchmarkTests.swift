import Testing
import Tables
@testable import Benchmarking

@Suite struct IndicatorBenchmarkTests {
    static func organisation(_ code: String, _ numerator: Double, _ denominator: Double, parent: String? = nil) -> OrganisationCounts {
        OrganisationCounts(organisationCode: code, parentCode: parent, numerator: numerator, denominator: denominator,
                           location: SourceLocation(file: "counts.csv", line: 2), numeratorColumn: 3, denominatorColumn: 4)
    }

    @Test func consortiumComparatorPoolsEachParent() throws {
        // Hand calculation: consortium X pools 30/100 and 10/100 → 40/200 = 0.2; Y pools 5/50 and
        // 25/50 → 30/100 = 0.3.
        let counts = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [
            Self.organisation("A", 30, 100, parent: "X"), Self.organisation("B", 10, 100, parent: "X"),
            Self.organisation("C", 5, 50, parent: "Y"), Self.organisation("D", 25, 50, parent: "Y"),
        ])
        let result = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings(comparator: .consortium))
        #expect(result.rows.map(\.comparator.code) == ["X", "X", "Y", "Y"])
        expectClose(result.rows[0].comparatorValue, 20, relative: 1e-15, "X = 40/200 = 20%")
        expectClose(result.rows[2].comparatorValue, 30, relative: 1e-15, "Y = 30/100 = 30%")
        #expect(result.rows[0].comparator.organisations == 2)
        #expect(result.comparatorName == "consortium")
        // Each organisation's funnel is around its own consortium's value.
        let limitsOfC = try #require(result.rows[2].funnel)
        #expect(limitsOfC == FunnelLimits.limits(statistic: .proportion, method: .exact, target: 0.3, denominator: 50).scaled(by: 100))
    }

    @Test func consortiumComparatorNeedsParentCodes() {
        let counts = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [Self.organisation("A", 3, 10)])
        #expect {
            _ = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings(comparator: .consortium))
        } throws: { error in
            (error as? DataError)?.description == "counts.csv:2: organisation \"A\" has no parent (consortium) code, which --comparator consortium needs"
        }
    }

    @Test func peerComparatorPoolsThePeersThatHaveCounts() throws {
        // A's peers B, C and Z (Z has no counts): (20 + 30)/(100 + 100) = 25%. B's peer A: 10%.
        let assignments = PeerAssignments(peers: ["A": ["B", "C", "Z"], "B": ["A"], "C": ["A", "B"]])
        let counts = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [
            Self.organisation("A", 10, 100), Self.organisation("B", 20, 100), Self.organisation("C", 30, 100),
        ])
        let result = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings(comparator: .peers(assignments)))
        expectClose(result.rows[0].comparatorValue, 25, relative: 1e-15, "A")
        #expect(result.rows[0].comparator.organisations == 2)
        #expect(result.rows[0].notes == ["2 of 3 peers have counts for this indicator"])
        expectClose(result.rows[1].comparatorValue, 10, relative: 1e-15, "B")
        expectClose(result.rows[2].comparatorValue, 15, relative: 1e-15, "C: (10 + 20)/200")
    }

    @Test func anOrganisationMissingFromThePeersFileIsAnError() {
        let assignments = PeerAssignments(peers: ["A": ["B"]], source: "peers.csv")
        let counts = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [Self.organisation("A", 1, 10), Self.organisation("B", 2, 10)])
        #expect {
            _ = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings(comparator: .peers(assignments)))
        } throws: { error in
            (error as? DataError)?.message == "organisation \"B\" has no peers in peers.csv"
        }
    }

    @Test func peersWithoutCountsLeaveTheComparatorEmptyAndSaySo() throws {
        let assignments = PeerAssignments(peers: ["A": ["Z"], "B": ["A"]])
        let counts = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [Self.organisation("A", 1, 10), Self.organisation("B", 2, 10)])
        let result = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings(comparator: .peers(assignments)))
        #expect(result.rows[0].comparatorValue == nil)
        #expect(result.rows[0].significance95 == nil)
        #expect(result.rows[0].z == nil)
        #expect(result.rows[0].funnel == nil)
        #expect(result.rows[0].position == nil)
        #expect(result.rows[0].notes.contains("the comparator has no value: no significance, z-score or funnel limits"))
        #expect(result.rows[1].comparatorValue != nil)
    }

    @Test func englandFromItsOwnRowOrASuppliedValue() throws {
        let organisations = [Self.organisation("A", 10, 100), Self.organisation("B", 30, 100)]
        let england = OrganisationCounts(organisationCode: "E92000001", numerator: 150, denominator: 1000)
        let byRow = try IndicatorBenchmark.run(IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: organisations, england: .counts(england)),
                                               settings: BenchmarkSettings())
        expectClose(byRow.rows[0].comparatorValue, 15, relative: 1e-15, "150/1000")
        #expect(byRow.rows[0].comparator.code == "E92000001")
        let byValue = try IndicatorBenchmark.run(IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: organisations, england: .value(0.12)),
                                                 settings: BenchmarkSettings())
        expectClose(byValue.rows[1].comparatorValue, 12, relative: 1e-15)
        #expect(byValue.rows[1].comparator.code == nil)
        let pooled = try IndicatorBenchmark.run(IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: organisations), settings: BenchmarkSettings())
        expectClose(pooled.rows[1].comparatorValue, 20, relative: 1e-15, "40/200")
    }

    @Test func zScoreAndSignificanceOfOneOrganisation() throws {
        // Hand calculation: θ = 0.2 (supplied), y = 30/100 = 0.3, s = √(0.2·0.8/100) = 0.04,
        // z = 0.1/0.04 = 2.5. Wilson 95% lower limit for 30/100 is 0.2189 (> 0.2), so higher; the
        // 99.8% lower limit is 0.1810 (< 0.2), similar (statsmodels proportion_confint, "wilson").
        let counts = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [Self.organisation("A", 30, 100)], england: .value(0.2))
        let result = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings())
        let row = try #require(result.rows.first)
        expectClose(row.z, 2.5, relative: 1e-12)
        #expect(row.significance95 == .higher)
        #expect(row.significance998 == .similar)
        #expect(row.intervalMethod == "Wilson")
        // One organisation: no over-dispersion estimate, the flag uses the exact limits.
        #expect(result.dispersion.model == .none)
        #expect(row.adjusted == row.funnel)
        #expect(row.position == row.funnel!.position(of: 30))
    }

    @Test func ratesUseByarOrExactIntervalsByCount() throws {
        let counts = IndicatorCounts(indicatorId: "r", statistic: .rate, organisations: [Self.organisation("A", 9, 1000), Self.organisation("B", 10, 1000)])
        let result = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings())
        #expect(result.rows.map(\.intervalMethod) == ["exact Poisson", "Byar"])
        // Rate per 100,000: 9/1000 → 900.
        expectClose(result.rows[0].value, 900, relative: 1e-15)
    }

    @Test func impossibleCountsAreErrorsNamingTheRow() {
        let counts = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [Self.organisation("A", 12, 10)])
        #expect {
            _ = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings())
        } throws: { error in
            (error as? DataError)?.description == "counts.csv:2:3: numerator: expected counts of a proportion, found numerator 12 and denominator 10 (indicator \"i\", organisation \"A\"): a proportion's numerator must not exceed its denominator"
        }
        let fractional = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [Self.organisation("A", 1.5, 10)])
        #expect(throws: DataError.self) { _ = try IndicatorBenchmark.run(fractional, settings: BenchmarkSettings()) }
        let zeroExpected = IndicatorCounts(indicatorId: "i", statistic: .ratio, organisations: [Self.organisation("A", 1, 0)])
        #expect {
            _ = try IndicatorBenchmark.run(zeroExpected, settings: BenchmarkSettings())
        } throws: { error in
            (error as? DataError)?.location.description == "counts.csv:2:4: denominator"
        }
    }

    @Test func aZeroTargetGivesNoZScoreButSaysWhy() throws {
        let counts = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [Self.organisation("A", 0, 10), Self.organisation("B", 0, 20)])
        let result = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings())
        #expect(result.rows[0].z == nil)
        #expect(result.rows[0].notes.first?.contains("no z-score") == true)
        #expect(result.dispersion.organisations == 0)
        #expect(result.rows[0].funnel == ControlLimits(lower95: 0, upper95: 0, lower998: 0, upper998: 0))
    }

    @Test func changeColumnsComeFromThePreviousPeriod() throws {
        let counts = IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: [Self.organisation("A", 48, 80), Self.organisation("B", 5, 10)],
                                     previous: ["A": Self.organisation("A", 56, 70)], previousPeriod: "2021/22")
        let result = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings())
        // Reference "Newcombe …": 56/70 → 48/80, 95% interval (−0.3339, −0.0524), ×100.
        let change = try #require(result.rows[0].change)
        expectClose(change.lower, -33.3872654036906)
        expectClose(change.upper, -5.243147240236498)
        #expect(result.rows[1].change == nil)
        #expect(result.rows[1].notes == ["no counts in period 2021/22: no change"])
    }

    @Test func quintilesAreAssignedAmongTheIndicatorsOrganisations() throws {
        let organisations = (1...10).map { Self.organisation("P\($0)", Double($0), 100) }
        let result = try IndicatorBenchmark.run(IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: organisations), settings: BenchmarkSettings())
        #expect(result.rows.map(\.quintile) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(result.rows.map(\.decile) == Array(1...10))
    }

    @Test func curvesFollowTheTargetAndSpanTheDenominators() throws {
        let organisations = [Self.organisation("A", 10, 100), Self.organisation("B", 300, 1000), Self.organisation("C", 900, 4000)]
        let result = try IndicatorBenchmark.run(IndicatorCounts(indicatorId: "i", statistic: .proportion, organisations: organisations), settings: BenchmarkSettings())
        let curves = result.curves(count: 50)
        #expect(curves.count == 1)
        let curve = try #require(curves.first)
        expectClose(curve.target, 1210.0 / 5100 * 100, relative: 1e-15, "pooled %")
        #expect(curve.points.first?.denominator == 50)
        #expect(curve.points.last?.denominator == 4200)
        let point = curve.points[10]
        let direct = FunnelLimits.limits(statistic: .proportion, method: .exact, target: 1210.0 / 5100, denominator: point.denominator)
        #expect(point.funnel == direct.scaled(by: 100))
    }
}
