import InboxClient
import TestSupport

/// Parses a contract example body.
func example(_ name: String) throws -> JSONValue {
    try JSONValue.parse(ContractExamples.data(name))
}
