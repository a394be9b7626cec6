import CCurlLoader
import FoundationEssentials
import InboxClient

#if canImport(Glibc)
    import Glibc
#endif

/// HTTP for the live API through libcurl, which is loaded on the first request (see
/// `inbox_curl.h`): linking URLSession instead would load libcurl, TLS and their friends
/// at every start, even for scripts that never use the network.
final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// Sends the request and blocks until the response, a failure, the timeout, or
    /// cancellation.
    func send(_ request: TransportRequest, cancellation: CancellationToken)
        throws(TransportError) -> TransportResponse
    {
        let flag = CancelFlag()
        let handler = cancellation.onCancel { flag.trip() }
        defer { cancellation.removeHandler(handler) }

        var response = inbox_curl_response()
        defer { inbox_curl_response_free(&response) }
        let lines = request.headers.map { "\($0.name): \($0.value)" }
        let outcome = Self.perform(request, lines, flag, &response)

        guard outcome == Int32(INBOX_CURL_OK) else {
            throw Self.failure(outcome, message: Self.message(of: &response), request)
        }
        let headerText = Self.text(response.headers.bytes, response.headers.length)
        let body =
            response.body.bytes.map { Data(bytes: $0, count: response.body.length) } ?? Data()
        return TransportResponse(
            status: Int(response.status), headers: Self.headers(headerText), body: body)
    }

    private static func perform(
        _ request: TransportRequest, _ lines: [String], _ flag: CancelFlag,
        _ response: UnsafeMutablePointer<inbox_curl_response>
    ) -> Int32 {
        let cLines = lines.map { UnsafePointer(strdup($0)) }
        defer {
            for line in cLines { free(UnsafeMutablePointer(mutating: line)) }
        }
        // An empty body still needs an address, so that curl sends it (as length 0).
        let body = request.body.map { $0.isEmpty ? Data([0]) : $0 }
        let length = request.body?.count ?? 0
        return cLines.withUnsafeBufferPointer { headers in
            guard let body else {
                return inbox_curl_perform(
                    request.method, request.url, headers.baseAddress, headers.count, nil, 0,
                    request.timeout, flag.pointer, response)
            }
            return body.withUnsafeBytes { bytes in
                inbox_curl_perform(
                    request.method, request.url, headers.baseAddress, headers.count,
                    bytes.baseAddress, length, request.timeout, flag.pointer, response)
            }
        }
    }

    /// The headers of the final response (interim `100 Continue` blocks are dropped).
    static func headers(_ block: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in block.split(separator: "\r\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("HTTP/") {
                headers = [:]
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = HTTPHeader.trimmed(line[..<colon]).lowercased()
            let value = HTTPHeader.trimmed(line[line.index(after: colon)...])
            headers[name] = value
        }
        return headers
    }

    private static func failure(_ outcome: Int32, message: String, _ request: TransportRequest)
        -> TransportError
    {
        switch outcome {
        case Int32(INBOX_CURL_CANNOT_CONNECT):
            return TransportError(.cannotConnect, "cannot connect to the server")
        case Int32(INBOX_CURL_TIMED_OUT):
            return TransportError(.timedOut, "no response after \(request.timeout) s")
        case Int32(INBOX_CURL_CANCELLED): return TransportError(.cancelled)
        case Int32(INBOX_CURL_CONNECTION_LOST):
            return TransportError(.connectionLost, message)
        default: return TransportError(.other, message)
        }
    }

    private static func message(of response: inout inbox_curl_response) -> String {
        withUnsafeBytes(of: &response.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    private static func text(_ bytes: UnsafeMutablePointer<CChar>?, _ length: Int) -> String {
        guard let bytes else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}

/// The flag curl's progress callback reads; set from whichever thread cancels.
private final class CancelFlag: @unchecked Sendable {
    let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

    init() {
        pointer.initialize(to: 0)
    }

    deinit {
        pointer.deallocate()
    }

    func trip() {
        pointer.pointee = 1
    }
}
