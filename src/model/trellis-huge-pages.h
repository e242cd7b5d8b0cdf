/* trellis-huge-pages.h: large buffers written once from the front, faulted in 2 MB at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRELLIS_HUGE_PAGE_SIZE ((gsize) 2 * 1024 * 1024)

void trellis_advise_huge_pages (gpointer data,
                                gsize    size);

G_END_DECLS
