/// One axis of a chart: its title, how its numbers are written, and how its range is chosen.
public struct ChartAxis: Sendable, Equatable {
    public var title: String
    /// The format of tick labels; its decimals are raised to what the tick spacing needs.
    public var format: NumberFormat
    /// Whether the range must include 0 (bars, amounts).
    public var includesZero: Bool
    /// A fixed range instead of one fitted to the data (ticks are still nice numbers inside it).
    public var fixedRange: ClosedRange<Double>?
    /// Category names at positions 0, 1, 2, …: the axis shows names instead of numbers.
    public var categories: [String]?
    /// About how many ticks (for numeric axes).
    public var tickCount: Int
    /// Words under the two ends of the axis (e.g. "most deprived" and "least deprived").
    public var endNotes: (start: String, end: String)?

    public init(title: String, format: NumberFormat = NumberFormat(), includesZero: Bool = false, fixedRange: ClosedRange<Double>? = nil,
                categories: [String]? = nil, tickCount: Int = 6, endNotes: (start: String, end: String)? = nil) {
        self.title = title
        self.format = format
        self.includesZero = includesZero
        self.fixedRange = fixedRange
        self.categories = categories
        self.tickCount = tickCount
        self.endNotes = endNotes
    }

    public static func == (left: ChartAxis, right: ChartAxis) -> Bool {
        left.title == right.title && left.format == right.format && left.includesZero == right.includesZero
            && left.fixedRange == right.fixedRange && left.categories == right.categories && left.tickCount == right.tickCount
            && left.endNotes?.start == right.endNotes?.start && left.endNotes?.end == right.endNotes?.end
    }

    /// The range shown and its ticks for data spanning `minimum...maximum` (nil: no data).
    /// Data are padded by 3% of their span before nice ticks are chosen, so no point sits on
    /// the frame; a fixed range is used as given.
    /// `headroom` is extra padding above the data, as a fraction of their span (room for labels
    /// drawn above points).
    func scale(dataMinimum: Double?, dataMaximum: Double?, headroom: Double = 0) -> (lower: Double, upper: Double, ticks: [Double], decimals: Int) {
        if let categories {
            return (-0.5, Double(max(categories.count, 1)) - 0.5, [], 0)
        }
        if let fixedRange {
            let ticks = NiceTicks(minimum: fixedRange.lowerBound, maximum: fixedRange.upperBound, count: tickCount)
            let inside = ticks.values.filter { $0 >= fixedRange.lowerBound - ticks.step * 1e-9 && $0 <= fixedRange.upperBound + ticks.step * 1e-9 }
            return (fixedRange.lowerBound, fixedRange.upperBound, inside, ticks.decimals)
        }
        var low = dataMinimum ?? 0, high = dataMaximum ?? 1
        if includesZero { low = min(low, 0); high = max(high, 0) }
        let pad = (high - low) * 0.03
        let paddedLow = includesZero && low == 0 ? 0 : low - pad
        let paddedHigh = includesZero && high == 0 && headroom == 0 ? 0 : high + pad + (high - low) * headroom
        let ticks = NiceTicks(minimum: paddedLow, maximum: paddedHigh, count: tickCount)
        return (ticks.lower, ticks.upper, ticks.values, ticks.decimals)
    }
}
