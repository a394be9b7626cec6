#ifndef INBOX_LUA_JSON_DECODER_H
#define INBOX_LUA_JSON_DECODER_H

/* The decoder's state, shared by json_decode.c (structure) and
 * json_decode_scalar.c (strings and numbers).  Not public. */

#include "json_internal.h"

typedef struct Decoder {
    lua_State *L;
    const unsigned char *start, *p, *end;
    int depth;
    int null_slot, mark_slot, scratch_slot;
    char *scratch;
    size_t scratch_size;
} Decoder;

/* 1-based byte offset of at, as Lua counts string positions. */
static inline lua_Integer json_offset_of(const Decoder *d,
                                         const unsigned char *at) {
    return (lua_Integer)(at - d->start) + 1;
}

/* Raises "json.decode: <what> at byte N" for the byte at at.  [-0, +0, v] */
void inbox_json_fail_at(Decoder *d, const unsigned char *at,
                        const char *what);

/* Raises for the byte at p, which no rule of the grammar accepts there,
 * or for the end of the input.  [-0, +0, v] */
void inbox_json_unexpected(Decoder *d, const unsigned char *p);

/* Makes room for extra more bytes after the used ones in the scratch
 * buffer, keeping them.  [-0, +0, m] */
void inbox_json_reserve(Decoder *d, size_t used, size_t extra);

/* Pushes the string whose opening quote is at d->p.  [-0, +1, v] */
void inbox_json_parse_string(Decoder *d);

/* Pushes the number at d->p.  [-0, +1, v] */
void inbox_json_parse_number(Decoder *d);

#endif
