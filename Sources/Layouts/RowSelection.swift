import Tables

/// A published table narrowed, step by step, to the rows one analysis reads, with a note (in
/// `ReadingNotes`' wording) for every row read differently from the rest: exact repeats read
/// once, rows of other area types, breakdown (`Category Type`) rows, rows of other periods.
///
/// Every step names the rows it leaves out; none is silent.
public struct RowSelection: Sendable {
    /// The rows kept so far, with their original line numbers.
    public private(set) var table: Table
    /// Sentences for standard error (and a run's manifest), in the order the steps ran.
    public private(set) var notes: [String] = []

    public init(_ table: Table) {
        self.table = table
    }

    /// Reads rows that repeat an earlier row exactly once (`Table.collapsingRepeats`), noting how
    /// many. Columns the table lacks are ignored.
    ///
    /// - Throws: `DataError` at the later row when two rows share `identity` but not `figures`,
    ///   naming the earlier line and the columns as the file's header names them.
    public mutating func collapseRepeats(identity: [String], figures: [String]) throws {
        let collapsed = try table.collapsingRepeats(identity: identity, figures: figures, headerNames: true)
        guard collapsed.repeats > 0 else { return }
        table = collapsed.table
        notes.append(ReadingNotes.repeats(source: table.source, count: collapsed.repeats, firstLine: collapsed.firstRepeatLine))
    }

    /// Keeps the rows whose `column` is `value`; the others are counted as `reason`.
    public mutating func keep(_ column: String, equalTo value: String, otherwise reason: String) {
        keep(otherwise: reason) { table in
            let values = table.text(column)
            return { values[$0] == value }
        }
    }

    /// Keeps the rows whose `column` is empty (the all-persons rows of a Fingertips export, whose
    /// `Category Type` is empty); the others are counted as `reason`.
    public mutating func keepEmpty(_ column: String, otherwise reason: String) {
        guard table.has(column) else { return }
        keep(otherwise: reason) { table in
            let values = table.text(column)
            return { values[$0].isEmpty }
        }
    }

    /// Keeps the rows `predicate` accepts; the number left out is noted as `reason`.
    public mutating func keep(otherwise reason: String, _ predicate: (Table) -> (Int) -> Bool) {
        let accepts = predicate(table)
        let kept = (0..<table.rowCount).filter(accepts)
        guard kept.count < table.rowCount else { return }
        let left = table.rowCount - kept.count
        table = table.selecting(rows: kept)
        notes.append(ReadingNotes.leftOut(source: table.source, count: left, reason: reason))
    }

    /// The distinct values of a text column, in order of first appearance.
    public func distinctValues(_ column: String) -> [String] {
        guard table.has(column) else { return [] }
        var seen: Set<String> = []
        return table.text(column).filter { seen.insert($0).inserted }
    }

    /// Keeps the rows of one period (`period`, the value of `--period`), the others counted.
    ///
    /// - Throws: `DataError` (line 1) when the table has no `column`, or no row of that period,
    ///   listing the periods it has.
    public mutating func choosePeriod(_ period: String, column: String, header: String, option: String) throws {
        guard table.has(column) else {
            throw DataError(.badData, at: SourceLocation(file: table.source, line: 1),
                            "\(option) \(DataError.quoted(period)) needs a period column (\(header)), and the file has none")
        }
        let periods = distinctValues(column)
        guard periods.contains(period) else {
            throw DataError(.badData, at: SourceLocation(file: table.source, line: 1),
                            "\(option) \(DataError.quoted(period)): no row of that period; the file has \(ReadingNotes.list(periods))")
        }
        keep(column, equalTo: period, otherwise: "a period other than \(period)")
    }

    /// Adds a sentence of the caller's.
    public mutating func note(_ sentence: String) {
        notes.append(sentence)
    }

    /// Notes that the rows make one analysis for each value of `column` (`period`).
    public mutating func noteSeparate(_ column: String, described: String) {
        notes.append(ReadingNotes.separateAnalyses(source: table.source, described: described, values: distinctValues(column)))
    }
}
