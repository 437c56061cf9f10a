/// An ordered list of age bands that covers every age exactly once: the first band starts at 0,
/// each band starts the year after the previous one ends, and the last band is open-ended.
///
/// The engine's standard is `nineteenBands` (0-4 … 85-89, 90+), the bands of the European
/// Standard Population 2013. NHS Digital publishes registered lists in `twentyBands`
/// (0-4 … 90-94, 95+); `index(containing:)` maps those onto the nineteen, `90-94` and `95+`
/// both falling into `90+`.
public struct AgeBandScheme: Hashable, Sendable, CustomStringConvertible {
    public let bands: [AgeBand]

    /// Checks that `bands` are contiguous from age 0 and end with an open band; returns nil
    /// otherwise (with `problem` saying why).
    public init?(_ bands: [AgeBand]) {
        guard AgeBandScheme.problem(with: bands) == nil else { return nil }
        self.bands = bands
    }

    /// Why `bands` do not form a scheme, or nil when they do.
    public static func problem(with bands: [AgeBand]) -> String? {
        guard let first = bands.first else { return "no age bands" }
        if first.lowerAge != 0 { return "the first band is \(first.label), expected one starting at age 0" }
        for (previous, next) in zip(bands, bands.dropFirst()) {
            guard let upper = previous.upperAge else {
                return "the open band \(previous.label) is followed by \(next.label)"
            }
            if next.lowerAge != upper + 1 {
                return "\(previous.label) is followed by \(next.label), expected a band starting at age \(upper + 1)"
            }
        }
        if bands.last!.upperAge != nil { return "the last band \(bands.last!.label) is closed, expected an open band such as 90+" }
        return nil
    }

    /// Five-year bands to `limit - 5`…`limit - 1`, then `limit+` (`limit` a positive multiple of 5).
    public static func fiveYear(openingAt limit: Int) -> AgeBandScheme {
        precondition(limit > 0 && limit % 5 == 0, "AgeBandScheme.fiveYear: \(limit) is not a positive multiple of 5")
        var bands = stride(from: 0, to: limit, by: 5).map { AgeBand(lowerAge: $0, upperAge: $0 + 4) }
        bands.append(AgeBand(lowerAge: limit, upperAge: nil))
        return AgeBandScheme(bands)!
    }

    /// 0-4, 5-9, … 85-89, 90+: the bands of the European Standard Population 2013.
    public static let nineteenBands = fiveYear(openingAt: 90)

    /// 0-4, 5-9, … 90-94, 95+: the bands of NHS Digital's *Patients Registered at a GP Practice*.
    public static let twentyBands = fiveYear(openingAt: 95)

    public var count: Int { bands.count }

    /// The position of a band that is one of this scheme's bands exactly.
    public func index(of band: AgeBand) -> Int? {
        bands.firstIndex(of: band)
    }

    /// The position of the band of this scheme that wholly contains `band` (`95+` → the index of
    /// `90+` in the nineteen-band scheme); nil when `band` straddles a boundary (`90+` in the
    /// twenty-band scheme, `3-7` anywhere).
    public func index(containing band: AgeBand) -> Int? {
        bands.firstIndex { $0.contains(band) }
    }

    /// The position of the band containing a person aged `age`.
    public func index(ofAge age: Int) -> Int {
        precondition(age >= 0)
        return bands.firstIndex { $0.contains(age: age) }!
    }

    /// The labels, in order, joined by commas.
    public var description: String { bands.map(\.label).joined(separator: ",") }
}
