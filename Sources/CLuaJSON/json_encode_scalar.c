/*
 * The encoder's text buffer, its scalars (strings, integers, floats) and
 * the paths its error messages name.
 */

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "json_encoder.h"

/* Registry name of the metatable of text boxes. */
#define TEXT_BOX_MT "inbox-lua.json-text"

/* Gives the block of box back to the state's allocator.  [-0, +0, -] */
static void release(lua_State *L, TextBox *box) {
    void *ud;
    lua_Alloc allocate = lua_getallocf(L, &ud);

    if (box->data != NULL)
        allocate(ud, box->data, box->size, 0);
    box->data = NULL;
    box->size = 0;
}

/* __gc of a text box.  [-0, +0, -] */
static int free_box(lua_State *L) {
    release(L, lua_touserdata(L, 1));
    return 0;
}

/* Puts a new, empty text box in text_slot.  [-0, +0, m] */
static TextBox *new_box(lua_State *L, int slot) {
    TextBox *box = lua_newuserdatauv(L, sizeof *box, 0);

    box->data = NULL;
    box->size = 0;
    if (luaL_newmetatable(L, TEXT_BOX_MT)) {
        lua_pushcfunction(L, free_box);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lua_replace(L, slot);
    return box;
}

/*
 * The text starts in the encoder, then moves to a block of the state's own
 * allocator (so a memory limit counts it), owned by a userdata in
 * text_slot whose __gc frees it if an error cuts the encoding short.
 * Growing reallocates, which for large blocks moves no bytes.
 */
void inbox_json_grow(Encoder *e, size_t extra) {
    size_t size = e->capacity * 2;
    TextBox *box = e->box;
    void *ud;
    lua_Alloc allocate = lua_getallocf(e->L, &ud);
    char *bigger;

    if (size < e->length + extra)
        size = e->length + extra;
    if (box == NULL)
        box = e->box = new_box(e->L, e->text_slot);
    bigger = allocate(ud, box->data, box->data ? box->size : 0, size);
    if (bigger == NULL) {
        /* Raise the memory error Lua itself would: an allocation of the
         * same size fails the same way, with status LUA_ERRMEM. */
        lua_newuserdatauv(e->L, size, 0);
        luaL_error(e->L, "not enough memory");
    }
    if (box->data == NULL)
        memcpy(bigger, e->text, e->length);
    box->data = bigger;
    box->size = size;
    e->text = bigger;
    e->capacity = size;
}

void inbox_json_free_text(Encoder *e) {
    if (e->box != NULL)
        release(e->L, e->box);
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
void inbox_json_fail(Encoder *e, int levels, const char *what) {
    push_path(e, levels);
    luaL_error(e->L, "json.encode: %s%s%s", what, levels > 0 ? " at " : "",
               lua_tostring(e->L, -1));
}

/* Raises for a value of a type JSON has no place for.  [-0, +0, v] */
void inbox_json_fail_value(Encoder *e, int idx) {
    lua_pushfstring(e->L, "cannot encode %s", luaL_typename(e->L, idx));
    inbox_json_fail(e, e->depth, lua_tostring(e->L, -1));
}

/* Writes the byte string s as a JSON string.  [-0, +0, v] */
void inbox_json_encode_string(Encoder *e, const char *s, size_t n) {
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
                inbox_json_fail(e, e->depth, lua_tostring(e->L, -1));
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
void inbox_json_encode_integer(Encoder *e, lua_Integer value) {
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
void inbox_json_encode_float(Encoder *e, lua_Number value) {
    char text[40];
    char point = lua_getlocaledecpoint();
    int length = 0, precision, i, looks_integral = 1;

    if (isnan(value))
        inbox_json_fail(e, e->depth, "cannot encode NaN");
    if (isinf(value))
        inbox_json_fail(e, e->depth, value > 0 ? "cannot encode inf"
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
