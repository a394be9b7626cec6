#ifndef INBOX_LUA_CLUA_SHIM_H
#define INBOX_LUA_CLUA_SHIM_H

/* Debian's liblua5.4-dev: headers in /usr/include/lua5.4, linked
 * statically (see Package.swift). */
#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>

#include "lua_boundary.h"
#include "lua_limits.h"
#include "lua_patterns.h"
#include "lua_sandbox.h"

/*
 * Shared value conventions (DESIGN.md, "Values between Swift, JSON and
 * Lua").  The json module, the bindings and the REPL printer all use these
 * two, so each is created once per state and found again by name.
 */

/* Registry name of the metatable that marks a table as a JSON array, so an
 * empty array stays an array.  luaL_newmetatable creates it on first use. */
#define INBOX_LUA_ARRAY_MT "inbox-lua.array"

/* Registry key of the json.null sentinel, a zero-size full userdata. */
#define INBOX_LUA_NULL_KEY "inbox-lua.null"

static int inbox_lua_null_tostring(lua_State *L) {
    lua_pushliteral(L, "json.null");
    return 1;
}

/* Pushes the array-marker metatable.  [-0, +1, m] */
static inline void inbox_lua_push_array_mt(lua_State *L) {
    if (luaL_newmetatable(L, INBOX_LUA_ARRAY_MT)) {
        /* no __name: print and tostring show lists as "table: 0x...". */
        lua_pushnil(L);
        lua_setfield(L, -2, "__name");
    }
}

/* Pushes the json.null sentinel, creating it on first use.  [-0, +1, m] */
static inline void inbox_lua_push_null(lua_State *L) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, INBOX_LUA_NULL_KEY)
        == LUA_TUSERDATA)
        return;
    lua_pop(L, 1);
    lua_newuserdatauv(L, 0, 0);
    if (luaL_newmetatable(L, INBOX_LUA_NULL_KEY)) {
        lua_pushcfunction(L, inbox_lua_null_tostring);
        lua_setfield(L, -2, "__tostring");
        lua_pushliteral(L, "json.null");
        lua_setfield(L, -2, "__name");
    }
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, INBOX_LUA_NULL_KEY);
}

/* True when the value at idx is the json.null sentinel.  [-0, +0, -] */
static inline int inbox_lua_is_null(lua_State *L, int idx) {
    int found;
    if (lua_type(L, idx) != LUA_TUSERDATA)
        return 0;
    idx = lua_absindex(L, idx);
    lua_getfield(L, LUA_REGISTRYINDEX, INBOX_LUA_NULL_KEY);
    found = lua_rawequal(L, idx, -1);
    lua_pop(L, 1);
    return found;
}

/* True when the table at idx carries the array marker.  [-0, +0, -] */
static inline int inbox_lua_is_array(lua_State *L, int idx) {
    int marked;
    if (!lua_getmetatable(L, idx))
        return 0;
    luaL_getmetatable(L, INBOX_LUA_ARRAY_MT);
    marked = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return marked;
}

#endif
