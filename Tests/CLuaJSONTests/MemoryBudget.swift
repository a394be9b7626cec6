import CLua

#if canImport(Glibc)
    import Glibc
#endif

/// A Lua allocator with a byte limit that tests can move, so that an
/// allocation deep inside the codec fails the way a `--memory-limit` would.
final class MemoryBudget {
    /// Bytes the state holds now.
    var used = 0

    /// Bytes the state may hold; an allocation beyond it fails.
    var limit = Int.max

    /// The `lua_Alloc` function; its user data is the budget, unretained.
    static let allocate: lua_Alloc = { userData, block, oldSize, newSize in
        let budget = Unmanaged<MemoryBudget>.fromOpaque(userData!).takeUnretainedValue()
        // For a new block Lua passes the object's type in oldSize, not a size
        // (Lua manual, section 4.6, lua_Alloc).
        let oldBytes = block == nil ? 0 : oldSize

        if newSize == 0 {
            free(block)
            budget.used -= oldBytes
            return nil
        }
        if newSize > oldBytes && budget.used - oldBytes + newSize > budget.limit {
            return nil
        }
        guard let moved = realloc(block, newSize) else { return nil }
        budget.used += newSize - oldBytes
        return moved
    }
}
