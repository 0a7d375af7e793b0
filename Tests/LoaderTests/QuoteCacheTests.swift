import FactbotCore
import FactbotLoader
import Foundation
import Testing

/// The stored copies' sentences are read once, kept in the state folder and read back
/// while nothing they were built from has changed; a refreshed copy or a corrupt file
/// makes the next load build them again.
@Suite struct QuoteCacheTests {
    /// Stores a copy of the `harbour` source as `factbot refresh` would.
    func store(_ scratch: Scratch, _ paragraphs: [String]) throws {
        let article: [String: Any] = ["title": "Harbour news", "author": "", "published": "2025-04-11", "paragraphs": paragraphs]
        let copy: [String: Any] = [
            "id": "harbour", "url": "https://example.org/harbour", "finalURL": "https://example.org/harbour",
            "fetchedAt": "2025-04-12T00:00:00Z", "contentHash": "0", "status": 200, "article": article,
        ]
        scratch.write("state/harbour.json", String(decoding: try JSONSerialization.data(withJSONObject: copy), as: UTF8.self))
    }

    /// The cache file and its inode (a rewrite replaces the file, so the inode changes).
    func cacheFile(_ scratch: Scratch) -> (path: String, inode: UInt64)? {
        let folder = scratch.root + "/state/index"
        guard let name = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first(where: { $0.hasSuffix(".quotes") }) else { return nil }
        var info = stat()
        guard stat(folder + "/" + name, &info) == 0 else { return nil }
        return (folder + "/" + name, UInt64(info.st_ino))
    }

    func answer(_ scratch: Scratch, _ question: String) throws -> String {
        try Bot.load(scratch.paths(), quoting: true).answerer.answer(question).text
    }

    @Test func readBackWhileTheCopiesStandAndRebuiltWhenOneChanges() throws {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources)
        let question = "how many containers does the harbour hold?"
        try store(scratch, ["Since Monday the harbour holds 40 containers that came from the north.", "The port reopens on Friday, the mayor said."])

        #expect(try answer(scratch, question).contains("40"))
        let built = try #require(cacheFile(scratch))
        // read back, not built again: the file is not rewritten, and the answer is the same
        #expect(try answer(scratch, question).contains("40"))
        #expect(cacheFile(scratch)?.inode == built.inode)

        // a refresh stored a new copy: built again from it
        try store(scratch, ["Since Monday the harbour holds 55 containers that came from the north.", "The port reopens on Friday, the mayor said."])
        #expect(try answer(scratch, question).contains("55"))
        let rebuilt = try #require(cacheFile(scratch))
        #expect(rebuilt.inode != built.inode)

        // a corrupt file is ignored and replaced
        FileManager.default.createFile(atPath: rebuilt.path, contents: Data("FBQT and then nothing that holds".utf8))
        #expect(try answer(scratch, question).contains("55"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: rebuilt.path)).count > 100)

        // an edited word list also counts: built again
        let before = try #require(cacheFile(scratch)).inode
        scratch.write("knowledge/stopwords.txt", "the\n")
        _ = try answer(scratch, question)
        #expect(cacheFile(scratch)?.inode != before)
    }

    @Test func noCopiesNoCache() throws {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources)
        _ = try answer(scratch, "anything?")
        #expect(cacheFile(scratch) == nil)
    }
}
