import Foundation
import Indicators
import Statistics
import Tables
import Testing

/// `--compare-published`: published figures are read as written and judged by their rounding.
@Suite struct PublishedComparisonTests {
    static let header = "Indicator ID,Parent Code,Area Code,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator"

    /// Practices of Fingertips 91547 (2022/23) with the published figures rounded to 5 decimals, as
    /// some years were published; the rounded figures are Python's `f"{v:.5f}"` of the Wilson
    /// values computed with statistics.NormalDist (England 14.71089355400213, …). A81002's Value is
    /// altered to 16.13072 (ours 16.130692050424493); A81003 is suppressed by the publisher.
    static let roundedExport = [
        header,
        "91547,,E92000001,England,Persons,15+ yrs,,,2022/23,14.71089,14.70128,14.72051,14.69574,14.72606,7664426,52100343",
        "91547,E92000001,A81001,GPs,Persons,15+ yrs,,,2022/23,15.40767,14.22243,16.67250,13.57507,17.43776,514,3336",
        "91547,E92000001,A81002,GPs,Persons,15+ yrs,,,2022/23,16.13072,15.56092,16.71720,15.23997,17.06299,2508,15548",
        "91547,E92000001,A81003,GPs,Persons,15+ yrs,,,2022/23,,,,,,3,40",
        // England again under another parent, identical: read once.
        "91547,E12000001,E92000001,England,Persons,15+ yrs,,,2022/23,14.71089,14.70128,14.72051,14.69574,14.72606,7664426,52100343",
    ].joined(separator: "\r\n") + "\r\n"

    static func request() -> IndicatorRequest {
        var request = IndicatorRequest(statistic: .proportion, confidence: levels, missingValues: .pass)
        request.comparesPublished = true
        return request
    }

    @Test func figuresKeepTheDecimalsWritten() {
        #expect(PublishedFigure(text: "14.22242703") == PublishedFigure(value: 14.22242703, decimals: 8))
        #expect(PublishedFigure(text: "1.5E-3") == PublishedFigure(value: 0.0015, decimals: 4))
        #expect(PublishedFigure(text: "12") == PublishedFigure(value: 12, decimals: 0))
        #expect(PublishedFigure(text: "-0.50")?.decimals == 2)
        #expect(PublishedFigure(text: "n/a") == nil)
        // Wilson lower limit of 514/3336 is 14.22242702644467 (statistics.NormalDist): it rounds to
        // 14.22242703 at 8 decimals but not to 14.22242704; at 5 decimals it rounds to 14.22243.
        let published = PublishedFigure(text: "14.22242703")!
        #expect(published.isReproduced(by: 14.22242702644467))
        #expect(!PublishedFigure(text: "14.22242704")!.isReproduced(by: 14.22242702644467))
        #expect(PublishedFigure(text: "14.22243")!.isReproduced(by: 14.22242702644467))
        #expect(!PublishedFigure(text: "14.22241")!.isReproduced(by: 14.22242702644467))
    }

    @Test func roundedPublishedFiguresAreReproducedAndADifferenceIsFound() throws {
        let results = try compute(Self.roundedExport, Self.request(), name: "export.csv", chunkRows: 2)
        #expect(results.repeatedRows == 1)
        #expect(results.results.count == 4)
        let agreement = results.agreement
        #expect(agreement.compared == 3)
        #expect(agreement.reproduced == 2)
        #expect(agreement.unpublished == 1)
        #expect(agreement.largest?.line == 4)
        #expect(agreement.largest?.column == "value")
        // 16.130692050424493 - 16.13072, the altered figure.
        expectClose(agreement.largest.map { $0.computed - $0.published }, 16.130692050424493 - 16.13072)
        let note = agreement.note(source: "export.csv")
        #expect(note.contains("2 of 3 groups reproduce"))
        #expect(note.contains("value at line 4"))
        #expect(note.contains("1 group has no published figure"))

        var rows: [[CSVValue]] = []
        results.forEachRow(wide: false) { rows.append($0) }
        let header = results.header(wide: false)
        #expect(header.suffix(7) == ["published_value", "published_lowercl", "published_uppercl", "difference_value",
                                     "difference_lowercl", "difference_uppercl", "reproduced"])
        let verdict = header.firstIndex(of: "reproduced")!
        #expect(rows.map { $0[verdict] } == [.text("yes"), .text("yes"), .text("yes"), .text("yes"), .text("no"), .text("no"), .missing, .missing])
        // The 99.8% row of A81001: published 13.57507, ours 13.575069731075956.
        let lower = header.firstIndex(of: "published_lowercl")!
        let difference = header.firstIndex(of: "difference_lowercl")!
        #expect(rows[3][lower] == .number(13.57507))
        guard case .number(let gap) = rows[3][difference] else { Issue.record("no difference"); return }
        // A difference of two close numbers: compared absolutely (a few ulps of 13.6).
        #expect(abs(gap - (13.575069731075956 - 13.57507)) < 1e-13)
    }

    @Test func wideOutputHasPublishedLimitsPerLevel() throws {
        let results = try compute(Self.roundedExport, Self.request(), name: "export.csv")
        let header = results.header(wide: true)
        #expect(header.contains("published_lower99_8cl"))
        #expect(header.contains("difference_upper95_0cl"))
        var verdicts: [CSVValue] = []
        let index = header.firstIndex(of: "reproduced")!
        results.forEachRow(wide: true) { verdicts.append($0[index]) }
        #expect(verdicts == [.text("yes"), .text("yes"), .text("no"), .missing])
    }

    @Test func canonicalCountsMayCarryPublishedFigures() throws {
        let csv = "indicator_id,org_code,numerator,denominator,published_value,published_lower95,published_upper95\n"
            + "91547,A81001,514,3336,15.40767,14.22243,16.67250\n"
        var request = Self.request()
        request.confidence = [.ninetyFive]
        let results = try compute(csv, request)
        #expect(results.agreement.reproduced == 1)
    }

    @Test func aLevelFingertipsDoesNotPublishIsAnError() {
        var request = Self.request()
        request.confidence = [ConfidenceLevel(percent: 90)]
        let failure = dataError { _ = try compute(Self.roundedExport, request, name: "export.csv") }
        #expect(failure?.description.contains("export.csv:1: --compare-published: no published limits at 90%") == true)
    }

    @Test func aFileWithoutPublishedFiguresIsAnError() {
        let failure = dataError { _ = try compute("indicator_id,org_code,numerator,denominator\n1,A,1,2\n", Self.request()) }
        #expect(failure?.description.contains("the file has no published figures; expected one of published_value (Value)") == true)
    }

    @Test func aBadPublishedFigureNamesItsColumn() {
        let csv = Self.roundedExport.replacingOccurrences(of: "2022/23,15.40767", with: "2022/23,15.4o767")
        let failure = dataError { _ = try compute(csv, Self.request(), name: "export.csv") }
        #expect(failure?.description.contains("export.csv:3:10: Value: expected a published figure (a number or an empty field), found \"15.4o767\"") == true,
                "\(failure?.description ?? "no error")")
    }

    @Test func aRepeatWithOtherPublishedFiguresIsAConflict() {
        let csv = Self.roundedExport.replacingOccurrences(of: "E12000001,E92000001,England,Persons,15+ yrs,,,2022/23,14.71089",
                                                          with: "E12000001,E92000001,England,Persons,15+ yrs,,,2022/23,14.71090")
        let failure = dataError { _ = try compute(csv, Self.request(), name: "export.csv") }
        #expect(failure?.description.contains("export.csv:6: this row repeats line 2") == true, "\(failure?.description ?? "no error")")
        #expect(failure?.description.contains("different published figures") == true)
    }

    @Test func groupsOfSeveralRowsCannotBeCompared() {
        var request = Self.request()
        request.grouping = [.indicatorID, .areaType]
        let failure = dataError { _ = try compute(Self.roundedExport, request, name: "export.csv") }
        #expect(failure?.description.contains("--compare-published compares one input row per group") == true, "\(failure?.description ?? "no error")")
    }

    @Test func onlyProportionsAndRatesAreCompared() {
        var request = IndicatorRequest(statistic: .dsr)
        request.comparesPublished = true
        #expect(request.problem?.contains("published figures can be compared for proportions and rates") == true)
    }

    /// The real export (Fingertips 91547, 2022/23, published to 8 decimals): every group
    /// reproduces at the exact normal quantile; none does with z = 1.96, so the comparison can fail.
    @Test func theRealExportReproducesOnlyWithTheExactQuantile() throws {
        let path = FingertipsSmokingTests.path
        func agreement(_ request: IndicatorRequest) throws -> PublishedAgreement {
            let reader = try TableReader(path: path, schema: IndicatorCounts.schema(for: request))
            var computation = try IndicatorComputation(request: request)
            while let chunk = try reader.next(maximumRows: 4096) { try computation.add(IndicatorCounts(table: chunk)) }
            return try computation.finish().agreement
        }
        let exact = try agreement(Self.request())
        #expect(exact.compared == 6851)
        #expect(exact.reproduced == 6851)
        var rounded = Self.request()
        rounded.confidence = [ConfidenceLevel(percent: 95, z: 1.96), ConfidenceLevel(percent: 99.8, z: 3.09)]
        let coarse = try agreement(rounded)
        #expect(coarse.reproduced == 0)
    }
}
