/* draw_device.c - sticky-error wrappers and the replay of a page's display
 * list onto any device. */
#include "draw_device.h"

#include <stdarg.h>
#include <stdlib.h>

#include "i18n.h"
#include "util.h"

void draw_device_fail(draw_device *d, const char *fmt, ...)
{
	if (d->status)
		return;
	d->status = -1;
	strbuf b = {0};
	va_list ap;
	va_start(ap, fmt);
	char tmp[512];
	vsnprintf(tmp, sizeof tmp, _(fmt), ap);
	va_end(ap);
	strbuf_puts(&b, tmp);
	d->error = strbuf_detach(&b);
}

void draw_device_begin_page(draw_device *d, int width, int height)
{
	if (!d->status && d->ops->begin_page)
		d->ops->begin_page(d, width, height);
}

void draw_device_end_page(draw_device *d)
{
	if (!d->status && d->ops->end_page)
		d->ops->end_page(d);
}

void draw_device_page(draw_device *d, const page *pg)
{
	draw_device_begin_page(d, pg->width, pg->height);
	for (size_t i = 0; i < pg->n_ops && !d->status; i++) {
		const page_op *o = &pg->ops[i];
		const draw_device_ops *v = d->ops;
		switch (o->kind) {
		case PAGE_OP_TEXT:
			if (v->text_line)
				v->text_line(d, o);
			break;
		case PAGE_OP_RECT:
			if (v->rect)
				v->rect(d, o);
			break;
		case PAGE_OP_LINE:
			if (v->line)
				v->line(d, o);
			break;
		case PAGE_OP_DEST:
			if (v->dest)
				v->dest(d, o->name, o->x, o->y);
			break;
		case PAGE_OP_LINK:
			if (v->link)
				v->link(d, o->name, o->x, o->y, o->w, o->h);
			break;
		case PAGE_OP_OUTLINE:
			if (v->outline)
				v->outline(d, o->level, o->title, o->name);
			break;
		case PAGE_OP_PATH:
			if (v->path && o->n_path)
				v->path(d, o);
			break;
		case PAGE_OP_TAG_BEGIN:
			if (v->tag_begin)
				v->tag_begin(d, o->name ? o->name : "", o->title);
			break;
		case PAGE_OP_TAG_END:
			if (v->tag_end)
				v->tag_end(d);
			break;
		case PAGE_OP_IMAGE:
			if (v->image && o->name)
				v->image(d, o);
			break;
		}
	}
	draw_device_end_page(d);
}

int draw_device_finish(draw_device *d)
{
	if (!d->status && !d->finished && d->ops->finish) {
		d->ops->finish(d);
		d->finished = 1;
	}
	return d->status;
}

void draw_device_destroy(draw_device *d)
{
	if (!d)
		return;
	char *err = d->error;
	d->ops->destroy(d);
	free(err);
}
