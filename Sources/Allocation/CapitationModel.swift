import Foundation
import Tables

/// The indices, weighted populations and target shares of every practice under a formula.
/// Arrays hold one entry per practice of the input; indices are nil for practices with no
/// registered patients (their share is 0 and an index per head is undefined).
public struct CapitationTargets: Sendable {
    /// Aₚ: age-sex weighted population per registered patient, scaled so that Σ nₚAₚ = Σ nₚ.
    public var ageSexIndex: [Double?]
    /// Iₖₚ for each component of the formula, in the formula's order.
    public var componentIndices: [[Double?]]
    /// Uₚ when the formula has an unmet-need adjustment.
    public var unmetNeedIndex: [Double?]?
    /// Wₚ = nₚ · Aₚ · Π Iₖₚ (its total is not Σ nₚ in general: indices are normalised one by one).
    public var weightedPopulation: [Double]
    /// The practice's share of the total; the shares sum to 1 (up to rounding of doubles).
    public var targetShare: [Double]
    /// Target per head relative to the average per head: shareₚ · Σn / nₚ.
    public var needIndex: [Double?]
    /// N = Σn / ΣW, the common factor that turns Aₚ Π Iₖₚ into a need index when there is no
    /// unmet-need share.
    public var normalisation: Double
    /// Rₚ = needIndexₚ / (Aₚ · Π Iₖₚ · N): what the unmet-need share does to the practice's need
    /// index, as a factor (1 for every practice when there is no unmet-need share).
    public var unmetNeedFactor: [Double?]
    /// The total registered population Σ nₚ.
    public var totalRegistered: Double
}

/// Weighted capitation: turns registered populations, age-sex weights and need and cost variables
/// into indices and target shares (design/methods.md, "Weighted capitation"; the formula is in
/// the documentation of `AllocationFormula`, the index forms in `IndexForm`).
///
/// All normalisations use registered patients as weights: the age-sex index is scaled so that
/// Σ nₚAₚ = Σ nₚ, and each need or cost index so that Σ nₚIₖₚ = Σ nₚ. Accuracy: plain double
/// sums over practices (relative error about n·2⁻⁵³, far below a penny for England).
public enum CapitationModel {
    public static func targets(input: CapitationInput, formula: AllocationFormula) throws -> CapitationTargets {
        let count = input.practiceCount
        let registered = input.registeredPatients
        precondition(input.componentValues.count == formula.components.count, "CapitationModel: one value array per component")
        precondition((input.unmetNeedValues != nil) == (formula.unmetNeed != nil), "CapitationModel: unmet-need values exactly when the formula has them")
        guard count > 0 else {
            throw DataError(.badData, at: formula.location, "no practices to allocate to")
        }
        var totalRegistered = 0.0
        var totalBase = 0.0
        for index in 0..<count {
            let patients = registered[index]
            let base = input.basePopulation[index]
            guard patients.isFinite && patients >= 0 else {
                throw DataError(.badData, at: input.location(ofPractice: index), "registered patients: expected a number >= 0, found \(patients)")
            }
            guard base.isFinite && base >= 0 else {
                throw DataError(.badData, at: input.location(ofPractice: index), "weighted population: expected a number >= 0, found \(base)")
            }
            if patients == 0 && base > 0 {
                throw DataError(.badData, at: input.location(ofPractice: index),
                                "practice \(input.practiceCodes[index]) has a weighted population of \(Table.formatNumber(base)) but no registered patients")
            }
            totalRegistered += patients
            totalBase += base
        }
        guard totalRegistered > 0 else {
            throw DataError(.badData, at: formula.location, "no practice has registered patients, so there is nothing to allocate by")
        }
        guard totalBase > 0 else {
            throw DataError(.badData, at: weightsLocation(formula),
                            "every practice's weighted population is zero (the weights of all the bands in the lists are zero)")
        }
        let baseScale = totalRegistered / totalBase
        var ageSexIndex = [Double?](repeating: nil, count: count)
        var weighted = [Double](repeating: 0, count: count)
        for index in 0..<count where registered[index] > 0 {
            ageSexIndex[index] = input.basePopulation[index] / registered[index] * baseScale
            weighted[index] = input.basePopulation[index] * baseScale
        }
        var componentIndices: [[Double?]] = []
        for (position, component) in formula.components.enumerated() {
            let indices = try normalisedIndex(values: input.componentValues[position], component: component, input: input, totalRegistered: totalRegistered)
            for index in 0..<count { if let value = indices[index] { weighted[index] *= value } }
            componentIndices.append(indices)
        }
        let totalWeighted = weighted.reduce(0, +)
        guard totalWeighted > 0 else {
            throw DataError(.badData, at: weightsLocation(formula), "every practice's weighted population is zero")
        }
        var shares = weighted.map { $0 / totalWeighted }
        var unmetNeedIndex: [Double?]?
        if let unmet = formula.unmetNeed, let values = input.unmetNeedValues {
            let indices = try normalisedIndex(values: values, component: unmet.index, input: input, totalRegistered: totalRegistered)
            var basisTimesIndex = [Double](repeating: 0, count: count)
            for index in 0..<count {
                guard let value = indices[index] else { continue }
                let basis = unmet.basis == .weightedPopulation ? weighted[index] : registered[index]
                basisTimesIndex[index] = basis * value
            }
            let total = basisTimesIndex.reduce(0, +)
            for index in 0..<count {
                shares[index] = (1 - unmet.share) * shares[index] + unmet.share * basisTimesIndex[index] / total
            }
            unmetNeedIndex = indices
        }
        let normalisation = totalRegistered / totalWeighted
        var needIndex = [Double?](repeating: nil, count: count)
        var unmetFactor = [Double?](repeating: nil, count: count)
        for index in 0..<count where registered[index] > 0 {
            let need = shares[index] * totalRegistered / registered[index]
            needIndex[index] = need
            let main = weighted[index] / registered[index] * normalisation
            unmetFactor[index] = main > 0 ? need / main : nil
        }
        return CapitationTargets(
            ageSexIndex: ageSexIndex, componentIndices: componentIndices, unmetNeedIndex: unmetNeedIndex,
            weightedPopulation: weighted, targetShare: shares, needIndex: needIndex, normalisation: normalisation,
            unmetNeedFactor: unmetFactor, totalRegistered: totalRegistered)
    }

    /// Iₚ = rₚ / (Σ nᵢrᵢ / Σ nᵢ) with rₚ from the component's form (see `IndexForm`).
    static func normalisedIndex(values: [Double], component: IndexComponent, input: CapitationInput, totalRegistered: Double) throws -> [Double?] {
        let count = input.practiceCount
        let registered = input.registeredPatients
        let place = component.location ?? SourceLocation(file: "formula")
        for index in 0..<count where registered[index] > 0 && !values[index].isFinite {
            throw DataError(.badData, at: input.location(ofPractice: index),
                            "\(component.name): practice \(input.practiceCodes[index]) has no value of \(component.variable)")
        }
        var mean = 0.0
        for index in 0..<count where registered[index] > 0 { mean += registered[index] * values[index] }
        mean /= totalRegistered
        var raw = [Double?](repeating: nil, count: count)
        for index in 0..<count where registered[index] > 0 {
            let value = values[index]
            let r: Double
            switch component.form {
            case .value, .table:
                r = value
            case .linear(let coefficient):
                guard mean != 0 else {
                    throw DataError(.badData, at: place, "\(component.name): the population-weighted mean of \(component.variable) is 0, and the linear form divides by it")
                }
                r = 1 + coefficient * (value - mean) / mean
            case .exponential(let coefficient):
                r = exp(coefficient * (value - mean))
            }
            guard r.isFinite && r > 0 else {
                throw DataError(.badData, at: input.location(ofPractice: index),
                                "\(component.name): practice \(input.practiceCodes[index]) gets the index \(r) from \(component.variable) = \(Table.formatNumber(value)) (form \(component.form.name)); an index must be a finite number > 0")
            }
            raw[index] = r
        }
        var rawMean = 0.0
        for index in 0..<count { if let r = raw[index] { rawMean += registered[index] * r } }
        rawMean /= totalRegistered
        return raw.map { $0.map { $0 / rawMean } }
    }

    static func weightsLocation(_ formula: AllocationFormula) -> SourceLocation {
        if case .ageSexWeights(let weights) = formula.population, let place = weights.location { return place }
        return formula.location
    }
}
