/// A stack whose top elements are handed over by moving them into a new array, without
/// copying (and so without retaining and releasing each one).
///
/// The parser keeps the members and elements of unfinished containers here; a finished
/// container takes its own off the top.
final class MoveStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        storage = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func push(_ element: Element) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Moves the elements from `base` to the top into an array, leaving `base` elements.
    func pop(from base: Int) -> [Element] {
        let taken = count - base
        let array = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: storage + base, count: taken)
            initialized = taken
        }
        count = base
        return array
    }
}
