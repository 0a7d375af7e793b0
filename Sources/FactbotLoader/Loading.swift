import FactbotCore
import FactbotConfig
import Foundation

/// Reads bot.conf and the knowledge folder from disk and hands their text to the core.
/// Read-only: nothing under knowledge/ is ever written.
enum Loading {
    /// Files larger than this are refused rather than read (a knowledge file is a few KB).
    static let maximumFileSize = 8 << 20

    /// The configuration at `path`; defaults when the file does not exist, unless it was
    /// named on the command line (`required`), where a missing file is an error.
    static func config(at path: String, required: Bool) throws(Diagnostics) -> BotConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw Diagnostics([Diagnostic(file: path, line: nil, "no such configuration file")]) }
            return BotConfig()
        }
        return try BotConfig.parse(try text(at: path), file: path)
    }

    /// One file of the knowledge folder, as read: its path for messages and its bytes.
    struct RawFile {
        var path: String
        var data: Data
    }

    /// The paths of the files of the knowledge folder at `path` that factbot uses (`.yaml`,
    /// `.yml`, `.txt`, in subfolders too, hidden ones skipped), sorted.
    static func knowledgePaths(at path: String) throws(Diagnostics) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostics([Diagnostic(file: path, line: nil, "no such knowledge folder (use --knowledge DIR)")])
        }
        let root = URL(fileURLWithPath: path)
        var paths: [String] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
                if relative.hasPrefix(".") || relative.contains("/.") { continue }
                paths.append(relative)
            }
        }
        return paths.sorted().filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".txt") }
            .map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
    }

    /// Reads the knowledge folder's files (all of them, or those at `paths`).
    static func knowledgeFiles(at path: String, paths given: [String]? = nil) throws(Diagnostics) -> [RawFile] {
        let paths: [String]
        if let given { paths = given } else { paths = try knowledgePaths(at: path) }
        var files: [RawFile] = []
        var problems: [Diagnostic] = []
        for path in paths {
            do { files.append(RawFile(path: path, data: try data(at: path))) } catch { problems += error.all }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return files
    }

    /// Parses read knowledge files. With `facts` (read back from the index cache, built
    /// from these very files), the fact files are not parsed again.
    static func knowledge(from files: [RawFile], folder: String, facts: [Fact]? = nil) throws(Diagnostics) -> KnowledgeBase {
        var texts: [KnowledgeFile] = []
        var problems: [Diagnostic] = []
        for file in files where facts == nil || !KnowledgeBase.isFactFile(file.path) {
            do { texts.append(KnowledgeFile(path: file.path, text: try text(of: file.data, path: file.path))) } catch { problems += error.all }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return try KnowledgeBase.parse(texts, folder: folder, facts: facts)
    }

    /// A file's text; refuses unreadable, oversized and non-UTF-8 files with a clear message.
    static func text(at path: String) throws(Diagnostics) -> String {
        try text(of: data(at: path), path: path)
    }

    /// A file's bytes; refuses unreadable and oversized files.
    static func data(at path: String) throws(Diagnostics) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostics([Diagnostic(file: path, line: nil, "cannot read the file")])
        }
        guard data.count <= maximumFileSize else {
            throw Diagnostics([Diagnostic(file: path, line: nil, "file is \(data.count) bytes; the limit is \(maximumFileSize)")])
        }
        return data
    }

    /// The text of a file's bytes; refuses non-UTF-8 text and NUL bytes, with the line.
    static func text(of data: Data, path: String) throws(Diagnostics) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidLine(data)
            throw Diagnostics([Diagnostic(file: path, line: line, "not UTF-8 text")])
        }
        if data.contains(0), let nul = text.textLines.firstIndex(where: { $0.unicodeScalars.contains("\u{0}") }) {
            throw Diagnostics([Diagnostic(file: path, line: nul + 1, "contains a NUL byte: is this a binary file?")])
        }
        return text
    }

    /// The line holding the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 10 || index == data.endIndex - 1 {
            let chunk = data[start...index]
            if String(data: chunk, encoding: .utf8) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
