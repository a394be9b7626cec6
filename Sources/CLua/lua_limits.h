#ifndef INBOX_LUA_LIMITS_H
#define INBOX_LUA_LIMITS_H

/*
 * Limits for untrusted scripts: the count hook, and the library functions
 * that keep a limit from being caught.  A limit stops the whole run: the
 * hook raises again every time it fires once a limit has tripped, and
 * pcall, xpcall and coroutine.resume re-raise instead of returning false.
 */

#include <limits.h>
#include <string.h>

#define INBOX_LUA_HOOK_STEP 1000

/* Pushes `chunk:line: ` of the innermost Lua function running (the hook
 * runs in that function's frame; a library function such as string.find
 * is skipped for the Lua code that called it), or "" when none is.
 * [-0, +1, m] */
static inline void inbox_lua_push_where(lua_State *L) {
    lua_Debug ar;
    int level;
    for (level = 0; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

/* Raises the error of the tripped limit: `chunk:line: time limit
 * exceeded`, as Lua words its own errors.  A memory error reads as Lua's
 * own, "not enough memory", which has no position.  [-0, +1, v] */
static inline int inbox_lua_raise_limit(lua_State *L, int tripped) {
    switch (tripped) {
    case INBOX_LUA_LIMIT_INSTRUCTIONS:
        inbox_lua_push_where(L);
        lua_pushliteral(L, "instruction limit exceeded");
        lua_concat(L, 2);
        break;
    case INBOX_LUA_LIMIT_TIME:
        inbox_lua_push_where(L);
        lua_pushliteral(L, "time limit exceeded");
        lua_concat(L, 2);
        break;
    default:
        lua_pushliteral(L, "not enough memory");
        break;
    }
    return lua_error(L);
}

/* True when a deadline is set and has passed; trips the time limit. */
static inline int inbox_lua_past_deadline(inbox_lua_control *c) {
    if (c->timeout <= 0 || c->depth == 0 || inbox_lua_now() < c->deadline)
        return 0;
    c->tripped = INBOX_LUA_LIMIT_TIME;
    return 1;
}

/* The count hook (manual section 4.7, lua_sethook): runs every
 * INBOX_LUA_HOOK_STEP instructions of Lua code. */
static inline void inbox_lua_hook(lua_State *L, lua_Debug *ar) {
    inbox_lua_control *c = inbox_lua_control_of(L);
    (void)ar;
    if (c->depth == 0)
        return;
    if (c->tripped == INBOX_LUA_LIMIT_NONE) {
        if (c->instructions > 0) {
            c->left -= INBOX_LUA_HOOK_STEP;
            if (c->left <= 0)
                c->tripped = INBOX_LUA_LIMIT_INSTRUCTIONS;
        }
        if (c->tripped == INBOX_LUA_LIMIT_NONE && !inbox_lua_past_deadline(c))
            return;
    }
    inbox_lua_raise_limit(L, c->tripped);
}

/* Installs or removes the hook on the main thread; coroutines created
 * later copy it (lua_newthread). */
static inline void inbox_lua_set_hook(lua_State *L, int on) {
    if (on)
        lua_sethook(L, inbox_lua_hook, LUA_MASKCOUNT, INBOX_LUA_HOOK_STEP);
    else
        lua_sethook(L, NULL, 0, 0);
}

/* Re-raises the error on top when it comes from a limit.  A memory error
 * counts as a limit in a state that has one; coroutine.wrap turns its
 * status into a runtime error, so the fixed message is checked too. */
static inline void inbox_lua_rethrow_limit(lua_State *L, int status) {
    inbox_lua_control *c = inbox_lua_control_of(L);
    if (c->limit && c->tripped == INBOX_LUA_LIMIT_NONE) {
        const char *m = lua_type(L, -1) == LUA_TSTRING
            ? lua_tostring(L, -1) : NULL;
        if (status == LUA_ERRMEM
            || (m != NULL && strcmp(m, "not enough memory") == 0))
            c->tripped = INBOX_LUA_LIMIT_MEMORY;
    }
    if (c->tripped != INBOX_LUA_LIMIT_NONE)
        lua_error(L);
}

/* The continuation of pcall and xpcall; `extra` counts the slots below
 * the results that are not returned. */
static inline int inbox_lua_pcall_done(lua_State *L, int status,
                                       lua_KContext extra) {
    if (status == LUA_OK || status == LUA_YIELD)
        return lua_gettop(L) - (int)extra;
    inbox_lua_rethrow_limit(L, status);
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);
    return 2;
}

/* pcall(f, ...) that a limit passes through. */
static inline int inbox_lua_lib_pcall(lua_State *L) {
    int status;
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0,
                        inbox_lua_pcall_done);
    return inbox_lua_pcall_done(L, status, 0);
}

/* The message handler xpcall installs: the script's own (upvalue 1),
 * except once a limit has tripped.  The count hook raises a limit, and Lua
 * runs the message handler of an error raised in a hook with hooks off: a
 * script's handler that looped would then run past every limit. */
static inline int inbox_lua_xpcall_handler(lua_State *L) {
    inbox_lua_control *c = inbox_lua_control_of(L);
    if (c->tripped != INBOX_LUA_LIMIT_NONE)
        return 1;  /* the limit's error, as it is */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* xpcall(f, msgh, ...) that a limit passes through. */
static inline int inbox_lua_lib_xpcall(lua_State *L) {
    int nargs = lua_gettop(L) - 2;
    int status;
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, inbox_lua_xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);  /* f, msgh, true, f, args... */
    status = lua_pcallk(L, nargs, LUA_MULTRET, 2, 2, inbox_lua_pcall_done);
    return inbox_lua_pcall_done(L, status, 2);
}

/* coroutine.resume (upvalue 1) that a limit passes through. */
static inline int inbox_lua_lib_resume(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    if (co != NULL && !lua_toboolean(L, 1)) {
        lua_settop(L, 2);
        inbox_lua_rethrow_limit(L, lua_status(co));
    }
    return lua_gettop(L);
}

/* string.rep (upvalue 1) that checks the size against the memory limit
 * before one long C call could build it.
 * TODO: with a deadline but no memory limit, one huge string.rep (or
 * table.concat, or a plain string.format) still runs to its end; only
 * the memory limit bounds those single C calls. */
static inline int inbox_lua_lib_rep(lua_State *L) {
    inbox_lua_control *c = inbox_lua_control_of(L);
    size_t len, seplen = 0;
    lua_Integer n;
    luaL_checklstring(L, 1, &len);
    n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &seplen);
    /* string.rep's own check, made here so that the error names the
     * script's line rather than this wrapper. */
    if (n > 0 && (len + seplen < len
                  || len + seplen > (size_t)INT_MAX / (size_t)n))
        return luaL_error(L, "resulting string too large");
    if (c->limit && n > 0) {
        double size = (double)len * (double)n
            + (double)seplen * (double)(n - 1);
        if (size + (double)c->used > (double)c->limit) {
            c->tripped = INBOX_LUA_LIMIT_MEMORY;
            return inbox_lua_raise_limit(L, c->tripped);
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* load (upvalue 1) that only accepts text chunks: the mode asked for, less
 * "b"; a mode without "t" then refuses every chunk, with Lua's message. */
static inline int inbox_lua_lib_load(lua_State *L) {
    const char *mode;
    if (lua_gettop(L) < 3)
        lua_settop(L, 3);
    mode = luaL_optstring(L, 3, "t");
    if (strchr(mode, 't') != NULL)
        lua_pushliteral(L, "t");
    else
        lua_pushliteral(L, "");
    lua_replace(L, 3);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* Replaces lib[name] with f, given the old function as upvalue.  The lib
 * table is on top.  [-0, +0, e] */
static inline void inbox_lua_wrap(lua_State *L, const char *name,
                                  lua_CFunction f) {
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, f, 1);
    lua_setfield(L, -2, name);
}

/* Installs the limit-aware pcall, xpcall, coroutine.resume and
 * string.rep.  Run protected.  [-0, +0, e] */
static inline int inbox_lua_install_guards(lua_State *L) {
    lua_pushglobaltable(L);
    lua_pushcfunction(L, inbox_lua_lib_pcall);
    lua_setfield(L, -2, "pcall");
    lua_pushcfunction(L, inbox_lua_lib_xpcall);
    lua_setfield(L, -2, "xpcall");
    if (lua_getfield(L, -1, LUA_COLIBNAME) == LUA_TTABLE)
        inbox_lua_wrap(L, "resume", inbox_lua_lib_resume);
    lua_pop(L, 1);
    if (lua_getfield(L, -1, LUA_STRLIBNAME) == LUA_TTABLE)
        inbox_lua_wrap(L, "rep", inbox_lua_lib_rep);
    lua_pop(L, 2);
    return 0;
}

#endif
