/*
 * JSON text to Lua values.  A recursive descent over the bytes; strings
 * without escapes are pushed straight from the input, and the members of
 * an object or array wait on the Lua stack until the container is closed,
 * so that its table is created at its final size instead of growing.
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "include/inbox_json.h"
#include "json_internal.h"
#include "shim.h"

/* Members of one container held on the stack before its table is made. */
#define JSON_STACKED_ITEMS 128

typedef struct Decoder {
    lua_State *L;
    const unsigned char *start, *p, *end;
    int depth;
    int null_slot, mark_slot, scratch_slot;
    char *scratch;
    size_t scratch_size;
} Decoder;

static void parse_value(Decoder *d);

/* Byte classes inside a string: plain, end, escape, control, non-ASCII. */
enum { PLAIN, QUOTE, BACKSLASH, CONTROL, HIGH };

static inline int string_class(unsigned c) {
    if (c < 0x20)
        return CONTROL;
    if (c >= 0x80)
        return HIGH;
    return c == '"' ? QUOTE : c == '\\' ? BACKSLASH : PLAIN;
}

/* White space as RFC 8259 counts it. */
static inline int is_space(unsigned c) {
    return c <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
}

/* 1-based byte offset of at, as Lua counts string positions. */
static lua_Integer offset_of(const Decoder *d, const unsigned char *at) {
    return (lua_Integer)(at - d->start) + 1;
}

static void fail_at(Decoder *d, const unsigned char *at, const char *what) {
    luaL_error(d->L, "json.decode: %s at byte %I", what, offset_of(d, at));
}

/* Raises for the byte at p, which no rule of the grammar accepts here. */
static void unexpected(Decoder *d, const unsigned char *p) {
    lua_Integer at = offset_of(d, p);

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
                   "at byte %I", INBOX_JSON_MAX_DEPTH, offset_of(d, d->p));
    luaL_checkstack(d->L, JSON_STACKED_ITEMS + 8, "json.decode");
}

/* Makes room for extra more bytes after the used ones in the scratch
 * buffer, a userdata kept in scratch_slot so an error frees it. */
static void reserve(Decoder *d, size_t used, size_t extra) {
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

/* Reads the 4 hex digits at p as a code unit, or returns -1. */
static long hex4(const unsigned char *p, const unsigned char *end) {
    long value = 0;
    int i;

    if (end - p < 4)
        return -1;
    for (i = 0; i < 4; i++) {
        unsigned c = p[i];
        int digit;
        if (c >= '0' && c <= '9')
            digit = (int)(c - '0');
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            digit = (int)((c | 0x20) - 'a' + 10);
        else
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

/* Decodes the \u escape at p (pointing at the backslash), one code unit or
 * a surrogate pair, into out as UTF-8.  Returns the bytes written and
 * moves *pp past the escape.  [-0, +0, v] */
static size_t unicode_escape(Decoder *d, const unsigned char **pp,
                             char *out) {
    const unsigned char *p = *pp;
    long unit = hex4(p + 2, d->end), low;
    unsigned long code;

    if (unit < 0)
        fail_at(d, p, "invalid \\u escape");
    p += 6;
    code = (unsigned long)unit;
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        fail_at(d, *pp, "lone surrogate");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        if (d->end - p < 6 || p[0] != '\\' || p[1] != 'u')
            fail_at(d, *pp, "lone surrogate");
        low = hex4(p + 2, d->end);
        if (low < 0xDC00 || low > 0xDFFF)
            fail_at(d, *pp, "lone surrogate");
        code = 0x10000 + (((unsigned long)unit - 0xD800) << 10)
            + ((unsigned long)low - 0xDC00);
        p += 6;
    }
    *pp = p;
    if (code < 0x80) {
        out[0] = (char)code;
        return 1;
    }
    if (code < 0x800) {
        out[0] = (char)(0xC0 | (code >> 6));
        out[1] = (char)(0x80 | (code & 0x3F));
        return 2;
    }
    if (code < 0x10000) {
        out[0] = (char)(0xE0 | (code >> 12));
        out[1] = (char)(0x80 | ((code >> 6) & 0x3F));
        out[2] = (char)(0x80 | (code & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (code >> 18));
    out[1] = (char)(0x80 | ((code >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((code >> 6) & 0x3F));
    out[3] = (char)(0x80 | (code & 0x3F));
    return 4;
}

/* Checks the non-ASCII sequence at p and returns the byte after it. */
static const unsigned char *skip_utf8(Decoder *d, const unsigned char *p) {
    size_t length = json_utf8_length(p, d->end);

    if (length == 0)
        fail_at(d, p, "invalid UTF-8");
    return p + length;
}

/* Finishes a string from the backslash at p on, copying into scratch.
 * open is the opening quote.  [-0, +1, m] */
static void parse_escaped(Decoder *d, const unsigned char *open,
                          const unsigned char *p) {
    size_t used = (size_t)(p - open - 1);

    reserve(d, 0, used + 64);
    memcpy(d->scratch, open + 1, used);
    for (;;) {
        const unsigned char *run = p;
        unsigned c;
        while (p < d->end && string_class(*p) == PLAIN)
            p++;
        if (p >= d->end)
            fail_at(d, open, "unterminated string starting");
        reserve(d, used, (size_t)(p - run) + 8);
        memcpy(d->scratch + used, run, (size_t)(p - run));
        used += (size_t)(p - run);
        switch (string_class(*p)) {
        case QUOTE:
            lua_pushlstring(d->L, d->scratch, used);
            d->p = p + 1;
            return;
        case CONTROL:
            fail_at(d, p, "unescaped control character");
            break;
        case HIGH:
            run = p;
            p = skip_utf8(d, p);
            memcpy(d->scratch + used, run, (size_t)(p - run));
            used += (size_t)(p - run);
            continue;
        default:
            break;
        }
        if (p + 1 >= d->end)
            fail_at(d, open, "unterminated string starting");
        c = p[1];
        switch (c) {
        case '"': case '\\': case '/':
            d->scratch[used++] = (char)c;
            break;
        case 'b': d->scratch[used++] = '\b'; break;
        case 'f': d->scratch[used++] = '\f'; break;
        case 'n': d->scratch[used++] = '\n'; break;
        case 'r': d->scratch[used++] = '\r'; break;
        case 't': d->scratch[used++] = '\t'; break;
        case 'u':
            used += unicode_escape(d, &p, d->scratch + used);
            continue;
        default:
            if (c >= 0x20 && c < 0x7F)
                luaL_error(d->L, "json.decode: invalid escape '\\%c' "
                           "at byte %I", c, offset_of(d, p));
            fail_at(d, p, "invalid escape");
        }
        p += 2;
    }
}

/* Pushes the string whose opening quote is at d->p.  [-0, +1, m] */
static void parse_string(Decoder *d) {
    const unsigned char *open = d->p, *p = open + 1, *end = d->end;

    for (;;) {
        while (end - p >= 8 && !json_word_special(p))
            p += 8;
        while (p < end && string_class(*p) == PLAIN)
            p++;
        if (p >= end)
            fail_at(d, open, "unterminated string starting");
        switch (string_class(*p)) {
        case QUOTE:
            lua_pushlstring(d->L, (const char *)open + 1,
                            (size_t)(p - open - 1));
            d->p = p + 1;
            return;
        case HIGH:
            p = skip_utf8(d, p);
            break;
        case BACKSLASH:
            parse_escaped(d, open, p);
            return;
        case CONTROL:
            fail_at(d, p, "unescaped control character");
            break;
        default:
            p++;
        }
    }
}

/* Powers of ten that a double holds exactly. */
static const double exact_powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Converts the number text from..to with strtod, which rounds correctly,
 * after putting in the locale's decimal point (as Lua's own lua_str2number
 * expects, lobject.c).  [-0, +0, m] */
static double slow_float(Decoder *d, const unsigned char *from,
                         const unsigned char *to) {
    size_t length = (size_t)(to - from), i;
    char point = lua_getlocaledecpoint();

    reserve(d, 0, length + 1);
    for (i = 0; i < length; i++)
        d->scratch[i] = from[i] == '.' ? point : (char)from[i];
    d->scratch[length] = '\0';
    return strtod(d->scratch, NULL);
}

#define IS_DIGIT(c) ((unsigned)(c) - '0' < 10u)

/* Pushes the number at d->p: an integer when it has neither fraction nor
 * exponent and fits in 64 bits, a float otherwise.  [-0, +1, v] */
static void parse_number(Decoder *d) {
    const unsigned char *from = d->p, *p = from, *end = d->end;
    uint64_t mantissa = 0;
    int negative = 0, digits = 0, exponent = 0, is_float = 0;

    if (*p == '-') {
        negative = 1;
        p++;
    }
    if (p >= end || !IS_DIGIT(*p))
        unexpected(d, p);
    if (*p == '0')
        p++;
    else
        for (; p < end && IS_DIGIT(*p); p++) {
            if (digits < 19)
                mantissa = mantissa * 10 + (unsigned)(*p - '0');
            else
                exponent++;
            digits++;
        }
    if (p < end && *p == '.') {
        is_float = 1;
        if (++p >= end || !IS_DIGIT(*p))
            unexpected(d, p);
        for (; p < end && IS_DIGIT(*p); p++)
            if (digits < 19 && (mantissa != 0 || *p != '0')) {
                mantissa = mantissa * 10 + (unsigned)(*p - '0');
                digits++;
                exponent--;
            } else if (mantissa == 0)
                exponent--;
    }
    if (p < end && (*p | 0x20) == 'e') {
        int sign = 1, value = 0;
        is_float = 1;
        if (++p < end && (*p == '+' || *p == '-'))
            sign = *p++ == '-' ? -1 : 1;
        if (p >= end || !IS_DIGIT(*p))
            unexpected(d, p);
        for (; p < end && IS_DIGIT(*p); p++)
            if (value < 100000)
                value = value * 10 + (*p - '0');
        exponent += sign * value;
    }
    d->p = p;

    if (!is_float && digits <= 19) {
        uint64_t limit = (uint64_t)INT64_MAX + (uint64_t)negative;
        if (mantissa <= limit) {
            lua_pushinteger(d->L, negative ? (lua_Integer)(0 - mantissa)
                                           : (lua_Integer)mantissa);
            return;
        }
    }
    if (digits <= 19 && mantissa <= (UINT64_C(1) << 53)
        && exponent >= -22 && exponent <= 22) {
        double value = (double)mantissa;
        value = exponent < 0 ? value / exact_powers[-exponent]
                             : value * exact_powers[exponent];
        lua_pushnumber(d->L, negative ? -value : value);
        return;
    }
    lua_pushnumber(d->L, slow_float(d, from, p));
}

/* Checks that the literal word is at d->p and moves past it. */
static void expect_word(Decoder *d, const char *word, size_t length) {
    if ((size_t)(d->end - d->p) < length || memcmp(d->p, word, length) != 0)
        unexpected(d, d->p);
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
                unexpected(d, d->p);
            parse_string(d);
            skip_space(d);
            if (d->p >= d->end || *d->p != ':')
                unexpected(d, d->p);
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
        unexpected(d, d->p);
    }
    d->p++;
    d->depth--;
    if (!made)
        collect(d, base, count, is_object);
}

/* Pushes the value at d->p, which is not white space.  [-0, +1, v] */
static void parse_value(Decoder *d) {
    if (d->p >= d->end)
        unexpected(d, d->p);
    switch (*d->p) {
    case '{':
        parse_container(d, 1);
        break;
    case '[':
        parse_container(d, 0);
        break;
    case '"':
        parse_string(d);
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
        parse_number(d);
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
        unexpected(&d, d.p);

    lua_replace(L, d.null_slot);
    lua_settop(L, d.null_slot);
}
