import Foundation
import Testing
import TestSupport
@testable import Tables

/// `FileIdentity` (which file a path names) and `TemporaryOutputs` (the registry of temporary
/// outputs that an interruption removes), on files made for each test.
@Suite struct FileIdentityTests {
    /// The shared fixture folder (TablesTests has a `TemporaryFolder` of its own).
    typealias Fixture = TestSupport.TemporaryFolder

    @Test func spellingsAndLinksOfOneFileHaveOneIdentity() throws {
        let folder = Fixture(prefix: "identity")
        let file = folder.write("a.csv", "x\n")
        folder.write("b.csv", "x\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.csv", withDestinationPath: "a.csv")
        try FileManager.default.linkItem(atPath: file, toPath: folder.path + "/hard.csv")
        let identity = try #require(FileIdentity(path: file))
        for spelling in ["/./a.csv", "/sub/../a.csv", "/link.csv", "/hard.csv"] {
            #expect(FileIdentity(path: folder.path + spelling) == identity, "\(spelling)")
        }
        // Same bytes, another file.
        #expect(FileIdentity(path: folder.path + "/b.csv") != identity)
        #expect(FileIdentity(path: folder.path + "/absent.csv") == nil)
    }

    @Test func aFolderContainsTheFilesBelowIt() throws {
        let folder = Fixture(prefix: "identity")
        try FileManager.default.createDirectory(atPath: folder.path + "/run/deep", withIntermediateDirectories: true)
        let inside = folder.write("run/deep/a.csv", "x\n")
        let outside = folder.write("b.csv", "x\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/alias", withDestinationPath: "run")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/run/out.csv", withDestinationPath: "../b.csv")
        #expect(FileIdentity.folder(folder.path + "/run", contains: inside))
        #expect(FileIdentity.folder(folder.path + "/alias", contains: inside))
        #expect(FileIdentity.folder(folder.path, contains: inside))
        #expect(!FileIdentity.folder(folder.path + "/run", contains: outside))
        // A link inside the folder to a file outside it: the file itself is outside.
        #expect(!FileIdentity.folder(folder.path + "/run", contains: folder.path + "/run/out.csv"))
        #expect(!FileIdentity.folder(folder.path + "/run/deep", contains: folder.path + "/run/deep"))
    }

    @Test func placesCompareFoldersByIdentityAndNamesBySpelling() throws {
        let folder = Fixture(prefix: "identity")
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: false)
        let place = FileIdentity.Place(path: folder.path + "/out.csv")
        #expect(FileIdentity.Place(path: folder.path + "/sub/../out.csv") == place)
        #expect(FileIdentity.Place(path: folder.path + "/./out.csv") == place)
        #expect(FileIdentity.Place(path: folder.path + "/sub/out.csv") != place)
        #expect(FileIdentity.Place(path: folder.path + "/other.csv") != place)
        // Folders that do not exist are compared as written.
        #expect(FileIdentity.Place(path: folder.path + "/x/out.csv") == FileIdentity.Place(path: folder.path + "/x/out.csv"))
        #expect(FileIdentity.Place(path: folder.path + "/x/out.csv") != FileIdentity.Place(path: folder.path + "/y/out.csv"))
    }

    @Test func writersRegisterTheirTemporaryFilesUntilTheyFinish() throws {
        let folder = Fixture(prefix: "identity")
        let temporary = folder.path + "/.out.csv.partial-\(getpid())"
        let writer = try CSVWriter(path: folder.path + "/out.csv", header: ["a"])
        #expect(TemporaryOutputs.livePaths.contains(temporary))
        try writer.write([.wholeNumber(1)])
        try writer.commit()
        #expect(!TemporaryOutputs.livePaths.contains(temporary))
        #expect(folder.read("out.csv") == "a\n1\n")

        let dropped = try CSVWriter(path: folder.path + "/dropped.csv", header: ["a"])
        let droppedTemporary = folder.path + "/.dropped.csv.partial-\(getpid())"
        #expect(TemporaryOutputs.livePaths.contains(droppedTemporary))
        dropped.discard()
        #expect(!TemporaryOutputs.livePaths.contains(droppedTemporary))
        #expect(folder.files == ["out.csv"])
    }
}
