import Testing

/// Whether `actual` is within `relative` of `expected` (relative to |expected|, or absolute when
/// expected is 0).
func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-12) -> Bool {
    if expected == 0 { return abs(actual) <= relative }
    return abs(actual - expected) <= relative * abs(expected)
}

/// Expects `actual` ≈ `expected` to a relative tolerance, reporting both on failure.
func expectClose(_ actual: Double, _ expected: Double, relative: Double = 1e-12,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(isClose(actual, expected, relative: relative), "\(actual) is not within \(relative) of \(expected)",
            sourceLocation: sourceLocation)
}
