/// Why an ``HTTPServer`` could not start.
public struct HTTPServerError: Swift.Error, CustomStringConvertible, Sendable {
    /// The address the server was asked to listen on.
    public let host: String
    /// The port it was asked for; 0 means any free port.
    public let port: UInt16
    /// What went wrong.
    public let reason: String

    /// Creates an error.
    public init(host: String, port: UInt16, reason: String) {
        self.host = host
        self.port = port
        self.reason = reason
    }

    /// One line naming the address and the reason.
    public var description: String {
        "cannot serve HTTP on \(host):\(port): \(reason)"
    }
}
