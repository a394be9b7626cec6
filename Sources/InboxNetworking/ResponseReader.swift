import Foundation
import InboxClient

/// Reads one HTTP/1.1 response from a connection: status line, headers, and a body framed
/// by `Content-Length`, chunked encoding, or the end of the connection.
struct ResponseReader {
    let connection: SocketConnection
    private var buffer: [UInt8] = []
    private var position = 0

    init(connection: SocketConnection) {
        self.connection = connection
        buffer.reserveCapacity(65_536)
    }

    /// The response, and whether the connection may carry another request.
    mutating func read(method: String, deadline: Date, cancellation: CancellationToken)
        throws(TransportError) -> (TransportResponse, Bool)
    {
        var headEnd: Int?
        while headEnd == nil {
            if try fill(deadline, cancellation) == 0 {
                throw TransportError(
                    .connectionLost,
                    buffer.isEmpty
                        ? "the server closed the connection without answering"
                        : "the response was cut short")
            }
            headEnd = find([13, 10, 13, 10], from: 0)
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        position = headEnd! + 4
        var lines = head.components(separatedBy: "\r\n")
        let statusParts = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw TransportError(.other, "not an HTTP response")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }

        var body: [UInt8]
        var reusable = headers["connection"]?.lowercased() != "close"
        if method == "HEAD" || status == 204 || status == 304 || (100..<200).contains(status) {
            body = []
        } else if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try readChunked(deadline, cancellation)
        } else if let length = headers["content-length"].flatMap(Int.init) {
            while buffer.count - position < length {
                guard try fill(deadline, cancellation) > 0 else {
                    throw TransportError(.connectionLost, "the response body was cut short")
                }
            }
            body = Array(buffer[position..<position + length])
        } else {
            while try fill(deadline, cancellation) > 0 {}
            body = Array(buffer[position...])
            reusable = false
        }
        return (TransportResponse(status: status, headers: headers, body: Data(body)), reusable)
    }

    private mutating func readChunked(_ deadline: Date, _ cancellation: CancellationToken)
        throws(TransportError) -> [UInt8]
    {
        var body: [UInt8] = []
        while true {
            let lineEnd = try waitFor([13, 10], deadline, cancellation)
            let sizeText =
                String(decoding: buffer[position..<lineEnd], as: UTF8.self)
                .split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16)
            else { throw TransportError(.other, "bad chunk size") }
            position = lineEnd + 2
            if size == 0 {
                _ = try waitFor([13, 10], deadline, cancellation)
                return body
            }
            while buffer.count - position < size + 2 {
                guard try fill(deadline, cancellation) > 0 else {
                    throw TransportError(.connectionLost, "the response body was cut short")
                }
            }
            body.append(contentsOf: buffer[position..<position + size])
            position += size + 2
        }
    }

    private mutating func waitFor(
        _ pattern: [UInt8], _ deadline: Date, _ cancellation: CancellationToken
    ) throws(TransportError) -> Int {
        while true {
            if let found = find(pattern, from: position) { return found }
            guard try fill(deadline, cancellation) > 0 else {
                throw TransportError(.connectionLost, "the response body was cut short")
            }
        }
    }

    private mutating func fill(_ deadline: Date, _ cancellation: CancellationToken)
        throws(TransportError) -> Int
    {
        try connection.read(into: &buffer, deadline: deadline, cancellation: cancellation)
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        var index = max(start, 0)
        while index + pattern.count <= buffer.count {
            if buffer[index] == pattern[0],
                buffer[index..<index + pattern.count]
                    .elementsEqual(pattern)
            {
                return index
            }
            index += 1
        }
        return nil
    }
}
