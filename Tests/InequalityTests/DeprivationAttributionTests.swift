import Testing
import Tables
@testable import Inequality

@Test func practiceScoreIsThePatientWeightedMeanOfItsAreas() throws {
    // P1: 100 patients in A (score 10) and 300 in B (score 30): (100·10 + 300·30)/400 = 10000/400 = 25.
    // P2: 50 patients in B only: 30.
    let attribution = [
        PatientAttribution(practiceCode: "P2", areaCode: "B", patients: 50),
        PatientAttribution(practiceCode: "P1", areaCode: "A", patients: 100),
        PatientAttribution(practiceCode: "P1", areaCode: "B", patients: 300),
    ]
    let areas = [AreaDeprivation(areaCode: "A", score: 10), AreaDeprivation(areaCode: "B", score: 30)]
    let practices = try DeprivationAttribution.practiceScores(attribution: attribution, areas: areas, areasName: "areas.csv")
    #expect(practices.map(\.practiceCode) == ["P1", "P2"])
    #expect(practices.map(\.score) == [25, 30])
    #expect(practices.map(\.patients) == [400, 50])
}

@Test func anAreaMissingFromTheAreasFileIsAnErrorAtTheAttributionLine() {
    let attribution = [
        PatientAttribution(practiceCode: "P1", areaCode: "A", patients: 1, location: SourceLocation(file: "attribution.csv", line: 2)),
        PatientAttribution(practiceCode: "P1", areaCode: "Z", patients: 1, location: SourceLocation(file: "attribution.csv", line: 3, column: 2, columnName: "lsoa_code")),
    ]
    #expect {
        try DeprivationAttribution.practiceScores(attribution: attribution, areas: [AreaDeprivation(areaCode: "A", score: 1)], areasName: "areas.csv")
    } throws: { error in
        (error as? DataError)?.description == "attribution.csv:3:2: lsoa_code: the small area \"Z\" is not in areas.csv"
    }
}

@Test func duplicatesAndEmptyPracticesAreErrors() {
    let areas = [AreaDeprivation(areaCode: "A", score: 1)]
    #expect(throws: DataError.self) {
        try DeprivationAttribution.practiceScores(attribution: [
            PatientAttribution(practiceCode: "P1", areaCode: "A", patients: 1),
            PatientAttribution(practiceCode: "P1", areaCode: "A", patients: 2),
        ], areas: areas, areasName: "areas.csv")
    }
    #expect(throws: DataError.self) {
        try DeprivationAttribution.practiceScores(attribution: [PatientAttribution(practiceCode: "P1", areaCode: "A", patients: 0)],
                                                  areas: areas, areasName: "areas.csv")
    }
    #expect {
        try DeprivationAttribution.practiceScores(attribution: [], areas: [
            AreaDeprivation(areaCode: "A", score: 1, location: SourceLocation(file: "areas.csv", line: 2)),
            AreaDeprivation(areaCode: "A", score: 2, location: SourceLocation(file: "areas.csv", line: 5)),
        ], areasName: "areas.csv")
    } throws: { error in
        (error as? DataError)?.description == "areas.csv:5: the small area \"A\" appears twice (also line 2)"
    }
}
