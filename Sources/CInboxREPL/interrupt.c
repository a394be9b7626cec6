/*
 * Ctrl-C for the REPL (see include/inbox_repl.h).
 */

#include "include/inbox_repl.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

static volatile sig_atomic_t pending;
static lua_State *volatile target;
static int prompt_pipe[2] = {-1, -1};  /* wakes inbox_repl_getc */
static int run_pipe[2] = {-1, -1};     /* wakes the watcher thread */
static struct sigaction previous;
static int installed;
static int input_fd = 0;
static char prompt_text[64] = "> ";

/* Raises at every instruction until the REPL removes the hook, so that a
 * pcall in the script cannot swallow the interrupt for long.
 * TODO: hooks belong to each Lua thread, and lua_newthread copies the
 * hook only when a coroutine is created, so a loop inside a coroutine that
 * existed before the Ctrl-C runs on (stock lua.c has the same gap); the
 * watcher's callback still fires, so blocking bindings do stop. */
static void stop_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lua_pushliteral(L, "interrupted");
    lua_error(L);
}

static void wake(int fd) {
    char byte = 1;
    if (fd >= 0)
        (void)!write(fd, &byte, 1);
}

static void on_sigint(int signo) {
    int saved = errno;
    lua_State *L = target;
    (void)signo;
    pending = 1;
    if (L != NULL) {
        lua_sethook(L, stop_hook, LUA_MASKCOUNT, 1);
        wake(run_pipe[1]);
    } else {
        wake(prompt_pipe[1]);
    }
    errno = saved;
}

static int open_pipe(int fds[2]) {
    if (pipe(fds) != 0)
        return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
    return 0;
}

static void close_pipe(int fds[2]) {
    if (fds[0] >= 0)
        close(fds[0]);
    if (fds[1] >= 0)
        close(fds[1]);
    fds[0] = fds[1] = -1;
}

int inbox_repl_interrupt_open(void) {
    pending = 0;
    target = NULL;
    if (open_pipe(prompt_pipe) != 0)
        return -1;
    if (open_pipe(run_pipe) != 0) {
        close_pipe(prompt_pipe);
        return -1;
    }
    fcntl(prompt_pipe[0], F_SETFL, O_NONBLOCK);
    return 0;
}

void inbox_repl_interrupt_close(void) {
    /* Closing the write end ends a watcher's read with 0. */
    int writer = run_pipe[1];
    run_pipe[1] = -1;
    if (writer >= 0)
        close(writer);
    if (run_pipe[0] >= 0)
        close(run_pipe[0]);
    run_pipe[0] = -1;
    close_pipe(prompt_pipe);
}

int inbox_repl_interrupt_watch_fd(void) {
    int fd = run_pipe[0];
    run_pipe[0] = -1;
    return fd;
}

static void install(int flags) {
    struct sigaction action;
    sigset_t interrupt;
    /* A parent may have left SIGINT blocked (a thread pool's mask is
     * inherited through fork and exec). */
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;  /* no SA_RESTART: reads see EINTR */
    sigaction(SIGINT, &action, installed ? NULL : &previous);
    installed = 1;
}

void inbox_repl_interrupt_prompt(void) {
    target = NULL;
    install(0);
}

void inbox_repl_interrupt_begin_run(lua_State *L) {
    pending = 0;  /* a Ctrl-C from before the run is not for it */
    target = L;
    install(SA_RESETHAND);
}

void inbox_repl_interrupt_end_run(void) {
    target = NULL;
}

void inbox_repl_interrupt_restore(void) {
    target = NULL;
    if (installed)
        sigaction(SIGINT, &previous, NULL);
    installed = 0;
}

static void drain(int fd) {
    char bytes[16];
    while (fd >= 0 && read(fd, bytes, sizeof bytes) > 0)
        ;
}

int inbox_repl_interrupt_take(void) {
    int was = pending;
    pending = 0;
    drain(prompt_pipe[0]);
    return was;
}

int inbox_repl_interrupt_wait(int fd) {
    char byte;
    ssize_t n;
    do {
        n = read(fd, &byte, 1);
    } while (n < 0 && errno == EINTR);
    return n > 0;
}

void inbox_repl_interrupt_raise(void) {
    on_sigint(SIGINT);
}

void inbox_repl_set_input(int fd) {
    input_fd = fd;
}

int inbox_repl_getc(EditLine *el, wchar_t *out) {
    mbstate_t state;
    (void)el;
    memset(&state, 0, sizeof state);
    for (;;) {
        struct pollfd fds[2] = {{input_fd, POLLIN, 0},
                                {prompt_pipe[0], POLLIN, 0}};
        char byte;
        ssize_t n;
        size_t decoded;
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (fds[1].revents & POLLIN) {
            errno = EINTR;
            return -1;
        }
        if (fds[0].revents == 0)
            continue;
        n = read(input_fd, &byte, 1);
        if (n == 0)
            return 0;
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return -1;
        }
        decoded = mbrtowc(out, &byte, 1, &state);
        if (decoded == (size_t)-2)
            continue;  /* more bytes of this character to come */
        if (decoded == (size_t)-1) {  /* not the locale's encoding */
            memset(&state, 0, sizeof state);
            *out = (wchar_t)(unsigned char)byte;
        }
        return 1;
    }
}

char *inbox_repl_prompt(EditLine *el) {
    (void)el;
    return prompt_text;
}

void inbox_repl_set_prompt(const char *text) {
    strncpy(prompt_text, text, sizeof prompt_text - 1);
    prompt_text[sizeof prompt_text - 1] = '\0';
}
