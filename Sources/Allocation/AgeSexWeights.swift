import Population
import Tables

/// Cost weights by age band and sex: the relative cost (or workload) of one registered patient in
/// each band, as in the age-sex part of a weighted-capitation formula (design/methods.md,
/// "Weighted capitation": weighted population = Σ list × cost weight). The bands form a scheme
/// (from age 0, contiguous, the last open-ended) and may be wider than the bands of the registered
/// lists (`5-14` takes `5-9` and `10-14`); each list band must fall inside one weight band.
public struct AgeSexWeights: Sendable {
    /// One band's weights.
    public struct Band: Sendable {
        public var ages: AgeBand
        public var male: Double
        public var female: Double
        /// Where the band was defined (formula or weights file), for messages.
        public var location: SourceLocation?

        public init(ages: AgeBand, male: Double, female: Double, location: SourceLocation? = nil) {
            self.ages = ages
            self.male = male
            self.female = female
            self.location = location
        }

        public func weight(_ sex: Sex) -> Double { sex == .male ? male : female }
    }

    /// The bands in age order.
    public let bands: [Band]
    /// The bands as an age-band scheme, to read registered lists into.
    public let scheme: AgeBandScheme
    /// Where the weights were defined, for messages about the table as a whole.
    public let location: SourceLocation?

    /// Checks that the bands form a scheme (every age once, from 0, the last open), that every
    /// weight is finite and ≥ 0, and that at least one is > 0 (weights all zero would give every
    /// practice a zero target).
    public init(bands: [Band], location: SourceLocation?) throws {
        let fallback = location ?? SourceLocation(file: "formula")
        for band in bands {
            for weight in [band.male, band.female] where !(weight.isFinite && weight >= 0) {
                throw DataError(.badData, at: band.location ?? fallback,
                                "age-sex weight for \(band.ages): expected a finite number >= 0, found \(weight)")
            }
        }
        let sorted = bands.sorted { $0.ages < $1.ages }
        if let problem = AgeBandScheme.problem(with: sorted.map(\.ages)) {
            throw DataError(.badData, at: fallback, "age-sex weights: the bands must cover every age once from 0 to an open band such as 85+: \(problem)")
        }
        guard sorted.contains(where: { $0.male > 0 || $0.female > 0 }) else {
            throw DataError(.badData, at: fallback, "age-sex weights: every weight is zero, so no practice could have a target")
        }
        self.bands = sorted
        self.scheme = AgeBandScheme(sorted.map(\.ages))!
        self.location = location
    }
}
