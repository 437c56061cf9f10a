import Testing
import Tables
@testable import Population

// Expected figures: counted from the published files with pandas (Reference/real_files_reference.py);
// the first data rows are quoted below.

@Test func deprivationRanksAndDecilesWithThousandsSeparators() throws {
    let areas = try IndicesOfDeprivation2019.readRanks(path: RealFiles.deprivationRanks, name: "ranks.csv")
    #expect(areas.count == 32_844)
    // Line 2: E01000001,City of London 001A,E09000001,City of London,"29,199",9
    #expect(areas.lsoaCodes[0] == "E01000001" && areas.lsoaNames?[0] == "City of London 001A")
    #expect(areas.values("imd_rank")![0] == 29_199 && areas.values("imd_decile")![0] == 9)
    let ranks = areas.values("imd_rank")!.map { Int($0) }
    let deciles = areas.values("imd_decile")!.map { Int($0) }
    let count = areas.count

    // Ranks run from 1 to 32,844 with ties ranked "1224" style: sorted, each rank is its position
    // or equals the previous rank (26 tied pairs, each followed by a skipped rank).
    let sorted = ranks.sorted()
    #expect(sorted.first == 1 && sorted.last == count)
    #expect(sorted.indices.allSatisfy { sorted[$0] == $0 + 1 || ($0 > 0 && sorted[$0] == sorted[$0 - 1]) })
    #expect(Set(ranks).count == count - 26)

    // Deciles: tenths of the ranking, 3,284 or 3,285 areas each, and rank r is in decile d exactly
    // when ⌊N(d−1)/10⌋ < r ≤ ⌊N·d/10⌋ with N = 32,844.
    var perDecile = Array(repeating: 0, count: 11)
    for decile in deciles { perDecile[decile] += 1 }
    #expect(perDecile[1...] == [3284, 3284, 3285, 3284, 3285, 3284, 3284, 3285, 3284, 3285])
    #expect(zip(ranks, deciles).allSatisfy { rank, decile in count * (decile - 1) / 10 < rank && rank <= count * decile / 10 })
}

@Test func deprivationPopulationsAddUpAndJoinTheRanks() throws {
    let populations = try IndicesOfDeprivation2019.readPopulations(path: RealFiles.deprivationPopulations, name: "pop.csv")
    #expect(populations.count == 32_844)
    // Line 2: E01000001,City of London 001A,…,"1,296",175,656,465,715
    #expect(populations.values("population")![0] == 1_296 && populations.values("population_0_15")![0] == 175)
    #expect(populations.values("population_working_age")![0] == 715)
    // Mid-2015 total for England: 54,728,204; children 10,405,050; aged 60+ 12,612,839.
    #expect(populations.values("population")!.reduce(0, +) == 54_728_204)
    #expect(populations.values("population_0_15")!.reduce(0, +) == 10_405_050)
    #expect(populations.values("population_60_plus")!.reduce(0, +) == 12_612_839)
    let ranks = try IndicesOfDeprivation2019.readRanks(path: RealFiles.deprivationRanks)
    let joined = try ranks.merged(with: populations, otherSource: "pop.csv")
    #expect(joined.variableNames == ["imd_decile", "imd_rank", "population", "population_0_15", "population_16_59",
                                     "population_60_plus", "population_working_age"])
    #expect(joined.values("population")![0] == 1_296)
}

@Test func malformedThousandsAndInconsistentPopulationsAreErrors() throws {
    let folder = temporaryFolder()
    let ranks = folder + "/ranks-\(UInt64.random(in: 0...UInt64.max)).csv"
    try writeText("LSOA code (2011),LSOA name (2011),Index of Multiple Deprivation (IMD) Rank,Index of Multiple Deprivation (IMD) Decile\nE1,a,\"2,91\",1\n", to: ranks)
    defer { removeFile(ranks) }
    #expect(throws: DataError.self) { try IndicesOfDeprivation2019.readRanks(path: ranks) }
    try writeText("LSOA code (2011),LSOA name (2011),Index of Multiple Deprivation (IMD) Rank,Index of Multiple Deprivation (IMD) Decile\nE1,a,\"1,000\",11\n", to: ranks)
    do { _ = try IndicesOfDeprivation2019.readRanks(path: ranks, name: "r.csv"); Issue.record("expected an error") } catch let error as DataError {
        #expect(error.description == "r.csv:2:4: imd_decile: expected a decile from 1 to 10, found 11")
    }
    let header = IndicesOfDeprivation2019.populationColumns.map { "\"\($0.published)\"" }.joined(separator: ",")
    try writeText("LSOA code (2011),LSOA name (2011),\(header)\nE1,a,\"1,000\",100,500,399,600\n", to: ranks)
    do { _ = try IndicesOfDeprivation2019.readPopulations(path: ranks, name: "p.csv"); Issue.record("expected an error") } catch let error as DataError {
        // 100 + 500 + 399 = 999, not 1,000.
        #expect(error.description == "p.csv:2:3: population: expected the sum of the three age groups, 999, found 1000")
    }
}
