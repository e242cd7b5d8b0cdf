/* trellis-workshop-pack.h: the handout for the workshop, page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "trellis-report.h"

G_BEGIN_DECLS

typedef struct _TrellisWorkshopPack TrellisWorkshopPack;

#define TRELLIS_TYPE_WORKSHOP_PACK (trellis_workshop_pack_get_type ())

GType                trellis_workshop_pack_get_type (void) G_GNUC_CONST;
TrellisWorkshopPack *trellis_workshop_pack_new (TrellisProject             *project,
                                                const TrellisReportOptions *options);
TrellisWorkshopPack *trellis_workshop_pack_new_plan (TrellisProject             *project,
                                                     const TrellisReportOptions *options);
TrellisWorkshopPack *trellis_workshop_pack_ref (TrellisWorkshopPack *self);
void                 trellis_workshop_pack_unref (TrellisWorkshopPack *self);

char                *trellis_workshop_pack_dup_title (TrellisWorkshopPack *self);
guint                trellis_workshop_pack_paginate (TrellisWorkshopPack *self,
                                                     double               page_width,
                                                     double               page_height);
guint                trellis_workshop_pack_get_n_pages (TrellisWorkshopPack *self);
const char          *trellis_workshop_pack_get_page_heading (TrellisWorkshopPack *self,
                                                             guint                page);
void                 trellis_workshop_pack_draw_page (TrellisWorkshopPack *self,
                                                      cairo_t             *cr,
                                                      guint                page);
gboolean             trellis_workshop_pack_write_pdf (TrellisWorkshopPack  *self,
                                                      GFile                *file,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisWorkshopPack, trellis_workshop_pack_unref)

G_END_DECLS
