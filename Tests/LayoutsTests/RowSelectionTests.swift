import Testing
import Tables
@testable import Layouts

// Hand-made export: England (line 2) repeated under a parent (line 3), two practices in two
// periods, one breakdown row. Each expected count below is read off the rows.
private let export = """
    Area Code,Parent Code,Area Type,Category Type,Time period,Count
    E92000001,,England,,2019,100
    E92000001,E40000001,England,,2019,100
    P1,E92000001,GPs,,2019,7
    P2,E92000001,GPs,,2019,9
    P1,E92000001,GPs,,2018,6
    P2,E92000001,GPs,Ethnic groups,2019,2

    """

private func exportTable() throws -> Table {
    try TableReader.read(bytes: Array(export.utf8), name: "f.csv", schema: Schema([
        FingertipsColumns.orgCode.spec(), FingertipsColumns.areaType.spec(allowsEmpty: true),
        FingertipsColumns.categoryType.spec(allowsEmpty: true), FingertipsColumns.period.spec(),
        FingertipsColumns.count.spec(.decimal(), allowsEmpty: true),
    ]))
}

@Test func rowSelectionNotesEveryRowItLeavesOut() throws {
    var selection = RowSelection(try exportTable())
    try selection.collapseRepeats(identity: ["org_code", "area_type", "category_type", "period"], figures: ["numerator"])
    #expect(selection.table.rowCount == 5)
    try selection.choosePeriod("2019", column: "period", header: "Time period", option: "--period")
    selection.keep("area_type", equalTo: "GPs", otherwise: "an Area Type other than GPs")
    selection.keepEmpty("category_type", otherwise: "a Category Type")
    #expect(selection.table.text("org_code") == ["P1", "P2"])
    #expect(selection.table.lineNumbers == [4, 5])
    #expect(selection.notes == [
        "f.csv: 1 row repeats an earlier row exactly (the first at line 3) and was read once",
        "f.csv: 1 row left out: a period other than 2019",
        "f.csv: 1 row left out: an Area Type other than GPs",
        "f.csv: 1 row left out: a Category Type",
    ])
}

@Test func aConflictingRepeatAndAnAbsentPeriodAreBadData() throws {
    let conflicting = export.replacingOccurrences(of: "E92000001,E40000001,England,,2019,100", with: "E92000001,E40000001,England,,2019,101")
    let table = try TableReader.read(bytes: Array(conflicting.utf8), name: "f.csv", schema: Schema([
        FingertipsColumns.orgCode.spec(), FingertipsColumns.period.spec(), FingertipsColumns.count.spec(.decimal()),
    ]))
    var selection = RowSelection(table)
    #expect(throws: DataError.self) { try selection.collapseRepeats(identity: ["org_code", "period"], figures: ["numerator"]) }
    do {
        try selection.collapseRepeats(identity: ["org_code", "period"], figures: ["numerator"])
    } catch let error as DataError {
        #expect(error.description.contains("f.csv:3:6: Count: this row repeats line 2 (Area Code \"E92000001\", Time period \"2019\")"))
        #expect(error.description.contains("with a different Count: 101 here, 100 there"))
    }
    var other = RowSelection(try exportTable())
    #expect(other.distinctValues("period") == ["2019", "2018"])
    do {
        try other.choosePeriod("2017", column: "period", header: "Time period", option: "--period")
        Issue.record("expected an error")
    } catch let error as DataError {
        #expect(error.description == "f.csv:1: --period \"2017\": no row of that period; the file has \"2019\" and \"2018\"")
    }
    #expect(ReadingNotes.list(["a"]) == "\"a\"")
    #expect(ReadingNotes.list(["a", "b", "c"]) == "\"a\", \"b\" and \"c\"")
}

@Test func inequalityColumnsReadPHEindicatormethodsNames() {
    let phe = HeaderKeys(["area", "quantile", "population", "x", "value", "lower_cl", "upper_cl", "se"])
    #expect(phe.contains(InequalityColumns.organisation))
    #expect(phe.contains(InequalityColumns.group))
    #expect(phe.contains(InequalityColumns.numerator))
    #expect(phe.contains(InequalityColumns.denominator))
    #expect(phe.contains(InequalityColumns.lower95) && phe.contains(InequalityColumns.upper95) && phe.contains(InequalityColumns.standardError))
    #expect(InequalityColumns.groupValues.matches(phe))
    #expect(InequalityColumns.groupCounts.matches(HeaderKeys(["decile", "n", "x"])))
    #expect(InequalityColumns.groupCounts.needs == "deprivation_group, numerator, denominator")
    #expect(InequalityColumns.organisationCounts.matches(HeaderKeys(["AreaCode", "Count", "Denominator"])))
    // No header key twice in one column (the reader would take the first in any case).
    for column in [InequalityColumns.organisation, InequalityColumns.group, InequalityColumns.numerator, InequalityColumns.denominator,
                   InequalityColumns.lower95, InequalityColumns.upper95, InequalityColumns.standardError] {
        let keys = column.candidates.map(headerKey)
        #expect(Set(keys).count == keys.count, "\(column.name)")
    }
}
