import Foundation
import InboxClient

#if canImport(Glibc)
    import Glibc
#endif

/// One non-blocking TCP connection; every wait is a `poll` in short slices, so deadlines
/// and cancellation are honoured.
final class SocketConnection: @unchecked Sendable {
    private var descriptor: Int32
    /// Whether any byte of the current response has arrived (an EOF before that on a fresh
    /// request means the server dropped the connection).
    static let pollSliceMilliseconds: Int32 = 50

    init(host: String, port: UInt16, deadline: Date, cancellation: CancellationToken)
        throws(TransportError)
    {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let name = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        // TODO: getaddrinfo blocks and ignores the deadline and cancellation; fine for
        // loopback and literal addresses, slow for a name whose DNS does not answer.
        guard getaddrinfo(name, String(port), &hints, &list) == 0, let first = list else {
            throw TransportError(.cannotConnect, "cannot resolve the host")
        }
        defer { freeaddrinfo(list) }

        descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, 0)
        guard descriptor >= 0 else { throw TransportError(.cannotConnect, "no socket") }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        _ = setsockopt(
            descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one,
            socklen_t(MemoryLayout<Int32>.size))

        if connect(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else {
                close()
                throw TransportError(.cannotConnect, "connection refused")
            }
            do {
                try wait(for: Int16(POLLOUT), deadline: deadline, cancellation: cancellation)
            } catch {
                close()
                throw error.kind == .timedOut
                    ? TransportError(.cannotConnect, "connect timed out")
                    : error
            }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
            guard failure == 0 else {
                close()
                throw TransportError(.cannotConnect, "connection refused")
            }
        }
    }

    /// Whether the peer has not closed an idle connection (nothing readable yet).
    var isStillOpen: Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return descriptor >= 0 && poll(&entry, 1, 0) == 0
    }

    /// Writes every byte.
    func write(_ bytes: [UInt8], deadline: Date, cancellation: CancellationToken)
        throws(TransportError)
    {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(
                    descriptor, raw.baseAddress! + offset, raw.count - offset,
                    Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                try wait(for: Int16(POLLOUT), deadline: deadline, cancellation: cancellation)
            } else {
                throw TransportError(.connectionLost, "the connection was lost while sending")
            }
        }
    }

    /// Reads what is available (at least one byte), or returns 0 at end of stream.
    func read(into buffer: inout [UInt8], deadline: Date, cancellation: CancellationToken)
        throws(TransportError) -> Int
    {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw in
                recv(descriptor, raw.baseAddress, raw.count, 0)
            }
            if count >= 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return count
            }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw TransportError(.connectionLost, "the connection was reset")
            }
            try wait(for: Int16(POLLIN), deadline: deadline, cancellation: cancellation)
        }
    }

    /// Polls until the socket is ready for `events`, the deadline passes, or cancellation.
    private func wait(for events: Int16, deadline: Date, cancellation: CancellationToken)
        throws(TransportError)
    {
        while true {
            if cancellation.isCancelled { throw TransportError(.cancelled) }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw TransportError(.timedOut, "no response within the timeout")
            }
            let slice = min(Self.pollSliceMilliseconds, Int32(remaining * 1000) + 1)
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, slice)
            if ready > 0 { return }
            if ready < 0, errno != EINTR {
                throw TransportError(.connectionLost, "the connection failed")
            }
        }
    }

    /// Closes the socket; closing twice is harmless.
    func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    deinit {
        close()
    }
}
