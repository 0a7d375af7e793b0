import COpenSSL
import Glibc

/// SIGINT and SIGTERM turned into a readable file descriptor (the self-pipe trick), so
/// the one `poll` loop wakes for a signal as it does for the socket.
public enum ShutdownSignal {
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    nonisolated(unsafe) private static var readEnd: Int32 = -1

    /// Installs the handlers (once) and returns the descriptor that turns readable on a signal.
    public static func install() -> Int32 {
        if readEnd >= 0 { return readEnd }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return -1 }
        for fd in ends {
            _ = factbot_fcntl_setfl(fd, factbot_fcntl_getfl(fd) | O_NONBLOCK)
            _ = factbot_fcntl_cloexec(fd)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
        signal(SIGPIPE, SIG_IGN)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = Glibc.write(ShutdownSignal.writeEnd, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may have spawned us with these blocked (a blocked mask survives exec).
        var wanted = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGINT)
        sigaddset(&wanted, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        return readEnd
    }
}
