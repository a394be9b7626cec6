#ifndef INBOX_LUA_JSON_INTERNAL_H
#define INBOX_LUA_JSON_INTERNAL_H

/* What the decoder and the encoder share; not part of the public API. */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "shim.h"

/* True when any of the 8 bytes of w is zero (the classic bit trick; it may
 * also flag a byte above a zero one, which callers recheck bytewise). */
#define JSON_HAS_ZERO(w) \
    (((w) - UINT64_C(0x0101010101010101)) & ~(w) \
     & UINT64_C(0x8080808080808080))

/* True when one of the 8 bytes at s may need attention inside a JSON
 * string: a quote, a backslash, a control character or a non-ASCII byte.
 * False means all 8 are plain ASCII that stays as it is. */
static inline int json_word_special(const unsigned char *s) {
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return ((w | (w - UINT64_C(0x2020202020202020)))
            & UINT64_C(0x8080808080808080))
        || JSON_HAS_ZERO(w ^ UINT64_C(0x2222222222222222))
        || JSON_HAS_ZERO(w ^ UINT64_C(0x5c5c5c5c5c5c5c5c));
}

/*
 * Length of the well-formed UTF-8 sequence at s, whose lead byte is at
 * least 0x80, or 0 when it is not well formed: a stray continuation byte,
 * an overlong form, an encoded surrogate, a code point above U+10FFFF or a
 * sequence cut short by end (RFC 3629, section 4).
 */
static inline size_t json_utf8_length(const unsigned char *s,
                                      const unsigned char *end) {
    unsigned lead = s[0], next;
    size_t avail = (size_t)(end - s);

    if (lead < 0xC2)
        return 0;
    if (lead < 0xE0)
        return (avail >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    if (lead < 0xF0) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        next = s[1];
        if ((lead == 0xE0 && next < 0xA0) || (lead == 0xED && next >= 0xA0))
            return 0;
        return 3;
    }
    if (lead < 0xF5) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80
            || (s[3] & 0xC0) != 0x80)
            return 0;
        next = s[1];
        if ((lead == 0xF0 && next < 0x90) || (lead == 0xF4 && next >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

/*
 * Pushes what both directions keep at hand: the json.null sentinel, the
 * array marker and an empty slot for a scratch buffer.  Returns the index
 * of the first; the others follow it.  [-0, +3, m]
 */
static inline int json_push_conventions(lua_State *L, const char *who) {
    luaL_checkstack(L, 8, who);
    inbox_lua_push_null(L);
    inbox_lua_push_array_mt(L);
    lua_pushnil(L);
    return lua_gettop(L) - 2;
}

#endif
