/* trellis-project-io.h: reading and writing the XML project file (.trellis)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-file-lock.h"
#include "trellis-file-save.h"
#include "trellis-file-util.h"
#include "trellis-types.h"

G_BEGIN_DECLS

#define TRELLIS_PROJECT_NAMESPACE      "https://trellisapp.org/ns/project"
#define TRELLIS_PROJECT_FORMAT_MAJOR   1
#define TRELLIS_PROJECT_FORMAT_MINOR   3
#define TRELLIS_PROJECT_FORMAT_VERSION "1.3"
#define TRELLIS_PROJECT_MIME_TYPE      "application/x-trellis+xml"

/* The largest project file read or written: a share of this computer's memory (see
 * trellis_project_get_max_size()), not a fixed size. */
#define TRELLIS_PROJECT_MAX_SIZE       (trellis_project_get_max_size ())

#define TRELLIS_PROJECT_ERROR (trellis_project_error_quark ())

/**
 * TrellisProjectError:
 * @TRELLIS_PROJECT_ERROR_TOO_LARGE: the file is larger than any real project
 * @TRELLIS_PROJECT_ERROR_MALFORMED: not well-formed XML, e.g. truncated
 * @TRELLIS_PROJECT_ERROR_NOT_A_PROJECT: XML, but not a Trellis project
 * @TRELLIS_PROJECT_ERROR_NEWER_VERSION: written by a newer Trellis with a new major format
 * @TRELLIS_PROJECT_ERROR_FORBIDDEN: declares a DTD or entities, which Trellis never writes
 * @TRELLIS_PROJECT_ERROR_INVALID: a Trellis project whose content is inconsistent
 */
typedef enum
{
  TRELLIS_PROJECT_ERROR_TOO_LARGE,
  TRELLIS_PROJECT_ERROR_MALFORMED,
  TRELLIS_PROJECT_ERROR_NOT_A_PROJECT,
  TRELLIS_PROJECT_ERROR_NEWER_VERSION,
  TRELLIS_PROJECT_ERROR_FORBIDDEN,
  TRELLIS_PROJECT_ERROR_INVALID,
} TrellisProjectError;

GQuark          trellis_project_error_quark (void);
void            trellis_project_io_init (void);
guint64         trellis_project_get_max_size (void);

TrellisProject *trellis_project_load_bytes (GBytes      *bytes,
                                            const char  *display_name,
                                            GError     **error);
TrellisProject *trellis_project_load_file (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
GBytes         *trellis_project_save_to_bytes (TrellisProject *project);
gboolean        trellis_project_save_file (TrellisProject  *project,
                                           GFile           *file,
                                           GCancellable    *cancellable,
                                           GError         **error);
gboolean        trellis_project_save_file_full (TrellisProject     *project,
                                                GFile              *file,
                                                TrellisSaveFlags    flags,
                                                TrellisSaveResult  *result,
                                                GCancellable       *cancellable,
                                                GError            **error);

const char     *trellis_project_get_newer_format_version (TrellisProject *project);

G_END_DECLS
