#ifndef INBOX_LUA_MICROHTTPD_LOADER_H
#define INBOX_LUA_MICROHTTPD_LOADER_H

/*
 * The libmicrohttpd entry points HTTPServer uses, defined here and
 * forwarded to libmicrohttpd.so.12 loaded with dlopen on first use.
 * Linking the library instead loads it, and GnuTLS behind it, into every
 * process that links the emulator, and GnuTLS initialises itself in a
 * constructor: milliseconds at every start of inbox-lua, even for a
 * script that never serves anything.  CMicroHTTPD therefore no longer
 * links the library; its declarations (microhttpd.h) resolve to the
 * definitions in microhttpd_loader.c.
 */

/* 1 when the library is (or could now be) loaded, else 0. */
int inbox_mhd_loaded(void);

#endif
