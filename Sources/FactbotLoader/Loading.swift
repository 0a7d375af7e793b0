import FactbotConfig
import FactbotCore
import Foundation

/// Reads bot.conf and the knowledge folder from disk and hands their text to the core.
/// Read-only: nothing under knowledge/ is ever written.
enum Loading {
    /// Files larger than this are refused rather than read (a knowledge file is a few KB).
    static let maximumFileSize = 8 << 20

    /// The configuration at `path`; defaults when the file does not exist, unless it was
    /// named on the command line (`required`), where a missing file is an error. Any
    /// readable file will do (`--config /dev/null` means defaults, as an empty file does).
    static func config(at path: String, required: Bool) throws(Diagnostics) -> BotConfig {
        guard exists(path) else {
            if required { throw Diagnostics([Diagnostic(file: path, line: nil, "no such configuration file")]) }
            return BotConfig()
        }
        return try BotConfig.parse(try text(at: path), file: path)
    }

    /// True when something is at `path`, following symbolic links.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// True for a folder at `path`, following symbolic links.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// One file of the knowledge folder, as read: its path for messages and its bytes.
    struct RawFile {
        var path: String
        var data: Data
    }

    /// The paths of the files of the knowledge folder at `path` that factbot uses (`.yaml`,
    /// `.yml`, `.txt`, in subfolders too, hidden ones skipped), sorted. Symbolic links are
    /// followed, to files and to folders (a folder met twice is walked once); a link that
    /// leads nowhere is an error, not a file silently skipped.
    static func knowledgePaths(at path: String) throws(Diagnostics) -> [String] {
        guard isFolder(path) else {
            throw Diagnostics([
                Diagnostic(file: path, line: nil, exists(path) ? "not a folder (use --knowledge DIR)" : "no such knowledge folder (use --knowledge DIR)")
            ])
        }
        let root = path.hasSuffix("/") ? String(path.dropLast()) : path
        var found: [String] = []
        var problems: [Diagnostic] = []
        var walked: Set<[UInt64]> = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            var info = stat()
            guard stat(folder, &info) == 0, walked.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                problems.append(Diagnostic(file: folder, line: nil, "cannot list the folder"))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = root + "/" + child
                var entry = stat()
                guard stat(full, &entry) == 0 else {
                    if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".txt") {
                        problems.append(Diagnostic(file: full, line: nil, "cannot read the file: \(String(cString: strerror(errno)))"))
                    }
                    continue
                }
                if entry.st_mode & S_IFMT == S_IFDIR {
                    pending.append(child)
                } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".txt") {
                    found.append(full)
                }
            }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return found.sorted()
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

    /// Parses read knowledge files.
    static func knowledge(from files: [RawFile], folder: String) throws(Diagnostics) -> KnowledgeBase {
        var texts: [KnowledgeFile] = []
        var problems: [Diagnostic] = []
        for file in files {
            do { texts.append(KnowledgeFile(path: file.path, text: try text(of: file.data, path: file.path))) } catch { problems += error.all }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return try KnowledgeBase.parse(texts, folder: folder)
    }

    /// A file's text; refuses unreadable, oversized and non-UTF-8 files with a clear message.
    static func text(at path: String) throws(Diagnostics) -> String {
        try text(of: data(at: path), path: path)
    }

    /// A file's bytes; refuses unreadable and oversized files. The size is checked before
    /// anything is read (a regular file's from its metadata; anything else, a pipe or a
    /// device, is read up to the limit and no further).
    static func data(at path: String) throws(Diagnostics) -> Data {
        func refuse(_ message: String) -> Diagnostics { Diagnostics([Diagnostic(file: path, line: nil, message)]) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw refuse("cannot read the file: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw refuse("cannot read the file: \(String(cString: strerror(errno)))") }
        if info.st_mode & S_IFMT == S_IFDIR { throw refuse("is a folder, not a file") }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > maximumFileSize {
            throw refuse("file is \(info.st_size) bytes; the limit is \(maximumFileSize)")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw refuse("cannot read the file: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > maximumFileSize { throw refuse("file is over \(maximumFileSize) bytes, the limit") }
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

/// A text file read with the knowledge files' checks (size before reading, UTF-8, no NUL).
public enum TextFile {
    /// The text of the file at `path`, or every problem with it.
    public static func read(_ path: String) throws(Diagnostics) -> String { try Loading.text(at: path) }
}
