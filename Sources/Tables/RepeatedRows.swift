/// Rows that say the same thing twice.
///
/// Published files repeat rows: an OHID Fingertips export of every area type lists England once
/// per parent context (once with an empty `Parent Code`, again under each other parent), and
/// analysts concatenate downloads that overlap. A row is identified by its *identity* columns
/// (indicator, area, period, sex, age, category, …); two rows with the same identity and the same
/// *figures* (counts, values, limits) are one row, and two with the same identity and different
/// figures contradict each other, which is an error naming both lines.
extension Table {
    /// The outcome of `collapsingRepeats(identity:figures:)`.
    public struct RepeatedRows: Sendable {
        /// The table with every repeat after the first left out (rows in their original order,
        /// with their original line numbers).
        public var table: Table
        /// How many rows were left out as exact repeats of an earlier row.
        public var repeats: Int
        /// The line of the first repeat left out, for the note on standard error.
        public var firstRepeatLine: Int?
    }

    /// Leaves out rows whose `identity` columns and `figures` columns both equal those of an
    /// earlier row. Columns the table does not have are ignored, so a reader can name every
    /// identity column a layout may have. Figures compare as the values read (an empty field
    /// equals only an empty field; `14.7` and `14.70` are the same number).
    ///
    /// - Throws: `DataError` (bad data) at the later row when two rows share an identity but not
    ///   their figures, naming the first column that differs and the earlier line.
    /// With `headerNames`, the message names columns as the file's header does (`Count`), not
    /// as the reader's schema does (`numerator`).
    public func collapsingRepeats(identity: [String], figures: [String], headerNames: Bool = false) throws -> RepeatedRows {
        func named(_ column: String) -> String {
            guard headerNames, let position = positions[column], header.indices.contains(position - 1) else { return column }
            return header[position - 1]
        }
        let identityColumns = identity.filter { has($0) }
        let figureColumns = figures.filter { has($0) && !identityColumns.contains($0) }
        guard rowCount > 1 else { return RepeatedRows(table: self, repeats: 0, firstRepeatLine: nil) }
        let identityText = identityColumns.map { identityKeyText($0) }
        var firstRowOfIdentity: [[String]: Int] = [:]
        firstRowOfIdentity.reserveCapacity(rowCount)
        var kept: [Int] = []
        kept.reserveCapacity(rowCount)
        var repeats = 0
        var firstRepeatLine: Int?
        for row in 0..<rowCount {
            let key = identityText.map { $0[row] }
            guard let earlier = firstRowOfIdentity[key] else {
                firstRowOfIdentity[key] = row
                kept.append(row)
                continue
            }
            if let differing = figureColumns.first(where: { !sameValue($0, row, earlier) }) {
                let described = zip(identityColumns, key).map { "\(named($0)) \(DataError.quoted($1))" }.joined(separator: ", ")
                var place = location(row: row, column: differing)
                place.columnName = named(differing)
                throw DataError(.badData, at: place,
                                "this row repeats line \(lineNumbers[earlier]) (\(described)) with a different \(named(differing)): \(valueText(differing, row)) here, \(valueText(differing, earlier)) there")
            }
            repeats += 1
            if firstRepeatLine == nil { firstRepeatLine = lineNumbers[row] }
        }
        guard repeats > 0 else { return RepeatedRows(table: self, repeats: 0, firstRepeatLine: nil) }
        return RepeatedRows(table: selecting(rows: kept), repeats: repeats, firstRepeatLine: firstRepeatLine)
    }

    /// The table with only `rows` (indices in this table, in the order given).
    public func selecting(rows: [Int]) -> Table {
        var selected: [String: ColumnValues] = [:]
        for (name, column) in values {
            switch column {
            case .text(let items): selected[name] = .text(rows.map { items[$0] })
            case .codedText(let items): selected[name] = .codedText(CodedText(codes: rows.map { items.codes[$0] }, values: items.values))
            case .wholeNumbers(let items): selected[name] = .wholeNumbers(rows.map { items[$0] })
            case .optionalWholeNumbers(let items): selected[name] = .optionalWholeNumbers(rows.map { items[$0] })
            case .decimals(let items): selected[name] = .decimals(rows.map { items[$0] })
            case .optionalDecimals(let items): selected[name] = .optionalDecimals(rows.map { items[$0] })
            case .pence(let items): selected[name] = .pence(rows.map { items[$0] })
            case .optionalPence(let items): selected[name] = .optionalPence(rows.map { items[$0] })
            }
        }
        return Table(source: source, header: header, rowCount: rows.count, lineNumbers: rows.map { lineNumbers[$0] },
                     values: selected, positions: positions)
    }

    /// Whether two rows hold the same value in `column` (both empty counts as the same).
    public func sameValue(_ column: String, _ first: Int, _ second: Int) -> Bool {
        switch values[column] {
        case .text(let items)?: return items[first] == items[second]
        case .codedText(let items)?: return items.codes[first] == items.codes[second]
        case .wholeNumbers(let items)?: return items[first] == items[second]
        case .optionalWholeNumbers(let items)?: return items[first] == items[second]
        case .decimals(let items)?: return items[first] == items[second]
        case .optionalDecimals(let items)?: return items[first] == items[second]
        case .pence(let items)?: return items[first] == items[second]
        case .optionalPence(let items)?: return items[first] == items[second]
        case nil: return true
        }
    }

    /// A value as text for messages: numbers as the engine writes them, an empty field as
    /// `an empty field`, text quoted.
    public func valueText(_ column: String, _ row: Int) -> String {
        func number(_ value: Double?) -> String { value.map(Table.formatNumber) ?? "an empty field" }
        func pounds(_ pence: Int?) -> String {
            guard let pence else { return "an empty field" }
            let sign = pence < 0 ? "-" : ""
            let magnitude = pence.magnitude
            let fraction = magnitude % 100
            return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        }
        switch values[column] {
        case .text(let items)?: return items[row].isEmpty ? "an empty field" : DataError.quoted(items[row])
        case .codedText(let items)?: return items[row].isEmpty ? "an empty field" : DataError.quoted(items[row])
        case .wholeNumbers(let items)?: return String(items[row])
        case .optionalWholeNumbers(let items)?: return items[row].map { String($0) } ?? "an empty field"
        case .decimals(let items)?: return number(items[row])
        case .optionalDecimals(let items)?: return number(items[row])
        case .pence(let items)?: return pounds(items[row])
        case .optionalPence(let items)?: return pounds(items[row])
        case nil: return "no value"
        }
    }

    /// A column's values as text for keys: text as written, numbers as the engine writes them.
    private func identityKeyText(_ column: String) -> [String] {
        switch values[column] {
        case .text(let items)?: return items
        case .codedText(let items)?: return items.strings
        default: return (0..<rowCount).map { row in valueText(column, row) }
        }
    }
}
