import Tables

/// Registered lists by practice, sex and age band, read in chunks: the canonical layout
/// (`practice_code`, `sex`, `age_band`, `patients`) or NHS Digital's (`ORG_CODE`, `SEX`,
/// `AGE_GROUP_5`, `NUMBER_OF_PATIENTS`). Gives each practice's registered patients and, with
/// weights, its age-sex weighted population Σ patients × weight.
enum RegisteredListsFile {
    struct Totals {
        var registered: [Double]
        var weighted: [Double]
    }

    static let schema = Schema([
        ColumnSpec("practice_code", aliases: ["ORG_CODE"]),
        ColumnSpec("sex", aliases: ["SEX"]),
        ColumnSpec("age_band", aliases: ["AGE_GROUP_5"]),
        ColumnSpec("patients", .wholeNumber(minimum: 0), aliases: ["NUMBER_OF_PATIENTS"]),
    ])

    static func read(path: String, practices: PracticesFile, weights: AgeSexWeights?) throws -> Totals {
        let count = practices.codes.count
        var registered = [Double](repeating: 0, count: count)
        var weighted = [Double](repeating: 0, count: count)
        // Each distinct band label is parsed and matched to its weight band once.
        var bandOfLabel: [String: (male: Double, female: Double)] = [:]
        // One row per practice, sex and band: the line of each, to name duplicates.
        var seen: [Int: [String: Int]] = [:]
        let reader = try TableReader(path: path, schema: schema)
        while let chunk = try reader.next(maximumRows: 65_536) {
            let codes = chunk.text("practice_code")
            let sexes = chunk.text("sex")
            let labels = chunk.text("age_band")
            let patients = chunk.wholeNumbers("patients")
            for row in 0..<chunk.rowCount {
                guard let practice = practices.indexByCode[codes[row]] else {
                    throw chunk.error(row: row, column: "practice_code",
                                      "practice \(DataError.quoted(codes[row])) is in the registered lists but not in the practices file (\(practices.file))")
                }
                guard let sex = SexLabel(sexes[row]) else {
                    throw chunk.error(row: row, column: "sex", "expected M, F, male or female, found \(DataError.quoted(sexes[row]))")
                }
                let label = labels[row]
                let bandWeights: (male: Double, female: Double)
                if let known = bandOfLabel[label] {
                    bandWeights = known
                } else {
                    guard let ages = AgeRange(label: label) else {
                        throw chunk.error(row: row, column: "age_band", "expected an age band such as \"0-4\" or \"90+\", found \(DataError.quoted(label))")
                    }
                    if let weights {
                        guard let band = weights.band(containing: ages) else {
                            let bands = weights.bands.map(\.ages.description).joined(separator: ", ")
                            throw chunk.error(row: row, column: "age_band",
                                              "age band \(ages) is not within one band of the formula's weights (\(bands))")
                        }
                        bandWeights = (band.male, band.female)
                    } else {
                        bandWeights = (1, 1)
                    }
                    bandOfLabel[label] = bandWeights
                }
                let key = (sex == .male ? "M " : "F ") + label
                if let first = seen[practice]?[key] {
                    throw chunk.error(row: row, column: "age_band",
                                      "a second row for practice \(codes[row]), sex \(sexes[row]), band \(label) (first on line \(first))")
                }
                seen[practice, default: [:]][key] = chunk.lineNumbers[row]
                let number = Double(patients[row])
                registered[practice] += number
                weighted[practice] += number * (sex == .male ? bandWeights.male : bandWeights.female)
            }
        }
        return Totals(registered: registered, weighted: weighted)
    }
}
