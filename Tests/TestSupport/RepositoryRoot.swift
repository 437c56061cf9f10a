import Foundation

/// The repository's root (the folder holding Package.swift), found by walking up from this file's
/// place (Tests/TestSupport/…), for tests that read the bundled datasets and documents.
public let repositoryRoot: URL = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
        folder.deleteLastPathComponent()
    }
    return folder
}()
