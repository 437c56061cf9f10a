import Testing
import Tables
@testable import Benchmarking

@Suite struct BenchmarkInputTests {
    static func read(_ csv: String, _ options: BenchmarkInputOptions = BenchmarkInputOptions()) throws -> ([IndicatorCounts], BenchmarkInputReport) {
        let table = try TableReader.read(bytes: Array(csv.utf8), name: "counts.csv", schema: BenchmarkInput.schema)
        let result = try BenchmarkInput.read(table: table, options: options)
        return (result.indicators, result.report)
    }

    static func expectError(_ csv: String, _ options: BenchmarkInputOptions = BenchmarkInputOptions(), _ expected: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try read(csv, options)
            Issue.record("expected an error: \(expected)", sourceLocation: sourceLocation)
        } catch let error as DataError {
            #expect(error.description == expected, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func canonicalLayoutGroupsByIndicatorInOrderOfAppearance() throws {
        let csv = "indicator_id,org_code,numerator,denominator,parent_code\nb,A1,1,10,X\na,A1,2,10,X\nb,A2,3,10,Y\n"
        let (indicators, report) = try Self.read(csv)
        #expect(indicators.map(\.indicatorId) == ["b", "a"])
        #expect(indicators[0].organisations.map(\.organisationCode) == ["A1", "A2"])
        #expect(indicators[0].organisations.map(\.parentCode) == ["X", "Y"])
        #expect(indicators[0].multiplier == 100)
        #expect(indicators[0].england == .pooled)
        #expect(report.rowsUsed == 3)
        #expect(indicators[0].organisations[1].location?.description == "counts.csv:4")
    }

    @Test func metadataSetsPolarityStatisticMultiplierAndName() throws {
        let metadataCSV = "indicator_id,polarity,statistic,multiplier,name\nr,higher_is_better,rate,1000,Admissions\n"
        let metadata = try IndicatorMetadata.read(table: TableReader.read(bytes: Array(metadataCSV.utf8), name: "indicators.csv", schema: IndicatorMetadata.schema))
        let (indicators, _) = try Self.read("indicator_id,org_code,numerator,denominator\nr,A,5,200.5\n", BenchmarkInputOptions(metadata: metadata))
        #expect(indicators[0].statistic == .rate)
        #expect(indicators[0].multiplier == 1000)
        #expect(indicators[0].polarity == .higherIsBetter)
        #expect(indicators[0].name == "Admissions")
        Self.expectError("indicator_id,org_code,numerator,denominator\nq,A,5,200\n", BenchmarkInputOptions(metadata: metadata),
                         "counts.csv:2: indicator \"q\" is not in the indicators metadata file")
    }

    @Test func metadataErrorsNameTheCell() throws {
        let bad = "indicator_id,polarity\nr,up\n"
        #expect {
            _ = try IndicatorMetadata.read(table: TableReader.read(bytes: Array(bad.utf8), name: "indicators.csv", schema: IndicatorMetadata.schema))
        } throws: { error in
            (error as? DataError)?.description == "indicators.csv:2:2: polarity: expected one of higher_is_better, lower_is_better, no_judgement, found \"up\""
        }
    }

    @Test func suppliedEnglandValueIsOnTheOutputScale() throws {
        let (indicators, _) = try Self.read("indicator_id,org_code,numerator,denominator\ni,A,5,20\n", BenchmarkInputOptions(england: .value(12.5)))
        #expect(indicators[0].england == .value(0.125))
    }

    // A Fingertips export with its quirks: several area types, an England row, an empty count.
    static let fingertips = """
    Indicator ID,Indicator Name,Parent Code,Area Code,Area Type,Time period,Value,Count,Denominator
    91547,Smoking,,E92000001,England,2022/23,14.7,7664426,52100343
    91547,Smoking,E92000001,A81001,GPs,2022/23,15.4,514,3336
    91547,Smoking,E92000001,A81002,GPs,2022/23,16.1,2508,15548
    91547,Smoking,E92000001,E38000001,ICBs,2022/23,15.0,100,700
    91547,Smoking,E92000001,A81003,GPs,2022/23,,,

    """

    @Test func fingertipsExportWithAreaTypeAndEnglandRow() throws {
        let options = BenchmarkInputOptions(areaType: "GPs", england: .row(code: "E92000001"), missing: .skip)
        let (indicators, report) = try Self.read(Self.fingertips, options)
        #expect(indicators.count == 1)
        #expect(indicators[0].name == "Smoking")
        #expect(indicators[0].period == "2022/23")
        #expect(indicators[0].organisations.map(\.organisationCode) == ["A81001", "A81002"])
        guard case .counts(let england) = indicators[0].england else {
            Issue.record("expected the England row")
            return
        }
        #expect(england.numerator == 7_664_426)
        #expect(report == {
            var expected = BenchmarkInputReport()
            expected.rowsRead = 5
            expected.rowsUsed = 2
            expected.englandRows = 1
            expected.otherAreaTypes = 1
            expected.skippedMissing = 1
            return expected
        }())
        #expect(report.summary == "5 rows: 2 used, 1 England row as comparator, 1 of other area types not used")
        #expect(report.notes(source: "counts.csv") == [
            "counts.csv: 5 rows: 2 used, 1 England row as comparator, 1 of other area types not used",
            "counts.csv: 1 row left out: an empty numerator or denominator",
        ])
    }

    @Test func everyAreaTypeIsAGroupOfItsOwnAgainstTheSameEnglandRow() throws {
        let (indicators, report) = try Self.read(Self.fingertips, BenchmarkInputOptions(england: .row(code: "E92000001")))
        #expect(indicators.map { $0.breakdown.value(of: "area_type") } == ["GPs", "ICBs"])
        #expect(indicators[0].organisations.map(\.organisationCode) == ["A81001", "A81002"])
        #expect(indicators[0].suppressed.map(\.organisationCode) == ["A81003"])
        #expect(indicators[1].organisations.map(\.organisationCode) == ["E38000001"])
        for indicator in indicators { #expect(indicator.england == indicators[0].england) }
        #expect(report.englandRows == 1)
        #expect(report.passedMissing == 1)
        #expect(report.notes(source: "counts.csv").last
            == "counts.csv: 1 row has an empty numerator or denominator (suppressed or not calculable by the publisher); it is written with an empty value and a note")
    }

    @Test func anEmptyCountIsAnErrorUnderMissingError() {
        Self.expectError(Self.fingertips, BenchmarkInputOptions(areaType: "GPs", england: .row(code: "E92000001"), missing: .error),
                         "counts.csv:6:8: numerator: expected a number, found an empty field (rows with missing figures are errors under --missing error; pass writes them with an empty value and the reason, skip leaves them out)")
    }

    @Test func anEnglandRowAmongOrganisationsIsAnError() {
        Self.expectError("indicator_id,org_code,numerator,denominator\ni,E92000001,5,20\ni,A,1,2\n", BenchmarkInputOptions(),
                         "counts.csv:2:2: org_code: a row for England (E92000001) among the organisations; use --england row to make it the comparator, or leave it out")
    }

    @Test func aMissingEnglandRowIsAnError() {
        Self.expectError("indicator_id,org_code,numerator,denominator\ni,A,1,2\n", BenchmarkInputOptions(england: .row(code: "E92000001")),
                         "counts.csv:2: indicator \"i\" has no England row (org_code \"E92000001\") for --england row")
    }

    @Test func aRepeatWithOtherFiguresIsAnErrorAndAnExactOneIsReadOnce() throws {
        Self.expectError("indicator_id,org_code,numerator,denominator\ni,A,1,2\nj,A,1,2\ni,A,2,4\n", BenchmarkInputOptions(),
                         "counts.csv:4:3: numerator: this row repeats line 2 (indicator_id \"i\", org_code \"A\") with a different numerator: 2 here, 1 there")
        let (indicators, report) = try Self.read("indicator_id,org_code,numerator,denominator,parent_code\ni,A,1,2,X\ni,B,1,3,X\ni,A,1,2,Y\n")
        #expect(indicators[0].organisations.map(\.organisationCode) == ["A", "B"])
        #expect(indicators[0].organisations[0].parentCode == "X")
        #expect(report.repeatedRows == 1)
        #expect(report.firstRepeatLine == 4)
    }

    @Test func severalPeriodsNeedAChoiceAndFeedTheChange() throws {
        let csv = "indicator_id,org_code,numerator,denominator,period\ni,A,1,10,2021\ni,A,2,10,2022\ni,B,3,10,2022\ni,A,9,10,2020\n"
        let (every, _) = try Self.read(csv)
        #expect(every.map(\.period) == ["2021", "2022", "2020"])
        #expect(every.map { $0.organisations.count } == [1, 2, 1])
        let (indicators, report) = try Self.read(csv, BenchmarkInputOptions(period: "2022", changeFrom: "2021"))
        #expect(indicators[0].organisations.map(\.organisationCode) == ["A", "B"])
        #expect(indicators[0].previous?["A"]?.numerator == 1)
        #expect(indicators[0].previous?["B"] == nil)
        #expect(indicators[0].previousPeriod == "2021")
        #expect(report.otherPeriods == 1)
    }

    /// fingertipsR's spelling of the same export (spaces taken out of the headers) is the same
    /// columns: headers are matched by key.
    @Test func fingertipsRSpellingsAreTheSameColumns() throws {
        let csv = """
        IndicatorID,IndicatorName,ParentCode,AreaCode,AreaType,Sex,Age,CategoryType,Category,Timeperiod,Value,Count,Denominator,Valuenote
        91547,Smoking,,E92000001,England,Persons,15+ yrs,,,2022/23,14.7,7664426,52100343,
        91547,Smoking,E38000247,A81001,GPs,Persons,15+ yrs,,,2022/23,15.4,514,3336,
        91547,Smoking,E38000247,A81003,GPs,Persons,15+ yrs,,,2022/23,,,,Value cannot be calculated as number of cases is too small
        91547,Smoking,E54000050,E92000001,England,Persons,15+ yrs,,,2022/23,14.7,7664426,52100343,

        """
        let (indicators, report) = try Self.read(csv, BenchmarkInputOptions(england: .row(code: "E92000001")))
        #expect(indicators.count == 1)
        #expect(indicators[0].breakdown == Breakdown(columns: ["area_type", "sex", "age_band", "category_type", "group"],
                                                     values: ["GPs", "Persons", "15+ yrs", "", ""]))
        #expect(indicators[0].organisations.map(\.parentCode) == ["E38000247"])
        #expect(indicators[0].suppressed.map(\.reason) == [
            "empty numerator or denominator in the input (suppressed or not calculable by the publisher): Value cannot be calculated as number of cases is too small",
        ])
        #expect(report.repeatedRows == 1 && report.firstRepeatLine == 5 && report.englandRows == 1 && report.passedMissing == 1)
    }

    @Test func aHeaderOfNoLayoutNamesWhatEachNeeds() {
        #expect {
            _ = try Self.read("indicator_id,org_code,numerator\ni,A,1\n")
        } throws: { error in
            let message = (error as? DataError)?.message ?? ""
            return message.contains("The closest is benchmark counts, which also needs denominator or expected (see docs/layouts/benchmark.md)")
                && message.contains("an OHID Fingertips export (Indicator ID, Area Code, Time period, Count or Value)")
        }
        // A compact Fingertips file has values but no counts.
        Self.expectError("IndicatorID,Year,AreaCode,Value\n91547,2022,A81001,15.4\n", BenchmarkInputOptions(),
                         "counts.csv:1: missing column numerator (Count or observed), needed to benchmark (a Fingertips file with values but no counts cannot be benchmarked)")
    }

    @Test func peersFileIsReadByRank() throws {
        let csv = "org_code,peer_rank,peer_code,distance\nA,2,C,1.5\nA,1,B,0.5\nB,1,A,0.5\n"
        let peers = try PeerAssignments(table: TableReader.read(bytes: Array(csv.utf8), name: "peers.csv", schema: PeerAssignments.schema))
        #expect(peers.peers["A"] == ["B", "C"])
        #expect(peers.peers["B"] == ["A"])
        #expect(peers.source == "peers.csv")
        #expect {
            _ = try PeerAssignments(table: TableReader.read(bytes: Array("org_code,peer_code\nA,A\n".utf8), name: "peers.csv", schema: PeerAssignments.schema))
        } throws: { error in
            (error as? DataError)?.description == "peers.csv:2:2: peer_code: an organisation cannot be its own peer (\"A\")"
        }
    }
}
