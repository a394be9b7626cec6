#ifndef INBOX_LUA_CURL_H
#define INBOX_LUA_CURL_H

/*
 * One HTTP exchange through libcurl, loaded with dlopen on first use, so
 * that a program that never talks to the live API never loads libcurl and
 * its dependencies (TLS, IDN, HTTP/2...): that loading costs more than the
 * whole start-up of a script.  Only the runtime library (libcurl.so.4) is
 * needed, not its headers: the few constants used are curl's stable ABI.
 */

#include <stddef.h>

/* Why an exchange failed; INBOX_CURL_OK when a response arrived. */
enum {
    INBOX_CURL_OK = 0,
    INBOX_CURL_CANNOT_CONNECT = 1,
    INBOX_CURL_TIMED_OUT = 2,
    INBOX_CURL_CANCELLED = 3,
    INBOX_CURL_CONNECTION_LOST = 4,
    INBOX_CURL_OTHER = 5,
    INBOX_CURL_UNAVAILABLE = 6  /* libcurl.so.4 could not be loaded */
};

/* A growing byte buffer owned by the response. */
typedef struct inbox_curl_buffer {
    char *bytes;
    size_t length;
    size_t capacity;
} inbox_curl_buffer;

/* What came back: the status, the raw header block (every line of every
 * response, interim ones included) and the body. */
typedef struct inbox_curl_response {
    long status;
    inbox_curl_buffer headers;
    inbox_curl_buffer body;
    char message[256];  /* curl's description of a failure */
} inbox_curl_response;

/* Sends one request and waits for the whole response.  `headers` holds
 * `header_count` lines "Name: value".  The exchange stops with
 * INBOX_CURL_CANCELLED soon after *cancelled becomes nonzero (checked
 * from curl's progress callback).  Free the response with
 * inbox_curl_response_free whatever the result.  Thread-safe once loaded;
 * the first call loads the library. */
int inbox_curl_perform(const char *method, const char *url,
                       const char *const *headers, size_t header_count,
                       const void *body, size_t body_length,
                       double timeout_seconds, const volatile int *cancelled,
                       inbox_curl_response *response);

void inbox_curl_response_free(inbox_curl_response *response);

#endif
