import Testing
import Tables
@testable import Layouts

// Header keys: the spellings Fingertips and fingertipsR use for one column are one key.
@Test func headerKeysIgnoreSpacingPunctuationAndCase() {
    #expect(headerKey("Lower CI 95.0 limit") == "lowerci950limit")
    #expect(headerKey("LowerCI95.0limit") == "lowerci950limit")
    #expect(headerKey("lower_ci_95_0_limit") == "lowerci950limit")
    #expect(headerKey("Appraisal Costs ") == headerKey("appraisal_costs"))
    #expect(headerKey("NHS England (Region) code") == "nhsenglandregioncode")
    #expect(headerKey("Number of Registered Patients\n(Last Known Figure)") == "numberofregisteredpatientslastknownfigure")
    #expect(headerKey("Café") == "café")
    #expect(headerKey(" - ") == "")
}

@Test func headerKeysFindKnownColumnsUnderAnySpelling() {
    let keys = HeaderKeys(["IndicatorID", "AreaCode", "Timeperiod", "Count", "LowerCI95.0limit"])
    #expect(keys.contains(FingertipsColumns.indicatorID))
    #expect(keys.contains(FingertipsColumns.orgCode))
    #expect(keys.contains(FingertipsColumns.period))
    #expect(keys.contains(FingertipsColumns.lower95))
    #expect(!keys.contains(FingertipsColumns.denominator))
    #expect(keys.headerName(of: FingertipsColumns.period) == "Timeperiod")
}

@Test func detectionTakesTheFirstMatchingLayout() throws {
    let canonical = FileLayout(id: "canonical", name: "indicator counts", identifying: [[KnownColumn("indicator_id")], [KnownColumn("org_code")]],
                               documentation: "docs/layouts.md")
    let found = try LayoutDetection.detect(header: ["Indicator ID", "Area Code", "Time period", "Value"], source: "f.csv",
                                           among: [canonical, FingertipsColumns.export], reading: "indicator counts")
    // indicator_id matches Indicator ID by key, but org_code is not Area Code: the canonical layout does not match.
    #expect(found.id == "fingertips")
    let compact = try LayoutDetection.detect(header: ["IndicatorID", "Year", "AreaCode", "AreaName", "IsAreaCurrent", "Value"], source: "f.csv",
                                             among: [canonical, FingertipsColumns.export], reading: "indicator counts")
    #expect(compact.id == "fingertips")
}

@Test func anUnknownLayoutNamesTheColumnsFoundAndTheClosestLayout() {
    let canonical = FileLayout(id: "canonical", name: "indicator counts", identifying: [[KnownColumn("indicator_id")], [KnownColumn("org_code")]],
                               documentation: "docs/layouts.md")
    do {
        _ = try LayoutDetection.detect(header: ["Indicator ID", "Area Code", "Sex"], source: "f.csv",
                                       among: [canonical, FingertipsColumns.export], reading: "indicator counts")
        Issue.record("expected an error")
    } catch let error as DataError {
        #expect(error.description == "f.csv:1: the columns do not match a layout of indicator counts that the engine reads; the header has 3 columns: Indicator ID, Area Code, Sex. The closest is an OHID Fingertips export, which also needs Time period, Count or Value (see docs/layouts/indicators.md). Layouts read: indicator counts (indicator_id, org_code); an OHID Fingertips export (Indicator ID, Area Code, Time period, Count or Value).")
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func notesAreWordedOneWay() {
    #expect(ReadingNotes.repeats(source: "f.csv", count: 4, firstLine: 12) == "f.csv: 4 rows repeat earlier rows exactly (the first at line 12) and were read once")
    #expect(ReadingNotes.repeats(source: "f.csv", count: 1, firstLine: nil) == "f.csv: 1 row repeats an earlier row exactly and was read once")
    #expect(ReadingNotes.passedThrough(source: "f.csv", count: 2, figures: "Count or Denominator")
            == "f.csv: 2 rows have an empty Count or Denominator (suppressed or not calculable by the publisher); they are written with an empty value and a note")
    #expect(ReadingNotes.leftOut(source: "f.csv", count: 1, reason: "an empty Count or Denominator") == "f.csv: 1 row left out: an empty Count or Denominator")
}
