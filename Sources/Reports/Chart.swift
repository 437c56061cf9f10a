#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A chart with two axes: a title, an optional subtitle and footnote, a legend under the titles,
/// and layers painted in order inside the plot area (clipped to it). The axes' ranges are fitted
/// to everything the layers draw, widened to nice tick values (`NiceTicks`).
///
/// Layout (pixels): titles and legend at the top, wrapped to the width; the y axis' labels set
/// the left margin; the x axis' labels, title, end notes and the footnote set the bottom margin.
public struct Chart: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    public var footnote: String?
    public var width: Double
    public var height: Double
    public var xAxis: ChartAxis
    public var yAxis: ChartAxis
    public var layers: [ChartLayer]
    public var legend: [LegendEntry]

    public init(title: String, subtitle: String? = nil, footnote: String? = nil, width: Double = 760, height: Double = 480,
                xAxis: ChartAxis, yAxis: ChartAxis, layers: [ChartLayer], legend: [LegendEntry] = []) {
        self.title = title
        self.subtitle = subtitle
        self.footnote = footnote
        self.width = width
        self.height = height
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.layers = layers
        self.legend = legend
    }

    /// The chart as a self-contained SVG document. `identifier` names its clip path: give charts
    /// that will sit in one HTML page (a notebook) different identifiers.
    public func svg(identifier: String = "plot") -> String {
        var canvas = SVGCanvas(width: width, height: height)
        draw(into: &canvas, identifier: identifier)
        return canvas.rendered(title: title, description: subtitle)
    }

    static let titleSize = 16.0, subtitleSize = 12.0, legendSize = 11.5, tickSize = 11.0, axisTitleSize = 12.0, footnoteSize = 10.0
    static let outerMargin = 14.0

    /// Draws the chart at the origin of `canvas`' current coordinates. `identifier` names its
    /// clip path and must be unique in the document.
    public func draw(into canvas: inout SVGCanvas, identifier: String) {
        let textWidth = width - 2 * Self.outerMargin
        var top = Self.outerMargin
        let titleLines = TextMetrics.wrap(title, size: Self.titleSize, maximumWidth: textWidth)
        for line in titleLines {
            top += Self.titleSize + 2
            canvas.text(line, x: Self.outerMargin, y: top, style: .init(size: Self.titleSize, colour: Palette.ink, bold: true))
        }
        if let subtitle {
            for line in TextMetrics.wrap(subtitle, size: Self.subtitleSize, maximumWidth: textWidth) {
                top += Self.subtitleSize + 4
                canvas.text(line, x: Self.outerMargin, y: top, style: .init(size: Self.subtitleSize, colour: Palette.mutedInk))
            }
        }
        if !legend.isEmpty {
            top += 8
            top = drawLegend(into: &canvas, top: top, maximumWidth: textWidth)
        }
        top += 12

        let (xLow, xHigh) = extent(axis: .x)
        let (yLow, yHigh) = extent(axis: .y)
        let xScale = xAxis.scale(dataMinimum: xLow, dataMaximum: xHigh)
        let hasLabelsAbove = layers.contains { layer in
            switch layer {
            case .labels(let labels): return labels.contains { $0.dy < 0 }
            case .points(let points): return points.points.contains { $0.label != nil }
            default: return false
            }
        }
        let yScale = yAxis.scale(dataMinimum: yLow, dataMaximum: yHigh, headroom: hasLabelsAbove ? 0.08 : 0)
        let xFormat = xAxis.format.with(decimals: max(xAxis.format.decimals, Self.decimals(xScale.decimals, multiplier: xAxis.format.multiplier)))
        let yFormat = yAxis.format.with(decimals: max(yAxis.format.decimals, Self.decimals(yScale.decimals, multiplier: yAxis.format.multiplier)))

        let yLabelWidth = yScale.ticks.map { TextMetrics.width(yFormat.text($0), size: Self.tickSize) }.max() ?? 0
        let left = Self.outerMargin + (yAxis.title.isEmpty ? 0 : Self.axisTitleSize + 8) + yLabelWidth + 8
        let ruleLabelWidth = layers.compactMap { layer -> Double? in
            guard case .rule(let rule) = layer, let label = rule.label, case .horizontal = rule.orientation else { return nil }
            return TextMetrics.width(label, size: 10.5)
        }.max()
        let right = width - Self.outerMargin - 6 - (ruleLabelWidth.map { $0 + 6 } ?? 0)
        var bottomSpace = 8.0
        var categoryLabelsVertical = false
        var categoryStride = 1
        if let categories = xAxis.categories {
            let plotWidth = right - left
            let slot = plotWidth / Double(max(categories.count, 1))
            let widest = categories.map { TextMetrics.width($0, size: Self.tickSize) }.max() ?? 0
            if widest + 6 > slot {
                categoryLabelsVertical = true
                categoryStride = max(1, Int(((Self.tickSize + 3) / slot).rounded(.up)))
                bottomSpace += min(widest, 90) + 6
            } else {
                bottomSpace += Self.tickSize + 6
            }
        } else {
            bottomSpace += Self.tickSize + 6
        }
        if xAxis.endNotes != nil { bottomSpace += Self.tickSize + 6 }
        if !xAxis.title.isEmpty { bottomSpace += Self.axisTitleSize + 8 }
        let footnoteLines = footnote.map { TextMetrics.wrap($0, size: Self.footnoteSize, maximumWidth: textWidth) } ?? []
        bottomSpace += Double(footnoteLines.count) * (Self.footnoteSize + 3)
        let plotBottom = height - Self.outerMargin - bottomSpace
        let plotTop = top
        let plot = PlotFrame(left: left, right: right, top: plotTop, bottom: max(plotBottom, plotTop + 40),
                             xLower: xScale.lower, xUpper: xScale.upper, yLower: yScale.lower, yUpper: yScale.upper)

        // Grid and frame.
        for tick in yScale.ticks {
            let y = plot.y(tick)
            canvas.line(x1: plot.left, y1: y, x2: plot.right, y2: y, style: .init(stroke: tick == 0 ? Palette.neutral : Palette.grid, strokeWidth: 1))
            canvas.text(yFormat.text(tick), x: plot.left - 6, y: y + Self.tickSize * 0.35,
                        style: .init(size: Self.tickSize, colour: Palette.mutedInk, anchor: .end))
        }
        for tick in xScale.ticks {
            let x = plot.x(tick)
            canvas.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, style: .init(stroke: tick == 0 ? Palette.neutral : Palette.grid, strokeWidth: 1))
            canvas.text(xFormat.text(tick), x: x, y: plot.bottom + Self.tickSize + 5, style: .init(size: Self.tickSize, colour: Palette.mutedInk, anchor: .middle))
        }
        if let categories = xAxis.categories {
            for (index, name) in categories.enumerated() where index % categoryStride == 0 {
                let x = plot.x(Double(index))
                if categoryLabelsVertical {
                    canvas.text(name, x: x + Self.tickSize * 0.35, y: plot.bottom + 6, style: .init(size: Self.tickSize, colour: Palette.mutedInk, anchor: .end), rotation: -90)
                } else {
                    canvas.text(name, x: x, y: plot.bottom + Self.tickSize + 5, style: .init(size: Self.tickSize, colour: Palette.mutedInk, anchor: .middle))
                }
            }
        }

        canvas.beginGroup(clip: (identifier: identifier, x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top))
        for layer in layers { drawLayer(layer, plot: plot, into: &canvas) }
        canvas.endGroup()
        canvas.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, style: .init(stroke: Palette.ink, strokeWidth: 1))
        canvas.line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, style: .init(stroke: Palette.ink, strokeWidth: 1))
        for layer in layers {
            if case .rule(let rule) = layer, let label = rule.label { drawRuleLabel(rule, label: label, plot: plot, into: &canvas) }
        }

        // Axis titles, end notes, footnote.
        var below = plot.bottom + (categoryLabelsVertical ? bottomSpace - (xAxis.title.isEmpty ? 0 : Self.axisTitleSize + 8)
            - (xAxis.endNotes == nil ? 0 : Self.tickSize + 6) - Double(footnoteLines.count) * (Self.footnoteSize + 3) : Self.tickSize + 14)
        if let notes = xAxis.endNotes {
            below += Self.tickSize + 2
            canvas.text(notes.start, x: plot.left, y: below, style: .init(size: Self.tickSize, colour: Palette.mutedInk, anchor: .start))
            canvas.text(notes.end, x: plot.right, y: below, style: .init(size: Self.tickSize, colour: Palette.mutedInk, anchor: .end))
            below += 4
        }
        if !xAxis.title.isEmpty {
            below += Self.axisTitleSize + 4
            canvas.text(xAxis.title, x: (plot.left + plot.right) / 2, y: below, style: .init(size: Self.axisTitleSize, colour: Palette.ink, anchor: .middle))
        }
        if !yAxis.title.isEmpty {
            let x = Self.outerMargin + Self.axisTitleSize
            let y = (plot.top + plot.bottom) / 2
            canvas.text(yAxis.title, x: x, y: y, style: .init(size: Self.axisTitleSize, colour: Palette.ink, anchor: .middle), rotation: -90)
        }
        var footnoteY = height - Self.outerMargin - Double(footnoteLines.count - 1) * (Self.footnoteSize + 3)
        for line in footnoteLines {
            canvas.text(line, x: Self.outerMargin, y: footnoteY, style: .init(size: Self.footnoteSize, colour: Palette.mutedInk))
            footnoteY += Self.footnoteSize + 3
        }
    }

    /// Decimals of tick labels: those of the spacing, less those a multiplier (100 for percent)
    /// moves left of the point.
    static func decimals(_ spacingDecimals: Int, multiplier: Double) -> Int {
        guard multiplier > 0, multiplier != 1 else { return spacingDecimals }
        return max(0, spacingDecimals - Int(log10(multiplier).rounded()))
    }

    enum Direction { case x, y }

    /// The smallest and largest data coordinate the layers draw along one direction.
    func extent(axis direction: Direction) -> (Double?, Double?) {
        var low: Double?, high: Double?
        func take(_ value: Double) {
            guard value.isFinite else { return }
            low = min(low ?? value, value)
            high = max(high ?? value, value)
        }
        for layer in layers {
            switch layer {
            case .points(let points):
                for point in points.points { take(direction == .x ? point.x : point.y) }
            case .line(let line):
                for point in line.points { take(direction == .x ? point.x : point.y) }
            case .intervals(let intervals):
                for interval in intervals.intervals {
                    if direction == .x { take(interval.x) } else { take(interval.lower); take(interval.upper) }
                }
            case .bars(let bars):
                for bar in bars.bars {
                    if direction == .x {
                        take(bar.x - bars.barWidth / 2)
                        take(bar.x + bars.barWidth / 2)
                    } else {
                        take(bar.value)
                        take(bars.baseline)
                    }
                }
            case .band(let band):
                if direction == .x { band.x.forEach(take) } else { band.lower.forEach(take); band.upper.forEach(take) }
            case .rule(let rule):
                switch (rule.orientation, direction) {
                case (.horizontal(let y), .y): take(y)
                case (.vertical(let x), .x): take(x)
                default: break
                }
            case .labels:
                break
            }
        }
        return (low, high)
    }

    func drawLayer(_ layer: ChartLayer, plot: PlotFrame, into canvas: inout SVGCanvas) {
        switch layer {
        case .band(let band):
            var outline: [(x: Double, y: Double)] = []
            for index in band.x.indices { outline.append((plot.x(band.x[index]), plot.y(band.upper[index]))) }
            for index in band.x.indices.reversed() { outline.append((plot.x(band.x[index]), plot.y(band.lower[index]))) }
            canvas.polygon(outline, style: .init(fill: band.colour, fillOpacity: band.opacity))
        case .bars(let bars):
            let halfWidth = abs(plot.x(bars.barWidth / 2) - plot.x(0))
            let base = plot.y(bars.baseline)
            for bar in bars.bars where bar.value.isFinite {
                let top = plot.y(bar.value)
                canvas.rectangle(x: plot.x(bar.x) - halfWidth, y: min(top, base), width: 2 * halfWidth, height: abs(base - top),
                                 style: .init(fill: bar.colour), tooltip: bar.tooltip)
            }
        case .rule(let rule):
            let style = SVGCanvas.Style(stroke: rule.colour, strokeWidth: rule.width, dashes: rule.dashes)
            switch rule.orientation {
            case .horizontal(let y): canvas.line(x1: plot.left, y1: plot.y(y), x2: plot.right, y2: plot.y(y), style: style)
            case .vertical(let x): canvas.line(x1: plot.x(x), y1: plot.top, x2: plot.x(x), y2: plot.bottom, style: style)
            }
        case .line(let line):
            canvas.polyline(line.points.map { (plot.x($0.x), plot.y($0.y)) },
                            style: .init(stroke: line.colour, strokeWidth: line.width, dashes: line.dashes))
        case .intervals(let intervals):
            let style = SVGCanvas.Style(stroke: intervals.colour, strokeWidth: intervals.width)
            for interval in intervals.intervals where interval.lower.isFinite && interval.upper.isFinite {
                let x = plot.x(interval.x), low = plot.y(interval.lower), high = plot.y(interval.upper)
                canvas.line(x1: x, y1: low, x2: x, y2: high, style: style)
                if intervals.capHalfWidth > 0 {
                    canvas.line(x1: x - intervals.capHalfWidth, y1: low, x2: x + intervals.capHalfWidth, y2: low, style: style)
                    canvas.line(x1: x - intervals.capHalfWidth, y1: high, x2: x + intervals.capHalfWidth, y2: high, style: style)
                }
            }
        case .points(let points):
            canvas.beginGroup(style: .init(fill: points.colour, stroke: "#ffffff", strokeWidth: 0.6, fillOpacity: points.fillOpacity))
            for point in points.points where point.x.isFinite && point.y.isFinite {
                canvas.circle(x: plot.x(point.x), y: plot.y(point.y), radius: points.radius, tooltip: point.tooltip)
            }
            canvas.endGroup()
            var placed: [(x: Double, y: Double, width: Double)] = []
            for point in points.points {
                guard let label = point.label, point.x.isFinite, point.y.isFinite else { continue }
                let x = plot.x(point.x) + points.radius + 3, y = plot.y(point.y) - points.radius - 1
                let labelWidth = TextMetrics.width(label, size: 10.5)
                let overlaps = placed.contains { abs($0.y - y) < 11 && x < $0.x + $0.width && $0.x < x + labelWidth }
                if overlaps { continue }
                placed.append((x, y, labelWidth))
                canvas.text(label, x: x, y: y, style: .init(size: 10.5, colour: Palette.ink, halo: true))
            }
        case .labels(let labels):
            for label in labels where label.x.isFinite && label.y.isFinite {
                canvas.text(label.text, x: plot.x(label.x) + label.dx, y: plot.y(label.y) + label.dy, style: label.style)
            }
        }
    }

    func drawRuleLabel(_ rule: ReferenceLine, label: String, plot: PlotFrame, into canvas: inout SVGCanvas) {
        let style = SVGCanvas.TextStyle(size: 10.5, colour: rule.colour == Palette.neutral ? Palette.mutedInk : rule.colour, anchor: .end, halo: true)
        switch rule.orientation {
        case .horizontal(let y):
            var outside = style
            outside.anchor = .start
            outside.halo = false
            canvas.text(label, x: plot.right + 4, y: plot.y(y) + 3.5, style: outside)
        case .vertical(let x):
            canvas.text(label, x: plot.x(x) - 4, y: plot.top + 12, style: style)
        }
    }

    /// Draws the legend as rows of symbol + text, wrapping to the width; returns the new top.
    func drawLegend(into canvas: inout SVGCanvas, top: Double, maximumWidth: Double) -> Double {
        let size = Self.legendSize
        var x = Self.outerMargin
        var baseline = top + size
        for entry in legend {
            let entryWidth = 22 + TextMetrics.width(entry.label, size: size) + 18
            if x > Self.outerMargin && x + entryWidth > Self.outerMargin + maximumWidth {
                x = Self.outerMargin
                baseline += size + 7
            }
            let middle = baseline - size * 0.35
            switch entry.symbol {
            case .point:
                canvas.circle(x: x + 8, y: middle, radius: 4, style: .init(fill: entry.colour, fillOpacity: 0.8))
            case .line(let dashes):
                canvas.line(x1: x, y1: middle, x2: x + 16, y2: middle, style: .init(stroke: entry.colour, strokeWidth: 2, dashes: dashes))
            case .bar:
                canvas.rectangle(x: x + 2, y: middle - 5, width: 11, height: 10, style: .init(fill: entry.colour))
            case .interval:
                canvas.line(x1: x + 8, y1: middle - 6, x2: x + 8, y2: middle + 6, style: .init(stroke: entry.colour, strokeWidth: 1.5))
                canvas.circle(x: x + 8, y: middle, radius: 3.5, style: .init(fill: entry.colour))
            case .band:
                canvas.rectangle(x: x, y: middle - 5, width: 16, height: 10, style: .init(fill: entry.colour, fillOpacity: 0.25))
            }
            canvas.text(entry.label, x: x + 22, y: baseline, style: .init(size: size, colour: Palette.ink))
            x += entryWidth
        }
        return baseline + 4
    }
}

/// The plot area and the mapping from data to pixels (y grows downwards in SVG).
struct PlotFrame {
    let left: Double, right: Double, top: Double, bottom: Double
    let xLower: Double, xUpper: Double, yLower: Double, yUpper: Double

    func x(_ value: Double) -> Double {
        left + (value - xLower) / (xUpper - xLower) * (right - left)
    }

    func y(_ value: Double) -> Double {
        bottom - (value - yLower) / (yUpper - yLower) * (bottom - top)
    }
}
