/* trellis-project-io-private.h: the readers shared by project files, templates and imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "trellis-project-io.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Parses @bytes with every safeguard of the project loader (size limit, UTF-8 only,
 * no DTD, no entities, no network, errors kept off stderr) and checks that the root
 * element is @root_name in the Trellis namespace with a format version this build
 * reads. Errors are in TRELLIS_PROJECT_ERROR and name @display_name. */
xmlDoc           *_trellis_xml_read_document (GBytes      *bytes,
                                              const char  *display_name,
                                              const char  *root_name,
                                              GError     **error);

gboolean          _trellis_xml_is_element (xmlNode    *node,
                                           const char *name);
char             *_trellis_xml_dup_attribute (xmlNode    *node,
                                              const char *name);
char             *_trellis_xml_dup_child_text (xmlNode    *parent,
                                               const char *name);

/* Writing: a document whose root is @root_name in the Trellis namespace, with this
 * build's format version; its bytes as every Trellis file is written. */
xmlDoc           *_trellis_xml_new_document (const char *root_name);
GBytes           *_trellis_xml_dump_document (xmlDoc *doc);
void              _trellis_xml_add_text_element (xmlNode    *parent,
                                                 const char *name,
                                                 const char *text);
void              _trellis_xml_set_attribute (xmlNode    *node,
                                              const char *name,
                                              const char *value);
void              _trellis_checklist_write_node (xmlNode          *parent,
                                                 TrellisChecklist *checklist);

/* One answer token of a response row or a value rule: a point number, na, dk, ns or
 * @blank. Points are checked against the widest scale only. */
gboolean          _trellis_answer_parse (const char    *token,
                                         gsize          length,
                                         const char    *blank,
                                         TrellisAnswer *answer);

/* Reads a <checklist> element into a new checklist that belongs to nothing yet. */
TrellisChecklist *_trellis_checklist_read_node (xmlNode     *node,
                                                const char  *display_name,
                                                GError     **error);

G_END_DECLS
