import Population
import Tables

/// Reads age-sex cost weights from CSV: columns `age_band` (`0-4`, `5-14`, `85+`, …), `sex`
/// (`M`/`F`) and `weight` (a number >= 0), one row per band and sex. Every band needs both sexes.
enum AgeSexWeightsFile {
    static func read(path: String) throws -> AgeSexWeights {
        let schema = Schema([ColumnSpec("age_band"), ColumnSpec("sex"), ColumnSpec("weight", .decimal(minimum: 0))])
        let table = try TableReader.read(path: path, schema: schema)
        let labels = table.text("age_band")
        let sexes = table.text("sex")
        let weights = table.decimals("weight")
        var bySex: [Sex: [AgeBand: Double]] = [.male: [:], .female: [:]]
        var firstRow: [AgeBand: Int] = [:]
        var order: [AgeBand] = []
        for row in 0..<table.rowCount {
            guard let ages = AgeBand(label: labels[row]) else {
                throw table.error(row: row, column: "age_band", "expected an age band such as \"0-4\", \"5-14\" or \"85+\", found \(DataError.quoted(labels[row]))")
            }
            guard let sex = Sex(label: sexes[row]) else {
                throw table.error(row: row, column: "sex", "expected M or F, found \(DataError.quoted(sexes[row]))")
            }
            if firstRow[ages] == nil {
                firstRow[ages] = row
                order.append(ages)
            }
            if bySex[sex]![ages] != nil {
                throw table.error(row: row, column: "sex", "a second weight for band \(ages), sex \(sex.label)")
            }
            bySex[sex]![ages] = weights[row]
        }
        var bands: [AgeSexWeights.Band] = []
        for ages in order {
            let place = table.location(row: firstRow[ages]!, column: "age_band")
            guard let male = bySex[.male]![ages], let female = bySex[.female]![ages] else {
                throw DataError(.badData, at: place, "band \(ages) has a weight for one sex only; expected both M and F")
            }
            bands.append(.init(ages: ages, male: male, female: female, location: place))
        }
        return try AgeSexWeights(bands: bands, location: SourceLocation(file: path))
    }
}
