import Testing
import Tables
@testable import Inequality

@Test func quintilesByCumulativeMidpoint() throws {
    // Total population 1000, five groups of 200. Most deprived first (higher score first):
    //   code score pop  before  midpoint m        5·m    group ⌊5m⌋+1
    //   A    50    150    0     75/1000 = .075    .375   1
    //   B    40    100  150     200/1000 = .2     1.0    2  (exactly on the cut: the less deprived side)
    //   C    30    300  250     400/1000 = .4     2.0    3  (straddles 400: midpoint on the cut → group 3)
    //   D    30    250  550     675/1000 = .675   3.375  4  (ties with C on score; C before D by code)
    //   E    10    200  800     900/1000 = .9     4.5    5
    let units = [
        DeprivationRankingUnit(code: "E", score: 10, population: 200),
        DeprivationRankingUnit(code: "D", score: 30, population: 250),
        DeprivationRankingUnit(code: "C", score: 30, population: 300),
        DeprivationRankingUnit(code: "A", score: 50, population: 150),
        DeprivationRankingUnit(code: "B", score: 40, population: 100),
    ]
    let assigned = try PopulationWeightedGroups.assign(units, groupCount: 5, order: .higherIsMoreDeprived)
    #expect(assigned.map(\.code) == ["A", "B", "C", "D", "E"])
    #expect(assigned.map(\.group) == [1, 2, 3, 4, 5])
    for (assignment, midpoint) in zip(assigned, [0.075, 0.2, 0.4, 0.675, 0.9]) {
        expectClose(assignment.cumulativeMidpoint, midpoint, relative: 1e-15)
    }
}

@Test func lowerScoreMoreDeprivedReversesTheOrder() throws {
    // IMD ranks: rank 1 is the most deprived. Equal populations 1, 1, 1, 1 into 2 groups:
    // midpoints .125 .375 .625 .875 → groups 1 1 2 2 in rank order 3, 8, 20, 31.
    let units = [31.0, 3, 20, 8].enumerated().map { DeprivationRankingUnit(code: "U\($0.offset)", score: $0.element, population: 1) }
    let assigned = try PopulationWeightedGroups.assign(units, groupCount: 2, order: .lowerIsMoreDeprived)
    #expect(assigned.map(\.score) == [3, 8, 20, 31])
    #expect(assigned.map(\.group) == [1, 1, 2, 2])
}

@Test func aLargeUnitCanLeaveAGroupEmptyAndZeroPopulationsFollowTheirPosition() throws {
    // Populations 10, 80, 0, 10 (total 100) into deciles: midpoints .05, .5, .9, .95 → groups 1, 6, 10, 10.
    // The zero-population unit sits at the cumulative position 90/100 → ⌊10 · .9⌋ + 1 = 10.
    let units = [
        DeprivationRankingUnit(code: "P1", score: 4, population: 10),
        DeprivationRankingUnit(code: "P2", score: 3, population: 80),
        DeprivationRankingUnit(code: "P3", score: 2, population: 0),
        DeprivationRankingUnit(code: "P4", score: 1, population: 10),
    ]
    let assigned = try PopulationWeightedGroups.assign(units, groupCount: 10, order: .higherIsMoreDeprived)
    #expect(assigned.map(\.group) == [1, 6, 10, 10])
}

@Test func groupsWithinPartitionsAreFormedSeparately() throws {
    // Partition X: scores 9, 1 (pops 1, 1) → groups 1, 2. Partition Y: scores 5, 4 (pops 3, 1):
    // midpoints 1.5/4 = .375 → 1 and 3.5/4 = .875 → 2.
    let units = [
        DeprivationRankingUnit(code: "x1", score: 9, population: 1, partition: "X"),
        DeprivationRankingUnit(code: "y1", score: 5, population: 3, partition: "Y"),
        DeprivationRankingUnit(code: "x2", score: 1, population: 1, partition: "X"),
        DeprivationRankingUnit(code: "y2", score: 4, population: 1, partition: "Y"),
    ]
    let assigned = try PopulationWeightedGroups.assign(units, groupCount: 2, order: .higherIsMoreDeprived)
    #expect(assigned.map(\.code) == ["x1", "x2", "y1", "y2"])
    #expect(assigned.map(\.group) == [1, 2, 1, 2])
}

@Test func duplicateCodeAndZeroTotalAreErrorsNamingTheRow() {
    let location = SourceLocation(file: "scores.csv", line: 7)
    #expect {
        try PopulationWeightedGroups.assign([
            DeprivationRankingUnit(code: "A", score: 1, population: 1, location: SourceLocation(file: "scores.csv", line: 2)),
            DeprivationRankingUnit(code: "A", score: 2, population: 1, location: location),
        ], groupCount: 5, order: .higherIsMoreDeprived)
    } throws: { error in
        (error as? DataError)?.description == "scores.csv:7: the code \"A\" appears twice (also line 2)"
    }
    #expect {
        try PopulationWeightedGroups.assign([DeprivationRankingUnit(code: "A", score: 1, population: 0, partition: "Q", location: location)],
                                            groupCount: 5, order: .higherIsMoreDeprived)
    } throws: { error in
        (error as? DataError)?.description == "scores.csv:7: the population of \"Q\" sums to 0, so no groups can be formed"
    }
}
