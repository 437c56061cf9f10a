import ArgumentParser
import Foundation
import Pipeline
import Tables

/// `consortium notebook`: a run folder told as a Jupyter notebook.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Export a run folder (written by `consortium run`) as a Jupyter notebook.",
        discussion: """
        The notebook (nbformat 4.5) tells the story of the run: the inputs with their SHA-256, then each step — what it does, its options, what it found in words, its key table and its charts — and how to reproduce it. Tables (text/html and text/plain) and charts (image/svg+xml) are stored already rendered, so the notebook reads without running; its code cells reload the run's CSV files with pandas from the run folder, named relative to the notebook's folder.

        The same run folder gives the same notebook, byte for byte.

        Example:
          consortium notebook exampleshire-run --out exampleshire.ipynb
        """
    )

    @Argument(help: ArgumentHelp("The run folder.", valueName: "folder"))
    var folder: String

    @Option(help: ArgumentHelp("The notebook to write (.ipynb).", valueName: "file"))
    var out: String

    /// A notebook written over a file of the run folder would replace what it tells.
    func validate() throws {
        if FileIdentity(path: out) != nil && (FileIdentity(path: out) == FileIdentity(path: folder) || FileIdentity.folder(folder, contains: out)) {
            throw ValidationError("--out \(out) is a file of the run folder \(folder) the notebook reads: writing it would replace it; choose a file outside the run folder")
        }
    }

    func run() throws {
        try reportingErrors {
            let notebookFolder = out.contains("/") ? String(out[..<out.lastIndex(of: "/")!]) : "."
            let relative = RelativePath.from(folder: notebookFolder.isEmpty ? "/" : notebookFolder, to: folder)
            let notebook = try RunNotebook.build(runFolder: folder, pathFromNotebook: relative)
            try RelativePath.writeAtomically(notebook.json(), to: out)
        }
    }
}
