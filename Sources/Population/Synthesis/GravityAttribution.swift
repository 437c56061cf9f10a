import Apportionment
/// Splits each small area's registered patients among nearby practices with a doubly
/// constrained gravity model (Wilson, *Entropy in urban and regional modelling*, 1970; fitted by
/// iterative proportional fitting, Furness's method):
///
///   Fₚₐ = Aₚ · Bₐ · fₚₐ,  fₚₐ = exp(−dₚₐ / sₐ) · affinityₚₐ,
///
/// over the `neighbours` nearest practices of each area, with sₐ 0.6 × the mean distance from the
/// area to its three nearest practices (at least 0.3 km), so that people register nearby in dense
/// towns and travel further in the countryside. Bₐ makes each area's flows sum to its patients
/// Rₐ; Aₚ pulls each practice's total towards its target list size tₚ. After the iterations the
/// flows of each area are rounded to whole patients by largest remainder, so area totals are
/// exact and practice totals close to their targets.
struct GravityAttribution {
    struct Point {
        var x: Double
        var y: Double
    }

    /// One practice–area flow in whole patients.
    struct Flow {
        var practice: Int
        var area: Int
        var patients: Int
    }

    /// `affinity(practice, area)` multiplies the distance decay (student areas and the
    /// university practice attract each other).
    static func flows(areas: [Point], patients: [Int], practices: [Point], targets: [Double], neighbours: Int,
                      iterations: Int = 40, affinity: (Int, Int) -> Double) -> [Flow] {
        let k = min(neighbours, practices.count)
        var candidates = [Int](repeating: 0, count: areas.count * k)
        var decay = [Double](repeating: 0, count: areas.count * k)
        var order = Array(0..<practices.count)
        var distances = [Double](repeating: 0, count: practices.count)
        for (areaIndex, area) in areas.enumerated() {
            for (practiceIndex, practice) in practices.enumerated() {
                let dx = practice.x - area.x
                let dy = practice.y - area.y
                distances[practiceIndex] = dx * dx + dy * dy
            }
            order.sort { distances[$0] != distances[$1] ? distances[$0] < distances[$1] : $0 < $1 }
            let nearestThree = order.prefix(3).map { distances[$0].squareRoot() }
            let scale = max(0.3, 0.6 * nearestThree.reduce(0, +) / Double(nearestThree.count))
            for slot in 0..<k {
                let practice = order[slot]
                candidates[areaIndex * k + slot] = practice
                decay[areaIndex * k + slot] = PortableMath.exp(-distances[practice].squareRoot() / scale) * affinity(practice, areaIndex)
            }
        }
        var practiceFactor = [Double](repeating: 1, count: practices.count)
        var areaFactor = [Double](repeating: 1, count: areas.count)
        for iteration in 0...iterations {
            if iteration > 0 {
                var received = [Double](repeating: 0, count: practices.count)
                for area in 0..<areas.count {
                    for slot in 0..<k {
                        received[candidates[area * k + slot]] += areaFactor[area] * decay[area * k + slot]
                    }
                }
                for practice in 0..<practices.count where received[practice] > 0 {
                    practiceFactor[practice] = targets[practice] / received[practice]
                }
            }
            for area in 0..<areas.count {
                var sum = 0.0
                for slot in 0..<k { sum += practiceFactor[candidates[area * k + slot]] * decay[area * k + slot] }
                areaFactor[area] = sum > 0 ? Double(patients[area]) / sum : 0
            }
        }
        var flows: [Flow] = []
        flows.reserveCapacity(areas.count * k)
        for area in 0..<areas.count where patients[area] > 0 {
            var weights = (0..<k).map { practiceFactor[candidates[area * k + $0]] * decay[area * k + $0] }
            if !weights.contains(where: { $0 > 0 }) { weights = Array(repeating: 1, count: k) }
            let parts = LargestRemainder.apportion(total: patients[area], weights: weights)
            for slot in 0..<k where parts[slot] > 0 {
                flows.append(Flow(practice: candidates[area * k + slot], area: area, patients: parts[slot]))
            }
        }
        return flows
    }
}
