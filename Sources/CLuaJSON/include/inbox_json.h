#ifndef INBOX_LUA_JSON_H
#define INBOX_LUA_JSON_H

/*
 * The json module: a JSON codec between byte strings and Lua values, written
 * as plain Lua C functions so that its errors (bad input, memory limit)
 * never unwind through a Swift frame.
 *
 * Values (DESIGN.md, "Values between Swift, JSON and Lua"):
 *   - JSON integers that fit in 64 bits become Lua integers, digit for
 *     digit; larger ones, and numbers with a fraction or exponent, become
 *     floats; one beyond the range of a double is an error.  "-0" is
 *     the integer 0.  Floats are written with the fewest significant digits,
 *     from 15 to 17, that read back as the same double, and always look
 *     like floats ("2.0", not "2").
 *   - JSON null is the json.null sentinel (shim.h), distinct from nil.
 *   - Decoded arrays, empty ones included, carry the array marker
 *     (shim.h); decoded objects are plain tables.
 *   - Strings are byte strings: "\u0000" decodes to a NUL byte and a NUL
 *     byte encodes as "\u0000".  Invalid UTF-8 and lone surrogates are
 *     errors in both directions, giving the 1-based byte offset.
 *
 * Encoding a table: a marked table, or one whose keys are exactly 1..n,
 * is an array (in a marked table, holes below its length #t become null);
 * a table whose keys are all strings is an object; an empty unmarked table
 * is {}.  Any other table (mixed or sparse keys, other key types) is an
 * error (integer keys are not turned into strings), and so is a value
 * JSON has no place for; the message names the path:
 * "json.encode: cannot encode function at .threads[3].fn".
 * Compact output writes object keys in table order, which is unspecified;
 * indented output sorts keys bytewise, so it is stable.
 *
 * Nesting deeper than INBOX_JSON_MAX_DEPTH is an error both ways, and so
 * is a table that contains itself.  Of duplicate keys in an object, the
 * last one wins.
 *
 * Errors are raised with luaL_error, so when Lua code called the
 * function, the message starts with its position, as for Lua's own
 * library: "script.lua:3: json.decode: unexpected character 'x' at
 * byte 17".
 */

#include <stddef.h>

#include <lua5.4/lua.h>

/* Deepest nesting of arrays and objects accepted either way. */
#define INBOX_JSON_MAX_DEPTH 1000

/* Widest indent json.pretty accepts. */
#define INBOX_JSON_MAX_INDENT 16

/*
 * Pushes the json module table: encode, decode, pretty, array, null.
 * Suits luaL_requiref and package.preload; as a shared object it loads
 * with require "inbox_json".  [-0, +1, m]
 */
int luaopen_inbox_json(lua_State *L);

/*
 * A lua_CFunction for hosts: loads the module as package.loaded.json and
 * as the global json, and returns nothing.  Call it protected.  In a
 * LuaKit state the global goes where Swift writes globals, and in the
 * sandbox profile scripts see the module read-only.  [-0, +0, m]
 */
int inbox_json_open_global(lua_State *L);

/*
 * The lua_CFunctions behind the module's functions, for hosts that call
 * them protected with their own arguments (for instance LuaKit's
 * inbox_lua_protect, which also lets a memory limit fail inside):
 *   decode(text) -> value          raises on invalid JSON
 *   encode(value) -> text          compact, keys in table order
 *   pretty(value [, indent]) -> text   indent 1..16, default 2, keys sorted
 *   array([t]) -> t                marks t (or a new table) as an array
 */
int inbox_json_lua_decode(lua_State *L);
int inbox_json_lua_encode(lua_State *L);
int inbox_json_lua_pretty(lua_State *L);
int inbox_json_lua_array(lua_State *L);

/*
 * Decodes the len bytes at text (one JSON value, surrounded by optional
 * white space) and pushes the Lua value.  Raises a Lua error with a message
 * such as "json.decode: unexpected character 'x' at byte 17".  Run it
 * under lua_pcall, or use inbox_json_decode_protected.  [-0, +1, e]
 */
void inbox_json_decode(lua_State *L, const char *text, size_t len);

/*
 * Encodes the value at idx and pushes the JSON text as a Lua string.
 * indent 0 writes compact text; 1..INBOX_JSON_MAX_INDENT writes one
 * element a line, indented by that many spaces a level, keys sorted.
 * Raises a Lua error on values JSON cannot hold.  [-0, +1, e]
 */
void inbox_json_encode(lua_State *L, int idx, int indent);

/*
 * inbox_json_decode inside lua_pcall.  Returns LUA_OK and pushes the value,
 * or returns the error status and pushes the message.  Never raises, so
 * it may be called from Swift.  Returns LUA_ERRMEM without pushing when
 * the stack cannot grow by 3 slots.  In a LuaKit state, whose allocator
 * does not fail while Swift runs, prefer inbox_lua_protect with
 * inbox_json_lua_decode so that the memory limit applies.  [-0, +1, -]
 */
int inbox_json_decode_protected(lua_State *L, const char *text, size_t len);

/*
 * inbox_json_encode inside lua_pcall.  Returns LUA_OK and pushes the text,
 * or returns the error status and pushes the message.  Never raises; the
 * same notes as for inbox_json_decode_protected apply.  [-0, +1, -]
 */
int inbox_json_encode_protected(lua_State *L, int idx, int indent);

#endif
