#ifndef INBOX_LUA_BLOCKS_H
#define INBOX_LUA_BLOCKS_H

/*
 * Small blocks kept for reuse by the allocator of a state.  Lua frees the
 * garbage of a collection in bursts of thousands of small blocks (tables,
 * their parts, short strings, closures), which overflow malloc's per-thread
 * cache; each free then costs a few hundred instructions.  Freed blocks of up
 * to INBOX_LUA_SMALL_MAX bytes are kept here instead, in lists by size class,
 * and handed out again by the next allocation of that class.
 *
 * Every block in the small range is allocated with its class's full size,
 * so that any block of a class fits any request of that class.  Lua always
 * passes the old size of a block, which names its class.  The cache is the
 * state's own (one thread at a time) and bounded by INBOX_LUA_SMALL_KEEP
 * blocks per class (at most about 600 KiB); inbox_lua_blocks_drain empties
 * it when the state closes.
 */

#include <stdlib.h>

#define INBOX_LUA_SMALL_STEP 16
#define INBOX_LUA_SMALL_MAX 128
#define INBOX_LUA_SMALL_CLASSES (INBOX_LUA_SMALL_MAX / INBOX_LUA_SMALL_STEP)
#define INBOX_LUA_SMALL_KEEP 1024

/* The AddressSanitizer runtime's entry point, when the process has one.
 * Under the sanitizer nothing is kept, so that a use after free is still
 * caught (and the state's memory still counted by its leak checker). */
extern void __asan_init(void) __attribute__((weak));

/* How many blocks of a class may be kept. */
static inline int inbox_lua_blocks_keep(void) {
    return __asan_init != NULL ? 0 : INBOX_LUA_SMALL_KEEP;
}

/* A kept block: the link to the next one of its class. */
typedef struct inbox_lua_block {
    struct inbox_lua_block *next;
} inbox_lua_block;

typedef struct inbox_lua_blocks {
    inbox_lua_block *head[INBOX_LUA_SMALL_CLASSES];
    int count[INBOX_LUA_SMALL_CLASSES];
} inbox_lua_blocks;

/* The class of a size in 1...INBOX_LUA_SMALL_MAX. */
static inline int inbox_lua_blocks_class(size_t size) {
    return (int)((size - 1) / INBOX_LUA_SMALL_STEP);
}

/* A block for a size in 1...INBOX_LUA_SMALL_MAX, or NULL. */
static inline void *inbox_lua_blocks_take(inbox_lua_blocks *b, size_t size) {
    int k = inbox_lua_blocks_class(size);
    inbox_lua_block *block = b->head[k];
    if (block == NULL)
        return malloc((size_t)(k + 1) * INBOX_LUA_SMALL_STEP);
    b->head[k] = block->next;
    b->count[k]--;
    return block;
}

/* Keeps or frees a block whose size is in 1...INBOX_LUA_SMALL_MAX. */
static inline void inbox_lua_blocks_give(inbox_lua_blocks *b, void *ptr,
                                         size_t size) {
    int k = inbox_lua_blocks_class(size);
    inbox_lua_block *block = (inbox_lua_block *)ptr;
    if (b->count[k] >= inbox_lua_blocks_keep()) {
        free(ptr);
        return;
    }
    block->next = b->head[k];
    b->head[k] = block;
    b->count[k]++;
}

/* Frees every kept block. */
static inline void inbox_lua_blocks_drain(inbox_lua_blocks *b) {
    int k;
    for (k = 0; k < INBOX_LUA_SMALL_CLASSES; k++) {
        while (b->head[k] != NULL) {
            inbox_lua_block *block = b->head[k];
            b->head[k] = block->next;
            free(block);
        }
        b->count[k] = 0;
    }
}

#endif
