import Tables

/// Reads age-sex cost weights from CSV: columns `age_band` (`0-4`, `5-14`, `85+`, …), `sex`
/// (`M`/`F`) and `weight` (a number >= 0), one row per band and sex. Every band needs both sexes.
enum AgeSexWeightsFile {
    static func read(path: String, location: SourceLocation) throws -> AgeSexWeights {
        let schema = Schema([ColumnSpec("age_band"), ColumnSpec("sex"), ColumnSpec("weight", .decimal(minimum: 0))])
        let table = try TableReader.read(path: path, schema: schema)
        let labels = table.text("age_band")
        let sexes = table.text("sex")
        let weights = table.decimals("weight")
        var male: [AgeRange: Double] = [:]
        var female: [AgeRange: Double] = [:]
        var firstRow: [AgeRange: Int] = [:]
        var order: [AgeRange] = []
        for row in 0..<table.rowCount {
            guard let ages = AgeRange(label: labels[row]) else {
                throw table.error(row: row, column: "age_band", "expected an age band such as \"0-4\", \"5-14\" or \"85+\", found \(DataError.quoted(labels[row]))")
            }
            guard let sex = SexLabel(sexes[row]) else {
                throw table.error(row: row, column: "sex", "expected M or F, found \(DataError.quoted(sexes[row]))")
            }
            if firstRow[ages] == nil {
                firstRow[ages] = row
                order.append(ages)
            }
            switch sex {
            case .male:
                if male[ages] != nil { throw table.error(row: row, column: "sex", "a second male weight for band \(ages)") }
                male[ages] = weights[row]
            case .female:
                if female[ages] != nil { throw table.error(row: row, column: "sex", "a second female weight for band \(ages)") }
                female[ages] = weights[row]
            }
        }
        var bands: [AgeSexWeights.Band] = []
        for ages in order {
            let place = table.location(row: firstRow[ages]!, column: "age_band")
            guard let maleWeight = male[ages], let femaleWeight = female[ages] else {
                throw DataError(.badData, at: place, "band \(ages) has a weight for one sex only; expected both M and F")
            }
            bands.append(.init(ages: ages, male: maleWeight, female: femaleWeight, location: place))
        }
        return try AgeSexWeights(bands: bands, location: SourceLocation(file: path))
    }
}
