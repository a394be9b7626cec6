/*
 * See include/inbox_curl.h.  The option and info numbers below are those
 * of curl/curl.h (CURLOPTTYPE_LONG 0, OBJECTPOINT 10000, FUNCTIONPOINT
 * 20000, OFF_T 30000; CURLINFO_LONG 0x200000), which libcurl keeps stable
 * across versions.
 */

#include "include/inbox_curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define OPT_WRITEDATA 10001
#define OPT_URL 10002
#define OPT_POSTFIELDS 10015
#define OPT_HTTPHEADER 10023
#define OPT_HEADERDATA 10029
#define OPT_CUSTOMREQUEST 10036
#define OPT_XFERINFODATA 10057
#define OPT_WRITEFUNCTION 20011
#define OPT_HEADERFUNCTION 20079
#define OPT_XFERINFOFUNCTION 20219
#define OPT_POSTFIELDSIZE_LARGE 30120
#define OPT_NOPROGRESS 43
#define OPT_NOSIGNAL 99
#define OPT_TIMEOUT_MS 155
#define INFO_RESPONSE_CODE 0x200002
#define GLOBAL_DEFAULT 3

#define E_UNSUPPORTED_PROTOCOL 1
#define E_URL_MALFORMAT 3
#define E_COULDNT_RESOLVE_PROXY 5
#define E_COULDNT_RESOLVE_HOST 6
#define E_COULDNT_CONNECT 7
#define E_OPERATION_TIMEDOUT 28
#define E_ABORTED_BY_CALLBACK 42

struct curl_slist;

static struct {
    int (*global_init)(long flags);
    void *(*easy_init)(void);
    int (*easy_setopt)(void *handle, int option, ...);
    int (*easy_perform)(void *handle);
    int (*easy_getinfo)(void *handle, int info, ...);
    void (*easy_cleanup)(void *handle);
    const char *(*easy_strerror)(int code);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    int loaded;
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_curl(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL)
        return;
    *(void **)&curl.global_init = dlsym(library, "curl_global_init");
    *(void **)&curl.easy_init = dlsym(library, "curl_easy_init");
    *(void **)&curl.easy_setopt = dlsym(library, "curl_easy_setopt");
    *(void **)&curl.easy_perform = dlsym(library, "curl_easy_perform");
    *(void **)&curl.easy_getinfo = dlsym(library, "curl_easy_getinfo");
    *(void **)&curl.easy_cleanup = dlsym(library, "curl_easy_cleanup");
    *(void **)&curl.easy_strerror = dlsym(library, "curl_easy_strerror");
    *(void **)&curl.slist_append = dlsym(library, "curl_slist_append");
    *(void **)&curl.slist_free_all = dlsym(library, "curl_slist_free_all");
    if (curl.global_init && curl.easy_init && curl.easy_setopt
        && curl.easy_perform && curl.easy_getinfo && curl.easy_cleanup
        && curl.easy_strerror && curl.slist_append && curl.slist_free_all
        && curl.global_init(GLOBAL_DEFAULT) == 0)
        curl.loaded = 1;
}

/* Appends bytes; curl's write and header callbacks.  Returning less than
 * asked makes curl fail the transfer, which is right when memory ran out. */
static size_t append(char *bytes, size_t size, size_t count, void *target) {
    inbox_curl_buffer *buffer = target;
    size_t length = size * count;
    if (buffer->length + length + 1 > buffer->capacity) {
        size_t capacity = (buffer->length + length + 1) * 2;
        char *grown = realloc(buffer->bytes, capacity);
        if (grown == NULL)
            return 0;
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->length, bytes, length);
    buffer->length += length;
    buffer->bytes[buffer->length] = '\0';
    return length;
}

/* Nonzero stops the transfer with E_ABORTED_BY_CALLBACK. */
static int progress(void *cancelled, long long dltotal, long long dlnow,
                    long long ultotal, long long ulnow) {
    (void)dltotal;
    (void)dlnow;
    (void)ultotal;
    (void)ulnow;
    return cancelled != NULL && *(const volatile int *)cancelled != 0;
}

static int classify(int code) {
    switch (code) {
    case E_COULDNT_RESOLVE_PROXY:
    case E_COULDNT_RESOLVE_HOST:
    case E_COULDNT_CONNECT:
        return INBOX_CURL_CANNOT_CONNECT;
    case E_OPERATION_TIMEDOUT:
        return INBOX_CURL_TIMED_OUT;
    case E_ABORTED_BY_CALLBACK:
        return INBOX_CURL_CANCELLED;
    case E_UNSUPPORTED_PROTOCOL:
    case E_URL_MALFORMAT:
        return INBOX_CURL_OTHER;
    default:
        return INBOX_CURL_CONNECTION_LOST;
    }
}

int inbox_curl_perform(const char *method, const char *url,
                       const char *const *headers, size_t header_count,
                       const void *body, size_t body_length,
                       double timeout_seconds, const volatile int *cancelled,
                       inbox_curl_response *response) {
    struct curl_slist *list = NULL;
    void *handle;
    size_t i;
    int code;

    memset(response, 0, sizeof *response);
    pthread_once(&load_once, load_curl);
    if (!curl.loaded) {
        strcpy(response->message, "libcurl.so.4 is not installed");
        return INBOX_CURL_UNAVAILABLE;
    }
    handle = curl.easy_init();
    if (handle == NULL) {
        strcpy(response->message, "curl_easy_init failed");
        return INBOX_CURL_OTHER;
    }
    for (i = 0; i < header_count; i++)
        list = curl.slist_append(list, headers[i]);

    curl.easy_setopt(handle, OPT_URL, url);
    curl.easy_setopt(handle, OPT_CUSTOMREQUEST, method);
    curl.easy_setopt(handle, OPT_HTTPHEADER, list);
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, (long)(timeout_seconds * 1000));
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, append);
    curl.easy_setopt(handle, OPT_WRITEDATA, &response->body);
    curl.easy_setopt(handle, OPT_HEADERFUNCTION, append);
    curl.easy_setopt(handle, OPT_HEADERDATA, &response->headers);
    curl.easy_setopt(handle, OPT_NOPROGRESS, 0L);
    curl.easy_setopt(handle, OPT_XFERINFOFUNCTION, progress);
    curl.easy_setopt(handle, OPT_XFERINFODATA, (void *)cancelled);
    if (body != NULL) {
        curl.easy_setopt(handle, OPT_POSTFIELDS, body);
        curl.easy_setopt(handle, OPT_POSTFIELDSIZE_LARGE,
                         (long long)body_length);
    }

    code = curl.easy_perform(handle);
    if (code == 0)
        curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &response->status);
    else
        strncpy(response->message, curl.easy_strerror(code),
                sizeof response->message - 1);
    curl.easy_cleanup(handle);
    curl.slist_free_all(list);
    return code == 0 ? INBOX_CURL_OK : classify(code);
}

void inbox_curl_response_free(inbox_curl_response *response) {
    free(response->headers.bytes);
    free(response->body.bytes);
    memset(response, 0, sizeof *response);
}
