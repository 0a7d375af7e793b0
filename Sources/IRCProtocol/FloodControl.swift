/// A token bucket that paces outgoing lines: a small burst at once, then a steady rate.
///
/// Time is passed in (seconds on any monotonic clock), so the pacing is tested with a
/// clock the test controls. Networks differ, but a burst of 4 and one line a second keeps
/// a bot clear of ngircd's, Libera's and OFTC's flood limits.
public struct FloodControl: Sendable, Equatable {
    /// Lines that may go out back to back after a quiet spell.
    public var burst: Double
    /// Seconds between lines once the burst is spent.
    public var interval: Double

    private var tokens: Double
    private var updated: Double?

    /// A full bucket.
    public init(burst: Int = 4, interval: Double = 1.0) {
        self.burst = Double(max(1, burst))
        self.interval = max(0, interval)
        self.tokens = self.burst
    }

    private mutating func refill(_ now: Double) {
        if let updated, interval > 0 {
            tokens = min(burst, tokens + max(0, now - updated) / interval)
        } else if interval == 0 {
            tokens = burst
        }
        updated = now
    }

    /// When the next line may go: `now` if a token is available, else later.
    public mutating func nextSendTime(now: Double) -> Double {
        refill(now)
        return tokens >= 1 ? now : now + (1 - tokens) * interval
    }

    /// Takes a token if one is available; returns false when the line must wait.
    public mutating func take(now: Double) -> Bool {
        refill(now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Charges a line that must go at once (registration, PONG, QUIT): it spends a token
    /// if there is one, so ordinary lines wait, but never puts the bucket in debt (a slow
    /// SASL login must not hold the JOINs back for seconds).
    public mutating func charge(now: Double) {
        refill(now)
        tokens = max(tokens - 1, 0)
    }
}
