import Foundation
import HTTPServer
import InboxClient
import InboxEmulator

/// Opens an emulator team as an `Inbox`: the real v1 or v2 client over a transport that
/// hands each request to the emulator's router in process (no sockets, no networking).
enum EmulatorInbox {
    /// The bearer token of the in-process router; it never leaves this process.
    static let token = "ibt_in_process"

    static func open(path: String, version: InboxClient.APIVersion) throws -> any Inbox {
        if path != EmulatorStore.inMemory {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true)
            }
        }
        let store = try EmulatorStore(path: path)
        let router = EmulatorRouter(store: store, token: token)
        let configuration = InboxConfiguration(
            version: version, baseURL: "http://emulator.invalid/api/\(version.rawValue)",
            token: token, retry: RetryPolicy(maxRetries: 0), rateLimits: [])
        return InboxClients.make(configuration, transport: RouterTransport(router: router))
    }
}

/// An `HTTPTransport` that answers from an ``EmulatorRouter`` in the calling thread.
struct RouterTransport: HTTPTransport {
    let router: EmulatorRouter

    func send(_ request: TransportRequest, cancellation: CancellationToken) throws(TransportError)
        -> TransportResponse
    {
        var headers: [String: String] = [:]
        for header in request.headers {
            headers[header.name.lowercased()] = header.value
        }
        let path = request.path.removingPercentEncoding ?? request.path
        let response = router.handle(
            HTTPRequest(
                method: request.method, path: path, rawQuery: request.query ?? "",
                headers: headers, body: request.body.map { [UInt8]($0) } ?? []))
        var responseHeaders: [String: String] = [:]
        for header in response.headers {
            responseHeaders[header.name] = header.value
        }
        return TransportResponse(
            status: response.status, headers: responseHeaders, body: Data(response.body))
    }
}
