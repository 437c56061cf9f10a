import Apportionment
/// Builds a `SyntheticDataset`: structure, maps, areas, practices, attribution, lists.
///
/// Random streams (see `SyntheticRandom`): 1 structure; 10,000 + c list-size targets of
/// consortium c; 20,000 + c the map, areas and practices of consortium c; 2 the registered
/// lists; 3 market forces factors; 30,000 + i indicator i; 40,000 quality achievement.
struct SyntheticGenerator {
    let scale: SynthesisScale
    let seed: UInt64

    /// Latent deprivation offsets of the seven England regions (London, South West, South East,
    /// Midlands, East of England, North West, North East and Yorkshire), tuned so that the
    /// patient-weighted mean practice score of each region is near the real one
    /// (`EnglandCalibration.regions`).
    static let regionDeprivationOffsets: [Double] = [-0.05, -0.65, -0.8, -0.1, -0.62, 0.32, 0.3]
    /// Market forces factor of each region (higher in and around London).
    static let regionMarketForces: [Double] = [1.13, 0.985, 1.06, 0.965, 1.03, 0.97, 0.955]

    /// One consortium's plan before its map is drawn.
    struct ConsortiumPlan {
        var code: String
        var name: String
        var region: Int
        var practiceTargets: [Double]
        var areaCount: Int
        var layout: ConsortiumLayout?
    }

    /// Areas and practices of one consortium as drawn on its map.
    struct DrawnConsortium {
        var areaX: [Double] = []
        var areaY: [Double] = []
        var areaLocality: [String] = []
        var areaDeprivation: [Double] = []
        var areaPatients: [Int] = []
        var practiceX: [Double] = []
        var practiceY: [Double] = []
        var practiceLocality: [String] = []
        /// The kind of place the practice is in: a settlement's kind, or nil in the countryside.
        var practicePlace: [Settlement.Kind?] = []
        /// The six areas nearest each practice (local positions), for its kind.
        var practiceNeighbourhood: [[Int]] = []
        var practiceGroup: [Int] = []
        var flows: [GravityAttribution.Flow] = []
    }

    func generate() -> SyntheticDataset {
        var structure = SyntheticRandom(seed: seed, stream: 1)
        let (regions, plans) = scale == .consortium ? consortiumPlan() : englandPlans(&structure)

        var consortia: [SyntheticConsortium] = []
        var drawn: [DrawnConsortium] = []
        for (index, plan) in plans.enumerated() {
            consortia.append(SyntheticConsortium(code: plan.code, name: plan.name, region: plan.region))
            var random = SyntheticRandom(seed: seed, stream: 20_000 + UInt64(index))
            let layout = plan.layout ?? SyntheticLayouts.england(
                region: plan.region, areaCount: plan.areaCount,
                deprivationOffset: SyntheticGenerator.regionDeprivationOffsets[plan.region], random: &random)
            drawn.append(draw(layout: layout, targets: plan.practiceTargets, areaCount: plan.areaCount, random: &random))
        }
        return assemble(regions: regions, consortia: consortia, drawn: drawn)
    }

    // MARK: Plans

    private func consortiumPlan() -> ([SyntheticRegion], [ConsortiumPlan]) {
        var random = SyntheticRandom(seed: seed, stream: 10_000)
        let targets = (0..<40).map { _ in min(25_000, max(1_500, EnglandCalibration.listSize(atPercentile: 100 * random.nextUnit()))) }
        let plan = ConsortiumPlan(code: "X38000001", name: "NHS Exampleshire", region: 0, practiceTargets: targets, areaCount: 300,
                                  layout: SyntheticLayouts.exampleshire)
        return ([SyntheticRegion(code: "XR1", name: "Exampleshire region (synthetic)")], [plan])
    }

    private func englandPlans(_ random: inout SyntheticRandom) -> ([SyntheticRegion], [ConsortiumPlan]) {
        let calibration = EnglandCalibration.regions
        let regions = calibration.enumerated().map { SyntheticRegion(code: "XR\($0.offset + 1)", name: "\($0.element.name) (synthetic)") }
        let regionPractices = LargestRemainder.apportion(total: 6_500, weights: calibration.map { Double($0.practices) })
        var plans: [ConsortiumPlan] = []
        for (region, entry) in calibration.enumerated() {
            let minimum = 9
            let weights = (0..<entry.consortia).map { _ in random.logNormal(logMedian: 0, sigma: 0.5) }
            let sizes = LargestRemainder.apportion(total: regionPractices[region] - minimum * entry.consortia, weights: weights)
            for size in sizes {
                let number = plans.count + 1
                var targetRandom = SyntheticRandom(seed: seed, stream: 10_000 + UInt64(plans.count))
                let targets = (0..<(size + minimum)).map { _ in EnglandCalibration.listSize(atPercentile: 100 * targetRandom.nextUnit()) }
                plans.append(ConsortiumPlan(code: "X38" + SyntheticGenerator.digits(number, 6), name: "Synthetic sub-ICB \(SyntheticGenerator.digits(number, 3))",
                                            region: region, practiceTargets: targets, areaCount: 0, layout: nil))
            }
        }
        let areaCounts = LargestRemainder.apportion(total: EnglandCalibration.smallAreas, weights: plans.map { $0.practiceTargets.reduce(0, +) })
        for index in plans.indices { plans[index].areaCount = areaCounts[index] }
        return (regions, plans)
    }

    // MARK: One consortium's map

    private func draw(layout: ConsortiumLayout, targets: [Double], areaCount: Int, random: inout SyntheticRandom) -> DrawnConsortium {
        var result = DrawnConsortium()
        let settlements = layout.settlements
        // Groups: the settlements, then the countryside (index settlements.count).
        let groupCount = settlements.count + 1
        let shares = settlements.map(\.areaShare) + [layout.ruralShare]
        let groupAreas = LargestRemainder.apportion(total: areaCount, weights: shares)
        var areaGroup: [Int] = []
        var areaWeight: [Double] = []
        for group in 0..<groupCount {
            for _ in 0..<groupAreas[group] {
                var x: Double
                var y: Double
                if group < settlements.count {
                    let settlement = settlements[group]
                    x = min(layout.width, max(0, settlement.x + settlement.spread * random.normal()))
                    y = min(layout.height, max(0, settlement.y + settlement.spread * random.normal()))
                    result.areaLocality.append(settlement.locality)
                } else {
                    x = layout.width * random.nextUnit()
                    y = layout.height * random.nextUnit()
                    result.areaLocality.append(layout.ruralLocality)
                }
                let z = layout.deprivation(x: x, y: y, rural: group == settlements.count) + layout.areaNoise * random.normal()
                result.areaX.append(x)
                result.areaY.append(y)
                result.areaDeprivation.append(z)
                areaGroup.append(group)
                let isCampus = group < settlements.count && settlements[group].kind == .campus
                areaWeight.append(random.logNormal(logMedian: 0, sigma: 0.18) * (isCampus ? 1.3 : 1))
            }
        }

        // Practices: one university practice per campus with areas, the rest by areas per group.
        var practiceTargets = targets
        let campusGroups = (0..<settlements.count).filter { settlements[$0].kind == .campus && groupAreas[$0] > 0 }
        let others = (0..<groupCount).map { group -> Double in
            campusGroups.contains(group) ? 0 : Double(groupAreas[group])
        }
        let perGroup = LargestRemainder.apportion(total: targets.count - campusGroups.count, weights: others)
        var groupOfPractice: [Int] = campusGroups
        for group in 0..<groupCount { groupOfPractice += repeatElement(group, count: perGroup[group]) }
        let areasOfGroup = (0..<groupCount).map { group in areaGroup.indices.filter { areaGroup[$0] == group } }
        for (practice, group) in groupOfPractice.enumerated() {
            let members = areasOfGroup[group]
            let anchor = members[random.nextInt(below: members.count)]
            let x = min(layout.width, max(0, result.areaX[anchor] + 0.3 * random.normal()))
            let y = min(layout.height, max(0, result.areaY[anchor] + 0.3 * random.normal()))
            result.practiceX.append(x)
            result.practiceY.append(y)
            result.practiceGroup.append(group)
            let place = group < settlements.count ? settlements[group].kind : nil
            result.practicePlace.append(place)
            result.practiceLocality.append(group < settlements.count ? settlements[group].locality : layout.ruralLocality)
            result.practiceNeighbourhood.append(nearestAreas(x: x, y: y, count: 6, result: result))
            if place == .campus { practiceTargets[practice] = 15_000 + 9_000 * random.nextUnit() }
        }

        let totalPatients = Int(practiceTargets.reduce(0, +).rounded())
        result.areaPatients = LargestRemainder.apportion(total: totalPatients, weights: areaWeight)
        let campusSet = Set(campusGroups)
        result.flows = GravityAttribution.flows(
            areas: zip(result.areaX, result.areaY).map { GravityAttribution.Point(x: $0, y: $1) }, patients: result.areaPatients,
            practices: zip(result.practiceX, result.practiceY).map { GravityAttribution.Point(x: $0, y: $1) },
            targets: practiceTargets, neighbours: 8
        ) { practice, area in
            guard result.practicePlace[practice] == .campus else { return 1 }
            return campusSet.contains(areaGroup[area]) ? 25 : 0.15
        }
        return result
    }

    /// The `count` areas nearest to (x, y), nearest first.
    private func nearestAreas(x: Double, y: Double, count: Int, result: DrawnConsortium) -> [Int] {
        let distances = result.areaX.indices.map { index -> (Double, Int) in
            let dx = result.areaX[index] - x
            let dy = result.areaY[index] - y
            return (dx * dx + dy * dy, index)
        }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return distances.prefix(count).map(\.1)
    }

    /// A practice's kind from its place and the latent deprivation of the areas around it
    /// (mean above 0.75: deprived urban; below −0.5: affluent suburban).
    static func kind(place: Settlement.Kind?, localDeprivation: Double) -> PracticeKind {
        switch place {
        case nil: return .rural
        case .campus?: return .university
        case .coastalTown?: return .coastal
        case .city?, .town?:
            if localDeprivation > 0.75 { return .deprivedUrban }
            if localDeprivation < -0.5 { return .affluentSuburban }
            return place == .city ? .urban : .town
        }
    }

    // MARK: Assembly

    private func assemble(regions: [SyntheticRegion], consortia: [SyntheticConsortium], drawn: [DrawnConsortium]) -> SyntheticDataset {
        // Areas: scores, then ranks and deciles across all areas.
        var areaOffset: [Int] = []
        var latent: [Double] = []
        for map in drawn {
            areaOffset.append(latent.count)
            latent += map.areaDeprivation
        }
        // England: latent deprivation is replaced by the normal score of its rank, so that the
        // scores of the 32,844 areas follow the calibrated distribution exactly.
        let ranks: [Int]
        if scale == .england {
            ranks = SyntheticGenerator.exactRanks(latent)
            let count = Double(latent.count)
            latent = ranks.map { PortableMath.normalQuantile(1 - (Double($0) - 0.5) / count) }
        } else {
            ranks = latent.map(SyntheticGenerator.englandEquivalentRank)
        }
        let scores = latent.map(SyntheticGenerator.score)

        // Practices and attribution entries.
        var practiceOffset: [Int] = []
        var practiceCount = 0
        for map in drawn {
            practiceOffset.append(practiceCount)
            practiceCount += map.practiceX.count
        }
        var practiceIndices: [Int] = []
        var areaIndices: [Int] = []
        var flowPatients: [Int] = []
        var registered = [Int](repeating: 0, count: practiceCount)
        var weightedLatent = [Double](repeating: 0, count: practiceCount)
        var weightedScore = [Double](repeating: 0, count: practiceCount)
        var areaRegistered = [Int](repeating: 0, count: latent.count)
        for (consortium, map) in drawn.enumerated() {
            for flow in map.flows.sorted(by: { $0.practice != $1.practice ? $0.practice < $1.practice : $0.area < $1.area }) {
                let practice = practiceOffset[consortium] + flow.practice
                let area = areaOffset[consortium] + flow.area
                practiceIndices.append(practice)
                areaIndices.append(area)
                flowPatients.append(flow.patients)
                registered[practice] += flow.patients
                weightedLatent[practice] += Double(flow.patients) * latent[area]
                weightedScore[practice] += Double(flow.patients) * scores[area]
                areaRegistered[area] += flow.patients
            }
        }

        var areas: [SyntheticArea] = []
        areas.reserveCapacity(latent.count)
        var localityCounters: [String: Int] = [:]
        for (consortium, map) in drawn.enumerated() {
            for local in map.areaX.indices {
                let index = areaOffset[consortium] + local
                let locality = map.areaLocality[local]
                let number = localityCounters[locality, default: 0]
                localityCounters[locality] = number + 1
                let letter = ["A", "B", "C", "D"][number % 4]
                areas.append(SyntheticArea(
                    code: "X01" + SyntheticGenerator.digits(index + 1, 6), name: "\(locality) \(SyntheticGenerator.digits(number / 4 + 1, 3))\(letter)",
                    consortium: consortium, locality: locality, x: SyntheticGenerator.rounded(map.areaX[local], 2),
                    y: SyntheticGenerator.rounded(map.areaY[local], 2), deprivation: latent[index], imdScore: scores[index],
                    imdRank: ranks[index], imdDecile: SyntheticGenerator.decile(rank: ranks[index], of: EnglandCalibration.smallAreas),
                    registeredPatients: areaRegistered[index]))
            }
        }

        var marketForces = SyntheticRandom(seed: seed, stream: 3)
        let consortiumFactor = consortia.map { consortium -> Double in
            let base = scale == .england ? SyntheticGenerator.regionMarketForces[consortium.region] : 0.975
            return base + 0.015 * marketForces.normal()
        }
        var names = SyntheticRandom(seed: seed, stream: 4)
        var practices: [SyntheticPractice] = []
        practices.reserveCapacity(practiceCount)
        var pcnNumber = 0
        for (consortium, map) in drawn.enumerated() {
            let pcns = pcnGroups(map: map, random: &names)
            var usedNames: [String: Int] = [:]
            var pcnOfPractice = [(code: String, name: String)](repeating: ("", ""), count: map.practiceX.count)
            for members in pcns {
                pcnNumber += 1
                let locality = map.practiceLocality[members[0]]
                let count = usedNames[locality, default: 0] + 1
                usedNames[locality] = count
                let name = count == 1 ? "\(locality) PCN" : "\(locality) PCN \(count)"
                for member in members { pcnOfPractice[member] = ("XN" + SyntheticGenerator.digits(pcnNumber, 4), name) }
            }
            for local in map.practiceX.indices {
                let index = practiceOffset[consortium] + local
                let neighbourhood = map.practiceNeighbourhood[local]
                let localDeprivation = neighbourhood.reduce(0) { $0 + latent[areaOffset[consortium] + $1] } / Double(neighbourhood.count)
                let kind = SyntheticGenerator.kind(place: map.practicePlace[local], localDeprivation: localDeprivation)
                let patients = registered[index]
                let name = kind == .university
                    ? "\(map.practiceLocality[local]) University Health Service"
                    : SyntheticGenerator.practiceName(&names)
                practices.append(SyntheticPractice(
                    code: "X" + SyntheticGenerator.digits(index + 1, 5), name: name, consortium: consortium,
                    pcnCode: pcnOfPractice[local].code, pcnName: pcnOfPractice[local].name, locality: map.practiceLocality[local],
                    kind: kind, rurality: kind == .rural ? "Rural" : "Urban", dispensing: kind == .rural && names.nextUnit() < 0.6,
                    marketForcesFactor: SyntheticGenerator.rounded(consortiumFactor[consortium] + 0.004 * marketForces.normal(), 4),
                    x: SyntheticGenerator.rounded(map.practiceX[local], 2), y: SyntheticGenerator.rounded(map.practiceY[local], 2),
                    deprivation: patients > 0 ? weightedLatent[index] / Double(patients) : 0,
                    imdScore: patients > 0 ? SyntheticGenerator.rounded(weightedScore[index] / Double(patients), 4) : 0,
                    registeredPatients: patients))
            }
        }

        let lists = registeredLists(practices: practices)
        let attribution = Attribution(practiceCodes: practices.map(\.code), lsoaCodes: areas.map(\.code),
                                      practiceIndices: practiceIndices, areaIndices: areaIndices, patients: flowPatients)
        let indicators = scale == .england ? SyntheticIndicator.england : SyntheticIndicator.named
        return SyntheticDataset(scale: scale, seed: seed, regions: regions, consortia: consortia, practices: practices, areas: areas,
                                lists: lists, attribution: attribution, indicators: indicators, measures: SyntheticMeasure.catalogue)
    }

    /// Groups a consortium's practices into PCNs of neighbouring practices: ordered by group
    /// (settlement or countryside) and by direction from the group's mean position, then cut into
    /// round(practices / 5.24) runs (the real mean practices per PCN) whose sizes are drawn from the
    /// real distribution of practices per PCN and scaled to the consortium by largest remainder.
    private func pcnGroups(map: DrawnConsortium, random: inout SyntheticRandom) -> [[Int]] {
        let groups = Set(map.practiceGroup).sorted()
        var ordered: [Int] = []
        for group in groups {
            let members = map.practiceGroup.indices.filter { map.practiceGroup[$0] == group }
            let centreX = members.reduce(0) { $0 + map.practiceX[$1] } / Double(members.count)
            let centreY = members.reduce(0) { $0 + map.practiceY[$1] } / Double(members.count)
            let direction = members.map { member -> (Double, Int) in
                (SyntheticGenerator.pseudoAngle(dx: map.practiceX[member] - centreX, dy: map.practiceY[member] - centreY), member)
            }
            ordered += direction.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1)
        }
        let counts = EnglandCalibration.pcnSizeCounts.map(Double.init)
        let total = counts.reduce(0, +)
        let pcnCount = max(1, Int((Double(ordered.count) / EnglandCalibration.practicesPerPCN).rounded()))
        let drawnSizes = (0..<pcnCount).map { _ -> Double in
            var pick = random.nextUnit() * total
            var sizeIndex = 0
            while sizeIndex < counts.count - 1 && pick >= counts[sizeIndex] {
                pick -= counts[sizeIndex]
                sizeIndex += 1
            }
            return sizeIndex == counts.count - 1 ? Double(13 + random.nextInt(below: 6)) : Double(sizeIndex + 1)
        }
        var sizes = LargestRemainder.apportion(total: ordered.count, weights: drawnSizes)
        sizes = sizes.filter { $0 > 0 }
        var result: [[Int]] = []
        var start = 0
        for size in sizes {
            result.append(Array(ordered[start..<(start + size)]))
            start += size
        }
        return result
    }

    /// Registered lists by sex and nineteen bands: England's shares × the practice kind's
    /// multipliers × exp(0.08 z (+1 under 15, +0.5 at 20–34, −1 at 65+)) × exp(0.06 ε_b) ×
    /// exp(0.1 η (b − 9)/9), male share of each band ± 0.01 ε, apportioned to the practice's
    /// registered total by largest remainder.
    private func registeredLists(practices: [SyntheticPractice]) -> RegisteredLists {
        var random = SyntheticRandom(seed: seed, stream: 2)
        let base = RegisteredPopulationProfile.bandPercentages
        let maleShares = RegisteredPopulationProfile.maleShares
        let youth: [Double] = [1, 1, 1, 0, 0.5, 0.5, 0.5, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, -1, -1]
        var counts: [Int] = []
        counts.reserveCapacity(practices.count * 38)
        for practice in practices {
            let multipliers = practice.kind.bandMultipliers
            let shift = 0.1 * random.normal()
            var weights = [Double](repeating: 0, count: 38)
            for band in 0..<19 {
                let tilt = 0.08 * practice.deprivation * youth[band] + 0.06 * random.normal() + shift * Double(band - 9) / 9
                let share = base[band] * multipliers[band] * PortableMath.exp(tilt)
                let male = min(0.75, max(0.25, maleShares[band] + 0.01 * random.normal()))
                weights[band] = share * male
                weights[19 + band] = share * (1 - male)
            }
            counts += LargestRemainder.apportion(total: practice.registeredPatients, weights: weights)
        }
        return RegisteredLists(bands: .nineteenBands, practiceCodes: practices.map(\.code), counts: counts)
    }

    // MARK: Small helpers

    /// The IMD-like score of latent deprivation z (see `SyntheticArea.imdScore`).
    static func score(_ z: Double) -> Double {
        var score = 17.4 * PortableMath.exp(0.741 * z)
        if score > 60 { score = 60 + 35 * (1 - PortableMath.exp(-(score - 60) / 35)) }
        return rounded(score, 3)
    }

    /// Ranks 1…n by descending value (1 = most deprived), ties in area order.
    static func exactRanks(_ scores: [Double]) -> [Int] {
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var ranks = [Int](repeating: 0, count: scores.count)
        for (position, index) in order.enumerated() { ranks[index] = position + 1 }
        return ranks
    }

    /// 1 + ⌊Φ(−z) · 32,844⌋, at most 32,844: where an area of latent deprivation z would rank in England.
    static func englandEquivalentRank(_ z: Double) -> Int {
        min(EnglandCalibration.smallAreas, 1 + Int((PortableMath.normalDistribution(-z) * Double(EnglandCalibration.smallAreas)).rounded(.down)))
    }

    /// The decile d with ⌊n(d−1)/10⌋ < rank ≤ ⌊n·d/10⌋.
    static func decile(rank: Int, of n: Int) -> Int {
        (1...10).first { rank <= n * $0 / 10 } ?? 10
    }

    /// A number rounded half away from zero to `places` decimals.
    static func rounded(_ value: Double, _ places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// `number` with leading zeros to `width` digits.
    static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// A monotone stand-in for the angle of (dx, dy) in [0, 4), from ratios only.
    static func pseudoAngle(dx: Double, dy: Double) -> Double {
        let sum = abs(dx) + abs(dy)
        if sum == 0 { return 0 }
        let p = dy / sum
        return dx >= 0 ? (p >= 0 ? p : 4 + p) : 2 - p
    }

    static let nameStarts = [
        "Abbey", "Beacon", "Brook", "Castle", "Church", "Harbour", "Hill", "Meadow", "Mill", "Park", "Priory", "Quay", "River",
        "Station", "Valley", "Willow", "Orchard", "Market", "Bridge", "Elm", "Cedar", "Forest", "Heath", "Lake", "Moor", "Oak",
        "Rose", "Spring", "Stone", "Vale", "Kingsway", "Northgate",
    ]
    static let nameEnds = ["Surgery", "Medical Centre", "Health Centre", "Medical Practice", "Family Practice", "Group Practice"]

    static func practiceName(_ random: inout SyntheticRandom) -> String {
        nameStarts[random.nextInt(below: nameStarts.count)] + " " + nameEnds[random.nextInt(below: nameEnds.count)]
    }
}
