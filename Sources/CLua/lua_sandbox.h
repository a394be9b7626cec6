#ifndef INBOX_LUA_SANDBOX_H
#define INBOX_LUA_SANDBOX_H

/*
 * The sandbox profile: a safe subset of the standard library, read-only
 * shared tables, and one fresh global environment per loaded chunk, so
 * one rule script can neither reach the machine nor poison another.
 */

/* Registry keys. */
#define INBOX_LUA_GLOBALS_KEY "inbox-lua.globals"  /* writable globals */
#define INBOX_LUA_ENV_MT_KEY "inbox-lua.env-mt"    /* per-chunk env mt */
/* Field marking a proxy's metatable.  A field, not the address of
 * inbox_lua_readonly_newindex: these functions are static inline, so each
 * module (CLuaJSON, Swift's importer) has its own copy at its own address. */
#define INBOX_LUA_READONLY_MARK "inbox-lua.readonly"

static inline int inbox_lua_readonly_newindex(lua_State *L) {
    return luaL_error(L, "attempt to modify a read-only table (key '%s')",
                      luaL_tolstring(L, 2, NULL));
}

/* __len of a proxy: the length of the table it reads.  [-0, +1, -] */
static inline int inbox_lua_readonly_len(lua_State *L) {
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

/* The iterator behind __pairs: next over upvalue 1, so the writable
 * table itself never reaches the script. */
static inline int inbox_lua_readonly_next(lua_State *L) {
    lua_settop(L, 2);
    if (lua_next(L, lua_upvalueindex(1)))
        return 2;
    lua_pushnil(L);
    return 1;
}

/* __pairs of a proxy.  [-0, +3, m] */
static inline int inbox_lua_readonly_pairs(lua_State *L) {
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_pushcclosure(L, inbox_lua_readonly_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* setmetatable (upvalue 1) that refuses a metatable with a __gc field:
 * Lua runs finalizers with hooks off, so a finalizer's loop would run
 * past every limit.  Any value counts, as a placeholder set now marks the
 * object for finalization and a function put in its place later runs. */
static inline int inbox_lua_lib_setmetatable(lua_State *L) {
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "setmetatable: __gc is not allowed in the "
                              "sandbox (finalizers run outside the limits)");
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* True when the value at idx is a read-only proxy.  [-0, +0, -] */
static inline int inbox_lua_is_readonly(lua_State *L, int idx) {
    int found = 0;
    if (lua_type(L, idx) == LUA_TTABLE && lua_getmetatable(L, idx)) {
        lua_pushliteral(L, INBOX_LUA_READONLY_MARK);
        found = lua_rawget(L, -2) == LUA_TBOOLEAN;
        lua_pop(L, 2);
    }
    return found;
}

/* rawset (upvalue 1) that refuses read-only proxies. */
static inline int inbox_lua_lib_rawset(lua_State *L) {
    if (inbox_lua_is_readonly(L, 1))
        return luaL_error(L, "attempt to modify a read-only table");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* Replaces the table on top with an empty proxy that reads through to
 * it and refuses writes.  [-1, +1, m] */
static inline void inbox_lua_push_readonly(lua_State *L) {
    lua_newtable(L);
    lua_createtable(L, 0, 6);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, INBOX_LUA_READONLY_MARK);
    lua_pushcfunction(L, inbox_lua_readonly_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, inbox_lua_readonly_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, inbox_lua_readonly_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_remove(L, -2);
}

/* Replaces the table on top with a read-only view of a shallow copy in
 * which nested tables are read-only views too; memo (at index memo) maps
 * tables to their views, for cycles.  [-1, +1, e] */
static inline void inbox_lua_push_view(lua_State *L, int memo) {
    int source = lua_gettop(L);
    luaL_checkstack(L, 8, "tables nested too deeply");
    lua_pushvalue(L, source);
    if (lua_rawget(L, memo) != LUA_TNIL) {
        lua_remove(L, source);
        return;
    }
    lua_pop(L, 1);
    lua_newtable(L);  /* the copy */
    lua_pushvalue(L, -1);
    inbox_lua_push_readonly(L);
    lua_pushvalue(L, source);
    lua_pushvalue(L, -2);
    lua_rawset(L, memo);  /* memo[source] = view */
    lua_pushnil(L);       /* source, copy, view, key */
    while (lua_next(L, source)) {
        if (lua_type(L, -1) == LUA_TTABLE)
            inbox_lua_push_view(L, memo);
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, source + 1);
    }
    lua_replace(L, source);
    lua_pop(L, 1);
}

/* Opens library `name` and keeps only the listed fields (all when
 * keep is NULL).  [-0, +0, e] */
static inline void inbox_lua_open_lib(lua_State *L, const char *name,
                                      lua_CFunction open,
                                      const char *const *drop) {
    luaL_requiref(L, name, open, 1);
    for (; drop != NULL && *drop != NULL; drop++) {
        lua_pushnil(L);
        lua_setfield(L, -2, *drop);
    }
    lua_pop(L, 1);
}

/* Opens the sandbox profile.  Run protected.  [-0, +0, e] */
static inline int inbox_lua_open_sandbox_k(lua_State *L) {
    static const char *const base_drop[] = {"dofile", "loadfile", NULL};
    static const char *const os_drop[] = {
        "execute", "exit", "getenv", "remove", "rename", "setlocale",
        "tmpname", NULL};
    static const char *const package_drop[] = {
        "loadlib", "searchpath", NULL};
    static const char *const string_drop[] = {"dump", NULL};
    int memo;

    inbox_lua_open_lib(L, LUA_GNAME, luaopen_base, base_drop);
    inbox_lua_open_lib(L, LUA_LOADLIBNAME, luaopen_package, package_drop);
    inbox_lua_open_lib(L, LUA_COLIBNAME, luaopen_coroutine, NULL);
    inbox_lua_open_lib(L, LUA_TABLIBNAME, luaopen_table, NULL);
    inbox_lua_open_lib(L, LUA_STRLIBNAME, luaopen_string, string_drop);
    inbox_lua_open_lib(L, LUA_MATHLIBNAME, luaopen_math, NULL);
    inbox_lua_open_lib(L, LUA_UTF8LIBNAME, luaopen_utf8, NULL);
    inbox_lua_open_lib(L, LUA_OSLIBNAME, luaopen_os, os_drop);
    inbox_lua_install_guards(L);
    inbox_lua_install_patterns(L);

    /* require finds only package.preload: no files, no C loaders. */
    lua_getglobal(L, LUA_LOADLIBNAME);
    lua_getfield(L, -1, "searchers");
    lua_createtable(L, 1, 0);
    lua_rawgeti(L, -2, 1);
    lua_rawseti(L, -2, 1);
    lua_setfield(L, -3, "searchers");
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    lua_setfield(L, -2, "path");
    lua_pushliteral(L, "");
    lua_setfield(L, -2, "cpath");
    lua_pop(L, 1);

    lua_pushglobaltable(L);
    inbox_lua_wrap(L, "load", inbox_lua_lib_load);
    inbox_lua_wrap(L, "rawset", inbox_lua_lib_rawset);
    inbox_lua_wrap(L, "setmetatable", inbox_lua_lib_setmetatable);
    lua_pop(L, 1);

    /* Scripts see read-only views; Swift keeps writing the copy. */
    lua_newtable(L);
    memo = lua_gettop(L);
    lua_pushglobaltable(L);
    inbox_lua_push_view(L, memo);
    lua_getmetatable(L, -1);
    lua_getfield(L, -1, "__index");
    lua_setfield(L, LUA_REGISTRYINDEX, INBOX_LUA_GLOBALS_KEY);
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);

    /* Per-chunk environments read through to the shared view. */
    lua_createtable(L, 0, 2);
    lua_insert(L, -2);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setfield(L, LUA_REGISTRYINDEX, INBOX_LUA_ENV_MT_KEY);

    /* require and strings reach the views too. */
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        if (lua_type(L, -1) == LUA_TTABLE)
            inbox_lua_push_view(L, memo);
        lua_rawset(L, -4);
    }
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_getfield(L, -1, LUA_STRLIBNAME);
    lua_setfield(L, -3, "__index");
    lua_pop(L, 1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 3);
    return 0;
}

/* Opens the full standard library with the limit guards.  Run
 * protected.  [-0, +0, e] */
static inline int inbox_lua_open_full_k(lua_State *L) {
    luaL_openlibs(L);
    inbox_lua_install_guards(L);
    lua_pushglobaltable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, INBOX_LUA_GLOBALS_KEY);
    return 0;
}

/* Gives the function on top a fresh environment reading through to the
 * shared globals, when the state is sandboxed.  [-0, +0, m] */
static inline void inbox_lua_isolate(lua_State *L) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, INBOX_LUA_ENV_MT_KEY)
        != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    lua_newtable(L);
    lua_insert(L, -2);
    lua_setmetatable(L, -2);
    if (lua_setupvalue(L, -2, 1) == NULL)
        lua_pop(L, 1);
}

#endif
