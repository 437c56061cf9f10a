import Tables

/// " (also line N)" for a message about a key seen twice, when the earlier line is known.
func alsoAtLine(_ location: SourceLocation?) -> String {
    guard let line = location?.line else { return "" }
    return " (also line \(line))"
}
