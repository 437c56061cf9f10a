import ArgumentParser
import Benchmarking
import Foundation
import Tables

extension PeerMetric: ExpressibleByArgument {}

/// `consortium peers`: nearest-neighbour peer groups from organisation features.
struct PeersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peers",
        abstract: "Find each organisation's nearest peers by its standardised features.",
        discussion: """
        Input (--features): one row per organisation with org_code (or practice_code) and numeric features (list size, age profile, deprivation, rurality, ...). Without --feature-names every column except the code and columns ending in _code or _name is a feature. Features are standardised (z-scores, sd with divisor I-1); distances are Mahalanobis (covariance over all organisations, Cholesky factor from LAPACK) or Euclidean on the z-scores (--metric euclidean). Each organisation gets its --peer-count nearest others; equal distances are broken by peer code.

        Output columns: org_code, peer_rank, peer_code, distance, metric. The file is the --peers input of `consortium benchmark --comparator peers`.

        Example:
          consortium peers --features practice-features.csv --peer-count 15 --out peers.csv
        """
    )

    @Option(name: .customLong("features"), help: "Features CSV: org_code and numeric feature columns.")
    var featuresPath: String

    @Option(name: .customLong("feature-names"), help: "Comma-separated feature columns to use (default: all numeric-looking columns).")
    var featureNames: String?

    @Option(help: "Distance: mahalanobis or euclidean.")
    var metric: PeerMetric = .mahalanobis

    @Option(name: .customLong("peer-count"), help: "Peers per organisation.")
    var peerCount: Int = 15

    @Option(name: .customLong("out"), help: "Output CSV (standard output when absent).")
    var outputPath: String?

    func validate() throws {
        if peerCount < 1 { throw ValidationError("--peer-count must be at least 1") }
        if let featureNames, featureNames.split(separator: ",").isEmpty { throw ValidationError("--feature-names lists no columns") }
    }

    func run() throws {
        try reportingErrors {
            let names: [String]
            if let featureNames {
                names = featureNames.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            } else {
                let header = try TableReader(path: featuresPath, schema: Schema([ColumnSpec("org_code", aliases: ["practice_code", "Area Code"])])).header
                names = PeerFeatures.defaultFeatureNames(header: header)
            }
            let table = try TableReader.read(path: featuresPath, schema: PeerFeatures.schema(featureNames: names))
            let features = try PeerFeatures(table: table, featureNames: names)
            let peers = try PeerGroups.nearest(features: features, metric: metric, count: peerCount)
            let output = try CSVWriter(path: outputPath, header: ["org_code", "peer_rank", "peer_code", "distance", "metric"])
            for peer in peers {
                try output.write([.text(peer.organisationCode), .wholeNumber(peer.rank), .text(peer.peerCode), .number(peer.distance), .text(metric.rawValue)])
            }
            try output.commit()
        }
    }
}
