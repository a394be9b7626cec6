#ifndef INBOX_LUA_CMICROHTTPD_SHIM_H
#define INBOX_LUA_CMICROHTTPD_SHIM_H

/*
 * libmicrohttpd's entry points that take options are variadic, and Swift
 * cannot call C variadic functions.  Each wrapper below fixes one option
 * list and names the variadic call it replaces.
 */

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <microhttpd.h>

/* Replaces MHD_start_daemon(...) bound to one IPv4 address, with a thread
 * per connection, a raw-URI hook that allocates the per-request context and
 * a completion hook that frees it.  Returns NULL when the address does not
 * parse or the daemon cannot start (port taken, no threads). */
static inline struct MHD_Daemon *
inbox_mhd_start(const char *ipv4, uint16_t port,
                MHD_AccessHandlerCallback handler, void *handler_cls,
                void *(*uri_hook)(void *, const char *,
                                  struct MHD_Connection *),
                void *uri_cls,
                MHD_RequestCompletedCallback completed, void *completed_cls,
                unsigned connection_timeout_seconds,
                unsigned connection_limit) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (inet_pton(AF_INET, ipv4, &addr.sin_addr) != 1)
        return NULL;
    return MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION,
        port, NULL, NULL, handler, handler_cls,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_URI_LOG_CALLBACK, uri_hook, uri_cls,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_cls,
        MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_END);
}

/* Replaces MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT): the
 * port actually bound, which differs from the requested one for port 0. */
static inline uint16_t inbox_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

#endif
