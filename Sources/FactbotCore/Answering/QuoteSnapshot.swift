/// The sentences an answerer quotes from stored sources (their index, their sources and
/// who "he" or "she" is in them) as bytes, so that a start with fetched copies reads back
/// what reading every sentence for names, types and terms built: with the ten shipped
/// articles fetched, two thirds of a start's work. Pure, as ``IndexSnapshot``: the caller
/// stores the bytes and decides, through `fingerprint` (a hash of the stored copies, the
/// word lists and the program), when they still hold. Reading checks the magic, version,
/// fingerprint, a checksum and every count, and refuses anything else.
public enum QuoteSnapshot {
    /// Bumped whenever the layout changes.
    static let version: UInt32 = 1
    static let magic: [UInt8] = Array("FBQT".utf8)

    /// The bytes of the sentences `answerer` quotes, tagged with `fingerprint`; nil when it
    /// quotes none.
    public static func encode(_ answerer: Answerer, fingerprint: UInt64) -> [UInt8]? {
        guard let quotes = answerer.quotes else { return nil }
        var out = ByteWriter()
        let sources = quotes.answerer.knowledge.sources.values.sorted { $0.id < $1.id }
        for field in [\Source.id, \.url, \.title, \.author, \.publisher, \.published, \.section] { out.strings(sources.map { $0[keyPath: field] }) }
        out.array(sources.map { Int64($0.line) })
        let attributed = quotes.attributions.sorted { $0.key < $1.key }
        out.strings(attributed.map(\.key))
        out.array(attributed.map { $0.value.speaker == nil ? UInt8(0) : 1 })
        out.strings(attributed.map { $0.value.speaker ?? "" })
        out.strings(attributed.map(\.value.text))
        out.array(IndexSnapshot.encode(quotes.answerer.index, fingerprint: fingerprint))
        return SnapshotFrame.wrap(out, magic: magic, version: version, fingerprint: fingerprint)
    }

    /// The quoted sentences stored in `bytes`, if they were stored for `fingerprint` and are intact.
    public static func decode(_ bytes: UnsafeRawBufferPointer, fingerprint: UInt64) throws(IndexSnapshot.Refused) -> StoredQuotes {
        typealias Refused = IndexSnapshot.Refused
        var reader = ByteReader(bytes: bytes)
        let checksum = try SnapshotFrame.open(
            &reader, magic: magic, version: version, fingerprint: fingerprint, what: "factbot's quoted sentences",
            changed: "the stored copies, the knowledge or the program have changed")
        let ids = try reader.strings()
        var fields: [[String]] = [ids]
        for _ in 0..<6 { fields.append(try reader.strings(count: ids.count)) }
        let lines = try reader.array(Int64.self, count: ids.count)
        let keys = try reader.strings()
        let spoken = try reader.array(UInt8.self, count: keys.count)
        let speakers = try reader.strings(count: keys.count)
        let texts = try reader.strings(count: keys.count)
        let index = UnsafeRawBufferPointer(rebasing: bytes[try reader.take(try reader.int())])  // read in place, not copied
        guard reader.offset == bytes.count else { throw Refused(description: "inconsistent quotes") }
        guard reader.checksum == checksum else { throw Refused(description: "checksum mismatch") }
        let sources = ids.indices.map { at in
            var source = Source(
                id: fields[0][at], url: fields[1][at], title: fields[2][at], author: fields[3][at], publisher: fields[4][at],
                published: fields[5][at], line: Int(lines[at]))
            source.section = fields[6][at]
            return source
        }
        var attributions: [String: SentenceReading.Attribution] = [:]
        for (at, key) in keys.enumerated() {
            attributions[key] = SentenceReading.Attribution(speaker: spoken[at] == 0 ? nil : speakers[at], text: texts[at])
        }
        return StoredQuotes(index: try IndexSnapshot.decode(index, fingerprint: fingerprint), sources: sources, attributions: attributions)
    }
}

/// Quoted sentences read back from a ``QuoteSnapshot``, for
/// ``Answerer/init(knowledge:index:settings:quotes:)``.
public struct StoredQuotes: Sendable {
    let index: FactIndex
    let sources: [Source]
    let attributions: [String: SentenceReading.Attribution]

    /// How many sentences there are.
    public var count: Int { index.facts.count }
}
