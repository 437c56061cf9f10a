#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A linear chart axis: a data range mapped onto a pixel range, with "nice" ticks (steps of 1, 2
/// or 5 times a power of ten, as in Heckbert's "Nice numbers for graph labels", Graphics Gems, 1990).
struct AxisScale {
    let lower: Double
    let upper: Double
    let pixelStart: Double
    let pixelEnd: Double
    let step: Double

    /// An axis covering `minimum...maximum`, widened outwards to whole ticks (but not beyond
    /// `floor` and `ceiling`, e.g. 0 and 100 for a percentage), about `tickCount` ticks.
    init(minimum: Double, maximum: Double, pixelStart: Double, pixelEnd: Double, tickCount: Int = 6,
         floor: Double = -Double.infinity, ceiling: Double = Double.infinity) {
        var low = minimum
        var high = maximum
        if !(high > low) {
            let pad = low == 0 ? 1 : abs(low) * 0.05
            low -= pad
            high += pad
        }
        let step = AxisScale.niceStep((high - low) / Double(max(1, tickCount)))
        self.step = step
        lower = max(floor, (low / step).rounded(.down) * step)
        upper = min(ceiling, (high / step).rounded(.up) * step)
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
    }

    /// The pixel position of `value`.
    func pixel(_ value: Double) -> Double {
        pixelStart + (value - lower) / (upper - lower) * (pixelEnd - pixelStart)
    }

    /// The tick values from `lower` to `upper`.
    var ticks: [Double] {
        var values: [Double] = []
        var index = 0
        while true {
            let value = lower + Double(index) * step
            if value > upper + step * 1e-9 { break }
            values.append(abs(value) < step * 1e-9 ? 0 : value)
            index += 1
        }
        return values
    }

    /// A tick label with as many decimals as the step needs and thousands separated by commas.
    func label(_ value: Double) -> String {
        let decimals = max(0, Int(-log10(step).rounded(.down)) + (AxisScale.leadingDigit(step) == 2.5 ? 1 : 0))
        return AxisScale.grouped(value, decimals: decimals)
    }

    static func niceStep(_ rough: Double) -> Double {
        let power = pow(10, log10(rough).rounded(.down))
        let fraction = rough / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * power
    }

    static func leadingDigit(_ step: Double) -> Double {
        step / pow(10, log10(step).rounded(.down))
    }

    /// `value` with `decimals` decimals and commas between thousands (`20,000`, `14.5`).
    static func grouped(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let units = Int64((abs(value) * scale).rounded())
        let whole = units / Int64(scale)
        var digits = String(whole)
        var groupedDigits = ""
        while digits.count > 3 {
            groupedDigits = "," + digits.suffix(3) + groupedDigits
            digits.removeLast(3)
        }
        groupedDigits = digits + groupedDigits
        var text = (value < 0 && units != 0 ? "-" : "") + groupedDigits
        if decimals > 0 {
            var fraction = String(units % Int64(scale))
            while fraction.count < decimals { fraction = "0" + fraction }
            text += "." + fraction
        }
        return text
    }
}
