import Glibc

/// Seconds on the monotonic clock: the time the session's timers (and `run`'s refresh
/// schedule) run on.
public enum Monotonic {
    /// Now, in seconds since an arbitrary start.
    public static var now: Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
