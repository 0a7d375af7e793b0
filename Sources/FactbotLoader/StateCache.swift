import FactbotCore
import FactbotRefresh
import Foundation

/// Where the caches of a knowledge folder live in the state folder, and how they are
/// written: `<state>/index/<hash of the folder's absolute path>.<suffix>`, atomically,
/// mode 0600 in 0700 folders; a failure is a warning and changes nothing else. The index
/// cache, the WordNet links and the quoted sentences share it.
enum StateCache {
    /// The folder and the file of the cache `suffix` of the knowledge folder `knowledge`.
    static func location(stateDirectory: String, knowledge: String, suffix: String) -> (folder: String, file: String) {
        let folder = (stateDirectory.hasSuffix("/") ? String(stateDirectory.dropLast()) : stateDirectory) + "/index"
        let absolute = URL(fileURLWithPath: knowledge).standardizedFileURL.path
        return (folder, folder + "/" + String(Checksum.fnv64(Array(absolute.utf8)), radix: 16) + "." + suffix)
    }

    /// Writes `bytes` to `file` in `folder` (creating the folders on the way); returns a
    /// warning naming `what` ("the index cache") when that cannot be done.
    static func save(_ bytes: [UInt8], to file: String, in folder: String, what: String) -> String? {
        do {
            try AtomicFile.createFolder(folder)
            try AtomicFile.write(bytes, to: file, in: folder)
            return nil
        } catch {
            return "warning: cannot save \(what): \(error)"
        }
    }
}
