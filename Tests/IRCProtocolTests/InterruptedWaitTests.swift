import Foundation
import Testing

@testable import FactbotIRC

/// The adapter's poll wait when a signal lands in it (EINTR): it goes on with the time
/// left instead of taking the interruption for "time's up", and still sees the stop pipe.
@Suite(.serialized) struct InterruptedWaitTests {
    /// Runs `body` while another thread sends SIGUSR1 (a handler that does nothing) to this
    /// thread after `delay` seconds.
    func interrupted<T>(after delay: Double, _ body: () -> T) -> T {
        signal(SIGUSR1) { _ in }
        // The test runs on a worker thread that blocks signals: let SIGUSR1 in for a while.
        var usr1 = sigset_t()
        var previous = sigset_t()
        sigemptyset(&usr1)
        sigaddset(&usr1, SIGUSR1)
        pthread_sigmask(SIG_UNBLOCK, &usr1, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let target = pthread_self()
        let sent = DispatchSemaphore(value: 0)
        let signaller = Thread {
            Thread.sleep(forTimeInterval: delay)
            pthread_kill(target, SIGUSR1)
            sent.signal()
        }
        signaller.start()
        let result = body()
        sent.wait()  // never a signal left pending once SIGUSR1 is blocked again
        return result
    }

    @Test func aSignalDoesNotEndTheWaitEarly() {
        var never: [Int32] = [0, 0]
        #expect(pipe(&never) == 0)
        defer { never.forEach { close($0) } }
        let start = Monotonic.now
        let result = interrupted(after: 0.1) { wait(for: never[0], Int32(POLLIN), stop: -1, timeout: 0.6) }
        #expect(result == .timedOut)
        // A lower bound only: the wait must not return at the signal (0.1 s).
        #expect(Monotonic.now - start >= 0.55)
    }

    @Test func theStopPipeIsStillSeenAfterASignal() {
        var never: [Int32] = [0, 0]
        var stop: [Int32] = [0, 0]
        #expect(pipe(&never) == 0 && pipe(&stop) == 0)
        defer { (never + stop).forEach { close($0) } }
        let writeEnd = stop[1]
        let writer = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            _ = write(writeEnd, "x", 1)
        }
        writer.start()
        let result = interrupted(after: 0.1) { wait(for: never[0], Int32(POLLIN), stop: stop[0], timeout: 10) }
        #expect(result == .stopped)
    }
}
