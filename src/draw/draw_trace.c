/* draw_trace.c - a device that prints every op as one line of stable text
 * (integer Pango units, colours in hex, text content escaped), for golden
 * tests and `--dump=pages`. */
#include <stdlib.h>

#include "draw.h"
#include "draw_device.h"
#include "util.h"

typedef struct {
	draw_device base;
	FILE *out;
	size_t page_no;
} trace_dev;

static void put_str(FILE *out, const char *s, size_t n)
{
	fputc('"', out);
	for (size_t i = 0; i < n && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\x%02x", c);
		else if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xad) {
			fputs("\\u00AD", out); /* soft hyphen: visible in the trace */
			i++;
		} else if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			fputs("\\u00A0", out);
			i++;
		} else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			   (unsigned char)s[i + 2] == 0xaf) {
			fputs("\\u202F", out);
			i += 2;
		} else
			fputc(c, out);
	}
	fputc('"', out);
}

static void tr_begin(draw_device *d, int w, int h)
{
	trace_dev *t = (trace_dev *)d;
	fprintf(t->out, "page %zu %d %d\n", ++t->page_no, w, h);
}

static void tr_end(draw_device *d)
{
	fputs("end\n", ((trace_dev *)d)->out);
}

static void tr_text(draw_device *d, const page_op *o)
{
	FILE *out = ((trace_dev *)d)->out;
	size_t n;
	const char *s = page_op_text(o, &n);
	fprintf(out, "text %d %d #%06X ", o->x, o->y, (unsigned)o->color);
	put_str(out, s, n);
	fputc('\n', out);
}

static const char *dash_name(page_dash d)
{
	return d == PAGE_DASH_DASHED ? "dashed" : d == PAGE_DASH_DOTTED ? "dotted" : "solid";
}

static void tr_rect(draw_device *d, const page_op *o)
{
	FILE *out = ((trace_dev *)d)->out;
	fprintf(out, "rect %d %d %d %d", o->x, o->y, o->w, o->h);
	if (o->fill)
		fprintf(out, " fill=#%06X", (unsigned)o->fill_color);
	if (o->stroke)
		fprintf(out, " stroke=#%06X/%d/%s", (unsigned)o->stroke_color, o->line_width,
			dash_name(o->dash));
	if (o->radius)
		fprintf(out, " r=%d", o->radius);
	fputc('\n', out);
}

static void tr_line(draw_device *d, const page_op *o)
{
	fprintf(((trace_dev *)d)->out, "line %d %d %d %d #%06X/%d/%s\n", o->x, o->y, o->w, o->h,
		(unsigned)o->stroke_color, o->line_width, dash_name(o->dash));
}

static void tr_dest(draw_device *d, const char *name, int x, int y)
{
	FILE *out = ((trace_dev *)d)->out;
	fputs("dest ", out);
	put_str(out, name, (size_t)-1);
	fprintf(out, " %d %d\n", x, y);
}

static void tr_link(draw_device *d, const char *name, int x, int y, int w, int h)
{
	FILE *out = ((trace_dev *)d)->out;
	fputs("link ", out);
	put_str(out, name, (size_t)-1);
	fprintf(out, " %d %d %d %d\n", x, y, w, h);
}

static void tr_outline(draw_device *d, int level, const char *title, const char *name)
{
	FILE *out = ((trace_dev *)d)->out;
	fprintf(out, "outline %d ", level);
	put_str(out, title, (size_t)-1);
	fputs(" -> ", out);
	put_str(out, name, (size_t)-1);
	fputc('\n', out);
}

static void tr_path(draw_device *d, const page_op *o)
{
	FILE *out = ((trace_dev *)d)->out;
	fprintf(out, "path %d %d", o->x, o->y);
	if (o->fill)
		fprintf(out, " fill=#%06X", (unsigned)o->fill_color);
	if (o->stroke)
		fprintf(out, " stroke=#%06X/%d/%s", (unsigned)o->stroke_color, o->line_width,
			dash_name(o->dash));
	for (size_t i = 0; i < o->n_path; i++) {
		const page_path_seg *s = &o->path[i];
		switch (s->verb) {
		case PAGE_PATH_MOVE: fprintf(out, " M %d %d", s->x[0], s->y[0]); break;
		case PAGE_PATH_LINE: fprintf(out, " L %d %d", s->x[0], s->y[0]); break;
		case PAGE_PATH_CURVE:
			fprintf(out, " C %d %d %d %d %d %d", s->x[0], s->y[0], s->x[1], s->y[1],
				s->x[2], s->y[2]);
			break;
		case PAGE_PATH_CLOSE: fputs(" Z", out); break;
		}
	}
	fputc('\n', out);
}

static void tr_tag_begin(draw_device *d, const char *name, const char *title)
{
	FILE *out = ((trace_dev *)d)->out;
	fputs("tag ", out);
	put_str(out, name, (size_t)-1);
	if (title) {
		fputc(' ', out);
		put_str(out, title, (size_t)-1);
	}
	fputc('\n', out);
}

static void tr_tag_end(draw_device *d)
{
	fputs("end-tag\n", ((trace_dev *)d)->out);
}

static void tr_image(draw_device *d, const page_op *o)
{
	FILE *out = ((trace_dev *)d)->out;
	fputs("image ", out);
	put_str(out, o->name, (size_t)-1);
	fprintf(out, " %d %d %d %d\n", o->x, o->y, o->w, o->h);
}

static void tr_destroy(draw_device *d)
{
	free(d);
}

static const draw_device_ops trace_ops = {
	.begin_page = tr_begin,
	.end_page = tr_end,
	.text_line = tr_text,
	.rect = tr_rect,
	.line = tr_line,
	.dest = tr_dest,
	.link = tr_link,
	.outline = tr_outline,
	.path = tr_path,
	.tag_begin = tr_tag_begin,
	.tag_end = tr_tag_end,
	.image = tr_image,
	.destroy = tr_destroy,
};

void draw_trace(const page_list *pages, FILE *out)
{
	trace_dev *t = xcalloc(1, sizeof *t);
	t->base.ops = &trace_ops;
	t->out = out;
	for (size_t i = 0; i < page_list_count(pages); i++)
		draw_device_page(&t->base, page_list_at(pages, i));
	draw_device_finish(&t->base);
	draw_device_destroy(&t->base);
}
