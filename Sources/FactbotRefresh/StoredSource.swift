import SourceText

/// The last good copy of one source, as kept under the state folder.
public struct StoredSource: Codable, Sendable, Equatable {
    /// The source id from knowledge/sources.yaml (or `--source ID=URL`).
    public var id: String
    /// The URL asked for.
    public var url: String
    /// Where the page was found after redirects.
    public var finalURL: String
    /// Validators for the next conditional GET.
    public var etag: String?
    public var lastModified: String?
    /// When it was fetched (UTC, ISO 8601).
    public var fetchedAt: String
    /// FNV-1a 64 of the body, in hex: tells a changed page from a re-served one.
    public var contentHash: String
    /// HTTP status of the fetch that produced this copy.
    public var status: Int
    /// The extracted article.
    public var article: Article

    /// The text facts are checked against (``Drift``): the headline and the body.
    public var checkedText: String { article.paragraphs.joined(separator: " ") + " " + article.title }

    /// FNV-1a 64-bit hash of bytes, as 16 hex digits.
    public static func hash(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
