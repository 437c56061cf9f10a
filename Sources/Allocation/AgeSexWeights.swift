import Tables

/// Cost weights by age band and sex: the relative cost (or workload) of one registered patient in
/// each band, as in the age-sex part of a weighted-capitation formula (design/methods.md,
/// "Weighted capitation": weighted population = Σ list × cost weight). The bands may be wider than
/// the bands of the registered lists (`5-14` covers `5-9` and `10-14`); each list band must fall
/// entirely inside exactly one weight band.
public struct AgeSexWeights: Sendable {
    /// One band's weights.
    public struct Band: Sendable {
        public var ages: AgeRange
        public var male: Double
        public var female: Double
        /// Where the band was defined (formula or weights file), for messages.
        public var location: SourceLocation?

        public init(ages: AgeRange, male: Double, female: Double, location: SourceLocation? = nil) {
            self.ages = ages
            self.male = male
            self.female = female
            self.location = location
        }
    }

    public private(set) var bands: [Band]
    /// Where the weights were defined, for messages about the table as a whole.
    public var location: SourceLocation?

    /// Checks that the bands do not overlap, and that every weight is finite and ≥ 0 and at least
    /// one is > 0 (a formula whose weights are all zero gives everyone a zero target).
    public init(bands: [Band], location: SourceLocation?) throws {
        let fallback = location ?? SourceLocation(file: "formula")
        guard !bands.isEmpty else {
            throw DataError(.badData, at: fallback, "age-sex weights: expected at least one band, found none")
        }
        for (index, band) in bands.enumerated() {
            for weight in [band.male, band.female] where !(weight.isFinite && weight >= 0) {
                throw DataError(.badData, at: band.location ?? fallback,
                                "age-sex weight for \(band.ages): expected a finite number >= 0, found \(weight)")
            }
            for other in bands[..<index] where other.ages.overlaps(band.ages) {
                throw DataError(.badData, at: band.location ?? fallback,
                                "age-sex weights: band \(band.ages) overlaps band \(other.ages)")
            }
        }
        guard bands.contains(where: { $0.male > 0 || $0.female > 0 }) else {
            throw DataError(.badData, at: fallback, "age-sex weights: every weight is zero, so no practice could have a target")
        }
        self.bands = bands.sorted { $0.ages.lowerAge < $1.ages.lowerAge }
        self.location = location
    }

    /// The band whose ages contain `ages` entirely, or nil when none does (a list band outside
    /// the weights, or straddling two weight bands).
    public func band(containing ages: AgeRange) -> Band? {
        bands.first { $0.ages.contains(ages) }
    }
}
