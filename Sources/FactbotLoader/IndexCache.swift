import FactbotCore
import FactbotRefresh
import Foundation

/// The built index of a large knowledge folder, kept in the state folder
/// (`<state>/index/<hash of the folder's path>.fbindex`) so that the next start reads it
/// back instead of parsing and indexing every fact again: for 100,000 facts, a fraction
/// of a second instead of several.
///
/// It is used only while it matches: its fingerprint covers every knowledge file's path
/// and bytes, the factbot program itself (size and modification time) and the stems
/// libstemmer gives, so editing a fact or a word list, rebuilding factbot or upgrading
/// libstemmer makes the next start rebuild it. A file that is stale, truncated or corrupt
/// is ignored and replaced; one that cannot be written is only a warning. Small fact bases (under ``minimumFacts``) load from their files faster
/// than the cache could be written, and are never cached.
struct IndexCache {
    /// Fewest facts worth caching.
    static let minimumFacts = 100

    let folder: String
    let file: String
    /// The fingerprint of the files as they are now.
    let fingerprint: UInt64

    /// The cache for the knowledge folder `knowledge`, whose files are at `paths`, under
    /// `stateDirectory`; nil when no cache was saved there (the common case for a small
    /// fact base), so that its files are not read twice. With one saved, each file is read
    /// and hashed in turn, not kept.
    init?(stateDirectory: String, knowledge: String, paths: [String]) throws(Diagnostics) {
        (folder, file) = StateCache.location(stateDirectory: stateDirectory, knowledge: knowledge, suffix: "fbindex")
        guard access(file, R_OK) == 0 else { return nil }
        var hash = Self.seed
        for path in paths { hash = Self.fingerprint(path, try Loading.data(at: path), seed: hash) }
        fingerprint = hash
    }

    /// Where the cache of `knowledge` is written the first time.
    static func location(stateDirectory: String, knowledge: String) -> (folder: String, file: String) {
        StateCache.location(stateDirectory: stateDirectory, knowledge: knowledge, suffix: "fbindex")
    }

    /// The fingerprint of files already read (a first start fingerprints what it indexed,
    /// so a file edited in between is never cached under the old bytes).
    static func fingerprint(of files: [Loading.RawFile]) -> UInt64 {
        files.reduce(seed) { fingerprint($1.path, $1.data, seed: $0) }
    }

    /// `seed` extended with one file's name and bytes.
    static func fingerprint(_ path: String, _ data: Data, seed: UInt64) -> UInt64 {
        let hash = Checksum.fnv64(Array("\(path)\u{0}\(data.count)\u{0}".utf8), seed: seed)
        return Checksum.fnv64(data, seed: hash)
    }

    /// What every fingerprint starts from: the format, this build of factbot, and the
    /// stems libstemmer gives now (a system library an upgrade could change under a cache).
    static let seed: UInt64 = {
        var hash = Checksum.fnv64(Array("factbot index cache".utf8))
        hash = Checksum.fnv64(Array(programIdentity.utf8), seed: hash)
        let probes = ["recruiting", "generously", "happiness", "nationalities", "captured", "organisation", "quickly"]
        let stems = Stemmer().map { stemmer in probes.map(stemmer.stem).joined(separator: " ") } ?? "no stemmer"
        return Checksum.fnv64(Array(stems.utf8), seed: hash)
    }()

    /// The cached index, if there is one and it matches; nil otherwise (silently: a
    /// missing or stale cache is the normal case after an edit).
    func load() -> FactIndex? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else { return nil }
        let result = data.withUnsafeBytes { bytes in
            // Drop the pages already read: the mapped file need never be resident whole.
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let release = { (offset: Int) in
                guard let base = bytes.baseAddress, Int(bitPattern: base) % page == 0 else { return }
                madvise(UnsafeMutableRawPointer(mutating: base), offset / page * page, MADV_DONTNEED)
            }
            return Result { () throws(IndexSnapshot.Refused) in
                try IndexSnapshot.decode(bytes, fingerprint: fingerprint, consumed: release)
            }
        }
        return try? result.get()
    }

    /// Stores `index`, built from files whose fingerprint is `fingerprint`, for the
    /// knowledge folder `knowledge`; returns a warning when that cannot be done (nothing
    /// else changes).
    static func save(_ index: FactIndex, fingerprint: UInt64, stateDirectory: String, knowledge: String) -> String? {
        let (folder, file) = location(stateDirectory: stateDirectory, knowledge: knowledge)
        return StateCache.save(IndexSnapshot.encode(index, fingerprint: fingerprint), to: file, in: folder, what: "the index cache")
    }

    /// What identifies this build of factbot: its path, size and modification time.
    static let programIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
