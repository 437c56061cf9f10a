/// Small multiples: charts of the same size in rows of `columns`, under one title, in one SVG
/// document. Each panel keeps its own axes (so panels with different units can sit together).
public struct ChartGrid: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    public var panels: [Chart]
    public var columns: Int

    public init(title: String, subtitle: String? = nil, panels: [Chart], columns: Int) {
        precondition(columns >= 1, "ChartGrid: at least one column")
        self.title = title
        self.subtitle = subtitle
        self.panels = panels
        self.columns = columns
    }

    /// The grid as a self-contained SVG document; its size follows from the panels'. Panels'
    /// clip paths are named `<identifier>-1`, `<identifier>-2`, ….
    public func svg(identifier: String = "panel") -> String {
        let panelWidth = panels.map(\.width).max() ?? 400
        let panelHeight = panels.map(\.height).max() ?? 300
        let width = panelWidth * Double(min(columns, max(panels.count, 1)))
        let textWidth = width - 2 * Chart.outerMargin
        let titleLines = TextMetrics.wrap(title, size: Chart.titleSize + 2, maximumWidth: textWidth)
        let subtitleLines = subtitle.map { TextMetrics.wrap($0, size: Chart.subtitleSize, maximumWidth: textWidth) } ?? []
        let header = Chart.outerMargin + Double(titleLines.count) * (Chart.titleSize + 4) + Double(subtitleLines.count) * (Chart.subtitleSize + 4) + 6
        let rows = (panels.count + columns - 1) / columns
        var canvas = SVGCanvas(width: width, height: header + Double(rows) * panelHeight)
        var y = Chart.outerMargin
        for line in titleLines {
            y += Chart.titleSize + 4
            canvas.text(line, x: Chart.outerMargin, y: y, style: .init(size: Chart.titleSize + 2, colour: Palette.ink, bold: true))
        }
        for line in subtitleLines {
            y += Chart.subtitleSize + 4
            canvas.text(line, x: Chart.outerMargin, y: y, style: .init(size: Chart.subtitleSize, colour: Palette.mutedInk))
        }
        for (index, panel) in panels.enumerated() {
            let column = index % columns, row = index / columns
            canvas.beginGroup(translateX: Double(column) * panelWidth, translateY: header + Double(row) * panelHeight)
            panel.draw(into: &canvas, identifier: "\(identifier)-\(index + 1)")
            canvas.endGroup()
        }
        return canvas.rendered(title: title, description: subtitle)
    }
}
