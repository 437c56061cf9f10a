/// A small builder of self-contained SVG 1.1 documents: shapes and text are appended in drawing
/// order and rendered to one string with no external fonts, styles or scripts. Coordinates are
/// written with two decimals; text is escaped for XML.
public struct SVGDocument: Sendable {
    /// The size of the drawing in user units (pixels).
    public let width: Double
    public let height: Double
    private var body: [String] = []

    /// An empty drawing.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Presentation attributes shared by shapes and text.
    public struct Style: Sendable {
        /// Line colour, width and dash pattern (SVG presentation attributes).
        public var stroke: String?
        public var strokeWidth: Double?
        public var strokeDasharray: String?
        /// Fill colour (none when nil).
        public var fill: String?
        /// The opacity of the whole element (of a group: the group composited as one layer).
        public var opacity: Double?
        /// The opacity of the fill alone; inherited by a group's shapes one by one, so that
        /// overlapping points darken.
        public var fillOpacity: Double?

        /// A style with only the attributes given.
        public init(stroke: String? = nil, strokeWidth: Double? = nil, strokeDasharray: String? = nil, fill: String? = nil, opacity: Double? = nil,
                    fillOpacity: Double? = nil) {
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.strokeDasharray = strokeDasharray
            self.fill = fill
            self.opacity = opacity
            self.fillOpacity = fillOpacity
        }

        var attributes: String {
            var text = ""
            if let stroke { text += " stroke=\"\(SVGDocument.escaped(stroke))\"" }
            if let strokeWidth { text += " stroke-width=\"\(SVGDocument.number(strokeWidth))\"" }
            if let strokeDasharray { text += " stroke-dasharray=\"\(SVGDocument.escaped(strokeDasharray))\"" }
            text += " fill=\"\(SVGDocument.escaped(fill ?? "none"))\""
            if let opacity { text += " opacity=\"\(SVGDocument.number(opacity))\"" }
            if let fillOpacity { text += " fill-opacity=\"\(SVGDocument.number(fillOpacity))\"" }
            return text
        }
    }

    /// Where a text's x coordinate falls on the text.
    public enum TextAnchor: String, Sendable {
        case start, middle, end
    }

    /// A straight line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, style: Style) {
        body.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"\(style.attributes)/>")
    }

    /// An axis-aligned rectangle.
    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double, style: Style) {
        body.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\"\(style.attributes)/>")
    }

    /// A circle with its own style and an optional tooltip.
    public mutating func circle(x: Double, y: Double, radius: Double, style: Style, title: String? = nil) {
        let open = "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\"\(style.attributes)"
        if let title {
            body.append(open + "><title>\(Self.escaped(title))</title></circle>")
        } else {
            body.append(open + "/>")
        }
    }

    /// A polyline through `points`; a run of non-finite points breaks the line into pieces.
    public mutating func polyline(_ points: [(x: Double, y: Double)], style: Style) {
        var piece: [String] = []
        func flush() {
            if piece.count >= 2 { body.append("<polyline points=\"\(piece.joined(separator: " "))\"\(style.attributes)/>") }
            piece.removeAll()
        }
        for point in points {
            if point.x.isFinite && point.y.isFinite {
                piece.append("\(Self.number(point.x)),\(Self.number(point.y))")
            } else {
                flush()
            }
        }
        flush()
    }

    /// Text at (x, y) (the baseline). With `halo`, a white outline is painted under the glyphs so
    /// that a label stays readable over points and lines.
    public mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: TextAnchor = .start, weight: String? = nil,
                              fill: String = "#222222", rotation: Double? = nil, halo: Bool = false) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(Self.escaped(fill))\""
        if let weight { attributes += " font-weight=\"\(Self.escaped(weight))\"" }
        if halo { attributes += " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if let rotation { attributes += " transform=\"rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))\"" }
        body.append("<text \(attributes)>\(Self.escaped(content))</text>")
    }

    /// Starts a group whose shapes share `style` (their own attributes are left out, which keeps a
    /// plot of thousands of points small).
    public mutating func beginGroup(style: Style) {
        body.append("<g\(style.attributes)>")
    }

    /// A circle that takes its presentation from the enclosing group, with an optional tooltip.
    public mutating func circle(x: Double, y: Double, radius: Double, title: String? = nil) {
        let open = "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\""
        if let title {
            body.append(open + "><title>\(Self.escaped(title))</title></circle>")
        } else {
            body.append(open + "/>")
        }
    }

    /// Starts a group clipped to a rectangle (for drawing inside the plot area only).
    public mutating func beginClippedGroup(identifier: String, x: Double, y: Double, width: Double, height: Double) {
        body.append("<clipPath id=\"\(Self.escaped(identifier))\"><rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\"/></clipPath>")
        body.append("<g clip-path=\"url(#\(Self.escaped(identifier)))\">")
    }

    /// Ends the innermost group.
    public mutating func endGroup() {
        body.append("</g>")
    }

    /// The whole document.
    public func rendered(title: String) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        text += "<title>\(Self.escaped(title))</title>\n"
        text += "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>\n"
        for element in body {
            text += element
            text += "\n"
        }
        text += "</svg>\n"
        return text
    }

    /// A coordinate with at most two decimals.
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let negative = hundredths < 0
        let magnitude = Int64(abs(hundredths))
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text
    }

    /// Text with the five XML special characters escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
