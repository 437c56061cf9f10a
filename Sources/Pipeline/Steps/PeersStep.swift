import Benchmarking
import Tables

/// The options of a peers step (`consortium peers`).
public struct PeersOptions: Sendable {
    public var features: String
    /// Feature columns, comma-separated (default: every numeric-looking column).
    public var featureNames: String?
    public var metric: PeerMetric
    public var peerCount: Int

    public init(features: String, featureNames: String? = nil, metric: PeerMetric = .mahalanobis, peerCount: Int = 15) {
        self.features = features
        self.featureNames = featureNames
        self.metric = metric
        self.peerCount = peerCount
    }

    public func validate() throws {
        if peerCount < 1 { throw OptionError("--peer-count must be at least 1") }
        if let featureNames, featureNames.split(separator: ",").isEmpty { throw OptionError("--feature-names lists no columns") }
    }
}

/// A finished peers step: org_code, peer_rank, peer_code, distance, metric.
public struct PeersStepResult {
    public var peers: [Peer]
    public var table: StepTable
}

/// `consortium peers` and a run's peers step: standardise the features and find each
/// organisation's nearest peers (Benchmarking's `PeerGroups`).
public enum PeersStep {
    public static func run(_ options: PeersOptions) throws -> PeersStepResult {
        try options.validate()
        let names: [String]
        if let featureNames = options.featureNames {
            names = featureNames.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        } else {
            let header = try TableReader(path: options.features, schema: Schema([ColumnSpec("org_code", aliases: ["practice_code", "Area Code"])])).header
            names = PeerFeatures.defaultFeatureNames(header: header)
        }
        let table = try TableReader.read(path: options.features, schema: PeerFeatures.schema(featureNames: names))
        let features = try PeerFeatures(table: table, featureNames: names)
        let peers = try PeerGroups.nearest(features: features, metric: options.metric, count: options.peerCount)
        let metric = options.metric
        let output = StepTable(header: ["org_code", "peer_rank", "peer_code", "distance", "metric"]) { emit in
            for peer in peers {
                try emit([.text(peer.organisationCode), .wholeNumber(peer.rank), .text(peer.peerCode), .number(peer.distance), .text(metric.rawValue)])
            }
        }
        return PeersStepResult(peers: peers, table: output)
    }
}
