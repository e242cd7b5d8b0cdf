/* trellis-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which of GTK's renderers draws the windows. Without a graphics processor (a council's
 * virtual desktop, a laptop without its driver, a remote session) GTK 4.8 still draws
 * with OpenGL, which Mesa then runs on the processor (llvmpipe): every new kind of node
 * compiles a shader and every frame is rasterised in software. Measured on such a
 * machine, the window took 700 ms to show a project instead of 410 ms with GTK's Cairo
 * renderer, and a first switch to a view 1.4 s of processor time instead of 0.2 s. GTK
 * 4.14 and later make the same choice themselves (they leave OpenGL for Cairo on
 * llvmpipe), so this only runs on older GTK, and never against the user's own
 * GSK_RENDERER.
 */
#define G_LOG_DOMAIN "trellis-renderer"

#include "config.h"

#include <string.h>

#include <epoxy/gl.h>

#include "trellis-renderer.h"

#if !GTK_CHECK_VERSION (4, 14, 0)
/* Mesa's renderers that run on the processor. */
static gboolean
is_software (const char *renderer)
{
  return renderer != NULL && (strstr (renderer, "llvmpipe") != NULL ||
                              strstr (renderer, "softpipe") != NULL ||
                              strstr (renderer, "Software Rasterizer") != NULL);
}

/* What OpenGL on @display runs on, or NULL where there is no OpenGL. */
static char *
dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *renderer;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL: %s", error != NULL ? error->message : "no context");
      return NULL;
    }
  gdk_gl_context_make_current (context);
  renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return renderer;
}
#endif

/**
 * trellis_renderer_choose:
 * @display: the display the windows will be on, before any of them is shown
 *
 * Has GTK draw with Cairo where OpenGL would run in software, by setting GSK_RENDERER
 * as a user could, before the first window asks which renderer to use.
 *
 * Returns: (nullable): the OpenGL renderer that was turned down, for the log
 */
const char *
trellis_renderer_choose (GdkDisplay *display)
{
#if !GTK_CHECK_VERSION (4, 14, 0)
  static char *turned_down;
  g_autofree char *renderer = NULL;

  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return NULL;
  renderer = dup_gl_renderer (display);
  if (!is_software (renderer))
    return NULL;
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_debug ("Drawing with Cairo: OpenGL runs in software here (%s)", renderer);
  g_free (turned_down);
  turned_down = g_steal_pointer (&renderer);
  return turned_down;
#else
  (void) display;
  return NULL;
#endif
}
