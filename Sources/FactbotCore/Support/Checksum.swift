/// A fast 64-bit hash of bytes (FNV-1a, eight bytes at a time): for telling whether files
/// changed and whether a stored index is intact. Not cryptographic.
public enum Checksum {
    /// The starting value.
    public static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of raw bytes, continuing from `seed`.
    public static func fnv64(_ raw: UnsafeRawBufferPointer, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        let prime: UInt64 = 0x100_0000_01b3
        var index = 0
        while index + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* prime
            index += 8
        }
        while index < raw.count {
            hash = (hash ^ UInt64(raw[index])) &* prime
            index += 1
        }
        return hash
    }

    /// The hash of `bytes`, continuing from `seed`.
    public static func fnv64<Bytes: Collection>(_ bytes: Bytes, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where Bytes.Element == UInt8 {
        var hash = seed
        let prime: UInt64 = 0x100_0000_01b3
        let done: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            hash = fnv64(UnsafeRawBufferPointer(buffer), seed: hash)
            return true
        }
        if done == nil {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        }
        return hash
    }
}
