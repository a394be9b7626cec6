#ifndef INBOX_LUA_PATTERNS_LIB_H
#define INBOX_LUA_PATTERNS_LIB_H

/* The library functions over the matcher of patterns.h. */

static inline void inbox_lua_pat_init(inbox_lua_matcher *m, lua_State *L,
                                      const char *s, size_t ls,
                                      const char *p, size_t lp) {
    m->subject = s;
    m->subject_end = s + ls;
    m->pattern_end = p + lp;
    m->L = L;
    m->control = inbox_lua_control_of(L);
    m->steps = 0;
    m->depth = 0;
    m->ncaptures = 0;
}

/* Pushes capture i of the match from s to e (the whole match when the
 * pattern has no captures and i is 0).  [-0, +1, m] */
static inline void inbox_lua_pat_push(inbox_lua_matcher *m, int i,
                                      const char *s, const char *e) {
    if (i >= m->ncaptures) {
        if (i != 0)
            luaL_error(m->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(m->L, s, (size_t)(e - s));
        return;
    }
    if (m->captures[i].len == INBOX_LUA_PAT_OPEN)
        luaL_error(m->L, "unfinished capture");
    if (m->captures[i].len == INBOX_LUA_PAT_POSITION)
        lua_pushinteger(m->L, m->captures[i].start - m->subject + 1);
    else
        lua_pushlstring(m->L, m->captures[i].start,
                        (size_t)m->captures[i].len);
}

/* Pushes every capture, or the whole match when there are none and
 * `whole` is set; returns how many.  [-0, +n, m] */
static inline int inbox_lua_pat_push_all(inbox_lua_matcher *m, const char *s,
                                         const char *e, int whole) {
    int n = m->ncaptures == 0 && whole ? 1 : m->ncaptures;
    int i;
    luaL_checkstack(m->L, n, "too many captures");
    for (i = 0; i < n; i++)
        inbox_lua_pat_push(m, i, s, e);
    return n;
}

/* The start offset from a 1-based, possibly negative, init argument. */
static inline size_t inbox_lua_pat_start(lua_State *L, int arg, size_t len) {
    lua_Integer pos = luaL_optinteger(L, arg, 1);
    if (pos > 0)
        return (size_t)pos - 1;
    if (pos == 0 || pos < -(lua_Integer)len)
        return 0;
    return len + (size_t)pos;
}

static inline int inbox_lua_pat_has_specials(const char *p, size_t lp) {
    size_t i;
    for (i = 0; i < lp; i++)
        if (strchr("^$*+?.([%-", p[i]) != NULL)
            return 1;
    return 0;
}

/* string.find (find != 0) and string.match. */
static inline int inbox_lua_pat_find(lua_State *L, int find) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t start = inbox_lua_pat_start(L, 3, ls);
    const char *at;
    int anchored;
    inbox_lua_matcher m;
    if (start > ls) {
        luaL_pushfail(L);
        return 1;
    }
    inbox_lua_pat_init(&m, L, s, ls, p, lp);
    if (find && (lua_toboolean(L, 4) || !inbox_lua_pat_has_specials(p, lp))) {
        for (at = s + start; (size_t)(s + ls - at) >= lp; at++) {
            inbox_lua_pat_tick(&m, (unsigned)lp + 1);
            if (memcmp(at, p, lp) == 0) {
                lua_pushinteger(L, at - s + 1);
                lua_pushinteger(L, (lua_Integer)(at - s + lp));
                return 2;
            }
        }
        luaL_pushfail(L);
        return 1;
    }
    anchored = lp > 0 && *p == '^';
    if (anchored)
        p++;
    for (at = s + start;; at++) {
        const char *e;
        m.ncaptures = 0;
        m.depth = 0;
        e = inbox_lua_pat_match(&m, at, p);
        if (e != NULL && find) {
            lua_pushinteger(L, at - s + 1);
            lua_pushinteger(L, e - s);
            return inbox_lua_pat_push_all(&m, NULL, NULL, 0) + 2;
        }
        if (e != NULL)
            return inbox_lua_pat_push_all(&m, at, e, 1);
        if (anchored || at >= m.subject_end)
            break;
    }
    luaL_pushfail(L);
    return 1;
}

static inline int inbox_lua_lib_find(lua_State *L) {
    return inbox_lua_pat_find(L, 1);
}
static inline int inbox_lua_lib_match(lua_State *L) {
    return inbox_lua_pat_find(L, 0);
}

/* The gmatch iterator.  Upvalues: subject, pattern, and the offsets of
 * the next start and of the last match end (an integer pair). */
static inline int inbox_lua_gmatch_next(lua_State *L) {
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    lua_Integer *pos = (lua_Integer *)lua_touserdata(L, lua_upvalueindex(3));
    const char *at;
    inbox_lua_matcher m;
    inbox_lua_pat_init(&m, L, s, ls, p, lp);
    for (at = s + pos[0]; at <= m.subject_end; at++) {
        const char *e;
        m.ncaptures = 0;
        m.depth = 0;
        e = inbox_lua_pat_match(&m, at, p);
        if (e != NULL && e - s != pos[1]) {
            pos[0] = pos[1] = e - s;
            return inbox_lua_pat_push_all(&m, at, e, 1);
        }
    }
    return 0;
}

static inline int inbox_lua_lib_gmatch(lua_State *L) {
    size_t ls;
    lua_Integer start, *pos;
    luaL_checklstring(L, 1, &ls);
    luaL_checkstring(L, 2);
    start = (lua_Integer)inbox_lua_pat_start(L, 3, ls);
    if ((size_t)start > ls)
        start = (lua_Integer)ls + 1;
    lua_settop(L, 2);
    pos = (lua_Integer *)lua_newuserdatauv(L, 2 * sizeof *pos, 0);
    pos[0] = start;
    pos[1] = -1;
    lua_pushcclosure(L, inbox_lua_gmatch_next, 3);
    return 1;
}

/* Appends the replacement string (argument 3) for the match s..e, with
 * %0-%9 and %%.  [-0, +0, e] */
static inline void inbox_lua_gsub_text(inbox_lua_matcher *m, luaL_Buffer *b,
                                       const char *s, const char *e) {
    size_t lr;
    const char *r = lua_tolstring(m->L, 3, &lr);
    const char *end = r + lr;
    for (; r < end; r++) {
        inbox_lua_pat_tick(m, 1);
        if (*r != '%') {
            luaL_addchar(b, *r);
        } else if (++r < end && *r == '%') {
            luaL_addchar(b, '%');
        } else if (r < end && isdigit((unsigned char)*r)) {
            if (*r == '0') {
                luaL_addlstring(b, s, (size_t)(e - s));
            } else {
                inbox_lua_pat_push(m, *r - '1', s, e);
                luaL_tolstring(m->L, -1, NULL);
                lua_remove(m->L, -2);
                luaL_addvalue(b);
            }
        } else {
            luaL_error(m->L, "invalid use of '%%' in replacement string");
        }
    }
}

/* Appends the replacement of the match s..e.  [-0, +0, e] */
static inline void inbox_lua_gsub_add(inbox_lua_matcher *m, luaL_Buffer *b,
                                      const char *s, const char *e,
                                      int kind) {
    lua_State *L = m->L;
    if (kind == LUA_TSTRING || kind == LUA_TNUMBER) {
        inbox_lua_gsub_text(m, b, s, e);
        return;
    }
    if (kind == LUA_TFUNCTION) {
        int n;
        lua_pushvalue(L, 3);
        n = inbox_lua_pat_push_all(m, s, e, 1);
        lua_call(L, n, 1);
    } else {
        inbox_lua_pat_push(m, 0, s, e);
        lua_gettable(L, 3);
    }
    if (!lua_toboolean(L, -1)) {  /* false or nil keeps the match */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
    } else if (!lua_isstring(L, -1)) {
        luaL_error(L, "invalid replacement value (a %s)",
                   luaL_typename(L, -1));
    } else {
        luaL_addvalue(b);
    }
}

static inline int inbox_lua_lib_gsub(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    const char *at = s, *last = NULL;
    int kind = lua_type(L, 3);
    lua_Integer limit = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    lua_Integer n = 0;
    int anchored = lp > 0 && *p == '^';
    inbox_lua_matcher m;
    luaL_Buffer b;
    luaL_argexpected(L, kind == LUA_TNUMBER || kind == LUA_TSTRING
                     || kind == LUA_TFUNCTION || kind == LUA_TTABLE, 3,
                     "string/function/table");
    inbox_lua_pat_init(&m, L, s, ls, p, lp);
    if (anchored)
        p++;
    luaL_buffinit(L, &b);
    while (n < limit) {
        const char *e;
        m.ncaptures = 0;
        m.depth = 0;
        e = inbox_lua_pat_match(&m, at, p);
        if (e != NULL && e != last) {
            n++;
            inbox_lua_gsub_add(&m, &b, at, e, kind);
            at = last = e;
        } else if (at < m.subject_end) {
            luaL_addchar(&b, *at++);
        } else {
            break;
        }
        if (anchored)
            break;
    }
    luaL_addlstring(&b, at, (size_t)(m.subject_end - at));
    luaL_pushresult(&b);
    lua_pushinteger(L, n);
    return 2;
}

/* Replaces the pattern functions of the string library.  Run
 * protected.  [-0, +0, e] */
static inline int inbox_lua_install_patterns(lua_State *L) {
    static const luaL_Reg functions[] = {
        {"find", inbox_lua_lib_find},
        {"match", inbox_lua_lib_match},
        {"gmatch", inbox_lua_lib_gmatch},
        {"gsub", inbox_lua_lib_gsub},
        {NULL, NULL}};
    if (lua_getglobal(L, LUA_STRLIBNAME) == LUA_TTABLE)
        luaL_setfuncs(L, functions, 0);
    lua_pop(L, 1);
    return 0;
}

#endif
