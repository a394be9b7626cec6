/*
 * The pieces of lua5.4's own front end that the command line needs; see
 * include/lua_standalone.h.  Written for inbox-lua, following the
 * behaviour described in the Lua 5.4 manual and lua(1).
 */

#include "include/lua_standalone.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim.h"

FILE *inbox_standalone_stream(int number) {
    return number == 0 ? stdin : number == 1 ? stdout : stderr;
}

const char *inbox_standalone_copyright(void) { return LUA_COPYRIGHT; }

const char *inbox_standalone_default_path(void) { return LUA_PATH_DEFAULT; }

const char *inbox_standalone_default_cpath(void) {
    return LUA_CPATH_DEFAULT;
}

void inbox_standalone_generational_gc(lua_State *L) {
    lua_gc(L, LUA_GCGEN, 0, 0);
}

/* MARK: warnings */

/* One process runs one state, so the switch is process-wide. */
static struct {
    int on;           /* warnings are written */
    int continuing;   /* the last piece had tocont set */
} warnings;

/* A lua_WarnFunction (manual, section 4.6 lua_setwarnf). */
static void standalone_warn(void *ud, const char *message, int tocont) {
    (void)ud;
    if (!warnings.continuing && !tocont && message[0] == '@') {
        if (strcmp(message + 1, "on") == 0)
            warnings.on = 1;
        else if (strcmp(message + 1, "off") == 0)
            warnings.on = 0;
        return;  /* control messages are never printed */
    }
    if (warnings.on) {
        if (!warnings.continuing)
            fputs("Lua warning: ", stderr);
        fputs(message, stderr);
        if (!tocont)
            fputs("\n", stderr);
        fflush(stderr);
    }
    warnings.continuing = tocont;
}

void inbox_standalone_use_warnings(lua_State *L) {
    warnings.on = 0;
    warnings.continuing = 0;
    lua_setwarnf(L, standalone_warn, NULL);
}

void inbox_standalone_warnings_on(lua_State *L) {
    lua_warning(L, "@on", 0);
}

/* MARK: Ctrl-C */

static lua_State *volatile interrupt_target;
static volatile sig_atomic_t interrupt_seen;
static volatile int interrupt_wake_fd = -1;

/* Raised at every instruction once set, until the run unwinds.
 * TODO: the hook is set on the main thread only (as lua.c does), so a
 * loop inside a coroutine is not stopped by Ctrl-C; walking the running
 * coroutine would need state the handler cannot safely read. */
static void standalone_interrupt_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lua_pushliteral(L, "interrupted!");
    lua_error(L);
}

static void standalone_on_interrupt(int signal_number) {
    int saved = errno;
    lua_State *L = interrupt_target;
    int fd = interrupt_wake_fd;

    signal(signal_number, SIG_DFL);
    interrupt_seen = 1;
    if (L != NULL)
        lua_sethook(L, standalone_interrupt_hook, LUA_MASKCOUNT, 1);
    if (fd >= 0)
        (void)write(fd, "!", 1);
    errno = saved;
}

void inbox_standalone_set_wake_fd(int wake_fd) {
    interrupt_wake_fd = wake_fd;
}

void inbox_standalone_catch_interrupt(lua_State *L) {
    struct sigaction action;
    sigset_t unblock;

    interrupt_target = L;
    memset(&action, 0, sizeof action);
    action.sa_handler = standalone_on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    /* A parent may have started us with SIGINT blocked (test runners do). */
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGINT);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

void inbox_standalone_release_interrupt(void) {
    signal(SIGINT, SIG_DFL);
    interrupt_target = NULL;
}

int inbox_standalone_interrupted(void) { return interrupt_seen != 0; }

/* MARK: os.exit */

static inbox_standalone_exit_hook exit_hook;

void inbox_standalone_set_exit_hook(inbox_standalone_exit_hook hook) {
    exit_hook = hook;
}

/* os.exit([code [, close]]) as the manual (section 6.9) describes it,
 * with the exit hook run before anything closes. */
static int standalone_os_exit(lua_State *L) {
    int status;

    if (lua_isboolean(L, 1))
        status = lua_toboolean(L, 1) ? EXIT_SUCCESS : EXIT_FAILURE;
    else
        status = (int)luaL_optinteger(L, 1, EXIT_SUCCESS);
    if (exit_hook != NULL)
        exit_hook(status);
    fflush(stdout);
    if (lua_toboolean(L, 2))
        lua_close(L);
    exit(status);
    return 0;
}

int inbox_standalone_install_exit_k(lua_State *L) {
    if (lua_getglobal(L, LUA_OSLIBNAME) == LUA_TTABLE
        && lua_getfield(L, -1, "exit") == LUA_TFUNCTION) {
        lua_pop(L, 1);
        lua_pushcfunction(L, standalone_os_exit);
        lua_setfield(L, -2, "exit");
    }
    return 0;
}

/* MARK: -l */

int inbox_standalone_require_k(lua_State *L) {
    const char *global = luaL_checkstring(L, 1);

    luaL_checkstring(L, 2);
    lua_getglobal(L, "require");
    lua_pushvalue(L, 2);
    lua_call(L, 1, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, INBOX_LUA_GLOBALS_KEY);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, global);
    return 0;
}
