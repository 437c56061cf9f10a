import Foundation
import Testing
import TestSupport

/// End-to-end tests of `consortium pbra fit` and `pbra predict`: the built executable on small files.
private enum Pbra {
    static func run(_ arguments: [String], in folder: Folder) throws -> CLIHarness.Run {
        try CLIHarness.run(arguments, in: URL(fileURLWithPath: folder.path))
    }

    /// A temporary folder with the persons and model of these tests (the same persons as
    /// Reference/make_small_pbra_references.py's "CLI example", in AllocationTests/PersonBased).
    final class Folder: TemporaryFolder {
        init() {
            super.init(prefix: "pbra-cli")
            write("persons.csv", Pbra.persons)
            write("model.toml", """
            response = "cost"
            need = ["female", "diabetes"]
            supply = ["distance_km"]

            [[categorical]]
            variable = "age_band"
            reference = "15-64"

            """)
        }

        /// The text of an output file (an error when it is missing).
        func text(_ name: String) throws -> String { try String(contentsOfFile: path + "/" + name, encoding: .utf8) }

        /// Only the files written by the test setup and the names given are in the folder
        /// (no output and no temporary file left behind).
        func holdsOnly(_ names: [String]) -> Bool {
            Set(files) == Set(["persons.csv", "model.toml"] + names)
        }
    }

    static let persons = """
    person_id,practice_code,age_band,female,diabetes,distance_km,cost
    1,A1,0-4,0,0,2,100
    2,A1,0-4,1,0,4,150
    3,A1,65+,0,1,3,900
    4,A2,65+,1,0,8,500
    5,A2,15-64,0,0,1,60
    6,A2,15-64,1,1,5,700
    7,A3,15-64,0,0,7,120
    8,A3,65+,1,1,6,1200
    9,A3,0-4,0,0,9,90
    10,A3,15-64,1,0,2,110

    """

    /// Rows of a CSV without quoted fields, header first.
    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static func column(_ name: String, of text: String) -> [String] {
        let table = rows(text)
        guard let index = table.first?.firstIndex(of: name) else { return [] }
        return table.dropFirst().map { $0[index] }
    }

    static func numbers(_ name: String, of text: String) -> [Double] {
        column(name, of: text).map { Double($0) ?? .nan }
    }

    static func close(_ actual: [Double], _ expected: [Double], _ tolerance: Double) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance * abs($1) }
    }
}

// Expected values of the fit: Reference/make_small_pbra_references.py in AllocationTests/PersonBased
// (statsmodels OLS and HC1 on the same ten persons), "CLI example".

@Test func pbraFitWritesCoefficientsAndSummary() throws {
    let folder = Pbra.Folder()
    let result = try Pbra.run(["pbra", "fit", "--persons", "persons.csv", "--model", "model.toml", "--robust",
                               "--summary", "summary.csv", "--out", "coefficients.csv"], in: folder)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.isEmpty)
    let coefficients = try folder.text("coefficients.csv")
    #expect(Pbra.rows(coefficients)[0] == ["term", "variable", "level", "role", "coefficient", "standard_error", "t", "p",
                                           "robust_standard_error", "robust_t", "robust_p", "national_mean"])
    #expect(Pbra.column("term", of: coefficients) == ["intercept", "female", "diabetes", "distance_km", "age_band=0-4", "age_band=65+"])
    #expect(Pbra.column("role", of: coefficients) == ["intercept", "need", "need", "supply", "need", "need"])
    #expect(Pbra.column("level", of: coefficients) == ["", "", "", "", "0-4", "65+"])
    #expect(Pbra.close(Pbra.numbers("coefficient", of: coefficients),
                       [27.9105322763309, 91.38731596828977, 573.6976217440546, 8.12570781426953, 14.331823329558237, 349.32049830124566], 1e-10))
    #expect(Pbra.close(Pbra.numbers("standard_error", of: coefficients),
                       [61.90331237249596, 52.17332311577487, 67.09338597776112, 10.19554071733621, 63.947243384786695, 70.13615681194797], 1e-10))
    #expect(Pbra.close(Pbra.numbers("p", of: coefficients),
                       [0.6754418016034427, 0.15472499499769063, 0.0010269305225055808, 0.4700886940412263, 0.8336464725965901, 0.00759407773686202], 1e-8))
    #expect(Pbra.close(Pbra.numbers("robust_standard_error", of: coefficients),
                       [47.84931812622865, 47.458974272843555, 62.96489339322441, 7.348948428183056, 41.029692436913265, 68.58434343050699], 1e-10))
    #expect(Pbra.close(Pbra.numbers("robust_p", of: coefficients),
                       [0.5909960648606765, 0.12645287726095442, 0.0008048553898373647, 0.3308836040022684, 0.7444750042086781, 0.007015298600995887], 1e-8))
    // National means by hand: 5 of 10 female, 3 diabetic, distance 47/10, three 0-4 and three 65+.
    #expect(Pbra.close(Pbra.numbers("national_mean", of: coefficients), [1, 0.5, 0.3, 4.7, 0.3, 0.3], 1e-15))
    let summary = Pbra.rows(try folder.text("summary.csv"))
    #expect(summary[0] == ["statistic", "term", "value"])
    let statistics = Dictionary(uniqueKeysWithValues: summary.dropFirst().map { ($0[0] + ($0[1].isEmpty ? "" : ":" + $0[1]), $0[2]) })
    #expect(statistics["n"] == "10" && statistics["p"] == "6" && statistics["degrees_of_freedom"] == "4" && statistics["rows"] == "10")
    // Mean cost (100 + 150 + 900 + 500 + 60 + 700 + 120 + 1200 + 90 + 110) / 10 = 393.
    #expect(statistics["response_mean"] == "393" && statistics["supply_mean:distance_km"] == "4.7")
    #expect(Pbra.close([Double(statistics["r_squared"]!)!, Double(statistics["adjusted_r_squared"]!)!, Double(statistics["residual_standard_error"]!)!],
                       [0.9835831494459987, 0.963062086253497, 78.8850318160588], 1e-10))
    #expect(result.errors.contains("10 persons, 6 terms, 3 passes over persons.csv"))
}

@Test func pbraPredictWritesPracticeSharesAndPersons() throws {
    let folder = Pbra.Folder()
    let fit = try Pbra.run(["pbra", "fit", "--persons", "persons.csv", "--model", "model.toml", "--out", "coefficients.csv"], in: folder)
    #expect(fit.status == 0, "\(fit.errors)")
    let predict = try Pbra.run(["pbra", "predict", "--persons", "persons.csv", "--coefficients", "coefficients.csv", "--model", "model.toml",
                                "--neutralise", "supply", "--persons-out", "persons-predicted.csv"], in: folder)
    #expect(predict.status == 0, "\(predict.errors)")
    #expect(Pbra.rows(predict.output)[0] == ["practice_code", "patients", "predicted_cost", "need_share"])
    #expect(Pbra.column("practice_code", of: predict.output) == ["A1", "A2", "A3"])
    #expect(Pbra.column("patients", of: predict.output) == ["3", "3", "4"])
    // Reference script: predictions with distance at its mean 4.7, summed by practice (pandas groupby).
    #expect(Pbra.close(Pbra.numbers("predicted_cost", of: predict.output), [1241.3731596828995, 1304.0968289920727, 1384.530011325029], 1e-12))
    #expect(Pbra.close(Pbra.numbers("need_share", of: predict.output), [0.3158710329981932, 0.3318312541964561, 0.35229771280535077], 1e-12))
    #expect(abs(Pbra.numbers("need_share", of: predict.output).reduce(0, +) - 1) < 1e-15)
    let persons = try folder.text("persons-predicted.csv")
    #expect(Pbra.column("person_id", of: persons) == (1...10).map(String.init))
    // The three persons of A1 add up to A1's predicted cost.
    let a1 = Pbra.numbers("predicted_cost", of: persons).prefix(3).reduce(0, +)
    #expect(abs(a1 - 1241.3731596828995) < 1e-9)
}

@Test func pbraNeedSharesFeedBudgets() throws {
    let folder = Pbra.Folder()
    #expect(try Pbra.run(["pbra", "fit", "--persons", "persons.csv", "--model", "model.toml", "--out", "coefficients.csv"], in: folder).status == 0)
    #expect(try Pbra.run(["pbra", "predict", "--persons", "persons.csv", "--coefficients", "coefficients.csv", "--model", "model.toml",
                          "--out", "need.csv"], in: folder).status == 0)
    folder.write("practices.csv", "practice_code,consortium_code,registered_patients\nA1,C1,3000\nA2,C1,3000\nA3,C2,4000\n")
    folder.write("formula.toml", "total = 1000000\n[age_sex]\nshares_file = \"need.csv\"\n")
    let budgets = try Pbra.run(["budgets", "--practices", "practices.csv", "--formula", "formula.toml"], in: folder)
    #expect(budgets.status == 0, "\(budgets.errors)")
    // Target share = need share; quotas share × 100,000,000 pence = 31,587,103.2998…, 33,183,125.4196…,
    // 35,229,771.2805…: the whole pence add up to 99,999,999, and the spare penny goes to the largest
    // remainder (A2, .4196), so the targets are £315,871.03, £331,831.26 and £352,297.71.
    #expect(Pbra.column("target_budget", of: budgets.output) == ["315871.03", "331831.26", "352297.71"])
    #expect(Pbra.close(Pbra.numbers("target_share", of: budgets.output), [0.3158710329981932, 0.3318312541964561, 0.35229771280535077], 1e-15))
}

@Test func pbraBadPersonsExit65WithFileLineColumnAndNoOutput() throws {
    let cases: [(persons: String, message: String)] = [
        (Pbra.persons.replacingOccurrences(of: "4,A2,65+,1,0,8,500", with: "4,A2,65+,1,zero,8,500"),
         "error: persons.csv:5:5: diabetes: expected a number, found \"zero\""),
        (Pbra.persons.replacingOccurrences(of: "9,A3,0-4,0,0,9,90", with: "9,A3,0-4,0,0,9,-90"),
         "error: persons.csv:10:7: cost: expected a number >= 0, found \"-90\""),
        (Pbra.persons.replacingOccurrences(of: "distance_km", with: "distance"),
         "error: persons.csv:1: missing column \"distance_km\""),
    ]
    for (persons, message) in cases {
        let folder = Pbra.Folder()
        folder.write("persons.csv", persons)
        let result = try Pbra.run(["pbra", "fit", "--persons", "persons.csv", "--model", "model.toml", "--summary", "summary.csv",
                                   "--out", "coefficients.csv"], in: folder)
        #expect(result.status == 65)
        #expect(result.errors.hasPrefix(message), "\(result.errors)")
        #expect(folder.holdsOnly([]), "no output or temporary file is left")
    }
}

@Test func pbraAliasedTermsExit65WithTheirNames() throws {
    let folder = Pbra.Folder()
    // diabetes2 = diabetes: the second copy is aliased.
    var lines = Pbra.persons.split(separator: "\n").map(String.init)
    lines[0] += ",diabetes2"
    for index in 1..<lines.count { lines[index] += "," + lines[index].split(separator: ",")[4] }
    folder.write("persons.csv", lines.joined(separator: "\n") + "\n")
    folder.write("model.toml", "response = \"cost\"\nneed = [\"female\", \"diabetes\", \"diabetes2\"]\n")
    let result = try Pbra.run(["pbra", "fit", "--persons", "persons.csv", "--model", "model.toml", "--out", "coefficients.csv"], in: folder)
    #expect(result.status == 65)
    #expect(result.errors.contains("\"diabetes2\" is a linear combination of \"diabetes\""), "\(result.errors)")
    #expect(result.errors.contains("Aliased: diabetes2"))
    #expect(!folder.exists("coefficients.csv"))
}

@Test func pbraPredictWithAnUnseenLevelExits65() throws {
    let folder = Pbra.Folder()
    #expect(try Pbra.run(["pbra", "fit", "--persons", "persons.csv", "--model", "model.toml", "--out", "coefficients.csv"], in: folder).status == 0)
    folder.write("next.csv", "person_id,practice_code,age_band,female,diabetes\n1,A1,0-4,0,0\n2,A1,5-14,1,0\n")
    let result = try Pbra.run(["pbra", "predict", "--persons", "next.csv", "--coefficients", "coefficients.csv", "--model", "model.toml",
                               "--out", "need.csv", "--persons-out", "each.csv"], in: folder)
    #expect(result.status == 65)
    #expect(result.errors.hasPrefix("error: next.csv:3:3: age_band: expected one of the levels of the fit (coefficients.csv) (\"15-64\", \"0-4\", \"65+\"), found \"5-14\""),
            "\(result.errors)")
    #expect(!folder.exists("need.csv") && !folder.exists("each.csv"))
    #expect(folder.holdsOnly(["coefficients.csv", "next.csv"]))
}

@Test func pbraBadModelAndOptions() throws {
    let folder = Pbra.Folder()
    folder.write("bad.toml", "response = \"cost\"\nneeds = [\"female\"]\n")
    let model = try Pbra.run(["pbra", "fit", "--persons", "persons.csv", "--model", "bad.toml"], in: folder)
    #expect(model.status == 65)
    #expect(model.errors.hasPrefix("error: bad.toml:2:1: unknown key \"needs\""), "\(model.errors)")
    let option = try Pbra.run(["pbra", "predict", "--persons", "persons.csv", "--coefficients", "c.csv", "--model", "model.toml",
                               "--neutralise", "distance"], in: folder)
    #expect(option.status == 64)
    #expect(option.errors.contains("--neutralise: expected supply or none, found 'distance'"))
    let missing = try Pbra.run(["pbra", "fit", "--persons", "nowhere.csv", "--model", "model.toml"], in: folder)
    #expect(missing.status == 66)
}

@Test func pbraFitRecoversTheTrueModelOfSynthPersons() throws {
    // `consortium synth --persons` (Population's generator, independent of the regression) writes
    // persons whose expected cost is a documented linear model, and that model's coefficients in
    // persons_model.csv (age_<band> all relative to the intercept, so with 0-4 as the reference
    // level the intercept is intercept + age_0-4 and band b's coefficient is age_b − age_0-4).
    // Rule: every coefficient within 4 HC1 standard errors of the truth (the costs are
    // heteroscedastic, log-normal around their mean). Seed 1, 50,000 persons: largest |z| 1.94.
    let folder = Pbra.Folder()
    let synth = try Pbra.run(["synth", "--scale", "consortium", "--seed", "1", "--out-dir", "data", "--persons", "50000"], in: folder)
    #expect(synth.status == 0, "\(synth.errors)")
    let bands = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64",
                 "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]
    folder.write("synth-model.toml", """
    response = "cost"
    need = ["diabetes", "hypertension", "copd", "asthma", "depression", "area_imd_score"]

    [[categorical]]
    variable = "age_band"
    reference = "0-4"
    levels = [\(bands.map { "\"\($0)\"" }.joined(separator: ", "))]

    [[categorical]]
    variable = "sex"
    reference = "M"

    """)
    let fit = try Pbra.run(["pbra", "fit", "--persons", "data/persons.csv", "--model", "synth-model.toml", "--robust",
                            "--out", "coefficients.csv"], in: folder)
    #expect(fit.status == 0, "\(fit.errors)")
    let model = try folder.text("data/persons_model.csv")
    let written = Dictionary(uniqueKeysWithValues: zip(Pbra.column("term", of: model), Pbra.numbers("coefficient", of: model)))
    var truth: [String: Double] = ["intercept": written["intercept"]! + written["age_0-4"]!, "sex=F": written["female"]!,
                                   "area_imd_score": written["imd_score"]!]
    for condition in ["diabetes", "hypertension", "copd", "asthma", "depression"] { truth[condition] = written[condition]! }
    for band in bands.dropFirst() { truth["age_band=" + band] = written["age_" + band]! - written["age_0-4"]! }
    let coefficients = try folder.text("coefficients.csv")
    let terms = Pbra.column("term", of: coefficients)
    #expect(Set(terms) == Set(truth.keys) && terms.count == 26)
    let estimates = Pbra.numbers("coefficient", of: coefficients), errors = Pbra.numbers("robust_standard_error", of: coefficients)
    for (index, term) in terms.enumerated() {
        let z = (estimates[index] - truth[term, default: .nan]) / errors[index]
        #expect(abs(z) < 4, "\(term): z = \(z)")
    }
}

@Test func pbraStepsOfARunWriteWhatTheCommandsWrite() throws {
    let folder = Pbra.Folder()
    let fit = try Pbra.run(["pbra", "fit", "--persons", "persons.csv", "--model", "model.toml", "--robust",
                            "--summary", "summary.csv", "--out", "coefficients.csv"], in: folder)
    #expect(fit.status == 0, "\(fit.errors)")
    let predict = try Pbra.run(["pbra", "predict", "--persons", "persons.csv", "--coefficients", "coefficients.csv", "--model", "model.toml",
                                "--persons-out", "persons-predicted.csv", "--out", "need.csv"], in: folder)
    #expect(predict.status == 0, "\(predict.errors)")
    folder.write("pipeline.toml", """
    title = "Person-based allocation"

    [inputs]
    persons = "persons.csv"
    model = "model.toml"

    [[step]]
    kind = "pbra-fit"
    name = "fit"
    persons = "persons"
    model = "model"
    robust = true

    [[step]]
    kind = "pbra-predict"
    name = "need"
    persons = "persons"
    coefficients = "fit.csv"
    model = "model"

    """)
    let run = try Pbra.run(["run", "pipeline.toml", "--out", "run"], in: folder)
    #expect(run.status == 0, "\(run.errors)")
    for (runFile, commandFile) in [("fit.csv", "coefficients.csv"), ("fit-summary.csv", "summary.csv"), ("need.csv", "need.csv"),
                                   ("need-persons.csv", "persons-predicted.csv")] {
        #expect(try folder.text("run/" + runFile) == folder.text(commandFile), "\(runFile) differs from the command's \(commandFile)")
    }
}
