extension InboxV1Client {
    /// `GET /prospects/lookup?platformId=` (null → nil) or `GET /prospects/{id}` (404 → nil).
    public func findPerson(_ person: PersonRef) throws -> Person? {
        let operation = "findPerson"
        let call: APICall
        switch person {
        case .platformId(let id, _):
            var query = QueryString()
            query.add("platformId", id)
            call = APICall(operation, "GET", "/prospects/lookup", query: query)
        case .externalId(let id):
            call = APICall(operation, "GET", path("prospects", id))
        case .username:
            throw InboxError.unsupported(operation, .v1, "looking a person up by username")
        }
        do {
            return try engine.decode(call) { body in
                body.isNull ? nil : Person.prospect(try Prospect(json: body))
            }
        } catch let error as InboxError where error.status == 404 {
            return nil
        }
    }

    /// `PATCH /prospects/{id}/context` with `statusId`, `notes`, `valuation`, `addTags`,
    /// `removeTags`, `assigneeId` (the assignee applies to all the person's threads).
    public func updatePerson(id: String, _ update: PersonUpdate) throws -> Person {
        var body = JSONObject()
        body["statusId"] = update.status.map(\.json)
        body["notes"] = update.notes.map(\.json)
        switch update.valuation {
        case .set(let value)?: body["valuation"] = .double(value)
        case .clear?: body["valuation"] = .null
        case nil: break
        }
        if !update.addTags.isEmpty {
            body["addTags"] = .array(update.addTags.map(JSONValue.string))
        }
        if !update.removeTags.isEmpty {
            body["removeTags"] = .array(update.removeTags.map(JSONValue.string))
        }
        body["assigneeId"] = update.assigneeId.map(\.json)
        let call = APICall(
            "updatePerson", "PATCH", path("prospects", id, "context"),
            body: .object(body))
        return .prospect(try engine.decode(call, Prospect.init(json:)))
    }
}
