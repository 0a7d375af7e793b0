import FactbotCore
import Foundation

/// The answerer over `./knowledge`, for the answerer fuzz target.
public enum ShippedAnswerer {
    /// Loads ./knowledge (run from the package root); nil if it cannot.
    public static func load(folder: String = "knowledge") -> Answerer? {
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { return nil }
        let files = names.sorted().compactMap { name -> KnowledgeFile? in
            guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)"), !name.hasSuffix(".md") else { return nil }
            return KnowledgeFile(path: "\(folder)/\(name)", text: String(decoding: data, as: UTF8.self))
        }
        guard let knowledge = try? KnowledgeBase.parse(files, folder: folder) else { return nil }
        return Answerer(knowledge: knowledge)
    }
}
