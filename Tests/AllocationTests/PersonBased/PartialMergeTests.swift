import Linear
import Testing
@testable import Allocation
import Tables

/// Fits across data holders: persons split into sites, each site's partial computed on its own,
/// the partials merged. The expected values are the fit of all the persons in one file
/// (`PersonBasedRegression.fit`, itself checked against statsmodels in
/// PersonBasedAcceptanceTests): merging must reproduce every figure of it to 1e-10 relative.
private enum Sites {
    /// GeneratedPersons' model with the trust levels declared (a partial needs every level declared).
    static let modelText = GeneratedPersons.modelText + "\nlevels = [\"T1\", \"T2\", \"T3\", \"T4\"]\n"
    static let model = try! PersonBasedModelReader.read(text: modelText, name: "model.toml")
    static let count = 24_000
    static let bytes = GeneratedPersons.csv(count: count)
    /// The header line and the person lines of `bytes`, each with its newline.
    static let (header, lines): ([UInt8], [[UInt8]]) = {
        var rows = bytes.split(separator: 10, omittingEmptySubsequences: true).map { Array($0) + [10] }
        let header = rows.removeFirst()
        return (header, rows)
    }()
    static let single = try! PersonBasedRegression.fit(persons: .bytes(bytes, name: "persons.csv"), model: model)

    /// A site's persons file: the header and the given person lines.
    static func site(_ rows: some Sequence<[UInt8]>, name: String) -> PersonsSource {
        .bytes(header + rows.joined(), name: name)
    }

    /// The persons cut into consecutive sites of the given sizes (the last takes the rest).
    static func split(sizes: [Int]) -> [PersonsSource] {
        var start = 0
        var sites: [PersonsSource] = []
        for (index, size) in sizes.enumerated() {
            sites.append(site(lines[start..<(start + size)], name: "site\(index + 1).csv"))
            start += size
        }
        sites.append(site(lines[start...], name: "site\(sizes.count + 1).csv"))
        return sites
    }

    static func partials(_ sites: [PersonsSource], limits: DisclosureLimits = DisclosureLimits()) throws -> [(name: String, partial: PersonBasedPartial)] {
        try sites.map { ($0.name, try PersonBasedPartial.compute(persons: $0, model: model, limits: limits)) }
    }
}

/// |actual − expected| ≤ 1e-10·|expected| for every figure the fit writes.
private func expectSameFit(_ merged: PersonBasedFit, _ single: PersonBasedFit, _ label: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    func close(_ actual: [Double], _ expected: [Double], _ what: String) {
        #expect(actual.count == expected.count, "\(label) \(what): count", sourceLocation: sourceLocation)
        for (index, (a, e)) in zip(actual, expected).enumerated() {
            #expect(abs(a - e) <= 1e-10 * abs(e), "\(label) \(what)[\(index)] = \(a), expected \(e)", sourceLocation: sourceLocation)
        }
    }
    let m = merged.regression, s = single.regression
    #expect(merged.design.termNames == single.design.termNames, sourceLocation: sourceLocation)
    #expect(m.n == s.n && m.p == s.p && merged.rowsRead == single.rowsRead, "\(label): counts", sourceLocation: sourceLocation)
    close(m.coefficients, s.coefficients, "coefficients")
    close(m.standardErrors, s.standardErrors, "standard errors")
    close(merged.tStatistics, single.tStatistics, "t")
    close(merged.nationalMeans, single.nationalMeans, "national means")
    close([m.rSquared ?? .nan, m.adjustedRSquared ?? .nan, m.residualStandardError, merged.sumOfWeights, merged.responseMean],
          [s.rSquared ?? .nan, s.adjustedRSquared ?? .nan, s.residualStandardError, single.sumOfWeights, single.responseMean],
          "R², adjusted R², σ̂, Σw, mean cost")
    // p moves by about t² times the relative change of t, so it is compared where it is not in
    // the far tail (where both are below 1e-6).
    for (index, (a, e)) in zip(merged.pValues, single.pValues).enumerated() {
        if e > 1e-6 {
            #expect(abs(a - e) <= 1e-8 * e, "\(label) p[\(index)] = \(a), expected \(e)", sourceLocation: sourceLocation)
        } else {
            #expect(a <= 1e-6, "\(label) p[\(index)] = \(a), expected \(e)", sourceLocation: sourceLocation)
        }
    }
}

@Test func oneSitesPartialMergesToTheSingleFit() throws {
    let merged = try PersonBasedPartial.merge(try Sites.partials([.bytes(Sites.bytes, name: "persons.csv")]))
    expectSameFit(merged, Sites.single, "k = 1")
}

@Test func twoSitesMergeToTheSingleFit() throws {
    let merged = try PersonBasedPartial.merge(try Sites.partials(Sites.split(sizes: [11_000])))
    expectSameFit(merged, Sites.single, "k = 2")
}

@Test func sevenSitesOfVeryUnequalSizeMergeToTheSingleFitInAnyOrder() throws {
    // Sizes 1,000 to 15,400 persons (the last site takes the rest).
    let partials = try Sites.partials(Sites.split(sizes: [1_000, 1_200, 1_500, 2_000, 1_000, 1_900]))
    #expect(partials.map(\.partial.n) == [1_000, 1_200, 1_500, 2_000, 1_000, 1_900, 15_400])
    expectSameFit(try PersonBasedPartial.merge(partials), Sites.single, "k = 7")
    expectSameFit(try PersonBasedPartial.merge(partials.reversed()), Sites.single, "k = 7 reversed")
    // Every rotation, and a fixed shuffle: merge order does not matter.
    for shift in 1..<partials.count {
        let rotated = Array(partials[shift...] + partials[..<shift])
        expectSameFit(try PersonBasedPartial.merge(rotated), Sites.single, "k = 7 rotated by \(shift)")
    }
    let shuffled = [3, 6, 0, 5, 1, 4, 2].map { partials[$0] }
    expectSameFit(try PersonBasedPartial.merge(shuffled), Sites.single, "k = 7 shuffled")
}

@Test func aSiteMissingACategoricalLevelMerges() throws {
    // Site 1 has no person aged 90+ (its indicator column is all zeros there, so the site alone
    // could not be fitted); site 2 holds every 90+ person and the rest of the file.
    let ninety = Array("90+".utf8)
    func isNinety(_ line: [UInt8]) -> Bool {
        let fields = line.split(separator: 44, omittingEmptySubsequences: false)
        return Array(fields[2]) == ninety
    }
    let first = Sites.lines[..<12_000].filter { !isNinety($0) }
    let second = Sites.lines[..<12_000].filter(isNinety) + Sites.lines[12_000...]
    let partials = try Sites.partials([Sites.site(first, name: "north.csv"), Sites.site(second, name: "south.csv")])
    let bands = try #require(partials[0].partial.fingerprint.categorical.first { $0.variable == "age_band" })
    let counts = partials[0].partial.levelCounts[0]
    #expect(counts[bands.levels.firstIndex(of: "90+")!] == 0)
    #expect(counts.reduce(0, +) == first.count)
    // The merged fit equals the fit of the same persons in one file (in the order of the sites).
    let single = try PersonBasedRegression.fit(persons: Sites.site(first + second, name: "both.csv"), model: Sites.model)
    expectSameFit(try PersonBasedPartial.merge(partials), single, "missing level")
    expectSameFit(try PersonBasedPartial.merge(partials.reversed()), single, "missing level, reversed")
}

@Test func aPartialRecordsItsSumsCountsAndLimits() throws {
    let persons = Sites.site(Sites.lines[..<2_000], name: "small.csv")
    let partial = try PersonBasedPartial.compute(persons: persons, model: Sites.model,
                                                 limits: DisclosureLimits(minimumPersons: 1_500, minimumCell: 20))
    #expect(partial.limits == DisclosureLimits(minimumPersons: 1_500, minimumCell: 20))
    #expect(partial.n == 2_000 && partial.sums.rowsAdded == 2_000)
    // Level counts against a direct count of the persons' fields (fields 2, age_band, and 21, trust, counting from 0).
    func counted(_ field: Int, _ levels: [String]) -> [Int] {
        let values = Sites.lines[..<2_000].map { String(decoding: $0.split(separator: 44, omittingEmptySubsequences: false)[field], as: UTF8.self) }
        return levels.map { level in values.filter { $0 == level }.count }
    }
    #expect(partial.levelCounts == [counted(2, GeneratedPersons.bands), counted(21, ["T1", "T2", "T3", "T4"])])
    // Column totals: the intercept's is n; female's is the number of women.
    let female = Sites.lines[..<2_000].filter { $0.split(separator: 44, omittingEmptySubsequences: false)[3] == [49] }.count
    let names = partial.sums.columnNames
    #expect(partial.columnTotals[names.firstIndex(of: "intercept")!] == 2_000)
    #expect(partial.columnTotals[names.firstIndex(of: "female")!] == Double(female))
}

@Test func disclosureControlRefusesSmallSitesAndSmallCells() throws {
    let small = Sites.site(Sites.lines[..<999], name: "small.csv")
    #expect {
        try PersonBasedPartial.compute(persons: small, model: Sites.model, limits: DisclosureLimits())
    } throws: { error in
        let text = "\(error)"
        return text.contains("small.csv") && text.contains("expected at least 1000 persons with positive weight") && text.contains("found 999")
    }
    // With 1,000 persons and a limit of 60 per level some age bands (about 53 persons each) are too small.
    let thousand = Sites.site(Sites.lines[..<1_000], name: "thousand.csv")
    #expect {
        try PersonBasedPartial.compute(persons: thousand, model: Sites.model, limits: DisclosureLimits(minimumCell: 60))
    } throws: { error in
        let text = "\(error)"
        return text.contains("thousand.csv") && text.contains("at each level of age_band") && text.contains("(--minimum-cell)")
    }
    // A model whose levels are collected from the file cannot make a partial.
    let undeclared = try PersonBasedModelReader.read(text: GeneratedPersons.modelText, name: "model.toml")
    #expect {
        try PersonBasedPartial.compute(persons: thousand, model: undeclared, limits: DisclosureLimits())
    } throws: { error in
        "\(error)".contains("a partial needs the levels of trust declared")
    }
}

@Test func partialsOfDifferentModelsDoNotMerge() throws {
    let sites = Sites.split(sizes: [12_000])
    let first = try PersonBasedPartial.compute(persons: sites[0], model: Sites.model, limits: DisclosureLimits())
    var otherModel = Sites.model
    otherModel.supply = ["distance_km", "gp_fte"]
    let second = try PersonBasedPartial.compute(persons: sites[1], model: otherModel, limits: DisclosureLimits())
    #expect {
        try PersonBasedPartial.merge([("a.partial", first), ("b.partial", second)])
    } throws: { error in
        let text = "\(error)"
        return text.contains("b.partial") && text.contains("expected the model of a.partial")
            && text.contains("supply \"distance_km\", \"gp_fte\" instead of \"distance_km\", \"gp_fte\", \"nurse_fte\"")
    }
}

@Test func weightedSitesMergeToTheSingleWeightedFit() throws {
    // A weight column added to the generated persons: 0.5 + (id mod 7)/4, and 0 for every 97th
    // person (rows read but not in n).
    let header = Array(Sites.header.dropLast()) + Array(",weight\n".utf8)
    let lines = Sites.lines.enumerated().map { index, line in
        let id = index + 1
        let weight = id % 97 == 0 ? "0" : "\(0.5 + Double(id % 7) / 4)"
        return Array(line.dropLast()) + Array(",\(weight)\n".utf8)
    }
    let model = try PersonBasedModelReader.read(text: "weights = \"weight\"\n" + Sites.modelText, name: "weighted.toml")
    let single = try PersonBasedRegression.fit(persons: .bytes(header + lines.joined(), name: "all.csv"), model: model)
    #expect(single.regression.isWeighted && single.regression.n == Sites.count - Sites.count / 97)
    let cuts = [0, 2_500, 9_000, Sites.count]
    let partials = try (0..<3).map { site in
        let persons = PersonsSource.bytes(header + lines[cuts[site]..<cuts[site + 1]].joined(), name: "w\(site + 1).csv")
        return (persons.name, try PersonBasedPartial.compute(persons: persons, model: model, limits: DisclosureLimits()))
    }
    expectSameFit(try PersonBasedPartial.merge(partials), single, "weighted k = 3")
    expectSameFit(try PersonBasedPartial.merge(partials.reversed()), single, "weighted k = 3 reversed")
    // The second round with weights: HC1 of the whitened rows, as the single-file robust pass.
    let robustSingle = try PersonBasedRegression.fit(persons: .bytes(header + lines.joined(), name: "all.csv"), model: model,
                                                     options: PersonBasedFitOptions(robust: true))
    let coefficients = try PersonBasedPartial.merge(partials).regression.coefficients
    let secondRound = try (0..<3).map { site in
        let persons = PersonsSource.bytes(header + lines[cuts[site]..<cuts[site + 1]].joined(), name: "w\(site + 1).csv")
        return (persons.name, try PersonBasedPartial.compute(persons: persons, model: model, limits: DisclosureLimits(),
                                                             robustCoefficients: coefficients))
    }
    let robust = try #require(try PersonBasedPartial.merge(secondRound.reversed(), robust: true).robust)
    let expected = try #require(robustSingle.robust)
    for (index, (a, e)) in zip(robust.standardErrors, expected.standardErrors).enumerated() {
        #expect(abs(a - e) <= 1e-10 * e, "weighted HC1 SE[\(index)] = \(a), expected \(e)")
    }
}

@Test func secondRoundPartialsGiveTheSingleFileHC1() throws {
    // Expected: the single-file fit with its robust pass (HC1 checked against statsmodels in
    // PersonBasedAcceptanceTests). Round 1 merges the sites' sums; round 2 gives every site the
    // merged coefficients, and each site's meat is added about the merged fit's shift.
    let single = try PersonBasedRegression.fit(persons: .bytes(Sites.bytes, name: "persons.csv"), model: Sites.model,
                                               options: PersonBasedFitOptions(robust: true))
    let sites = Sites.split(sizes: [1_000, 1_200, 1_500, 2_000, 1_000, 1_900])
    let firstRound = try Sites.partials(sites)
    let merged = try PersonBasedPartial.merge(firstRound)
    let secondRound = try sites.map {
        ($0.name, try PersonBasedPartial.compute(persons: $0, model: Sites.model, limits: DisclosureLimits(),
                                                 robustCoefficients: merged.regression.coefficients))
    }
    for order in [Array(0..<7), [6, 5, 4, 3, 2, 1, 0], [3, 6, 0, 5, 1, 4, 2]] {
        let fit = try PersonBasedPartial.merge(order.map { secondRound[$0] }, robust: true)
        expectSameFit(fit, single, "HC1 order \(order)")
        let robust = try #require(fit.robust), expected = try #require(single.robust)
        for (index, (a, e)) in zip(robust.standardErrors, expected.standardErrors).enumerated() {
            #expect(abs(a - e) <= 1e-10 * e, "HC1 SE[\(index)] = \(a), expected \(e)")
        }
    }
    // A first-round partial among second-round ones, or one with other coefficients, is refused;
    // so is a second round whose coefficients are not those of its own merge (fewer sites).
    #expect {
        try PersonBasedPartial.merge([secondRound[0], firstRound[1]] + secondRound[2...], robust: true)
    } throws: { "\($0)".contains("site2.csv") && "\($0)".contains("expected a second-round partial") }
    var shifted = merged.regression.coefficients
    shifted[1] += 1
    let other = try PersonBasedPartial.compute(persons: sites[1], model: Sites.model, limits: DisclosureLimits(), robustCoefficients: shifted)
    #expect {
        try PersonBasedPartial.merge([secondRound[0], ("other.csv", other)] + secondRound[2...], robust: true)
    } throws: { "\($0)".contains("other.csv") && "\($0)".contains("expected the coefficients of site1.csv's second round") }
    #expect {
        try PersonBasedPartial.merge(Array(secondRound[..<6]), robust: true)
    } throws: { "\($0)".contains("site1.csv: expected the coefficient of intercept merged from these partials") }
}
