import FactbotIRC
import FactbotRefresh
import Foundation
import IRCProtocol

/// The STS policies the IRC bot has learnt, as `irc-sts.json` in the state folder:
/// written whole and atomically, readable by its owner only.
struct STSFile: STSPolicyStore {
    let folder: String
    var path: String { folder + "/irc-sts.json" }

    func load() throws -> STSPolicies {
        guard FileManager.default.fileExists(atPath: path) else { return STSPolicies() }
        return try JSONDecoder().decode(STSPolicies.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func save(_ policies: STSPolicies) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(policies)), to: path, in: folder)
    }
}
