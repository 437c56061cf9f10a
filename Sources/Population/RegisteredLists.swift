import Tables

/// Registered lists of many practices in one age-band scheme, held as one flat array of counts
/// (practice-major, then sex M/F, then band) so that England's 6,500 practices × 2 × 19 cells
/// cost one allocation.
public struct RegisteredLists: Sendable {
    public let bands: AgeBandScheme
    /// Practice (or organisation) codes, one per list, unique.
    public let practiceCodes: [String]
    /// Counts at `(practice × 2 + sex.index) × bands.count + band`.
    public let counts: [Int]
    private let positions: [String: Int]

    /// Lists from their parts. Requires unique codes, `counts.count == codes × 2 × bands`, and no
    /// negative count.
    public init(bands: AgeBandScheme, practiceCodes: [String], counts: [Int]) {
        precondition(counts.count == practiceCodes.count * 2 * bands.count, "RegisteredLists: counts do not match codes × 2 × bands")
        precondition(!counts.contains { $0 < 0 }, "RegisteredLists: negative count")
        var positions: [String: Int] = [:]
        positions.reserveCapacity(practiceCodes.count)
        for (index, code) in practiceCodes.enumerated() {
            precondition(positions.updateValue(index, forKey: code) == nil, "RegisteredLists: practice \(code) twice")
        }
        self.bands = bands
        self.practiceCodes = practiceCodes
        self.counts = counts
        self.positions = positions
    }

    /// Lists gathered from single lists that share one scheme.
    public init(bands: AgeBandScheme, lists: [RegisteredList]) {
        var counts: [Int] = []
        counts.reserveCapacity(lists.count * 2 * bands.count)
        for list in lists {
            precondition(list.bands == bands, "RegisteredLists: list \(list.practiceCode) uses other bands")
            counts += list.male
            counts += list.female
        }
        self.init(bands: bands, practiceCodes: lists.map(\.practiceCode), counts: counts)
    }

    public var count: Int { practiceCodes.count }

    public func index(of practiceCode: String) -> Int? { positions[practiceCode] }

    /// Patients of one practice (by position), sex and band (by position).
    public func patients(practice: Int, sex: Sex, band: Int) -> Int {
        counts[(practice * 2 + sex.index) * bands.count + band]
    }

    /// The list at a position.
    public subscript(practice: Int) -> RegisteredList {
        let start = practice * 2 * bands.count
        return RegisteredList(practiceCode: practiceCodes[practice], bands: bands,
                              male: Array(counts[start..<(start + bands.count)]),
                              female: Array(counts[(start + bands.count)..<(start + 2 * bands.count)]))
    }

    /// The list of a practice, by code.
    public func list(for practiceCode: String) -> RegisteredList? {
        positions[practiceCode].map { self[$0] }
    }

    /// Total registered patients of each practice, in `practiceCodes` order.
    public var totals: [Int] {
        let width = 2 * bands.count
        return (0..<count).map { practice in counts[(practice * width)..<((practice + 1) * width)].reduce(0, +) }
    }

    /// All patients of all practices.
    public var total: Int { counts.reduce(0, +) }

    /// Patients of one sex by band, summed over practices.
    public func totalByBand(_ sex: Sex) -> [Int] {
        var sums = Array(repeating: 0, count: bands.count)
        for practice in 0..<count {
            let start = (practice * 2 + sex.index) * bands.count
            for band in 0..<bands.count { sums[band] += counts[start + band] }
        }
        return sums
    }

    /// The same lists in a coarser scheme, each band of `scheme` the sum of the bands it contains
    /// (twenty bands → nineteen: `90-94` + `95+` → `90+`). Nil when some band of this scheme
    /// is not wholly inside one band of `scheme` (nineteen → twenty cannot split `90+`).
    public func regrouped(to scheme: AgeBandScheme) -> RegisteredLists? {
        var target: [Int] = []
        for band in bands.bands {
            guard let index = scheme.index(containing: band) else { return nil }
            target.append(index)
        }
        var regrouped = Array(repeating: 0, count: count * 2 * scheme.count)
        for row in 0..<(count * 2) {
            for band in 0..<bands.count {
                regrouped[row * scheme.count + target[band]] += counts[row * bands.count + band]
            }
        }
        return RegisteredLists(bands: scheme, practiceCodes: practiceCodes, counts: regrouped)
    }

    /// Lists summed by consortium, in the mapping's order of consortia: each consortium's count in
    /// a cell is the sum over its practices. A practice of these lists that the mapping does not
    /// cover is a `badData` error; mapped practices without a list add nothing.
    public func aggregated(by mapping: ConsortiumMapping) throws -> RegisteredLists {
        let consortia = mapping.consortiumCodes
        var consortiumIndex: [String: Int] = [:]
        for (index, code) in consortia.enumerated() { consortiumIndex[code] = index }
        let width = 2 * bands.count
        var sums = Array(repeating: 0, count: consortia.count * width)
        for (practice, code) in practiceCodes.enumerated() {
            guard let consortium = mapping.consortiumCode(of: code) else {
                throw DataError(.badData, at: SourceLocation(file: mapping.source, columnName: "practice_code"),
                                "no consortium for the practice \(DataError.quoted(code)) of the registered lists")
            }
            let target = consortiumIndex[consortium]! * width
            for cell in 0..<width { sums[target + cell] += counts[practice * width + cell] }
        }
        return RegisteredLists(bands: bands, practiceCodes: consortia, counts: sums)
    }
}
