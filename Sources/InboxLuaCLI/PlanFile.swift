import InboxScripting

#if canImport(Glibc)
    import Glibc
#endif

/// The file of `--plan-json FILE` (`-` for stdout), opened before the run so that a path
/// that cannot be written is a usage error rather than a surprise at the end.
final class PlanFile {
    private let path: String
    private let file: UnsafeMutablePointer<FILE>

    /// Opens (creating or truncating) `path`.
    init(path: String) throws(UsageFailure) {
        self.path = path
        if path == "-" {
            file = Output.outputStream
            return
        }
        guard let opened = fopen(path, "w") else {
            let reason = String(cString: strerror(errno))
            throw UsageFailure(description: "cannot open \(path) for --plan-json: \(reason)")
        }
        file = opened
    }

    /// Writes the plan as one JSON document and closes the file; false when it failed.
    func write(_ plan: WritePlan) -> Bool {
        let text = plan.json.jsonText + "\n"
        let written = fputs(text, file) >= 0
        if path == "-" {
            return fflush(file) == 0 && written
        }
        return fclose(file) == 0 && written
    }
}
