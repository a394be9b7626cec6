#ifndef INBOX_LUA_REPL_H
#define INBOX_LUA_REPL_H

/*
 * Ctrl-C for the REPL, as stock lua.c handles it: while a chunk runs, SIGINT
 * sets a hook that stops it; at the prompt, SIGINT abandons the line.  The
 * handler only calls async-signal-safe functions: write(2), and
 * lua_sethook, which the Lua 5.4 manual (section 4.7) says "can be called
 * asynchronously".
 *
 * Signals are process-wide, so this state is too: one REPL at a time.
 */

#include <histedit.h>
#include <lua5.4/lua.h>

/* Creates the wake-up pipes; returns 0, or -1 with errno set. */
int inbox_repl_interrupt_open(void);

/* Closes the pipes; a watcher blocked in inbox_repl_interrupt_wait
 * returns 0. */
void inbox_repl_interrupt_close(void);

/* Hands the read end of the run pipe to a watcher, which closes it once
 * inbox_repl_interrupt_wait returns 0. */
int inbox_repl_interrupt_watch_fd(void);

/* Installs the SIGINT handler for the prompt: each Ctrl-C wakes
 * inbox_repl_getc. */
void inbox_repl_interrupt_prompt(void);

/* Installs the SIGINT handler for a run of L: the first Ctrl-C makes L
 * raise "interrupted" at its next instruction, and at every instruction
 * after that until inbox_repl_interrupt_end_run; a second Ctrl-C ends the
 * process, for code stuck in C. */
void inbox_repl_interrupt_begin_run(lua_State *L);

/* Stops targeting a state; the caller restores its own hooks. */
void inbox_repl_interrupt_end_run(void);

/* Puts back the SIGINT handler that was there before. */
void inbox_repl_interrupt_restore(void);

/* Returns 1 and clears the flag when a Ctrl-C came since the last call. */
int inbox_repl_interrupt_take(void);

/* Blocks on fd (from inbox_repl_interrupt_watch_fd) until a Ctrl-C during
 * a run; returns 1, or 0 once closed.  For a watcher thread that cancels
 * blocking calls. */
int inbox_repl_interrupt_wait(int fd);

/* Simulates a Ctrl-C, for tests. */
void inbox_repl_interrupt_raise(void);

/* The EL_GETCFN reader: reads one character from the editor's input fd
 * (set with inbox_repl_set_input), decoding the locale's multibyte
 * encoding; returns 1, 0 at end of input, or -1 with errno EINTR when a
 * Ctrl-C arrives. */
int inbox_repl_getc(EditLine *el, wchar_t *out);

/* The file descriptor inbox_repl_getc reads. */
void inbox_repl_set_input(int fd);

/* The EL_PROMPT function, returning the text of inbox_repl_set_prompt. */
char *inbox_repl_prompt(EditLine *el);
void inbox_repl_set_prompt(const char *text);

#endif
