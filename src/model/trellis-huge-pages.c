/* trellis-huge-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a virtual machine a page fault costs microseconds (about 5 µs where Trellis is
 * benchmarked), and a buffer of tens of megabytes filled 4 kB at a time took thousands
 * of them: more time than filling it. Where the system gives transparent huge pages on
 * request (Linux's "madvise" setting, Debian's default), a buffer asks for them and
 * takes a fault per 2 MB. Only a hint: the bytes, and what happens elsewhere, are the
 * same.
 */
#include "config.h"

#ifdef __linux__
#include <sys/mman.h>
#endif

#include "trellis-huge-pages.h"

/**
 * trellis_advise_huge_pages:
 * @data: a buffer from g_malloc() (or a GString's or GArray's storage)
 * @size: its size in bytes
 *
 * Asks for the whole 2 MB pages inside the buffer to be huge pages. Worth it only for
 * buffers of several megabytes that are mostly filled; a buffer that moves (realloc)
 * must be advised again.
 */
void
trellis_advise_huge_pages (gpointer data,
                           gsize    size)
{
#if defined (__linux__) && defined (MADV_HUGEPAGE)
  guintptr start = ((guintptr) data + TRELLIS_HUGE_PAGE_SIZE - 1) & ~(guintptr) (TRELLIS_HUGE_PAGE_SIZE - 1);
  guintptr end = ((guintptr) data + size) & ~(guintptr) (TRELLIS_HUGE_PAGE_SIZE - 1);

  if (data != NULL && end > start)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#else
  (void) data;
  (void) size;
#endif
}
