#ifndef INBOX_LUA_CLUA_SHIM_H
#define INBOX_LUA_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#endif
