import Foundation
import Glibc

/// The state folder: one JSON file per source, `<id>.json`, each written atomically
/// (a temporary file in the same folder, fsync, rename, fsync of the folder), so a crash
/// or kill at any moment leaves the old copy or the new one, never a torn file.
public struct SourceStore: Sendable {
    /// Why a stored copy could not be read.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The folder.
    public let folder: String

    /// A store in `folder` (created on first save).
    public init(folder: String) { self.folder = folder }

    func path(_ id: String) -> String { "\(folder)/\(id).json" }

    /// True for an id that names a file inside the folder (no "/", no leading ".").
    static func isSafe(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix(".") && !id.contains("/") && !id.contains("\0")
    }

    /// The stored copy of `id`: nil when there is none; a ``Problem`` when the file is
    /// unreadable or corrupt (the caller reports it and refetches).
    public func load(_ id: String) -> Result<StoredSource?, Problem> {
        guard Self.isSafe(id) else { return .failure(Problem(description: "\"\(id)\" cannot name a state file")) }
        let file = path(id)
        guard FileManager.default.fileExists(atPath: file) else { return .success(nil) }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(Problem(description: "\(file): cannot be read"))
        }
        do {
            let stored = try JSONDecoder().decode(StoredSource.self, from: data)
            guard stored.id == id else { return .failure(Problem(description: "\(file): holds source \"\(stored.id)\", not \"\(id)\"")) }
            return .success(stored)
        } catch {
            return .failure(Problem(description: "\(file): corrupt (\(Self.reason(error))); it will be fetched again"))
        }
    }

    /// Every readable stored copy among `ids`, and the problems with the others.
    public func loadAll(_ ids: [String]) -> (sources: [StoredSource], problems: [String]) {
        var sources: [StoredSource] = []
        var problems: [String] = []
        for id in ids {
            switch load(id) {
            case .success(let stored?): sources.append(stored)
            case .success(nil): continue
            case .failure(let problem): problems.append(problem.description)
            }
        }
        return (sources, problems)
    }

    /// Writes `source` atomically.
    public func save(_ source: StoredSource) throws(Problem) {
        guard Self.isSafe(source.id) else { throw Problem(description: "\"\(source.id)\" cannot name a state file") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(source) } catch { throw Problem(description: "cannot encode \(source.id): \(error)") }
        try writeAtomically(Array(data), to: path(source.id))
    }

    /// temp file → write → fsync → rename → fsync the folder.
    func writeAtomically(_ bytes: [UInt8], to file: String) throws(Problem) {
        try AtomicFile.write(bytes, to: file, in: folder)
    }

    static func reason(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.keyNotFound(let key, _) = error { return "missing \"\(key.stringValue)\"" }
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        return "\(error)"
    }
}
