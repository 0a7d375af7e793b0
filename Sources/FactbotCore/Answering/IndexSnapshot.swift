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
    static let version: UInt32 = 6
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
        var files: [String] = []
        var fileIndex: [String: Int32] = [:]
        out.array(
            facts.map { fact -> Int32 in
                if let known = fileIndex[fact.file] { return known }
                fileIndex[fact.file] = Int32(files.count)
                files.append(fact.file)
                return Int32(files.count - 1)
            })
        out.strings(files)
        out.array(facts.map { Int64($0.line) })
        out.array(facts.map { Int64($0.sourceLine ?? -1) })  // -1: none
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
        out.array(facts.map { Int32($0.context.count) })
        out.strings(facts.flatMap(\.context))
        out.array(facts.map { $0.isDraft ? UInt8(1) : 0 })
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

        return SnapshotFrame.wrap(out, magic: magic, version: version, fingerprint: fingerprint)
    }

    /// The index stored in `bytes`, if they hold one built for `fingerprint` and intact.
    public static func decode(_ bytes: [UInt8], fingerprint: UInt64) throws(Refused) -> FactIndex {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(Refused) in try decode(buffer, fingerprint: fingerprint) } }
        return try result.get()
    }

    /// The same, reading the bytes in place (a mapped file, say) without copying them.
    /// `consumed` is told, every few megabytes, how many bytes have been read: pages of a
    /// mapped file below that may be released, so the file never sits whole in memory.
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, fingerprint: UInt64,
        consumed: ((Int) -> Void)? = nil
    ) throws(Refused) -> FactIndex {
        var reader = ByteReader(bytes: bytes)
        reader.consumed = consumed
        let checksum = try SnapshotFrame.open(
            &reader, magic: magic, version: version, fingerprint: fingerprint, what: "a factbot index", changed: "the knowledge or the program has changed")

        let ids = try reader.strings()
        let count = ids.count
        let answers = try reader.strings(count: count)
        let sourceIDs = try reader.strings(count: count)
        let fileIndex = try reader.array(Int32.self, count: count)
        let files = try reader.strings()
        let lines = try reader.array(Int64.self, count: count)
        let sourceLines = try reader.array(Int64.self, count: count)
        let questions = try reader.groups { reader throws(Refused) in try reader.strings() }
        let questionLines = try reader.groups { reader throws(Refused) in try reader.array(Int64.self) }
        let keywords = try reader.groups { reader throws(Refused) in try reader.strings() }
        let types = try reader.groups { reader throws(Refused) in try reader.array(UInt8.self) }
        let relationKinds = try reader.groups { reader throws(Refused) in try reader.array(UInt8.self) }
        let relationIDs = try reader.groups { reader throws(Refused) in try reader.strings() }
        let relationLines = try reader.groups { reader throws(Refused) in try reader.array(Int64.self) }
        let contexts = try reader.groups { reader throws(Refused) in try reader.strings() }
        let drafts = try reader.array(UInt8.self, count: count)
        guard questions.count == count, questionLines.count == count, keywords.count == count, types.count == count,
            relationKinds.count == count, relationIDs.count == count, relationLines.count == count, contexts.count == count,
            zip(relationKinds, relationIDs).allSatisfy({ $0.count == $1.count }), zip(relationKinds, relationLines).allSatisfy({ $0.count == $1.count }),
            fileIndex.allSatisfy({ $0 >= 0 && Int($0) < files.count })
        else { throw Refused(description: "inconsistent facts") }
        var facts: [Fact] = []
        facts.reserveCapacity(count)
        for f in 0..<count {
            var factTypes: [AnswerType] = []
            for raw in types[f] {
                guard Int(raw) < AnswerType.allCases.count else { throw Refused(description: "unknown answer type") }
                factTypes.append(AnswerType.allCases[Int(raw)])
            }
            var fact = Fact(
                id: ids[f], answer: answers[f], questions: questions[f], keywords: keywords[f], types: factTypes,
                sourceID: sourceIDs[f], file: files[Int(fileIndex[f])], line: Int(lines[f]),
                questionLines: questionLines[f].map { Int($0) })
            fact.sourceLine = sourceLines[f] < 0 ? nil : Int(sourceLines[f])
            fact.context = contexts[f]
            fact.isDraft = drafts[f] != 0
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
        return FactIndex(
            restoring: facts, termIDs: termIDs, isName: isName, vocabulary: vocabulary,
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
