import FoundationEssentials

extension HTTPEngine {
    /// Sends the call and parses the JSON body.
    func json(_ call: APICall) throws -> JSONValue {
        let response = try perform(call)
        return try parse(response, call)
    }

    /// Sends the call and reads the body with `read`, turning shape errors into
    /// `.malformedResponse`.
    func decode<T>(_ call: APICall, _ read: (JSONValue) throws -> T) throws -> T {
        let body = try json(call)
        do {
            return try read(body)
        } catch let error as JSONShapeError {
            throw malformed(call, "unexpected response shape: \(error)", body: body.serialized())
        }
    }

    /// Sends a call whose answer may be empty (204) or JSON; returns `null` for empty.
    func perhapsEmpty(_ call: APICall) throws -> JSONValue {
        let response = try perform(call)
        guard !response.body.isEmpty else { return .null }
        return try parse(response, call)
    }

    private func parse(_ response: TransportResponse, _ call: APICall) throws -> JSONValue {
        guard !response.body.isEmpty else {
            throw malformed(
                call, "empty body where JSON was expected", body: response.body,
                status: response.status)
        }
        do {
            return try JSONValue.parse(response.body)
        } catch {
            throw malformed(
                call, "response is not valid JSON (\(error))", body: response.body,
                status: response.status)
        }
    }

    func malformed(_ call: APICall, _ message: String, body: Data, status: Int? = nil)
        -> InboxError
    {
        var failure = InboxError(
            .malformedResponse, operation: call.operation,
            message: message, method: call.method, path: call.path, status: status)
        failure.bodyExcerpt = excerpt(body)
        return failure
    }
}

/// Reads every element of a JSON array with `read`.
func decodeArray<T>(_ json: JSONValue?, _ type: String, _ read: (JSONValue) throws -> T)
    throws -> [T]
{
    guard case .array(let elements)? = json else {
        throw JSONShapeError(
            type: type, field: "",
            problem: "expected an array, found "
                + (json?.kindName ?? "nothing"))
    }
    var items: [T] = []
    items.reserveCapacity(elements.count)
    for element in elements { items.append(try read(element)) }
    return items
}
