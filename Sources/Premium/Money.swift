/// Pounds as the explanations print them: `£1,234.56`, `−£12.05`.
public enum Money {
    /// Whole pence as pounds with a thousands separator and two decimals.
    public static func pounds(_ pence: Int) -> String {
        let magnitude = pence.magnitude
        let whole = String(magnitude / 100)
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let fraction = magnitude % 100
        return (pence < 0 ? "−" : "") + "£" + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Real pence rounded to the nearest penny (half away from zero), as pounds.
    public static func pounds(exactly pence: Double) -> String {
        pounds(Int(pence.rounded(.toNearestOrAwayFromZero)))
    }
}
