#ifndef INBOX_LUA_PATTERNS_H
#define INBOX_LUA_PATTERNS_H

/*
 * string.find, match, gmatch and gsub for limited states.  Lua's count
 * hook cannot fire inside one C call, and a backtracking match such as
 * string.find(("a"):rep(3e5), ".-.-.-.-.-b") runs for hours.  This
 * matcher implements the pattern language of the manual (section 6.4.1)
 * and checks the deadline and instruction budget every
 * INBOX_LUA_PAT_CHECK steps, one step being one instruction.
 */

#include <ctype.h>

#define INBOX_LUA_PAT_CAPTURES 32
#define INBOX_LUA_PAT_CHECK 4096
#define INBOX_LUA_PAT_DEPTH 200
#define INBOX_LUA_PAT_OPEN (-1)
#define INBOX_LUA_PAT_POSITION (-2)

typedef struct inbox_lua_matcher {
    const char *subject, *subject_end, *pattern_end;
    lua_State *L;
    inbox_lua_control *control;
    unsigned steps;
    int depth;
    int ncaptures;
    struct {
        const char *start;
        ptrdiff_t len;  /* or INBOX_LUA_PAT_OPEN / _POSITION */
    } captures[INBOX_LUA_PAT_CAPTURES];
} inbox_lua_matcher;

/* Counts n steps; raises the limit when the budget or deadline is over. */
static inline void inbox_lua_pat_tick(inbox_lua_matcher *m, unsigned n) {
    inbox_lua_control *c = m->control;
    m->steps += n;
    if (m->steps < INBOX_LUA_PAT_CHECK)
        return;
    if (c->depth > 0 && c->instructions > 0) {
        c->left -= m->steps;
        if (c->left <= 0)
            c->tripped = INBOX_LUA_LIMIT_INSTRUCTIONS;
    }
    m->steps = 0;
    if (c->tripped != INBOX_LUA_LIMIT_NONE || inbox_lua_past_deadline(c))
        inbox_lua_raise_limit(m->L, c->tripped);
}

/* Does character ch belong to class %k? */
static inline int inbox_lua_pat_class(int ch, int k) {
    int in;
    switch (tolower(k)) {
    case 'a': in = isalpha(ch); break;
    case 'c': in = iscntrl(ch); break;
    case 'd': in = isdigit(ch); break;
    case 'g': in = isgraph(ch); break;
    case 'l': in = islower(ch); break;
    case 'p': in = ispunct(ch); break;
    case 's': in = isspace(ch); break;
    case 'u': in = isupper(ch); break;
    case 'w': in = isalnum(ch); break;
    case 'x': in = isxdigit(ch); break;
    default: return k == ch;  /* %. stands for the character itself */
    }
    return isupper(k) ? !in : in != 0;
}

/* The end of the single-character class that starts at p. */
static inline const char *inbox_lua_pat_item_end(inbox_lua_matcher *m,
                                                 const char *p) {
    const char *q = p + 1;
    if (*p == '%') {
        if (q >= m->pattern_end)
            luaL_error(m->L, "malformed pattern (ends with '%%')");
        return q + 1;
    }
    if (*p != '[')
        return q;
    if (q < m->pattern_end && *q == '^')
        q++;
    for (;;) {  /* the first ']' after '[' or '[^' is a member */
        if (q >= m->pattern_end)
            luaL_error(m->L, "malformed pattern (missing ']')");
        if (*q == '%' && ++q >= m->pattern_end)
            luaL_error(m->L, "malformed pattern (missing ']')");
        if (++q < m->pattern_end && *q == ']')
            return q + 1;
    }
}

/* Does ch belong to the set [ ... ] from p (at '[') to end (at ']')? */
static inline int inbox_lua_pat_set(int ch, const char *p, const char *end) {
    int found = 1;
    if (*++p == '^') {
        found = 0;
        p++;
    }
    while (p < end) {
        if (*p == '%' && p + 1 < end) {
            if (inbox_lua_pat_class(ch, (unsigned char)p[1]))
                return found;
            p += 2;
        } else if (p[1] == '-' && p + 2 < end) {
            if ((unsigned char)p[0] <= ch && ch <= (unsigned char)p[2])
                return found;
            p += 3;
        } else {
            if ((unsigned char)*p == ch)
                return found;
            p++;
        }
    }
    return !found;
}

/* Does the character at s match the class from p to end? */
static inline int inbox_lua_pat_single(inbox_lua_matcher *m, const char *s,
                                       const char *p, const char *end) {
    int ch;
    if (s >= m->subject_end)
        return 0;
    ch = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case '%': return inbox_lua_pat_class(ch, (unsigned char)p[1]);
    case '[': return inbox_lua_pat_set(ch, p, end - 1);
    default: return (unsigned char)*p == ch;
    }
}

static const char *inbox_lua_pat_match(inbox_lua_matcher *m, const char *s,
                                       const char *p);

/* Greedy repetition: the longest run first, then shorter ones. */
static inline const char *inbox_lua_pat_greedy(inbox_lua_matcher *m,
                                               const char *s, const char *p,
                                               const char *end) {
    ptrdiff_t n = 0;
    while (inbox_lua_pat_single(m, s + n, p, end)) {
        n++;
        inbox_lua_pat_tick(m, 1);
    }
    for (; n >= 0; n--) {
        const char *found = inbox_lua_pat_match(m, s + n, end + 1);
        if (found != NULL)
            return found;
    }
    return NULL;
}

/* Lazy repetition: the shortest run first. */
static inline const char *inbox_lua_pat_lazy(inbox_lua_matcher *m,
                                             const char *s, const char *p,
                                             const char *end) {
    for (;;) {
        const char *found = inbox_lua_pat_match(m, s, end + 1);
        if (found != NULL)
            return found;
        if (!inbox_lua_pat_single(m, s, p, end))
            return NULL;
        s++;
    }
}

static inline const char *inbox_lua_pat_open(inbox_lua_matcher *m,
                                             const char *s, const char *p,
                                             ptrdiff_t kind) {
    const char *found;
    int i = m->ncaptures;
    if (i >= INBOX_LUA_PAT_CAPTURES)
        luaL_error(m->L, "too many captures");
    m->captures[i].start = s;
    m->captures[i].len = kind;
    m->ncaptures = i + 1;
    found = inbox_lua_pat_match(m, s, p);
    if (found == NULL)
        m->ncaptures = i;
    return found;
}

static inline const char *inbox_lua_pat_close(inbox_lua_matcher *m,
                                              const char *s, const char *p) {
    const char *found;
    int i = m->ncaptures - 1;
    while (i >= 0 && m->captures[i].len != INBOX_LUA_PAT_OPEN)
        i--;
    if (i < 0)
        luaL_error(m->L, "invalid pattern capture");
    m->captures[i].len = s - m->captures[i].start;
    found = inbox_lua_pat_match(m, s, p);
    if (found == NULL)
        m->captures[i].len = INBOX_LUA_PAT_OPEN;
    return found;
}

/* %bxy: a balanced run from x to y. */
static inline const char *inbox_lua_pat_balance(inbox_lua_matcher *m,
                                                const char *s,
                                                const char *p) {
    int open, close, level = 1;
    if (p + 3 >= m->pattern_end)
        luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    open = (unsigned char)p[2];
    close = (unsigned char)p[3];
    if (s >= m->subject_end || (unsigned char)*s != open)
        return NULL;
    while (++s < m->subject_end) {
        int ch = (unsigned char)*s;
        inbox_lua_pat_tick(m, 1);
        if (ch == close) {
            if (--level == 0)
                return inbox_lua_pat_match(m, s + 1, p + 4);
        } else if (ch == open) {
            level++;
        }
    }
    return NULL;
}

/* %1 .. %9: the text of an earlier capture again. */
static inline const char *inbox_lua_pat_backref(inbox_lua_matcher *m,
                                                const char *s, int digit) {
    int i = digit - '1';
    size_t len;
    if (i < 0 || i >= m->ncaptures
        || m->captures[i].len == INBOX_LUA_PAT_OPEN)
        luaL_error(m->L, "invalid capture index %%%d", i + 1);
    if (m->captures[i].len == INBOX_LUA_PAT_POSITION)
        return NULL;  /* a position has no text to repeat */
    len = (size_t)m->captures[i].len;
    if ((size_t)(m->subject_end - s) < len
        || memcmp(m->captures[i].start, s, len) != 0)
        return NULL;
    return s + len;
}

/* Matches pattern p against subject s; the end of the match or NULL. */
static const char *inbox_lua_pat_match(inbox_lua_matcher *m, const char *s,
                                       const char *p) {
    const char *found = NULL;
    if (++m->depth > INBOX_LUA_PAT_DEPTH)
        luaL_error(m->L, "pattern too complex");
    for (;;) {
        const char *end;
        inbox_lua_pat_tick(m, 1);
        if (p == m->pattern_end) {
            found = s;
            break;
        }
        if (*p == '(') {
            found = p + 1 < m->pattern_end && p[1] == ')'
                ? inbox_lua_pat_open(m, s, p + 2, INBOX_LUA_PAT_POSITION)
                : inbox_lua_pat_open(m, s, p + 1, INBOX_LUA_PAT_OPEN);
            break;
        }
        if (*p == ')') {
            found = inbox_lua_pat_close(m, s, p + 1);
            break;
        }
        if (*p == '$' && p + 1 == m->pattern_end) {
            found = s == m->subject_end ? s : NULL;
            break;
        }
        if (*p == '%' && p + 1 < m->pattern_end && p[1] == 'b') {
            found = inbox_lua_pat_balance(m, s, p);
            break;
        }
        if (*p == '%' && p + 1 < m->pattern_end && p[1] == 'f') {
            int before, here;
            p += 2;
            if (p >= m->pattern_end || *p != '[')
                luaL_error(m->L, "missing '[' after '%%f' in pattern");
            end = inbox_lua_pat_item_end(m, p);
            before = s == m->subject ? 0 : (unsigned char)s[-1];
            here = s < m->subject_end ? (unsigned char)*s : 0;
            if (inbox_lua_pat_set(before, p, end - 1)
                || !inbox_lua_pat_set(here, p, end - 1))
                break;
            p = end;
            continue;
        }
        if (*p == '%' && p + 1 < m->pattern_end
            && isdigit((unsigned char)p[1])) {
            s = inbox_lua_pat_backref(m, s, (unsigned char)p[1]);
            if (s == NULL)
                break;
            p += 2;
            continue;
        }
        end = inbox_lua_pat_item_end(m, p);
        if (end < m->pattern_end && *end == '+') {
            if (inbox_lua_pat_single(m, s, p, end))
                found = inbox_lua_pat_greedy(m, s + 1, p, end);
            break;
        }
        if (end < m->pattern_end && *end == '*') {
            found = inbox_lua_pat_greedy(m, s, p, end);
            break;
        }
        if (end < m->pattern_end && *end == '-') {
            found = inbox_lua_pat_lazy(m, s, p, end);
            break;
        }
        if (end < m->pattern_end && *end == '?') {
            if (inbox_lua_pat_single(m, s, p, end)) {
                found = inbox_lua_pat_match(m, s + 1, end + 1);
                if (found != NULL)
                    break;
            }
            p = end + 1;
            continue;
        }
        if (!inbox_lua_pat_single(m, s, p, end))
            break;
        s++;
        p = end;
    }
    m->depth--;
    return found;
}

#include "lua_patterns_lib.h"

#endif
