/// Appends numbers, arrays and strings, little-endian, with counts first.
struct ByteWriter {
    var bytes: [UInt8] = []
    /// The hash of every segment appended, in order (``ByteReader`` takes the same segments).
    var checksum: UInt64 = Checksum.seed

    private mutating func append(_ segment: UnsafeRawBufferPointer) {
        bytes += segment
        checksum = Checksum.fnv64(segment, seed: checksum)
    }

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { append($0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { append($0) } }
    mutating func int(_ value: Int) { u64(UInt64(value)) }

    /// The count, then the elements' bytes as they lie in memory (this machine's order;
    /// the fingerprint includes the program, so a file never travels between machines).
    mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { append($0) }
    }

    /// The count, each string's length in bytes, then all the bytes.
    mutating func strings(_ values: [String]) {
        array(values.map { Int32($0.utf8.count) })
        for var value in values { value.withUTF8 { append(UnsafeRawBufferPointer($0)) } }
    }
}

/// Reads what ``ByteWriter`` wrote, refusing any count that runs past the end.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    /// Hash of the segments taken since ``startChecksum()``, to compare with the writer's.
    var checksum: UInt64?
    /// Told, every few megabytes, how far reading has got: the caller may drop those
    /// pages (of a mapped file) from memory.
    var consumed: ((Int) -> Void)?
    private var reported = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func startChecksum() { checksum = Checksum.seed }

    mutating func take(_ count: Int) throws(IndexSnapshot.Refused) -> Range<Int> {
        guard count >= 0, count <= bytes.count - offset else { throw IndexSnapshot.Refused(description: "truncated") }
        let range = offset..<(offset + count)
        offset += count
        if let sum = checksum { checksum = Checksum.fnv64(UnsafeRawBufferPointer(rebasing: bytes[range]), seed: sum) }
        if offset - reported >= 4 << 20, let consumed {
            reported = offset
            consumed(offset)
        }
        return range
    }

    mutating func u32() throws(IndexSnapshot.Refused) -> UInt32 {
        let range = try take(4)
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt32.self))
    }

    mutating func u64() throws(IndexSnapshot.Refused) -> UInt64 {
        let range = try take(8)
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self))
    }

    mutating func int() throws(IndexSnapshot.Refused) -> Int {
        let value = try u64()
        guard value <= UInt64(Int32.max) * 64 else { throw IndexSnapshot.Refused(description: "implausible count") }
        return Int(value)
    }

    mutating func array<T: BitwiseCopyable>(_ type: T.Type, count expected: Int? = nil) throws(IndexSnapshot.Refused) -> [T] {
        let count = try int()
        if let expected, count != expected { throw IndexSnapshot.Refused(description: "unexpected count") }
        let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !overflow else { throw IndexSnapshot.Refused(description: "implausible count") }
        let range = try take(size)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialised in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[range]))
            initialised = count
        }
    }

    mutating func strings(count expected: Int? = nil) throws(IndexSnapshot.Refused) -> [String] {
        let lengths = try array(Int32.self, count: expected)
        var result: [String] = []
        result.reserveCapacity(lengths.count)
        for length in lengths {
            let range = try take(Int(length))
            result.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        }
        return result
    }

    /// Splits `items` into groups by counts read first (the counts were written before the items).
    mutating func groups<T>(_ read: (inout ByteReader) throws(IndexSnapshot.Refused) -> [T]) throws(IndexSnapshot.Refused) -> [[T]] {
        let counts = try array(Int32.self)
        let items = try read(&self)
        guard counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, { $0 + Int($1) }) == items.count else {
            throw IndexSnapshot.Refused(description: "inconsistent groups")
        }
        var result: [[T]] = []
        result.reserveCapacity(counts.count)
        var start = 0
        for count in counts {
            result.append(Array(items[start..<(start + Int(count))]))
            start += Int(count)
        }
        return result
    }
}

/// The header that frames a snapshot's payload (``IndexSnapshot``, ``QuoteSnapshot``): a
/// magic of four bytes, the layout's version, the fingerprint it was built for, and the
/// payload's length and checksum.
enum SnapshotFrame {
    /// `payload` behind its header.
    static func wrap(_ payload: ByteWriter, magic: [UInt8], version: UInt32, fingerprint: UInt64) -> [UInt8] {
        var header = ByteWriter()
        header.bytes = magic
        header.u32(version)
        header.u64(fingerprint)
        header.int(payload.bytes.count)
        header.u64(payload.checksum)
        return header.bytes + payload.bytes
    }

    /// Checks the header of `reader`'s bytes and leaves the reader at the payload, summing
    /// what it reads; returns the checksum the payload must have once read. `what` names
    /// the kind for a refusal ("not a factbot index"), `changed` what a fingerprint
    /// mismatch means.
    static func open(_ reader: inout ByteReader, magic: [UInt8], version: UInt32, fingerprint: UInt64, what: String, changed: String)
        throws(IndexSnapshot.Refused) -> UInt64
    {
        let bytes = reader.bytes
        guard bytes.count >= 32, Array(bytes[0..<4]) == magic else { throw IndexSnapshot.Refused(description: "not \(what)") }
        reader.offset = 4
        guard try reader.u32() == version else { throw IndexSnapshot.Refused(description: "made by another version of factbot") }
        guard try reader.u64() == fingerprint else { throw IndexSnapshot.Refused(description: changed) }
        let length = try reader.int()
        let checksum = try reader.u64()
        guard length == bytes.count - reader.offset else { throw IndexSnapshot.Refused(description: "truncated") }
        reader.startChecksum()  // checked once all is read, before anything is built on it
        return checksum
    }
}
