import Foundation
import Glibc

/// Whole-file writes that a crash or a SIGKILL can never leave torn.
public enum AtomicFile {
    /// Writes `bytes` to `file` in `folder` (created if missing, with its parents): temp
    /// file → write → fsync → rename → fsync the folder. Readers see the old file or the
    /// new one, whole. The file is readable by its owner only (0600): a stored copy or a
    /// cache is nobody else's business.
    public static func write(_ bytes: [UInt8], to file: String, in folder: String) throws(SourceStore.Problem) {
        try createFolder(folder)
        removeStaleTemporaries(of: file, in: folder)
        let temporary = "\(file).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SourceStore.Problem(description: "\(temporary): cannot create: \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw SourceStore.Problem(description: "\(temporary): write failed: \(reason)")
            }
            offset += written
        }
        let synced = fsync(fd) == 0
        let reason = String(cString: strerror(errno))
        guard close(fd) == 0, synced else {
            unlink(temporary)
            throw SourceStore.Problem(description: "\(temporary): fsync failed: \(reason)")
        }
        guard rename(temporary, file) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SourceStore.Problem(description: "\(file): rename failed: \(reason)")
        }
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// Creates `folder` and any missing parents, each new one readable by its owner only
    /// (0700); a folder that exists is left as it is.
    public static func createFolder(_ folder: String) throws(SourceStore.Problem) {
        var path = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") where !part.isEmpty {
            path += "/" + part
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw SourceStore.Problem(description: "\(folder): cannot create \(path): \(String(cString: strerror(errno)))")
            }
        }
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw SourceStore.Problem(description: "\(folder): not a folder")
        }
    }

    /// Temporary files a killed writer left (over a minute old): never read, removed here.
    static func removeStaleTemporaries(of file: String, in folder: String) {
        let name = String(file.split(separator: "/").last ?? "")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for other in names where other.hasPrefix(name + ".tmp-") {
            let path = "\(folder)/\(other)"
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
            if Date().timeIntervalSince(modified) > 60 { unlink(path) }
        }
    }
}
