/// A mistake in a call to the `inbox` module, worded for the script's author. Raised at the
/// caller's level, so it reads `script.lua:12: inbox.threads.get: ...`.
struct BindingError: Error, CustomStringConvertible {
    let description: String

    init(_ function: String, _ problem: String) {
        description = "\(function): \(problem)"
    }
}
