#ifndef INBOX_LUA_BOUNDARY_H
#define INBOX_LUA_BOUNDARY_H

/*
 * The C boundary between Swift and Lua (DESIGN.md, "The one rule at the C
 * boundary").  Lua raises errors with longjmp; Swift frames must never be
 * jumped over.  Two mechanisms keep that promise:
 *
 * 1. The Swift section.  The Lua 5.4 manual (section 4.6, the [-o, +p, x]
 *    indicators) marks API functions that may raise only memory errors with
 *    'm'.  Our allocator never fails while a Swift frame is live
 *    (in_swift != 0): an allocation over the limit succeeds and is
 *    recorded in over_limit, and the trampoline raises the memory error
 *    once Swift has returned.  So Swift may call '-' and 'm' functions.
 * 2. Protected helpers.  Functions marked 'e' (they can run metamethods)
 *    are only called from Swift through inbox_lua_p* below, which run them
 *    inside lua_pcall and clear in_swift meanwhile, so that the allocator
 *    may fail there and the error lands in that pcall.
 */

#include <stdlib.h>
#include <time.h>

/* Which limit stopped the current run. */
enum {
    INBOX_LUA_LIMIT_NONE = 0,
    INBOX_LUA_LIMIT_MEMORY = 1,
    INBOX_LUA_LIMIT_INSTRUCTIONS = 2,
    INBOX_LUA_LIMIT_TIME = 3
};

/* What the Swift dispatcher returns, besides a count of results. */
enum {
    /* Raise the value on top of the stack unchanged. */
    INBOX_LUA_RAISE_VALUE = -1,
    /* Raise the message on top, prefixed with the caller's position. */
    INBOX_LUA_RAISE_MESSAGE = -2
};

/* The Swift dispatcher: calls the closure in `box`, pushes its results and
 * returns how many, or one of the INBOX_LUA_RAISE_* codes. */
typedef int (*inbox_lua_dispatch)(lua_State *L, void *box);

/* Per-state bookkeeping, the allocator's user data.  Owned by Swift. */
typedef struct inbox_lua_control {
    /* Read and written on every call of a Swift function: kept together
     * at the start, in one cache line. */
    inbox_lua_dispatch dispatch;
    lua_State *current;      /* the thread running Swift code, if any */
    int in_swift;            /* nonzero while a Swift frame is live */
    int over_limit;          /* a Swift-section allocation went over */
    int tripped;             /* the INBOX_LUA_LIMIT_* that stopped a run */
    int depth;               /* nesting of Swift's protected calls */
    size_t used;             /* bytes allocated by the state */
    size_t limit;            /* memory limit in bytes; 0: none */
    long long instructions;  /* instruction budget of a run; 0: none */
    long long left;          /* instructions left in this run */
    double timeout;          /* seconds a run may take; 0: none */
    double deadline;         /* CLOCK_MONOTONIC seconds */
    void (*release)(void *object);  /* releases a retained Swift object */
    void *owner;             /* the Swift LuaState, unretained */
} inbox_lua_control;

/* Lua's own macros and constants, which Swift cannot import. */
static inline int inbox_lua_upvalueindex(int i) {
    return lua_upvalueindex(i);
}
static inline int inbox_lua_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline void inbox_lua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void inbox_lua_newtable(lua_State *L) { lua_newtable(L); }
static inline void inbox_lua_insert(lua_State *L, int i) { lua_insert(L, i); }
static inline void inbox_lua_remove(lua_State *L, int i) { lua_remove(L, i); }
static inline void inbox_lua_collect(lua_State *L) {
    lua_gc(L, LUA_GCCOLLECT);
}
static inline int inbox_lua_getmetatable(lua_State *L, const char *name) {
    return luaL_getmetatable(L, name);
}
static inline int inbox_lua_count_kb(lua_State *L) {
    return lua_gc(L, LUA_GCCOUNT);
}
static inline int inbox_lua_count_b(lua_State *L) {
    return lua_gc(L, LUA_GCCOUNTB);
}
/* t[k] = v without metamethods, for t at idx and v on top.  [-1, +0, m] */
static inline void inbox_lua_rawsetfield(lua_State *L, int idx,
                                         const char *k) {
    idx = lua_absindex(L, idx);
    lua_pushstring(L, k);
    lua_insert(L, -2);
    lua_rawset(L, idx);
}
/* Pushes t[k] without metamethods, for t at idx.  [-0, +1, m] */
static inline int inbox_lua_rawgetfield(lua_State *L, int idx,
                                        const char *k) {
    idx = lua_absindex(L, idx);
    lua_pushstring(L, k);
    return lua_rawget(L, idx);
}
static inline const char *inbox_lua_tostring(lua_State *L, int i) {
    return lua_tostring(L, i);
}

/* The control block of any thread of a state.  [-0, +0, -] */
static inline inbox_lua_control *inbox_lua_control_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (inbox_lua_control *)ud;
}

static inline double inbox_lua_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The allocator (manual section 4.1.3, lua_Alloc).  Lua assumes shrinking
 * never fails; growing past the limit fails outside the Swift section. */
static inline void *inbox_lua_alloc(void *ud, void *ptr, size_t osize,
                                    size_t nsize) {
    inbox_lua_control *c = (inbox_lua_control *)ud;
    size_t old = ptr ? osize : 0;
    void *block;
    if (nsize == 0) {
        free(ptr);
        c->used -= old;
        return NULL;
    }
    if (c->limit && nsize > old && c->used - old + nsize > c->limit) {
        if (!c->in_swift)
            return NULL;
        c->over_limit = 1;
    }
    block = realloc(ptr, nsize);
    if (block == NULL) {
        if (c->in_swift)  /* the process itself is out of memory */
            abort();
        return NULL;
    }
    c->used = c->used - old + nsize;
    return block;
}

static inline int inbox_lua_panic(lua_State *L) {
    (void)L;
    abort();  /* unreachable: Swift never calls Lua unprotected */
}

/* Warnings (from __gc errors and warn()) are dropped: libraries never
 * print.  TODO: forward them to a Swift logger once one exists. */
static inline void inbox_lua_warn(void *ud, const char *msg, int tocont) {
    (void)ud;
    (void)msg;
    (void)tocont;
}

/* A new state using control c, owned by the caller. */
static inline lua_State *inbox_lua_newstate(inbox_lua_control *c) {
    lua_State *L = lua_newstate(inbox_lua_alloc, c);
    if (L != NULL) {
        lua_atpanic(L, inbox_lua_panic);
        lua_setwarnf(L, inbox_lua_warn, NULL);
    }
    return L;
}

/* Raises "not enough memory" for a limit reached in a Swift section. */
static inline int inbox_lua_raise_memory(lua_State *L) {
    inbox_lua_control *c = inbox_lua_control_of(L);
    c->over_limit = 0;
    c->tripped = INBOX_LUA_LIMIT_MEMORY;
    lua_pushliteral(L, "not enough memory");
    return lua_error(L);
}

/* The block of the userdata that holds a Swift closure: the retained
 * box first (so that inbox_lua_gc_object releases it), then the control,
 * saving a lua_getallocf on every call. */
typedef struct inbox_lua_function_slot {
    void *box;
    inbox_lua_control *control;
} inbox_lua_function_slot;

/* The lua_CFunction behind every Swift closure.  Upvalue 1 is the
 * userdata holding the slot.  Raising happens here, after the Swift
 * frame has returned.  [-0, +n, v] */
static inline int inbox_lua_trampoline(lua_State *L) {
    inbox_lua_function_slot *slot =
        (inbox_lua_function_slot *)lua_touserdata(L, lua_upvalueindex(1));
    inbox_lua_control *c = slot->control;
    int saved = c->in_swift;
    lua_State *caller = c->current;
    int n;
    if (slot->box == NULL)  /* only reachable from a finalizer */
        return luaL_error(L, "Swift function already released");
    c->in_swift = 1;
    c->current = L;  /* Swift's nested calls must run on this thread */
    n = c->dispatch(L, slot->box);
    c->current = caller;
    c->in_swift = saved;
    if (c->over_limit && !saved)
        return inbox_lua_raise_memory(L);
    if (n >= 0)
        return n;
    if (n == INBOX_LUA_RAISE_MESSAGE) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

/* Pushes a Swift closure as a Lua function: box is retained by the
 * caller and released by __gc of the userdata.  [-0, +1, m] */
static inline void inbox_lua_push_function(lua_State *L, void *box,
                                           const char *mt) {
    inbox_lua_function_slot *slot = (inbox_lua_function_slot *)
        lua_newuserdatauv(L, sizeof *slot, 0);
    slot->box = box;
    slot->control = inbox_lua_control_of(L);
    luaL_setmetatable(L, mt);
    lua_pushcclosure(L, inbox_lua_trampoline, 1);
}

/* __gc of a userdata holding one retained Swift object.  Scripts cannot
 * reach it: our metatables set __metatable.  [-0, +0, -] */
static inline int inbox_lua_gc_object(lua_State *L) {
    inbox_lua_control *c = inbox_lua_control_of(L);
    void **slot = (void **)lua_touserdata(L, 1);
    int saved = c->in_swift;
    if (slot == NULL || *slot == NULL)
        return 0;
    c->in_swift = 1;
    c->release(*slot);
    *slot = NULL;
    c->in_swift = saved;
    return 0;
}

/* A loader for package.preload that returns upvalue 1.  [-0, +1, -] */
static inline int inbox_lua_return_upvalue(lua_State *L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    return 1;
}

/* Resets the limits for a new top-level run. */
static inline void inbox_lua_begin_run(inbox_lua_control *c) {
    c->tripped = INBOX_LUA_LIMIT_NONE;
    c->over_limit = 0;
    c->left = c->instructions;
    if (c->timeout > 0)
        c->deadline = inbox_lua_now() + c->timeout;
}

/* lua_pcall for Swift: the allocator may fail inside, and a top-level
 * call starts a new run of the limits.  [-(nargs+1), +(nresults|1), -] */
static inline int inbox_lua_pcall(lua_State *L, int nargs, int nresults,
                                  int msgh) {
    inbox_lua_control *c = inbox_lua_control_of(L);
    int saved = c->in_swift;
    int status;
    if (c->depth++ == 0)
        inbox_lua_begin_run(c);
    c->in_swift = 0;
    status = lua_pcall(L, nargs, nresults, msgh);
    c->in_swift = saved;
    c->depth--;
    return status;
}

#define INBOX_LUA_TRACEBACK_KEY "inbox-lua.traceback"

/* Message handler: keeps the error value unchanged and stores the
 * traceback in the registry for Swift to read.  [-0, +0, m] */
static inline int inbox_lua_msgh(lua_State *L) {
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, INBOX_LUA_TRACEBACK_KEY);
    lua_settop(L, 1);
    return 1;
}

/* Calls the function below nargs arguments with inbox_lua_msgh.
 * [-(nargs+1), +(nresults|1), -] */
static inline int inbox_lua_pcall_traced(lua_State *L, int nargs,
                                         int nresults) {
    int base = lua_gettop(L) - nargs;
    int status;
    lua_pushcfunction(L, inbox_lua_msgh);
    lua_insert(L, base);
    status = inbox_lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    return status;
}

/* MARK: protected operations that may run metamethods */

static inline int inbox_lua_gettable_k(lua_State *L) {
    lua_gettable(L, 1);
    return 1;
}
static inline int inbox_lua_settable_k(lua_State *L) {
    lua_settable(L, 1);
    return 0;
}
static inline int inbox_lua_tostring_k(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    return 1;
}
static inline int inbox_lua_len_k(lua_State *L) {
    lua_pushinteger(L, luaL_len(L, 1));
    return 1;
}

/* Runs f on a copy of the value at idx plus the top n values, which are
 * popped; leaves one result (or the error) on top.  */
static inline int inbox_lua_protect(lua_State *L, lua_CFunction f, int idx,
                                    int n, int nresults) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, f);
    lua_pushvalue(L, idx);
    lua_rotate(L, -(n + 2), 2);
    return inbox_lua_pcall(L, n + 1, nresults, 0);
}

/* t[k] for t at idx, k on top: [-1, +1, -]; status returned. */
static inline int inbox_lua_pgettable(lua_State *L, int idx) {
    return inbox_lua_protect(L, inbox_lua_gettable_k, idx, 1, 1);
}
/* t[k] = v for t at idx, k and v on top: [-2, +(0|1), -] */
static inline int inbox_lua_psettable(lua_State *L, int idx) {
    return inbox_lua_protect(L, inbox_lua_settable_k, idx, 2, 0);
}
/* tostring(v) for v at idx, __tostring and __name included: [-0, +1, -] */
static inline int inbox_lua_ptostring(lua_State *L, int idx) {
    return inbox_lua_protect(L, inbox_lua_tostring_k, idx, 0, 1);
}
/* #v for v at idx, __len included: [-0, +1, -] */
static inline int inbox_lua_plen(lua_State *L, int idx) {
    return inbox_lua_protect(L, inbox_lua_len_k, idx, 0, 1);
}

#endif
