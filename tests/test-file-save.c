/* test-file-save.c: saves that end in the complete old or the complete new file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "test-io-common.h"
#include "trellis-file-save.h"
#include "trellis-project-io.h"

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
} Scratch;

static void
scratch_setup (Scratch       *scratch,
               gconstpointer  data)
{
  scratch->dir = g_dir_make_tmp ("trellis-file-save-XXXXXX", NULL);
  g_assert_nonnull (scratch->dir);
  scratch->path = g_build_filename (scratch->dir, "project.trellis", NULL);
  scratch->file = g_file_new_for_path (scratch->path);
}

static void
scratch_teardown (Scratch       *scratch,
                  gconstpointer  data)
{
  test_remove_tree (scratch->dir);
  g_free (scratch->dir);
  g_free (scratch->path);
  g_object_unref (scratch->file);
}

static TrellisProject *
project_named (const char *name)
{
  TrellisProject *project = test_build_full_project ();

  trellis_project_set_name (project, name);
  return project;
}

/* The name of the project in @path, which must open. */
static char *
load_name (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (trellis_project_get_name (project));
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
save_named (GFile      *file,
            const char *name)
{
  g_autoptr(TrellisProject) project = project_named (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_project_save_file (project, file, NULL, &error));
  g_assert_no_error (error);
}

/* A save keeps the version it replaced as NAME~, and leaves nothing else behind. */
static void
test_plain_backup (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (scratch->path, "~", NULL);
  g_autofree char *name = NULL;
  g_autofree char *backup_name = NULL;

  save_named (scratch->file, "first");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  save_named (scratch->file, "second");
  save_named (scratch->file, "third");
  name = load_name (scratch->path);
  backup_name = load_name (backup);
  g_assert_cmpstr (name, ==, "third");
  g_assert_cmpstr (backup_name, ==, "second");
  g_assert_cmpuint (count_entries (scratch->dir), ==, 2);
}

/* Through a symbolic link, the file it points at is replaced and the link stays a link:
 * shared and synced folders are full of them. */
static void
test_symlink (Scratch       *scratch,
              gconstpointer  data)
{
  g_autofree char *real_dir = g_build_filename (scratch->dir, "real", NULL);
  g_autofree char *real = g_build_filename (real_dir, "target.trellis", NULL);
  g_autofree char *link = g_build_filename (scratch->dir, "link.trellis", NULL);
  g_autofree char *real_backup = g_strconcat (real, "~", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autofree char *name = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *points_to = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_cmpint (symlink ("real/target.trellis", link), ==, 0);
  /* A dangling link names where a new project goes. */
  save_named (link_file, "first");
  save_named (link_file, "second");

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  points_to = g_file_read_link (link, NULL);
  g_assert_cmpstr (points_to, ==, "real/target.trellis");
  name = load_name (real);
  backup_name = load_name (real_backup);
  g_assert_cmpstr (name, ==, "second");
  g_assert_cmpstr (backup_name, ==, "first");
  g_assert_cmpuint (count_entries (real_dir), ==, 2);
  g_assert_cmpuint (count_entries (scratch->dir), ==, 2);
}

/* A file with a second hard link: this name gets the new version, the other keeps the
 * complete old one (never a half-written file), and the caller is told. */
static void
test_hard_link (Scratch       *scratch,
                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (scratch->dir, "other-name.trellis", NULL);
  g_autoptr(TrellisProject) project = project_named ("second");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *other_name = NULL;
  TrellisSaveResult result;

  save_named (scratch->file, "first");
  g_assert_cmpint (link (scratch->path, other), ==, 0);
  g_assert_true (trellis_project_save_file_full (project, scratch->file, TRELLIS_SAVE_BACKUP,
                                                 &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (result.broke_hard_link);
  name = load_name (scratch->path);
  other_name = load_name (other);
  g_assert_cmpstr (name, ==, "second");
  g_assert_cmpstr (other_name, ==, "first");

  g_assert_true (trellis_project_save_file_full (project, scratch->file, TRELLIS_SAVE_BACKUP,
                                                 &result, NULL, &error));
  g_assert_false (result.broke_hard_link);
}

/* A save killed after its backup and before its rename leaves NAME~ as a second name
 * of NAME (and perhaps the backup's temporary as a third). That is no hard link of the
 * user's, and the next save leaves neither name behind. */
static void
test_killed_after_backup (Scratch       *scratch,
                          gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (scratch->path, "~", NULL);
  g_autofree char *temp = g_build_filename (scratch->dir, TRELLIS_BACKUP_TEMP_PREFIX "project.trellis.Q1w2E3", NULL);
  g_autoptr(TrellisProject) project = project_named ("second");
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_name = NULL;
  TrellisSaveResult result;

  save_named (scratch->file, "first");
  g_assert_cmpint (link (scratch->path, backup), ==, 0);
  g_assert_cmpint (link (scratch->path, temp), ==, 0);
  g_assert_true (trellis_project_save_file_full (project, scratch->file, TRELLIS_SAVE_BACKUP,
                                                 &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (result.broke_hard_link);
  backup_name = load_name (backup);
  g_assert_cmpstr (backup_name, ==, "first");
  g_assert_cmpuint (count_entries (scratch->dir), ==, 2);
}

/* Temporaries an interrupted save left (this version's and GIO's of earlier versions,
 * which hold the project's comments) are removed by the next save; other files'
 * temporaries and recent GIO ones, which may be another program's, are not. */
static void
test_leftovers_removed (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autofree char *ours = g_build_filename (scratch->dir, TRELLIS_SAVE_TEMP_PREFIX "project.trellis.Ab12Cd", NULL);
  g_autofree char *our_backup = g_build_filename (scratch->dir, TRELLIS_BACKUP_TEMP_PREFIX "project.trellis.Zz99zZ", NULL);
  g_autofree char *theirs = g_build_filename (scratch->dir, TRELLIS_SAVE_TEMP_PREFIX "other.trellis.Ab12Cd", NULL);
  g_autofree char *old_gio = g_build_filename (scratch->dir, ".goutputstream-ABC123", NULL);
  g_autofree char *new_gio = g_build_filename (scratch->dir, ".goutputstream-DEF456", NULL);
  g_autoptr(TrellisProject) project = project_named ("saved");
  g_autoptr(GError) error = NULL;
  struct utimbuf an_hour_ago = { time (NULL) - 3600, time (NULL) - 3600 };
  TrellisSaveResult result;

  g_assert_true (g_file_set_contents (ours, "<trellis-project partial", -1, NULL));
  g_assert_true (g_file_set_contents (our_backup, "", -1, NULL));
  g_assert_true (g_file_set_contents (theirs, "<trellis-project partial", -1, NULL));
  g_assert_true (g_file_set_contents (old_gio, "<?xml version=\"1.0\"?>\n<trellis-project cut", -1, NULL));
  g_assert_true (g_file_set_contents (new_gio, "<?xml version=\"1.0\"?>\n<trellis-project cut", -1, NULL));
  g_assert_cmpint (g_utime (old_gio, &an_hour_ago), ==, 0);

  g_assert_true (trellis_project_save_file_full (project, scratch->file, TRELLIS_SAVE_BACKUP,
                                                 &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.removed_temporaries, ==, 3);
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (our_backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_gio, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_gio, G_FILE_TEST_EXISTS));
}

/* A write that fails (here: the file size limit, which fails write() as a full disk
 * does, without root) leaves the project as it was and no temporary behind. Before,
 * the half-written temporary was moved over the project. */
static void
test_write_error (Scratch       *scratch,
                  gconstpointer  data)
{
  g_autoptr(TrellisProject) project = project_named ("too big to fit");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  struct rlimit old_limit, limit;
  gsize before_length;

  save_named (scratch->file, "small");
  g_assert_true (g_file_get_contents (scratch->path, &before, &before_length, NULL));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = before_length / 2;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (trellis_project_save_file (project, scratch->file, NULL, &error));

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "It was not changed."));
  g_assert_true (g_file_get_contents (scratch->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  name = load_name (scratch->path);
  g_assert_cmpstr (name, ==, "small");
  /* The project alone: no temporary left, and no backup of a save that did not happen. */
  g_assert_cmpuint (count_entries (scratch->dir), ==, 1);
}

/* libxml2 refuses a text node over 10 MB unless told otherwise: a long comment was
 * saved, and the project then refused with “Huge input lookup”. */
static void
test_huge_comment_reopens (Scratch       *scratch,
                           gconstpointer  data)
{
  g_autoptr(TrellisProject) project = project_named ("huge");
  g_autoptr(TrellisRound) round = trellis_round_new ("r-huge");
  g_autoptr(TrellisProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = g_malloc (12 * 1000 * 1000 + 1);
  TrellisSection *section = trellis_checklist_get_section (trellis_project_get_checklist (project), 0);
  GPtrArray *comments;

  memset (comment, 'x', 12 * 1000 * 1000);
  comment[12 * 1000 * 1000] = '\0';
  trellis_round_set_label (round, "Huge");
  trellis_round_add_comment (round, trellis_section_get_id (section), comment);
  trellis_project_append_round (project, round);
  g_assert_true (trellis_project_save_file (project, scratch->file, NULL, &error));
  g_assert_no_error (error);

  reloaded = trellis_project_load_file (scratch->file, NULL, &error);
  g_assert_no_error (error);
  comments = trellis_round_get_comments (trellis_project_find_round (reloaded, "r-huge"),
                                         trellis_section_get_id (section));
  g_assert_cmpuint (strlen (g_ptr_array_index (comments, comments->len - 1)), ==, 12 * 1000 * 1000);
}

static char *
newer_minor_project (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "minimal.trellis", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) newer = NULL;

  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  newer = g_string_new (text);
  g_assert_cmpuint (g_string_replace (newer, "format-version=\"1.0\"", "format-version=\"1.7\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (newer, "</partnership>",
                                      "  <region code=\"S12000033\">Aberdeen</region>\n  </partnership>", 1), ==, 1);
  return g_string_free (g_steal_pointer (&newer), FALSE);
}

/* A file from a newer minor version opens, says so, and is never replaced by a save
 * that would drop what this version does not know; a copy elsewhere is fine. */
static void
test_newer_minor (Scratch       *scratch,
                  gconstpointer  data)
{
  g_autofree char *text = newer_minor_project ();
  g_autofree char *after = NULL;
  g_autofree char *copy_path = g_build_filename (scratch->dir, "copy.trellis", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(TrellisProject) copied = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (scratch->path, text, -1, NULL));
  project = trellis_project_load_file (scratch->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_project_get_newer_format_version (project), ==, "1.7");

  g_assert_false (trellis_project_save_file (project, scratch->file, NULL, &error));
  g_assert_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "format 1.7"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (scratch->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  g_assert_true (trellis_project_save_file (project, copy, NULL, &error));
  g_assert_no_error (error);
  copied = trellis_project_load_file (copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (trellis_project_get_newer_format_version (copied));
}

/* More rounds than the loader accepts: refused before writing, the file kept. */
static void
test_counts_the_loader_refuses (Scratch       *scratch,
                                gconstpointer  data)
{
  g_autoptr(TrellisProject) project = project_named ("many rounds");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  save_named (scratch->file, "kept");
  for (guint i = trellis_project_get_n_rounds (project); i <= 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%u", i);
      g_autoptr(TrellisRound) round = trellis_round_new (id);

      trellis_round_set_label (round, id);
      trellis_project_append_round (project, round);
    }
  g_assert_false (trellis_project_save_file (project, scratch->file, NULL, &error));
  g_assert_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_TOO_LARGE);
  name = load_name (scratch->path);
  g_assert_cmpstr (name, ==, "kept");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Scratch, NULL, scratch_setup, func, scratch_teardown)
  ADD ("/file-save/plain-backup", test_plain_backup);
  ADD ("/file-save/symlink", test_symlink);
  ADD ("/file-save/hard-link", test_hard_link);
  ADD ("/file-save/leftovers-removed", test_leftovers_removed);
  ADD ("/file-save/killed-after-backup", test_killed_after_backup);
  ADD ("/file-save/write-error", test_write_error);
  ADD ("/file-save/huge-comment-reopens", test_huge_comment_reopens);
  ADD ("/file-save/newer-minor", test_newer_minor);
  ADD ("/file-save/counts-the-loader-refuses", test_counts_the_loader_refuses);
#undef ADD

  return g_test_run ();
}
