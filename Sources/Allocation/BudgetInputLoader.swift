import Population
import Tables

/// The CSV files a budget is computed from (design/README.md, "Core inputs").
public struct BudgetInputFiles: Sendable {
    /// The practices file: `practice_code`, `consortium_code`, and the practice variables the
    /// formula names (`registered_patients` when there are no registered lists). Either this or
    /// `payments`.
    public var practices: String?
    /// NHS Digital's *NHS Payments to General Practice* file used as the practices: sub-ICB as
    /// consortium, `registered_patients`, `weighted_patients`, labels `contract_type`,
    /// `dispensing`, `rurality`, `practice_type`, and the payment lines.
    public var payments: String?
    /// With `payments`: a payment column (e.g. `Global Sum`) taken as each practice's baseline.
    public var baselinePayment: String?
    /// Registered lists: `practice_code`, `sex`, `age_band`, `patients` (or NHS Digital's
    /// `ORG_CODE`, `SEX`, `AGE_GROUP_5`, `NUMBER_OF_PATIENTS`).
    public var population: String?
    /// `practice_code`, `lsoa_code`, `patients`: where each practice's patients live.
    public var attribution: String?
    /// `lsoa_code` and the area variables the formula names.
    public var areas: String?
    /// `practice_code` (or `consortium_code`) and `baseline` in pounds.
    public var baseline: String?
    /// `practice_code`, `consortium_code`: new consortium membership for every practice.
    public var mapping: String?
    /// Keep only the practices whose text variable (label) has the given value, e.g.
    /// `contract_type` = `GMS`; every other input must then be about the kept practices only.
    public var selection: [(label: String, value: String)]

    public init(practices: String? = nil, payments: String? = nil, baselinePayment: String? = nil, population: String? = nil,
                attribution: String? = nil, areas: String? = nil, baseline: String? = nil, mapping: String? = nil,
                selection: [(label: String, value: String)] = []) {
        precondition((practices == nil) != (payments == nil), "BudgetInputFiles: practices or payments, one of them")
        self.practices = practices
        self.payments = payments
        self.baselinePayment = baselinePayment
        self.population = population
        self.attribution = attribution
        self.areas = areas
        self.baseline = baseline
        self.mapping = mapping
        self.selection = selection
    }

    /// The file the practices come from.
    public var practicesSource: String { practices ?? payments! }
}

/// What the loader read: the practices, the capitation input, the baselines, and notes for the
/// user (counts worth knowing, never rows dropped).
public struct LoadedBudgetInput: Sendable {
    public var frame: PracticeFrame
    public var input: CapitationInput
    public var baselines: BaselineBudgets?
    public var notes: [String]
}

/// Reads the inputs of a budget with Population's readers and checks them against each other and
/// the formula: every practice of the lists, attribution, baselines and mapping must be in the
/// practices; codes are unique; every list band must fall inside one band of the weights; every
/// variable the formula names must be there. Each mistake is an error naming the file (and the
/// line and column where the reader knows them).
public enum BudgetInputLoader {
    public static func load(files: BudgetInputFiles, formula: AllocationFormula) throws -> LoadedBudgetInput {
        var notes: [String] = []
        let source = files.practicesSource
        var frame: PracticeFrame
        var baselines: BaselineBudgets?
        let practiceComponents = formula.indexedVariables.filter { $0.source == .practices }
        if let practicesFile = files.practices {
            var numeric: [String] = []
            var labels: [String] = files.selection.map(\.label)
            func addNumeric(_ name: String) { if !numeric.contains(name) { numeric.append(name) } }
            if files.population == nil { addNumeric("registered_patients") }
            if case .practiceColumn(let column) = formula.population { addNumeric(column) }
            for component in practiceComponents {
                if component.form.isCategorical {
                    if !labels.contains(component.variable) { labels.append(component.variable) }
                } else {
                    addNumeric(component.variable)
                }
            }
            if let clash = numeric.first(where: labels.contains) {
                throw DataError(.badData, at: formula.location,
                                "the practice variable \(clash) is used both as a category (form = \"table\") and as a number; use two columns")
            }
            frame = try PracticeFrame.read(path: practicesFile, attributes: numeric, labels: Array(Set(labels)).sorted())
        } else {
            let paymentsFile = files.payments!
            // Numeric formula variables other than the patient counts are payment lines, found
            // under any name the publisher has given them.
            var lines = files.baselinePayment.map { [$0] } ?? []
            for component in practiceComponents where !component.form.isCategorical
                && !["registered_patients", "weighted_patients"].contains(component.variable) && !lines.contains(component.variable) {
                lines.append(component.variable)
            }
            if case .practiceColumn(let column) = formula.population,
               !["registered_patients", "weighted_patients"].contains(column), !lines.contains(column) {
                lines.append(column)
            }
            let payments = try GeneralPracticePayments.read(path: paymentsFile, moneyColumns: lines)
            frame = try payments.frame(withPaymentLines: lines.filter { $0 != files.baselinePayment }, source: paymentsFile)
            if let column = files.baselinePayment {
                baselines = .practices(payments.pence(column)!, locations: nil)
            }
        }
        if !files.selection.isEmpty {
            let before = frame.count
            for (label, _) in files.selection where frame.practices.contains(where: { $0.labels[label] == nil }) {
                throw DataError(.badData, at: SourceLocation(file: source, columnName: label), "cannot select practices by \(label): the practices have no such text variable")
            }
            let kept = frame.practices.filter { practice in files.selection.allSatisfy { practice.labels[$0.label] == $0.value } }
            guard !kept.isEmpty else {
                let condition = files.selection.map { "\($0.label) = \($0.value)" }.joined(separator: " and ")
                throw DataError(.badData, at: SourceLocation(file: source), "no practice has \(condition)")
            }
            let keptCodes = Set(kept.map(\.code))
            let keptPositions = frame.practices.indices.filter { keptCodes.contains(frame.practices[$0].code) }
            frame = try PracticeFrame(practices: kept, source: source)
            if case .practices(let amounts, _)? = baselines {
                baselines = .practices(keptPositions.map { amounts[$0] }, locations: nil)
            }
            let condition = files.selection.map { "\($0.label) = \($0.value)" }.joined(separator: " and ")
            notes.append("\(kept.count) of \(before) practices selected (\(condition)); the other \(before - kept.count) are left out")
        }
        if let mapping = files.mapping {
            let regrouping = try ConsortiumMapping.read(path: mapping)
            frame = try frame.regrouped(by: regrouping)
            let extra = regrouping.practiceCodes.filter { frame.index(of: $0) == nil }.count
            if extra > 0 { notes.append("\(extra) practices of \(mapping) are not in \(source) and were not used") }
        }
        let count = frame.count
        var registered: [Double]
        var base: [Double]
        if let population = files.population {
            var weights: AgeSexWeights?
            if case .ageSexWeights(let table) = formula.population { weights = table }
            let scheme = weights?.scheme ?? AgeBandScheme([AgeBand(lowerAge: 0, upperAge: nil)])!
            let lists = try RegisteredLists.read(path: population, frame: frame, bands: scheme)
            registered = [Double](repeating: 0, count: count)
            base = [Double](repeating: 0, count: count)
            for (position, code) in lists.practiceCodes.enumerated() {
                let practice = frame.index(of: code)!
                var patients = 0
                var weighted = 0.0
                for sex in Sex.allCases {
                    for band in 0..<scheme.count {
                        let number = lists.patients(practice: position, sex: sex, band: band)
                        patients += number
                        weighted += Double(number) * (weights?.bands[band].weight(sex) ?? 1)
                    }
                }
                registered[practice] = Double(patients)
                base[practice] = weighted
            }
            let empty = registered.filter { $0 == 0 }.count
            if empty > 0 { notes.append("\(empty) of \(count) practices have no patients in \(population); their targets are 0") }
        } else {
            if case .ageSexWeights = formula.population {
                throw DataError(.badData, at: formula.location,
                                "the formula weights registered lists by age and sex, so registered lists (--population) are needed")
            }
            registered = try attribute("registered_patients", frame: frame, source: source)
            base = registered
        }
        if case .practiceColumn(let column) = formula.population {
            base = try attribute(column, frame: frame, source: source)
        }
        if case .practiceShares(let sharesSource) = formula.population {
            let (shares, unused) = try PracticeSharesFile.read(sharesSource, frame: frame, practicesFile: source)
            base = shares
            if unused > 0 { notes.append("\(unused) practices of \(sharesSource.path) are not in \(source) and their shares were not used") }
        }
        var values: [String: [Double]] = [:]
        for component in practiceComponents {
            values[component.name] = try practiceValues(component, frame: frame, source: source)
        }
        let areaComponents = formula.indexedVariables.filter { $0.source == .areas }
        if !areaComponents.isEmpty {
            guard let attribution = files.attribution, let areas = files.areas else {
                throw DataError(.badData, at: areaComponents[0].location ?? formula.location,
                                "\(areaComponents[0].name) reads \(areaComponents[0].variable) from small areas, so --attribution and --areas are needed")
            }
            let averages = try areaAverages(areaComponents, frame: frame, attributionFile: attribution, areasFile: areas, registered: registered)
            values.merge(averages) { first, _ in first }
        }
        var componentValues: [[Double]] = []
        var unmetValues: [Double]?
        for component in formula.indexedVariables {
            if component.kind == .unmetNeed { unmetValues = values[component.name]! } else { componentValues.append(values[component.name]!) }
        }
        if let baselineFile = files.baseline {
            if baselines != nil {
                throw DataError(.badData, at: SourceLocation(file: baselineFile), "baselines are given twice (a baseline file and a payment column); give one")
            }
            baselines = try BaselineFile.read(path: baselineFile, frame: frame, practicesFile: source)
        }
        let input = CapitationInput(
            practiceCodes: frame.practices.map(\.code), consortiumCodes: frame.practices.map(\.consortiumCode),
            registeredPatients: registered, basePopulation: base, componentValues: componentValues, unmetNeedValues: unmetValues,
            practiceLocations: Array(repeating: SourceLocation(file: source, columnName: "practice_code"), count: count))
        return LoadedBudgetInput(frame: frame, input: input, baselines: baselines, notes: notes)
    }

    /// A numeric practice variable for every practice, or an error naming what the file has.
    static func attribute(_ name: String, frame: PracticeFrame, source: String) throws -> [Double] {
        if let values = frame.attribute(name) { return values }
        let known = Set(frame.practices.flatMap { $0.attributes.keys }).sorted().joined(separator: ", ")
        throw DataError(.badData, at: SourceLocation(file: source, columnName: name),
                        "expected a practice variable \(name), found none (the practices have: \(known.isEmpty ? "no numeric variables" : known))")
    }

    /// A practice component's values: the variable, or for a table form the category's factor.
    static func practiceValues(_ component: IndexComponent, frame: PracticeFrame, source: String) throws -> [Double] {
        guard case .table(let factors) = component.form else {
            return try attribute(component.variable, frame: frame, source: source)
        }
        var values: [Double] = []
        values.reserveCapacity(frame.count)
        for practice in frame.practices {
            guard let category = practice.labels[component.variable] else {
                let known = Set(frame.practices.flatMap { $0.labels.keys }).sorted().joined(separator: ", ")
                throw DataError(.badData, at: SourceLocation(file: source, columnName: component.variable),
                                "expected a practice category \(component.variable), found none (the practices have: \(known.isEmpty ? "no text variables" : known))")
            }
            guard let factor = factors[category] else {
                throw DataError(.badData, at: SourceLocation(file: source, columnName: component.variable),
                                "\(component.name): practice \(practice.code) has the category \(DataError.quoted(category)), which the formula's table does not have (\(factors.keys.sorted().joined(separator: ", ")))")
            }
            values.append(factor)
        }
        return values
    }

    /// Each area component's patient-weighted mean per practice, in frame order
    /// (x̄ₚ = Σₐ nₚₐ xₐ / Σₐ nₚₐ; for a table form the mean of the areas' factors, the area's
    /// category being its value written as a number, e.g. `3` for an IMD decile).
    static func areaAverages(_ components: [IndexComponent], frame: PracticeFrame, attributionFile: String, areasFile: String,
                             registered: [Double]) throws -> [String: [Double]] {
        var variables: [String] = []
        for component in components where !variables.contains(component.variable) { variables.append(component.variable) }
        let areas = try SmallAreas.read(path: areasFile, variables: variables)
        let attribution = try Attribution.read(path: attributionFile, frame: frame, areas: areas)
        var derived: [String: [Double]] = [:]
        for component in components {
            let raw = areas.values(component.variable)!
            guard case .table(let factors) = component.form else {
                derived[component.name] = raw
                continue
            }
            derived[component.name] = try raw.enumerated().map { index, value in
                guard let factor = factors[Table.formatNumber(value)] else {
                    throw DataError(.badData, at: SourceLocation(file: areasFile, columnName: component.variable),
                                    "\(component.name): area \(areas.lsoaCodes[index]) has \(component.variable) = \(Table.formatNumber(value)), which the formula's table does not have (\(factors.keys.sorted().joined(separator: ", ")))")
                }
                return factor
            }
        }
        let byComponent = SmallAreas(lsoaCodes: areas.lsoaCodes, variables: derived)
        let attributed = attribution.patientsByPractice
        var result: [String: [Double]] = [:]
        for component in components {
            let means = try attribution.practiceMeans(of: component.name, in: byComponent)
            var aligned = [Double](repeating: .nan, count: frame.count)
            for (position, code) in attribution.practiceCodes.enumerated() where attributed[position] > 0 {
                aligned[frame.index(of: code)!] = means[position]!
            }
            result[component.name] = aligned
        }
        for (index, practice) in frame.practices.enumerated() where registered[index] > 0 && result[components[0].name]![index].isNaN {
            throw DataError(.badData, at: SourceLocation(file: attributionFile, columnName: "practice_code"),
                            "practice \(practice.code) has registered patients but none in the attribution file, so its \(components[0].variable) cannot be averaged")
        }
        return result
    }
}
