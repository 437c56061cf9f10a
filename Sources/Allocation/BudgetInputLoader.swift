import Tables

/// The CSV files a budget is computed from (design/README.md, "Core inputs").
public struct BudgetInputFiles: Sendable {
    /// `practice_code`, `consortium_code`, and the practice variables the formula names
    /// (`registered_patients` when there are no registered lists).
    public var practices: String
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

    public init(practices: String, population: String? = nil, attribution: String? = nil, areas: String? = nil,
                baseline: String? = nil, mapping: String? = nil) {
        self.practices = practices
        self.population = population
        self.attribution = attribution
        self.areas = areas
        self.baseline = baseline
        self.mapping = mapping
    }
}

/// What the loader read: the capitation input, the baselines, and notes for the user (counts of
/// rows that were used in a way worth knowing, never rows dropped).
public struct LoadedBudgetInput: Sendable {
    public var input: CapitationInput
    public var baselines: BaselineBudgets?
    public var notes: [String]
}

/// Reads the CSV inputs of a budget and checks them against each other and the formula: every
/// practice of the lists, attribution, baselines and mapping must be in the practices file; codes
/// are unique; every list band must fall in one band of the weights. Each mistake is an error
/// naming the file, line and column.
public enum BudgetInputLoader {
    public static func load(files: BudgetInputFiles, formula: AllocationFormula) throws -> LoadedBudgetInput {
        var notes: [String] = []
        let practices = try PracticesFile.read(path: files.practices, formula: formula, needsRegisteredColumn: files.population == nil)
        var consortiumCodes = practices.consortiumCodes
        if let mapping = files.mapping {
            consortiumCodes = try MappingFile.read(path: mapping, practices: practices)
        }
        var registered: [Double]
        var base: [Double]
        if let population = files.population {
            let weights: AgeSexWeights?
            if case .ageSexWeights(let table) = formula.population { weights = table } else { weights = nil }
            let lists = try RegisteredListsFile.read(path: population, practices: practices, weights: weights)
            registered = lists.registered
            base = weights != nil ? lists.weighted : registered
            let empty = registered.filter { $0 == 0 }.count
            if empty > 0 {
                notes.append("\(empty) of \(registered.count) practices have no patients in \(population); their targets are 0")
            }
        } else {
            if case .ageSexWeights = formula.population {
                throw DataError(.badData, at: formula.location,
                                "the formula weights registered lists by age and sex, so registered lists (--population) are needed")
            }
            registered = practices.registeredPatients!
            base = registered
        }
        if case .practiceColumn = formula.population {
            base = practices.populationColumn!
        }
        var componentValues: [[Double]] = []
        var unmetValues: [Double]?
        let areaComponents = formula.indexedVariables.filter { $0.source == .areas }
        var areaValues: [String: [Double]] = [:]
        if !areaComponents.isEmpty {
            guard let attribution = files.attribution, let areas = files.areas else {
                throw DataError(.badData, at: areaComponents[0].location ?? formula.location,
                                "\(areaComponents[0].name) reads \(areaComponents[0].variable) from small areas, so --attribution and --areas are needed")
            }
            let areaTable = try AreasFile.read(path: areas, components: areaComponents)
            areaValues = try AttributionFile.averages(path: attribution, practices: practices, areas: areaTable,
                                                      components: areaComponents, registered: registered)
        }
        for component in formula.indexedVariables {
            let values = component.source == .areas ? areaValues[component.name]! : practices.componentValues[component.name]!
            if component.kind == .unmetNeed { unmetValues = values } else { componentValues.append(values) }
        }
        var baselines: BaselineBudgets?
        if let baseline = files.baseline {
            baselines = try BaselineFile.read(path: baseline, practices: practices)
        }
        let input = CapitationInput(
            practiceCodes: practices.codes, consortiumCodes: consortiumCodes, registeredPatients: registered, basePopulation: base,
            componentValues: componentValues, unmetNeedValues: unmetValues, practiceLocations: practices.locations)
        return LoadedBudgetInput(input: input, baselines: baselines, notes: notes)
    }
}
