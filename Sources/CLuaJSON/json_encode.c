/*
 * Lua values to JSON text.  The text grows in a buffer that starts on the
 * C stack and moves into a userdata when it outgrows it, so an error
 * halfway (a function value, a cycle, a memory limit) leaves nothing to
 * free by hand.
 */

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "include/inbox_json.h"
#include "json_internal.h"
#include "shim.h"

/* Levels of the path kept in the encoder itself; deeper values move the
 * path into a userdata. */
#define JSON_INLINE_LEVELS 32

/* One table being written, and which of its members is being written. */
typedef struct Level {
    const void *table;
    const char *key; /* NULL while writing element index of an array */
    size_t key_length;
    lua_Integer index;
} Level;

typedef struct Encoder {
    lua_State *L;
    char *text;
    size_t length, capacity;
    int text_slot, path_slot, null_slot, mark_slot;
    int indent, depth;
    Level *path;
    Level inline_path[JSON_INLINE_LEVELS];
    char inline_text[1024];
} Encoder;

static void encode_value(Encoder *e, int idx);

#define MIXED_KEYS "cannot encode a table whose keys are neither 1..n " \
    "nor all strings"

/* Makes room for extra more bytes.  [-0, +0, m] */
static void grow(Encoder *e, size_t extra) {
    size_t size = e->capacity * 2;
    char *bigger;

    if (size < e->length + extra)
        size = e->length + extra;
    bigger = lua_newuserdatauv(e->L, size, 0);
    memcpy(bigger, e->text, e->length);
    lua_replace(e->L, e->text_slot);
    e->text = bigger;
    e->capacity = size;
}

static inline char *room(Encoder *e, size_t extra) {
    if (e->capacity - e->length < extra)
        grow(e, extra);
    return e->text + e->length;
}

static inline void add_bytes(Encoder *e, const char *bytes, size_t n) {
    memcpy(room(e, n), bytes, n);
    e->length += n;
}

static inline void add_char(Encoder *e, char c) {
    *room(e, 1) = c;
    e->length++;
}

/* Longest key, and most levels, that an error message spells out. */
#define PATH_KEY_BYTES 40
#define PATH_LEVELS 12

/* Adds one level of a path: ".name", "[\"odd key\"]" or "[3]".
 * [-?, +?, m] (uses the buffer) */
static void add_level(luaL_Buffer *b, const Level *level) {
    size_t j, n = level->key_length;
    int plain = n > 0;

    if (level->key == NULL) {
        lua_pushfstring(b->L, "[%I]", level->index);
        luaL_addvalue(b);
        return;
    }
    for (j = 0; j < n && plain; j++) {
        unsigned char c = (unsigned char)level->key[j];
        plain = c == '_' || (unsigned)((c | 0x20) - 'a') < 26u
            || (j > 0 && (unsigned)(c - '0') < 10u);
    }
    luaL_addstring(b, plain ? "." : "[\"");
    luaL_addlstring(b, level->key, n > PATH_KEY_BYTES ? PATH_KEY_BYTES : n);
    luaL_addstring(b, n > PATH_KEY_BYTES ? "..." : "");
    luaL_addstring(b, plain ? "" : "\"]");
}

/* Pushes the path of the member being written at each of the first
 * levels, as ".threads[3].fn"; a deep one loses its middle.
 * [-0, +1, m] */
static void push_path(Encoder *e, int levels) {
    luaL_Buffer b;
    int i;

    luaL_buffinit(e->L, &b);
    for (i = 1; i <= levels; i++) {
        if (levels > PATH_LEVELS && i == PATH_LEVELS / 2 + 1) {
            luaL_addstring(&b, "...");
            i = levels - PATH_LEVELS / 2 + 1;
        }
        add_level(&b, &e->path[i]);
    }
    luaL_pushresult(&b);
}

/* Raises "json.encode: <what> at <path>" for the value at depth levels
 * (the path is left out for the value passed in).  [-0, +0, v] */
static void fail(Encoder *e, int levels, const char *what) {
    push_path(e, levels);
    luaL_error(e->L, "json.encode: %s%s%s", what, levels > 0 ? " at " : "",
               lua_tostring(e->L, -1));
}

/* Raises for a value of a type JSON has no place for.  [-0, +0, v] */
static void fail_value(Encoder *e, int idx) {
    lua_pushfstring(e->L, "cannot encode %s", luaL_typename(e->L, idx));
    fail(e, e->depth, lua_tostring(e->L, -1));
}

/* Writes the byte string s as a JSON string.  [-0, +0, v] */
static void encode_string(Encoder *e, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;

    room(e, n + 2);
    e->text[e->length++] = '"';
    for (;;) {
        const unsigned char *run = p;
        unsigned c;
        while (end - p >= 8 && !json_word_special(p))
            p += 8;
        while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"'
               && *p != '\\')
            p++;
        add_bytes(e, (const char *)run, (size_t)(p - run));
        if (p >= end)
            break;
        c = *p;
        if (c >= 0x80) {
            size_t length = json_utf8_length(p, end);
            if (length == 0) {
                lua_pushfstring(e->L, "invalid UTF-8 at byte %I of string",
                                (lua_Integer)(p - (const unsigned char *)s)
                                    + 1);
                fail(e, e->depth, lua_tostring(e->L, -1));
            }
            add_bytes(e, (const char *)p, length);
            p += length;
            continue;
        }
        {
            char *out = room(e, 6);
            out[0] = '\\';
            e->length += 2;
            switch (c) {
            case '"': out[1] = '"'; break;
            case '\\': out[1] = '\\'; break;
            case '\b': out[1] = 'b'; break;
            case '\f': out[1] = 'f'; break;
            case '\n': out[1] = 'n'; break;
            case '\r': out[1] = 'r'; break;
            case '\t': out[1] = 't'; break;
            default:
                memcpy(out + 1, "u00", 3);
                out[4] = hex[c >> 4];
                out[5] = hex[c & 15];
                e->length += 4;
            }
        }
        p++;
    }
    add_char(e, '"');
}

/* Writes the decimal digits of an integer.  [-0, +0, m] */
static void encode_integer(Encoder *e, lua_Integer value) {
    char digits[24], *p = digits + sizeof digits;
    uint64_t u = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;

    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (value < 0)
        *--p = '-';
    add_bytes(e, p, (size_t)(digits + sizeof digits - p));
}

/* Writes a finite float in the fewest of 15, 16 or 17 significant digits
 * that read back as the same double, and with a '.' or an exponent, so
 * it decodes as a float again.  [-0, +0, v] */
static void encode_float(Encoder *e, lua_Number value) {
    char text[40];
    char point = lua_getlocaledecpoint();
    int length = 0, precision, i, looks_integral = 1;

    if (isnan(value))
        fail(e, e->depth, "cannot encode NaN");
    if (isinf(value))
        fail(e, e->depth, value > 0 ? "cannot encode inf"
                                    : "cannot encode -inf");
    for (precision = 15; precision <= 17; precision++) {
        length = snprintf(text, sizeof text, "%.*g", precision,
                          (double)value);
        if (strtod(text, NULL) == (double)value)
            break;
    }
    for (i = 0; i < length; i++) {
        if (text[i] == point)
            text[i] = '.';
        if (text[i] == '.' || text[i] == 'e')
            looks_integral = 0;
    }
    add_bytes(e, text, (size_t)length);
    if (looks_integral)
        add_bytes(e, ".0", 2);
}

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
        fail(e, e->depth, lua_tostring(e->L, -1));
    }
    for (i = 1; i <= e->depth; i++)
        if (e->path[i].table == table)
            fail(e, e->depth, "table contains itself");
    if (!lua_checkstack(e->L, 8))
        fail(e, e->depth, "stack overflow");
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
        fail(e, e->depth - 1, MIXED_KEYS);
    if (!first)
        add_char(e, ',');
    new_line(e, e->depth);
    level->key = lua_tolstring(e->L, -2, &level->key_length);
    encode_string(e, level->key, level->key_length);
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
            fail(e, e->depth - 1, MIXED_KEYS);
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
            fail(e, e->depth - 1, MIXED_KEYS);
        count++;
        lua_pop(L, 1);
    } while (lua_next(L, idx));
    if (!marked && count != n)
        fail(e, e->depth - 1, MIXED_KEYS);
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
            encode_integer(e, lua_tointeger(L, idx));
        else
            encode_float(e, lua_tonumber(L, idx));
        break;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        encode_string(e, s, n);
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
        fail_value(e, idx);
        break;
    default:
        fail_value(e, idx);
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
    e.text = e.inline_text;
    e.length = 0;
    e.capacity = sizeof e.inline_text;

    encode_value(&e, idx);

    lua_pushlstring(L, e.text, e.length);
    lua_replace(L, e.null_slot);
    lua_settop(L, e.null_slot);
}
