import FactbotCore
import FactbotLoader
import FactbotRefresh
import Foundation
import Testing

/// How the loader reads what is on disk: links followed, sizes checked before reading,
/// every file type that reads as text accepted, and the state folder kept private.
@Suite struct FileReadingTests {
    func loaded(_ scratch: Scratch, config: String? = nil) -> Result<Bot.Loaded, Bot.LoadError> {
        Result { () throws(Bot.LoadError) in try Bot.load(scratch.paths(config: config), quoting: true) }
    }

    @Test func symbolicLinksAreFollowedAndADanglingOneIsNamed() throws {
        let scratch = Scratch()
        scratch.write("real/sources.yaml", Scratch.sources)
        scratch.write("real/port.yaml", Scratch.fact("About 1,240 containers are held at the quay."))
        try FileManager.default.createSymbolicLink(atPath: scratch.knowledge + "/sources.yaml", withDestinationPath: scratch.root + "/real/sources.yaml")
        try FileManager.default.createSymbolicLink(atPath: scratch.knowledge + "/facts/port.yaml", withDestinationPath: scratch.root + "/real/port.yaml")
        // The knowledge folder itself a link, as a deployment that swaps releases has it.
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/current", withDestinationPath: scratch.knowledge)
        var paths = scratch.paths()
        paths.knowledge = scratch.root + "/current"
        let bot = try Bot(paths: paths)
        #expect(bot.loaded.knowledge.facts.contains { $0.id == "held" })
        #expect(bot.loaded.knowledge.sources["harbour"] != nil)

        try FileManager.default.createSymbolicLink(atPath: scratch.knowledge + "/facts/gone.yaml", withDestinationPath: scratch.root + "/nowhere.yaml")
        guard case .failure(let error) = bot.reload() else {
            Issue.record("a dangling link was skipped")
            return
        }
        #expect(error.description.contains("gone.yaml: cannot read the file"))
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources)
        // 3 GB, sparse: no disk used, and reading it would take seconds and gigabytes.
        let path = scratch.knowledge + "/facts/huge.yaml"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        let started = ContinuousClock.now
        guard case .failure(let error) = loaded(scratch) else {
            Issue.record("a 3 GB file was accepted")
            return
        }
        #expect(error.description.contains("huge.yaml: file is 3221225472 bytes; the limit is 8388608"))
        #expect(ContinuousClock.now - started < .seconds(2))  // not read: a read would take far longer
    }

    @Test func anyReadableConfigurationWillDo() throws {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources)
        let loaded = try loaded(scratch, config: "/dev/null").get()
        #expect(loaded.config == .init())
        #expect(loaded.configFile == "/dev/null")
    }

    @Test func sourcesWithNoFactsYetLoad() throws {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources)
        let loaded = try loaded(scratch).get()
        #expect(loaded.knowledge.facts.allSatisfy { $0.isAboutSource })
        #expect(loaded.answerer.answer("which outlet published the article?").reply.contains("published by Example News"))
        // no stopwords.txt yet: English stop words, so "who" and "the" do not weigh as much as "published"
        #expect(loaded.knowledge.words.stopWords == WordLists.englishStopWords)
        #expect(loaded.answerer.answer("who published the article?").reply.contains("published by Example News"))
    }

    @Test func aURLWithCredentialsIsRefusedOnItsLine() {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources.replacingOccurrences(of: "https://example.org", with: "https://ann:s3cret@example.org"))
        guard case .failure(let error) = loaded(scratch) else {
            Issue.record("credentials accepted")
            return
        }
        #expect(error.description.contains("sources.yaml:2: url: a source URL may not hold a user name or password"))
        #expect(!error.description.contains("s3cret"))
        #expect(SourceURL.withoutCredentials("https://ann:pw@example.org:8443/a@b?c") == "https://example.org:8443/a@b?c")
        #expect(!SourceURL.hasCredentials("https://example.org/news/a@b"))
    }

    @Test func aRepeatedKeyInSourcesIsNamedAndFactsAreNotBlamed() {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources + "\n  id: harbour-2\n")
        scratch.write("knowledge/facts/port.yaml", Scratch.fact("About 1,240 containers are held at the quay."))
        guard case .failure(let error) = loaded(scratch) else {
            Issue.record("a repeated key was accepted")
            return
        }
        #expect(error.description.contains("key \"id\" appears twice"))
        #expect(!error.description.contains("cites unknown source"))
    }

    @Test func storedCopiesArePrivate() throws {
        let scratch = Scratch()
        let folder = scratch.root + "/a/b/state"  // parents missing too
        try AtomicFile.createFolder(folder)
        try AtomicFile.write(Array("{}".utf8), to: folder + "/x.json", in: folder)
        let mode = { (path: String) -> Int in
            ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? 0) & 0o777
        }
        #expect(mode(folder + "/x.json") == 0o600)
        #expect(mode(folder) == 0o700)
        #expect(mode(scratch.root + "/a") == 0o700)
    }
}
