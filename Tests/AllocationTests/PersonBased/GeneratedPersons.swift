import Population
import Tables

/// The persons of the acceptance test, generated exactly as Reference/make_pbra_reference.py
/// generates them (the two must stay in step; the script's docstring is the specification):
/// SplitMix64 with seed 20250607, 24 uniforms per person, a hurdle cost whose expectation is the
/// linear model of `PersonBasedReference.trueCoefficients`. Written as CSV with shortest
/// round-trip numbers, so the engine reads back exactly the doubles numpy computes.
enum GeneratedPersons {
    static let seed: UInt64 = 20_250_607
    static let bands = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
                        "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]
    static let conditions = ["diabetes", "hypertension", "copd", "asthma", "chd", "heart_failure", "stroke",
                             "dementia", "depression", "serious_mental_illness", "ckd", "cancer"]

    /// The model of the acceptance test: age bands declared (reference 40-44), trust levels
    /// collected by a levels pass (reference T1).
    static let modelText = """
    response = "cost"
    need = ["female", \(conditions.map { "\"\($0)\"" }.joined(separator: ", ")), "imd_score", "care_home"]
    supply = ["distance_km", "gp_fte", "nurse_fte"]

    [[categorical]]
    variable = "age_band"
    reference = "40-44"
    levels = [\(bands.map { "\"\($0)\"" }.joined(separator: ", "))]

    [[categorical]]
    variable = "trust"
    role = "supply"
    reference = "T1"
    """

    static func ageEffect(_ band: Int) -> Double {
        30.0 * Double(abs(band - 8)) + (band > 12 ? 45.0 * Double(band - 12) : 0)
    }

    static let trustEffect: [Double] = [0, 35, -30, 60]

    /// The CSV bytes of the first `count` persons.
    static func csv(count: Int) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        func uniform() -> Double { Double(generator.next() >> 11) * 0x1.0p-53 }
        var text = "person_id,practice_code,age_band,female," + conditions.joined(separator: ",")
            + ",imd_score,care_home,distance_km,gp_fte,nurse_fte,trust,cost\n"
        var bytes = Array(text.utf8)
        bytes.reserveCapacity(count * 120)
        var u = [Double](repeating: 0, count: 24)
        for person in 0..<count {
            for k in 0..<24 { u[k] = uniform() }
            let band = Int((19.0 * u[0]).rounded(.down))
            let bandValue = Double(band)
            let female = u[1] < 0.51 ? 1.0 : 0.0
            var flags = [Double](repeating: 0, count: 12)
            for k in 0..<12 {
                let rate: Double = 0.02 + 0.01 * Double(k)
                let probability: Double = rate * (1.0 + bandValue) / 10.0
                flags[k] = u[2 + k] < probability ? 1 : 0
            }
            let imd = (8000.0 * u[14]).rounded(.down) / 100.0
            let careProbability = band >= 14 ? 0.01 * (bandValue - 13.0) : 0.001
            let care = u[15] < careProbability ? 1.0 : 0.0
            let distance = (3000.0 * u[16]).rounded(.down) / 100.0
            let gp = 4.0 + (400.0 * u[17]).rounded(.down) / 100.0
            let nurse = 2.0 + (300.0 * u[18]).rounded(.down) / 100.0
            let trust = Int((4.0 * u[19]).rounded(.down))
            let q = 0.35 + 0.03 * bandValue
            let m = (4.0 * u[21]) * u[22]
            let practice = Int((50.0 * u[23]).rounded(.down))
            var mu = 200.0 + ageEffect(band)
            mu = mu + 25.0 * female
            for k in 0..<12 { mu = mu + (150.0 + 60.0 * Double(k)) * flags[k] }
            mu = mu + 2.5 * imd
            mu = mu + 900.0 * care
            mu = mu + 4.0 * distance
            mu = mu + (-15.0) * gp
            mu = mu + 10.0 * nurse
            mu = mu + trustEffect[trust]
            let cost = u[20] < q ? (mu / q) * m : 0.0
            text = "\(person + 1),P\(practice < 10 ? "0" : "")\(practice),\(bands[band]),\(Int(female))"
            for flag in flags { text += flag == 1 ? ",1" : ",0" }
            text += "," + CSVWriter.format(.number(imd)) + (care == 1 ? ",1," : ",0,") + CSVWriter.format(.number(distance))
            text += "," + CSVWriter.format(.number(gp)) + "," + CSVWriter.format(.number(nurse)) + ",T\(trust + 1),"
            text += CSVWriter.format(.number(cost)) + "\n"
            bytes.append(contentsOf: text.utf8)
        }
        return bytes
    }

    /// The 100,000 persons of the acceptance test, generated once.
    static let acceptance: [UInt8] = csv(count: 100_000)
}
