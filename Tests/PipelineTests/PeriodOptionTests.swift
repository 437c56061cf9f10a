import Testing
import Tables
@testable import Pipeline

@Test func needsAndInequalityStepsTakeAPeriod() throws {
    // `period` (and the older `year`) of a needs step, one of them; `area-type` and `period` apply to scores.
    let both = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "needs"
    scores = "areas"
    period = "2019"
    year = "2019"
    """)))
    #expect(both.message.contains("give period or year (the same option), not both"))
    let attributed = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "needs"
    attribution = "attribution"
    areas = "areas"
    area-type = "GPs"
    """)))
    #expect(attributed.message.contains("--area-type applies to --scores"))
    #expect(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "inequality"
    indicator = "counts"
    period = "2022/23"
    """)) == nil)
}
