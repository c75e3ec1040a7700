/* draw_cairo.c - the Cairo devices: a PDF of the whole document and a PNG
 * of one page, written into an unnamed file of the target folder
 * (outfile.h) that is put in place only after everything succeeded.
 *
 * The PDF is collected in memory and completed by libqpdf (draw_pdfua.c)
 * before one write into the file. The PNG streams into the file; a failed
 * write (a full disk) never reaches Cairo as an error, because Cairo 1.16
 * crashes when it finishes a surface whose stream has failed (exit 134, or
 * SIGSEGV in workers): the stream records the first error, discards the
 * rest and reports success, and the device never commits the file. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "draw.h"
#include "draw_device.h"
#include "draw_pdfua.h"
#include "i18n.h"
#include "outfile.h"
#include "util.h"

#define U(v) ((double)(v) / PANGO_SCALE)

typedef struct {
	draw_device base;
	cairo_surface_t *surface;
	cairo_t *cr;
	outfile *out;
	int fd;
	char *path;
	int write_errno;
	bool pdf;
	/* PDF: names of every destination, to refuse a link to nowhere
	 * (Cairo 1.16 writes a damaged file for it, platform notes 4). */
	char **dests;
	size_t n_dests;
	int outline_parent[8];
	int page_w, page_h; /* current PDF page size */
	char **tags;        /* open structure elements, innermost last */
	size_t n_tags;
	/* PDF: Cairo's output is kept in memory and completed by libqpdf
	 * (draw_pdfua.c) before it reaches the file; the texts the structure
	 * tree needs are recorded in the order their elements begin. */
	strbuf pdf_buf;
	pdfua_info ua;
	char **outline_name, **outline_title; /* destination -> outline title */
	size_t n_outline;
	int last_heading; /* level of the latest H1-H6 element, 0 before any */
	/* PNG images, decoded once per path per document. */
	struct {
		char *path;
		cairo_surface_t *surface;
	} *images;
	size_t n_images;
} cairo_dev;

static cairo_status_t write_fd(void *closure, const unsigned char *data, unsigned int len)
{
	cairo_dev *c = closure;
	if (c->pdf) {
		strbuf_add(&c->pdf_buf, (const char *)data, len);
		return CAIRO_STATUS_SUCCESS;
	}
	while (len > 0 && !c->write_errno) {
		ssize_t w = write(c->fd, data, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			c->write_errno = errno; /* the device reports it (see above) */
			break;
		}
		data += w;
		len -= (unsigned)w;
	}
	return CAIRO_STATUS_SUCCESS;
}

static void set_rgb(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
			     (c & 0xff) / 255.0);
}

/* A Cairo failure while doing what (an N_() text), as the device's error. */
static void check_cr(cairo_dev *c, const char *what)
{
	cairo_status_t s = cairo_status(c->cr);
	if (s == CAIRO_STATUS_SUCCESS && c->write_errno)
		/* TRANSLATORS: what was being drawn, and why writing failed. */
		draw_device_fail(&c->base, "%s: %s", _(what), strerror(c->write_errno));
	else if (s != CAIRO_STATUS_SUCCESS) /* a failed write says why: "No space left on device" */
		/* TRANSLATORS: what was being drawn, and the reason it failed. */
		draw_device_fail(&c->base, "%s: %s", _(what),
				 s == CAIRO_STATUS_WRITE_ERROR && c->write_errno
					 ? strerror(c->write_errno)
					 : cairo_status_to_string(s));
}

static void cd_begin_page(draw_device *d, int w, int h)
{
	cairo_dev *c = (cairo_dev *)d;
	/* Per-page size must be set before anything is drawn on the page, and
	 * only when it changes: Cairo 1.16 drops the structure tree (and then
	 * writes a damaged file) when set_size comes before the first page's
	 * content, so the surface is created with the first page's size. */
	if (c->pdf && (w != c->page_w || h != c->page_h)) {
		cairo_pdf_surface_set_size(c->surface, U(w), U(h));
		c->page_w = w;
		c->page_h = h;
	}
}

static void cd_end_page(draw_device *d)
{
	cairo_dev *c = (cairo_dev *)d;
	if (c->pdf)
		cairo_show_page(c->cr);
	check_cr(c, N_("drawing a page"));
}

static void cd_text(draw_device *d, const page_op *o)
{
	cairo_dev *c = (cairo_dev *)d;
	PangoLayoutLine *line = pango_layout_get_line_readonly(o->layout, o->line);
	if (!line)
		return;
	set_rgb(c->cr, o->color);
	cairo_move_to(c->cr, U(o->x), U(o->y));
	pango_cairo_show_layout_line(c->cr, line);
}

static void rounded(cairo_t *cr, double x, double y, double w, double h, double r)
{
	if (r <= 0) {
		cairo_rectangle(cr, x, y, w, h);
		return;
	}
	if (r > w / 2)
		r = w / 2;
	if (r > h / 2)
		r = h / 2;
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
	cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
	cairo_close_path(cr);
}

static void set_stroke(cairo_t *cr, const page_op *o)
{
	set_rgb(cr, o->stroke_color);
	double lw = U(o->line_width);
	cairo_set_line_width(cr, lw);
	if (o->dash == PAGE_DASH_DASHED) {
		double dash[] = {2.2, 1.6};
		cairo_set_dash(cr, dash, 2, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	} else if (o->dash == PAGE_DASH_DOTTED) {
		double dash[] = {0.0, lw * 2.4};
		cairo_set_dash(cr, dash, 2, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	} else {
		cairo_set_dash(cr, NULL, 0, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	}
}

static void cd_rect(draw_device *d, const page_op *o)
{
	cairo_t *cr = ((cairo_dev *)d)->cr;
	if (o->fill) {
		set_rgb(cr, o->fill_color);
		rounded(cr, U(o->x), U(o->y), U(o->w), U(o->h), U(o->radius));
		cairo_fill(cr);
	}
	if (o->stroke) {
		/* Stroke inside the box so that its outer size is the box. */
		double in = U(o->line_width) / 2;
		rounded(cr, U(o->x) + in, U(o->y) + in, U(o->w) - 2 * in, U(o->h) - 2 * in,
			U(o->radius));
		set_stroke(cr, o);
		cairo_stroke(cr);
	}
}

static void cd_line(draw_device *d, const page_op *o)
{
	cairo_t *cr = ((cairo_dev *)d)->cr;
	cairo_move_to(cr, U(o->x), U(o->y));
	cairo_rel_line_to(cr, U(o->w), U(o->h));
	set_stroke(cr, o);
	cairo_stroke(cr);
}

static void cd_path(draw_device *d, const page_op *o)
{
	cairo_t *cr = ((cairo_dev *)d)->cr;
	double ox = U(o->x), oy = U(o->y);
	cairo_new_path(cr);
	for (size_t i = 0; i < o->n_path; i++) {
		const page_path_seg *s = &o->path[i];
		switch (s->verb) {
		case PAGE_PATH_MOVE: cairo_move_to(cr, ox + U(s->x[0]), oy + U(s->y[0])); break;
		case PAGE_PATH_LINE: cairo_line_to(cr, ox + U(s->x[0]), oy + U(s->y[0])); break;
		case PAGE_PATH_CURVE:
			cairo_curve_to(cr, ox + U(s->x[0]), oy + U(s->y[0]), ox + U(s->x[1]),
				       oy + U(s->y[1]), ox + U(s->x[2]), oy + U(s->y[2]));
			break;
		case PAGE_PATH_CLOSE: cairo_close_path(cr); break;
		}
	}
	if (o->fill) {
		set_rgb(cr, o->fill_color);
		if (o->stroke)
			cairo_fill_preserve(cr);
		else
			cairo_fill(cr);
	}
	if (o->stroke) {
		set_stroke(cr, o);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
		cairo_stroke(cr);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
	}
	cairo_new_path(cr);
}

/* Structure element names Cairo 1.16 accepts; any other name makes
 * cairo_surface_finish fail with a tag error (platform notes 4). */
static bool known_struct(const char *name)
{
	static const char *const ok[] = {"Figure", "Caption", "Div", "Sect", "P", "Table",
					 "H1", "H2", "H3", "BlockQuote", "L", "LI", "Lbl",
					 "LBody", "TR", "TH", "TD", "TOC", "TOCI"};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		if (strcmp(name, ok[i]) == 0)
			return true;
	return false;
}

static void cd_tag_begin(draw_device *d, const char *name, const char *title)
{
	cairo_dev *c = (cairo_dev *)d;
	if (!c->pdf)
		return;
	if (!known_struct(name)) {
		draw_device_fail(d, "unknown structure element \"%s\"", name);
		return;
	}
	/* Cairo 1.16 drops attributes of structure tags: the text
	 * alternative goes to /Alt after Cairo (draw_pdfua.c). */
	if (strcmp(name, "Figure") == 0) {
		c->ua.figure_alt = xreallocarray(c->ua.figure_alt, c->ua.n_figures + 1,
						 sizeof *c->ua.figure_alt);
		c->ua.figure_alt[c->ua.n_figures++] = xstrdup(title ? title : "");
	}
	/* A heading never skips a level (PDF/UA-1 7.4.2): one below no parent
	 * moves up, as its outline entry does (cd_outline), so that the
	 * headings and the outline keep the same tree (an identity sheet
	 * starts at level 2). */
	char hn[3] = "H1";
	if (name[0] == 'H' && name[1] >= '1' && name[1] <= '6' && !name[2]) {
		int lv = name[1] - '0';
		if (lv > c->last_heading + 1)
			lv = c->last_heading + 1;
		c->last_heading = lv;
		hn[1] = (char)('0' + lv);
		name = hn;
	}
	cairo_tag_begin(c->cr, name, NULL);
	c->tags = xreallocarray(c->tags, c->n_tags + 1, sizeof *c->tags);
	c->tags[c->n_tags++] = xstrdup(name);
}

static void cd_tag_end(draw_device *d)
{
	cairo_dev *c = (cairo_dev *)d;
	if (!c->pdf || c->n_tags == 0)
		return;
	char *name = c->tags[--c->n_tags];
	cairo_tag_end(c->cr, name);
	free(name);
}

/* Tag attribute strings are single-quoted: escape quote and backslash. */
static char *quote_attr(const char *s)
{
	strbuf b = {0};
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			strbuf_putc(&b, '\\');
		strbuf_putc(&b, *s);
	}
	return strbuf_detach(&b);
}

static void cd_dest(draw_device *d, const char *name, int x, int y)
{
	cairo_dev *c = (cairo_dev *)d;
	if (!c->pdf)
		return;
	char *q = quote_attr(name);
	char *attr = xasprintf("name='%s' x=%.2f y=%.2f", q, U(x), U(y));
	cairo_tag_begin(c->cr, CAIRO_TAG_DEST, attr);
	cairo_tag_end(c->cr, CAIRO_TAG_DEST);
	free(attr);
	free(q);
}

static bool has_dest(const cairo_dev *c, const char *name)
{
	for (size_t i = 0; i < c->n_dests; i++)
		if (strcmp(c->dests[i], name) == 0)
			return true;
	return false;
}

static void cd_link(draw_device *d, const char *name, int x, int y, int w, int h)
{
	cairo_dev *c = (cairo_dev *)d;
	if (!c->pdf)
		return;
	if (!has_dest(c, name)) {
		draw_device_fail(d, "a link points to \"%s\", which is not in the document", name);
		return;
	}
	/* The rect attribute makes the link a box of its own: begin and end
	 * are on the same page by construction. */
	/* The link's description (/Contents): the title of the section it
	 * leads to, as its outline entry gives it. */
	const char *text = NULL;
	for (size_t i = 0; i < c->n_outline && !text; i++)
		if (strcmp(c->outline_name[i], name) == 0)
			text = c->outline_title[i];
	c->ua.link_text = xreallocarray(c->ua.link_text, c->ua.n_links + 1, sizeof *c->ua.link_text);
	/* In the document's language, like all the PDF's text (not gettext). */
	c->ua.link_text[c->ua.n_links++] = text ? xasprintf("Aller à\xC2\xA0: %s", text)
						  : xstrdup("Aller à une autre page du document");
	char *q = quote_attr(name);
	char *attr = xasprintf("dest='%s' rect=[%.2f %.2f %.2f %.2f]", q, U(x), U(y), U(w), U(h));
	cairo_tag_begin(c->cr, CAIRO_TAG_LINK, attr);
	cairo_tag_end(c->cr, CAIRO_TAG_LINK);
	free(attr);
	free(q);
}

static void cd_outline(draw_device *d, int level, const char *title, const char *name)
{
	cairo_dev *c = (cairo_dev *)d;
	if (!c->pdf || !has_dest(c, name))
		return;
	if (level < 1)
		level = 1;
	if (level > 7)
		level = 7;
	/* Parent: the latest entry one level up (root when none). */
	int parent = CAIRO_PDF_OUTLINE_ROOT;
	for (int l = level - 1; l >= 1; l--)
		if (c->outline_parent[l]) {
			parent = c->outline_parent[l];
			break;
		}
	char *q = quote_attr(name);
	char *target = xasprintf("dest='%s'", q);
	int flags = level == 1 ? CAIRO_PDF_OUTLINE_FLAG_BOLD : 0;
	int id = cairo_pdf_surface_add_outline(c->surface, parent, title, target,
					       (cairo_pdf_outline_flags_t)flags);
	c->outline_parent[level] = id;
	for (int l = level + 1; l < 8; l++)
		c->outline_parent[l] = 0;
	free(target);
	free(q);
}

static cairo_surface_t *image_surface(cairo_dev *c, const char *path)
{
	for (size_t i = 0; i < c->n_images; i++)
		if (!strcmp(c->images[i].path, path))
			return c->images[i].surface;
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	cairo_status_t st = cairo_surface_status(s);
	if (st != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		draw_device_fail(&c->base, "cannot read the image %s: %s", path,
				 st == CAIRO_STATUS_FILE_NOT_FOUND ? _("file not found")
				 : st == CAIRO_STATUS_READ_ERROR   ? _("not a readable PNG")
								   : cairo_status_to_string(st));
		return NULL;
	}
	c->images = xreallocarray(c->images, c->n_images + 1, sizeof *c->images);
	c->images[c->n_images].path = xstrdup(path);
	c->images[c->n_images++].surface = s;
	return s;
}

static void cd_image(draw_device *d, const page_op *o)
{
	cairo_dev *c = (cairo_dev *)d;
	cairo_surface_t *s = image_surface(c, o->name);
	if (!s)
		return;
	int pw = cairo_image_surface_get_width(s), ph = cairo_image_surface_get_height(s);
	if (pw <= 0 || ph <= 0 || o->w <= 0 || o->h <= 0)
		return;
	cairo_save(c->cr);
	cairo_translate(c->cr, U(o->x), U(o->y));
	cairo_scale(c->cr, U(o->w) / pw, U(o->h) / ph);
	cairo_set_source_surface(c->cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(c->cr), CAIRO_FILTER_GOOD);
	cairo_rectangle(c->cr, 0, 0, pw, ph);
	cairo_fill(c->cr);
	cairo_restore(c->cr);
	check_cr(c, N_("drawing an image"));
}

/* Cairo's PDF, completed by libqpdf, into the unnamed file; it is
 * committed only after this succeeds (crash-only output, outfile.h). */
static int complete_pdf(cairo_dev *c)
{
	unsigned char *out;
	size_t len;
	char *err;
	if (pdfua_complete((const unsigned char *)c->pdf_buf.data, c->pdf_buf.len, &c->ua, &out, &len,
			   &err) != 0) {
		/* TRANSLATORS: %s is libqpdf's or the structure check's message. */
		draw_device_fail(&c->base, "completing the tagged PDF: %s", err);
		free(err);
		return -1;
	}
	int rc = outfile_write(c->out, out, len);
	int e = errno;
	free(out);
	if (rc != 0) {
		draw_device_fail(&c->base, "%s", strerror(e));
		return -1;
	}
	return 0;
}

static void cd_finish(draw_device *d)
{
	cairo_dev *c = (cairo_dev *)d;
	if (c->pdf) {
		/* An element left open would silently drop the whole tree. */
		while (c->n_tags > 0) {
			char *name = c->tags[--c->n_tags];
			cairo_tag_end(c->cr, name);
			free(name);
		}
		cairo_tag_end(c->cr, "Document");
	}
	cairo_status_t s = cairo_status(c->cr);
	cairo_destroy(c->cr);
	c->cr = NULL;
	if (s == CAIRO_STATUS_SUCCESS)
		s = cairo_surface_status(c->surface);
	/* A surface in error is destroyed, never finished (cd_destroy). */
	if (s == CAIRO_STATUS_SUCCESS && !c->write_errno) {
		if (c->pdf) {
			cairo_surface_finish(c->surface);
			/* Tag errors surface only here (platform notes 9). */
			s = cairo_surface_status(c->surface);
		} else {
			s = cairo_surface_write_to_png_stream(c->surface, write_fd, c);
		}
	}
	if (s != CAIRO_STATUS_SUCCESS || c->write_errno) {
		draw_device_fail(d, "%s",
				 c->write_errno ? strerror(c->write_errno) : cairo_status_to_string(s));
		return;
	}
	if (c->pdf && complete_pdf(c) != 0)
		return;
	if (outfile_commit(c->out) != 0)
		draw_device_fail(d, "%s", strerror(errno));
}

static void cd_destroy(draw_device *d)
{
	cairo_dev *c = (cairo_dev *)d;
	if (c->cr)
		cairo_destroy(c->cr);
	if (c->surface) {
		/* Cairo finishes a surface it destroys; its last writes go to
		 * the stream, which discards them once a write has failed, and
		 * to an unnamed file that is never committed. So the descriptor
		 * closes after. */
		if (!c->write_errno && cairo_surface_status(c->surface) != CAIRO_STATUS_SUCCESS)
			c->write_errno = EIO; /* nothing more reaches the file */
		cairo_surface_destroy(c->surface);
	}
	outfile_destroy(c->out);
	strbuf_free(&c->pdf_buf);
	for (size_t i = 0; i < c->ua.n_figures; i++)
		free(c->ua.figure_alt[i]);
	free(c->ua.figure_alt);
	for (size_t i = 0; i < c->ua.n_links; i++)
		free(c->ua.link_text[i]);
	free(c->ua.link_text);
	free(c->outline_name); /* borrowed from the pages */
	free(c->outline_title);
	for (size_t i = 0; i < c->n_dests; i++)
		free(c->dests[i]);
	free(c->dests);
	for (size_t i = 0; i < c->n_tags; i++)
		free(c->tags[i]);
	free(c->tags);
	for (size_t i = 0; i < c->n_images; i++) {
		free(c->images[i].path);
		cairo_surface_destroy(c->images[i].surface);
	}
	free(c->images);
	free(c->path);
	free(c);
}

static const draw_device_ops cairo_ops = {
	.begin_page = cd_begin_page,
	.end_page = cd_end_page,
	.text_line = cd_text,
	.rect = cd_rect,
	.line = cd_line,
	.dest = cd_dest,
	.link = cd_link,
	.outline = cd_outline,
	.path = cd_path,
	.tag_begin = cd_tag_begin,
	.tag_end = cd_tag_end,
	.image = cd_image,
	.finish = cd_finish,
	.destroy = cd_destroy,
};

static cairo_dev *dev_open(diag_sink *dg, const char *path, const char *what)
{
	cairo_dev *c = xcalloc(1, sizeof *c);
	c->base.ops = &cairo_ops;
	c->out = outfile_open(path);
	c->fd = c->out ? outfile_fd(c->out) : -1;
	c->path = xstrdup(path);
	if (!c->out) {
		/* TRANSLATORS: the first %s is PDF or PNG. */
		diag_emit(dg, DIAG_ERROR, SRC_LOC_NONE, NULL, "cannot write the %s \"%s\": %s", what,
			  path, strerror(errno));
		free(c->path);
		free(c);
		return NULL;
	}
	return c;
}

/* "2024-01-15" -> "2024-01-15T00:00:00Z"; anything else -> NULL (Cairo
 * silently drops a date it cannot parse). */
static char *pdf_date(const char *iso)
{
	if (!iso || strlen(iso) != 10)
		return NULL;
	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? iso[i] != '-' : (iso[i] < '0' || iso[i] > '9'))
			return NULL;
	}
	return xasprintf("%sT00:00:00Z", iso);
}

static int report(diag_sink *dg, cairo_dev *c, const char *what, const char *path)
{
	int rc = draw_device_finish(&c->base);
	if (rc)
		/* TRANSLATORS: the first %s is PDF or PNG. */
		diag_emit(dg, DIAG_ERROR, SRC_LOC_NONE, NULL,
			  "cannot write the %s \"%s\": %s; any previous file is left as it was",
			  what, path, c->base.error ? c->base.error : _("unknown error"));
	draw_device_destroy(&c->base);
	return rc ? -1 : 0;
}

int draw_pdf(diag_sink *dg, const page_list *pages, const doc_meta *meta, const char *path)
{
	cairo_dev *c = dev_open(dg, path, "PDF");
	if (!c)
		return -1;
	c->pdf = true;
	const page *first = page_list_at(pages, 0);
	c->page_w = first ? first->width : 609563; /* A4 */
	c->page_h = first ? first->height : 862095;
	c->surface = cairo_pdf_surface_create_for_stream(write_fd, c, U(c->page_w), U(c->page_h));
	c->cr = cairo_create(c->surface);
	cairo_surface_t *s = c->surface;
	if (meta) {
		if (meta->title)
			cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, meta->title);
		if (meta->author)
			cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, meta->author);
		if (meta->subject)
			cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, meta->subject);
		if (meta->keywords)
			cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, meta->keywords);
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Récit");
	if (meta) {
		c->ua.title = meta->title;
		c->ua.author = meta->author;
		c->ua.subject = meta->subject;
		c->ua.keywords = meta->keywords;
		c->ua.lang = meta->language;
		c->ua.date_iso = meta->date_iso;
	}
	char *date = pdf_date(meta ? meta->date_iso : NULL);
	if (!date) {
		/* Without a date Cairo writes the clock: refuse rather than
		 * produce a file that differs on every run. */
		diag_emit(dg, DIAG_WARNING, SRC_LOC_NONE, NULL,
			  "no valid document date (YYYY-MM-DD); the PDF dates are set to "
			  "2000-01-01 so that the file stays reproducible");
		date = xstrdup("2000-01-01T00:00:00Z");
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	free(date);

	/* Cairo 1.16 makes each link a structure element; without an
	 * enclosing structure tree it writes a reference to an object that
	 * never exists (a damaged file, found with qpdf --check). */
	cairo_tag_begin(c->cr, "Document", NULL);
	size_t np = page_list_count(pages);
	for (size_t i = 0; i < np; i++) {
		const page *pg = page_list_at(pages, i);
		for (size_t k = 0; k < pg->n_ops; k++)
			if (pg->ops[k].kind == PAGE_OP_DEST) {
				c->dests = xreallocarray(c->dests, c->n_dests + 1, sizeof *c->dests);
				c->dests[c->n_dests++] = xstrdup(pg->ops[k].name);
			} else if (pg->ops[k].kind == PAGE_OP_OUTLINE && pg->ops[k].name &&
				   pg->ops[k].title) {
				size_t n = c->n_outline++;
				c->outline_name = xreallocarray(c->outline_name, n + 1, sizeof(char *));
				c->outline_title = xreallocarray(c->outline_title, n + 1, sizeof(char *));
				c->outline_name[n] = pg->ops[k].name;
				c->outline_title[n] = pg->ops[k].title;
			}
	}
	for (size_t i = 0; i < np && !c->base.status; i++)
		draw_device_page(&c->base, page_list_at(pages, i));
	return report(dg, c, "PDF", path);
}

int draw_png(diag_sink *dg, const page_list *pages, size_t page_index, double dpi,
	     const char *path)
{
	const page *pg = page_list_at(pages, page_index);
	if (!pg) {
		diag_emit(dg, DIAG_ERROR, SRC_LOC_NONE, NULL,
			  "cannot write page %zu as PNG: the document has %zu pages", page_index + 1,
			  page_list_count(pages));
		return -1;
	}
	if (!(dpi >= 10 && dpi <= 1200)) {
		diag_emit(dg, DIAG_ERROR, SRC_LOC_NONE, NULL,
			  "PNG resolution %g dpi is out of range (10 to 1200)", dpi);
		return -1;
	}
	cairo_dev *c = dev_open(dg, path, "PNG");
	if (!c)
		return -1;
	double k = dpi / 72.0;
	/* Round up so that the whole page is on the image. */
	double fw = U(pg->width) * k, fh = U(pg->height) * k;
	int w = (int)fw + (fw > (int)fw), h = (int)fh + (fh > (int)fh);
	c->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	c->cr = cairo_create(c->surface);
	cairo_set_source_rgb(c->cr, 1, 1, 1);
	cairo_paint(c->cr);
	cairo_scale(c->cr, k, k);
	draw_device_page(&c->base, pg);
	return report(dg, c, "PNG", path);
}
