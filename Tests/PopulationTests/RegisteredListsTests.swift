import Testing
import Tables
@testable import Population

private func lists(_ text: String, frame: PracticeFrame? = nil, bands: AgeBandScheme = .nineteenBands) throws -> RegisteredLists {
    try RegisteredLists.read(bytes: Array(text.utf8), name: "lists.csv", frame: frame, bands: bands)
}

private func message(_ work: () throws -> Void) -> String? {
    do { try work() } catch let error as DataError { return error.description } catch { return "\(error)" }
    return nil
}

@Test func readsTheCanonicalLayoutAndTotals() throws {
    let read = try lists("practice_code,sex,age_band,patients\nP1,M,0-4,10\nP1,F,0-4,12\nP1,F,90+,3\nP2,male,85-89,7\n")
    #expect(read.practiceCodes == ["P1", "P2"])
    #expect(read.patients(practice: 0, sex: .male, band: 0) == 10)
    #expect(read.patients(practice: 0, sex: .female, band: 18) == 3)
    // Totals by hand: P1 = 10 + 12 + 3 = 25; P2 = 7; all = 32.
    #expect(read.totals == [25, 7])
    #expect(read.total == 32)
    #expect(read.list(for: "P2")!.male[17] == 7)
    #expect(read.list(for: "P1")!.persons[0] == 22)
    #expect(read.totalByBand(.female)[0] == 12)
}

@Test func readsNHSDigitalsLayoutFoldingNinetyFourAndNinetyFivePlusIntoNinetyPlus() throws {
    let text = """
    PUBLICATION,EXTRACT_DATE,TYPE,ORG_CODE,SEX,AGE_GROUP_5,NUMBER_OF_PATIENTS
    GP_PRAC_PAT_LIST,01APR2023,GP,A81001,MALE,0_4,100
    GP_PRAC_PAT_LIST,01APR2023,GP,A81001,MALE,90_94,4
    GP_PRAC_PAT_LIST,01APR2023,GP,A81001,MALE,95+,1
    GP_PRAC_PAT_LIST,01APR2023,GP,A81001,FEMALE,95+,2
    GP_PRAC_PAT_LIST,01APR2023,GP,A81001,MALE,ALL,105
    GP_PRAC_PAT_LIST,01APR2023,GP,A81001,ALL,ALL,107
    GP_PRAC_PAT_LIST,01APR2023,GP,A81001,ALL,95+,3

    """
    let read = try lists(text)
    // 90+ = 90_94 (4) + 95+ (1) for males; totals rows are checked, not added: 100 + 4 + 1 + 2 = 107.
    #expect(read.patients(practice: 0, sex: .male, band: 18) == 5)
    #expect(read.patients(practice: 0, sex: .female, band: 18) == 2)
    #expect(read.total == 107)
    // In the twenty bands the two stay apart.
    let wide = try lists(text, bands: .twentyBands)
    #expect(wide.patients(practice: 0, sex: .male, band: 18) == 4 && wide.patients(practice: 0, sex: .male, band: 19) == 1)
    #expect(wide.regrouped(to: .nineteenBands)!.counts == read.counts)
    #expect(read.regrouped(to: .twentyBands) == nil)
}

@Test func aTotalRowThatDisagreesIsAnError() {
    let text = "ORG_CODE,SEX,AGE_GROUP_5,NUMBER_OF_PATIENTS\nA1,MALE,0_4,10\nA1,FEMALE,0_4,5\nA1,ALL,ALL,16\n"
    #expect(message { _ = try lists(text) } == "lists.csv:4:4: patients: expected the total 15 of the detailed rows for A1 (sex ALL, age ALL), found 16")
}

@Test func duplicateAndOverlappingBandsAreErrors() {
    #expect(message { _ = try lists("practice_code,sex,age_band,patients\nP1,M,0-4,1\nP1,M,0_4,2\n") }
            == "lists.csv:3:3: age_band: the band 0-4 of practice P1, sex M is given twice (line 2)")
    #expect(message { _ = try lists("practice_code,sex,age_band,patients\nP1,F,90+,1\nP1,F,95+,2\n") }
            == "lists.csv:3:3: age_band: the band 95+ of practice P1, sex F overlaps 90+ (line 2)")
    // The same band for the other sex is not a duplicate.
    #expect(message { _ = try lists("practice_code,sex,age_band,patients\nP1,F,90+,1\nP1,M,90+,2\n") } == nil)
}

@Test func unknownLabelsNegativeCountsAndUnknownPracticesAreErrors() throws {
    #expect(message { _ = try lists("practice_code,sex,age_band,patients\nP1,X,0-4,1\n") }
            == "lists.csv:2:2: sex: expected M, F, male or female, found \"X\"")
    #expect(message { _ = try lists("practice_code,sex,age_band,patients\nP1,M,0-5,1\n") }
            == "lists.csv:2:3: age_band: expected a band inside one of \(AgeBandScheme.nineteenBands), found \"0-5\"")
    #expect(message { _ = try lists("practice_code,sex,age_band,patients\nP1,M,old,1\n") }
            == "lists.csv:2:3: age_band: expected an age band such as 0-4, 0_4 or 90+, found \"old\"")
    #expect(message { _ = try lists("practice_code,sex,age_band,patients\nP1,M,0-4,-1\n") }
            == "lists.csv:2:4: patients: expected a whole number >= 0, found \"-1\"")
    #expect(message { _ = try lists("practice_code,sex,age_band,patients\nP1,M,90+,1\n", bands: .twentyBands) }
            == "lists.csv:2:3: age_band: expected a band inside one of \(AgeBandScheme.twentyBands), found \"90+\"")
    let frame = try PracticeFrame(practices: [Practice(code: "P2", consortiumCode: "C1"), Practice(code: "P1", consortiumCode: "C1")])
    #expect(message { _ = try lists("practice_code,sex,age_band,patients\nP1,M,0-4,1\nP9,M,0-4,1\n", frame: frame) }
            == "lists.csv:3:1: practice_code: the practice \"P9\" is not in the practice frame")
    // With a frame the lists follow the frame's order.
    let ordered = try lists("practice_code,sex,age_band,patients\nP1,M,0-4,1\nP2,M,0-4,2\n", frame: frame)
    #expect(ordered.practiceCodes == ["P2", "P1"] && ordered.totals == [2, 1])
}

@Test func aggregatesByConsortium() throws {
    let read = try lists("practice_code,sex,age_band,patients\nP1,M,0-4,1\nP2,M,0-4,2\nP3,F,90+,4\n")
    let mapping = try ConsortiumMapping([("P1", "C1"), ("P2", "C2"), ("P3", "C1")])
    let consortia = try read.aggregated(by: mapping)
    // C1 = P1 + P3 = 1 + 4; C2 = P2 = 2.
    #expect(consortia.practiceCodes == ["C1", "C2"])
    #expect(consortia.totals == [5, 2])
    #expect(consortia.patients(practice: 0, sex: .female, band: 18) == 4)
    let partial = try ConsortiumMapping([("P1", "C1")], source: "map.csv")
    #expect(message { _ = try read.aggregated(by: partial) } == "map.csv: practice_code: no consortium for the practice \"P2\" of the registered lists")
}
