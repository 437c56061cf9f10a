import Testing
@testable import Allocation
import Tables

@Test func collectedLevelsAreInByteOrder() throws {
    let persons = "band,cost\n5-9,1\n10-14,2\n0-4,3\n5-9,4\n90+,5\n"
    let levels = try CategoryLevels.collect(persons: SmallPersons.source(persons), variables: ["band"], chunkRows: 2)
    // Byte order: "0" < "1" < "5" < "9", so 10-14 comes before 5-9.
    #expect(levels["band"] == ["0-4", "10-14", "5-9", "90+"])
}

@Test func declaredLevelsSetTheTermOrderAndSpareThePass() throws {
    let persons = "band,cost\n5-9,1\n10-14,2\n0-4,3\n5-9,4\n90+,5\n0-4,6\n"
    let declared = try SmallPersons.model("response = \"cost\"\n[[categorical]]\nvariable = \"band\"\nreference = \"0-4\"\nlevels = [\"0-4\", \"5-9\", \"10-14\", \"90+\"]\n")
    let collected = try SmallPersons.model("response = \"cost\"\n[[categorical]]\nvariable = \"band\"\nreference = \"0-4\"\n")
    let first = try PersonBasedRegression.fit(persons: SmallPersons.source(persons), model: declared)
    let second = try PersonBasedRegression.fit(persons: SmallPersons.source(persons), model: collected)
    #expect(first.design.termNames == ["intercept", "band=5-9", "band=10-14", "band=90+"])
    #expect(second.design.termNames == ["intercept", "band=10-14", "band=5-9", "band=90+"])
    #expect(first.passes == 1 && second.passes == 2)
    // A saturated one-way model: intercept = mean of the reference group (3 + 6)/2 = 4.5, and each
    // level's coefficient = its mean − 4.5: 5-9 (1 + 4)/2 − 4.5 = −2, 10-14 2 − 4.5 = −2.5, 90+ 5 − 4.5 = 0.5.
    let expected = [4.5, -2, -2.5, 0.5]
    #expect(zip(first.regression.coefficients, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(abs(second.regression.coefficient(named: "band=5-9")! + 2) < 1e-12)
}

@Test func withoutAnInterceptEveryLevelHasItsColumn() throws {
    // No intercept and no reference: each level's coefficient is its group mean,
    // A (10 + 20)/2 = 15, B 40, C (7 + 8 + 9)/3 = 8.
    let persons = "group,cost\nA,10\nB,40\nA,20\nC,7\nC,8\nC,9\n"
    let model = try SmallPersons.model("response = \"cost\"\nintercept = false\n[[categorical]]\nvariable = \"group\"\n")
    let fit = try PersonBasedRegression.fit(persons: SmallPersons.source(persons), model: model)
    #expect(fit.design.termNames == ["group=A", "group=B", "group=C"])
    #expect(zip(fit.regression.coefficients, [15.0, 40, 8]).allSatisfy { abs($0 - $1) < 1e-12 })
    // Without an intercept R² is uncentred (R's summary.lm convention).
    #expect(fit.regression.rSquaredKind == .uncentred)
}

@Test func aVariableWithOnlyItsReferenceLevelAddsNoTerm() throws {
    let persons = "sex,x,cost\nF,1,2\nF,2,4\nF,3,7\n"
    let model = try SmallPersons.model("response = \"cost\"\nneed = [\"x\"]\n[[categorical]]\nvariable = \"sex\"\nreference = \"F\"\n")
    let fit = try PersonBasedRegression.fit(persons: SmallPersons.source(persons), model: model)
    #expect(fit.design.termNames == ["intercept", "x"])
}

@Test func termNamesMustBeDistinct() {
    // A numeric column called "group=B" clashes with the indicator of level B of group.
    let persons = "group,group=B,cost\nA,1,1\nB,0,2\nA,1,3\n"
    let error = SmallPersons.dataError {
        let model = try SmallPersons.model("response = \"cost\"\nneed = [\"group=B\"]\n[[categorical]]\nvariable = \"group\"\nreference = \"A\"\n")
        _ = try PersonBasedRegression.fit(persons: SmallPersons.source(persons), model: model)
    }
    #expect(error?.message == "two design terms are called \"group=B\"; rename the column")
}

@Test func levelIndexFindsEveryLevelAmongManyAndNothingElse() {
    // 1,000 levels in a table of 4,096 slots: every level finds its own column (probing past
    // collisions), and texts that are not levels (a prefix, an extension, the empty text) find none.
    let levels = (0..<1_000).map { "L\($0)" }
    let index = LevelIndex(levels.enumerated().map { ($0.element, $0.offset) })
    #expect(levels.enumerated().allSatisfy { index.column(of: $0.element) == $0.offset })
    #expect(index.column(of: "L") == nil && index.column(of: "L1000") == nil && index.column(of: "") == nil)
    // Non-ASCII and longer-than-15-byte levels (not small strings) too.
    let wide = LevelIndex([("Ålesund-Œ", 3), ("a level name longer than fifteen bytes", 4)])
    #expect(wide.column(of: "Ålesund-Œ") == 3 && wide.column(of: "a level name longer than fifteen bytes") == 4)
    #expect(wide.column(of: "Alesund-Œ") == nil)
}
