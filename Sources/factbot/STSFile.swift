import FactbotIRC
import FactbotRefresh
import Foundation
import IRCProtocol

/// The STS policies the IRC bot has learnt, as `irc/sts.json` in the state folder (a
/// folder of its own: the `.json` files at the top are the sources' stored copies):
/// written whole and atomically, readable by its owner only.
struct STSFile: STSPolicyStore {
    let folder: String
    var path: String { folder + "/sts.json" }

    /// The file for the state folder `stateDirectory`.
    init(stateDirectory: String) { folder = stateDirectory + "/irc" }

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
