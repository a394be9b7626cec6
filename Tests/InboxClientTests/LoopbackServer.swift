import Foundation
import HTTPServer
import InboxClient
import InboxNetworking

/// A scripted HTTP server on 127.0.0.1 and a client pointed at it over `URLSessionTransport`.
///
/// `script` answers request number `n` (0-based); every request is recorded.
final class LoopbackServer: Sendable {
    private let recorder = Recorder()
    private let server: HTTPServer
    let clock = RecordingClock()

    init(_ script: @escaping @Sendable (HTTPRequest, Int) -> HTTPServerReply) throws {
        let recorder = recorder
        server = try HTTPServer { request in script(request, recorder.record(request)) }
    }

    deinit {
        server.stop()
    }

    var requests: [HTTPRequest] { recorder.all }

    var baseURL: String { server.baseURL }

    /// A client of the given version against this server, with the recording clock.
    func client(
        _ version: APIVersion = .v2,
        retry: RetryPolicy = RetryPolicy(backoffBase: 0.01, backoffMax: 0.05),
        timeout: Double = 5, cancellation: CancellationToken = .init()
    ) -> any Inbox {
        let configuration = testConfiguration(
            version, baseURL: baseURL + "/api/" + version.rawValue, clock: clock.clock,
            retry: retry, timeout: timeout)
        return InboxClients.make(
            configuration, transport: URLSessionTransport(), cancellation: cancellation)
    }
}

/// The requests a server saw, in order.
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [HTTPRequest] = []

    func record(_ request: HTTPRequest) -> Int {
        lock.withLock {
            requests.append(request)
            return requests.count - 1
        }
    }

    var all: [HTTPRequest] { lock.withLock { requests } }
}

/// A JSON reply.
func reply(_ status: Int, _ json: String, headers: [(name: String, value: String)] = [])
    -> HTTPServerReply
{
    .respond(.json(status, Array(json.utf8), headers: headers))
}

/// A reply with a contract example body.
func reply(example name: String, status: Int = 200) -> HTTPServerReply {
    .respond(.json(status, Array((try? ContractData.bytes(name)) ?? [])))
}

/// Example bodies as bytes.
enum ContractData {
    static func bytes(_ name: String) throws -> [UInt8] {
        try Array(example(name).serialized())
    }
}

let teamJSON =
    #"{"id":"team1","name":"Acme","slug":"acme","imageUrl":null,"currency":"USD","#
    + #""allowSupportAccess":false,"createdAt":"2026-01-01T00:00:00.000Z"}"#
