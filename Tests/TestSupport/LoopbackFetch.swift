import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What a test saw come back from a loopback server.
public struct FetchedResponse: Sendable {
    /// The status code.
    public let status: Int
    /// Response headers, names lowercased.
    public let headers: [String: String]
    /// The body bytes.
    public let body: Data

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends one request with URLSession, the way a real client would, so the
/// server under test is exercised over a real socket.
public func fetch(
    _ url: String,
    method: String = "GET",
    headers: [String: String] = [:],
    body: Data? = nil,
    timeout: TimeInterval = 10
) async throws -> FetchedResponse {
    var request = URLRequest(url: URL(string: url)!, timeoutInterval: timeout)
    request.httpMethod = method
    request.httpBody = body
    for (name, value) in headers {
        request.setValue(value, forHTTPHeaderField: name)
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    var lowered: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
        lowered[String(describing: name).lowercased()] = String(describing: value)
    }
    return FetchedResponse(status: http.statusCode, headers: lowered, body: data)
}
