import Testing

/// Expects `actual` to equal `expected` within `relative` tolerance (absolute 1e-300 near 0), with
/// a message naming both.
func expectClose(_ actual: Double?, _ expected: Double, relative: Double = 1e-9, _ what: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("\(what): expected \(expected), found nil", sourceLocation: sourceLocation)
        return
    }
    let tolerance = expected == 0 ? 1e-300 : abs(expected) * relative
    #expect(abs(actual - expected) <= tolerance, "\(what): expected \(expected), found \(actual)", sourceLocation: sourceLocation)
}
