import Foundation
import Population
import Tables

/// The options of a synth step (`consortium synth`).
public struct SynthOptions: Sendable {
    /// `consortium` or `england`.
    public var scale: String
    public var seed: UInt64
    public var persons: Int

    public init(scale: String = "consortium", seed: UInt64, persons: Int = 0) {
        self.scale = scale
        self.seed = seed
        self.persons = persons
    }

    public func validate() throws {
        guard SynthesisScale(rawValue: scale) != nil else {
            throw OptionError("--scale must be one of: \(SynthesisScale.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(scale)\"")
        }
        guard persons >= 0 && persons <= 100_000_000 else {
            throw OptionError("--persons must be a whole number from 0 to 100000000; found \(persons)")
        }
    }

    /// The files a synth step writes, in order.
    public var fileNames: [String] {
        SyntheticDatasetWriter.fileNames + (persons > 0 ? ["persons.csv", "persons_model.csv"] : [])
    }
}

/// `consortium synth` and a run's synth step: generate the seeded data set and write its files
/// into a folder (created if missing).
public enum SynthStep {
    /// Creates `folder` and any missing parents; a parent that is a file, or a folder that cannot
    /// be made, is an error saying which and why (the system's reason).
    static func createFolder(_ folder: String) throws {
        var prefix = folder.hasPrefix("/") ? "/" : ""
        for component in folder.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) {
                if !isFolder.boolValue {
                    throw DataError(.cannotCreate, at: SourceLocation(file: folder), "cannot create the output folder: \(prefix) is a file, not a folder")
                }
                continue
            }
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw DataError(.cannotCreate, at: SourceLocation(file: folder),
                                "cannot create the output folder \(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }

    public static func run(_ options: SynthOptions, folder: String) throws {
        try options.validate()
        try createFolder(folder)
        let dataset = SyntheticDataset.generate(scale: SynthesisScale(rawValue: options.scale)!, seed: options.seed)
        try SyntheticDatasetWriter.write(dataset, toFolder: folder)
        if options.persons > 0 { try SyntheticDatasetWriter.writePersons(dataset, count: options.persons, toFolder: folder) }
    }
}
