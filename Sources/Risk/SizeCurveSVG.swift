import Foundation

/// A self-contained SVG chart of a size curve: two panels sharing a logarithmic list-size axis,
/// the probability of overspend (left) and the margin over expected spend needed for the
/// break-even probability (right), with the budget's own margin drawn as a reference line — the
/// reserve is the gap above that line. Monte Carlo figures are solid lines with markers (the
/// probability with ±2 standard-error bars), the normal approximation dashed lines in the same
/// colour; a high-cost pool, when present, is a second colour.
public enum SizeCurveSVG {
    struct Panel {
        let title: String
        let axisLabel: String
        let left: Double
        let value: (SizeCurvePoint) -> Double
        let normalValue: (SizeCurvePoint) -> Double
        let errorBar: ((SizeCurvePoint) -> Double)?
        let referenceLine: Double?
        let referenceLabel: String
        let format: (Double) -> String
    }

    static let width = 960.0
    static let height = 575.0
    static let plotTop = 145.0
    static let plotWidth = 370.0
    static let plotHeight = 320.0
    static let colours: [PoolingArrangement: String] = [.none: "#1f5f8b", .highCostPool: "#c2571a"]
    static let names: [PoolingArrangement: String] = [.none: "no pool", .highCostPool: "high-cost pool"]

    /// The chart as SVG text. `notes` are lines under the title stating the assumptions
    /// (replications, mix, cost model); `highCostThreshold` names the pool in the legend.
    public static func render(points: [SizeCurvePoint], title: String, notes: [String], highCostThreshold: Double? = nil) -> String {
        precondition(!points.isEmpty, "SizeCurveSVG: no points")
        let breakEven = points[0].simulated.breakEvenProbability
        let margin = points[0].margin
        let panels = [
            Panel(title: "Probability of overspending the budget", axisLabel: "probability", left: 80,
                  value: { $0.simulated.probabilityOfOverspend }, normalValue: { $0.normal.probabilityOfOverspend(budget: $0.budget) },
                  errorBar: { 2 * $0.simulated.probabilityOfOverspendStandardError }, referenceLine: 1 - breakEven,
                  referenceLabel: "\(String(format: "%.2f", 1 - breakEven)) = 1 − \(percentText(100 * breakEven))%",
                  format: { String(format: "%.2f", $0) }),
            Panel(title: "Margin needed for a \(percentText(breakEven * 100))% chance to break even", axisLabel: "% above expected spend",
                  left: 560, value: { 100 * $0.marginNeeded }, normalValue: { 100 * $0.normalMarginNeeded },
                  errorBar: nil, referenceLine: margin > 0 ? 100 * margin : nil,
                  referenceLabel: "budget margin \(percentText(100 * margin))%", format: { percentText($0) + "%" }),
        ]
        let sizes = points.map { Double($0.listSize) }
        let lowSize = sizes.min()!
        let highSize = max(sizes.max()!, lowSize * 10)
        let logLow = log10(lowSize)
        let logHigh = log10(highSize)
        let arrangements = PoolingArrangement.allCases.filter { arrangement in points.contains { $0.arrangement == arrangement } }

        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif">
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="40" y="36" font-size="21" font-weight="bold" fill="#222222">\(escape(title))</text>

        """
        for (line, note) in notes.enumerated() {
            svg += "<text x=\"40\" y=\"\(fixed(60 + 18 * Double(line)))\" font-size=\"13\" fill=\"#555555\">\(escape(note))</text>\n"
        }
        for panel in panels {
            let values = points.flatMap { [panel.value($0) + (panel.errorBar?($0) ?? 0), panel.normalValue($0)] }
            let maximum = niceMaximum(max(values.max() ?? 0, panel.referenceLine ?? 0))
            func x(_ size: Double) -> Double { panel.left + (log10(size) - logLow) / (logHigh - logLow) * plotWidth }
            func y(_ value: Double) -> Double { plotTop + plotHeight - min(max(value, 0), maximum) / maximum * plotHeight }
            svg += "<text x=\"\(fixed(panel.left))\" y=\"\(fixed(plotTop - 14))\" font-size=\"15\" font-weight=\"bold\" fill=\"#222222\">\(escape(panel.title))</text>\n"
            for step in 0...5 {
                let value = maximum * Double(step) / 5
                let lineY = y(value)
                svg += line(panel.left, lineY, panel.left + plotWidth, lineY, colour: step == 0 ? "#444444" : "#e3e3e3", width: 1)
                svg += "<text x=\"\(fixed(panel.left - 8))\" y=\"\(fixed(lineY + 4))\" font-size=\"12\" text-anchor=\"end\" fill=\"#444444\">\(panel.format(value))</text>\n"
            }
            for tick in sizeTicks(from: lowSize, to: highSize) {
                let tickX = x(tick.value)
                svg += line(tickX, plotTop, tickX, plotTop + plotHeight, colour: tick.major ? "#e3e3e3" : "#f3f3f3", width: 1)
                if tick.major {
                    svg += "<text x=\"\(fixed(tickX))\" y=\"\(fixed(plotTop + plotHeight + 18))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#444444\">\(sizeLabel(tick.value))</text>\n"
                }
            }
            svg += "<text x=\"\(fixed(panel.left + plotWidth / 2))\" y=\"\(fixed(plotTop + plotHeight + 40))\" font-size=\"13\" text-anchor=\"middle\" fill=\"#333333\">registered patients (log scale)</text>\n"
            svg += "<text transform=\"translate(\(fixed(panel.left - 52)) \(fixed(plotTop + plotHeight / 2))) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\" fill=\"#333333\">\(escape(panel.axisLabel))</text>\n"
            if let reference = panel.referenceLine {
                let lineY = y(reference)
                svg += line(panel.left, lineY, panel.left + plotWidth, lineY, colour: "#7a7a7a", width: 1.4, dashes: "2 3")
            }
            for arrangement in arrangements {
                let series = points.filter { $0.arrangement == arrangement }.sorted { $0.listSize < $1.listSize }
                let colour = colours[arrangement] ?? "#333333"
                let normalPath = series.map { "\(fixed(x(Double($0.listSize)))),\(fixed(y(panel.normalValue($0))))" }.joined(separator: " ")
                svg += "<polyline points=\"\(normalPath)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-dasharray=\"6 4\" opacity=\"0.85\"/>\n"
                let path = series.map { "\(fixed(x(Double($0.listSize)))),\(fixed(y(panel.value($0))))" }.joined(separator: " ")
                svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.2\"/>\n"
                for point in series {
                    let pointX = x(Double(point.listSize))
                    if let errorBar = panel.errorBar?(point), errorBar > 0 {
                        svg += line(pointX, y(panel.value(point) - errorBar), pointX, y(panel.value(point) + errorBar), colour: colour, width: 1.2)
                    }
                    svg += "<circle cx=\"\(fixed(pointX))\" cy=\"\(fixed(y(panel.value(point))))\" r=\"3.6\" fill=\"\(colour)\"/>\n"
                }
            }
            if let reference = panel.referenceLine {
                svg += "<text x=\"\(fixed(panel.left + 6))\" y=\"\(fixed(y(reference) - 6))\" font-size=\"12\" fill=\"#555555\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(escape(panel.referenceLabel))</text>\n"
            }
        }
        var legendNames = names
        if let highCostThreshold { legendNames[.highCostPool] = "high-cost pool above £\(Int(highCostThreshold).formatted(.number.grouping(.automatic)))" }
        svg += legend(arrangements: arrangements, names: legendNames, bottom: height - 20)
        svg += "</svg>\n"
        return svg
    }

    /// The legend: a row per arrangement, Monte Carlo (solid, markers) then the normal
    /// approximation (dashed).
    static func legend(arrangements: [PoolingArrangement], names: [PoolingArrangement: String], bottom: Double) -> String {
        var text = ""
        for (row, arrangement) in arrangements.enumerated() {
            let colour = colours[arrangement] ?? "#333333"
            let name = names[arrangement] ?? arrangement.rawValue
            let lineY = bottom - 22 * Double(arrangements.count - 1 - row)
            text += line(80, lineY, 108, lineY, colour: colour, width: 2.2)
            text += "<circle cx=\"94\" cy=\"\(fixed(lineY))\" r=\"3.6\" fill=\"\(colour)\"/>\n"
            text += "<text x=\"116\" y=\"\(fixed(lineY + 4))\" font-size=\"13\" fill=\"#333333\">Monte Carlo, \(escape(name)) (bars: ±2 SE)</text>\n"
            text += line(480, lineY, 508, lineY, colour: colour, width: 1.6, dashes: "6 4")
            text += "<text x=\"516\" y=\"\(fixed(lineY + 4))\" font-size=\"13\" fill=\"#333333\">normal approximation, \(escape(name))</text>\n"
        }
        return text
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, colour: String, width: Double, dashes: String? = nil) -> String {
        let dash = dashes.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        return "<line x1=\"\(fixed(x1))\" y1=\"\(fixed(y1))\" x2=\"\(fixed(x2))\" y2=\"\(fixed(y2))\" stroke=\"\(colour)\" stroke-width=\"\(width)\"\(dash)/>\n"
    }

    /// The smallest of 1, 2, 2.5, 5, 10 × 10ᵏ at or above `value` (1 when value is 0).
    static func niceMaximum(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, log10(value).rounded(.down))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }

    /// Ticks at 1, 2, 5 × 10ᵏ between the limits; the powers of ten are major (labelled).
    static func sizeTicks(from low: Double, to high: Double) -> [(value: Double, major: Bool)] {
        var ticks: [(Double, Bool)] = []
        var power = pow(10, log10(low).rounded(.down))
        while power <= high * 1.0000001 {
            for factor in [1.0, 2, 5] {
                let value = factor * power
                if value >= low * 0.9999999 && value <= high * 1.0000001 { ticks.append((value, factor == 1)) }
            }
            power *= 10
        }
        return ticks
    }

    /// 1k, 10k, 100k, 1M, 10M.
    static func sizeLabel(_ value: Double) -> String {
        if value >= 1_000_000 { return "\(Int(value / 1_000_000))M" }
        if value >= 1_000 { return "\(Int(value / 1_000))k" }
        return "\(Int(value))"
    }

    static func percentText(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func fixed(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
