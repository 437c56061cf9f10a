import Configuration
import Reports
import Tables

/// A pipeline file (TOML) read and checked: its title, its inputs by name, and its steps in order,
/// each with its options checked as its command checks them — so every mistake in the file is
/// reported, naming the file, line and key, before anything runs. The format is in
/// docs/pipeline.md.
public struct PipelineSpec {
    /// An input file: its name, its path as the pipeline file writes it (relative to the pipeline
    /// file's folder unless absolute), and the path to open.
    public struct Input: Sendable, Equatable {
        public var name: String
        public var written: String
        public var path: String
    }

    /// The step kinds a pipeline can use.
    public static let kinds = ["synth", "budgets", "needs", "indicators", "inequality", "premium", "benchmark", "peers", "risk", "pbra-fit", "pbra-predict"]

    public let file: String
    public let title: String
    public let description: String?
    public let inputs: [Input]
    let steps: [StepPlan]
    let stepTitles: [String]
    let stepDescriptions: [String?]

    /// Names and kinds of the steps, in order.
    public var stepNames: [(name: String, kind: String)] { steps.map { ($0.name, $0.kind) } }

    /// Reads and checks the pipeline file at `path`.
    public static func load(path: String) throws -> PipelineSpec {
        let root = try TOMLSection.load(path: path)
        try root.rejectUnknownKeys(allowed: ["title", "description", "inputs", "step"])
        let title = try root.requiredString("title")
        let description = try root.string("description")
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ""

        var inputs: [Input] = []
        var references: [String: FileReference] = [:]
        if let section = try root.section("inputs") {
            let names = section.table.keys.sorted { left, right in
                let l = section.location(left), r = section.location(right)
                return (l.line ?? 0, l.column ?? 0, left) < (r.line ?? 0, r.column ?? 0, right)
            }
            for name in names {
                guard let written = try section.string(name), !written.isEmpty else { throw section.error(name, "expected a path in quotes") }
                let resolved = written.hasPrefix("/") || folder.isEmpty ? written : folder + "/" + written
                inputs.append(Input(name: name, written: written, path: resolved))
                references[name] = .input(name: name, written: written, path: resolved)
            }
        }

        let stepSections = try root.sections("step")
        guard !stepSections.isEmpty else { throw root.error(nil, "no steps: add at least one [[step]] with a kind (\(kinds.joined(separator: ", ")))") }
        var plans: [StepPlan] = []
        var titles: [String] = []
        var descriptions: [String?] = []
        var outputs: [String] = []
        var names: Set<String> = []
        for section in stepSections {
            let kind = try section.requiredString("kind")
            guard kinds.contains(kind) else {
                throw section.error("kind", "expected one of \(kinds.joined(separator: ", ")), found \(DataError.quoted(kind))")
            }
            let name = try section.string("name") ?? kind
            guard isStepName(name) else {
                throw section.error("name", "expected lower-case letters, digits, '-' and '_', starting with a letter or digit, found \(DataError.quoted(name))")
            }
            guard !names.contains(name) else { throw section.error("name", "a second step named \(DataError.quoted(name)): give each step its own name") }
            guard references[name] == nil else { throw section.error("name", "\(DataError.quoted(name)) is also an input's name: give the step another") }
            names.insert(name)
            let stepTitle = try section.string("title") ?? defaultTitle(kind: kind, name: name)
            let stepSection = StepSection(section: section, kind: kind, name: name, inputs: references, earlierOutputs: outputs)
            let plan: StepPlan
            switch kind {
            case "budgets": plan = try BudgetsStep.plan(stepSection)
            case "needs": plan = try NeedsStep.plan(stepSection)
            case "indicators": plan = try IndicatorsStep.plan(stepSection)
            case "inequality": plan = try InequalityStep.plan(stepSection, title: stepTitle)
            case "premium": plan = try PremiumStep.plan(stepSection)
            case "benchmark": plan = try BenchmarkStep.plan(stepSection)
            case "peers": plan = try PeersStep.plan(stepSection)
            case "risk": plan = try RiskStep.plan(stepSection)
            case "pbra-fit": plan = try PbraFitStep.plan(stepSection)
            case "pbra-predict": plan = try PbraPredictStep.plan(stepSection)
            default: plan = try SynthStep.plan(stepSection)
            }
            outputs += plan.outputs
            plans.append(plan)
            titles.append(stepTitle)
            descriptions.append(try section.string("description"))
        }
        return PipelineSpec(file: path, title: title, description: description, inputs: inputs, steps: plans,
                            stepTitles: titles, stepDescriptions: descriptions)
    }

    static func isStepName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64,
              ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    static func defaultTitle(kind: String, name: String) -> String {
        switch kind {
        case "budgets": return "Budgets"
        case "needs": return "Practice deprivation"
        case "indicators": return "Indicators"
        case "inequality": return "Inequality across deprivation groups"
        case "synth": return "Synthetic data"
        case "premium": return "Quality premium"
        case "benchmark": return "Benchmarking"
        case "peers": return "Peer groups"
        case "risk": return "Financial risk"
        case "pbra-fit": return "Person-based model"
        case "pbra-predict": return "Person-based need by practice"
        default: return name
        }
    }
}
