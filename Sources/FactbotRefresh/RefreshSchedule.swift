/// When the next refresh is due: every `interval` seconds, each wait stretched or shrunk
/// by up to `jitter` of it so many bots do not hit a site together. Time is passed in.
/// A run that is still going is never doubled up: the next run is planned from when the
/// current one finishes, so slow runs push the schedule back instead of piling up.
public struct RefreshSchedule: Sendable, Equatable {
    /// Seconds between runs.
    public var interval: Double
    /// Share of the interval by which each wait may vary (0.1 = ±10%).
    public var jitter: Double
    /// When the next run may start.
    public private(set) var nextDue: Double
    /// True while a run is going.
    public private(set) var running = false

    /// A schedule whose first run is due at `firstRun`.
    public init(interval: Double, jitter: Double = 0.1, firstRun: Double) {
        self.interval = max(1, interval)
        self.jitter = min(max(0, jitter), 0.5)
        self.nextDue = firstRun
    }

    /// True (and the run counts as started) when a run is due at `now` and none is going.
    public mutating func start(now: Double) -> Bool {
        guard !running, now >= nextDue else { return false }
        running = true
        return true
    }

    /// The run that started has finished at `now`; `random` in 0..<1 draws the jitter.
    public mutating func finish(now: Double, random: Double) {
        running = false
        nextDue = now + interval * (1 + jitter * (2 * min(max(random, 0), 1) - 1))
    }
}
