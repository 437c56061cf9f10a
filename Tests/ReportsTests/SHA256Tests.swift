import Foundation
import Testing
@testable import Reports

// FIPS 180-2, Appendix B: the one-block ("abc"), two-block (56 letters) and long (10⁶ × "a")
// examples; the empty message's digest is the well-known e3b0c442… value (also hashlib's).
@Test func fipsExampleOneBlock() {
    #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
}

@Test func fipsExampleTwoBlocks() {
    let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(SHA256.hexDigest(of: Array(message.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
}

@Test func fipsExampleOneMillionAs() {
    var hash = SHA256()
    let thousand = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hash.update(thousand) }
    #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}

@Test func emptyMessage() {
    #expect(SHA256.hexDigest(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
}

// Lengths at the padding boundaries: 55 bytes is the longest message padded within one block,
// 56 the shortest that needs a second; 64, 119 and 120 likewise one block later.
// Digests from Reference/sha256_reference.py (Python hashlib).
@Test func paddingBoundaries() {
    let expected: [(Int, String)] = [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    ]
    for (length, digest) in expected {
        #expect(SHA256.hexDigest(of: [UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest, "length \(length)")
    }
}

// Every byte value once (Reference/sha256_reference.py), fed in uneven pieces: the digest must not
// depend on how the message is split.
@Test func splitUpdatesGiveTheSameDigest() {
    let message = (0...255).map { UInt8($0) }
    let digest = "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880"
    #expect(SHA256.hexDigest(of: message) == digest)
    for pieceLength in [1, 3, 63, 64, 65, 100] {
        var hash = SHA256()
        var start = 0
        while start < message.count {
            let end = min(start + pieceLength, message.count)
            hash.update(message[start..<end])
            start = end
        }
        #expect(hash.hexDigest() == digest, "pieces of \(pieceLength)")
    }
}

@Test func finishDoesNotChangeTheRunningDigest() {
    var hash = SHA256()
    hash.update(Array("ab".utf8))
    _ = hash.finish()
    hash.update(Array("c".utf8))
    #expect(hash.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
}

@Test func fileDigestAndSize() throws {
    let path = NSTemporaryDirectory() + "reports-sha-\(getpid()).txt"
    try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try SHA256.digest(ofFile: path)
    #expect(result.size == 3)
    #expect(result.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
}

@Test func missingFileIsCannotOpen() {
    #expect(throws: (any Error).self) { try SHA256.digest(ofFile: "/nonexistent/file.csv") }
}
