/// Summary figures of the real England 2022/23 frame that the England-scale generator is
/// calibrated to. Each was computed from the files in `datasets/england-2022-23` (NHS Digital
/// *Payments to General Practice 2022-23*; OHID Fingertips practice IMD 2019 scores), and a test
/// (`EnglandCalibrationTests`) recomputes every one from those files with the engine's own
/// readers.
public enum EnglandCalibration {
    /// Registered-patient percentiles of the 6,463 practices with patients (numpy's linear
    /// interpolation, rounded to whole patients): (percentile, patients). The 0th percentile is
    /// replaced by a floor of 500 patients for synthetic practices (the real minimum is a
    /// closing practice with under one patient on average).
    public static let listSizePercentiles: [(percentile: Double, patients: Double)] = [
        (0, 500), (1, 1155), (2.5, 2153), (5, 2728), (10, 3552), (20, 4814), (30, 5970), (40, 7127), (50, 8286),
        (60, 9637), (70, 11206), (80, 13173), (90, 16570), (95, 20232), (97.5, 24583), (99, 33061), (99.5, 41812), (99.9, 58843),
        (100, 109_484),
    ]

    /// The seven NHS England regions in the order of their codes (Y56, Y58, Y59, Y60, Y61, Y62,
    /// Y63), with the real number of practices, sub-ICBs and PCNs, and the patient-weighted mean
    /// practice IMD 2019 score (practices with a Fingertips score, weighted by registered patients).
    public static let regions: [(name: String, practices: Int, consortia: Int, pcns: Int, meanPracticeIMD: Double)] = [
        ("London", 1208, 5, 199, 22.24),
        ("South West", 569, 7, 139, 18.48),
        ("South East", 876, 11, 216, 15.61),
        ("Midlands", 1325, 19, 229, 23.68),
        ("East of England", 680, 14, 150, 17.55),
        ("North West", 998, 27, 157, 29.13),
        ("North East and Yorkshire", 1013, 23, 189, 27.16),
    ]

    /// Mean practices per PCN: 6,669 / 1,273.
    public static let practicesPerPCN = 6_669.0 / 1_273.0

    /// Number of PCNs with 1, 2, … 12 practices, and with 13 or more (last entry).
    public static let pcnSizeCounts: [Int] = [52, 106, 209, 244, 205, 161, 112, 62, 43, 32, 16, 9, 22]

    /// Practice IMD 2019 score percentiles (5, 10, 25, 50, 75, 90, 95) over the 6,980 practices
    /// of the Fingertips file, unweighted: the target of the practice-level deprivation spread.
    public static let practiceIMDPercentiles: [(percentile: Double, score: Double)] = [
        (5, 8.45), (10, 10.06), (25, 14.09), (50, 21.58), (75, 30.88), (90, 40.1), (95, 45.95),
    ]

    /// Practices, PCNs, sub-ICBs and registered patients of the real frame.
    public static let practices = 6_669
    public static let pcns = 1_273
    public static let consortia = 106
    public static let registeredPatients = 62_134_645
    /// LSOAs (2011) in England: the IMD 2019 file's rows.
    public static let smallAreas = 32_844

    /// The patients a practice has at percentile `p` (0–100) of the list-size distribution,
    /// interpolating linearly between the calibration points.
    public static func listSize(atPercentile p: Double) -> Double {
        let points = listSizePercentiles
        if p <= points[0].percentile { return points[0].patients }
        for (lower, upper) in zip(points, points.dropFirst()) where p <= upper.percentile {
            let fraction = (p - lower.percentile) / (upper.percentile - lower.percentile)
            return lower.patients + fraction * (upper.patients - lower.patients)
        }
        return points[points.count - 1].patients
    }
}
