/* See include/microhttpd_loader.h. */

#include "include/microhttpd_loader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/socket.h>
#include <microhttpd.h>

static struct {
    struct MHD_Daemon *(*start_daemon_va)(unsigned int, uint16_t,
                                          MHD_AcceptPolicyCallback, void *,
                                          MHD_AccessHandlerCallback, void *,
                                          va_list);
    void (*stop_daemon)(struct MHD_Daemon *);
    const union MHD_DaemonInfo *(*get_daemon_info)(
        struct MHD_Daemon *, enum MHD_DaemonInfoType, ...);
    int (*get_connection_values)(struct MHD_Connection *, enum MHD_ValueKind,
                                 MHD_KeyValueIterator, void *);
    enum MHD_Result (*queue_response)(struct MHD_Connection *, unsigned int,
                                      struct MHD_Response *);
    struct MHD_Response *(*create_response_from_buffer)(
        size_t, void *, enum MHD_ResponseMemoryMode);
    void (*destroy_response)(struct MHD_Response *);
    enum MHD_Result (*add_response_header)(struct MHD_Response *,
                                           const char *, const char *);
    int loaded;
} mhd;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_mhd(void) {
    void *library = dlopen("libmicrohttpd.so.12", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL)
        return;
    *(void **)&mhd.start_daemon_va = dlsym(library, "MHD_start_daemon_va");
    *(void **)&mhd.stop_daemon = dlsym(library, "MHD_stop_daemon");
    *(void **)&mhd.get_daemon_info = dlsym(library, "MHD_get_daemon_info");
    *(void **)&mhd.get_connection_values =
        dlsym(library, "MHD_get_connection_values");
    *(void **)&mhd.queue_response = dlsym(library, "MHD_queue_response");
    *(void **)&mhd.create_response_from_buffer =
        dlsym(library, "MHD_create_response_from_buffer");
    *(void **)&mhd.destroy_response = dlsym(library, "MHD_destroy_response");
    *(void **)&mhd.add_response_header =
        dlsym(library, "MHD_add_response_header");
    mhd.loaded = mhd.start_daemon_va && mhd.stop_daemon
        && mhd.get_daemon_info && mhd.get_connection_values
        && mhd.queue_response && mhd.create_response_from_buffer
        && mhd.destroy_response && mhd.add_response_header;
}

int inbox_mhd_loaded(void) {
    pthread_once(&load_once, load_mhd);
    return mhd.loaded;
}

/* Every other entry point is reached through a daemon, a connection or a
 * response, which exist only once MHD_start_daemon has loaded the
 * library. */
struct MHD_Daemon *MHD_start_daemon(unsigned int flags, uint16_t port,
                                    MHD_AcceptPolicyCallback apc,
                                    void *apc_cls,
                                    MHD_AccessHandlerCallback dh,
                                    void *dh_cls, ...) {
    struct MHD_Daemon *daemon;
    va_list options;

    if (!inbox_mhd_loaded())
        return NULL;
    va_start(options, dh_cls);
    daemon = mhd.start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls,
                                 options);
    va_end(options);
    return daemon;
}

void MHD_stop_daemon(struct MHD_Daemon *daemon) { mhd.stop_daemon(daemon); }

/* Only info types without extra arguments are forwarded
 * (MHD_DAEMON_INFO_BIND_PORT is the one HTTPServer asks for). */
const union MHD_DaemonInfo *MHD_get_daemon_info(
    struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info_type, ...) {
    return mhd.get_daemon_info(daemon, info_type);
}

int MHD_get_connection_values(struct MHD_Connection *connection,
                              enum MHD_ValueKind kind,
                              MHD_KeyValueIterator iterator,
                              void *iterator_cls) {
    return mhd.get_connection_values(connection, kind, iterator,
                                     iterator_cls);
}

enum MHD_Result MHD_queue_response(struct MHD_Connection *connection,
                                   unsigned int status_code,
                                   struct MHD_Response *response) {
    return mhd.queue_response(connection, status_code, response);
}

struct MHD_Response *MHD_create_response_from_buffer(
    size_t size, void *buffer, enum MHD_ResponseMemoryMode mode) {
    if (!inbox_mhd_loaded())
        return NULL;
    return mhd.create_response_from_buffer(size, buffer, mode);
}

void MHD_destroy_response(struct MHD_Response *response) {
    mhd.destroy_response(response);
}

enum MHD_Result MHD_add_response_header(struct MHD_Response *response,
                                        const char *header,
                                        const char *content) {
    return mhd.add_response_header(response, header, content);
}
