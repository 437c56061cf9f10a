import Population
import Statistics
import Tables

/// Finishing the statistics that combine a group's rows by age band: DSR, indirect
/// standardisation, life expectancy.
extension IndicatorComputation {
    /// A group's counts and populations summed into the bands of a scheme, with the first line of
    /// each band's rows, or the reason a band is not covered.
    struct CollapsedBands {
        var counts: [Double]
        var populations: [Double]
        var firstLines: [Int]
        var missing: String?

        init(bandCount: Int) {
            counts = [Double](repeating: 0, count: bandCount)
            populations = [Double](repeating: 0, count: bandCount)
            firstLines = [Int](repeating: 0, count: bandCount)
        }

        mutating func reset() {
            for index in counts.indices {
                counts[index] = 0
                populations[index] = 0
                firstLines[index] = 0
            }
            missing = nil
        }
    }

    /// The strata falling in each band of the scheme.
    func strataByTarget(bandCount: Int) -> [[Int]] {
        var byTarget = [[Int]](repeating: [], count: bandCount)
        for (index, stratum) in strata.strata.enumerated() where stratum.target >= 0 {
            byTarget[stratum.target].append(index)
        }
        return byTarget
    }

    /// Sums a group's cells into the scheme's bands (into `collapsed`, reused from group to
    /// group). For each band wanted, the rows present must tile it exactly (for each sex present in
    /// the group, when sex is part of the strata): a gap is reported as `missing`; an overlap is an
    /// error.
    func collapse(group: Int, scheme: AgeBandScheme, strataByTarget: [[Int]], wanted: (Int) -> Bool,
                  setup: Setup, into collapsed: inout CollapsedBands) throws {
        let bandCount = scheme.count
        collapsed.reset()
        var groupSexes: [String]?
        for target in 0..<bandCount where wanted(target) {
            let candidates = strataByTarget[target]
            let schemeBand = scheme.bands[target]
            if candidates.count == 1 && strata.strata[candidates[0]].band == schemeBand && !setup.sexInStratum {
                let cell = cells.cell(group: group, stratum: candidates[0])
                if cell.line == 0 {
                    if collapsed.missing == nil { collapsed.missing = "no row for age band \(AgeBandLabels.describe(schemeBand))" }
                    continue
                }
                collapsed.counts[target] = cell.count
                collapsed.populations[target] = cell.population
                collapsed.firstLines[target] = cell.line
                continue
            }
            let present = candidates.filter { cells.cell(group: group, stratum: $0).line != 0 }
            if setup.sexInStratum && groupSexes == nil {
                var sexes: [String] = []
                for (index, stratum) in strata.strata.enumerated()
                where cells.cell(group: group, stratum: index).line != 0 && !sexes.contains(stratum.sex) {
                    sexes.append(stratum.sex)
                }
                groupSexes = sexes
            }
            for sex in groupSexes ?? [""] {
                let tiles = present.filter { strata.strata[$0].sex == sex }.sorted { strata.strata[$0].band < strata.strata[$1].band }
                if let gap = try uncovered(schemeBand, by: tiles, group: group), collapsed.missing == nil {
                    collapsed.missing = gap + (sex.isEmpty ? "" : " for sex \(sex)")
                }
            }
            for stratum in present {
                let cell = cells.cell(group: group, stratum: stratum)
                collapsed.counts[target] += cell.count
                collapsed.populations[target] += cell.population
                if collapsed.firstLines[target] == 0 || cell.line < collapsed.firstLines[target] { collapsed.firstLines[target] = cell.line }
            }
        }
    }

    /// Where the sorted bands `tiles` fail to cover `band` (nil when they cover it exactly);
    /// overlapping tiles are an error at the later row.
    private func uncovered(_ band: AgeBand, by tiles: [Int], group: Int) throws -> String? {
        var nextAge: Int? = band.lowerAge
        var previous: Int?
        for stratum in tiles {
            let tile = strata.strata[stratum].band
            guard let start = nextAge, tile.lowerAge >= start else {
                let earlier = previous.map { AgeBandLabels.describe(strata.strata[$0].band) } ?? ""
                var location = strata.strata[stratum].firstSeen
                location.line = cells.cell(group: group, stratum: stratum).line
                throw DataError(.badData, at: location,
                                "the age band \(AgeBandLabels.describe(tile)) overlaps \(earlier) in \(describe(group: group))")
            }
            if tile.lowerAge > start {
                return "no row for ages \(AgeBandLabels.describe(AgeBand(lowerAge: start, upperAge: tile.lowerAge - 1)))" +
                    (AgeBand(lowerAge: start, upperAge: tile.lowerAge - 1) == band ? "" : " of band \(AgeBandLabels.describe(band))")
            }
            nextAge = tile.upperAge.map { $0 + 1 }
            previous = stratum
        }
        guard let start = nextAge else { return nil }
        if let upper = band.upperAge, start > upper { return nil }
        let gap = AgeBand(lowerAge: start, upperAge: band.upperAge)
        return gap == band ? "no row for age band \(AgeBandLabels.describe(band))"
            : "no row for ages \(AgeBandLabels.describe(gap)) of band \(AgeBandLabels.describe(band))"
    }

    /// DSRs, each over the run of the standard's bands its group's rows cover (all 19 for an
    /// all-ages indicator, 0-4 … 70-74 for deaths under 75), as PHEindicatormethods'
    /// `calculate_dsr` standardises each group over its own bands. So that no band is dropped
    /// silently: a band missing inside the run is an error, and the groups compared with one another
    /// (sharing every grouping value but `org_code`) must all cover the same run.
    func directlyStandardisedRates(setup: Setup, into store: inout IndicatorResultStore) throws {
        let standard = request.standard
        let byTarget = strataByTarget(bandCount: standard.bands.count)
        let comparedBy = setup.grouping.indices.filter { setup.grouping[$0] != .orgCode }
        var runs: [[String]: (first: Int, last: Int, group: Int)] = [:]
        var collapsed = CollapsedBands(bandCount: standard.bands.count)
        func describeRun(_ first: Int, _ last: Int) -> String {
            first == last ? AgeBandLabels.describe(standard.bands.bands[first])
                : "\(AgeBandLabels.describe(standard.bands.bands[first])) to \(AgeBandLabels.describe(standard.bands.bands[last]))"
        }
        for group in 0..<groups.count {
            var first = Int.max
            var last = -1
            for (stratum, description) in strata.strata.enumerated() where cells.cell(group: group, stratum: stratum).line != 0 {
                first = min(first, description.target)
                last = max(last, description.target)
            }
            let values = groups.values(of: group)
            let key = comparedBy.map { values[values.startIndex + $0] }
            if let run = runs[key] {
                if run.first != first || run.last != last {
                    throw groupError(setup, group: group,
                                     "the rows cover age bands \(describeRun(first, last)), but those of \(describe(group: run.group)) cover \(describeRun(run.first, run.last)); the DSRs of one indicator need the same bands")
                }
            } else {
                runs[key] = (first, last, group)
            }
            try collapse(group: group, scheme: standard.bands, strataByTarget: byTarget,
                         wanted: { $0 >= first && $0 <= last && standard.weights[$0] > 0 }, setup: setup, into: &collapsed)
            if let missing = collapsed.missing {
                throw groupError(setup, group: group,
                                 "\(missing) (the rows cover age bands \(describeRun(first, last)) of the standard population, \(standard.name))")
            }
            var sums = DobsonSums()
            for target in first...last where standard.weights[target] > 0 {
                if collapsed.populations[target] <= 0 {
                    var location = setup.denominatorLocation
                    location.line = collapsed.firstLines[target]
                    throw DataError(.badData, at: location,
                                    "expected a population > 0 in age band \(AgeBandLabels.describe(standard.bands.bands[target])) for a directly standardised rate, found 0 (\(describe(group: group)))")
                }
                sums.add(count: collapsed.counts[target], population: collapsed.populations[target], weight: standard.weights[target])
            }
            if sums.totalWeight == 0 {
                throw groupError(setup, group: group, "the standard population (\(standard.name)) gives no weight to age bands \(describeRun(first, last))")
            }
            let rate = DirectlyStandardisedRate.dobson(sums, confidence: request.confidence, multiplier: request.multiplier)
            keep(group: group, measures: [rate.totalCount, rate.totalPopulation], count: rate.totalCount,
                 estimate: rate.estimate, in: &store)
        }
    }

    func lifeExpectancies(setup: Setup, into store: inout IndicatorResultStore) throws {
        let scheme = LifeExpectancy.bands
        let byTarget = strataByTarget(bandCount: scheme.count)
        var collapsed = CollapsedBands(bandCount: scheme.count)
        for group in 0..<groups.count {
            try collapse(group: group, scheme: scheme, strataByTarget: byTarget, wanted: { _ in true }, setup: setup, into: &collapsed)
            let estimates: [LifeExpectancyEstimate]
            if let missing = collapsed.missing {
                estimates = request.ages.map { age in
                    let index = LifeExpectancy.ages.firstIndex(of: age)!
                    let empty = IndicatorEstimate(value: nil, limits: request.confidence.map { ConfidenceLimits(level: $0, lower: nil, upper: nil) },
                                                  method: LifeExpectancy.method, suppression: missing)
                    return LifeExpectancyEstimate(age: age, populationUsed: collapsed.populations[index...].reduce(0, +),
                                                  deathsUsed: collapsed.counts[index...].reduce(0, +), estimate: empty)
                }
            } else {
                estimates = LifeExpectancy.abridged(deaths: collapsed.counts, populations: collapsed.populations,
                                                    ages: request.ages, confidence: request.confidence)
            }
            for estimate in estimates {
                keep(group: group, measures: [Double(estimate.age), estimate.populationUsed, estimate.deathsUsed],
                                      count: estimate.deathsUsed, estimate: estimate.estimate, age: estimate.age, in: &store)
            }
        }
    }

    func indirectlyStandardised(setup: Setup, into store: inout IndicatorResultStore) throws {
        let strataCount = strata.count
        // Reference rate per stratum and the reference crude rate, for each group.
        var rateOf: (Int) throws -> (rates: [Double?], crude: Double?)
        if let reference = request.reference {
            let keyIndices = reference.keyColumns.map { setup.grouping.firstIndex(of: $0)! }
            let sexIndex = reference.isBySex ? setup.grouping.firstIndex(of: .sex) : nil
            var cache: [[String]: (rates: [Double?], crude: Double?)] = [:]
            rateOf = { group in
                let values = Array(self.groups.values(of: group))
                let key = keyIndices.map { values[$0] }
                let groupSex = sexIndex.map { values[$0] }
                let cacheKey = key + [groupSex ?? ""]
                if let known = cache[cacheKey] { return known }
                guard let entries = reference.entries(for: key) else {
                    throw self.groupError(setup, group: group, "no reference rates in \(reference.source) for \(zip(reference.keyColumns, key).map { "\($0.name) \(DataError.quoted($1))" }.joined(separator: ", "))")
                }
                var rates = [Double?](repeating: nil, count: strataCount)
                for (index, stratum) in self.strata.strata.enumerated() {
                    let sex = reference.isBySex ? (groupSex ?? stratum.sex) : ""
                    rates[index] = ReferenceRates.entry(in: entries, containing: stratum.band, sex: sex)?.rate
                }
                let crude = ReferenceRates.crudeRate(of: entries, sex: groupSex)
                cache[cacheKey] = (rates, crude)
                return (rates, crude)
            }
        } else {
            // The input's own totals, over the groups sharing every grouping value but org_code.
            let keyIndices = setup.grouping.indices.filter { setup.grouping[$0] != .orgCode }
            var setOfGroup = [Int](repeating: 0, count: groups.count)
            var setIndex: [[String]: Int] = [:]
            var setCounts: [Double] = []
            var setPopulations: [Double] = []
            for group in 0..<groups.count {
                let values = Array(groups.values(of: group))
                let key = keyIndices.map { values[$0] }
                let set: Int
                if let known = setIndex[key] {
                    set = known
                } else {
                    set = setIndex.count
                    setIndex[key] = set
                    setCounts.append(contentsOf: repeatElement(0, count: strataCount))
                    setPopulations.append(contentsOf: repeatElement(0, count: strataCount))
                }
                setOfGroup[group] = set
                for stratum in 0..<strataCount {
                    let cell = cells.cell(group: group, stratum: stratum)
                    setCounts[set * strataCount + stratum] += cell.count
                    setPopulations[set * strataCount + stratum] += cell.population
                }
            }
            var setRates: [(rates: [Double?], crude: Double?)] = []
            for set in 0..<setIndex.count {
                let range = (set * strataCount)..<((set + 1) * strataCount)
                let rates: [Double?] = range.map { setPopulations[$0] > 0 ? setCounts[$0] / setPopulations[$0] : 0 }
                let population = setPopulations[range].reduce(0, +)
                setRates.append((rates, population > 0 ? setCounts[range].reduce(0, +) / population : nil))
            }
            rateOf = { group in setRates[setOfGroup[group]] }
        }
        for group in 0..<groups.count {
            let reference = try rateOf(group)
            var observed = 0.0
            var expected = 0.0
            for stratum in 0..<strataCount {
                let cell = cells.cell(group: group, stratum: stratum)
                guard cell.line != 0 else { continue }
                guard let rate = reference.rates[stratum] else {
                    var location = strata.strata[stratum].firstSeen
                    location.line = cell.line
                    let sex = strata.strata[stratum].sex.isEmpty ? "" : " and sex \(strata.strata[stratum].sex)"
                    throw DataError(.badData, at: location,
                                    "no reference rate for age band \(DataError.quoted(strata.strata[stratum].label))\(sex) in \(request.reference?.source ?? "the reference") (\(describe(group: group)))")
                }
                observed += cell.count
                expected += cell.population * rate
            }
            let estimate: IndicatorEstimate
            var measures: [Double?] = [observed, expected]
            if request.statistic == .isratio {
                estimate = IndirectStandardisation.ratio(observed: observed, expected: expected, confidence: request.confidence,
                                                         multiplier: request.multiplier, method: request.limitMethod)
            } else {
                guard let crude = reference.crude else {
                    throw groupError(setup, group: group, "the reference population is zero, so there is no reference crude rate")
                }
                measures.append(crude * request.multiplier)
                estimate = IndirectStandardisation.rate(observed: observed, expected: expected, referenceRate: crude,
                                                        confidence: request.confidence, multiplier: request.multiplier,
                                                        method: request.limitMethod)
            }
            keep(group: group, measures: measures, count: observed, estimate: estimate, in: &store)
        }
    }
}
