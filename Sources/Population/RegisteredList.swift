/// The patients registered with one practice (or one organisation), by sex and age band.
public struct RegisteredList: Hashable, Sendable {
    public let practiceCode: String
    public let bands: AgeBandScheme
    /// Male patients by band, in the order of `bands`.
    public var male: [Int]
    /// Female patients by band, in the order of `bands`.
    public var female: [Int]

    /// A list with one count per band for each sex (counts must be >= 0).
    public init(practiceCode: String, bands: AgeBandScheme, male: [Int], female: [Int]) {
        precondition(male.count == bands.count && female.count == bands.count, "RegisteredList: one count per band for each sex")
        precondition(!male.contains { $0 < 0 } && !female.contains { $0 < 0 }, "RegisteredList: negative count")
        self.practiceCode = practiceCode
        self.bands = bands
        self.male = male
        self.female = female
    }

    /// Patients of one sex in the band at position `band`.
    public func patients(_ sex: Sex, band: Int) -> Int {
        sex == .male ? male[band] : female[band]
    }

    /// Male plus female patients by band.
    public var persons: [Int] { zip(male, female).map { $0 + $1 } }

    /// All registered patients: Σ male + Σ female.
    public var total: Int { male.reduce(0, +) + female.reduce(0, +) }
}
