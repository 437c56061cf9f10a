import Foundation

/// The real England 2022/23 files bundled with the package, found from this source file's path
/// (Tests/PopulationTests/RealFiles.swift → the package root).
enum RealFiles {
    static let folder: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("datasets/england-2022-23").path
    }()

    static func path(_ name: String) -> String { folder + "/" + name }

    static let payments = path("nhs-payments-to-general-practice-2022-23.csv")
    static let smoking = path("fingertips-smoking-prevalence-qof-2022-23.csv")
    static let practiceDeprivation = path("fingertips-practice-imd-score.csv")
    static let deprivationRanks = path("imd2019-lsoa-rank-decile.csv")
    static let deprivationPopulations = path("imd2019-lsoa-population.csv")
}

func temporaryFolder() -> String { NSTemporaryDirectory() }

func writeText(_ text: String, to path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

func removeFile(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}
