/* trellis-redact.h: finds the people a comment identifies: names, e-mail addresses, phones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-project.h"

G_BEGIN_DECLS

/**
 * TrellisRedactKind:
 * @TRELLIS_REDACT_NAME: a person's name, replaced by "[name]"
 * @TRELLIS_REDACT_EMAIL: an e-mail address, replaced by "[e-mail]"
 * @TRELLIS_REDACT_PHONE: a telephone number, replaced by "[phone]"
 */
typedef enum
{
  TRELLIS_REDACT_NAME,
  TRELLIS_REDACT_EMAIL,
  TRELLIS_REDACT_PHONE,
} TrellisRedactKind;

/**
 * TrellisRedaction:
 * @start: the first byte of what identifies someone
 * @end: the byte after its last
 * @kind: what it is
 */
typedef struct
{
  gsize             start;
  gsize             end;
  TrellisRedactKind kind;
} TrellisRedaction;

typedef struct _TrellisRedactor TrellisRedactor;

TrellisRedactor *trellis_redactor_new (const char * const *names);
TrellisRedactor *trellis_redactor_new_for_project (TrellisProject     *project,
                                                   const char * const *names);
void             trellis_redactor_protect_text (TrellisRedactor *self,
                                                const char      *text);
void             trellis_redactor_free (TrellisRedactor *self);

GArray          *trellis_redactor_find (TrellisRedactor *self,
                                        const char      *text);
char            *trellis_redactor_apply (TrellisRedactor *self,
                                         const char      *text,
                                         guint           *n_found);
const char      *trellis_redact_kind_get_placeholder (TrellisRedactKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisRedactor, trellis_redactor_free)

G_END_DECLS
