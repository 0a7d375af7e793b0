import FactbotCore
import FactbotRefresh
import Foundation
import WordNet

/// The quoted sentences of the stored copies (``QuoteSnapshot``), built once and kept in
/// the state folder (`<state>/index/<hash of the knowledge folder's path>.quotes`), where
/// later starts read them back instead of reading every sentence again.
///
/// The file is used only while it matches: its fingerprint covers every stored copy (name
/// and bytes), the knowledge folder's files other than facts (the word lists the sentences
/// are read with, and sources.yaml, which names whom they cite), this build of factbot and
/// the stems libstemmer gives. A refresh, an edit of a word list or a new build makes the
/// next start build them again. A stale, truncated or corrupt file is ignored and replaced;
/// one that cannot be written is only a warning; copies that could not all be read are
/// never cached, so their warning comes back at every start.
struct QuoteCache {
    let folder: String
    let file: String
    /// The fingerprint of the copies and files as they are now.
    let fingerprint: UInt64

    /// The cache of the copies in `store`, read with the knowledge folder `knowledge`'s
    /// non-fact `files`, under `stateDirectory`.
    init(stateDirectory: String, knowledge: String, files: [Loading.RawFile], store: SourceStore) {
        (folder, file) = StateCache.location(stateDirectory: stateDirectory, knowledge: knowledge, suffix: "quotes")
        var hash = Checksum.fnv64(Array("factbot quoted sentences".utf8), seed: IndexCache.seed)
        for file in files { hash = IndexCache.fingerprint(file.path, file.data, seed: hash) }
        let copies = ((try? FileManager.default.contentsOfDirectory(atPath: store.folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for name in copies {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: store.folder + "/" + name))) ?? Data()
            hash = IndexCache.fingerprint(name, data, seed: hash)
        }
        fingerprint = hash
    }

    /// The stored sentences, if the file is there and matches; nil otherwise (silently:
    /// after a refresh a stale file is the normal case).
    func load() -> StoredQuotes? {
        guard let bytes = MappedFile.map(file) else { return nil }
        return withExtendedLifetime(bytes) { try? QuoteSnapshot.decode(bytes.buffer, fingerprint: fingerprint) }
    }

    /// Stores the sentences `answerer` quotes; returns a warning when that cannot be done.
    func save(_ answerer: Answerer) -> String? {
        guard let bytes = QuoteSnapshot.encode(answerer, fingerprint: fingerprint) else { return nil }
        return StateCache.save(bytes, to: file, in: folder, what: "the quoted sentences")
    }
}
