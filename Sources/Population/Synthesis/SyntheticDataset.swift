/// A synthetic NHS region of the England scale.
public struct SyntheticRegion: Hashable, Sendable {
    public let code: String
    public let name: String
}

/// A synthetic consortium (sub-ICB location).
public struct SyntheticConsortium: Hashable, Sendable {
    public let code: String
    public let name: String
    /// Position in `SyntheticDataset.regions`.
    public let region: Int
}

/// A synthetic practice with its place in the structure and the characteristics its data were
/// drawn from.
public struct SyntheticPractice: Hashable, Sendable {
    public let code: String
    public let name: String
    /// Position in `SyntheticDataset.consortia`.
    public let consortium: Int
    public let pcnCode: String
    public let pcnName: String
    public let locality: String
    public let kind: PracticeKind
    /// `Urban` or `Rural`.
    public let rurality: String
    public let dispensing: Bool
    public let marketForcesFactor: Double
    /// Position on the consortium's map, km.
    public let x: Double
    public let y: Double
    /// Latent deprivation: the patient-weighted mean of its areas' latent deprivation.
    public let deprivation: Double
    /// Patient-weighted mean IMD-like score of its areas (methods.md), rounded to 4 decimals.
    public let imdScore: Double
    public let registeredPatients: Int
}

/// A synthetic small area (LSOA-like).
public struct SyntheticArea: Hashable, Sendable {
    public let code: String
    public let name: String
    public let consortium: Int
    public let locality: String
    public let x: Double
    public let y: Double
    /// Latent deprivation (higher = more deprived): at the England scale the normal score of the
    /// area's rank, Φ⁻¹(1 − (rank − ½)/32,844); at the consortium scale the value drawn on the map,
    /// on the same scale.
    public let deprivation: Double
    /// IMD-like score: 17.4·exp(0.741 z), tail above 60 compressed to 60 + 35(1 − e^−(s−60)/35),
    /// rounded to 3 decimals (the lognormal matches IMD 2019's LSOA median ≈ 17.4 and decile
    /// cut-offs ≈ 6.7 and 45).
    public let imdScore: Double
    /// Rank among England's 32,844 areas, 1 = most deprived (England scale: the exact rank of the
    /// score; consortium scale: the England-equivalent rank 1 + ⌊Φ(−z)·32,844⌋).
    public let imdRank: Int
    /// Tenths of the ranking as in IMD 2019: rank r is in decile d when ⌊N(d−1)/10⌋ < r ≤ ⌊Nd/10⌋,
    /// N = 32,844 (1 = most deprived tenth).
    public let imdDecile: Int
    /// Patients of the data set's practices living in the area (Σ of its attribution).
    public let registeredPatients: Int
}

/// A generated data set: structure, registered lists, attribution, areas, and the catalogues
/// whose counts `forEachIndicatorCount` and `forEachAchievement` draw on demand (England's
/// ~6 million indicator rows are streamed, never held).
public struct SyntheticDataset: Sendable {
    public let scale: SynthesisScale
    public let seed: UInt64
    public let regions: [SyntheticRegion]
    public let consortia: [SyntheticConsortium]
    public let practices: [SyntheticPractice]
    public let areas: [SyntheticArea]
    /// Nineteen-band lists, in `practices` order.
    public let lists: RegisteredLists
    public let attribution: Attribution
    public let indicators: [SyntheticIndicator]
    public let measures: [SyntheticMeasure]
    /// The reporting period written in the indicator file.
    public let period = "2022/23"

    /// The practices as a frame (attributes `market_forces_factor`, `imd_score`,
    /// `registered_patients`; labels `practice_type`, `rurality`, `dispensing`).
    public func frame() throws -> PracticeFrame {
        try PracticeFrame(practices: practices.map { practice in
            let consortium = consortia[practice.consortium]
            let region = regions[consortium.region]
            return Practice(
                code: practice.code, consortiumCode: consortium.code, name: practice.name, consortiumName: consortium.name,
                pcnCode: practice.pcnCode, pcnName: practice.pcnName, regionCode: region.code, regionName: region.name,
                locality: practice.locality,
                attributes: ["market_forces_factor": practice.marketForcesFactor, "imd_score": practice.imdScore,
                             "registered_patients": Double(practice.registeredPatients)],
                labels: ["practice_type": practice.kind.rawValue, "rurality": practice.rurality, "dispensing": practice.dispensing ? "Yes" : "No"])
        }, source: "synthetic practices")
    }

    /// The areas as `SmallAreas` with `imd_score`, `imd_rank`, `imd_decile`, `registered_patients`.
    public var smallAreas: SmallAreas {
        SmallAreas(lsoaCodes: areas.map(\.code), lsoaNames: areas.map(\.name), variables: [
            "imd_score": areas.map(\.imdScore), "imd_rank": areas.map { Double($0.imdRank) },
            "imd_decile": areas.map { Double($0.imdDecile) }, "registered_patients": areas.map { Double($0.registeredPatients) },
        ])
    }

    /// Generates the data set of `scale` for `seed`. The same (scale, seed) gives the same data
    /// on every machine (see `SyntheticRandom`).
    public static func generate(scale: SynthesisScale, seed: UInt64) -> SyntheticDataset {
        SyntheticGenerator(scale: scale, seed: seed).generate()
    }

    init(scale: SynthesisScale, seed: UInt64, regions: [SyntheticRegion], consortia: [SyntheticConsortium], practices: [SyntheticPractice],
         areas: [SyntheticArea], lists: RegisteredLists, attribution: Attribution, indicators: [SyntheticIndicator], measures: [SyntheticMeasure]) {
        self.scale = scale
        self.seed = seed
        self.regions = regions
        self.consortia = consortia
        self.practices = practices
        self.areas = areas
        self.lists = lists
        self.attribution = attribution
        self.indicators = indicators
        self.measures = measures
    }
}
