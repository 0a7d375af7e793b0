import Glibc

/// Seconds on the monotonic clock: the time the session's timers run on.
enum Monotonic {
    static var now: Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
