import InboxClient

/// Renaming, recolouring and deleting tags and statuses.
extension TeamWrites {
    /// Renames or recolours a tag (by id or name).
    func updateTag(_ reference: String, name: String?, color: String?) throws -> TagRecord {
        var tag = try db.tag(reference: reference)
        if let name {
            try requireFreeName(name, in: "tags", except: tag.id)
            tag.name = name
        }
        if let color { tag.color = try Platforms.validHex(color) }
        try db.run(
            "UPDATE tags SET name = ?, color = ? WHERE id = ?",
            [.text(tag.name), .text(tag.color), .text(tag.id)])
        try EventLog.append(
            "tag.updated", object: ("tag", tag.id), data: .object([]), at: now, in: db)
        return tag
    }

    /// Deletes a tag (by id or name) and takes it off every contact.
    func deleteTag(_ reference: String) throws {
        let tag = try db.tag(reference: reference)
        try db.run("DELETE FROM contact_tags WHERE tag_id = ?", [.text(tag.id)])
        try db.run("DELETE FROM tags WHERE id = ?", [.text(tag.id)])
        try EventLog.append(
            "tag.deleted", object: ("tag", tag.id), data: .object([]), at: now, in: db)
    }

    /// Renames or recolours a status (by id or name); a nil colour clears it.
    func updateStatus(_ reference: String, name: String?, color: Patch<String?>) throws
        -> StatusRecord
    {
        var status = try db.status(reference: reference)
        if let name {
            try requireFreeName(name, in: "statuses", except: status.id)
            status.name = name
        }
        if case .set(let value) = color { status.color = try value.map(Platforms.validHex) }
        try db.run(
            "UPDATE statuses SET name = ?, color = ? WHERE id = ?",
            [.text(status.name), .optional(status.color), .text(status.id)])
        try EventLog.append(
            "status.updated", object: ("status", status.id), data: .object([]), at: now, in: db)
        return status
    }

    /// Deletes a status (by id or name); contacts at that stage are left with none.
    func deleteStatus(_ reference: String) throws {
        let status = try db.status(reference: reference)
        try db.run("UPDATE contacts SET status_id = NULL WHERE status_id = ?", [.text(status.id)])
        try db.run("DELETE FROM statuses WHERE id = ?", [.text(status.id)])
        try EventLog.append(
            "status.deleted", object: ("status", status.id), data: .object([]), at: now, in: db)
    }

    /// 409 `nameTaken` unless no other row of `table` has `name` (any case).
    func requireFreeName(_ name: String, in table: String, except id: String? = nil) throws {
        let taken = try db.row(
            "SELECT 1 FROM \(table) WHERE name = ? AND id IS NOT ?", [.text(name), .optional(id)]
        ) { _ in true }
        if taken != nil { throw APIProblem.nameTaken(name) }
    }
}
