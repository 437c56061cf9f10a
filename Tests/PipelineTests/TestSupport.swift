import Foundation
@testable import Pipeline

/// The repository's root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A new empty folder under the system's temporary folder.
func freshFolder(_ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "pipeline-tests-\(getpid())-\(name)-\(UUID().uuidString)"
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes a pipeline file into `folder` and returns its path.
func writePipeline(_ text: String, in folder: String, name: String = "pipeline.toml") throws -> String {
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// The files of a folder (recursively), relative to it, sorted.
func files(in folder: String) -> [String] {
    (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { path in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
    }.sorted()
}

func contents(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
}

let exampleshire = repositoryRoot + "/datasets/exampleshire"
