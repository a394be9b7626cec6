#ifndef INBOX_LUA_JSON_ENCODER_H
#define INBOX_LUA_JSON_ENCODER_H

/* The encoder's state, shared by json_encode.c (tables) and
 * json_encode_scalar.c (the text buffer, scalars, error paths).  Not
 * public. */

#include "json_internal.h"

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

/* A block of text owned by a userdata, freed by its __gc. */
typedef struct TextBox {
    char *data;
    size_t size;
} TextBox;

typedef struct Encoder {
    lua_State *L;
    char *text;
    size_t length, capacity;
    int text_slot, path_slot, null_slot, mark_slot;
    int indent, depth;
    Level *path;
    TextBox *box; /* NULL while the text is in inline_text */
    Level inline_path[JSON_INLINE_LEVELS];
    char inline_text[1024];
} Encoder;

/* Makes room for extra more bytes, moving the text into a bigger
 * userdata.  [-0, +0, m] */
void inbox_json_grow(Encoder *e, size_t extra);

static inline char *room(Encoder *e, size_t extra) {
    if (e->capacity - e->length < extra)
        inbox_json_grow(e, extra);
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

/* Frees the text's block now rather than at the next collection.
 * [-0, +0, -] */
void inbox_json_free_text(Encoder *e);

/* Raises "json.encode: <what> at <path>", the path naming the member
 * being written at each of the first levels.  [-0, +0, v] */
void inbox_json_fail(Encoder *e, int levels, const char *what);

/* Raises for the value at idx, of a type JSON has no place for.
 * [-0, +0, v] */
void inbox_json_fail_value(Encoder *e, int idx);

/* Writes the byte string s as a JSON string.  [-0, +0, v] */
void inbox_json_encode_string(Encoder *e, const char *s, size_t n);

/* Writes the decimal digits of an integer.  [-0, +0, m] */
void inbox_json_encode_integer(Encoder *e, lua_Integer value);

/* Writes a float so that it reads back as the same double.  [-0, +0, v] */
void inbox_json_encode_float(Encoder *e, lua_Number value);

#endif
