/// A built ``FactIndex`` (with its facts and vocabulary) as bytes, so that a large fact
/// base starts in a fraction of the time parsing and indexing its files takes. Pure: the
/// caller stores the bytes (factbot keeps them in its state folder) and decides when they
/// are still valid, through the `fingerprint` it passes in (a hash of the knowledge files
/// and the program).
///
/// Reading checks everything: the magic, the version, the fingerprint, a checksum of the
/// whole payload, and that every count and id is within range, so a stale, truncated or
/// corrupt file is refused (and rebuilt by the caller), never trusted.
public enum IndexSnapshot {
    /// Bumped whenever the layout changes.
    static let version: UInt32 = 3
    static let magic: [UInt8] = Array("FBIX".utf8)

    /// Why a snapshot was not used.
    public struct Refused: Error, CustomStringConvertible {
        /// What was wrong.
        public var description: String
    }

    /// The bytes of `index`, tagged with `fingerprint`.
    public static func encode(_ index: FactIndex, fingerprint: UInt64) -> [UInt8] {
        var out = ByteWriter()
        // facts
        let facts = index.facts
        out.strings(facts.map(\.id))
        out.strings(facts.map(\.answer))
        out.strings(facts.map(\.sourceID))
        var files: [String] = [], fileIndex: [String: Int32] = [:]
        out.array(facts.map { fact -> Int32 in
            if let known = fileIndex[fact.file] { return known }
            fileIndex[fact.file] = Int32(files.count)
            files.append(fact.file)
            return Int32(files.count - 1)
        })
        out.strings(files)
        out.array(facts.map { Int64($0.line) })
        out.array(facts.map { Int32($0.questions.count) })
        out.strings(facts.flatMap(\.questions))
        out.array(facts.map { Int32($0.questionLines.count) })
        out.array(facts.flatMap { $0.questionLines.map(Int64.init) })
        out.array(facts.map { Int32($0.keywords.count) })
        out.strings(facts.flatMap(\.keywords))
        out.array(facts.map { Int32($0.types.count) })
        out.array(facts.flatMap { $0.types.map { UInt8(AnswerType.allCases.firstIndex(of: $0) ?? 0) } })
        out.array(facts.map { Int32($0.relations.count) })
        out.array(facts.flatMap { $0.relations.map { UInt8(Fact.Relation.Kind.allCases.firstIndex(of: $0.kind) ?? 0) } })
        out.array(facts.map { Int32($0.relations.count) })
        out.strings(facts.flatMap { $0.relations.map(\.factID) })
        out.array(facts.map { Int32($0.relations.count) })
        out.array(facts.flatMap { $0.relations.map { Int64($0.line) } })
        // index
        var keys = [String](repeating: "", count: index.termCount)
        for (key, id) in index.termIDs { keys[Int(id)] = key }
        out.strings(keys)
        out.array(index.postingStart)
        out.array(index.postingFacts)
        out.array(index.postingWeights)
        out.array(index.isName.map { $0 ? UInt8(1) : 0 })
        out.array(index.factTermStart)
        out.array(index.factTerms)
        out.array(index.factTermWeights)
        out.array(index.exampleStart)
        out.array(index.exampleTerms)
        out.array(index.factExampleStart)
        // vocabulary
        let vocabulary = index.vocabulary
        out.strings(vocabulary.words)
        out.array(vocabulary.frequency)
        out.array(vocabulary.letters.map(\.value))
        out.array(vocabulary.letterStart)
        out.strings(vocabulary.stems.sorted())

        var header = ByteWriter()
        header.bytes = magic
        header.u32(version)
        header.u64(fingerprint)
        header.int(out.bytes.count)
        header.u64(out.checksum)
        return header.bytes + out.bytes
    }

    /// The index stored in `bytes`, if they hold one built for `fingerprint` and intact.
    public static func decode(_ bytes: [UInt8], fingerprint: UInt64) throws(Refused) -> FactIndex {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(Refused) in try decode(buffer, fingerprint: fingerprint) } }
        return try result.get()
    }

    /// The same, reading the bytes in place (a mapped file, say) without copying them.
    /// `consumed` is told, every few megabytes, how many bytes have been read: pages of a
    /// mapped file below that may be released, so the file never sits whole in memory.
    public static func decode(_ bytes: UnsafeRawBufferPointer, fingerprint: UInt64,
                              consumed: ((Int) -> Void)? = nil) throws(Refused) -> FactIndex {
        var reader = ByteReader(bytes: bytes)
        reader.consumed = consumed
        guard bytes.count >= 32, Array(bytes[0..<4]) == magic else { throw Refused(description: "not a factbot index") }
        reader.offset = 4
        guard try reader.u32() == version else { throw Refused(description: "made by another version of factbot") }
        guard try reader.u64() == fingerprint else { throw Refused(description: "the knowledge or the program has changed") }
        let length = try reader.int()
        let checksum = try reader.u64()
        guard length == bytes.count - reader.offset else { throw Refused(description: "truncated") }
        reader.startChecksum()  // checked once all is read, before anything is built on it

        let ids = try reader.strings()
        let count = ids.count
        let answers = try reader.strings(count: count)
        let sourceIDs = try reader.strings(count: count)
        let fileIndex = try reader.array(Int32.self, count: count)
        let files = try reader.strings()
        let lines = try reader.array(Int64.self, count: count)
        let questions = try reader.groups { reader throws(Refused) in try reader.strings() }
        let questionLines = try reader.groups { reader throws(Refused) in try reader.array(Int64.self) }
        let keywords = try reader.groups { reader throws(Refused) in try reader.strings() }
        let types = try reader.groups { reader throws(Refused) in try reader.array(UInt8.self) }
        let relationKinds = try reader.groups { reader throws(Refused) in try reader.array(UInt8.self) }
        let relationIDs = try reader.groups { reader throws(Refused) in try reader.strings() }
        let relationLines = try reader.groups { reader throws(Refused) in try reader.array(Int64.self) }
        guard questions.count == count, questionLines.count == count, keywords.count == count, types.count == count,
              relationKinds.count == count, relationIDs.count == count, relationLines.count == count,
              zip(relationKinds, relationIDs).allSatisfy({ $0.count == $1.count }), zip(relationKinds, relationLines).allSatisfy({ $0.count == $1.count }),
              fileIndex.allSatisfy({ $0 >= 0 && Int($0) < files.count }) else { throw Refused(description: "inconsistent facts") }
        var facts: [Fact] = []
        facts.reserveCapacity(count)
        for f in 0..<count {
            var factTypes: [AnswerType] = []
            for raw in types[f] {
                guard Int(raw) < AnswerType.allCases.count else { throw Refused(description: "unknown answer type") }
                factTypes.append(AnswerType.allCases[Int(raw)])
            }
            var fact = Fact(id: ids[f], answer: answers[f], questions: questions[f], keywords: keywords[f], types: factTypes,
                            sourceID: sourceIDs[f], file: files[Int(fileIndex[f])], line: Int(lines[f]),
                            questionLines: questionLines[f].map { Int($0) })
            for (r, raw) in relationKinds[f].enumerated() {
                guard Int(raw) < Fact.Relation.Kind.allCases.count else { throw Refused(description: "unknown relation") }
                fact.relations.append(Fact.Relation(Fact.Relation.Kind.allCases[Int(raw)], relationIDs[f][r], line: Int(relationLines[f][r])))
            }
            facts.append(fact)
        }

        let keys = try reader.strings()
        let terms = keys.count
        let postingStart = try reader.array(Int32.self, count: terms + 1)
        let postingFacts = try reader.array(Int32.self)
        let postingWeights = try reader.array(Float.self, count: postingFacts.count)
        let isName = try reader.array(UInt8.self, count: terms).map { $0 != 0 }
        let factTermStart = try reader.array(Int32.self, count: count + 1)
        let factTerms = try reader.array(Int32.self)
        let factTermWeights = try reader.array(Float.self, count: factTerms.count)
        let exampleStart = try reader.array(Int32.self)
        let exampleTerms = try reader.array(Int32.self)
        let factExampleStart = try reader.array(Int32.self, count: count + 1)
        guard Self.isOffsets(postingStart, end: postingFacts.count), Self.isOffsets(factTermStart, end: factTerms.count),
              Self.isOffsets(exampleStart, end: exampleTerms.count), Self.isOffsets(factExampleStart, end: exampleStart.count - 1),
              postingFacts.allSatisfy({ $0 >= 0 && Int($0) < count }),
              factTerms.allSatisfy({ $0 >= 0 && Int($0) < terms }), exampleTerms.allSatisfy({ $0 >= 0 && Int($0) < terms }),
              Self.isAscendingWithin(postingFacts, offsets: postingStart), Self.isAscendingWithin(factTerms, offsets: factTermStart),
              postingWeights.allSatisfy({ $0.isFinite && $0 > 0 }), factTermWeights.allSatisfy({ $0.isFinite && $0 > 0 })
        else { throw Refused(description: "inconsistent index") }
        // Scoring relies on these: a fact appears once per list and every weight adds (a
        // zero score means "not yet touched"); the type bits are worked out again.
        let typeMasks = facts.map { $0.types.reduce(UInt16(0)) { $0 | FactIndex.bit($1) } }

        var vocabulary = Vocabulary()
        vocabulary.words = try reader.strings()
        vocabulary.frequency = try reader.array(Int32.self, count: vocabulary.words.count)
        let scalars = try reader.array(UInt32.self)
        vocabulary.letters = try scalars.map { value throws(Refused) -> Unicode.Scalar in
            guard let scalar = Unicode.Scalar(value) else { throw Refused(description: "invalid letter") }
            return scalar
        }
        vocabulary.letterStart = try reader.array(Int32.self, count: vocabulary.words.count + 1)
        vocabulary.stems = Set(try reader.strings())
        guard Self.isOffsets(vocabulary.letterStart, end: vocabulary.letters.count), reader.offset == bytes.count
        else { throw Refused(description: "inconsistent vocabulary") }
        guard reader.checksum == checksum else { throw Refused(description: "checksum mismatch") }
        vocabulary.ids = Dictionary(vocabulary.words.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        vocabulary.rebuildVariants()  // quicker to recompute than to store and read back

        var termIDs: [String: Int32] = [:]
        termIDs.reserveCapacity(terms)
        for (id, key) in keys.enumerated() { termIDs[key] = Int32(id) }
        return FactIndex(restoring: facts, termIDs: termIDs, isName: isName, vocabulary: vocabulary,
                         postingStart: postingStart, postingFacts: postingFacts, postingWeights: postingWeights,
                         factTermStart: factTermStart, factTerms: factTerms, factTermWeights: factTermWeights,
                         exampleStart: exampleStart, exampleTerms: exampleTerms, factExampleStart: factExampleStart,
                         typeMasks: typeMasks)
    }

    /// True when each run `values[offsets[i]..<offsets[i + 1]]` strictly ascends (offsets already checked).
    static func isAscendingWithin(_ values: [Int32], offsets: [Int32]) -> Bool {
        for run in 0..<(offsets.count - 1) {
            var previous = Int32.min
            for index in Int(offsets[run])..<Int(offsets[run + 1]) {
                guard values[index] > previous else { return false }
                previous = values[index]
            }
        }
        return true
    }

    /// True for offsets into a list of `end` items: from 0, never decreasing, ending at `end`.
    static func isOffsets(_ offsets: [Int32], end: Int) -> Bool {
        guard let first = offsets.first, first == 0, Int(offsets.last!) == end else { return false }
        return zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }
    }
}

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
