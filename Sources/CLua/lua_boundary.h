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
#include <string.h>
#include <time.h>

#include "lua_blocks.h"

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
    INBOX_LUA_RAISE_MESSAGE = -2,
    /* Raise a memory error: the Swift section went over the limit. */
    INBOX_LUA_RAISE_MEMORY = -3,
    /* Raise "Swift function already released" (only from a finalizer). */
    INBOX_LUA_RAISE_RELEASED = -4,
    /* Raise the error of the limit the Swift function tripped (the
     * control block's `tripped`), as the count hook raises it. */
    INBOX_LUA_RAISE_LIMIT = -5
};

struct inbox_lua_control;

/* What the Swift dispatcher returns: a count of results or one of the
 * INBOX_LUA_RAISE_* codes, and the state it was given, handed back so
 * that the trampoline keeps nothing across the call. */
typedef struct inbox_lua_outcome {
    long count;
    lua_State *L;
} inbox_lua_outcome;

/* The Swift dispatcher: marks the Swift section in the control block,
 * calls the closure of the running trampoline and pushes its results
 * or its error.  It never raises. */
typedef inbox_lua_outcome (*inbox_lua_dispatch)(lua_State *L,
                                                struct inbox_lua_control *c);

/* Per-state bookkeeping, the allocator's user data.  Owned by Swift. */
typedef struct inbox_lua_control {
    /* Read and written on every call of a Swift function: kept together
     * at the start, in one cache line. */
    inbox_lua_dispatch dispatch;
    lua_State *current;      /* the thread running Swift code, if any */
    int in_swift;            /* nonzero while a Swift frame is live;
                              * the dispatcher counts its frames */
    int over_limit;          /* a Swift-section allocation went over */
    int tripped;             /* the INBOX_LUA_LIMIT_* that stopped a run */
    int depth;               /* nesting of Swift's protected calls */
    size_t used;             /* bytes allocated by the state */
    size_t limit;            /* memory limit in bytes; 0: none */
    long long instructions;  /* instruction budget of a run; 0: none */
    long long left;          /* instructions left in this run */
    double timeout;          /* seconds a run may take; 0: none */
    double deadline;         /* inbox_lua_now() seconds */
    void (*release)(void *object);  /* releases a retained Swift object */
    void *owner;             /* the Swift LuaState, unretained */
    inbox_lua_blocks blocks; /* freed small blocks, for reuse */
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

/* The control block of a thread, kept in its extra space (manual
 * section 4.6, lua_getextraspace: new threads copy the main thread's),
 * for the trampoline: one load, where lua_getallocf is a call.  C
 * modules must leave the area alone, as the manual gives it to the
 * host.  [-0, +0, -] */
static inline inbox_lua_control *inbox_lua_control_fast(lua_State *L) {
    return *(inbox_lua_control **)lua_getextraspace(L);
}

/* The control block of any thread of a state.  [-0, +0, -] */
static inline inbox_lua_control *inbox_lua_control_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (inbox_lua_control *)ud;
}

/* The clock of the time limit: each run reads it once at its start, and
 * the hook every INBOX_LUA_HOOK_STEP instructions.  The coarse clock costs
 * a third of the precise one (about 10 ns against 35 here), for a
 * resolution of a few milliseconds, which a script's time limit can
 * spare. */
#ifdef CLOCK_MONOTONIC_COARSE
#define INBOX_LUA_CLOCK CLOCK_MONOTONIC_COARSE
#else
#define INBOX_LUA_CLOCK CLOCK_MONOTONIC
#endif

static inline double inbox_lua_now(void) {
    struct timespec ts;
    clock_gettime(INBOX_LUA_CLOCK, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Frees a block of `size` bytes, keeping it when small. */
static inline void inbox_lua_release_block(inbox_lua_control *c, void *ptr,
                                           size_t size) {
    if (size <= INBOX_LUA_SMALL_MAX)
        inbox_lua_blocks_give(&c->blocks, ptr, size);
    else
        free(ptr);
}

/* Resizes a block when either size is small (lua_blocks.h): moves it
 * unless both sizes share a class.  A shrink that cannot get a new block
 * keeps the old one, which is big enough for the new class. */
static inline void *inbox_lua_resize_small(inbox_lua_control *c, void *ptr,
                                           size_t old, size_t nsize) {
    void *block;
    if (ptr != NULL && old <= INBOX_LUA_SMALL_MAX
        && nsize <= INBOX_LUA_SMALL_MAX
        && inbox_lua_blocks_class(old) == inbox_lua_blocks_class(nsize))
        return ptr;
    block = nsize <= INBOX_LUA_SMALL_MAX
        ? inbox_lua_blocks_take(&c->blocks, nsize) : malloc(nsize);
    if (block == NULL)
        return nsize < old ? ptr : NULL;
    if (ptr != NULL) {
        memcpy(block, ptr, old < nsize ? old : nsize);
        inbox_lua_release_block(c, ptr, old);
    }
    return block;
}

/* The allocator's general case: any size, the memory limit, failures. */
__attribute__((noinline))
static void *inbox_lua_alloc_slow(inbox_lua_control *c, void *ptr,
                                  size_t osize, size_t nsize) {
    size_t old = ptr ? osize : 0;
    void *block;
    if (nsize == 0) {
        if (ptr != NULL)
            inbox_lua_release_block(c, ptr, old);
        c->used -= old;
        return NULL;
    }
    if (c->limit && nsize > old && c->used - old + nsize > c->limit) {
        if (!c->in_swift)
            return NULL;
        c->over_limit = 1;
    }
    if (nsize <= INBOX_LUA_SMALL_MAX
        || (ptr != NULL && old <= INBOX_LUA_SMALL_MAX))
        block = inbox_lua_resize_small(c, ptr, old, nsize);
    else
        block = realloc(ptr, nsize);
    if (block == NULL) {
        if (c->in_swift)  /* the process itself is out of memory */
            abort();
        return NULL;
    }
    c->used = c->used - old + nsize;
    return block;
}

/* The allocator (manual section 4.6, lua_Alloc).  Lua assumes shrinking
 * never fails; growing past the limit fails outside the Swift section.
 * The common cases, a new small block while one of its class is kept
 * and within the limit, and freeing a small block, take the short path;
 * the rest goes to inbox_lua_alloc_slow. */
static inline void *inbox_lua_alloc(void *ud, void *ptr, size_t osize,
                                    size_t nsize) {
    inbox_lua_control *c = (inbox_lua_control *)ud;
    inbox_lua_blocks *b = &c->blocks;
    if (ptr == NULL && nsize - 1 < INBOX_LUA_SMALL_MAX
        && (c->limit == 0 || c->used + nsize <= c->limit)) {
        int k = inbox_lua_blocks_class(nsize);
        inbox_lua_block *block = b->head[k];
        if (block != NULL) {
            b->head[k] = block->next;
            b->count[k]--;
            c->used += nsize;
            return block;
        }
    } else if (nsize == 0 && ptr != NULL && osize <= INBOX_LUA_SMALL_MAX) {
        int k = inbox_lua_blocks_class(osize);
        if (b->count[k] < inbox_lua_blocks_keep()) {
            inbox_lua_block *block = (inbox_lua_block *)ptr;
            block->next = b->head[k];
            b->head[k] = block;
            b->count[k]++;
            c->used -= osize;
            return NULL;
        }
    } else if (nsize == 0 && ptr == NULL) {
        return NULL;
    }
    return inbox_lua_alloc_slow(c, ptr, osize, nsize);
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
        *(inbox_lua_control **)lua_getextraspace(L) = c;
        lua_atpanic(L, inbox_lua_panic);
        lua_setwarnf(L, inbox_lua_warn, NULL);
        lua_gc(L, LUA_GCGEN, 0, 0);
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
 * box, released by inbox_lua_gc_object. */
typedef struct inbox_lua_function_slot {
    void *box;
} inbox_lua_function_slot;

static inline int inbox_lua_raise_limit(lua_State *L, int tripped);

/* Raises on behalf of the Swift dispatcher, whose frame has returned:
 * `code` is one of the INBOX_LUA_RAISE_* codes.  Kept out of line so
 * that the trampoline's own frame stays minimal.  [-(0|1), +1, v] */
__attribute__((noinline, cold))
static inline int inbox_lua_raise_code(lua_State *L, int code) {
    switch (code) {
    case INBOX_LUA_RAISE_MEMORY:
        return inbox_lua_raise_memory(L);
    case INBOX_LUA_RAISE_RELEASED:
        return luaL_error(L, "Swift function already released");
    case INBOX_LUA_RAISE_LIMIT:
        return inbox_lua_raise_limit(L, inbox_lua_control_of(L)->tripped);
    case INBOX_LUA_RAISE_MESSAGE:
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    default:
        return lua_error(L);
    }
}

/* The lua_CFunction behind every Swift closure.  Upvalue 1 is a light
 * userdata pointing at the slot (a cheaper read than a full userdata),
 * upvalue 2 the full userdata that holds the slot and keeps it alive.
 * The dispatcher reads the slot and does all the bookkeeping of the
 * Swift section, so this frame only forwards; raising happens here,
 * after the Swift frame has returned.  [-0, +n, v] */
static inline int inbox_lua_trampoline(lua_State *L) {
    inbox_lua_control *c = inbox_lua_control_fast(L);
    inbox_lua_outcome outcome = c->dispatch(L, c);
    if (outcome.count < 0)
        return inbox_lua_raise_code(outcome.L, (int)outcome.count);
    return (int)outcome.count;
}

/* Pushes a Swift closure as a Lua function: box is retained by the
 * caller and released by __gc of the userdata.  [-0, +1, m] */
static inline void inbox_lua_push_function(lua_State *L, void *box,
                                           const char *mt) {
    inbox_lua_function_slot *slot = (inbox_lua_function_slot *)
        lua_newuserdatauv(L, sizeof *slot, 0);
    slot->box = box;
    luaL_setmetatable(L, mt);
    lua_pushlightuserdata(L, slot);
    lua_insert(L, -2);
    lua_pushcclosure(L, inbox_lua_trampoline, 2);
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
