import Testing

/// |actual − expected| / |expected| (the absolute difference when expected is 0).
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    let difference = abs(actual - expected)
    return expected == 0 ? difference : difference / abs(expected)
}

/// Expects `actual` within `relative` of `expected`, relative to |expected|.
func expectClose(
    _ actual: Double, _ expected: Double, relative: Double, _ label: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(relativeError(actual, expected) <= relative,
            "\(label) \(actual) differs from \(expected) by \(relativeError(actual, expected)) relative (tolerance \(relative))",
            sourceLocation: sourceLocation)
}

/// Expects two arrays of equal length whose elements agree within `relative`.
func expectClose(
    _ actual: [Double], _ expected: [Double], relative: Double, _ label: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(label) lengths differ", sourceLocation: sourceLocation)
    for (index, (value, reference)) in zip(actual, expected).enumerated() {
        expectClose(value, reference, relative: relative, "\(label)[\(index)]", sourceLocation: sourceLocation)
    }
}

/// Expects `actual` within `absolute` of `expected`.
func expectNear(
    _ actual: Double, _ expected: Double, absolute: Double, _ label: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(abs(actual - expected) <= absolute,
            "\(label) \(actual) differs from \(expected) by \(abs(actual - expected)) (tolerance \(absolute))",
            sourceLocation: sourceLocation)
}
