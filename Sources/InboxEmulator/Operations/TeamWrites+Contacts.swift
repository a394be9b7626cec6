import InboxClient

/// Contact, tag and status writes.
extension TeamWrites {
    /// Applies a contact update; omitted fields stay as they are. `status`
    /// takes a status id or name.
    func updateContact(
        _ id: String, kind: ResourceKind = .contact, status: Patch<String?> = .unchanged,
        notes: Patch<String?> = .unchanged, valuation: Patch<Double?> = .unchanged,
        assignee: Patch<String?> = .unchanged
    ) throws -> ContactRecord {
        var contact = try db.contact(id, kind: kind)
        if case .set(let reference) = status {
            let statusId: String?
            do {
                statusId = try reference.map { try db.status(reference: $0).id }
            } catch {
                throw APIProblem.invalid(["status"], "No status with this id or name")
            }
            if statusId != contact.statusId {
                contact.statusId = statusId
                try event("contact.statusChanged", contact, ("statusId", .text(statusId)))
            }
        }
        if case .set(let text) = notes, text != contact.notes {
            contact.notes = text
            try event("contact.notesChanged", contact, ("notes", .text(text)))
        }
        if case .set(let amount) = valuation, amount != contact.valuation {
            contact.valuation = amount
            try event(
                "contact.valuationChanged", contact,
                ("valuation", amount.map(JSONValue.double) ?? .null))
        }
        if case .set(let assigneeId) = assignee, assigneeId != contact.assigneeId {
            if let assigneeId { try requireMember(assigneeId, field: "assigneeId") }
            contact.assigneeId = assigneeId
            try event("contact.assigneeChanged", contact, ("assigneeId", .text(assigneeId)))
        }
        contact.updatedAt = now
        try db.run(
            """
            UPDATE contacts SET status_id = ?, notes = ?, valuation = ?, assignee_id = ?,
            updated_at = ? WHERE id = ?
            """,
            [
                .optional(contact.statusId), .optional(contact.notes),
                contact.valuation.map(SQLiteValue.double) ?? .null,
                .optional(contact.assigneeId), .int(now), .text(contact.id),
            ])
        return contact
    }

    /// Adds or removes tags on a contact; adding a present tag or removing
    /// an absent one changes nothing and logs nothing.
    func changeTags(
        _ contactId: String, kind: ResourceKind = .contact, add: [String], remove: [String]
    )
        throws -> ContactRecord
    {
        let before = try db.contact(contactId, kind: kind)
        for tagId in add {
            try db.run(
                "INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) VALUES (?, ?)",
                [.text(contactId), .text(tagId)])
        }
        for tagId in remove {
            try db.run(
                "DELETE FROM contact_tags WHERE contact_id = ? AND tag_id = ?",
                [.text(contactId), .text(tagId)])
        }
        let after = try db.contact(contactId)
        if Set(after.tagIds) != Set(before.tagIds) {
            try event(
                "contact.tagsChanged", after, ("tagIds", .array(after.tagIds.map(JSONValue.string)))
            )
        }
        return after
    }

    /// Creates a tag; 409 `nameTaken` when the name is in use.
    func createTag(name: String, color: String?) throws -> TagRecord {
        try requireFreeName(name, in: "tags")
        let hex = try color.map(Platforms.validHex)
        var ids = IdentifierGenerator.random()
        let palette = Platforms.palette
        let tag = TagRecord(
            id: ids.inboxId(), name: name,
            color: hex ?? palette[Int(now % Int64(palette.count))].hex, createdAt: now)
        try db.insert(tag)
        try EventLog.append(
            "tag.created", object: ("tag", tag.id), data: .object([]), at: now, in: db)
        return tag
    }

    /// Creates a status at the end of the board; 409 `nameTaken` when the
    /// name is in use.
    func createStatus(name: String, color: String?) throws -> StatusRecord {
        try requireFreeName(name, in: "statuses")
        let hex = try color.map(Platforms.validHex)
        let position = try db.row("SELECT coalesce(max(position), -1) + 1 FROM statuses") {
            $0.int(0)
        }
        var ids = IdentifierGenerator.random()
        let status = StatusRecord(
            id: ids.inboxId(), name: name, color: hex, position: position ?? 0, createdAt: now)
        try db.insert(status)
        try EventLog.append(
            "status.created", object: ("status", status.id), data: .object([]), at: now, in: db)
        return status
    }

    private func event(_ type: String, _ contact: ContactRecord, _ field: (String, JSONValue))
        throws
    {
        try EventLog.append(
            type, object: ("contact", contact.id), data: .object([field]), at: now, in: db)
    }
}
