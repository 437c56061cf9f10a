/// One point of a scatter layer, in data coordinates.
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    /// Text drawn beside the point (e.g. a practice code for an outlier).
    public var label: String?
    /// Text shown when the pointer rests on the point.
    public var tooltip: String?

    public init(x: Double, y: Double, label: String? = nil, tooltip: String? = nil) {
        self.x = x
        self.y = y
        self.label = label
        self.tooltip = tooltip
    }
}

/// Points drawn as filled circles.
public struct PointLayer: Sendable, Equatable {
    public var points: [ChartPoint]
    public var colour: String
    /// Radius in pixels.
    public var radius: Double
    public var fillOpacity: Double

    public init(points: [ChartPoint], colour: String = Palette.blue, radius: Double = 3.5, fillOpacity: Double = 0.75) {
        self.points = points
        self.colour = colour
        self.radius = radius
        self.fillOpacity = fillOpacity
    }
}

/// A line through points in data coordinates, in the order given (a non-finite point breaks it).
public struct LineLayer: Sendable, Equatable {
    public var points: [ChartCoordinate]
    public var colour: String
    public var width: Double
    /// Dash and gap lengths in pixels; nil for a solid line.
    public var dashes: [Double]?

    public init(points: [ChartCoordinate], colour: String = Palette.ink, width: Double = 2, dashes: [Double]? = nil) {
        self.points = points
        self.colour = colour
        self.width = width
        self.dashes = dashes
    }
}

/// A position in data coordinates.
public struct ChartCoordinate: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// Vertical intervals (confidence limits) at given x, drawn as a line with short caps.
public struct IntervalLayer: Sendable, Equatable {
    public struct Interval: Sendable, Equatable {
        public var x: Double
        public var lower: Double
        public var upper: Double

        public init(x: Double, lower: Double, upper: Double) {
            self.x = x
            self.lower = lower
            self.upper = upper
        }
    }

    public var intervals: [Interval]
    public var colour: String
    public var width: Double
    /// Half the cap's width in pixels (0: no caps).
    public var capHalfWidth: Double

    public init(intervals: [Interval], colour: String = Palette.ink, width: Double = 1.5, capHalfWidth: Double = 4) {
        self.intervals = intervals
        self.colour = colour
        self.width = width
        self.capHalfWidth = capHalfWidth
    }
}

/// Vertical bars from `baseline` to each value, centred on their x, `barWidth` x-units wide.
public struct BarLayer: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var x: Double
        public var value: Double
        public var colour: String
        public var tooltip: String?

        public init(x: Double, value: Double, colour: String = Palette.blue, tooltip: String? = nil) {
            self.x = x
            self.value = value
            self.colour = colour
            self.tooltip = tooltip
        }
    }

    public var bars: [Bar]
    public var barWidth: Double
    public var baseline: Double

    public init(bars: [Bar], barWidth: Double = 0.8, baseline: Double = 0) {
        self.bars = bars
        self.barWidth = barWidth
        self.baseline = baseline
    }
}

/// A shaded area between a lower and an upper curve over the same x values (a funnel's limits, a
/// tolerance band).
public struct BandLayer: Sendable, Equatable {
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var colour: String
    public var opacity: Double

    public init(x: [Double], lower: [Double], upper: [Double], colour: String = Palette.neutral, opacity: Double = 0.15) {
        precondition(x.count == lower.count && x.count == upper.count, "BandLayer: x, lower and upper differ in length")
        self.x = x
        self.lower = lower
        self.upper = upper
        self.colour = colour
        self.opacity = opacity
    }
}

/// A line across the whole plot at a value of x (vertical) or y (horizontal), with an optional
/// label at its end.
public struct ReferenceLine: Sendable, Equatable {
    public enum Orientation: Sendable, Equatable {
        case horizontal(y: Double)
        case vertical(x: Double)
    }

    public var orientation: Orientation
    public var colour: String
    public var width: Double
    public var dashes: [Double]?
    public var label: String?

    public init(_ orientation: Orientation, colour: String = Palette.neutral, width: Double = 1, dashes: [Double]? = [4, 3], label: String? = nil) {
        self.orientation = orientation
        self.colour = colour
        self.width = width
        self.dashes = dashes
        self.label = label
    }
}

/// Text placed at a data position, moved by (dx, dy) pixels.
public struct TextLabel: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var text: String
    public var dx: Double
    public var dy: Double
    public var style: SVGCanvas.TextStyle

    public init(x: Double, y: Double, text: String, dx: Double = 0, dy: Double = 0,
                style: SVGCanvas.TextStyle = SVGCanvas.TextStyle(size: 11, colour: Palette.ink, anchor: .middle, halo: true)) {
        self.x = x
        self.y = y
        self.text = text
        self.dx = dx
        self.dy = dy
        self.style = style
    }
}

/// What a chart draws, in painting order.
public enum ChartLayer: Sendable, Equatable {
    case band(BandLayer)
    case bars(BarLayer)
    case rule(ReferenceLine)
    case line(LineLayer)
    case intervals(IntervalLayer)
    case points(PointLayer)
    case labels([TextLabel])
}

/// One entry of a chart's legend: a symbol in a colour and its meaning.
public struct LegendEntry: Sendable, Equatable {
    public enum Symbol: Sendable, Equatable {
        case point
        case line(dashes: [Double]?)
        case bar
        case interval
        case band
    }

    public var label: String
    public var colour: String
    public var symbol: Symbol

    public init(_ label: String, colour: String, symbol: Symbol) {
        self.label = label
        self.colour = colour
        self.symbol = symbol
    }
}
