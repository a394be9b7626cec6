/*
 * JSON text to Lua values: a recursive descent over the bytes, with its
 * errors; strings and numbers are in json_decode_scalar.c.  The members
 * of an object or array wait on the Lua stack until the container is
 * closed, so that its table is created at its final size instead of
 * growing.
 */

#include <stdio.h>

#include "include/inbox_json.h"
#include "json_decoder.h"

/* Members of one container held on the stack before its table is made. */
#define JSON_STACKED_ITEMS 128

static void parse_value(Decoder *d);

/* White space as RFC 8259 counts it. */
static inline int is_space(unsigned c) {
    return c <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
}

void inbox_json_fail_at(Decoder *d, const unsigned char *at,
                        const char *what) {
    luaL_error(d->L, "json.decode: %s at byte %I", what,
               json_offset_of(d, at));
}

void inbox_json_unexpected(Decoder *d, const unsigned char *p) {
    lua_Integer at = json_offset_of(d, p);

    if (p >= d->end)
        luaL_error(d->L, "json.decode: unexpected end of input at byte %I",
                   at);
    if (*p >= 0x20 && *p < 0x7F)
        luaL_error(d->L, "json.decode: unexpected character '%c' at byte %I",
                   *p, at);
    {
        /* lua_pushfstring has no %X, so the byte is spelled here */
        char byte[8];
        snprintf(byte, sizeof byte, "0x%02X", (unsigned)*p);
        luaL_error(d->L, "json.decode: unexpected byte %s at byte %I", byte,
                   at);
    }
}

static void skip_space(Decoder *d) {
    while (d->p < d->end && is_space(*d->p))
        d->p++;
}

static void enter(Decoder *d) {
    if (++d->depth > INBOX_JSON_MAX_DEPTH)
        luaL_error(d->L, "json.decode: nesting deeper than %d levels "
                   "at byte %I", INBOX_JSON_MAX_DEPTH,
                   json_offset_of(d, d->p));
    luaL_checkstack(d->L, JSON_STACKED_ITEMS + 8, "json.decode");
}

/* The scratch buffer is a userdata kept in scratch_slot, so that an error
 * frees it. */
void inbox_json_reserve(Decoder *d, size_t used, size_t extra) {
    size_t size = d->scratch_size * 2;
    char *bigger;

    if (used + extra <= d->scratch_size)
        return;
    if (size < used + extra)
        size = used + extra;
    if (size < 256)
        size = 256;
    bigger = lua_newuserdatauv(d->L, size, 0);
    if (used > 0)
        memcpy(bigger, d->scratch, used);
    lua_replace(d->L, d->scratch_slot);
    d->scratch = bigger;
    d->scratch_size = size;
}

/* Checks that the literal word is at d->p and moves past it. */
static void expect_word(Decoder *d, const char *word, size_t length) {
    if ((size_t)(d->end - d->p) < length || memcmp(d->p, word, length) != 0)
        inbox_json_unexpected(d, d->p);
    d->p += length;
}

/*
 * Replaces the count items above base with one new table holding them:
 * key-value pairs when is_object, else the elements 1..count (marked as
 * an array).  [-count, +1, m]
 */
static void collect(Decoder *d, int base, int count, int is_object) {
    lua_State *L = d->L;
    int i;

    if (is_object) {
        lua_createtable(L, 0, count / 2);
        for (i = 1; i < count; i += 2) {
            lua_pushvalue(L, base + i);
            lua_pushvalue(L, base + i + 1);
            lua_rawset(L, -3);
        }
    } else {
        lua_createtable(L, count, 0);
        for (i = 1; i <= count; i++) {
            lua_pushvalue(L, base + i);
            lua_rawseti(L, -2, i);
        }
        lua_pushvalue(L, d->mark_slot);
        lua_setmetatable(L, -2);
    }
    if (count > 0) {
        lua_replace(L, base + 1);
        lua_settop(L, base + 1);
    }
}

/*
 * Pushes the array or object that opens at d->p.  Members stay on the
 * stack until the container closes, or until there are so many that the
 * table is made early and the rest are stored as they come.
 * [-0, +1, v]
 */
static void parse_container(Decoder *d, int is_object) {
    lua_State *L = d->L;
    int base = lua_gettop(L), count = 0, made = 0;
    lua_Integer next_index = 1;
    unsigned char close = is_object ? '}' : ']';

    enter(d);
    d->p++;
    skip_space(d);
    if (d->p < d->end && *d->p == close) {
        d->p++;
        d->depth--;
        collect(d, base, 0, is_object);
        return;
    }
    for (;;) {
        if (is_object) {
            if (d->p >= d->end || *d->p != '"')
                inbox_json_unexpected(d, d->p);
            inbox_json_parse_string(d);
            skip_space(d);
            if (d->p >= d->end || *d->p != ':')
                inbox_json_unexpected(d, d->p);
            d->p++;
            skip_space(d);
        }
        parse_value(d);
        if (made) {
            if (is_object)
                lua_rawset(L, base + 1);
            else
                lua_rawseti(L, base + 1, next_index++);
        } else if ((count += 1 + is_object) >= JSON_STACKED_ITEMS) {
            collect(d, base, count, is_object);
            next_index = count + 1;
            made = 1;
        }
        skip_space(d);
        if (d->p < d->end && *d->p == ',') {
            d->p++;
            skip_space(d);
            continue;
        }
        if (d->p < d->end && *d->p == close)
            break;
        inbox_json_unexpected(d, d->p);
    }
    d->p++;
    d->depth--;
    if (!made)
        collect(d, base, count, is_object);
}

/* Pushes the value at d->p, which is not white space.  [-0, +1, v] */
static void parse_value(Decoder *d) {
    if (d->p >= d->end)
        inbox_json_unexpected(d, d->p);
    switch (*d->p) {
    case '{':
        parse_container(d, 1);
        break;
    case '[':
        parse_container(d, 0);
        break;
    case '"':
        inbox_json_parse_string(d);
        break;
    case 't':
        expect_word(d, "true", 4);
        lua_pushboolean(d->L, 1);
        break;
    case 'f':
        expect_word(d, "false", 5);
        lua_pushboolean(d->L, 0);
        break;
    case 'n':
        expect_word(d, "null", 4);
        lua_pushvalue(d->L, d->null_slot);
        break;
    default:
        inbox_json_parse_number(d);
    }
}

void inbox_json_decode(lua_State *L, const char *text, size_t len) {
    Decoder d;

    d.null_slot = json_push_conventions(L, "json.decode");
    d.mark_slot = d.null_slot + 1;
    d.scratch_slot = d.null_slot + 2;
    d.L = L;
    d.start = d.p = (const unsigned char *)text;
    d.end = d.start + len;
    d.depth = 0;
    d.scratch = NULL;
    d.scratch_size = 0;

    skip_space(&d);
    parse_value(&d);
    skip_space(&d);
    if (d.p < d.end)
        inbox_json_unexpected(&d, d.p);

    lua_replace(L, d.null_slot);
    lua_settop(L, d.null_slot);
}
