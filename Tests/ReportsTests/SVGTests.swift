import Testing
@testable import Reports

@Test func coordinatesHaveAtMostTwoDecimals() {
    #expect(SVGCanvas.coordinate(3) == "3")
    #expect(SVGCanvas.coordinate(2.5) == "2.5")
    // 0.125 × 100 = 12.5 exactly, rounded half away from zero to 13 hundredths.
    #expect(SVGCanvas.coordinate(0.125) == "0.13")
    #expect(SVGCanvas.coordinate(-0.125) == "-0.13")
    #expect(SVGCanvas.coordinate(0.05) == "0.05")
    #expect(SVGCanvas.coordinate(-0.001) == "0")
    #expect(SVGCanvas.coordinate(.infinity) == "0")
}

@Test func textIsEscaped() {
    #expect(SVGCanvas.escaped("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
    var canvas = SVGCanvas(width: 10, height: 10)
    canvas.text("R&D <1>", x: 1, y: 2)
    let document = canvas.rendered(title: "A & B")
    #expect(document.contains(">R&amp;D &lt;1&gt;</text>"))
    #expect(document.contains("<title>A &amp; B</title>"))
}

@Test func polylineBreaksAtNonFinitePoints() {
    var canvas = SVGCanvas(width: 10, height: 10)
    canvas.polyline([(0, 0), (1, 1), (.nan, 2), (3, 3), (4, 4), (5, .infinity)], style: .init(stroke: "#000"))
    let document = canvas.rendered(title: "t")
    #expect(document.components(separatedBy: "<polyline").count - 1 == 2)
    #expect(document.contains("points=\"0,0 1,1\""))
    #expect(document.contains("points=\"3,3 4,4\""))
}

func scatterChart() -> Chart {
    Chart(title: "Budget per head against need", subtitle: "Three practices",
          xAxis: ChartAxis(title: "need index"), yAxis: ChartAxis(title: "£ per head", format: .pounds()),
          layers: [
              .points(PointLayer(points: [ChartPoint(x: 0.8, y: 250, label: "P1"), ChartPoint(x: 1.0, y: 310), ChartPoint(x: 1.3, y: 402, label: "P3")])),
              .line(LineLayer(points: [ChartCoordinate(0.8, 248), ChartCoordinate(1.3, 403)], dashes: [5, 4])),
          ],
          legend: [LegendEntry("practice", colour: Palette.blue, symbol: .point), LegendEntry("target", colour: Palette.ink, symbol: .line(dashes: [5, 4]))])
}

@Test func scatterChartIsDeterministicAndComplete() throws {
    let chart = scatterChart()
    let first = chart.svg(), second = chart.svg()
    #expect(first == second)
    #expect(first.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(first.hasSuffix("</svg>\n"))
    // Three data points in the layer group plus one legend symbol.
    #expect(first.components(separatedBy: "<circle").count - 1 == 4)
    #expect(first.contains(">P1</text>") && first.contains(">P3</text>"))
    // y data 248 … 403 padded by 3% of 155: nice ticks 200 … 450 by 50 (range 500, step 100?):
    // range nice(155 + 9.3) → 200, step nice(40) = 50, so £200 … £450.
    #expect(first.contains(">£200</text>") && first.contains(">£450</text>"))
    #expect(first.contains("stroke-dasharray=\"5 4\""))
}

@Test func pointsLieInsideThePlotFrame() throws {
    let chart = scatterChart()
    var canvas = SVGCanvas(width: chart.width, height: chart.height)
    chart.draw(into: &canvas, identifier: "p")
    let circles = canvas.elements.filter { $0.hasPrefix("<circle cx") && !$0.contains("fill=") }
    #expect(circles.count == 3)
    let clip = canvas.elements.first { $0.hasPrefix("<clipPath") }!
    func attribute(_ name: String, _ element: String) -> Double {
        let start = element.range(of: "\(name)=\"")!.upperBound
        return Double(element[start...].prefix { $0 != "\"" })!
    }
    let left = attribute("x", clip), top = attribute("y", clip)
    let right = left + attribute("width", clip), bottom = top + attribute("height", clip)
    for circle in circles {
        let x = attribute("cx", circle), y = attribute("cy", circle)
        #expect(x > left && x < right && y > top && y < bottom)
    }
}

@Test func barChartIncludesZeroAndNamesCategories() {
    let chart = Chart(title: "Distance from target", xAxis: ChartAxis(title: "", categories: ["A", "B", "C"]),
                      yAxis: ChartAxis(title: "%", format: .percentOfFraction(), includesZero: true),
                      layers: [.bars(BarLayer(bars: [.init(x: 0, value: 0.02), .init(x: 1, value: -0.01), .init(x: 2, value: 0.05)]))])
    let document = chart.svg()
    #expect(document.components(separatedBy: "<rect").count - 1 == 1 + 3 + 1)  // background, bars, clip rectangle
    #expect(document.contains(">A</text>") && document.contains(">C</text>"))
    #expect(document.contains(">0%</text>"))
}

@Test func gridHoldsEveryPanelWithItsOwnClip() {
    let grid = ChartGrid(title: "Small multiples", panels: [scatterChart(), scatterChart(), scatterChart()], columns: 2)
    let document = grid.svg()
    #expect(document.contains("id=\"panel-1\"") && document.contains("id=\"panel-3\""))
    #expect(document.contains("transform=\"translate(760 "))
    #expect(document.contains("width=\"1520\""))
}

@Test func wrappingKeepsLinesWithinTheWidth() {
    let lines = TextMetrics.wrap("one two three four five six seven eight nine ten", size: 12, maximumWidth: 100)
    #expect(lines.count > 1)
    #expect(lines.joined(separator: " ") == "one two three four five six seven eight nine ten")
    for line in lines where line.contains(" ") { #expect(TextMetrics.width(line, size: 12) <= 100) }
}
