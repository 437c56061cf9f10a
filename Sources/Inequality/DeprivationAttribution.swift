import Tables

/// Patients of one practice living in one small area (an NHS Digital "patients registered at a GP
/// practice by LSOA" row).
public struct PatientAttribution: Sendable, Equatable {
    public var practiceCode: String
    public var areaCode: String
    public var patients: Double
    /// Where the row came from, for error messages.
    public var location: SourceLocation?

    public init(practiceCode: String, areaCode: String, patients: Double, location: SourceLocation? = nil) {
        self.practiceCode = practiceCode
        self.areaCode = areaCode
        self.patients = patients
        self.location = location
    }
}

/// A small area's deprivation score (e.g. the IMD 2019 score of an LSOA; higher = more deprived).
public struct AreaDeprivation: Sendable, Equatable {
    public var areaCode: String
    public var score: Double
    public var location: SourceLocation?

    public init(areaCode: String, score: Double, location: SourceLocation? = nil) {
        self.areaCode = areaCode
        self.score = score
        self.location = location
    }
}

/// A practice's deprivation: its patients and their patient-weighted mean small-area score.
public struct PracticeDeprivation: Sendable, Equatable {
    public var practiceCode: String
    public var patients: Double
    public var score: Double
    /// Where the practice first appeared, for later error messages.
    public var location: SourceLocation?

    public init(practiceCode: String, patients: Double, score: Double, location: SourceLocation? = nil) {
        self.practiceCode = practiceCode
        self.patients = patients
        self.score = score
        self.location = location
    }
}

/// Attribution of small-area deprivation to practices (design `methods.md`, Inequality): a
/// practice's score is the mean of its small areas' scores weighted by the practice's patients
/// living in each,
///
///     score_p = Σₐ n_pa · s_a / Σₐ n_pa,
///
/// which is how OHID Fingertips derives its practice "Deprivation score (IMD)" (indicator 93553)
/// from the LSOA scores and the registered-patients-by-LSOA file.
public enum DeprivationAttribution {
    /// The score of every practice in `attribution`, ordered by practice code.
    ///
    /// Errors (bad data, naming the attribution row): a small area that is not among `areas`
    /// (`areasName` names that file), a practice–area pair given twice, a practice whose patients
    /// sum to 0; and a small area given twice in `areas` (naming its second row).
    public static func practiceScores(attribution: [PatientAttribution], areas: [AreaDeprivation],
                                      areasName: String) throws -> [PracticeDeprivation] {
        var scores: [String: (score: Double, location: SourceLocation?)] = [:]
        scores.reserveCapacity(areas.count)
        for area in areas {
            if let earlier = scores[area.areaCode] {
                throw DataError(.badData, at: area.location ?? SourceLocation(file: areasName),
                                "the small area \(DataError.quoted(area.areaCode)) appears twice\(alsoAt(earlier.location))")
            }
            scores[area.areaCode] = (area.score, area.location)
        }
        struct Accumulator {
            var patients = 0.0
            var weightedScore = 0.0
            var location: SourceLocation?
        }
        var practices: [String: Accumulator] = [:]
        var seenPairs: [String: SourceLocation?] = [:]
        for row in attribution {
            guard let area = scores[row.areaCode] else {
                throw DataError(.badData, at: row.location ?? SourceLocation(file: "attribution"),
                                "the small area \(DataError.quoted(row.areaCode)) is not in \(areasName)")
            }
            let pair = row.practiceCode + "\u{1F}" + row.areaCode
            if let earlier = seenPairs[pair] {
                throw DataError(.badData, at: row.location ?? SourceLocation(file: "attribution"),
                                "practice \(DataError.quoted(row.practiceCode)) and small area \(DataError.quoted(row.areaCode)) appear twice\(alsoAt(earlier))")
            }
            seenPairs[pair] = row.location
            var accumulator = practices[row.practiceCode] ?? Accumulator(location: row.location)
            accumulator.patients += row.patients
            accumulator.weightedScore += row.patients * area.score
            practices[row.practiceCode] = accumulator
        }
        return try practices.keys.sorted().map { code in
            let accumulator = practices[code]!
            guard accumulator.patients > 0 else {
                throw DataError(.badData, at: accumulator.location ?? SourceLocation(file: "attribution"),
                                "practice \(DataError.quoted(code)) has no attributed patients, so its score is undefined")
            }
            return PracticeDeprivation(practiceCode: code, patients: accumulator.patients,
                                       score: accumulator.weightedScore / accumulator.patients, location: accumulator.location)
        }
    }

    static func alsoAt(_ location: SourceLocation?) -> String {
        guard let line = location?.line else { return "" }
        return " (also line \(line))"
    }
}
