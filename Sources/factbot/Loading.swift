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

    /// The knowledge folder at `path`: every file in it and in its subfolders, sorted by path.
    static func knowledge(at path: String) throws(Diagnostics) -> KnowledgeBase {
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
        var files: [KnowledgeFile] = []
        var problems: [Diagnostic] = []
        for relative in paths.sorted() where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") || relative.hasSuffix(".txt") {
            let display = path.hasSuffix("/") ? path + relative : path + "/" + relative
            do { files.append(KnowledgeFile(path: display, text: try text(at: display))) } catch { problems += error.all }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return try KnowledgeBase.parse(files, folder: path)
    }

    /// A file's text; refuses unreadable, oversized and non-UTF-8 files with a clear message.
    static func text(at path: String) throws(Diagnostics) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostics([Diagnostic(file: path, line: nil, "cannot read the file")])
        }
        guard data.count <= maximumFileSize else {
            throw Diagnostics([Diagnostic(file: path, line: nil, "file is \(data.count) bytes; the limit is \(maximumFileSize)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidLine(data)
            throw Diagnostics([Diagnostic(file: path, line: line, "not UTF-8 text")])
        }
        if let nul = text.textLines.firstIndex(where: { $0.unicodeScalars.contains("\u{0}") }) {
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
