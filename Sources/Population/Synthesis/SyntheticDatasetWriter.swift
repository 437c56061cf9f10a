import Tables

/// Writes a `SyntheticDataset` as CSV files in the canonical layouts of the design (each file
/// written whole or not at all by `CSVWriter`):
///
/// | file | columns |
/// | --- | --- |
/// | practices.csv | practice_code, practice_name, consortium_code, consortium_name, pcn_code, pcn_name, region_code, region_name, locality, practice_type, rurality, dispensing, market_forces_factor, imd_score, registered_patients, x_km, y_km |
/// | population.csv | practice_code, sex, age_band, patients (every practice × M/F × 19 bands, zeros included) |
/// | attribution.csv | practice_code, lsoa_code, patients |
/// | areas.csv | lsoa_code, lsoa_name, consortium_code, locality, imd_score, imd_rank, imd_decile, registered_patients, x_km, y_km |
/// | indicators.csv | indicator_id, org_code, period, age_band, numerator, denominator |
/// | indicator_definitions.csv | indicator_id, indicator_name, kind, statistic, multiplier, polarity, first_age_band, last_age_band, deprivation_effect, practice_variation |
/// | indicator_band_rates.csv | indicator_id, age_band, rate (the true model's band rates) |
/// | achievement.csv | practice_code, measure_id, numerator, denominator, exceptions |
/// | measure_definitions.csv | measure_id, measure_name, eligibility, sex, base_achievement, exception_rate, deprivation_effect |
///
/// and, with `writePersons`, persons.csv (person_id, practice_code, lsoa_code, sex, age, age_band,
/// diabetes, hypertension, copd, asthma, depression, area_imd_score, cost) and persons_model.csv
/// (term, coefficient: `SyntheticPersonModel`).
public enum SyntheticDatasetWriter {
    /// The files written, in order.
    public static let fileNames = [
        "practices.csv", "population.csv", "attribution.csv", "areas.csv", "indicators.csv", "indicator_definitions.csv",
        "indicator_band_rates.csv", "achievement.csv", "measure_definitions.csv",
    ]

    /// Writes every file into `folder` (which must exist); returns the data rows written per file.
    @discardableResult
    public static func write(_ dataset: SyntheticDataset, toFolder folder: String) throws -> [(file: String, rows: Int)] {
        func path(_ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
        var written: [(file: String, rows: Int)] = []
        let bandLabels = dataset.lists.bands.bands.map(\.label)

        let practices = try CSVWriter(path: path("practices.csv"), header: [
            "practice_code", "practice_name", "consortium_code", "consortium_name", "pcn_code", "pcn_name", "region_code", "region_name",
            "locality", "practice_type", "rurality", "dispensing", "market_forces_factor", "imd_score", "registered_patients", "x_km", "y_km",
        ])
        for practice in dataset.practices {
            let consortium = dataset.consortia[practice.consortium]
            let region = dataset.regions[consortium.region]
            try practices.write([
                .text(practice.code), .text(practice.name), .text(consortium.code), .text(consortium.name), .text(practice.pcnCode),
                .text(practice.pcnName), .text(region.code), .text(region.name), .text(practice.locality), .text(practice.kind.rawValue),
                .text(practice.rurality), .text(practice.dispensing ? "Yes" : "No"), .number(practice.marketForcesFactor),
                .number(practice.imdScore), .wholeNumber(practice.registeredPatients), .number(practice.x), .number(practice.y),
            ])
        }
        try practices.commit()
        written.append(("practices.csv", practices.rowsWritten))

        let population = try CSVWriter(path: path("population.csv"), header: ["practice_code", "sex", "age_band", "patients"])
        var populationRow: [CSVValue] = [.missing, .missing, .missing, .missing]
        for (index, code) in dataset.lists.practiceCodes.enumerated() {
            populationRow[0] = .text(code)
            for sex in Sex.allCases {
                populationRow[1] = .text(sex.label)
                for band in 0..<bandLabels.count {
                    populationRow[2] = .text(bandLabels[band])
                    populationRow[3] = .wholeNumber(dataset.lists.patients(practice: index, sex: sex, band: band))
                    try population.write(populationRow)
                }
            }
        }
        try population.commit()
        written.append(("population.csv", population.rowsWritten))

        let attribution = try CSVWriter(path: path("attribution.csv"), header: ["practice_code", "lsoa_code", "patients"])
        let flows = dataset.attribution
        var attributionRow: [CSVValue] = [.missing, .missing, .missing]
        for entry in 0..<flows.count {
            attributionRow[0] = .text(flows.practiceCodes[flows.practiceIndices[entry]])
            attributionRow[1] = .text(flows.lsoaCodes[flows.areaIndices[entry]])
            attributionRow[2] = .wholeNumber(flows.patients[entry])
            try attribution.write(attributionRow)
        }
        try attribution.commit()
        written.append(("attribution.csv", attribution.rowsWritten))

        let areas = try CSVWriter(path: path("areas.csv"), header: [
            "lsoa_code", "lsoa_name", "consortium_code", "locality", "imd_score", "imd_rank", "imd_decile", "registered_patients", "x_km", "y_km",
        ])
        for area in dataset.areas {
            try areas.write([
                .text(area.code), .text(area.name), .text(dataset.consortia[area.consortium].code), .text(area.locality), .number(area.imdScore),
                .wholeNumber(area.imdRank), .wholeNumber(area.imdDecile), .wholeNumber(area.registeredPatients), .number(area.x), .number(area.y),
            ])
        }
        try areas.commit()
        written.append(("areas.csv", areas.rowsWritten))

        let indicators = try CSVWriter(path: path("indicators.csv"), header: [
            "indicator_id", "org_code", "period", "age_band", "numerator", "denominator",
        ])
        var indicatorRow: [CSVValue] = [.missing, .missing, .text(dataset.period), .missing, .missing, .missing]
        let practiceCodes = dataset.practices.map(\.code)
        let indicatorIDs = dataset.indicators.map(\.id)
        try dataset.forEachIndicatorCount { count in
            indicatorRow[0] = .text(indicatorIDs[count.indicator])
            indicatorRow[1] = .text(practiceCodes[count.practice])
            indicatorRow[3] = .text(bandLabels[count.band])
            indicatorRow[4] = .wholeNumber(count.numerator)
            indicatorRow[5] = .wholeNumber(count.denominator)
            try indicators.write(indicatorRow)
        }
        try indicators.commit()
        written.append(("indicators.csv", indicators.rowsWritten))

        let definitions = try CSVWriter(path: path("indicator_definitions.csv"), header: [
            "indicator_id", "indicator_name", "kind", "statistic", "multiplier", "polarity", "first_age_band", "last_age_band",
            "deprivation_effect", "practice_variation",
        ])
        let rates = try CSVWriter(path: path("indicator_band_rates.csv"), header: ["indicator_id", "age_band", "rate"])
        for indicator in dataset.indicators {
            try definitions.write([
                .text(indicator.id), .text(indicator.name), .text(indicator.kind.rawValue), .text(indicator.statistic),
                .number(indicator.multiplier), .text(indicator.polarity), .text(bandLabels[indicator.bands.lowerBound]),
                .text(bandLabels[indicator.bands.upperBound]), .number(indicator.deprivationEffect), .number(indicator.practiceVariation),
            ])
            for band in indicator.bands {
                try rates.write([.text(indicator.id), .text(bandLabels[band]), .number(indicator.bandRates[band])])
            }
        }
        try definitions.commit()
        written.append(("indicator_definitions.csv", definitions.rowsWritten))
        try rates.commit()
        written.append(("indicator_band_rates.csv", rates.rowsWritten))

        let achievement = try CSVWriter(path: path("achievement.csv"), header: [
            "practice_code", "measure_id", "numerator", "denominator", "exceptions",
        ])
        let measureIDs = dataset.measures.map(\.id)
        var achievementRow: [CSVValue] = [.missing, .missing, .missing, .missing, .missing]
        try dataset.forEachAchievement { result in
            achievementRow[0] = .text(practiceCodes[result.practice])
            achievementRow[1] = .text(measureIDs[result.measure])
            achievementRow[2] = .wholeNumber(result.numerator)
            achievementRow[3] = .wholeNumber(result.denominator)
            achievementRow[4] = .wholeNumber(result.exceptions)
            try achievement.write(achievementRow)
        }
        try achievement.commit()
        written.append(("achievement.csv", achievement.rowsWritten))

        let measures = try CSVWriter(path: path("measure_definitions.csv"), header: [
            "measure_id", "measure_name", "eligibility", "sex", "base_achievement", "exception_rate", "deprivation_effect",
        ])
        for measure in dataset.measures {
            try measures.write([
                .text(measure.id), .text(measure.name), .text(measure.eligibility), measure.sex.map { .text($0.label) } ?? .missing, .number(measure.baseAchievement),
                .number(measure.exceptionRate), .number(measure.deprivationEffect),
            ])
        }
        try measures.commit()
        written.append(("measure_definitions.csv", measures.rowsWritten))
        return written
    }

    /// Writes persons.csv with `count` persons (`SyntheticDataset.forEachPerson`) and
    /// persons_model.csv with the true coefficients; returns the rows written per file.
    @discardableResult
    public static func writePersons(_ dataset: SyntheticDataset, count: Int, toFolder folder: String) throws -> [(file: String, rows: Int)] {
        func path(_ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
        let bandLabels = dataset.lists.bands.bands.map(\.label)
        let persons = try CSVWriter(path: path("persons.csv"), header: [
            "person_id", "practice_code", "lsoa_code", "sex", "age", "age_band",
        ] + SyntheticPersonModel.conditionColumns + ["area_imd_score", "cost"])
        let conditionCount = SyntheticPersonModel.conditionColumns.count
        var row = [CSVValue](repeating: .missing, count: 8 + conditionCount)
        try dataset.forEachPerson(count: count) { person in
            row[0] = .text("P" + SyntheticGenerator.digits(person.number, 7))
            row[1] = .text(dataset.practices[person.practice].code)
            row[2] = .text(dataset.areas[person.area].code)
            row[3] = .text(person.sex.label)
            row[4] = .wholeNumber(person.age)
            row[5] = .text(bandLabels[person.band])
            for k in 0..<conditionCount { row[6 + k] = .wholeNumber(person.conditions[k] ? 1 : 0) }
            row[6 + conditionCount] = .number(dataset.areas[person.area].imdScore)
            row[7 + conditionCount] = .money(person.cost)
            try persons.write(row)
        }
        try persons.commit()
        let model = try CSVWriter(path: path("persons_model.csv"), header: ["term", "coefficient"])
        for term in SyntheticPersonModel.terms { try model.write([.text(term.term), .number(term.coefficient)]) }
        try model.commit()
        return [("persons.csv", persons.rowsWritten), ("persons_model.csv", model.rowsWritten)]
    }
}
