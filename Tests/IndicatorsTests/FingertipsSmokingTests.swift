import Foundation
import Indicators
import Statistics
import Tables
import Testing

/// Real figures: OHID Fingertips indicator 91547 (smoking prevalence, QOF, 2022/23), as
/// downloaded, run through the engine as a proportion at 95% and 99.8%; every practice's Wilson
/// value and limits must reproduce the published Value and limits (Fingertips rounds to about 10
/// significant figures, so 1e-8 relative).
@Suite struct FingertipsSmokingTests {
    static let path = packageRoot.appendingPathComponent("datasets/england-2022-23/fingertips-smoking-prevalence-qof-2022-23.csv").path

    @Test func everyPracticeReproducesThePublishedValueAndLimits() throws {
        let reader = try TableReader(path: Self.path, schema: IndicatorCounts.schema)
        var computation = try IndicatorComputation(request: IndicatorRequest(statistic: .proportion, confidence: levels))
        while let chunk = try reader.next(maximumRows: 1000) {
            try computation.add(IndicatorCounts(table: chunk))
        }
        let results = try computation.finish()
        #expect(results.skippedRows == 0)
        let areaType = results.groupingColumns.firstIndex(of: .areaType)!
        let orgCode = results.groupingColumns.firstIndex(of: .orgCode)!
        let practices = results.results.filter { $0.groupValues[areaType] == "GPs" }
        #expect(practices.count == 6378)

        // The published figures, read independently of the engine's input schema.
        let published = try TableReader.read(path: Self.path, schema: Schema([
            ColumnSpec("Area Code"), ColumnSpec("Area Type"), ColumnSpec("Value", .decimal()),
            ColumnSpec("Lower CI 95.0 limit", .decimal()), ColumnSpec("Upper CI 95.0 limit", .decimal()),
            ColumnSpec("Lower CI 99.8 limit", .decimal()), ColumnSpec("Upper CI 99.8 limit", .decimal()),
        ]))
        let codes = published.text("Area Code")
        let types = published.text("Area Type")
        var row: [String: Int] = [:]
        for index in 0..<published.rowCount where types[index] == "GPs" { row[codes[index]] = index }
        #expect(row.count == 6378)
        let columns = ["Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit"]
            .map { published.decimals($0) }
        var worst = 0.0
        var compared = 0
        for practice in practices {
            guard let index = row[practice.groupValues[orgCode]] else {
                Issue.record("no published row for \(practice.groupValues[orgCode])")
                continue
            }
            let estimate = practice.estimate
            let ours = [estimate.value, estimate.limits[0].lower, estimate.limits[0].upper, estimate.limits[1].lower, estimate.limits[1].upper]
            for (mine, theirs) in zip(ours, columns.map { $0[index] }) {
                guard let mine else {
                    Issue.record("no value for \(practice.groupValues[orgCode])")
                    continue
                }
                worst = max(worst, abs(mine - theirs) / abs(theirs))
                compared += 1
            }
        }
        #expect(compared == 6378 * 5)
        #expect(worst <= 1e-8, "largest relative difference \(worst)")
    }
}
