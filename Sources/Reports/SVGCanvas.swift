/// A builder of self-contained SVG 1.1 documents: shapes and text are appended in painting order
/// and rendered to one string that needs no external font, style sheet or script. Coordinates are
/// written with at most two decimals (a hundredth of a pixel), so the same drawing gives the same
/// bytes on every machine; text is escaped for XML.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    private(set) var elements: [String] = []

    /// An empty drawing of `width` × `height` pixels.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Paint of a shape: fill and stroke colours (CSS colours such as `#0072b2`), stroke width and
    /// dash pattern, opacities. A nil fill paints no fill.
    public struct Style: Sendable, Equatable {
        public var fill: String?
        public var stroke: String?
        public var strokeWidth: Double?
        public var dashes: [Double]?
        public var opacity: Double?
        public var fillOpacity: Double?

        public init(fill: String? = nil, stroke: String? = nil, strokeWidth: Double? = nil, dashes: [Double]? = nil,
                    opacity: Double? = nil, fillOpacity: Double? = nil) {
            self.fill = fill
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.dashes = dashes
            self.opacity = opacity
            self.fillOpacity = fillOpacity
        }

        var attributes: String {
            var text = " fill=\"\(SVGCanvas.escaped(fill ?? "none"))\""
            if let stroke { text += " stroke=\"\(SVGCanvas.escaped(stroke))\"" }
            if let strokeWidth { text += " stroke-width=\"\(SVGCanvas.coordinate(strokeWidth))\"" }
            if let dashes, !dashes.isEmpty { text += " stroke-dasharray=\"\(dashes.map(SVGCanvas.coordinate).joined(separator: " "))\"" }
            if let opacity { text += " opacity=\"\(SVGCanvas.coordinate(opacity))\"" }
            if let fillOpacity { text += " fill-opacity=\"\(SVGCanvas.coordinate(fillOpacity))\"" }
            return text
        }
    }

    /// Horizontal alignment of text on its x coordinate.
    public enum TextAnchor: String, Sendable {
        case start, middle, end
    }

    /// A text's appearance.
    public struct TextStyle: Sendable, Equatable {
        public var size: Double
        public var colour: String
        public var bold: Bool
        public var anchor: TextAnchor
        /// A white outline under the glyphs, so the text stays readable over lines and points.
        public var halo: Bool

        public init(size: Double = 12, colour: String = "#222222", bold: Bool = false, anchor: TextAnchor = .start, halo: Bool = false) {
            self.size = size
            self.colour = colour
            self.bold = bold
            self.anchor = anchor
            self.halo = halo
        }
    }

    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double, style: Style, tooltip: String? = nil) {
        append("<rect x=\"\(Self.coordinate(x))\" y=\"\(Self.coordinate(y))\" width=\"\(Self.coordinate(max(0, width)))\" height=\"\(Self.coordinate(max(0, height)))\"\(style.attributes)", tooltip: tooltip)
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, style: Style) {
        append("<line x1=\"\(Self.coordinate(x1))\" y1=\"\(Self.coordinate(y1))\" x2=\"\(Self.coordinate(x2))\" y2=\"\(Self.coordinate(y2))\"\(style.attributes)", tooltip: nil)
    }

    public mutating func circle(x: Double, y: Double, radius: Double, style: Style, tooltip: String? = nil) {
        append("<circle cx=\"\(Self.coordinate(x))\" cy=\"\(Self.coordinate(y))\" r=\"\(Self.coordinate(radius))\"\(style.attributes)", tooltip: tooltip)
    }

    /// A circle painted as its enclosing group says (no paint attributes of its own, which keeps
    /// a plot of thousands of points small).
    public mutating func circle(x: Double, y: Double, radius: Double, tooltip: String? = nil) {
        append("<circle cx=\"\(Self.coordinate(x))\" cy=\"\(Self.coordinate(y))\" r=\"\(Self.coordinate(radius))\"", tooltip: tooltip)
    }

    /// A line through the points; a non-finite point breaks it into separate pieces.
    public mutating func polyline(_ points: [(x: Double, y: Double)], style: Style) {
        var piece: [String] = []
        func flush() {
            if piece.count >= 2 {
                elements.append("<polyline points=\"\(piece.joined(separator: " "))\"\(style.attributes) stroke-linejoin=\"round\"/>")
            }
            piece.removeAll()
        }
        for point in points {
            if point.x.isFinite && point.y.isFinite {
                piece.append("\(Self.coordinate(point.x)),\(Self.coordinate(point.y))")
            } else {
                flush()
            }
        }
        flush()
    }

    /// A closed shape through the points (an area between two curves, a band).
    public mutating func polygon(_ points: [(x: Double, y: Double)], style: Style) {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard finite.count >= 3 else { return }
        elements.append("<polygon points=\"\(finite.map { "\(Self.coordinate($0.x)),\(Self.coordinate($0.y))" }.joined(separator: " "))\"\(style.attributes)/>")
    }

    /// Text with its baseline at y; `rotation` in degrees about (x, y) (−90 reads upwards).
    public mutating func text(_ content: String, x: Double, y: Double, style: TextStyle = TextStyle(), rotation: Double? = nil) {
        var attributes = "x=\"\(Self.coordinate(x))\" y=\"\(Self.coordinate(y))\" font-size=\"\(Self.coordinate(style.size))\""
        if style.anchor != .start { attributes += " text-anchor=\"\(style.anchor.rawValue)\"" }
        attributes += " fill=\"\(Self.escaped(style.colour))\""
        if style.bold { attributes += " font-weight=\"bold\"" }
        if style.halo { attributes += " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if let rotation { attributes += " transform=\"rotate(\(Self.coordinate(rotation)) \(Self.coordinate(x)) \(Self.coordinate(y)))\"" }
        elements.append("<text \(attributes)>\(Self.escaped(content))</text>")
    }

    /// Starts a group moved by (dx, dy), optionally clipped to a rectangle of the group's own
    /// coordinates (`identifier` must be unique in the document). Close it with `endGroup()`.
    public mutating func beginGroup(translateX dx: Double = 0, translateY dy: Double = 0, clip: (identifier: String, x: Double, y: Double, width: Double, height: Double)? = nil,
                                    style: Style? = nil) {
        if let clip {
            elements.append("<clipPath id=\"\(Self.escaped(clip.identifier))\"><rect x=\"\(Self.coordinate(clip.x))\" y=\"\(Self.coordinate(clip.y))\" width=\"\(Self.coordinate(clip.width))\" height=\"\(Self.coordinate(clip.height))\"/></clipPath>")
        }
        var attributes = ""
        if dx != 0 || dy != 0 { attributes += " transform=\"translate(\(Self.coordinate(dx)) \(Self.coordinate(dy)))\"" }
        if let clip { attributes += " clip-path=\"url(#\(Self.escaped(clip.identifier)))\"" }
        if let style { attributes += style.attributes }
        elements.append("<g\(attributes)>")
    }

    public mutating func endGroup() {
        elements.append("</g>")
    }

    /// The whole document, with a `<title>` (shown by viewers, read by screen readers) and an
    /// optional `<desc>`.
    public func rendered(title: String, description: String? = nil) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Self.coordinate(width))\" height=\"\(Self.coordinate(height))\" viewBox=\"0 0 \(Self.coordinate(width)) \(Self.coordinate(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        text += "<title>\(Self.escaped(title))</title>\n"
        if let description { text += "<desc>\(Self.escaped(description))</desc>\n" }
        text += "<rect x=\"0\" y=\"0\" width=\"\(Self.coordinate(width))\" height=\"\(Self.coordinate(height))\" fill=\"#ffffff\"/>\n"
        for element in elements {
            text += element
            text += "\n"
        }
        text += "</svg>\n"
        return text
    }

    private mutating func append(_ open: String, tooltip: String?) {
        if let tooltip {
            let closing = open.hasPrefix("<rect") ? "</rect>" : open.hasPrefix("<circle") ? "</circle>" : "</line>"
            elements.append(open + "><title>\(Self.escaped(tooltip))</title>\(closing)")
        } else {
            elements.append(open + "/>")
        }
    }

    /// A coordinate rounded half away from zero to two decimals, trailing zeros dropped
    /// (`12`, `12.5`, `-0.25`); −0 is written `0`.
    public static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded(.toNearestOrAwayFromZero)
        guard hundredths != 0 else { return "0" }
        let magnitude = Int64(abs(hundredths))
        var text = hundredths < 0 ? "-" : ""
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }

    /// Text with XML's special characters escaped.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
