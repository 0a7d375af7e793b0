import FactbotCore
import Foundation

/// The knowledge folder shipped in the repository, parsed once for the tests.
enum ShippedKnowledge {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("knowledge")

    static let base: KnowledgeBase = {
        var files: [KnowledgeFile] = []
        let walker = FileManager.default.enumerator(atPath: folder.path)!
        for case let relative as String in walker where relative.hasSuffix(".yaml") || relative.hasSuffix(".txt") {
            let text = try! String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
            files.append(KnowledgeFile(path: "knowledge/" + relative, text: text))
        }
        return try! KnowledgeBase.parse(files.sorted { $0.path < $1.path })
    }()

    static let answerer: Answerer = Answerer(knowledge: base)!
}
