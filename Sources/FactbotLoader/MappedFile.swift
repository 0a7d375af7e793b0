import Foundation
import WordNet

/// Files mapped read-only into memory: the pages are read from disk only when touched,
/// and shared with every other process mapping the same file.
enum MappedFile {
    /// The bytes of the regular file at `path`, unmapped when the result goes away; nil
    /// when it cannot be opened or mapped.
    static func map(_ path: String) -> Bytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return Bytes([]) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        let pointer = UnsafeRawPointer(address)
        return Bytes(buffer: UnsafeRawBufferPointer(start: pointer, count: size)) {
            munmap(UnsafeMutableRawPointer(mutating: pointer), size)
        }
    }
}
