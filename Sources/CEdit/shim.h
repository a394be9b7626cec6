#ifndef INBOX_LUA_CEDIT_SHIM_H
#define INBOX_LUA_CEDIT_SHIM_H

/*
 * libedit (BSD editline), for the REPL.  Swift cannot call C variadic
 * functions, so each el_set, el_get and history operation the REPL uses
 * has a fixed-argument wrapper here (editline(3), "el_set" and "history").
 */

#include <histedit.h>

typedef char *(*inbox_edit_prompt_fn)(EditLine *);
typedef unsigned char (*inbox_edit_command_fn)(EditLine *, int);

/* el_set(el, EL_EDITOR, name) */
static inline int inbox_edit_set_editor(EditLine *el, const char *name) {
    return el_set(el, EL_EDITOR, name);
}

/* el_set(el, EL_PROMPT, f) */
static inline int inbox_edit_set_prompt(EditLine *el,
                                        inbox_edit_prompt_fn f) {
    return el_set(el, EL_PROMPT, f);
}

/* el_set(el, EL_HIST, history, h) */
static inline int inbox_edit_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/* el_set(el, EL_GETCFN, f): f reads one character for the editor. */
static inline int inbox_edit_set_getc(EditLine *el, el_rfunc_t f) {
    return el_set(el, EL_GETCFN, f);
}

/* el_set(el, EL_CLIENTDATA, data) */
static inline int inbox_edit_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

/* el_get(el, EL_CLIENTDATA, &data) */
static inline void *inbox_edit_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

/* el_set(el, EL_ADDFN, name, help, f) then el_set(el, EL_BIND, key,
 * name, NULL): binds key to a new editor command. */
static inline int inbox_edit_bind_command(EditLine *el, const char *name,
                                          const char *help,
                                          inbox_edit_command_fn f,
                                          const char *key) {
    if (el_set(el, EL_ADDFN, name, help, f) != 0)
        return -1;
    return el_set(el, EL_BIND, key, name, NULL);
}

/* history(h, &ev, H_SETSIZE, size) */
static inline int inbox_edit_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

/* history(h, &ev, H_SETUNIQUE, 1): no consecutive duplicates. */
static inline int inbox_edit_history_setunique(History *h) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, 1);
}

/* history(h, &ev, H_ENTER, line) */
static inline int inbox_edit_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

/* history(h, &ev, H_LOAD, path) */
static inline int inbox_edit_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

/* history(h, &ev, H_SAVE, path) */
static inline int inbox_edit_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

#endif
