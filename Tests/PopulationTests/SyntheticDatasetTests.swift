import Foundation
import Testing
import Tables
@testable import Population

/// A fresh empty folder under the temporary directory.
private func freshFolder(_ label: String) throws -> String {
    let path = NSTemporaryDirectory() + "synth-\(label)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}

@Test func sameSeedGivesByteIdenticalFiles() throws {
    let first = try freshFolder("a")
    let second = try freshFolder("b")
    defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
    try SyntheticDatasetWriter.write(SyntheticDataset.generate(scale: .consortium, seed: 7), toFolder: first)
    try SyntheticDatasetWriter.write(SyntheticDataset.generate(scale: .consortium, seed: 7), toFolder: second)
    for name in SyntheticDatasetWriter.fileNames {
        let a = try bytes(first + "/" + name)
        #expect(!a.isEmpty)
        #expect(a == (try bytes(second + "/" + name)), "\(name) differs between two runs with seed 7")
    }
}

@Test func differentSeedsGiveDifferentData() throws {
    let one = SyntheticDataset.generate(scale: .consortium, seed: 1)
    let two = SyntheticDataset.generate(scale: .consortium, seed: 2)
    #expect(one.lists.counts != two.lists.counts)
    #expect(one.areas.map(\.imdScore) != two.areas.map(\.imdScore))
    var firstCounts: [Int] = []
    one.forEachIndicatorCount { firstCounts.append($0.numerator) }
    var secondCounts: [Int] = []
    two.forEachIndicatorCount { secondCounts.append($0.numerator) }
    #expect(firstCounts != secondCounts)
}

/// The bundled data set is `consortium synth --scale consortium --seed 1`: regenerating it here
/// must give the committed bytes — a check that the generator is the same on this machine as on
/// the one that wrote the files.
@Test func bundledExampleshireIsReproducedByteForByte() throws {
    let bundled = RealFiles.folder.replacingOccurrences(of: "england-2022-23", with: "exampleshire")
    let folder = try freshFolder("seed1")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try SyntheticDatasetWriter.write(SyntheticDataset.generate(scale: .consortium, seed: 1), toFolder: folder)
    for name in SyntheticDatasetWriter.fileNames {
        #expect(try bytes(folder + "/" + name) == (try bytes(bundled + "/" + name)), "\(name) differs from datasets/exampleshire")
    }
}

@Test func consortiumFilesReadBackThroughTheLoadersAndAgree() throws {
    let folder = try freshFolder("read")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let dataset = SyntheticDataset.generate(scale: .consortium, seed: 3)
    try SyntheticDatasetWriter.write(dataset, toFolder: folder)
    let frame = try PracticeFrame.read(path: folder + "/practices.csv", attributes: ["registered_patients"],
                                       labels: ["practice_type", "rurality", "dispensing"])
    let lists = try RegisteredLists.read(path: folder + "/population.csv", frame: frame)
    let areas = try SmallAreas.read(path: folder + "/areas.csv", variables: ["imd_rank", "registered_patients"])
    let attribution = try Attribution.read(path: folder + "/attribution.csv", frame: frame, areas: areas)

    #expect(frame.count == 40 && frame.consortiumCodes == ["X38000001"] && areas.count == 300)
    #expect(lists.practiceCodes == frame.practices.map(\.code))
    // Lists, practices and attribution tell the same totals.
    #expect(lists.totals.map(Double.init) == frame.attribute("registered_patients")!)
    let byPractice = Dictionary(uniqueKeysWithValues: zip(attribution.practiceCodes, attribution.patientsByPractice))
    #expect(lists.practiceCodes.enumerated().allSatisfy { byPractice[$0.element] == lists.totals[$0.offset] })
    let byArea = Dictionary(uniqueKeysWithValues: zip(attribution.lsoaCodes, attribution.patientsByArea))
    #expect(areas.lsoaCodes.enumerated().allSatisfy { (byArea[$0.element] ?? 0) == Int(areas.values("registered_patients")![$0.offset]) })
    // A practice's score is the patient-weighted mean of its areas' scores (methods.md), rounded to 4 decimals.
    let means = try attribution.practiceMeans(of: "imd_score", in: areas)
    for (index, code) in attribution.practiceCodes.enumerated() {
        #expect(abs(means[index]! - frame[code]!.attributes["imd_score"]!) <= 0.00005 + 1e-9)
    }
    // Deciles follow the England-equivalent ranks.
    let ranks = areas.values("imd_rank")!
    #expect(zip(ranks, areas.values("imd_decile")!).allSatisfy { rank, decile in
        let d = Int(decile)
        return 32_844 * (d - 1) / 10 < Int(rank) && Int(rank) <= 32_844 * d / 10
    })

    let indicators = try TableReader.read(path: folder + "/indicators.csv", schema: Schema([
        ColumnSpec("indicator_id"), ColumnSpec("org_code"), ColumnSpec("period"), ColumnSpec("age_band"),
        ColumnSpec("numerator", .wholeNumber(minimum: 0)), ColumnSpec("denominator", .wholeNumber(minimum: 0)),
    ]))
    // Rows: Σ over the 12 indicators of their bands × 40 practices = (15+16+19+16+16+19+12+18+15+19+6+19) × 40 = 190 × 40.
    #expect(indicators.rowCount == 190 * 40)
    let ids = indicators.text("indicator_id")
    let codes = indicators.text("org_code")
    let bands = indicators.text("age_band")
    let numerators = indicators.wholeNumbers("numerator")
    let denominators = indicators.wholeNumbers("denominator")
    let proportionIDs = Set(dataset.indicators.filter { $0.kind == .proportion }.map(\.id))
    for row in 0..<indicators.rowCount {
        let band = AgeBandScheme.nineteenBands.index(of: AgeBand(label: bands[row])!)!
        let list = lists.list(for: codes[row])!
        #expect(denominators[row] == list.persons[band])
        if proportionIDs.contains(ids[row]) { #expect(numerators[row] <= denominators[row]) }
    }
    let achievement = try TableReader.read(path: folder + "/achievement.csv", schema: Schema([
        ColumnSpec("practice_code"), ColumnSpec("measure_id"), ColumnSpec("numerator", .wholeNumber(minimum: 0)),
        ColumnSpec("denominator", .wholeNumber(minimum: 0)), ColumnSpec("exceptions", .wholeNumber(minimum: 0)),
    ]))
    #expect(achievement.rowCount == 40 * 8)
    #expect(zip(achievement.wholeNumbers("numerator"), achievement.wholeNumbers("denominator")).allSatisfy { $0 <= $1 })
}

@Test func consortiumAgeProfilesAndRatesArePlausible() throws {
    let dataset = SyntheticDataset.generate(scale: .consortium, seed: 1)
    let lists = dataset.lists
    func share(_ practice: Int, _ bands: ClosedRange<Int>) -> Double {
        let list = lists[practice]
        return Double(bands.reduce(0) { $0 + list.persons[$1] }) / Double(list.total)
    }
    func mean(_ kind: PracticeKind, _ bands: ClosedRange<Int>) -> Double {
        let members = dataset.practices.indices.filter { dataset.practices[$0].kind == kind }
        return members.reduce(0) { $0 + share($1, bands) } / Double(members.count)
    }
    let kinds = Set(dataset.practices.map(\.kind))
    #expect(kinds == Set(PracticeKind.allCases))
    // Student practice: a third or more aged 20-24 (England: about 6%).
    #expect(mean(.university, 4...4) > 0.33)
    // Coastal practices are older than deprived urban ones, which have more children.
    #expect(mean(.coastal, 13...18) > 1.5 * mean(.deprivedUrban, 13...18))
    #expect(mean(.deprivedUrban, 0...2) > mean(.coastal, 0...2) + 0.05)
    #expect(mean(.affluentSuburban, 8...12) > mean(.deprivedUrban, 8...12))
    // Sizes: list sizes of 1,000 to 25,000 (IPF moves them slightly from the 1,500–25,000 targets).
    #expect(dataset.practices.allSatisfy { $0.registeredPatients >= 1_000 && $0.registeredPatients <= 25_000 })
    #expect((300_000...500_000).contains(lists.total))
    // Deprived practices score higher.
    let deprived = dataset.practices.filter { $0.kind == .deprivedUrban }.map(\.imdScore)
    let affluent = dataset.practices.filter { $0.kind == .affluentSuburban }.map(\.imdScore)
    #expect(deprived.min()! > affluent.max()!)

    // Directly standardised deaths under 75 for the whole consortium with the ESP 2013, and crude
    // smoking prevalence: the true model gives about 340 per 100,000 and 15% for England.
    var deaths = Array(repeating: 0, count: 19)
    var population = Array(repeating: 0, count: 19)
    var smokers = 0
    var adults = 0
    dataset.forEachIndicatorCount { row in
        switch dataset.indicators[row.indicator].id {
        case "deaths_under_75":
            deaths[row.band] += row.numerator
            population[row.band] += row.denominator
        case "smoking_prevalence":
            smokers += row.numerator
            adults += row.denominator
        default: break
        }
    }
    let weights = StandardPopulation.europe2013.weights
    let dsr = (0...14).reduce(0.0) { $0 + weights[$1] * Double(deaths[$1]) / Double(population[$1]) } / weights[0...14].reduce(0, +) * 100_000
    #expect((250...500).contains(dsr), "DSR \(dsr)")
    #expect((0.10...0.22).contains(Double(smokers) / Double(adults)))
}

@Test func englandStructureIsCalibratedToTheRealFrame() throws {
    let dataset = SyntheticDataset.generate(scale: .england, seed: 1)
    #expect(dataset.practices.count == 6_500)
    #expect(dataset.consortia.count == EnglandCalibration.consortia)
    #expect(dataset.regions.count == 7)
    let pcns = Set(dataset.practices.map(\.pcnCode)).count
    // 6,500 / 5.24 practices per PCN ≈ 1,241, rounded per consortium.
    #expect((1_200...1_290).contains(pcns))
    #expect(dataset.areas.count == 32_844)
    // Ranks are a permutation of 1...32,844 and deciles are tenths of the ranking (3,284 or 3,285 each).
    #expect(dataset.areas.map(\.imdRank).sorted() == Array(1...32_844))
    var perDecile = Array(repeating: 0, count: 11)
    for area in dataset.areas { perDecile[area.imdDecile] += 1 }
    #expect(perDecile[1...] == [3284, 3284, 3285, 3284, 3285, 3284, 3284, 3285, 3284, 3285])
    // About 62 million patients (the real frame: 62,134,645 across 6,669 practices).
    let total = dataset.lists.total
    #expect((60_000_000...64_500_000).contains(total), "total \(total)")
    #expect(dataset.attribution.patients.reduce(0, +) == total)
    // List-size median within 5% of the real 8,286, and the 10th and 90th percentiles within 10%.
    let sizes = dataset.practices.map(\.registeredPatients).sorted()
    #expect(abs(Double(sizes[3250]) / 8_286 - 1) < 0.05)
    #expect(abs(Double(sizes[650]) / 3_552 - 1) < 0.10 && abs(Double(sizes[5850]) / 16_570 - 1) < 0.10)
    // Practice deprivation spread: median and 90th percentile of practice scores within 15% of
    // the real 21.58 and 40.1 (Fingertips practice IMD 2019).
    let scores = dataset.practices.map(\.imdScore).sorted()
    #expect(abs(scores[3250] / 21.58 - 1) < 0.15 && abs(scores[5850] / 40.1 - 1) < 0.15, "median \(scores[3250]), p90 \(scores[5850])")
    // Regions keep their real order of deprivation at the extremes: North West more deprived than South East.
    func regionMean(_ region: Int) -> Double {
        let members = dataset.practices.filter { dataset.consortia[$0.consortium].region == region }
        let patients = members.reduce(0) { $0 + $1.registeredPatients }
        return members.reduce(0.0) { $0 + $1.imdScore * Double($1.registeredPatients) } / Double(patients)
    }
    #expect(regionMean(5) > regionMean(2) + 5)
    // 50 indicators; rows = Σ bands × practices = (190 + 38 × 19) × 6,500 = 5,928,000.
    #expect(dataset.indicators.count == 50)
    #expect(dataset.indicators.reduce(0) { $0 + $1.bands.count } * dataset.practices.count == 5_928_000)
}
