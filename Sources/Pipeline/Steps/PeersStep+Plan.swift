import Benchmarking
import Reports

extension PeersStep {
    /// Plans a `kind = "peers"` step. Output `<name>.csv` (a later benchmark step's `peers`).
    static func plan(_ section: StepSection) throws -> StepPlan {
        let features = try section.requiredFile("features")
        let featureNames = try section.commaList("feature-names")
        let metric = try section.choice("metric", default: PeerMetric.mahalanobis)
        let peerCount = try section.integer("peer-count", default: 15)!
        try section.finish()
        let template = PeersOptions(features: features.name, featureNames: featureNames, metric: metric, peerCount: peerCount)
        try section.check { try template.validate() }
        let name = section.name
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads, outputs: ["\(name).csv"]) { context in
            var options = template
            options.features = context.path(features)
            let result = try PeersStep.run(options)
            try context.write([(result.table, "\(name).csv")])
            context.summarise("organisations", .integer(Set(result.peers.map(\.organisationCode)).count))
            context.summarise("peers_each", .integer(peerCount))
        }
    }
}
