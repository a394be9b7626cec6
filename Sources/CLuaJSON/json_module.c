/*
 * The json module table, and the protected entry points for hosts that
 * must not be unwound by a Lua error (Swift, DESIGN.md).
 */

#include "include/inbox_json.h"
#include "shim.h"

int inbox_json_lua_decode(lua_State *L) {
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);

    inbox_json_decode(L, text, len);
    return 1;
}

int inbox_json_lua_encode(lua_State *L) {
    luaL_checkany(L, 1);
    inbox_json_encode(L, 1, 0);
    return 1;
}

int inbox_json_lua_pretty(lua_State *L) {
    lua_Integer indent = luaL_optinteger(L, 2, 2);

    luaL_checkany(L, 1);
    luaL_argcheck(L, indent >= 1 && indent <= INBOX_JSON_MAX_INDENT, 2,
                  "indent must be between 1 and 16");
    inbox_json_encode(L, 1, (int)indent);
    return 1;
}

int inbox_json_lua_array(lua_State *L) {
    if (lua_isnoneornil(L, 1)) {
        lua_settop(L, 0);
        lua_newtable(L);
    } else {
        luaL_checktype(L, 1, LUA_TTABLE);
        lua_settop(L, 1);
        luaL_argcheck(L, !lua_getmetatable(L, 1) || inbox_lua_is_array(L, 1),
                      1, "table already has a metatable");
        lua_settop(L, 1);
    }
    inbox_lua_push_array_mt(L);
    lua_setmetatable(L, 1);
    return 1;
}

static const luaL_Reg json_functions[] = {
    {"decode", inbox_json_lua_decode},
    {"encode", inbox_json_lua_encode},
    {"pretty", inbox_json_lua_pretty},
    {"array", inbox_json_lua_array},
    {NULL, NULL},
};

int luaopen_inbox_json(lua_State *L) {
    luaL_newlib(L, json_functions);
    inbox_lua_push_null(L);
    lua_setfield(L, -2, "null");
    return 1;
}

/* Knows the two registry entries of LuaKit's states (lua_sandbox.h): the
 * table Swift writes globals in, and, in the sandbox only, the metatable
 * of per-chunk environments.  A plain state has neither. */
int inbox_json_open_global(lua_State *L) {
    luaL_requiref(L, "json", luaopen_inbox_json, 0);
    if (lua_getfield(L, LUA_REGISTRYINDEX, INBOX_LUA_ENV_MT_KEY)
        == LUA_TTABLE) {
        /* sandboxed: scripts get a read-only view, as of every library */
        lua_pop(L, 1);
        inbox_lua_push_readonly(L);
        luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
        lua_pushvalue(L, -2);
        lua_setfield(L, -2, "json");
    }
    lua_pop(L, 1);
    if (lua_getfield(L, LUA_REGISTRYINDEX, INBOX_LUA_GLOBALS_KEY)
        == LUA_TTABLE) {
        lua_pushvalue(L, -2);
        lua_setfield(L, -2, "json");
    } else {
        lua_pushvalue(L, -2);
        lua_setglobal(L, "json");
    }
    lua_pop(L, 2);
    return 0;
}

/* The part of the protected entry points that may raise. */
typedef struct Request {
    const char *text;
    size_t len;
    int indent;
} Request;

static int decode_request(lua_State *L) {
    const Request *request = lua_touserdata(L, 1);

    inbox_json_decode(L, request->text, request->len);
    return 1;
}

static int encode_request(lua_State *L) {
    const Request *request = lua_touserdata(L, 1);

    inbox_json_encode(L, 2, request->indent);
    return 1;
}

int inbox_json_decode_protected(lua_State *L, const char *text, size_t len) {
    Request request = {text, len, 0};

    if (!lua_checkstack(L, 3))
        return LUA_ERRMEM;
    lua_pushcfunction(L, decode_request);
    lua_pushlightuserdata(L, &request);
    return lua_pcall(L, 1, 1, 0);
}

int inbox_json_encode_protected(lua_State *L, int idx, int indent) {
    Request request = {NULL, 0, indent};

    idx = lua_absindex(L, idx);
    if (!lua_checkstack(L, 3))
        return LUA_ERRMEM;
    lua_pushcfunction(L, encode_request);
    lua_pushlightuserdata(L, &request);
    lua_pushvalue(L, idx);
    return lua_pcall(L, 2, 1, 0);
}
