/* bench-spawn.c: runs a program and reports its wall time and peak resident memory
 *
 * bench-spawn RESULT-FILE PROGRAM [ARGUMENT…]
 *
 * Writes "SECONDS PEAK-KB" to RESULT-FILE and exits with PROGRAM's status (128 + the
 * signal when it was killed). tests/bench/run-all.py runs every timed program through
 * this rather than straight from Python: Linux carries a process's peak RSS across
 * exec(), so a program started from the Python interpreter reports at least the
 * interpreter's own 18 MB; forked from this small process it reports its own peak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int   argc,
      char *argv[])
{
  struct rusage usage;
  double start, seconds;
  int status;
  pid_t child;
  FILE *result;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-spawn RESULT-FILE PROGRAM [ARGUMENT…]\n");
      return 2;
    }
  start = now ();
  child = fork ();
  if (child < 0)
    {
      perror ("bench-spawn: fork");
      return 2;
    }
  if (child == 0)
    {
      execvp (argv[2], argv + 2);
      perror (argv[2]);
      _exit (127);
    }
  if (wait4 (child, &status, 0, &usage) < 0)
    {
      perror ("bench-spawn: wait4");
      return 2;
    }
  seconds = now () - start;
  result = fopen (argv[1], "w");
  if (result == NULL)
    {
      perror (argv[1]);
      return 2;
    }
  fprintf (result, "%.6f %ld\n", seconds, usage.ru_maxrss);
  fclose (result);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}
