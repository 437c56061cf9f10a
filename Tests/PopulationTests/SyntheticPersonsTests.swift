import Testing
@testable import Population

/// Solves the normal equations XᵀX b = Xᵀy by Cholesky factorisation (XᵀX = LLᵀ), enough for
/// a 26-column design.
private func leastSquares(_ rows: [[Double]], _ outcome: [Double]) -> [Double] {
    let width = rows[0].count
    var gram = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
    var moment = [Double](repeating: 0, count: width)
    for (row, y) in zip(rows, outcome) {
        for i in 0..<width where row[i] != 0 {
            moment[i] += row[i] * y
            for j in 0...i { gram[i][j] += row[i] * row[j] }
        }
    }
    var lower = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
    for i in 0..<width {
        for j in 0...i {
            var sum = gram[i][j]
            for k in 0..<j { sum -= lower[i][k] * lower[j][k] }
            lower[i][j] = i == j ? sum.squareRoot() : sum / lower[j][j]
        }
    }
    var z = [Double](repeating: 0, count: width)
    for i in 0..<width {
        var sum = moment[i]
        for k in 0..<i { sum -= lower[i][k] * z[k] }
        z[i] = sum / lower[i][i]
    }
    var b = [Double](repeating: 0, count: width)
    for i in stride(from: width - 1, through: 0, by: -1) {
        var sum = z[i]
        for k in (i + 1)..<width { sum -= lower[k][i] * b[k] }
        b[i] = sum / lower[i][i]
    }
    return b
}

@Test func personsFollowTheirTrueCostModel() {
    let dataset = SyntheticDataset.generate(scale: .consortium, seed: 1)
    var rows: [[Double]] = []
    var costs: [Double] = []
    var pairs = Set<Int>()
    for entry in 0..<dataset.attribution.count {
        pairs.insert(dataset.attribution.practiceIndices[entry] << 32 | dataset.attribution.areaIndices[entry])
    }
    var outsideAttribution = 0
    dataset.forEachPerson(count: 100_000) { person in
        // Design: intercept, bands 5-9 … 90+ (0-4 is the reference), female, five conditions, area score.
        var row = [Double](repeating: 0, count: 26)
        row[0] = 1
        if person.band > 0 { row[person.band] = 1 }
        row[19] = person.sex == .female ? 1 : 0
        for k in 0..<5 { row[20 + k] = person.conditions[k] ? 1 : 0 }
        row[25] = dataset.areas[person.area].imdScore
        rows.append(row)
        costs.append(person.cost)
        if !pairs.contains(person.practice << 32 | person.area) { outsideAttribution += 1 }
        #expect(AgeBandScheme.nineteenBands.bands[person.band].contains(age: person.age))
    }
    #expect(outsideAttribution == 0)
    let fit = leastSquares(rows, costs)
    // Truth (SyntheticPersonModel): baseline 0-4 = 120 + 260 = 380; 90+ − 0-4 = 1,400 − 260 = 1,140;
    // female 45; conditions 650, 240, 900, 180, 380; 6 per IMD point. OLS is unbiased because
    // E[cost | x] is linear; with 100,000 persons the standard errors are about 1–2% of the large
    // coefficients (pandas/statsmodels on 300,000 persons gave 646, 246, 918, 170, 389 and 6.0).
    #expect(abs(fit[0] - 380) < 40)
    #expect(abs(fit[18] - 1_140) < 100)
    #expect(abs(fit[19] - 45) < 15)
    for (k, truth) in [650.0, 240, 900, 180, 380].enumerated() {
        #expect(abs(fit[20 + k] / truth - 1) < 0.12, "condition \(k): \(fit[20 + k])")
    }
    #expect(abs(fit[25] / 6 - 1) < 0.15)
}

@Test func personsAreReproducible() {
    let dataset = SyntheticDataset.generate(scale: .consortium, seed: 4)
    var first: [Double] = []
    dataset.forEachPerson(count: 500) { first.append($0.cost + Double($0.practice) + Double($0.area)) }
    var second: [Double] = []
    dataset.forEachPerson(count: 500) { second.append($0.cost + Double($0.practice) + Double($0.area)) }
    #expect(first == second && first.count == 500)
    var none = 0
    dataset.forEachPerson(count: 0) { _ in none += 1 }
    #expect(none == 0)
}
