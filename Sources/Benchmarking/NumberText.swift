/// Short number text for messages, reasons and chart labels (not for CSV values, which are written
/// in full by Tables' `CSVWriter`).

/// `value` with at most `significantDigits` significant digits, without trailing zeros
/// (`71.73`, `0.001018`, `1.2e-07`).
func formatShort(_ value: Double, significantDigits: Int = 4) -> String {
    guard value.isFinite else { return value.isNaN ? "undefined" : (value > 0 ? "infinity" : "-infinity") }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    var exponent = 0
    var scaled = magnitude
    while scaled >= 10 { scaled /= 10; exponent += 1 }
    while scaled < 1 { scaled *= 10; exponent -= 1 }
    if exponent < -5 || exponent >= 15 {
        let mantissa = roundedText(scaled, decimals: significantDigits - 1)
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
    }
    let decimals = max(0, significantDigits - 1 - exponent)
    return (value < 0 ? "-" : "") + roundedText(magnitude, decimals: decimals)
}

/// A probability as a percentage (`0.95` → `95%`, `0.998` → `99.8%`).
func formatPercent(_ probability: Double) -> String {
    formatShort(probability * 100, significantDigits: 6) + "%"
}

/// A non-negative value rounded half up to `decimals` decimals, trailing zeros removed.
private func roundedText(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let units = (value * scale).rounded()
    var whole = String(Int64(units / scale))
    var fraction = ""
    if decimals > 0 {
        let remainder = Int64(units) - Int64(units / scale) * Int64(scale)
        var digits = String(remainder)
        while digits.count < decimals { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        fraction = digits
    }
    if whole.isEmpty { whole = "0" }
    return fraction.isEmpty ? whole : whole + "." + fraction
}
