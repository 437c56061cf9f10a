import Testing
import Tables
@testable import Population

/// Percentile by linear interpolation between order statistics (numpy's default): with sorted
/// values x₀…xₙ₋₁, h = (n − 1)·p/100, x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
private func percentile(_ sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p / 100
    let low = Int(h.rounded(.down))
    if low + 1 >= sorted.count { return sorted[sorted.count - 1] }
    return sorted[low] + (h - Double(low)) * (sorted[low + 1] - sorted[low])
}

private func rounded(_ value: Double, _ places: Double) -> Double {
    var scale = 1.0
    for _ in 0..<Int(places) { scale *= 10 }
    return (value * scale).rounded() / scale
}

// Every constant of EnglandCalibration is recomputed here from the real files with the engine's
// readers, so the generator's calibration cannot drift from the data it claims to follow (the same
// figures with pandas: Reference/real_files_reference.py).

@Test func listSizeCalibrationIsTheRealDistribution() throws {
    let frame = try GeneralPracticePayments.read(path: RealFiles.payments).frame
    let sizes = frame.attribute("registered_patients")!.filter { $0 > 0 }.sorted()
    #expect(sizes.count == 6_463)
    for point in EnglandCalibration.listSizePercentiles where point.percentile > 0 {
        // Rounded to whole patients (the maximum, 109,484.5, is a half).
        #expect(abs(percentile(sizes, point.percentile) - point.patients) <= 0.5, "percentile \(point.percentile)")
    }
    #expect(EnglandCalibration.practices == frame.count && EnglandCalibration.pcns == frame.pcnCodes.count)
    #expect(EnglandCalibration.consortia == frame.consortiumCodes.count)
    #expect(Int(frame.attribute("registered_patients")!.reduce(0, +).rounded()) == EnglandCalibration.registeredPatients)
}

@Test func regionAndPCNCalibrationIsTheRealStructure() throws {
    let frame = try GeneralPracticePayments.read(path: RealFiles.payments).frame
    let deprivation = try FingertipsExport.read(path: RealFiles.practiceDeprivation)
    var score: [String: Double] = [:]
    for row in deprivation.rows where row.timePeriod == "2019" { score[row.areaCode] = row.value }
    let regionCodes = frame.regionCodes.sorted()
    #expect(regionCodes == ["Y56", "Y58", "Y59", "Y60", "Y61", "Y62", "Y63"])
    for (index, code) in regionCodes.enumerated() {
        let members = frame.practices.filter { $0.regionCode == code }
        let expected = EnglandCalibration.regions[index]
        #expect(members.count == expected.practices)
        #expect(Set(members.map(\.consortiumCode)).count == expected.consortia)
        #expect(Set(members.compactMap(\.pcnCode)).count == expected.pcns)
        var weighted = 0.0
        var patients = 0.0
        for practice in members {
            guard let value = score[practice.code] else { continue }
            weighted += value * practice.attributes["registered_patients"]!
            patients += practice.attributes["registered_patients"]!
        }
        #expect(rounded(weighted / patients, 2) == expected.meanPracticeIMD, "region \(code)")
    }
    var practicesPerPCN: [String: Int] = [:]
    for practice in frame.practices { practicesPerPCN[practice.pcnCode!, default: 0] += 1 }
    var sizeCounts = Array(repeating: 0, count: 13)
    for size in practicesPerPCN.values { sizeCounts[min(size, 13) - 1] += 1 }
    #expect(sizeCounts == EnglandCalibration.pcnSizeCounts)

    let scores2019 = deprivation.rows.filter { $0.timePeriod == "2019" }.compactMap(\.value).sorted()
    #expect(scores2019.count == 6_980)
    for point in EnglandCalibration.practiceIMDPercentiles {
        #expect(rounded(percentile(scores2019, point.percentile), 2) == point.score, "IMD percentile \(point.percentile)")
    }
}
