import COpenSSL
import Foundation
import Glibc

/// SIGHUP as a request to reload, not the end of the program: the handler only writes a
/// byte to a pipe (the self-pipe trick), and a thread of its own reads the pipe and runs
/// the reload, so the reload never runs inside a signal handler and never stalls the
/// connection's loop.
public enum ReloadSignal {
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    nonisolated(unsafe) private static var readEnd: Int32 = -1

    /// Installs the handler (once): from now on SIGHUP no longer ends the program. Call it
    /// before the slow start-up, so an early SIGHUP is kept for later rather than fatal.
    /// Returns false when the pipe cannot be made (SIGHUP then keeps its default).
    @discardableResult
    public static func install() -> Bool {
        if readEnd >= 0 { return true }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        _ = factbot_fcntl_setfl(ends[1], factbot_fcntl_getfl(ends[1]) | O_NONBLOCK)  // a full pipe: the reload is pending anyway
        for fd in ends { _ = factbot_fcntl_cloexec(fd) }
        readEnd = ends[0]
        writeEnd = ends[1]
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            let saved = errno
            var byte: UInt8 = 1
            _ = Glibc.write(ReloadSignal.writeEnd, &byte, 1)
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_RESTART)
        sigaction(SIGHUP, &action, nil)
        var wanted = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        return true
    }

    /// Runs `reload` on a thread of its own after every SIGHUP (several signals that
    /// arrive during one reload make one more reload, not one each).
    public static func onEachSignal(_ reload: @escaping @Sendable () -> Void) {
        guard install() else { return }
        let descriptor = readEnd
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 64)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return }
                // Take every byte already written: they all ask for the same reload.
                _ = factbot_fcntl_setfl(descriptor, factbot_fcntl_getfl(descriptor) | O_NONBLOCK)
                while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
                _ = factbot_fcntl_setfl(descriptor, factbot_fcntl_getfl(descriptor) & ~O_NONBLOCK)
                reload()
            }
        }
    }
}
