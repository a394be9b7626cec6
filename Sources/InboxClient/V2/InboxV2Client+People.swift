extension InboxV2Client {
    /// `GET /contacts/{id}` (nil on 404) or `GET /contacts?platform=&platformId=|username=`.
    public func findPerson(_ person: PersonRef) throws -> Person? {
        do {
            return try contacts(person, operation: "findPerson").first.map(Person.contact)
        } catch let error as InboxError where error.status == 404 {
            return nil
        }
    }

    /// `PATCH /contacts/{id}` for status, notes, valuation and assignee, then
    /// `PUT`/`DELETE /contacts/{id}/tags/{tagRef}` per tag; returns the contact afterwards.
    public func updatePerson(id: String, _ update: PersonUpdate) throws -> Person {
        let operation = "updatePerson"
        var body = JSONObject()
        body["status"] = update.status.map(\.json)
        body["notes"] = update.notes.map(\.json)
        body["assigneeId"] = update.assigneeId.map(\.json)
        switch update.valuation {
        case .set(let value)?: body["valuation"] = .double(value)
        case .clear?: body["valuation"] = .null
        case nil: break
        }
        var contact: Contact?
        if body.count > 0 {
            let call = APICall(operation, "PATCH", path("contacts", id), body: .object(body))
            contact = try engine.decode(call, Contact.init(json:))
        }
        for tag in update.addTags {
            _ = try engine.perhapsEmpty(
                APICall(
                    operation, "PUT",
                    path("contacts", id, "tags", tag)))
        }
        for tag in update.removeTags {
            _ = try engine.perhapsEmpty(
                APICall(
                    operation, "DELETE",
                    path("contacts", id, "tags", tag)))
        }
        if contact == nil || !update.addTags.isEmpty || !update.removeTags.isEmpty {
            contact = try engine.decode(
                APICall(operation, "GET", path("contacts", id)),
                Contact.init(json:))
        }
        return .contact(contact!)
    }
}
