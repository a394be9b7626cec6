/// A person the team talks to: a v1 prospect or a v2 contact.
public enum Person: Sendable, Hashable, Codable {
    /// A v1 prospect.
    case prospect(Prospect)
    /// A v2 contact.
    case contact(Contact)

    /// The wire object.
    public var json: JSONValue {
        switch self {
        case .prospect(let prospect): return prospect.json
        case .contact(let contact): return contact.json
        }
    }

    /// The id other calls take: the v1 prospect's `externalId`, or the v2 contact's `id`.
    public var id: String? {
        switch self {
        case .prospect(let prospect): return prospect.externalId
        case .contact(let contact): return contact.id
        }
    }

    /// The pipeline status id.
    public var statusId: String? {
        switch self {
        case .prospect(let prospect): return prospect.statusId
        case .contact(let contact): return contact.statusId
        }
    }

    /// The tag ids.
    public var tagIds: [String] {
        switch self {
        case .prospect(let prospect): return prospect.tagIds
        case .contact(let contact): return contact.tagIds
        }
    }

    /// Decodes a contact when the object has `profiles`, else a prospect.
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        self =
            json["profiles"] == nil
            ? .prospect(try Prospect(json: json))
            : .contact(try Contact(json: json))
    }

    /// Encodes the wire JSON unchanged.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}
