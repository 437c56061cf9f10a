import ArgumentParser
import Benchmarking
import Pipeline

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
        try refuseOutputsOverInputs()
        try validatingOptions { try options.validate() }
    }

    /// The step's options from the command line.
    var options: PeersOptions {
        PeersOptions(features: featuresPath, featureNames: featureNames, metric: metric, peerCount: peerCount)
    }

    func run() throws {
        try reportingErrors {
            try StepTable.write([(PeersStep.run(options).table, outputPath)])
        }
    }
}

extension PeersCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--features", featuresPath),
        ]
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", outputPath),
        ]
    }
}
