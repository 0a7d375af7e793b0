import Foundation
import FuzzTargets
import Testing

/// Every committed fuzz input (seeds, and crashes fuzzing once found) replayed through its
/// target on every test run: a crash that came back would fail here, without libFuzzer.
@Suite struct FuzzCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: FuzzTarget.allCases)
    func corpusReplaysCleanly(_ target: FuzzTarget) throws {
        let folder = Self.root.appendingPathComponent("Fuzz/corpus/\(target.rawValue)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.isEmpty, "no seeds for \(target.rawValue)")
        let answerer = target == .answerer ? ShippedAnswerer.load(folder: Self.root.appendingPathComponent("knowledge").path) : nil
        if target == .answerer { #expect(answerer != nil) }
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            target.run(Array(data), answerer: answerer)
        }
    }
}
