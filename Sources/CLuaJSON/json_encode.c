/*
 * Lua values to JSON text: tables, the path and cycle checks; scalars and
 * the text buffer are in json_encode_scalar.c.  The text grows in a buffer
 * that starts on the C stack and moves into a userdata when it outgrows
 * it, so an error halfway (a function value, a cycle, a memory limit)
 * leaves nothing to free by hand.
 */

#include <stdlib.h>

#include "include/inbox_json.h"
#include "json_encoder.h"

static void encode_value(Encoder *e, int idx);

#define MIXED_KEYS "cannot encode a table whose keys are neither 1..n " \
    "nor all strings"

/* Writes a line break and the indent of the current depth, when
 * indenting.  [-0, +0, m] */
static void new_line(Encoder *e, int depth) {
    size_t n;

    if (e->indent == 0)
        return;
    n = (size_t)e->indent * (size_t)depth;
    memset(room(e, n + 1) + 1, ' ', n);
    e->text[e->length] = '\n';
    e->length += n + 1;
}

/* Opens a level for the table at idx, refusing cycles and depth.
 * [-0, +0, v] */
static void enter(Encoder *e, int idx) {
    const void *table = lua_topointer(e->L, idx);
    int i;

    if (e->depth >= INBOX_JSON_MAX_DEPTH) {
        lua_pushfstring(e->L, "nesting deeper than %d levels",
                        INBOX_JSON_MAX_DEPTH);
        inbox_json_fail(e, e->depth, lua_tostring(e->L, -1));
    }
    for (i = 1; i <= e->depth; i++)
        if (e->path[i].table == table)
            inbox_json_fail(e, e->depth, "table contains itself");
    if (!lua_checkstack(e->L, 8))
        inbox_json_fail(e, e->depth, "stack overflow");
    if (e->depth + 1 == JSON_INLINE_LEVELS) {
        Level *levels = lua_newuserdatauv(
            e->L, sizeof(Level) * (INBOX_JSON_MAX_DEPTH + 1), 0);
        memcpy(levels, e->path, sizeof(Level) * JSON_INLINE_LEVELS);
        lua_replace(e->L, e->path_slot);
        e->path = levels;
    }
    e->depth++;
    e->path[e->depth].table = table;
    e->path[e->depth].key = NULL;
    e->path[e->depth].index = 0;
}

/* Writes elements 1..n of the table at idx as a JSON array.
 * [-0, +0, v] */
static void encode_array(Encoder *e, int idx, lua_Integer n) {
    Level *level = &e->path[e->depth];
    lua_Integer i;

    add_char(e, '[');
    for (i = 1; i <= n; i++) {
        if (i > 1)
            add_char(e, ',');
        new_line(e, e->depth);
        level = &e->path[e->depth];
        level->key = NULL;
        level->index = i;
        lua_rawgeti(e->L, idx, i);
        encode_value(e, lua_gettop(e->L));
        lua_pop(e->L, 1);
    }
    if (n > 0)
        new_line(e, e->depth - 1);
    add_char(e, ']');
}

/* Writes one member: the key at -2 and the value at -1.  [-0, +0, v] */
static void encode_member(Encoder *e, int first) {
    Level *level = &e->path[e->depth];

    if (lua_type(e->L, -2) != LUA_TSTRING)
        inbox_json_fail(e, e->depth - 1, MIXED_KEYS);
    if (!first)
        add_char(e, ',');
    new_line(e, e->depth);
    level->key = lua_tolstring(e->L, -2, &level->key_length);
    inbox_json_encode_string(e, level->key, level->key_length);
    add_bytes(e, ": ", e->indent ? 2 : 1);
    encode_value(e, lua_gettop(e->L));
}

static int compare_keys(const void *a, const void *b) {
    const Level *x = a, *y = b;
    size_t n = x->key_length < y->key_length ? x->key_length : y->key_length;
    int order = memcmp(x->key, y->key, n);

    if (order != 0)
        return order;
    return x->key_length < y->key_length ? -1 : x->key_length > y->key_length;
}

/* Writes the members of the object at idx in key order.  [-0, +0, v] */
static void encode_sorted(Encoder *e, int idx) {
    lua_State *L = e->L;
    size_t count = 0, i;
    Level *keys;

    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        count++;
    }
    keys = lua_newuserdatauv(L, sizeof(Level) * count, 0);
    i = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            inbox_json_fail(e, e->depth - 1, MIXED_KEYS);
        keys[i].key = lua_tolstring(L, -2, &keys[i].key_length);
        i++;
        lua_pop(L, 1);
    }
    qsort(keys, count, sizeof(Level), compare_keys);
    for (i = 0; i < count; i++) {
        lua_pushlstring(L, keys[i].key, keys[i].key_length);
        lua_pushvalue(L, -1);
        lua_rawget(L, idx);
        encode_member(e, i == 0);
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

/* Writes the table at idx as an array, after checking that its keys are
 * 1..n, n being its length; a marked table may have holes, written as
 * null.  The first key and value are on the stack.  [-2, +0, v] */
static void encode_sequence(Encoder *e, int idx, int marked) {
    lua_State *L = e->L;
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;

    do {
        lua_Integer key = lua_tointeger(L, -2);
        if (!lua_isinteger(L, -2) || key < 1 || key > n)
            inbox_json_fail(e, e->depth - 1, MIXED_KEYS);
        count++;
        lua_pop(L, 1);
    } while (lua_next(L, idx));
    if (!marked && count != n)
        inbox_json_fail(e, e->depth - 1, MIXED_KEYS);
    encode_array(e, idx, n);
}

/* Writes the table at idx as an array or an object (see inbox_json.h).
 * [-0, +0, v] */
static void encode_table(Encoder *e, int idx) {
    lua_State *L = e->L;
    int marked = 0, first = 1;

    enter(e, idx);
    if (lua_getmetatable(L, idx)) {
        marked = lua_rawequal(L, -1, e->mark_slot);
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    if (!lua_next(L, idx)) {
        if (marked)
            add_bytes(e, "[]", 2);
        else
            add_bytes(e, "{}", 2);
    } else if (marked || lua_type(L, -2) != LUA_TSTRING) {
        encode_sequence(e, idx, marked);
    } else {
        add_char(e, '{');
        if (e->indent) {
            lua_pop(L, 2);
            encode_sorted(e, idx);
        } else
            do {
                encode_member(e, first);
                first = 0;
                lua_pop(L, 1);
            } while (lua_next(L, idx));
        new_line(e, e->depth - 1);
        add_char(e, '}');
    }
    e->depth--;
}

/* Writes the value at idx, an absolute index.  [-0, +0, v] */
static void encode_value(Encoder *e, int idx) {
    lua_State *L = e->L;

    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        add_bytes(e, "null", 4);
        break;
    case LUA_TBOOLEAN:
        if (lua_toboolean(L, idx))
            add_bytes(e, "true", 4);
        else
            add_bytes(e, "false", 5);
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            inbox_json_encode_integer(e, lua_tointeger(L, idx));
        else
            inbox_json_encode_float(e, lua_tonumber(L, idx));
        break;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        inbox_json_encode_string(e, s, n);
        break;
    }
    case LUA_TTABLE:
        encode_table(e, idx);
        break;
    case LUA_TUSERDATA:
        if (lua_rawequal(L, idx, e->null_slot)) {
            add_bytes(e, "null", 4);
            break;
        }
        inbox_json_fail_value(e, idx);
        break;
    default:
        inbox_json_fail_value(e, idx);
    }
}

void inbox_json_encode(lua_State *L, int idx, int indent) {
    Encoder e;

    idx = lua_absindex(L, idx);
    e.null_slot = json_push_conventions(L, "json.encode");
    e.mark_slot = e.null_slot + 1;
    e.text_slot = e.null_slot + 2;
    lua_pushnil(L);
    e.path_slot = lua_gettop(L);
    e.L = L;
    e.indent = indent < 0 ? 0 : indent > INBOX_JSON_MAX_INDENT
                                    ? INBOX_JSON_MAX_INDENT : indent;
    e.depth = 0;
    e.path = e.inline_path;
    e.box = NULL;
    e.text = e.inline_text;
    e.length = 0;
    e.capacity = sizeof e.inline_text;

    encode_value(&e, idx);

    lua_pushlstring(L, e.text, e.length);
    inbox_json_free_text(&e);
    lua_replace(L, e.null_slot);
    lua_settop(L, e.null_slot);
}
