/// A funnel plot of one indicator as a self-contained SVG document: the organisations' values
/// against their denominators, the comparator line, the 95% and 99.8% limits (the limits widened
/// for over-dispersion when a model was applied, with the unadjusted ones faint beneath), the most
/// extreme outliers labelled with their codes (labels that would overlap are left out and counted),
/// axis titles, a legend with counts, and the method and over-dispersion in words.
public struct FunnelPlotSVG: Sendable {
    /// The heading (the indicator's name and id).
    public var title: String
    /// What the denominator counts.
    public var xAxisTitle: String
    /// What the value is, with its unit.
    public var yAxisTitle: String
    /// How many of the organisations outside the (adjusted) 99.8% limits may be labelled, the most
    /// extreme first by adjusted z-score.
    public var labelledOutliers: Int
    /// Size of the drawing in SVG user units (pixels).
    public var width: Double
    public var height: Double

    /// A plot 1,000 × 680 with up to 12 labelled outliers by default.
    public init(title: String, xAxisTitle: String = "Denominator", yAxisTitle: String = "Value", labelledOutliers: Int = 12,
                width: Double = 1000, height: Double = 680) {
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.labelledOutliers = labelledOutliers
        self.width = width
        self.height = height
    }

    static let withinColour = "#5b7fa6"
    static let beyond95Colour = "#e08a00"
    static let beyond998Colour = "#c0262d"
    static let targetColour = "#222222"
    static let unadjustedColour = "#6f6f6f"
    static let labelColour = "#7a1016"

    /// The document for `benchmark`'s organisations compared with `curve`'s comparator.
    public func render(benchmark: IndicatorBenchmark, curve: FunnelCurve) -> String {
        let rows = benchmark.rows.filter { $0.comparator.code == curve.comparatorCode && $0.comparatorValue != nil }
        let adjustedModel = benchmark.dispersion.model != .none
        let left = 86.0
        let right = width - 240
        let top = 118.0
        let bottom = height - 70

        // Ranges: x from 0 to the largest denominator; y from the points, the target and the limits
        // at the largest denominator (the wide limits at tiny denominators are clipped, not fitted),
        // never below 0 nor, for a proportion, above 100%.
        let largestDenominator = max(rows.map(\.denominator).max() ?? 1, 1)
        var low = curve.target
        var high = curve.target
        for row in rows {
            low = min(low, row.value)
            high = max(high, row.value)
        }
        if let last = curve.points.last {
            let limits = adjustedModel ? last.adjusted : last.funnel
            low = min(low, limits.lower998)
            high = max(high, limits.upper998)
        }
        let padding = (high - low) * 0.04
        let floor = 0.0
        let ceiling = benchmark.statistic == .proportion ? benchmark.multiplier : Double.infinity
        let xAxis = AxisScale(minimum: 0, maximum: largestDenominator * 1.03, pixelStart: left, pixelEnd: right, tickCount: 6)
        let yAxis = AxisScale(minimum: max(floor, low - padding), maximum: min(ceiling, high + padding), pixelStart: bottom, pixelEnd: top, tickCount: 7,
                              floor: floor, ceiling: ceiling)

        var svg = SVGDocument(width: width, height: height)
        svg.text(title, x: left, y: 34, size: 19, weight: "bold")
        var headerY = 58.0
        for line in headerLines(benchmark: benchmark, rows: rows, curve: curve) {
            svg.text(line, x: left, y: headerY, size: 12.5, fill: "#444444")
            headerY += 18
        }

        // Grid and axes.
        for tick in yAxis.ticks {
            let y = yAxis.pixel(tick)
            svg.line(x1: left, y1: y, x2: right, y2: y, style: .init(stroke: "#e6e6e6", strokeWidth: 1))
            svg.text(yAxis.label(tick), x: left - 8, y: y + 4, size: 12, anchor: .end, fill: "#444444")
        }
        for tick in xAxis.ticks {
            let x = xAxis.pixel(tick)
            svg.line(x1: x, y1: top, x2: x, y2: bottom, style: .init(stroke: "#eeeeee", strokeWidth: 1))
            svg.text(xAxis.label(tick), x: x, y: bottom + 18, size: 12, anchor: .middle, fill: "#444444")
        }
        svg.text(xAxisTitle, x: (left + right) / 2, y: bottom + 44, size: 14, anchor: .middle)
        svg.text(yAxisTitle, x: 28, y: (top + bottom) / 2, size: 14, anchor: .middle, rotation: -90)

        svg.beginClippedGroup(identifier: "plot-area", x: left, y: top, width: right - left, height: bottom - top)
        // Points first, those within the limits below the outliers (one group per colour), then the
        // limits on top so that they stay visible through a dense cloud.
        // Thousands of points: small and translucent so that density shows; a few: larger and solid.
        let radius = rows.count > 1000 ? 2.4 : rows.count > 100 ? 3.2 : 4.5
        let withinOpacity = rows.count > 1000 ? 0.5 : 0.8
        let groups: [(rank: Int, colour: String, fillOpacity: Double)] = [(0, Self.withinColour, withinOpacity), (1, Self.beyond95Colour, 0.9), (2, Self.beyond998Colour, 0.9)]
        for group in groups {
            svg.beginGroup(style: .init(stroke: "#ffffff", strokeWidth: 0.3, fill: group.colour, fillOpacity: group.fillOpacity))
            for row in rows where rank(row.position) == group.rank {
                svg.circle(x: xAxis.pixel(row.denominator), y: yAxis.pixel(row.value), radius: radius,
                           title: "\(row.organisationCode): \(formatShort(row.value, significantDigits: 4)) (\(formatShort(row.numerator, significantDigits: 12)) / \(formatShort(row.denominator, significantDigits: 12)))")
            }
            svg.endGroup()
        }
        func line(_ value: (FunnelCurvePoint) -> Double, style: SVGDocument.Style) {
            svg.polyline(curve.points.map { (xAxis.pixel($0.denominator), yAxis.pixel(value($0))) }, style: style)
        }
        if adjustedModel {
            let faint = SVGDocument.Style(stroke: Self.unadjustedColour, strokeWidth: 1.1, strokeDasharray: "2 3")
            line({ $0.funnel.lower998 }, style: faint)
            line({ $0.funnel.upper998 }, style: faint)
            line({ $0.funnel.lower95 }, style: faint)
            line({ $0.funnel.upper95 }, style: faint)
        }
        let shown: (FunnelCurvePoint) -> ControlLimits = { adjustedModel ? $0.adjusted : $0.funnel }
        let style95 = SVGDocument.Style(stroke: Self.beyond95Colour, strokeWidth: 1.8, strokeDasharray: "7 4")
        let style998 = SVGDocument.Style(stroke: Self.beyond998Colour, strokeWidth: 2)
        line({ shown($0).lower95 }, style: style95)
        line({ shown($0).upper95 }, style: style95)
        line({ shown($0).lower998 }, style: style998)
        line({ shown($0).upper998 }, style: style998)
        let targetY = yAxis.pixel(curve.target)
        svg.line(x1: left, y1: targetY, x2: xAxis.pixel(curve.points.last?.denominator ?? largestDenominator), y2: targetY,
                 style: .init(stroke: Self.targetColour, strokeWidth: 1.6))

        // Labels of the most extreme outliers, placed where they overlap no other label.
        let outliers = rows.filter { $0.position?.isBeyond998 == true && $0.adjustedZ != nil }
            .sorted { abs($0.adjustedZ!) > abs($1.adjustedZ!) || (abs($0.adjustedZ!) == abs($1.adjustedZ!) && $0.organisationCode < $1.organisationCode) }
            .prefix(labelledOutliers)
        var placed: [LabelBox] = []
        var hidden = 0
        for row in outliers {
            let x = xAxis.pixel(row.denominator)
            let y = yAxis.pixel(row.value)
            let textWidth = Double(row.organisationCode.count) * 6.2
            let candidates: [(dx: Double, dy: Double, anchor: SVGDocument.TextAnchor)] = [(6, -5, .start), (6, 12, .start), (-6, -5, .end), (-6, 12, .end)]
            var done = false
            for candidate in candidates {
                let startX = candidate.anchor == .start ? x + candidate.dx : x + candidate.dx - textWidth
                let box = LabelBox(left: startX - 2, top: y + candidate.dy - 11, right: startX + textWidth + 2, bottom: y + candidate.dy + 3)
                guard box.left >= left, box.right <= right, box.top >= top, box.bottom <= bottom, !placed.contains(where: { $0.overlaps(box) }) else { continue }
                placed.append(box)
                svg.line(x1: x, y1: y, x2: candidate.anchor == .start ? box.left + 1 : box.right - 1, y2: y + candidate.dy - 4,
                         style: .init(stroke: Self.labelColour, strokeWidth: 0.6))
                svg.text(row.organisationCode, x: x + candidate.dx, y: y + candidate.dy, size: 10.5, anchor: candidate.anchor, fill: Self.labelColour, halo: true)
                done = true
                break
            }
            if !done { hidden += 1 }
        }
        svg.endGroup()
        svg.rectangle(x: left, y: top, width: right - left, height: bottom - top, style: .init(stroke: "#888888", strokeWidth: 1))

        // Legend, to the right of the plot.
        var legendY = top + 8
        let legendX = right + 22
        svg.text("Legend", x: legendX, y: legendY + 4, size: 13, weight: "bold")
        legendY += 24
        func legendLine(_ text: String, style: SVGDocument.Style) {
            svg.line(x1: legendX, y1: legendY, x2: legendX + 30, y2: legendY, style: style)
            svg.text(text, x: legendX + 38, y: legendY + 4, size: 12)
            legendY += 21
        }
        func legendPoint(_ text: String, detail: String?, colour: String) {
            svg.circle(x: legendX + 15, y: legendY, radius: 4.5, style: .init(fill: colour))
            svg.text(text, x: legendX + 38, y: legendY + 4, size: 12)
            if let detail {
                legendY += 16
                svg.text(detail, x: legendX + 38, y: legendY + 4, size: 11, fill: "#555555")
            }
            legendY += 21
        }
        legendLine("\(benchmark.comparatorName) value", style: .init(stroke: Self.targetColour, strokeWidth: 1.6))
        legendLine(adjustedModel ? "95% limits, adjusted" : "95% limits", style: style95)
        legendLine(adjustedModel ? "99.8% limits, adjusted" : "99.8% limits", style: style998)
        if adjustedModel {
            legendLine("limits without adjustment", style: .init(stroke: Self.unadjustedColour, strokeWidth: 1.1, strokeDasharray: "2 3"))
        }
        legendY += 8
        let counts = positionCounts(rows)
        legendPoint("within the 95% limits", detail: grouped(counts.within) + " organisations", colour: Self.withinColour)
        legendPoint("outside 95%, within 99.8%", detail: "\(grouped(counts.above95)) above, \(grouped(counts.below95)) below", colour: Self.beyond95Colour)
        legendPoint("outside 99.8%", detail: "\(grouped(counts.above998)) above, \(grouped(counts.below998)) below", colour: Self.beyond998Colour)
        if !outliers.isEmpty {
            legendY += 4
            svg.text("Labelled: the \(outliers.count - hidden) most extreme", x: legendX, y: legendY + 4, size: 11, fill: "#555555")
            svg.text(hidden > 0 ? "outside 99.8% (\(hidden) more overlap)" : "outside 99.8%", x: legendX, y: legendY + 19, size: 11, fill: "#555555")
        }
        return svg.rendered(title: title)
    }

    struct LabelBox {
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double

        func overlaps(_ other: LabelBox) -> Bool {
            left < other.right && other.left < right && top < other.bottom && other.top < bottom
        }
    }

    func rank(_ position: FunnelPosition?) -> Int {
        guard let position else { return 0 }
        return position.isBeyond998 ? 2 : position.isBeyond95 ? 1 : 0
    }

    func grouped(_ count: Int) -> String {
        AxisScale.grouped(Double(count), decimals: 0)
    }

    struct PositionCounts {
        var within = 0
        var above95 = 0
        var below95 = 0
        var above998 = 0
        var below998 = 0
    }

    func positionCounts(_ rows: [OrganisationBenchmark]) -> PositionCounts {
        var counts = PositionCounts()
        for row in rows {
            switch row.position {
            case .within?: counts.within += 1
            case .above95?: counts.above95 += 1
            case .below95?: counts.below95 += 1
            case .above998?: counts.above998 += 1
            case .below998?: counts.below998 += 1
            case nil: break
            }
        }
        return counts
    }

    /// Three lines under the title: what is plotted, the over-dispersion decision, the method.
    func headerLines(benchmark: IndicatorBenchmark, rows: [OrganisationBenchmark], curve: FunnelCurve) -> [String] {
        let period = benchmark.period.map { ", \($0)" } ?? ""
        let code = curve.comparatorCode.map { " (\($0))" } ?? ""
        let unit = benchmark.statistic == .proportion && benchmark.multiplier == 100 ? "%" : ""
        let pooled = curve.comparatorCode == nil && (rows.first?.comparator.organisations ?? 0) > 0 ? " (pooled over these organisations)" : ""
        let first = "\(grouped(rows.count)) organisations\(period). \(benchmark.comparatorName)\(code) value \(formatShort(curve.target, significantDigits: 4))\(unit)\(pooled)."
        let dispersion = benchmark.dispersion
        let second: String
        let winsorised = dispersion.winsorisation.map { "\(formatShort($0.percent))% Winsorised" } ?? "not estimated"
        switch dispersion.model {
        case .additive:
            let tau = dispersion.tauSquared.squareRoot() * benchmark.multiplier
            second = "Over-dispersed: φ = \(formatShort(dispersion.phi)) (\(winsorised)) > \(formatShort(dispersion.phiThreshold)); limits widened by additive random effects, τ = \(formatShort(tau))\(unit.isEmpty ? "" : " percentage points")."
        case .multiplicative:
            second = "Over-dispersed: φ = \(formatShort(dispersion.phi)) (\(winsorised)) > \(formatShort(dispersion.phiThreshold)); limits widened by √φ = \(formatShort(dispersion.phi.squareRoot()))."
        case .none:
            if dispersion.phi.isFinite && dispersion.phiThreshold.isFinite && dispersion.phi > dispersion.phiThreshold {
                second = "φ = \(formatShort(dispersion.phi)) (\(winsorised)) > \(formatShort(dispersion.phiThreshold)), but adjustment is switched off."
            } else if dispersion.phi.isFinite && dispersion.phiThreshold.isFinite {
                second = "No over-dispersion adjustment: φ = \(formatShort(dispersion.phi)) (\(winsorised)) ≤ \(formatShort(dispersion.phiThreshold))."
            } else {
                second = "Over-dispersion not estimated (too few organisations)."
            }
        }
        let limits: String
        switch (benchmark.funnelMethod, benchmark.statistic) {
        case (.exact, .proportion): limits = "Limits: exact binomial with Spiegelhalter's interpolation"
        case (.exact, _): limits = "Limits: exact Poisson with Spiegelhalter's interpolation"
        case (.normal, _): limits = "Limits: normal approximation"
        case (.wilson, _): limits = "Limits: Wilson score (PHEindicatormethods)"
        }
        let flag = dispersion.model == .none ? "" : "; outliers are judged against the widened limits"
        return [first, second, limits + flag + "."]
    }
}
