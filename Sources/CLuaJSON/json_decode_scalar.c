/*
 * JSON strings and numbers to Lua values.  Strings without escapes are
 * pushed straight from the input; integers that fit in 64 bits stay
 * integers.
 */

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "json_decoder.h"

/* Byte classes inside a string: plain, end, escape, control, non-ASCII. */
enum { PLAIN, QUOTE, BACKSLASH, CONTROL, HIGH };

static inline int string_class(unsigned c) {
    if (c < 0x20)
        return CONTROL;
    if (c >= 0x80)
        return HIGH;
    return c == '"' ? QUOTE : c == '\\' ? BACKSLASH : PLAIN;
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
        inbox_json_fail_at(d, p, "invalid \\u escape");
    p += 6;
    code = (unsigned long)unit;
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        inbox_json_fail_at(d, *pp, "lone surrogate");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        if (d->end - p < 6 || p[0] != '\\' || p[1] != 'u')
            inbox_json_fail_at(d, *pp, "lone surrogate");
        low = hex4(p + 2, d->end);
        if (low < 0xDC00 || low > 0xDFFF)
            inbox_json_fail_at(d, *pp, "lone surrogate");
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
        inbox_json_fail_at(d, p, "invalid UTF-8");
    return p + length;
}

/* Finishes a string from the backslash at p on, copying into scratch.
 * open is the opening quote.  [-0, +1, m] */
static void parse_escaped(Decoder *d, const unsigned char *open,
                          const unsigned char *p) {
    size_t used = (size_t)(p - open - 1);

    inbox_json_reserve(d, 0, used + 64);
    memcpy(d->scratch, open + 1, used);
    for (;;) {
        const unsigned char *run = p;
        unsigned c;
        while (p < d->end && string_class(*p) == PLAIN)
            p++;
        if (p >= d->end)
            inbox_json_fail_at(d, open, "unterminated string starting");
        inbox_json_reserve(d, used, (size_t)(p - run) + 8);
        memcpy(d->scratch + used, run, (size_t)(p - run));
        used += (size_t)(p - run);
        switch (string_class(*p)) {
        case QUOTE:
            lua_pushlstring(d->L, d->scratch, used);
            d->p = p + 1;
            return;
        case CONTROL:
            inbox_json_fail_at(d, p, "unescaped control character");
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
            inbox_json_fail_at(d, open, "unterminated string starting");
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
                           "at byte %I", c, json_offset_of(d, p));
            inbox_json_fail_at(d, p, "invalid escape");
        }
        p += 2;
    }
}

/* Pushes the string whose opening quote is at d->p.  [-0, +1, m] */
void inbox_json_parse_string(Decoder *d) {
    const unsigned char *open = d->p, *p = open + 1, *end = d->end;

    for (;;) {
        while (end - p >= 8 && !json_word_special(p))
            p += 8;
        while (p < end && string_class(*p) == PLAIN)
            p++;
        if (p >= end)
            inbox_json_fail_at(d, open, "unterminated string starting");
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
            inbox_json_fail_at(d, p, "unescaped control character");
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

    inbox_json_reserve(d, 0, length + 1);
    for (i = 0; i < length; i++)
        d->scratch[i] = from[i] == '.' ? point : (char)from[i];
    d->scratch[length] = '\0';
    return strtod(d->scratch, NULL);
}

#define IS_DIGIT(c) ((unsigned)(c) - '0' < 10u)

/* Pushes the number at d->p: an integer when it has neither fraction nor
 * exponent and fits in 64 bits, a float otherwise.  [-0, +1, v] */
void inbox_json_parse_number(Decoder *d) {
    const unsigned char *from = d->p, *p = from, *end = d->end;
    uint64_t mantissa = 0;
    int negative = 0, digits = 0, exponent = 0, is_float = 0;

    if (*p == '-') {
        negative = 1;
        p++;
    }
    if (p >= end || !IS_DIGIT(*p))
        inbox_json_unexpected(d, p);
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
            inbox_json_unexpected(d, p);
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
            inbox_json_unexpected(d, p);
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
    {
        double value = slow_float(d, from, p);
        if (isinf(value)) /* json.encode could not write it back */
            inbox_json_fail_at(d, from, "number out of range");
        lua_pushnumber(d->L, value);
    }
}
