import Population

/// Reading the age-band labels found in indicator files.
enum AgeBandLabels {
    /// The band a label names: the contract's `0-4`, `90+`, NHS Digital's `0_4`, a single year
    /// `0`, and the spaced or dashed forms of published files (`10 - 14`, `10–14`, `90 +`,
    /// `15+ yrs`). Nil for anything else (`All ages`, `<75 yrs`).
    static func parse(_ label: String) -> AgeBand? {
        if let band = AgeBand(label: label) { return band }
        var text = label.replacingOccurrences(of: "\u{2013}", with: "-")
        for suffix in [" years", " yrs", "years", "yrs"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        text.removeAll { $0 == " " }
        if let band = AgeBand(label: text) { return band }
        if !text.isEmpty, text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isNumber }), let age = Int(text) {
            return AgeBand(lowerAge: age, upperAge: age)
        }
        return nil
    }

    /// How a band is written in messages: `0` for a single year, otherwise its label.
    static func describe(_ band: AgeBand) -> String {
        band.upperAge == band.lowerAge ? "\(band.lowerAge)" : band.label
    }
}
