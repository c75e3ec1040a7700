/* tmpl_image.c - <image fichier largeur legende alt>: a PNG picture of the
 * inputs folder (checked at load, tmpl_load.c), its width and its texts. */
#include <stdlib.h>
#include <string.h>

#include "tmpl_elems.h"

/* "50%" of the text width or "80mm": false for anything else. */
static bool image_width(const char *w, double *fraction, double *mm)
{
	size_t len = strlen(w);
	bool pct = len > 1 && w[len - 1] == '%';
	bool is_mm = len > 2 && !strcmp(w + len - 2, "mm");
	if (!pct && !is_mm)
		return false;
	char *num = xstrdup(w);
	num[len - (pct ? 1 : 2)] = '\0';
	size_t nl = strlen(num);
	while (nl && num[nl - 1] == ' ')
		num[--nl] = '\0';
	bool ok;
	double v = tmpl_parse_width(num, &ok);
	free(num);
	if (ok && pct && v > 0 && v <= 100)
		*fraction = v / 100;
	else if (ok && is_mm && v >= 1 && v <= 1000)
		*mm = v;
	else
		return false;
	return true;
}

static void image(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	const tmpl_image *im = n->_private;
	int line = tmpl_line(n);
	if (!im && tmpl_attr_is(n, "facultatif", "oui"))
		return; /* an optional picture the year folder does not have */
	if (!im) {
		tmpl_error(x, f->path, line, "<image> has no usable file");
		return;
	}
	double fraction = 1, mm = 0;
	char *w = xml_attr_dup(n, "largeur");
	if (w && !image_width(w, &fraction, &mm))
		tmpl_error(x, f->path, line,
			   "\"largeur\": expected a percentage of the text width (1 to "
			   "100 %%, e.g. \"50%%\") or millimetres (e.g. \"80mm\"), found \"%s\"",
			   w);
	free(w);
	char *caption = tmpl_attr_eval(x, f, n, "legende", TMPL_MARKUP, NULL);
	char *alt = tmpl_attr_eval(x, f, n, "alt", TMPL_PLAIN, NULL);
	if (!alt || !*alt) {
		free(alt);
		alt = tmpl_attr_eval(x, f, n, "legende", TMPL_PLAIN, NULL);
	}
	if (!alt || !*alt)
		tmpl_warning(x, f->path, line,
			     "<image> has neither \"alt\" nor \"legende\": a reader who cannot "
			     "see it gets no description");
	doc_block *b = doc_add_image(x->out, im->path, im->px_w, im->px_h, fraction, mm,
				     caption && *caption ? caption : NULL, alt && *alt ? alt : NULL);
	b->origin = tmpl_origin(f, n);
	free(caption);
	free(alt);
}

static const tmpl_elem elems[] = {
	{"image", "a PNG picture of the inputs folder, its width, caption and text alternative",
	 image, NULL, {{"fichier"}, {"largeur"}, {"legende"}, {"alt"}, {"facultatif", "oui", "non"}}},
};

const tmpl_elem_family tmpl_family_image = {elems, sizeof elems / sizeof *elems};
