#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only bytes of one WordNet file, however they were obtained: mapped from disk by
/// the caller (who says how to let them go) or copied from an array (tests). The reader
/// never opens a file itself.
public final class Bytes: @unchecked Sendable {
    /// The bytes. Valid until this object goes away.
    public let buffer: UnsafeRawBufferPointer
    private let release: (() -> Void)?

    /// Wraps bytes the caller owns; `release` is called when this object goes away
    /// (an `munmap`, say).
    public init(buffer: UnsafeRawBufferPointer, release: (() -> Void)?) {
        self.buffer = buffer
        self.release = release
    }

    /// A copy of `bytes`.
    public convenience init(_ bytes: [UInt8]) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        memory.copyBytes(from: bytes)
        self.init(buffer: UnsafeRawBufferPointer(rebasing: memory[..<bytes.count])) { memory.deallocate() }
    }

    /// A copy of `text`'s UTF-8.
    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    deinit { release?() }

    /// Number of bytes.
    public var count: Int { buffer.count }

    /// The byte at `offset`.
    @inline(__always) public subscript(offset: Int) -> UInt8 { buffer[offset] }

    /// True when a line starts at `offset`.
    func startsLine(_ offset: Int) -> Bool {
        offset == 0 || (offset > 0 && offset <= buffer.count && buffer[offset - 1] == 10)
    }

    /// Where the line starting at `offset` ends (its newline, or the end).
    func lineEnd(from offset: Int) -> Int {
        guard offset < buffer.count, let base = buffer.baseAddress else { return buffer.count }
        guard let newline = memchr(base + offset, 10, buffer.count - offset) else { return buffer.count }
        return base.distance(to: UnsafeRawPointer(newline))
    }
}
