/// A file a step option names: an input of the pipeline file's `[inputs]` (by its name) or a file
/// an earlier step wrote into the run folder (by its file name there, e.g. `needs.csv`).
public enum FileReference: Sendable, Equatable {
    /// An input: its name, its path as the pipeline file writes it, and the path to open.
    case input(name: String, written: String, path: String)
    /// An earlier step's output, relative to the run folder.
    case output(file: String)

    /// How the manifest and the notebook name the file.
    public var name: String {
        switch self {
        case .input(let name, _, _): return name
        case .output(let file): return file
        }
    }
}
