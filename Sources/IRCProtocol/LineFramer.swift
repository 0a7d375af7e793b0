/// Cuts the bytes read from a connection into protocol lines.
///
/// Reads may end anywhere, even inside a UTF-8 sequence or between CR and LF: the
/// framer keeps the partial line until the rest arrives. Lines end at LF or CR; empty
/// lines are skipped; NUL bytes are dropped; invalid UTF-8 becomes U+FFFD. A line longer
/// than ``maximumLength`` bytes is discarded whole (counted in ``discardedLines``) rather
/// than buffered without bound.
public struct LineFramer: Sendable {
    /// The longest line kept: 8191 bytes of tags plus 512 of message (IRCv3).
    public static let defaultMaximumLength = 8191 + 512

    /// The longest line kept, in bytes.
    public let maximumLength: Int
    /// How many overlong lines were thrown away so far.
    public private(set) var discardedLines = 0

    private var pending: [UInt8] = []
    private var discarding = false

    /// A framer that keeps lines up to `maximumLength` bytes.
    public init(maximumLength: Int = LineFramer.defaultMaximumLength) {
        self.maximumLength = maximumLength
    }

    /// Feeds bytes and returns every line they complete.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [String] where Bytes.Element == UInt8 {
        var lines: [String] = []
        for byte in bytes {
            switch byte {
            case 0x0A, 0x0D:
                if discarding {
                    discarding = false
                } else if !pending.isEmpty {
                    lines.append(String(decoding: pending, as: UTF8.self))
                }
                pending.removeAll(keepingCapacity: true)
            case 0x00:
                continue
            default:
                guard !discarding else { continue }
                if pending.count == maximumLength {
                    discarding = true
                    discardedLines += 1
                    pending.removeAll(keepingCapacity: true)
                } else {
                    pending.append(byte)
                }
            }
        }
        return lines
    }

    /// Bytes held for a line that has not ended yet.
    public var bufferedByteCount: Int { pending.count }
}
