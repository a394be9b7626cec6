#ifndef INBOX_LUA_STANDALONE_H
#define INBOX_LUA_STANDALONE_H

/*
 * What the command line needs, beyond LuaKit, to behave like the stock
 * `lua5.4` program (Lua 5.4 manual, section 7 "Lua Standalone"): lua.c's
 * warning switch, Ctrl-C as a hook that stops the running chunk, an
 * os.exit that finishes the run first, and a few of Lua's compile-time
 * constants that Swift cannot import.
 *
 * None of these functions raises a Lua error into its caller; the ones
 * named *_k are lua_CFunctions meant to be run inside lua_pcall.
 */

#include <stdio.h>

typedef struct lua_State lua_State;

/* stdin, stdout or stderr (0, 1, 2): the C stdio streams Lua's print and
 * io library write to, which Swift 6 cannot read as globals. */
FILE *inbox_standalone_stream(int number);

/* LUA_COPYRIGHT: "Lua 5.4.x  Copyright (C) 1994-20xx Lua.org, PUC-Rio". */
const char *inbox_standalone_copyright(void);

/* LUA_PATH_DEFAULT and LUA_CPATH_DEFAULT, for option -E. */
const char *inbox_standalone_default_path(void);
const char *inbox_standalone_default_cpath(void);

/* Writes warnings to stderr as `Lua warning: ...`, off until a script
 * calls warn("@on") or option -W does; "@off" turns them off again. */
void inbox_standalone_use_warnings(lua_State *L);

/* Option -W.  [-0, +0, -] */
void inbox_standalone_warnings_on(lua_State *L);

/* Switches the collector to generational mode, as lua.c does. */
void inbox_standalone_generational_gc(lua_State *L);

/* Catches SIGINT while L runs: the handler sets a count hook on L (the
 * manual, section 4.7, lists lua_sethook as safe to call from a signal
 * handler) that raises "interrupted!" at every instruction, so a pcall
 * in the script cannot swallow it, and writes one byte to the wake file
 * descriptor, if set, so that another thread can cancel a blocked HTTP
 * call.  A second Ctrl-C gets the default action. */
void inbox_standalone_catch_interrupt(lua_State *L);

/* The descriptor the SIGINT handler writes one byte to; -1 for none. */
void inbox_standalone_set_wake_fd(int wake_fd);

/* Restores the default SIGINT action. */
void inbox_standalone_release_interrupt(void);

/* True once SIGINT arrived while caught. */
int inbox_standalone_interrupted(void);

/* Option -l: global = require(module), given (global, module).  The
 * module is stored in the globals Swift writes (in the sandbox, the
 * shared ones every chunk reads through to).  Run protected. */
int inbox_standalone_require_k(lua_State *L);

/* Called by os.exit with the exit status before the process ends (and
 * before the state closes when os.exit's second argument is true).  It
 * must not call into Lua. */
typedef void (*inbox_standalone_exit_hook)(int status);

/* Replaces os.exit (when the os library is open) with one that calls
 * hook first.  Run protected: [-0, +0, e] */
int inbox_standalone_install_exit_k(lua_State *L);
void inbox_standalone_set_exit_hook(inbox_standalone_exit_hook hook);

#endif
