import FactbotCore
import FactbotRefresh
import FactbotTerminal
import Foundation

/// Where the caches of a knowledge folder live in the state folder, and how they are
/// written: `<state>/index/<hash of the folder's absolute path>.<suffix>`, atomically; a
/// failure is a warning and changes nothing else. The index cache and the WordNet links
/// share it.
enum StateCache {
    /// The folder and the file of the cache `suffix` of the knowledge folder `knowledge`.
    static func location(stateDirectory: String, knowledge: String, suffix: String) -> (folder: String, file: String) {
        let folder = (stateDirectory.hasSuffix("/") ? String(stateDirectory.dropLast()) : stateDirectory) + "/index"
        let absolute = URL(fileURLWithPath: knowledge).standardizedFileURL.path
        return (folder, folder + "/" + String(Checksum.fnv64(Array(absolute.utf8)), radix: 16) + "." + suffix)
    }

    /// Writes `bytes` to `file` in `folder` (creating the state folder and it), warning
    /// with `what` ("the index cache") when that cannot be done.
    static func save(_ bytes: [UInt8], to file: String, in folder: String, what: String) {
        let state = String(folder.dropLast("/index".count))
        for directory in [state, folder] where mkdir(directory, 0o755) != 0 && errno != EEXIST {
            Console.error("warning: cannot create \(directory) for \(what): \(String(cString: strerror(errno)))")
            return
        }
        do {
            try AtomicFile.write(bytes, to: file, in: folder)
        } catch {
            Console.error("warning: cannot save \(what): \(error)")
        }
    }
}
