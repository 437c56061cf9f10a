import Foundation
import Testing
import TestSupport

/// The tested entries of the fault catalogue (docs/errors.md): each runs the built executable on
/// small bad inputs and checks the exit code, the whole first line of standard error (the file,
/// line and column where they apply), that nothing went to standard output, and that the folder
/// holds exactly the input files it held before, byte for byte (no output, no `.NAME.partial-PID`
/// file, no input changed). Every expected message was taken from a run of the command on these
/// bytes and checked by hand against them (the line and column counted from the text below).
@Suite struct ErrorCatalogueTests {
    struct Entry: CustomStringConvertible, Sendable {
        /// The name docs/errors.md gives the entry.
        var id: String
        var arguments: [String]
        /// Files written over (or added to) the shared fixture before the run.
        var files: [String: String] = [:]
        var status: Int32
        /// The first line of standard error, exactly.
        var message: String
        var description: String { id }
    }

    /// Valid small inputs of every command; an entry replaces the one it breaks.
    static let fixture: [String: String] = [
        "counts.csv": "indicator_id,org_code,numerator,denominator\nI1,A1,3,10\nI1,A2,4,12\n",
        "practices.csv": "practice_code,consortium_code,market_forces_factor\nP1,C1,1\nP2,C1,1.1\n",
        "lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-64,800\nP1,F,65+,200\nP2,M,0-64,1500\nP2,F,65+,500\n",
        "formula.toml": "status = \"illustrative\"\ntotal = 1000\n\n[age_sex.weights]\n\"0-64\" = 1\n\"65+\" = 3\n",
        "bands.csv": "practice_code,sex,age_band,patients\nP1,F,30-34,600\nP2,M,65-69,400\n",
        "achievement.csv": "practice_code,measure_id,numerator,denominator\nP1,bp,50,80\nP2,bp,60,90\n",
        "scheme.toml": scheme,
        "attribution.csv": "practice_code,lsoa_code,patients\nP1,L1,100\nP2,L2,300\n",
        "areas.csv": "lsoa_code,imd_score\nL1,10\nL2,30\n",
        "groups.csv": "indicator_id,deprivation_group,value,se,population\nI1,1,10,1,100\nI1,2,12,1,100\nI1,3,14,1,100\nI1,4,15,1,100\nI1,5,17,1,100\n",
        "features.csv": "org_code,f1,f2\nA1,1,2\nA2,2,3\nA3,3,1\nA4,4,6\n",
        "persons.csv": "practice_code,cost,x\nP1,10,1\nP1,12,2\nP2,15,3\nP2,20,5\nP3,9,1\n",
        "model.toml": "response = \"cost\"\nneed = [\"x\"]\n",
        "pipeline.toml": pipeline,
    ]

    static let scheme = """
        [scheme]
        name = "One measure"
        total_weight = 100
        unearned = "return"
        [pot]
        amount = 100.00
        [[measure]]
        id = "bp"
        weight = 100
        polarity = "higher_is_better"
        lower_threshold = 40
        upper_threshold = 90
        basis = "list_size"

        """

    static let pipeline = """
        title = "T"
        [inputs]
        attribution = "attribution.csv"
        areas = "areas.csv"
        [[step]]
        kind = "needs"
        attribution = "attribution"
        areas = "areas"

        """

    static func replacing(_ text: String, _ old: String, _ new: String) -> String {
        precondition(text.contains(old), "the fixture has no \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    static let proportion = ["indicators", "--statistic", "proportion", "--input", "counts.csv", "--out", "out.csv"]
    static let budgets = ["budgets", "--practices", "practices.csv", "--population", "lists.csv", "--formula", "formula.toml", "--out", "out.csv"]
    static let premium = ["premium", "--achievement", "achievement.csv", "--population", "bands.csv", "--scheme", "scheme.toml", "--out", "out.csv"]
    static let needs = ["needs", "--attribution", "attribution.csv", "--areas", "areas.csv", "--out", "out.csv"]
    static let inequality = ["inequality", "--indicator", "groups.csv", "--statistic", "value", "--by", "indicator_id", "--out", "out.csv"]
    static let fit = ["pbra", "fit", "--persons", "persons.csv", "--model", "model.toml", "--out", "out.csv"]
    static let run = ["run", "pipeline.toml", "--out", "run"]
    static let weights = "total = 1000\n[age_sex.weights]\n\"0-64\" = 1\n\"65+\" = 3\n"

    /// A cost model of one band, for the risk command's own errors.
    static let costs = "name = \"x\"\n[[band]]\nage_band = \"0-4\"\nsex = \"M\"\nzero_probability = 1.5\ntail = \"lognormal\"\nlog_mean = 6\nlog_sd = 1\n"

    static let entries: [Entry] = commandLine + unreadable + fields + shapes + layouts + duplicates + formulas + schemes + models + pipelines + acrossFiles + outputs

    // MARK: bad command line (64, ArgumentParser's `Error:` and the usage)

    static let commandLine: [Entry] = [
        Entry(id: "unknown-command", arguments: ["frobnicate"], status: 64, message: "Error: Unexpected argument 'frobnicate'"),
        Entry(id: "unknown-option", arguments: proportion + ["--frob"], status: 64, message: "Error: Unknown option '--frob'"),
        Entry(id: "missing-option", arguments: ["indicators", "--statistic", "proportion", "--out", "out.csv"], status: 64,
              message: "Error: Missing expected argument '--input <input>'"),
        Entry(id: "value-not-a-choice", arguments: ["indicators", "--statistic", "bogus", "--input", "counts.csv", "--out", "out.csv"], status: 64,
              message: "Error: The value 'bogus' is invalid for '--statistic <statistic>'. Please provide one of the following:"),
        Entry(id: "value-not-a-number", arguments: ["indicators", "--statistic", "rate", "--input", "counts.csv", "--multiplier", "abc", "--out", "out.csv"],
              status: 64, message: "Error: The value 'abc' is invalid for '--multiplier <multiplier>'"),
        Entry(id: "confidence-out-of-range", arguments: proportion + ["--confidence", "150"], status: 64,
              message: "Error: --confidence: expected levels in percent between 1 and 100 (e.g. 95,99.8), found \"150\""),
        Entry(id: "group-by-unknown-column", arguments: proportion + ["--group-by", "nothere"], status: 64,
              message: "Error: --group-by: \"nothere\" is not one of indicator_id, org_code, area_type, period, sex, age_band, category_type, group"),
        Entry(id: "total-not-pounds", arguments: budgets + ["--total=-5"], status: 64,
              message: "Error: --total: expected pounds with at most two decimals (e.g. 125000000.00) or 'baseline', found '-5'"),
        Entry(id: "budget-level-unknown", arguments: budgets + ["--level", "galaxy"], status: 64,
              message: "Error: --level: expected practice or consortium, found 'galaxy'"),
        Entry(id: "groups-out-of-range", arguments: needs + ["--groups", "0"], status: 64, message: "Error: --groups must be from 2 to 100"),
        Entry(id: "peer-count-zero", arguments: ["peers", "--features", "features.csv", "--peer-count", "0", "--out", "out.csv"], status: 64,
              message: "Error: --peer-count must be at least 1"),
        Entry(id: "reps-zero", arguments: ["risk", "--seed", "1", "--reps", "0", "--costs", "costs.toml", "--population", "bands.csv", "--out", "out.csv"],
              status: 64, message: "Error: --reps must be at least 1, found 0"),
        Entry(id: "synth-scale-unknown", arguments: ["synth", "--seed", "1", "--out-dir", "synth", "--scale", "galaxy"], status: 64,
              message: "Error: --scale must be one of: consortium, england; found \"galaxy\""),
    ]

    // MARK: unreadable input (66)

    static let unreadable: [Entry] = [
        Entry(id: "input-missing", arguments: ["indicators", "--statistic", "proportion", "--input", "absent.csv", "--out", "out.csv"], status: 66,
              message: "error: absent.csv: cannot open the file: No such file or directory"),
        Entry(id: "input-is-a-folder", arguments: ["indicators", "--statistic", "proportion", "--input", "folder.csv", "--out", "out.csv"],
              files: ["folder.csv/keep": ""], status: 66, message: "error: folder.csv: cannot open the file: it is a directory"),
        Entry(id: "formula-missing", arguments: ["budgets", "--practices", "practices.csv", "--population", "lists.csv", "--formula", "absent.toml", "--out", "out.csv"],
              status: 66, message: "error: absent.toml: cannot read the formula file"),
        Entry(id: "scheme-missing", arguments: ["premium", "--achievement", "achievement.csv", "--population", "bands.csv", "--scheme", "absent.toml", "--out", "out.csv"],
              status: 66, message: "error: absent.toml: cannot open the file"),
        Entry(id: "pipeline-missing", arguments: ["run", "absent.toml", "--out", "run"], status: 66, message: "error: absent.toml: cannot open the file"),
        Entry(id: "notebook-of-no-run", arguments: ["notebook", "nothere", "--out", "x.ipynb"], status: 66,
              message: "error: nothere/manifest.json: cannot open the run's manifest (is nothere a folder written by `consortium run`?)"),
        Entry(id: "standard-population-missing", arguments: proportion.map { $0 == "proportion" ? "dsr" : $0 } + ["--standard", "absent.csv"],
              files: ["counts.csv": "indicator_id,org_code,age_band,numerator,denominator\nI1,A1,0-4,3,100\nI1,A1,5-9,4,120\n"], status: 66,
              message: "error: absent.csv: cannot open the file: No such file or directory"),
        Entry(id: "cost-model-missing", arguments: ["risk", "--seed", "1", "--reps", "100", "--costs", "absent.toml", "--population", "bands.csv", "--out", "out.csv"],
              status: 66, message: "error: absent.toml: cannot open the file"),
        Entry(id: "baseline-missing", arguments: budgets + ["--baseline", "absent.csv"], status: 66,
              message: "error: absent.csv: cannot open the file: No such file or directory"),
    ]

    // MARK: bad field (65, FILE:LINE:COLUMN: column: expected …, found …)

    static let fields: [Entry] = [
        Entry(id: "sex-unknown", arguments: budgets, files: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-64,800\nP2,X,0-64,1500\n"],
              status: 65, message: "error: lists.csv:3:2: sex: expected M, F, male or female, found \"X\""),
        Entry(id: "patients-not-whole", arguments: budgets, files: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-64,800\nP2,M,0-64,1.5\n"],
              status: 65, message: "error: lists.csv:3:4: patients: expected a whole number >= 0, found \"1.5\""),
        Entry(id: "score-empty", arguments: needs, files: ["areas.csv": "lsoa_code,imd_score\nL1,10\nL2,\n"],
              status: 65, message: "error: areas.csv:3:2: imd_score: expected a number >= 0, found an empty field"),
        Entry(id: "variable-not-a-number", arguments: budgets,
              files: ["practices.csv": "practice_code,consortium_code,market_forces_factor\nP1,C1,1\nP2,C1,abc\n",
                      "formula.toml": weights + "[[cost]]\nname = \"mff\"\nvariable = \"market_forces_factor\"\nform = \"value\"\n"],
              status: 65, message: "error: practices.csv:3:3: market_forces_factor: expected a number, found \"abc\""),
        Entry(id: "baseline-not-pounds", arguments: budgets + ["--baseline", "baseline.csv"], files: ["baseline.csv": "practice_code,baseline\nP1,100\nP2,abc\n"],
              status: 65, message: "error: baseline.csv:3:2: baseline: expected an amount in pounds with at most two decimals, found \"abc\""),
        Entry(id: "cost-negative", arguments: fit, files: ["persons.csv": "practice_code,cost,x\nP1,10,1\nP1,-12,2\nP2,15,3\n"],
              status: 65, message: "error: persons.csv:3:2: cost: expected a number >= 0, found \"-12\""),
        Entry(id: "model-variable-empty", arguments: fit, files: ["persons.csv": "practice_code,cost,x\nP1,10,1\nP1,12,\nP2,15,3\n"],
              status: 65, message: "error: persons.csv:3:3: x: expected a number, found an empty field"),
        Entry(id: "standard-error-not-a-number", arguments: inequality,
              files: ["groups.csv": "indicator_id,deprivation_group,value,se,population\nI1,1,10,x,100\nI1,2,12,1,100\n"],
              status: 65, message: "error: groups.csv:2:4: se: expected a number >= 0, found \"x\""),
        Entry(id: "feature-not-a-number", arguments: ["peers", "--features", "features.csv", "--out", "out.csv"],
              files: ["features.csv": "org_code,f1,f2\nA1,1,2\nA2,x,3\nA3,3,1\n"],
              status: 65, message: "error: features.csv:3:2: f1: expected a number, found \"x\""),
        Entry(id: "age-band-unreadable", arguments: proportion.map { $0 == "proportion" ? "dsr" : $0 },
              files: ["counts.csv": "indicator_id,org_code,age_band,numerator,denominator\nI1,A1,0-4,3,100\nI1,A1,banana,4,120\n"],
              status: 65, message: "error: counts.csv:3:3: age_band: expected an age band such as 0-4, 1-4, 0 or 90+, found \"banana\""),
        Entry(id: "rate-denominator-zero", arguments: proportion.map { $0 == "proportion" ? "rate" : $0 },
              files: ["counts.csv": "indicator_id,org_code,numerator,denominator\nI1,A1,3,0\n"],
              status: 65, message: "error: counts.csv:2:4: denominator: expected a denominator > 0 for a rate, found 0"),
        Entry(id: "achievement-numerator-above-denominator", arguments: premium,
              files: ["achievement.csv": "practice_code,measure_id,numerator,denominator\nP1,bp,90,80\nP2,bp,60,90\n"],
              status: 65, message: "error: achievement.csv:2:3: numerator: expected a numerator <= the denominator (80), found 90"),
        Entry(id: "benchmark-proportion-above-one", arguments: ["benchmark", "--counts", "counts.csv", "--out", "out.csv"],
              files: ["counts.csv": "indicator_id,org_code,numerator,denominator\nI1,A1,3,10\nI1,A2,14,12\n"], status: 65,
              message: "error: counts.csv:3:3: numerator: expected counts of a proportion, found numerator 14 and denominator 12 (indicator \"I1\", organisation \"A2\"): a proportion's numerator must not exceed its denominator"),
        Entry(id: "age-band-not-five-year", arguments: ["premium", "--achievement", "achievement.csv", "--population", "lists.csv", "--scheme", "scheme.toml", "--out", "out.csv"],
              status: 65,
              message: "error: lists.csv:2:3: age_band: expected a band inside one of 0-4,5-9,10-14,15-19,20-24,25-29,30-34,35-39,40-44,45-49,50-54,55-59,60-64,65-69,70-74,75-79,80-84,85-89,90+, found \"0-64\""),
    ]

    // MARK: bad row shape (65, FILE:LINE:COLUMN)

    static let shapes: [Entry] = [
        Entry(id: "row-too-short", arguments: budgets, files: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-64\nP2,M,0-64,1500\n"],
              status: 65, message: "error: lists.csv:2:3: expected 4 fields as in the header, found 3"),
        Entry(id: "row-too-long", arguments: needs, files: ["attribution.csv": "practice_code,lsoa_code,patients\nP1,L1,100,7\nP2,L2,300\n"],
              status: 65, message: "error: attribution.csv:2:4: expected 3 fields as in the header, found 4"),
    ]

    // MARK: bad layout (65, FILE:1: the header)

    static let layouts: [Entry] = [
        Entry(id: "layout-not-recognised", arguments: proportion, files: ["counts.csv": "foo,bar\n1,2\n"], status: 65,
              message: "error: counts.csv:1: the columns do not match a layout of indicator counts that the engine reads; the header has 2 columns: foo, bar. Layouts read: indicator counts (indicator_id, org_code, numerator or value); an OHID Fingertips export (Indicator ID, Area Code, Time period, Count or Value)."),
        Entry(id: "column-needed-by-statistic", arguments: proportion.map { $0 == "proportion" ? "dsr" : $0 }, status: 65,
              message: "error: counts.csv:1: missing column age_band, needed for dsr"),
        Entry(id: "deprivation-column-missing", arguments: needs, files: ["areas.csv": "lsoa_code,score\nL1,10\nL2,5\n"], status: 65,
              message: "error: areas.csv:1: missing column \"imd_score\" (or \"Index of Multiple Deprivation (IMD) Score\", as in MHCLG's File 5 or File 7; File 1 has ranks and deciles only)"),
        Entry(id: "formula-variable-missing", arguments: budgets,
              files: ["formula.toml": weights + "[[need]]\nname = \"dep\"\nvariable = \"imd\"\nform = \"value\"\n"], status: 65,
              message: "error: practices.csv:1: missing column \"imd\"; the header has 3 columns: practice_code, consortium_code, market_forces_factor"),
        Entry(id: "feature-column-missing", arguments: ["peers", "--features", "features.csv", "--feature-names", "f9", "--out", "out.csv"], status: 65,
              message: "error: features.csv:1: missing column \"f9\"; the header has 3 columns: org_code, f1, f2"),
        Entry(id: "by-column-missing", arguments: ["inequality", "--indicator", "groups.csv", "--statistic", "value", "--by", "nothere", "--out", "out.csv"],
              status: 65, message: "error: groups.csv:1: missing column \"nothere\"; the header has 5 columns: indicator_id, deprivation_group, value, se, population"),
        Entry(id: "standard-population-closed", arguments: proportion.map { $0 == "proportion" ? "dsr" : $0 } + ["--standard", "standard.csv"],
              files: ["counts.csv": "indicator_id,org_code,age_band,numerator,denominator\nI1,A1,0-4,3,100\nI1,A1,5-9,4,120\n", "standard.csv": "age_band,population\n0-4,100\n"],
              status: 65, message: "error: standard.csv: age_band: expected bands from 0 to an open band: the last band 0-4 is closed, expected an open band such as 90+"),
        Entry(id: "too-few-deprivation-groups", arguments: inequality,
              files: ["groups.csv": "indicator_id,deprivation_group,value,se,population\nI1,1,10,1,100\nI1,2,12,1,100\nI1,3,14,1,100\n"],
              status: 65, message: "error: groups.csv: found 3 deprivation groups; the inequality measures need at least 5"),
        Entry(id: "deprivation-group-gap", arguments: inequality,
              files: ["groups.csv": "indicator_id,deprivation_group,value,se,population\nI1,1,10,1,100\nI1,1,12,1,100\nI1,3,14,1,100\n"],
              status: 65, message: "error: groups.csv: deprivation group 2 has no rows (groups must run from 1 to 3 with none missing)"),
        Entry(id: "too-few-organisations-for-peers", arguments: ["peers", "--features", "features.csv", "--out", "out.csv"], status: 65,
              message: "error: features.csv:5: expected more than 15 organisations to find 15 peers each, found 4"),
    ]

    // MARK: duplicate or conflicting rows (65, the second line and the first)

    static let duplicates: [Entry] = [
        Entry(id: "practice-twice", arguments: budgets, files: ["practices.csv": "practice_code,consortium_code,market_forces_factor\nP1,C1,1\nP1,C1,1.1\n"],
              status: 65, message: "error: practices.csv:3:1: practice_code: the practice \"P1\" appears twice (also line 2)"),
        Entry(id: "list-band-twice", arguments: budgets, files: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-64,800\nP1,M,0-64,200\nP2,M,0-64,1500\n"],
              status: 65, message: "error: lists.csv:3:3: age_band: the band 0-64 of practice P1, sex M is given twice (line 2)"),
        Entry(id: "area-twice", arguments: needs, files: ["areas.csv": "lsoa_code,imd_score\nL1,10\nL1,12\nL2,30\n"],
              status: 65, message: "error: areas.csv:3:1: lsoa_code: the area \"L1\" appears twice (also line 2)"),
        Entry(id: "attribution-pair-twice", arguments: needs, files: ["attribution.csv": "practice_code,lsoa_code,patients\nP1,L1,100\nP1,L1,300\n"],
              status: 65, message: "error: attribution.csv:3:2: lsoa_code: the practice P1 and area L1 are given twice (also line 2)"),
        Entry(id: "achievement-measure-twice", arguments: premium,
              files: ["achievement.csv": "practice_code,measure_id,numerator,denominator\nP1,bp,50,80\nP1,bp,51,80\nP2,bp,60,90\n"],
              status: 65, message: "error: achievement.csv:3:2: measure_id: the practice \"P1\" has a second row for the measure \"bp\" (also line 2)"),
        Entry(id: "counts-conflicting-repeat", arguments: proportion, files: ["counts.csv": "indicator_id,org_code,numerator,denominator\nI1,A1,3,10\nI1,A1,4,12\n"],
              status: 65, message: "error: counts.csv:3:3: numerator: this row repeats line 2 (indicator_id \"I1\", org_code \"A1\") with a different numerator: 4 here, 3 there"),
        Entry(id: "fingertips-conflicting-repeat", arguments: proportion,
              files: ["counts.csv": "Indicator ID,Area Code,Area Type,Time period,Sex,Age,Category Type,Category,Count,Denominator,Value\n1,E1,GP,2022/23,Persons,All ages,,,3,10,30\n1,E1,GP,2022/23,Persons,All ages,,,4,10,40\n"],
              status: 65,
              message: "error: counts.csv:3:9: Count: this row repeats line 2 (indicator_id \"1\", org_code \"E1\", area_type \"GP\", period \"2022/23\", sex \"Persons\", age_band \"All ages\", category_type \"\", group \"\") with a different Count: 4 here, 3 there"),
        Entry(id: "organisation-twice", arguments: ["peers", "--features", "features.csv", "--out", "out.csv"],
              files: ["features.csv": "org_code,f1,f2\nA1,1,2\nA1,2,3\nA3,3,1\n"],
              status: 65, message: "error: features.csv:3:1: org_code: the organisation \"A1\" appears twice (also line 2)"),
    ]

    // MARK: bad formula TOML (65, FORMULA:LINE:COLUMN: key: …)

    static let formulas: [Entry] = [
        Entry(id: "formula-not-toml", arguments: budgets, files: ["formula.toml": "total = 1000\n[age_sex.weights\n"], status: 65,
              message: "error: formula.toml:2:17: not valid TOML: Error while parsing table header: expected ']', saw '\\n'"),
        Entry(id: "formula-unknown-key", arguments: budgets, files: ["formula.toml": "total = 1000\ntotl = 5\n[age_sex.weights]\n\"0-64\" = 1\n\"65+\" = 3\n"], status: 65,
              message: "error: formula.toml:2:1: unknown key \"totl\"; expected one of: name, description, status, total, age_sex, need, cost, list_inflation, unmet_need, pace_of_change"),
        Entry(id: "formula-wrong-type", arguments: budgets, files: ["formula.toml": Self.replacing(weights, "total = 1000", "total = \"many\"")], status: 65,
              message: "error: formula.toml:1:1: total: expected a number, found text \"many\""),
        Entry(id: "formula-total-fractions-of-a-penny", arguments: budgets, files: ["formula.toml": Self.replacing(weights, "total = 1000", "total = 10.001")],
              status: 65, message: "error: formula.toml:1:1: total: expected pounds >= 0 with at most two decimals, found 10.001"),
        Entry(id: "formula-no-total", arguments: budgets, files: ["formula.toml": "[age_sex.weights]\n\"0-64\" = 1\n\"65+\" = 3\n"], status: 65,
              message: "error: formula.toml: no total to allocate: give --total or a `total` in the formula"),
        Entry(id: "formula-negative-weight", arguments: budgets, files: ["formula.toml": Self.replacing(weights, "\"0-64\" = 1", "\"0-64\" = -1")], status: 65,
              message: "error: formula.toml:3:1: age-sex weight for 0-64: expected a finite number >= 0, found -1.0"),
        Entry(id: "formula-bands-not-open", arguments: budgets, files: ["formula.toml": "total = 1000\n[age_sex.weights]\n\"0-64\" = 1\n"], status: 65,
              message: "error: formula.toml:2:1: age-sex weights: the bands must cover every age once from 0 to an open band such as 85+: the last band 0-64 is closed, expected an open band such as 90+"),
        Entry(id: "formula-key-required", arguments: budgets, files: ["formula.toml": weights + "[[need]]\nname = \"dep\"\nvariable = \"imd\"\nform = \"exponential\"\n"],
              status: 65, message: "error: formula.toml:5:1: need: the key \"coefficient\" is required"),
        Entry(id: "formula-form-unknown", arguments: budgets, files: ["formula.toml": weights + "[[need]]\nname = \"dep\"\nvariable = \"imd\"\nform = \"cubic\"\n"],
              status: 65, message: "error: formula.toml:8:1: need.form: expected \"value\", \"linear\", \"exponential\" or \"table\", found \"cubic\""),
        Entry(id: "formula-pace-without-baselines", arguments: budgets, files: ["formula.toml": weights + "[pace_of_change]\ngap_closure = 0.5\n"], status: 65,
              message: "error: formula.toml:5:1: the formula has a pace-of-change rule, which moves baselines towards targets, but no baselines were given (--baseline)"),
        Entry(id: "formula-fraction-out-of-range", arguments: budgets + ["--baseline", "baseline.csv"],
              files: ["formula.toml": weights + "[pace_of_change]\ngap_closure = 1.5\n", "baseline.csv": "practice_code,baseline\nP1,100\nP2,200\n"], status: 65,
              message: "error: formula.toml:5:1: gap_closure: expected a fraction from 0 to 1, found 1.5"),
    ]

    // MARK: bad scheme TOML (65, SCHEME:LINE:COLUMN: table.key: …)

    static let schemes: [Entry] = [
        Entry(id: "scheme-not-toml", arguments: premium, files: ["scheme.toml": scheme + "[[measure]\n"], status: 65,
              message: "error: scheme.toml:14:11: not valid TOML: Error while parsing table header: expected ']', saw '\\n'"),
        Entry(id: "scheme-unknown-key", arguments: premium, files: ["scheme.toml": Self.replacing(scheme, "polarity", "colour = 1\npolarity")], status: 65,
              message: "error: scheme.toml:10:1: unknown key \"colour\" in [measure]; expected one of: id, name, weight, polarity, scoring, lower_threshold, upper_threshold, basis, weighted_list_column, weighted_list_file, prevalence_power, population_index, minimum_denominator"),
        Entry(id: "scheme-wrong-type", arguments: premium, files: ["scheme.toml": Self.replacing(scheme, "name = \"One measure\"", "name = 5")], status: 65,
              message: "error: scheme.toml:2:1: scheme.name: expected text in quotes, found the integer 5"),
        Entry(id: "scheme-pot-negative", arguments: premium, files: ["scheme.toml": Self.replacing(scheme, "amount = 100.00", "amount = -1")], status: 65,
              message: "error: scheme.toml:6:1: pot.amount: expected pounds >= 0 with at most two decimals, found -1"),
        Entry(id: "scheme-no-pot", arguments: premium, files: ["scheme.toml": Self.replacing(scheme, "[pot]\namount = 100.00\n", "")], status: 65,
              message: "error: scheme.toml: the top level: the [pot] table is required"),
        Entry(id: "scheme-thresholds-crossed", arguments: premium, files: ["scheme.toml": Self.replacing(scheme, "lower_threshold = 40", "lower_threshold = 95")],
              status: 65, message: "error: scheme.toml:11:1: measure.lower_threshold: the lower threshold (95) must be below the upper threshold (90)"),
        Entry(id: "scheme-weights-do-not-add-up", arguments: premium, files: ["scheme.toml": Self.replacing(scheme, "\nweight = 100", "\nweight = 60")],
              status: 65, message: "error: scheme.toml:3:1: scheme.total_weight: the measures' weights add up to 60 (bp 60), not the stated 100"),
        Entry(id: "scheme-choice-unknown", arguments: premium, files: ["scheme.toml": Self.replacing(scheme, "higher_is_better", "sideways")], status: 65,
              message: "error: scheme.toml:10:1: measure.polarity: expected \"higher_is_better\" or \"lower_is_better\", found \"sideways\""),
        Entry(id: "scheme-key-of-another-choice", arguments: premium,
              files: ["scheme.toml": Self.replacing(scheme, "basis = \"list_size\"", "basis = \"list_size\"\nprevalence_power = 1")], status: 65,
              message: "error: scheme.toml:14:1: measure.prevalence_power: applies only with basis = \"prevalence_adjusted\" (this measure's basis is \"list_size\")"),
    ]

    // MARK: bad model TOML (pbra, risk) (65)

    static let models: [Entry] = [
        Entry(id: "model-unknown-key", arguments: fit, files: ["model.toml": "response = \"cost\"\nneed = [\"x\"]\nwobble = 1\n"], status: 65,
              message: "error: model.toml:3:1: unknown key \"wobble\"; expected one of: response, intercept, weights, need, supply, categorical"),
        Entry(id: "model-column-two-parts", arguments: fit, files: ["model.toml": "response = \"cost\"\nneed = [\"x\", \"cost\"]\n"], status: 65,
              message: "error: model.toml:2:1: need: the column \"cost\" is already used as response; a column can play one part only"),
        Entry(id: "model-aliased-terms", arguments: fit,
              files: ["model.toml": "response = \"cost\"\nneed = [\"x\", \"x2\"]\n", "persons.csv": "practice_code,cost,x,x2\nP1,10,1,2\nP1,12,2,4\nP2,15,3,6\nP2,20,5,10\n"],
              status: 65, message: "error: persons.csv: aliased (collinear) design columns, coefficients not identifiable: \"x2\" is a linear combination of \"x\". Aliased: x2; drop them from the model or merge them"),
        Entry(id: "cost-model-out-of-range", arguments: ["risk", "--seed", "1", "--reps", "100", "--costs", "costs.toml", "--population", "bands.csv", "--out", "out.csv"],
              files: ["costs.toml": costs], status: 65, message: "error: costs.toml:5:1: band.zero_probability: expected a probability from 0 to 1, found 1.5"),
    ]

    // MARK: bad pipeline TOML (65, PIPELINE:LINE:COLUMN: step "NAME" (KIND): …)

    static let pipelines: [Entry] = [
        Entry(id: "pipeline-not-toml", arguments: run, files: ["pipeline.toml": Self.replacing(pipeline, "title = \"T\"", "title = \"T")], status: 65,
              message: "error: pipeline.toml:1:11: not valid TOML: Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited"),
        Entry(id: "pipeline-no-title", arguments: run, files: ["pipeline.toml": Self.replacing(pipeline, "title = \"T\"\n", "")], status: 65,
              message: "error: pipeline.toml: the top level: the key \"title\" is required"),
        Entry(id: "pipeline-no-steps", arguments: run, files: ["pipeline.toml": "title = \"T\"\n"], status: 65,
              message: "error: pipeline.toml: the top level: no steps: add at least one [[step]] with a kind (synth, budgets, needs, indicators, inequality, premium, benchmark, peers, risk, pbra-fit, pbra-predict)"),
        Entry(id: "pipeline-step-kind-unknown", arguments: run, files: ["pipeline.toml": Self.replacing(pipeline, "kind = \"needs\"", "kind = \"dance\"")], status: 65,
              message: "error: pipeline.toml:6:1: step.kind: expected one of synth, budgets, needs, indicators, inequality, premium, benchmark, peers, risk, pbra-fit, pbra-predict, found \"dance\""),
        Entry(id: "pipeline-unknown-input", arguments: run, files: ["pipeline.toml": Self.replacing(pipeline, "areas = \"areas\"", "areas = \"nowhere\"")], status: 65,
              message: "error: pipeline.toml:8:1: step \"needs\" (needs): areas: \"nowhere\" is neither an input ([inputs]: areas, attribution) nor the output of an earlier step (none yet)"),
        Entry(id: "pipeline-option-out-of-range", arguments: run, files: ["pipeline.toml": pipeline + "groups = 1\n"], status: 65,
              message: "error: pipeline.toml:5:1: step \"needs\" (needs): --groups must be from 2 to 100"),
        Entry(id: "pipeline-option-wrong-type", arguments: run, files: ["pipeline.toml": pipeline + "groups = \"five\"\n"], status: 65,
              message: "error: pipeline.toml:9:1: step \"needs\" (needs): groups: expected a whole number, found text \"five\""),
        Entry(id: "pipeline-step-twice", arguments: run, files: ["pipeline.toml": pipeline + "[[step]]\nkind = \"needs\"\nattribution = \"attribution\"\nareas = \"areas\"\n"],
              status: 65, message: "error: pipeline.toml:9:1: step.name: a second step named \"needs\": give each step its own name"),
        Entry(id: "pipeline-step-options-incomplete", arguments: run, files: ["pipeline.toml": "title = \"T\"\n[[step]]\nkind = \"needs\"\n"], status: 65,
              message: "error: pipeline.toml:2:1: step \"needs\" (needs): give either --attribution with --areas, or --scores"),
        Entry(id: "pipeline-step-data-error", arguments: run, files: ["attribution.csv": "practice_code,lsoa_code,patients\nP1,L1,100\nP2,L9,300\n"], status: 65,
              message: "error: attribution.csv:3:2: lsoa_code: the area \"L9\" is not in the areas file (step 1, \"needs\", of pipeline.toml)"),
    ]

    // MARK: inconsistent inputs across files (65)

    static let acrossFiles: [Entry] = [
        Entry(id: "list-of-unknown-practice", arguments: budgets, files: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-64,800\nP3,F,65+,200\nP2,M,0-64,1500\n"],
              status: 65, message: "error: lists.csv:3:1: practice_code: the practice \"P3\" is not in the practice frame"),
        Entry(id: "baseline-of-unknown-practice", arguments: budgets + ["--baseline", "baseline.csv"], files: ["baseline.csv": "practice_code,baseline\nP1,100\nP9,200\n"],
              status: 65, message: "error: baseline.csv:3:1: practice_code: a baseline for practice \"P9\", which is not in the practices file (practices.csv)"),
        Entry(id: "baseline-missing-for-a-practice", arguments: budgets + ["--baseline", "baseline.csv"], files: ["baseline.csv": "practice_code,baseline\nP1,100\n"],
              status: 65, message: "error: baseline.csv: no baseline for practice P2; every practice of practices.csv needs one"),
        Entry(id: "achievement-of-unknown-practice", arguments: premium,
              files: ["achievement.csv": "practice_code,measure_id,numerator,denominator\nP1,bp,50,80\nP2,bp,60,90\nP7,bp,6,9\n"],
              status: 65, message: "error: achievement.csv:4:1: practice_code: the practice \"P7\" is not in bands.csv"),
        Entry(id: "achievement-missing-for-a-member", arguments: premium, files: ["achievement.csv": "practice_code,measure_id,numerator,denominator\nP1,bp,50,80\n"],
              status: 65, message: "error: achievement.csv: no row for the practice \"P2\" and the measure \"bp\" (the practice is a member: bands.csv: practice_code)"),
        Entry(id: "area-not-in-areas", arguments: needs, files: ["attribution.csv": "practice_code,lsoa_code,patients\nP1,L1,100\nP2,L9,300\n"],
              status: 65, message: "error: attribution.csv:3:2: lsoa_code: the area \"L9\" is not in the areas file"),
        Entry(id: "organisation-without-deprivation", arguments: ["inequality", "--indicator", "counts.csv", "--deprivation", "deprivation.csv", "--by", "indicator_id", "--out", "out.csv"],
              files: ["deprivation.csv": "org_code,deprivation_group\nA1,1\n"], status: 65, message: "error: counts.csv:3: the organisation \"A2\" is not in deprivation.csv"),
        Entry(id: "reference-rate-missing", arguments: proportion.map { $0 == "proportion" ? "isratio" : $0 } + ["--reference", "reference.csv"],
              files: ["counts.csv": "indicator_id,org_code,age_band,numerator,denominator\nI1,A1,0-4,3,100\nI1,A1,5-9,4,120\n", "reference.csv": "age_band,reference_rate\n0-4,0.01\n"],
              status: 65, message: "error: counts.csv:3:3: age_band: no reference rate for age band \"5-9\" in reference.csv (indicator_id \"I1\", org_code \"A1\")"),
        Entry(id: "explained-practice-unknown", arguments: budgets + ["--explain", "P9"], status: 65,
              message: "error: practices.csv: --explain: practice P9 is not among the practices"),
        Entry(id: "explained-practice-not-a-member", arguments: premium + ["--explain", "P9"], status: 65,
              message: "error: bands.csv: practice_code: --explain: \"P9\" is not a member practice"),
        Entry(id: "band-straddles-cost-bands", arguments: ["risk", "--seed", "1", "--reps", "100", "--costs", "lognormal.toml", "--population", "bands.csv", "--out", "out.csv"],
              files: ["bands.csv": "practice_code,sex,age_band,patients\nP1,M,0-4,10\nP1,F,3-34,20\n"], status: 65,
              message: "error: bands.csv:3:3: age_band: the band 3-34 straddles the cost model's bands 0-4 and 5-14 and 15-24 and 25-34 (lognormal.toml)"),
    ]

    // MARK: output cannot be created or written (73)

    static let outputs: [Entry] = [
        Entry(id: "output-folder-missing", arguments: ["indicators", "--statistic", "proportion", "--input", "counts.csv", "--out", "nofolder/out.csv"], status: 73,
              message: "error: nofolder/out.csv: cannot create the output file: No such file or directory"),
        Entry(id: "output-is-a-folder", arguments: ["indicators", "--statistic", "proportion", "--input", "counts.csv", "--out", "taken"],
              files: ["taken/keep": ""], status: 73, message: "error: taken: cannot create the output file: Is a directory"),
        Entry(id: "run-folder-exists", arguments: run, files: ["run/keep": ""], status: 73,
              message: "error: run: the run folder exists already; give --force to replace it"),
        Entry(id: "output-folder-is-a-file", arguments: ["synth", "--seed", "1", "--out-dir", "taken"], files: ["taken": "x\n"], status: 73,
              message: "error: taken: cannot create the output folder: taken is a file, not a folder"),
    ]

    /// All files of a folder (relative paths, hidden ones included) with their bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            let isFolder = (try url.resourceValues(forKeys: [.isDirectoryKey])).isDirectory ?? false
            files[relative] = isFolder ? Data("<folder>".utf8) : try Data(contentsOf: url)
        }
        return files
    }

    @Test(arguments: entries)
    func catalogueEntryFailsAsDocumented(_ entry: Entry) throws {
        var files = Self.fixture
        files["costs.toml"] = Self.costs.replacingOccurrences(of: "zero_probability = 1.5", with: "zero_probability = 0.5")
        files["lognormal.toml"] = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/risk/illustrative-costs-lognormal.toml"), encoding: .utf8)
        files.merge(entry.files) { $1 }
        let folder = try CLIHarness.folder(texts: files, prefix: "catalogue")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.snapshot(folder)
        let run = try CLIHarness.run(entry.arguments, in: folder)
        #expect(run.status == entry.status, "\(entry.id): \(run.errors)")
        let firstLine = String(run.errors.prefix { $0 != "\n" })
        #expect(firstLine == entry.message, "\(entry.id)")
        if entry.status == 64 {
            #expect(run.errors.contains("Usage: consortium"), "\(entry.id): the usage follows a command-line error")
        } else {
            #expect(run.errors == entry.message + "\n", "\(entry.id): one line on standard error")
        }
        #expect(run.output.isEmpty, "\(entry.id): \(run.output)")
        #expect(try Self.snapshot(folder) == before, "\(entry.id): an output or temporary file was left behind, or an input changed")
    }

    @Test func everyEntryIsInTheCatalogueWithItsExitCodeAndMessage() throws {
        let catalogue = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        let rows = catalogue.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(Set(Self.entries.map(\.id)).count == Self.entries.count, "entry ids are unique")
        #expect(Self.entries.count >= 50)
        for entry in Self.entries {
            let row = rows.first { $0.contains("`\(entry.id)`") }
            #expect(row != nil, "\(entry.id) is not in docs/errors.md")
            guard let row else { continue }
            #expect(row.contains("| \(entry.status) |"), "\(entry.id): exit code")
            #expect(row.contains(entry.message.replacingOccurrences(of: "|", with: "\\|")), "\(entry.id): the example is not the message")
        }
    }
}
