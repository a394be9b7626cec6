import HTTPServer
import Synchronization

/// The requests a test server received, in order, safe to read from the test
/// while the server's threads append.
final class RequestLog: Sendable {
    private let storage = Mutex<[HTTPRequest]>([])

    func append(_ request: HTTPRequest) {
        storage.withLock { $0.append(request) }
    }

    var requests: [HTTPRequest] {
        storage.withLock { $0 }
    }
}
