import Foundation
import Indicators
import Statistics
import Tables
import Testing

let levels: [ConfidenceLevel] = [.ninetyFive, .ninetyNinePointEight]

/// Checks `actual` against `expected` to a relative tolerance (absolute when `expected` is 0).
func expectClose(_ actual: Double?, _ expected: Double, relative tolerance: Double = 1e-9,
                 _ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("expected \(expected), found nil \(comment.map { "(\($0))" } ?? "")", sourceLocation: sourceLocation)
        return
    }
    let error = expected == 0 ? abs(actual) : abs(actual - expected) / abs(expected)
    #expect(error <= tolerance, "\(actual) vs \(expected): relative error \(error) \(comment.map { "(\($0))" } ?? "")",
            sourceLocation: sourceLocation)
}

/// Checks an estimate's value and 95% / 99.8% limits against a line of indicator_reference.py:
/// `value lower95 upper95 lower99.8 upper99.8`.
func expectEstimate(_ estimate: IndicatorEstimate, _ reference: [Double], relative tolerance: Double = 1e-9,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(reference.count == 5, sourceLocation: sourceLocation)
    expectClose(estimate.value, reference[0], relative: tolerance, "value", sourceLocation: sourceLocation)
    #expect(estimate.limits.count == 2, sourceLocation: sourceLocation)
    guard estimate.limits.count == 2 else { return }
    expectClose(estimate.limits[0].lower, reference[1], relative: tolerance, "lower 95", sourceLocation: sourceLocation)
    expectClose(estimate.limits[0].upper, reference[2], relative: tolerance, "upper 95", sourceLocation: sourceLocation)
    expectClose(estimate.limits[1].lower, reference[3], relative: tolerance, "lower 99.8", sourceLocation: sourceLocation)
    expectClose(estimate.limits[1].upper, reference[4], relative: tolerance, "upper 99.8", sourceLocation: sourceLocation)
}

/// Runs a statistic over CSV text as the CLI would (chunks of `chunkRows` rows).
func compute(_ csv: String, _ request: IndicatorRequest, name: String = "input.csv", chunkRows: Int = 3) throws -> IndicatorResults {
    let reader = try TableReader(bytes: Array(csv.utf8), name: name, schema: IndicatorCounts.schema(for: request))
    var computation = try IndicatorComputation(request: request)
    while let chunk = try reader.next(maximumRows: chunkRows) {
        try computation.add(IndicatorCounts(table: chunk))
    }
    return try computation.finish()
}

/// The message of the DataError `work` throws (nil when it throws none or another error).
func dataError(_ work: () throws -> Void) -> DataError? {
    do {
        try work()
        return nil
    } catch let error as DataError {
        return error
    } catch {
        return nil
    }
}

/// The folder of the package (for datasets/), found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
