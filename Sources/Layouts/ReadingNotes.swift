/// The notes a reader prints on standard error about rows it read differently from the rest, in
/// one wording for every command, so that analysts (and their scripts) can rely on it.
public enum ReadingNotes {
    /// `f.csv: 4 rows repeat earlier rows exactly (the first at line 12) and were read once`.
    public static func repeats(source: String, count: Int, firstLine: Int?) -> String {
        let line = firstLine.map { " (the first at line \($0))" } ?? ""
        return "\(source): \(count) row\(count == 1 ? "" : "s") repeat\(count == 1 ? "s an earlier row" : " earlier rows") exactly\(line) and \(count == 1 ? "was" : "were") read once"
    }

    /// `f.csv: 12 rows have an empty Count or Denominator (suppressed or not calculable by the
    /// publisher); they are written with an empty value and a note`.
    public static func passedThrough(source: String, count: Int, figures: String) -> String {
        "\(source): \(count) row\(count == 1 ? " has" : "s have") an empty \(figures) (suppressed or not calculable by the publisher); \(count == 1 ? "it is" : "they are") written with an empty value and a note"
    }

    /// `f.csv: 12 rows left out: an empty Count or Denominator`.
    public static func leftOut(source: String, count: Int, reason: String) -> String {
        "\(source): \(count) row\(count == 1 ? "" : "s") left out: \(reason)"
    }

    /// `f.csv: 3 periods (2010, 2015, 2019): one analysis for each`.
    public static func separateAnalyses(source: String, described: String, values: [String]) -> String {
        "\(source): \(values.count) \(described) (\(values.joined(separator: ", "))): one analysis for each"
    }

    /// Values for a message, quoted: `"2010", "2015" and "2019"` (the first 12, then how many more).
    public static func list(_ values: [String]) -> String {
        let shown = values.prefix(12).map { "\"\($0)\"" }
        let more = values.count > 12 ? " and \(values.count - 12) more" : ""
        guard shown.count > 1 else { return (shown.first ?? "none") + more }
        if !more.isEmpty { return shown.joined(separator: ", ") + more }
        return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }
}
