import FactbotCore
import FactbotRefresh
import Foundation
import WordNet

/// The WordNet links of a knowledge folder (``WordLinkCompiler``), compiled once and kept
/// in the state folder (`<state>/index/<hash of the folder's path>.links`), where later
/// starts map them and search them in place.
///
/// The file is used only while it matches: its fingerprint covers the words the links
/// lead to (the facts', the word lists' and the quoted sentences'), the WordNet files
/// (size and modification time), and this build of factbot. Anything else is compiled
/// again (about a second for the shipped knowledge) and saved; a state folder that cannot
/// be written is only a warning, and a missing WordNet means no links.
enum WordLinkCache {
    /// The links for `answerer`, or nil when the settings name no WordNet folder or it
    /// lacks the database's files (`factbot check` says so); a cache that cannot be
    /// saved adds a warning.
    static func links(for answerer: Answerer, stateDirectory: String, knowledge: String, warnings: inout [String]) -> WordLinks? {
        let folder = answerer.settings.wordNetFolder
        guard !folder.isEmpty, let identity = wordNetIdentity(folder) else { return nil }
        let hash = answerer.linkFingerprint(seed: Checksum.fnv64(Array("factbot word links 1\u{0}\(IndexCache.programIdentity)\u{0}\(identity)".utf8)))

        let (directory, file) = StateCache.location(stateDirectory: stateDirectory, knowledge: knowledge, suffix: "links")
        if let bytes = MappedFile.map(file), let links = try? WordLinks(bytes: bytes, fingerprint: hash) { return links }

        guard let database = database(at: folder) else { return nil }
        let encoded = WordLinks.encode(answerer.compileLinks(from: database), fingerprint: hash)
        if let warning = StateCache.save(encoded, to: file, in: directory, what: "the WordNet links") { warnings.append(warning) }
        return try? WordLinks(bytes: Bytes(encoded), fingerprint: hash)
    }

    /// Why the WordNet folder in the settings cannot be used, or nil when it can (or none is set).
    static func problem(with folder: String) -> String? {
        guard !folder.isEmpty else { return nil }
        let missing = WordNetDatabase.requiredFiles.filter { !FileManager.default.isReadableFile(atPath: folder + "/" + $0) }
        guard !missing.isEmpty else { return nil }
        return
            "WordNet is not at \(folder) (missing \(missing.joined(separator: ", "))): questions are matched with the word lists only. Install Debian's wordnet-base, or set [answer] wordnet"
    }

    /// The database's files, mapped.
    static func database(at folder: String) -> WordNetDatabase? {
        var files: [String: Bytes] = [:]
        for name in WordNetDatabase.requiredFiles + WordNetDatabase.exceptionFiles {
            if let bytes = MappedFile.map(folder + "/" + name) { files[name] = bytes }
        }
        return try? WordNetDatabase(files: files)
    }

    /// Size and modification time of every required file, or nil if one is missing.
    static func wordNetIdentity(_ folder: String) -> String? {
        var parts: [String] = [folder]
        for name in WordNetDatabase.requiredFiles {
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0 else { return nil }
            parts.append("\(name) \(info.st_size) \(info.st_mtim.tv_sec)")
        }
        return parts.joined(separator: "\u{0}")
    }
}
