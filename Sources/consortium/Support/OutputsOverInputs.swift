import ArgumentParser
import Tables

/// One file option of a command: the option as the command line spells it (`--out`) and the path
/// given (nil when the option is absent).
struct FileOption {
    let option: String
    let path: String?

    init(_ option: String, _ path: String?) {
        self.option = option
        self.path = path
    }
}

/// A command that reads files and writes files. `refuseOutputsOverInputs()`, called from the
/// command's `validate()` (before anything is read), stops the command with a command-line error
/// (exit 64) naming both options when an output would replace an input or another output.
protocol ReadsAndWritesFiles {
    /// Every file the command reads.
    var inputFiles: [FileOption] { get }
    /// Every file the command writes (standard output when the path is nil, which clashes with nothing).
    var outputFiles: [FileOption] { get }
}

extension ReadsAndWritesFiles {
    func refuseOutputsOverInputs() throws {
        try OutputsOverInputs.refuse(inputs: inputFiles, outputs: outputFiles)
    }
}

/// The check of `ReadsAndWritesFiles`, by file identity rather than spelling (`FileIdentity`):
/// `--out a.csv` and `--input ./a.csv`, a symbolic link to the input or a hard link of it are all
/// the same file. An output that does not exist yet cannot be an input; two outputs clash when
/// they would be written to the same place (the same folder, by identity, and the same name).
enum OutputsOverInputs {
    static func refuse(inputs: [FileOption], outputs: [FileOption]) throws {
        let outputs = outputs.filter { $0.path != nil }
        for output in outputs {
            guard let path = output.path, let target = FileIdentity(path: path) else { continue }
            for input in inputs {
                guard let inputPath = input.path, FileIdentity(path: inputPath) == target else { continue }
                throw ValidationError(
                    "\(output.option) \(path) is the file \(input.option) \(inputPath) reads: writing it would replace the input; choose another output file")
            }
        }
        for (index, first) in outputs.enumerated() {
            for second in outputs[(index + 1)...] {
                guard let one = first.path, let other = second.path else { continue }
                let same = FileIdentity.Place(path: one) == FileIdentity.Place(path: other)
                    || (FileIdentity(path: one).map { $0 == FileIdentity(path: other) } ?? false)
                if same { throw ValidationError("\(first.option) and \(second.option) name the same file (\(one))") }
            }
        }
    }

    /// Refuses an output folder that holds (at any depth) or is one of the inputs: replacing or
    /// removing the folder would take the input with it.
    static func refuse(folderOption: String, folder: String, inputs: [(description: String, path: String)]) throws {
        guard let identity = FileIdentity(path: folder) else { return }
        for input in inputs where FileIdentity(path: input.path) == identity || FileIdentity.folder(folder, contains: input.path) {
            throw ValidationError(
                "\(folderOption) \(folder) holds \(input.description) \(input.path): replacing the folder would remove the input; choose another \(folderOption) folder")
        }
    }
}
