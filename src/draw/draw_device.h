/* draw_device.h - the interface between pages-as-data and output formats.
 *
 * A device is a small vtable (PDF and PNG through Cairo, a text trace). The
 * error is sticky, as in Cairo: after the first failure every call is a
 * no-op and draw_device_finish() returns that failure, so drawing code needs
 * no per-call checks. Coordinates are Pango units (see typeset_page.h). */
#ifndef RECIT_DRAW_DEVICE_H
#define RECIT_DRAW_DEVICE_H

#include <stddef.h>

#include "typeset_page.h"

typedef struct draw_device draw_device;

typedef struct {
	void (*begin_page)(draw_device *d, int width, int height);
	void (*end_page)(draw_device *d);
	void (*text_line)(draw_device *d, const page_op *op);
	void (*rect)(draw_device *d, const page_op *op);
	void (*line)(draw_device *d, const page_op *op);
	void (*dest)(draw_device *d, const char *name, int x, int y);
	void (*link)(draw_device *d, const char *name, int x, int y, int w, int h);
	void (*outline)(draw_device *d, int level, const char *title, const char *name);
	void (*path)(draw_device *d, const page_op *op);
	/* Structure elements (PDF tags); title is the element's text
	 * alternative, which a device may keep or ignore. */
	void (*tag_begin)(draw_device *d, const char *name, const char *title);
	void (*tag_end)(draw_device *d);
	/* A PNG file (op->name) scaled into (op->x, op->y, op->w, op->h). */
	void (*image)(draw_device *d, const page_op *op);
	/* Complete the output (write, rename...). Called once, only when no
	 * error happened before. */
	void (*finish)(draw_device *d);
	/* Free everything; also undo partial output when finish did not run. */
	void (*destroy)(draw_device *d);
} draw_device_ops;

/* Devices embed this struct first. */
struct draw_device {
	const draw_device_ops *ops;
	int status;  /* 0, or the first error */
	char *error; /* message of the first error (heap), or NULL */
	int finished;
};

/* Record the first failure (later ones are ignored). fmt is the English
 * message, formatted in the user's language (core/i18n.h): the failure is
 * shown in a diagnostic (po/update-pot.sh extracts it). */
void draw_device_fail(draw_device *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void draw_device_begin_page(draw_device *d, int width, int height);
void draw_device_end_page(draw_device *d);
/* Replay one page's display list (begin_page ... end_page). */
void draw_device_page(draw_device *d, const page *pg);
/* Returns 0, or the sticky status; the message is in d->error. */
int draw_device_finish(draw_device *d);
void draw_device_destroy(draw_device *d);

#endif
