import CEdit
import CInboxREPL
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Reads lines from a terminal through libedit: emacs-style editing, history kept in a
/// file, Tab completion.
///
/// Characters come through `inbox_repl_getc`, which also wakes up on Ctrl-C; the REPL
/// then finds the interrupt flag set and abandons the line.
///
/// TODO: SIGWINCH is not handled, so a resize while a line is being edited draws wrongly
/// until the next prompt (libedit reads the terminal size again at each `el_gets`).
final class EditLineReader: LineReader {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let files: [UnsafeMutablePointer<FILE>]
    private let output: FileDescriptorOutput
    private let historyFile: HistoryFile?
    private let completer: (String) -> Completer.Completion

    /// Sets up the editor on `input` and `output`, loading the history from
    /// `historyPath` when given.
    init?(
        input: Int32, output: Int32, errors: Int32, historyPath: String?,
        completer: @escaping (String) -> Completer.Completion
    ) {
        // libedit decodes and draws characters in the locale's encoding.
        setlocale(LC_CTYPE, "")
        let modes = ["r", "w", "w"]
        let files = zip([input, output, errors], modes).compactMap { fdopen(dup($0), $1) }
        guard files.count == 3, let editor = el_init("inbox-lua", files[0], files[1], files[2]),
            let history = history_init()
        else {
            for file in files { fclose(file) }
            return nil
        }
        self.editor = editor
        self.history = history
        self.files = files
        self.output = FileDescriptorOutput(descriptor: output)
        self.completer = completer
        historyFile = historyPath.map(HistoryFile.init)

        inbox_repl_set_input(input)
        inbox_edit_set_editor(editor, "emacs")
        inbox_edit_set_prompt(editor, inbox_repl_prompt)
        inbox_edit_set_getc(editor, inbox_repl_getc)
        inbox_edit_history_setsize(history, 1000)
        inbox_edit_history_setunique(history)
        inbox_edit_set_history(editor, history)
        inbox_edit_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        inbox_edit_bind_command(
            editor, "inbox-complete", "Complete the Lua name before the cursor",
            completeCommand, "^I")
        el_source(editor, nil)
        historyFile?.load(into: history)
    }

    deinit {
        el_end(editor)
        history_end(history)
        for file in files { fclose(file) }
    }

    func read(prompt: String) -> String? {
        inbox_repl_set_prompt(prompt)
        var count: Int32 = 0
        guard let line = el_gets(editor, &count), count > 0 else { return nil }
        var text = String(cString: line)
        if text.hasSuffix("\n") {
            text.removeLast()
        }
        return text
    }

    func remember(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        inbox_edit_history_enter(history, entry)
        historyFile?.save(history)
    }

    /// The Tab command: inserts the completion, or lists the candidates.
    fileprivate func completeAtCursor() -> UInt8 {
        guard let info = el_line(editor) else { return UInt8(CC_ERROR) }
        let start = UnsafeRawPointer(info.pointee.buffer)!
        let count = UnsafeRawPointer(info.pointee.cursor)! - start
        let before = String(
            decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
        let completion = completer(before)
        if !completion.insertion.isEmpty {
            el_insertstr(editor, completion.insertion)
            return UInt8(CC_REFRESH)
        }
        guard !completion.candidates.isEmpty else { return UInt8(CC_NORM) }
        output.write("\n" + Self.columns(completion.candidates, width: 80))
        return UInt8(CC_REDISPLAY)
    }

    /// `names` in columns, each line ending with a newline.
    static func columns(_ names: [String], width: Int) -> String {
        let cell = (names.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / cell)
        var text = ""
        for (index, name) in names.enumerated() {
            let last = index % perLine == perLine - 1 || index == names.count - 1
            text += name + (last ? "\n" : String(repeating: " ", count: cell - name.count))
        }
        return text
    }
}

/// The libedit command bound to Tab; finds its reader through the client data.
private func completeCommand(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editor, let data = inbox_edit_clientdata(editor) else { return UInt8(CC_ERROR) }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().completeAtCursor()
}
