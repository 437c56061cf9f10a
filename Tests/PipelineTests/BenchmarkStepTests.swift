import Foundation
import Testing
import Tables
@testable import Pipeline

/// The benchmark step's missing-value option: `missing = "pass" | "skip" | "error"` as in the
/// indicators step (default pass); the older `skip-missing = true` means skip.
@Test func benchmarkStepMissingOption() throws {
    func step(_ options: String) -> String {
        exampleshirePipeline(steps: """
        [[step]]
        kind = "benchmark"
        counts = "counts"
        statistic = "rate"
        \(options)
        """)
    }
    #expect(try specError(step("missing = \"skip\"")) == nil)
    #expect(try specError(step("skip-missing = true")) == nil)
    #expect(try specError(step("skip-missing = true\nmissing = \"skip\"")) == nil)
    let contradiction = try #require(try specError(step("skip-missing = true\nmissing = \"pass\"")))
    #expect(contradiction.message.contains("skip-missing = true contradicts missing = \"pass\"; give only missing"), "\(contradiction.message)")
    let unknown = try #require(try specError(step("missing = \"drop\"")))
    #expect(unknown.message.contains("expected one of pass, error, skip, found \"drop\""), "\(unknown.message)")
    let wilsonRate = try #require(try specError(step("funnel = \"wilson\"")))
    #expect(wilsonRate.message.contains("--funnel wilson gives Wilson-score limits for proportions"), "\(wilsonRate.message)")
}
