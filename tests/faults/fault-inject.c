/* fault-inject.c: an LD_PRELOAD library that makes a save fail or die where we choose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a full disk or a kill does to a save cannot be tested by waiting for one, and
 * mounting a small file system needs root. Preloaded into trellis-cli, this library
 * counts the calls a save makes (write, fsync, close, link, rename, unlink) and, as
 * $TRELLIS_FAULT says:
 *
 *   enospc:N        the N-th write or fsync fails with ENOSPC, as on a full disk
 *   kill:N          the process is killed (SIGKILL) just before the N-th call
 *   kill-after-us:N the process is killed N microseconds after the first write of
 *                   4 kB or more (the project's content), wherever the save then is
 *
 * Counting starts at the first write of 4 kB or more, so that the lock file, which
 * is written before the project is read, is not part of the count.
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define BIG_WRITE 4096

enum { MODE_NONE, MODE_ENOSPC, MODE_KILL, MODE_KILL_AFTER };

static int mode = -1;
static long fault_at;
static long count;
static int armed;

static void
parse_mode (void)
{
  const char *spec = getenv ("TRELLIS_FAULT");

  mode = MODE_NONE;
  if (spec == NULL)
    return;
  if (strncmp (spec, "enospc:", 7) == 0)
    mode = MODE_ENOSPC, fault_at = atol (spec + 7);
  else if (strncmp (spec, "kill:", 5) == 0)
    mode = MODE_KILL, fault_at = atol (spec + 5);
  else if (strncmp (spec, "kill-after-us:", 14) == 0)
    mode = MODE_KILL_AFTER, fault_at = atol (spec + 14);
}

static void *
kill_later (void *data)
{
  struct timespec delay = { fault_at / 1000000, (fault_at % 1000000) * 1000 };

  nanosleep (&delay, NULL);
  kill (getpid (), SIGKILL);
  return NULL;
}

/* Called before each intercepted call; returns an errno to fail it with, or 0. */
static int
before_call (int is_write, size_t size)
{
  if (mode < 0)
    parse_mode ();
  if (mode == MODE_NONE)
    return 0;
  if (!armed && is_write && size >= BIG_WRITE)
    {
      armed = 1;
      if (mode == MODE_KILL_AFTER)
        {
          pthread_t thread;

          pthread_create (&thread, NULL, kill_later, NULL);
        }
    }
  if (!armed)
    return 0;
  if (mode == MODE_KILL && ++count == fault_at)
    kill (getpid (), SIGKILL);
  if (mode == MODE_ENOSPC && is_write && ++count == fault_at)
    return ENOSPC;
  return 0;
}

#define NEXT(name) ((__typeof__ (&name)) dlsym (RTLD_NEXT, #name))

ssize_t
write (int fd, const void *buffer, size_t size)
{
  int fail = before_call (1, size);

  if (fail != 0)
    {
      errno = fail;
      return -1;
    }
  return NEXT (write) (fd, buffer, size);
}

int
fsync (int fd)
{
  int fail = before_call (1, 0);

  if (fail != 0)
    {
      errno = fail;
      return -1;
    }
  return NEXT (fsync) (fd);
}

int
close (int fd)
{
  before_call (0, 0);
  return NEXT (close) (fd);
}

int
link (const char *from, const char *to)
{
  before_call (0, 0);
  return NEXT (link) (from, to);
}

int
rename (const char *from, const char *to)
{
  before_call (0, 0);
  return NEXT (rename) (from, to);
}

int
unlink (const char *path)
{
  before_call (0, 0);
  return NEXT (unlink) (path);
}
