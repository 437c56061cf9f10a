import Tables

/// A standard population: a weight for each band of an age-band scheme, used as the `wᵢ` of a
/// directly standardised rate (DSR = Σ wᵢ Oᵢ/nᵢ / Σ wᵢ).
public struct StandardPopulation: Hashable, Sendable {
    public let name: String
    public let bands: AgeBandScheme
    /// One weight (a population count) per band, each >= 0, not all zero.
    public let weights: [Double]

    public init(name: String, bands: AgeBandScheme, weights: [Double]) {
        precondition(weights.count == bands.count, "StandardPopulation: one weight per band")
        precondition(weights.allSatisfy { $0 >= 0 && $0.isFinite } && weights.contains { $0 > 0 }, "StandardPopulation: weights must be >= 0, not all 0")
        self.name = name
        self.bands = bands
        self.weights = weights
    }

    /// Σ wᵢ.
    public var total: Double { weights.reduce(0, +) }

    /// The weight of a band of the scheme.
    public func weight(for band: AgeBand) -> Double? {
        bands.index(of: band).map { weights[$0] }
    }

    /// The European Standard Population 2013 in nineteen bands (0-4 … 85-89, 90+): 5000, 5500,
    /// 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500,
    /// 1500, 1000; total 100,000.
    ///
    /// Source: Eurostat, *Revision of the European Standard Population: report of Eurostat's task
    /// force*, 2013 edition (the design's methods.md); the standard used by OHID/PHE for DSRs
    /// since 2014.
    public static let europe2013 = StandardPopulation(
        name: "European Standard Population 2013", bands: .nineteenBands,
        weights: [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000])

    /// Reads a custom standard: columns `age_band` and `population` (alias `weight`), one row per
    /// band; the bands, in file order, must run from age 0 without gaps or overlaps and end with an
    /// open band. Errors (file, line, column): an unknown label, a band out of sequence, a negative
    /// weight, a file whose weights are all zero.
    public static func read(path: String, name: String? = nil) throws -> StandardPopulation {
        let table = try TableReader.read(path: path, schema: Schema([
            ColumnSpec("age_band"), ColumnSpec("population", .decimal(minimum: 0), aliases: ["weight"]),
        ]), name: name)
        let labels = table.text("age_band")
        var bands: [AgeBand] = []
        for row in 0..<table.rowCount {
            guard let band = AgeBand(label: labels[row]) else {
                throw table.error(row: row, column: "age_band", "expected an age band such as 0-4 or 90+, found \(DataError.quoted(labels[row]))")
            }
            if let previous = bands.last {
                guard let upper = previous.upperAge else {
                    throw table.error(row: row, column: "age_band", "expected no band after the open band \(previous.label), found \(DataError.quoted(labels[row]))")
                }
                if band.lowerAge != upper + 1 {
                    throw table.error(row: row, column: "age_band", "expected a band starting at age \(upper + 1) after \(previous.label), found \(DataError.quoted(labels[row]))")
                }
            } else if band.lowerAge != 0 {
                throw table.error(row: row, column: "age_band", "expected the first band to start at age 0, found \(DataError.quoted(labels[row]))")
            }
            bands.append(band)
        }
        guard let scheme = AgeBandScheme(bands) else {
            let problem = AgeBandScheme.problem(with: bands) ?? "not a scheme of bands"
            throw DataError(.badData, at: SourceLocation(file: table.source, columnName: "age_band"), "expected bands from 0 to an open band: \(problem)")
        }
        let weights = table.decimals("population")
        if !weights.contains(where: { $0 > 0 }) {
            throw DataError(.badData, at: SourceLocation(file: table.source, columnName: "population"), "expected at least one weight > 0, found all zero")
        }
        return StandardPopulation(name: name ?? path, bands: scheme, weights: weights)
    }
}
