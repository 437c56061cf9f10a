import Testing
@testable import Population

@Test func parsesTheDesignsLabelsAndNHSDigitalsUnderscoreStyle() {
    #expect(AgeBand(label: "0-4") == AgeBand(lowerAge: 0, upperAge: 4))
    #expect(AgeBand(label: "0_4") == AgeBand(lowerAge: 0, upperAge: 4))
    #expect(AgeBand(label: "85-89") == AgeBand(lowerAge: 85, upperAge: 89))
    #expect(AgeBand(label: "90+") == AgeBand(lowerAge: 90, upperAge: nil))
    #expect(AgeBand(label: "90_94") == AgeBand(lowerAge: 90, upperAge: 94))
    #expect(AgeBand(label: "95+") == AgeBand(lowerAge: 95, upperAge: nil))
    #expect(AgeBand(label: "90+")?.label == "90+")
    #expect(AgeBand(label: "5_9")?.label == "5-9")
}

@Test func rejectsLabelsThatAreNotBands() {
    for label in ["ALL", "", "90", "+", "4-0", " 0-4", "0-4 ", "a-b", "0--4", "-4", "1000+", "0-4-9"] {
        #expect(AgeBand(label: label) == nil, "\(label) should not parse")
    }
}

@Test func containmentAndOverlapOfOpenBands() {
    let ninetyPlus = AgeBand(label: "90+")!
    #expect(ninetyPlus.contains(AgeBand(label: "90-94")!))
    #expect(ninetyPlus.contains(AgeBand(label: "95+")!))
    #expect(!AgeBand(label: "90-94")!.contains(ninetyPlus))
    #expect(!AgeBand(label: "95+")!.contains(ninetyPlus))
    #expect(ninetyPlus.overlaps(AgeBand(label: "95+")!))
    #expect(!AgeBand(label: "0-4")!.overlaps(AgeBand(label: "5-9")!))
    #expect(AgeBand(label: "0-4")!.overlaps(AgeBand(label: "4-8")!))
    #expect(ninetyPlus.contains(age: 120) && !ninetyPlus.contains(age: 89))
    #expect(AgeBand(label: "0-4")! < AgeBand(label: "5-9")! && AgeBand(label: "90-94")! < ninetyPlus)
}

@Test func nineteenAndTwentyOneBandSchemes() {
    let nineteen = AgeBandScheme.nineteenBands
    #expect(nineteen.count == 19)
    #expect(nineteen.bands.first!.label == "0-4" && nineteen.bands[17].label == "85-89" && nineteen.bands.last!.label == "90+")
    #expect(AgeBandScheme.twentyBands.count == 20 && AgeBandScheme.twentyBands.bands.last!.label == "95+")
    // 90-94 and 95+ both fall into 90+ (position 18) of the nineteen bands.
    #expect(nineteen.index(containing: AgeBand(label: "90_94")!) == 18)
    #expect(nineteen.index(containing: AgeBand(label: "95+")!) == 18)
    // 90+ cannot be split into the twenty bands.
    #expect(AgeBandScheme.twentyBands.index(containing: AgeBand(label: "90+")!) == nil)
    #expect(nineteen.index(containing: AgeBand(label: "3-7")!) == nil)
    #expect(nineteen.index(ofAge: 0) == 0 && nineteen.index(ofAge: 89) == 17 && nineteen.index(ofAge: 104) == 18)
}

@Test func schemeMustCoverEveryAgeOnce() {
    let bands = ["0-4", "5-9", "10+"].map { AgeBand(label: $0)! }
    #expect(AgeBandScheme(bands) != nil)
    #expect(AgeBandScheme(["5-9", "10+"].map { AgeBand(label: $0)! }) == nil)      // does not start at 0
    #expect(AgeBandScheme(["0-4", "6-9", "10+"].map { AgeBand(label: $0)! }) == nil) // gap at 5
    #expect(AgeBandScheme(["0-4", "5-9"].map { AgeBand(label: $0)! }) == nil)       // no open band
    #expect(AgeBandScheme(["0-4", "5+", "10+"].map { AgeBand(label: $0)! }) == nil)  // band after the open one
    #expect(AgeBandScheme([]) == nil)
}

@Test func sexLabels() {
    #expect(Sex(label: "M") == .male && Sex(label: "F") == .female)
    #expect(Sex(label: "MALE") == .male && Sex(label: "female") == .female && Sex(label: "Male") == .male)
    #expect(Sex(label: "ALL") == nil && Sex(label: "m") == nil && Sex(label: "") == nil && Sex(label: "U") == nil)
    #expect(Sex.male.label == "M" && Sex.female.index == 1)
}
