/// Delays between reconnection attempts: exponential, capped, with jitter.
///
/// The first retry comes within a second or two; each failure doubles the delay up to
/// ``maximum``. Each delay is drawn from the upper half of its range, so many bots that
/// lost the same server do not return in lock-step.
public struct Backoff: Sendable, Equatable {
    /// The first delay, in seconds, before jitter.
    public var initial: Double
    /// The longest delay, in seconds.
    public var maximum: Double
    /// Failures since the last good connection.
    public private(set) var attempts = 0

    /// A backoff from `initial` seconds, doubling to at most `maximum`.
    public init(initial: Double = 1, maximum: Double = 60) {
        self.initial = max(0, initial)
        self.maximum = max(self.initial, maximum)
    }

    /// The next delay; `random` draws from 0..<1 (injectable for tests).
    public mutating func nextDelay(random: Double) -> Double {
        let exponent = min(attempts, 30)
        let base = min(maximum, initial * Double(1 << exponent))
        attempts += 1
        return base * (0.5 + 0.5 * min(max(random, 0), 1))
    }

    /// Starts again from ``initial`` after a connection that worked.
    public mutating func reset() { attempts = 0 }
}
