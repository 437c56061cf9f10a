/// How a number is written on an axis or in a label: a fixed number of decimals, thousands
/// separated by commas, an optional prefix (`£`) and suffix (`%`), and a multiplier applied first
/// (100 to show a fraction as a percentage). Negative numbers take a true minus sign (U+2212).
public struct NumberFormat: Sendable, Equatable {
    public var decimals: Int
    public var prefix: String
    public var suffix: String
    public var multiplier: Double
    public var groupsThousands: Bool

    public init(decimals: Int = 0, prefix: String = "", suffix: String = "", multiplier: Double = 1, groupsThousands: Bool = true) {
        self.decimals = decimals
        self.prefix = prefix
        self.suffix = suffix
        self.multiplier = multiplier
        self.groupsThousands = groupsThousands
    }

    /// Pounds with thousands separated (`£1,234`).
    public static func pounds(decimals: Int = 0) -> NumberFormat { NumberFormat(decimals: decimals, prefix: "£") }

    /// A fraction shown as a percentage (`0.125` → `12.5%` with one decimal).
    public static func percentOfFraction(decimals: Int = 0) -> NumberFormat { NumberFormat(decimals: decimals, suffix: "%", multiplier: 100) }

    /// The same format with `decimals` decimals.
    public func with(decimals: Int) -> NumberFormat {
        var copy = self
        copy.decimals = decimals
        return copy
    }

    /// The text of `value`, rounded half away from zero at the last decimal shown.
    public func text(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let scaled = value * multiplier
        var factor = 1.0
        for _ in 0..<max(0, decimals) { factor *= 10 }
        let units = (abs(scaled) * factor).rounded(.toNearestOrAwayFromZero)
        guard units < 9e15 else { return prefix + String(scaled) + suffix }
        let whole = Int64(units / factor)
        var digits = String(whole)
        if groupsThousands && digits.count > 3 {
            var grouped = ""
            for (index, character) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            digits = grouped
        }
        if decimals > 0 {
            let fraction = Int64(units) - whole * Int64(factor)
            var fractionText = String(fraction)
            while fractionText.count < decimals { fractionText = "0" + fractionText }
            digits += "." + fractionText
        }
        let sign = scaled < 0 && units != 0 ? "\u{2212}" : ""
        return sign + prefix + digits + suffix
    }
}
