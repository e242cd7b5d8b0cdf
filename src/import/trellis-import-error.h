/* trellis-import-error.h: the errors of reading and importing a survey export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRELLIS_IMPORT_ERROR (trellis_import_error_quark ())

/**
 * TrellisImportError:
 * @TRELLIS_IMPORT_ERROR_FAILED: the file could not be read
 * @TRELLIS_IMPORT_ERROR_TOO_LARGE: larger than any real survey export, or unpacks to more
 * @TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT: not a CSV, XLSX or ODS file (a binary, an old .xls)
 * @TRELLIS_IMPORT_ERROR_CORRUPT: a spreadsheet that is truncated or damaged
 * @TRELLIS_IMPORT_ERROR_FORBIDDEN: XML that declares a DTD or entities
 * @TRELLIS_IMPORT_ERROR_EMPTY: no responses (an empty file, or headers only)
 * @TRELLIS_IMPORT_ERROR_RAGGED: a row with more or fewer cells than the header
 * @TRELLIS_IMPORT_ERROR_NO_STATEMENTS: no column answers a statement of the checklist
 * @TRELLIS_IMPORT_ERROR_BAD_ANSWER: an answer that is not on the statement's scale
 * @TRELLIS_IMPORT_ERROR_MISMATCH: files of one import whose columns differ
 * @TRELLIS_IMPORT_ERROR_ROUND_EXISTS: the project has a round of that name already
 * @TRELLIS_IMPORT_ERROR_UNSETTLED: a column holds answers that match no statement, or
 *   comments whose section is uncertain, and the facilitator has not said what it holds
 *
 * Every message names the file and, where it applies, the row and column.
 */
typedef enum
{
  TRELLIS_IMPORT_ERROR_FAILED,
  TRELLIS_IMPORT_ERROR_TOO_LARGE,
  TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT,
  TRELLIS_IMPORT_ERROR_CORRUPT,
  TRELLIS_IMPORT_ERROR_FORBIDDEN,
  TRELLIS_IMPORT_ERROR_EMPTY,
  TRELLIS_IMPORT_ERROR_RAGGED,
  TRELLIS_IMPORT_ERROR_NO_STATEMENTS,
  TRELLIS_IMPORT_ERROR_BAD_ANSWER,
  TRELLIS_IMPORT_ERROR_MISMATCH,
  TRELLIS_IMPORT_ERROR_ROUND_EXISTS,
  TRELLIS_IMPORT_ERROR_UNSETTLED,
} TrellisImportError;

GQuark trellis_import_error_quark (void);

G_END_DECLS
