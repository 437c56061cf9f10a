import Testing
import Tables
@testable import Population

// Expected figures: the files themselves (rows quoted below), counted with pandas by
// Reference/real_files_reference.py.

@Test func smokingPrevalenceExportKeepsCountsLimitsAndComparison() throws {
    let export = try FingertipsExport.read(path: RealFiles.smoking, name: "smoking.csv")
    #expect(export.rows.count == 6_851)
    #expect(export.rows(areaType: "GPs").count == 6_378)
    #expect(export.rows(areaType: "ICB sub-locations").count == 106)
    // England row: 91547, …, E92000001, England, England, Persons, 15+ yrs, …, 2022/23, 14.71089355,
    // 14.70127795, 14.72051436, 14.69573521, 14.72606484, 7664426, 52100343, …, Not compared.
    let england = try #require(export.england)
    #expect(england.areaCode == "E92000001" && england.parentCode == nil)
    #expect(england.count == 7_664_426 && england.denominator == 52_100_343)
    #expect(england.value == 14.71089355 && england.lower95 == 14.70127795 && england.upper998 == 14.72606484)
    #expect(england.comparedToEngland == "Not compared" && england.sex == "Persons" && england.age == "15+ yrs")
    // A81001: 514 / 3336 = 15.40767386 %, limits 14.22242703 – 16.67249633, "Similar".
    let practice = try #require(export.rows(areaCode: "A81001").first)
    #expect(practice.indicatorID == 91547 && practice.timePeriod == "2022/23" && practice.parentCode == "E92000001")
    #expect(practice.count == 514 && practice.denominator == 3336 && practice.value == 15.40767386)
    #expect(practice.lower95 == 14.22242703 && practice.upper95 == 16.67249633)
    #expect(practice.comparedToEngland == "Similar" && practice.areaType == "GPs")
    #expect(practice.categoryType == nil && practice.isAreaCurrent == nil)
    // Labels as published for practices: 6,378 practices, each Better, Similar or Worse.
    let labels = Set(export.rows(areaType: "GPs").compactMap(\.comparedToEngland))
    #expect(labels == ["Better", "Similar", "Worse"])
}

@Test func practiceDeprivationExportWithByteOrderMarkAndCompactLayout() throws {
    let export = try FingertipsExport.read(path: RealFiles.practiceDeprivation, name: "imd.csv")
    #expect(export.rows.count == 23_080)
    // Years: 2010 → 8,222 rows, 2015 → 7,878, 2019 → 6,980.
    #expect(export.rows.filter { $0.timePeriod == "2010" }.count == 8_222)
    #expect(export.rows.filter { $0.timePeriod == "2015" }.count == 7_878)
    #expect(export.rows.filter { $0.timePeriod == "2019" }.count == 6_980)
    // Line 4: 93553,2019,A81001,The Densham Surgery,1,32.36093926
    let densham = export.rows(areaCode: "A81001").first { $0.timePeriod == "2019" }
    #expect(densham?.indicatorID == 93553 && densham?.value == 32.36093926 && densham?.isAreaCurrent == true)
    #expect(densham?.areaName == "The Densham Surgery" && densham?.count == nil && densham?.areaType == nil)
}

@Test func emptyFingertipsCellsAreMissingNotZero() throws {
    let text = """
    Indicator ID,Area Code,Area Name,Area Type,Time period,Value,Lower CI 95.0 limit,Count,Denominator,Compared to England value or percentiles
    1,E92000001,England,England,2022/23,10,9,100,1000,Not compared
    1,A1,Small practice,GPs,2022/23,,,,,

    """
    let export = try FingertipsExport.read(bytes: Array(text.utf8), name: "f.csv")
    let small = export.rows[1]
    #expect(small.value == nil && small.lower95 == nil && small.count == nil && small.denominator == nil && small.comparedToEngland == nil)
    #expect(small.upper95 == nil) // the column is absent from this export
}

@Test func fingertipsRepeatedKeyAndNegativeCountAreErrors() {
    let header = "Indicator ID,Area Code,Area Name,Time period,Value,Count\n"
    #expect(throws: DataError.self) { try FingertipsExport.read(bytes: Array((header + "1,A1,a,2022/23,1,1\n1,A1,a,2022/23,2,2\n").utf8), name: "f.csv") }
    do {
        _ = try FingertipsExport.read(bytes: Array((header + "1,A1,a,2022/23,1,-1\n").utf8), name: "f.csv")
        Issue.record("expected an error")
    } catch let error as DataError {
        #expect(error.description == "f.csv:2:6: Count: expected a number >= 0, found \"-1\"")
    } catch { Issue.record("\(error)") }
}

/// England under every parent area: the same row again is read once; with another Count it is an
/// error naming both lines and the column as the file heads it.
@Test func fingertipsExactRepeatsAreOneRow() throws {
    let header = "Indicator ID,Parent Code,Area Code,Area Name,Area Type,Time period,Value,Count\n"
    let england = "1,,E92000001,England,England,2022/23,14.7,76\n"
    let again = "1,E12000001,E92000001,England,England,2022/23,14.7,76\n"
    let export = try FingertipsExport.read(bytes: Array((header + england + "1,E92000001,A1,a,GPs,2022/23,15,5\n" + again).utf8), name: "f.csv")
    #expect(export.rows.count == 2)
    #expect(export.repeatedRows == 1)
    #expect(export.england?.count == 76)
    let conflict = again.replacingOccurrences(of: ",76", with: ",77")
    #expect {
        _ = try FingertipsExport.read(bytes: Array((header + england + conflict).utf8), name: "f.csv")
    } throws: { error in
        let text = (error as? DataError)?.description ?? ""
        return text.hasPrefix("f.csv:3") && text.contains("line 2") && text.contains("Count")
    }
}
