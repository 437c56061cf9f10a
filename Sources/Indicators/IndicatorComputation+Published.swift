import Layouts
import Statistics
import Tables

/// The published-figure columns of one chunk (`IndicatorRequest.comparesPublished`), as text so
/// the decimals written are kept.
struct PublishedColumns {
    let value: [String]?
    let lower: [[String]?]
    let upper: [[String]?]
    /// The engine's names of the limit columns per level.
    let lowerNames: [String]
    let upperNames: [String]
    /// The header's spelling of each column, for messages: value, then lower and upper per level.
    let headerNames: [String: String]

    /// The columns for the requested levels. A level without published limits in any publisher's
    /// layout, or a file with no published figure at all, is an error at the header.
    init(_ counts: IndicatorCounts, levels: [ConfidenceLevel]) throws {
        let table = counts.table
        let keys = HeaderKeys(table.header)
        var names: [String: String] = [:]
        func column(_ known: KnownColumn) -> [String]? {
            guard table.has(known.name) else { return nil }
            names[known.name] = keys.headerName(of: known) ?? known.name
            return table.text(known.name)
        }
        let header = SourceLocation(file: table.source, line: 1)
        value = column(PublishedFigures.columns[0])
        var lower: [[String]?] = []
        var upper: [[String]?] = []
        var lowerNames: [String] = []
        var upperNames: [String] = []
        for level in levels {
            guard let pair = PublishedFigures.limitColumns(level) else {
                throw DataError(.badData, at: header,
                                "--compare-published: no published limits at \(IndicatorResults.label(level)); Fingertips publishes 95% and 99.8% limits (\(FingertipsColumns.lower95.headers[0]), \(FingertipsColumns.lower998.headers[0]))")
            }
            lower.append(column(pair.lower))
            upper.append(column(pair.upper))
            lowerNames.append(pair.lower.name)
            upperNames.append(pair.upper.name)
        }
        if value == nil && lower.allSatisfy({ $0 == nil }) && upper.allSatisfy({ $0 == nil }) {
            let wanted = [PublishedFigures.columns[0]] + levels.compactMap(PublishedFigures.limitColumns).flatMap { [$0.lower, $0.upper] }
            throw DataError(.badData, at: header,
                            "--compare-published: the file has no published figures; expected one of \(wanted.map(\.described).joined(separator: ", "))")
        }
        self.lower = lower
        self.upper = upper
        self.lowerNames = lowerNames
        self.upperNames = upperNames
        headerNames = names
    }

    /// The published figures of a row; a cell that is not a number is an error at its column.
    func figures(_ counts: IndicatorCounts, row: Int) throws -> PublishedFigures {
        func figure(_ texts: [String]?, _ name: String) throws -> PublishedFigure? {
            guard let texts else { return nil }
            let text = texts[row]
            if text.isEmpty { return nil }
            guard let figure = PublishedFigure(text: text) else {
                var location = counts.table.location(row: row, column: name)
                location.columnName = headerNames[name] ?? name
                throw DataError(.badData, at: location, "expected a published figure (a number or an empty field), found \(DataError.quoted(text))")
            }
            return figure
        }
        let value = try figure(value, PublishedFigures.columns[0].name)
        var limits: [PublishedLimits] = []
        for index in lower.indices {
            limits.append(PublishedLimits(lower: try figure(lower[index], lowerNames[index]),
                                          upper: try figure(upper[index], upperNames[index])))
        }
        return PublishedFigures(line: counts.table.lineNumbers[row], value: value, limits: limits)
    }
}
