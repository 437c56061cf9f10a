import Allocation
import Foundation
import Population

/// The persons file of the `pbra` benchmark: seeded (`SyntheticRandom`, seed 2026), one row per
/// person, 150 design terms, written once with hand-formatted fields (two decimals at most).
///
/// Person i: practice uniform over 6,500 codes; age band uniform over 19 (categorical, reference
/// 40-44); female with probability 0.51; 100 condition flags c001…c100, flag k with probability
/// (0.01 + 0.002·(k mod 20))·(1 + band)/10; 10 counts n01…n10 uniform on 0 … 2 + band; 10 need
/// scores d01…d10 uniform on 0.00 … 99.99; 6 supply variables s1…s6 uniform on 0.00 … 49.99; a
/// trust T1…T5 (categorical supply, reference T1). Cost: a hurdle with P(any) = 0.3 + 0.03·band
/// and amount (μ/P)·4uv (u, v uniform, mean 1), rounded to pence, so E[cost | x] = μ up to the
/// rounding, with
///
///     μ = 150 + 20·|band − 8| + 25·female + Σₖ (100 + 7k)·cₖ + Σⱼ (5 + j)·nⱼ + Σⱼ (0.5 + 0.1j)·dⱼ
///         + Σⱼ (1 + 0.5j)·sⱼ + 10·(trust − 1)      (k, j counted from 1).
enum PbraBenchmarkData {
    static let seed: UInt64 = 2026
    static let bands = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
                        "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]
    static let flagNames = (1...100).map { "c" + String(format: "%03d", $0) }
    static let countNames = (1...10).map { "n" + String(format: "%02d", $0) }
    static let scoreNames = (1...10).map { "d" + String(format: "%02d", $0) }
    static let supplyNames = (1...6).map { "s\($0)" }

    static var modelText: String {
        func list(_ names: [String]) -> String { names.map { "\"\($0)\"" }.joined(separator: ", ") }
        return """
        response = "cost"
        need = ["female", \(list(flagNames)), \(list(countNames)), \(list(scoreNames))]
        supply = [\(list(supplyNames))]

        [[categorical]]
        variable = "age_band"
        reference = "40-44"
        levels = [\(list(bands))]

        [[categorical]]
        variable = "trust"
        role = "supply"
        reference = "T1"
        levels = ["T1", "T2", "T3", "T4", "T5"]
        """
    }

    /// The coefficients of μ in the benchmark design's term order.
    static func trueCoefficients(design: PersonBasedDesign) -> [Double] {
        design.terms.map { term -> Double in
            switch term.name {
            case "intercept": return 150
            case "female": return 25
            default: break
            }
            if let index = flagNames.firstIndex(of: term.name) { return 100 + 7 * Double(index + 1) }
            if let index = countNames.firstIndex(of: term.name) { return 5 + Double(index + 1) }
            if let index = scoreNames.firstIndex(of: term.name) { return 0.5 + 0.1 * Double(index + 1) }
            if let index = supplyNames.firstIndex(of: term.name) { return 1 + 0.5 * Double(index + 1) }
            if term.variable == "age_band", let level = term.level, let band = bands.firstIndex(of: level) { return 20 * Double(abs(band - 8)) }
            if term.variable == "trust", let level = term.level, let trust = Int(level.dropFirst()) { return 10 * Double(trust - 1) }
            return .nan
        }
    }

    /// Writes the file unless a complete one is there (a marker file records seed and size).
    /// Returns its size in bytes.
    static func ensureFile(path: String, persons: Int) throws -> Int {
        let marker = path + ".complete"
        let expected = "seed \(seed) persons \(persons)"
        if (try? String(contentsOfFile: marker, encoding: .utf8)) == expected,
           let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
            return size
        }
        let free = (try? FileManager.default.attributesOfFileSystem(forPath: "/tmp")[.systemFreeSize] as? Int) ?? 0
        let estimate = persons * 360
        print(String(format: "generating %d persons (about %.1f GB; %.1f GB free in /tmp)", persons, Double(estimate) / 1e9, Double(free) / 1e9))
        guard estimate < free - (4 << 30) else {
            throw NSError(domain: "pbra", code: 1, userInfo: [NSLocalizedDescriptionKey: "not enough space in /tmp; try --persons 2000000"])
        }
        let started = Date()
        try? FileManager.default.removeItem(atPath: marker)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw NSError(domain: "pbra", code: 2, userInfo: [NSLocalizedDescriptionKey: "cannot create \(path)"])
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8 << 20)
        let header = ["person_id", "practice_code", "age_band", "female"] + flagNames + countNames + scoreNames + supplyNames + ["trust", "cost"]
        buffer.append(contentsOf: (header.joined(separator: ",") + "\n").utf8)
        var random = SyntheticRandom(seed: seed)
        for person in 1...persons {
            appendDigits(person, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            let practice = random.nextInt(below: 6_500)
            buffer.append(UInt8(ascii: "A"))
            appendDigits(10_000 + practice, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            let band = random.nextInt(below: 19)
            buffer.append(contentsOf: bands[band].utf8)
            let female = random.nextUnit() < 0.51
            buffer.append(contentsOf: female ? ",1".utf8 : ",0".utf8)
            var mu = 150 + 20 * Double(abs(band - 8)) + (female ? 25 : 0)
            let bandFactor = (1 + Double(band)) / 10
            for k in 1...100 {
                let present = random.nextUnit() < (0.01 + 0.002 * Double(k % 20)) * bandFactor
                buffer.append(contentsOf: present ? ",1".utf8 : ",0".utf8)
                if present { mu += 100 + 7 * Double(k) }
            }
            for j in 1...10 {
                let count = random.nextInt(below: 3 + band)
                buffer.append(UInt8(ascii: ","))
                appendDigits(count, to: &buffer)
                mu += (5 + Double(j)) * Double(count)
            }
            for j in 1...10 {
                let cents = random.nextInt(below: 10_000)
                buffer.append(UInt8(ascii: ","))
                appendCents(cents, to: &buffer)
                mu += (0.5 + 0.1 * Double(j)) * (Double(cents) / 100)
            }
            for j in 1...6 {
                let cents = random.nextInt(below: 5_000)
                buffer.append(UInt8(ascii: ","))
                appendCents(cents, to: &buffer)
                mu += (1 + 0.5 * Double(j)) * (Double(cents) / 100)
            }
            let trust = random.nextInt(below: 5)
            buffer.append(contentsOf: ",T".utf8)
            appendDigits(trust + 1, to: &buffer)
            mu += 10 * Double(trust)
            let any = 0.3 + 0.03 * Double(band)
            let amount = random.nextUnit() < any ? (mu / any) * (4 * random.nextUnit() * random.nextUnit()) : 0
            buffer.append(UInt8(ascii: ","))
            appendCents(Int((amount * 100).rounded()), to: &buffer)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 8 << 20 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
        try handle.close()
        try expected.write(toFile: marker, atomically: true, encoding: .utf8)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(String(format: "generated in %.0f s", Date().timeIntervalSince(started)))
        return size
    }

    /// Reads the whole file in 8 MiB blocks and discards it; returns the bytes read.
    static func readBytes(path: String) throws -> Int {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw NSError(domain: "pbra", code: 3, userInfo: [NSLocalizedDescriptionKey: "cannot open \(path)"]) }
        defer { close(descriptor) }
        let block = UnsafeMutableRawPointer.allocate(byteCount: 8 << 20, alignment: 64)
        defer { block.deallocate() }
        var total = 0
        while true {
            let got = read(descriptor, block, 8 << 20)
            if got <= 0 { break }
            total += got
        }
        return total
    }

    static func appendDigits(_ value: Int, to buffer: inout [UInt8]) {
        if value >= 10 { appendDigits(value / 10, to: &buffer) }
        buffer.append(UInt8(48 + value % 10))
    }

    /// cents as pounds with exactly two decimals (`12.05`), without a sign.
    static func appendCents(_ cents: Int, to buffer: inout [UInt8]) {
        appendDigits(cents / 100, to: &buffer)
        buffer.append(UInt8(ascii: "."))
        buffer.append(UInt8(48 + (cents / 10) % 10))
        buffer.append(UInt8(48 + cents % 10))
    }
}
