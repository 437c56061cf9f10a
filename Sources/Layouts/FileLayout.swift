import Tables

/// A layout of input file that a reader recognises from its header: the design's canonical
/// layout, or a publisher's (an OHID Fingertips export, NHS Digital's payments file, a
/// PHEindicatormethods data frame written to CSV).
public struct FileLayout: Sendable, Hashable {
    /// Short identifier (`fingertips`), for code and documentation.
    public let id: String
    /// How the layout is named to a user: `an OHID Fingertips export`.
    public let name: String
    /// The columns that, all present, mark a file as of this layout. Each entry may be one of
    /// several alternatives (`Count` or `Value`): the inner lists are any-of.
    public let identifying: [[KnownColumn]]
    /// Where the layout is documented, for messages.
    public let documentation: String

    public init(id: String, name: String, identifying: [[KnownColumn]], documentation: String) {
        self.id = id
        self.name = name
        self.identifying = identifying
        self.documentation = documentation
    }

    /// Whether a header has every identifying column.
    public func matches(_ keys: HeaderKeys) -> Bool { missing(from: keys).isEmpty }

    /// The identifying columns a header lacks, each as `a` or `a or b`.
    public func missing(from keys: HeaderKeys) -> [String] {
        identifying.filter { alternatives in !alternatives.contains { keys.contains($0) } }.map { alternatives in
            alternatives.map { $0.headers.first ?? $0.name }.joined(separator: " or ")
        }
    }

    /// What the layout needs, for messages: `Indicator ID, Area Code, Count or Value`.
    public var needs: String {
        identifying.map { $0.map { $0.headers.first ?? $0.name }.joined(separator: " or ") }.joined(separator: ", ")
    }
}

/// Recognising a file's layout from its header.
public enum LayoutDetection {
    /// The first of `layouts` whose identifying columns the header has.
    ///
    /// - Throws: `DataError` (bad data, line 1 of `source`) when none matches, naming the columns
    ///   found, what each layout needs, and the closest layout (the one with the most identifying
    ///   columns present) with the columns it lacks.
    public static func detect(header: [String], source: String, among layouts: [FileLayout], reading purpose: String) throws -> FileLayout {
        let keys = HeaderKeys(header)
        if let layout = layouts.first(where: { $0.matches(keys) }) { return layout }
        throw unrecognised(keys, source: source, among: layouts, reading: purpose)
    }

    /// The error for a header that matches none of `layouts`.
    public static func unrecognised(_ keys: HeaderKeys, source: String, among layouts: [FileLayout], reading purpose: String) -> DataError {
        let header = keys.header
        let shown = header.prefix(15).map { $0.isEmpty ? "(unnamed)" : $0 }.joined(separator: ", ") + (header.count > 15 ? ", …" : "")
        var message = "the columns do not match a layout of \(purpose) that the engine reads; the header has \(header.count) column\(header.count == 1 ? "" : "s"): \(shown)."
        let ranked = layouts.enumerated().map { (index: $0.offset, layout: $0.element, present: $0.element.identifying.count - $0.element.missing(from: keys).count) }
            .sorted { $0.present != $1.present ? $0.present > $1.present : $0.index < $1.index }
        if let closest = ranked.first, closest.present > 0 {
            message += " The closest is \(closest.layout.name), which also needs \(closest.layout.missing(from: keys).joined(separator: ", ")) (see \(closest.layout.documentation))."
        }
        message += " Layouts read: " + layouts.map { "\($0.name) (\($0.needs))" }.joined(separator: "; ") + "."
        return DataError(.badData, at: SourceLocation(file: source, line: 1), message)
    }
}
