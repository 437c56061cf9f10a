import Reports
import Tables

/// A CSV file of a run read as text, for tables shown in a notebook the way pandas shows a
/// `DataFrame`: whole-number columns as they are, decimal columns rounded to the decimals the
/// notebook's code asks for (`.round(n)`) with the trailing zeros all the column's values share
/// removed (at least one decimal kept), and empty fields as `NaN`.
struct CSVPreview {
    let header: [String]
    let columns: [String: [String]]
    let rowCount: Int

    init(path: String) throws {
        let header = try TableReader(path: path, schema: Schema([])).header
        let table = try TableReader.read(path: path, schema: Schema(header.map { ColumnSpec($0, allowsEmpty: true) }))
        self.header = header
        var columns: [String: [String]] = [:]
        for name in header { columns[name] = table.text(name) }
        self.columns = columns
        rowCount = table.rowCount
    }

    /// The values of a column as numbers (nil where empty or not a number).
    func numbers(_ column: String) -> [Double?] {
        (columns[column] ?? []).map { Double($0) }
    }

    /// Rows `rows` of the named columns, formatted as pandas would after `.round(decimals)`;
    /// labels are the rows' positions in the file (pandas' default index).
    func display(columns names: [String], rows: [Int], decimals: Int, caption: String? = nil) -> DisplayTable {
        let formatted = names.map { name in Self.formatColumn(rows.map { columns[name]![$0] }, decimals: decimals) }
        let body = rows.indices.map { index in formatted.map { $0[index] } }
        return DisplayTable(header: names, rows: body, rowLabels: rows.map(String.init), caption: caption)
    }

    /// The pandas-like text of one column's values.
    static func formatColumn(_ values: [String], decimals: Int) -> [String] {
        let present = values.filter { !$0.isEmpty }
        let isWhole = !present.isEmpty && present.allSatisfy { Int($0) != nil }
        let isNumber = !present.isEmpty && present.allSatisfy { Double($0) != nil }
        if isWhole && present.count == values.count { return values }
        guard isNumber else { return values.map { $0.isEmpty ? "NaN" : $0 } }
        var texts = values.map { text -> String? in
            guard let value = Double(text) else { return nil }
            return NumberFormat(decimals: decimals, groupsThousands: false).text(value).replacingOccurrences(of: "\u{2212}", with: "-")
        }
        if decimals > 0 {
            var shared = decimals - 1
            for text in texts.compactMap({ $0 }) {
                let trailing = text.reversed().prefix { $0 == "0" }.count
                shared = min(shared, trailing)
            }
            if shared > 0 { texts = texts.map { $0.map { String($0.dropLast(shared)) } } }
        } else {
            texts = texts.map { $0.map { $0 + ".0" } }
        }
        return texts.map { $0 ?? "NaN" }
    }
}
