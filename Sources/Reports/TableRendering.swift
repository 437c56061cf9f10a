/// A small table of text cells for display: rendered as HTML (the markup pandas gives a
/// `DataFrame` in a notebook, class `dataframe`, with a bold header and the row labels) and as
/// plain text (columns padded to their widest cell and right-aligned, as pandas prints a frame).
public struct DisplayTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// Labels of the rows (the index shown at the left); 0, 1, 2, … when nil.
    public var rowLabels: [String]?
    /// A line under the table, such as "40 rows × 12 columns".
    public var caption: String?

    public init(header: [String], rows: [[String]], rowLabels: [String]? = nil, caption: String? = nil) {
        precondition(rows.allSatisfy { $0.count == header.count }, "DisplayTable: every row needs one cell per column")
        self.header = header
        self.rows = rows
        self.rowLabels = rowLabels
        self.caption = caption
    }

    var labels: [String] { rowLabels ?? rows.indices.map(String.init) }

    /// HTML markup of the table (escaped), as a notebook shows it.
    public func html() -> String {
        var text = "<div>\n<table border=\"1\" class=\"dataframe\">\n  <thead>\n    <tr style=\"text-align: right;\">\n      <th></th>\n"
        for name in header { text += "      <th>\(SVGCanvas.escaped(name))</th>\n" }
        text += "    </tr>\n  </thead>\n  <tbody>\n"
        for (index, row) in rows.enumerated() {
            text += "    <tr>\n      <th>\(SVGCanvas.escaped(labels[index]))</th>\n"
            for cell in row { text += "      <td>\(SVGCanvas.escaped(cell))</td>\n" }
            text += "    </tr>\n"
        }
        text += "  </tbody>\n</table>\n"
        if let caption { text += "<p>\(SVGCanvas.escaped(caption))</p>\n" }
        text += "</div>"
        return text
    }

    /// Plain text of the table: a header line, then one line per row, columns two spaces apart.
    public func plainText() -> String {
        let labelWidth = labels.map(\.count).max() ?? 0
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func pad(_ text: String, _ width: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return right ? fill + text : text + fill
        }
        var lines: [String] = []
        lines.append(([String(repeating: " ", count: labelWidth)] + header.enumerated().map { pad($0.element, widths[$0.offset], right: true) })
            .joined(separator: "  "))
        for (index, row) in rows.enumerated() {
            var cells = [pad(labels[index], labelWidth, right: false)]
            for (column, cell) in row.enumerated() { cells.append(pad(cell, widths[column], right: true)) }
            lines.append(cells.joined(separator: "  "))
        }
        if let caption { lines += ["", caption] }
        return lines.map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }.joined(separator: "\n")
    }
}
