import Testing
import Tables
@testable import Benchmarking

/// The published oracle: OHID Fingertips indicator 91547, smoking prevalence in adults (15+), QOF,
/// 2022/23 (datasets/england-2022-23, Open Government Licence v3.0). Its practice rows carry
/// `Compared to England value or percentiles` = Better / Similar / Worse, from each practice's
/// 95% Wilson interval against the England row's value, with lower prevalence better.
@Suite struct FingertipsSmokingLabelTests {
    static let path: String = {
        // Tests/BenchmarkingTests/<this file> → the repository root.
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/datasets/england-2022-23/fingertips-smoking-prevalence-qof-2022-23.csv"
    }()

    static func benchmark() throws -> (IndicatorBenchmark, BenchmarkInputReport) {
        let table = try TableReader.read(path: path, schema: BenchmarkInput.schema)
        let options = BenchmarkInputOptions(areaType: "GPs", england: .row(code: "E92000001"), statistic: .proportion, polarity: .lowerIsBetter)
        let (indicators, report) = try BenchmarkInput.read(table: table, options: options)
        #expect(indicators.count == 1)
        return (try IndicatorBenchmark.run(indicators[0], settings: BenchmarkSettings()), report)
    }

    /// The published label and limits of every practice, by code.
    static func published() throws -> [String: (label: String, value: Double, lower: Double, upper: Double, lower998: Double, upper998: Double)] {
        let schema = Schema([
            ColumnSpec("Area Code"), ColumnSpec("Area Type"), ColumnSpec("Compared to England value or percentiles"),
            ColumnSpec("Value", .decimal()), ColumnSpec("Lower CI 95.0 limit", .decimal()), ColumnSpec("Upper CI 95.0 limit", .decimal()),
            ColumnSpec("Lower CI 99.8 limit", .decimal()), ColumnSpec("Upper CI 99.8 limit", .decimal()),
        ])
        let table = try TableReader.read(path: path, schema: schema)
        let codes = table.text("Area Code")
        let types = table.text("Area Type")
        let labels = table.text("Compared to England value or percentiles")
        let values = table.decimals("Value")
        let lowers = table.decimals("Lower CI 95.0 limit")
        let uppers = table.decimals("Upper CI 95.0 limit")
        let lowers998 = table.decimals("Lower CI 99.8 limit")
        let uppers998 = table.decimals("Upper CI 99.8 limit")
        var result: [String: (String, Double, Double, Double, Double, Double)] = [:]
        for row in 0..<table.rowCount where types[row] == "GPs" {
            result[codes[row]] = (labels[row], values[row], lowers[row], uppers[row], lowers998[row], uppers998[row])
        }
        return result
    }

    @Test func everyPracticeGetsThePublishedLabel() throws {
        let (benchmark, report) = try Self.benchmark()
        let published = try Self.published()
        #expect(report.rowsUsed == 6378)
        #expect(report.englandRows == 1)
        #expect(report.otherAreaTypes == 6851 - 6378 - 1)
        #expect(benchmark.rows.count == 6378)
        var agreeing = 0
        var counts: [Significance: Int] = [:]
        for row in benchmark.rows {
            let expected = try #require(published[row.organisationCode])
            let label: String
            switch row.significance95 {
            case .better?: label = "Better"
            case .worse?: label = "Worse"
            case .similar?: label = "Similar"
            default: label = "unexpected \(String(describing: row.significance95))"
            }
            if label == expected.label { agreeing += 1 } else { Issue.record("\(row.organisationCode): published \(expected.label), found \(label)") }
            counts[row.significance95!, default: 0] += 1
        }
        #expect(agreeing == 6378)
        // Published counts: Better 2,894, Worse 2,686, Similar 798.
        #expect(counts[.better] == 2894)
        #expect(counts[.worse] == 2686)
        #expect(counts[.similar] == 798)
    }

    @Test func theComparatorIsTheEnglandRow() throws {
        let (benchmark, _) = try Self.benchmark()
        // England row: Count 7,664,426, Denominator 52,100,343, published Value 14.71089355.
        let first = try #require(benchmark.rows.first)
        #expect(first.comparator.code == "E92000001")
        expectClose(first.comparatorValue, 7_664_426.0 / 52_100_343.0 * 100, relative: 1e-15, "England %")
        expectClose(first.comparatorValue, 14.71089355, relative: 1e-9, "published England value")
    }

    @Test func valuesAndWilsonLimitsMatchThePublishedFigures() throws {
        // The publisher rounds to about 10 significant figures, hence 1e-8 relative.
        let (benchmark, _) = try Self.benchmark()
        let published = try Self.published()
        for row in benchmark.rows {
            let expected = try #require(published[row.organisationCode])
            expectClose(row.value, expected.value, relative: 1e-8, "\(row.organisationCode) value")
            expectClose(row.lower95, expected.lower, relative: 1e-8, "\(row.organisationCode) lower 95")
            expectClose(row.upper95, expected.upper, relative: 1e-8, "\(row.organisationCode) upper 95")
            expectClose(row.lower998, expected.lower998, relative: 1e-8, "\(row.organisationCode) lower 99.8")
            expectClose(row.upper998, expected.upper998, relative: 1e-8, "\(row.organisationCode) upper 99.8")
        }
    }

    @Test func practicesAreOverDispersedAroundEngland() throws {
        // Practice smoking prevalence varies far more than binomial chance around one England
        // value: φ is far above χ²(6377) 95% quantile / 6378 = 6563.889316143754 / 6378 (reference
        // file, "chi-square 95% quantiles"), so the additive random-effects model is applied.
        let (benchmark, _) = try Self.benchmark()
        expectClose(benchmark.dispersion.phiThreshold, 6563.889316143754 / 6378, "threshold")
        #expect(benchmark.dispersion.phi > 10)
        #expect(benchmark.dispersion.model == .additive)
        #expect(benchmark.dispersion.tauSquared > 0)
        // Flags are taken against the widened limits: fewer outliers than by the exact limits.
        let byExact = benchmark.rows.filter { $0.funnel!.position(of: $0.value).isBeyond998 }.count
        let byAdjusted = benchmark.rows.filter { $0.position!.isBeyond998 }.count
        #expect(byAdjusted < byExact)
    }
}
