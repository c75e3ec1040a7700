/* tmpl_styles.c - layouts/styles.xml: the palette and the text styles of the
 * report (docs/templates.md « Styles and palette »), read safely, checked
 * with file:line messages and "did you mean" suggestions, into a plain
 * style_sheet that the typesetter copies. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "tmpl.h"
#include "tmpl_int.h"
#include "xml_read.h"

#define STYLES_FILE "styles.xml"
#define MAX_STYLES_BYTES ((size_t)1 << 20)

typedef struct {
	diag_sink *d;
	const char *path;
	int errors;
} sloader;

static void serr(sloader *l, int line, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void serr(sloader *l, int line, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vemit(l->d, DIAG_ERROR, SRC_LOC(l->path, line, 0), field, fmt, ap);
	va_end(ap);
	l->errors++;
}

static const char *const color_attrs[] = {"nom", "valeur"};
static const char *const style_attrs[] = {"nom",	 "famille",    "taille",  "graisse",
					  "italique",	 "interligne", "couleur", "justifie",
					  "cesure",	 "alignement", "approche", "variantes"};
static const char *const page_attrs[] = {"marge-haut",    "marge-bas",	"marge-gauche",
					 "marge-droite",  "entete-gauche", "entete-droite",
					 "pied"};
static const char *const break_attrs[] = {"bloc", "orphelines", "veuves"};
static const char *const elem_names[] = {"couleur", "style", "page", "coupure"};
static const char *const yes_no[] = {"oui", "non"};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* "expected one of a, b, c, found "x" (did you mean "y"?)" */
static int pick(sloader *l, int line, const char *field, const char *val,
		const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], val))
			return (int)i;
	strbuf b = {0};
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&b, "%s%s", i ? ", " : "", names[i]);
	serr(l, line, field, "expected one of %s, found \"%s\"%s", b.data, val,
	     text_did_you_mean(val, names, n).s);
	strbuf_free(&b);
	return -1;
}

/* A decimal number as written in the file ("10.5", "-0.2"), read without
 * the locale and exactly as the compiler reads the same literal. */
static bool parse_number(const char *s, double *out)
{
	bool neg = *s == '-';
	if (neg)
		s++;
	unsigned long long mant = 0;
	int digits = 0, decimals = 0;
	bool dot = false;
	for (; *s; s++) {
		if (*s == '.' && !dot && digits) {
			dot = true;
			continue;
		}
		if (*s < '0' || *s > '9' || digits >= 15)
			return false;
		mant = mant * 10 + (unsigned long long)(*s - '0');
		digits++;
		decimals += dot;
	}
	if (!digits || (dot && !decimals))
		return false;
	double scale = 1;
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	*out = (neg ? -(double)mant : (double)mant) / scale;
	return true;
}

static bool number_attr(sloader *l, int line, const char *field, const char *val, double lo,
			double hi, double *out)
{
	double v;
	if (!parse_number(val, &v) || v < lo || v > hi) {
		serr(l, line, field, "expected a number from %g to %g (a dot for decimals), found \"%s\"",
		     lo, hi, val);
		return false;
	}
	*out = v;
	return true;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* OpenType features: 4-letter tags, comma-separated ("tnum", "tnum, lnum"). */
static bool valid_features(const char *s)
{
	if (strlen(s) >= STYLE_FEATURES_MAX)
		return false;
	while (*s) {
		for (int i = 0; i < 4; i++, s++)
			if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
				return false;
		if (*s == '\0')
			return true;
		if (*s++ != ',')
			return false;
		while (*s == ' ')
			s++;
	}
	return false; /* "" is handled by the caller; a trailing comma is not valid */
}

/* Every element name and attribute known; each unknown is reported. */
static bool check_attrs(sloader *l, const xmlNode *n, const char *const *names, size_t nn)
{
	bool ok = true;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		bool known = false;
		for (size_t i = 0; i < nn; i++)
			known |= !strcmp(names[i], an);
		if (!known) {
			serr(l, tmpl_line(n), NULL, "unknown attribute \"%s\" of <%s>%s", an,
			     (const char *)n->name, text_did_you_mean(an, names, nn).s);
			ok = false;
		}
	}
	return ok;
}

static void read_color(sloader *l, const xmlNode *n, style_sheet *out, int *seen)
{
	int line = tmpl_line(n);
	check_attrs(l, n, color_attrs, COUNT(color_attrs));
	char *name = xml_attr_dup(n, "nom"), *val = xml_attr_dup(n, "valeur");
	const char *names[PAL__COUNT];
	for (int c = 0; c < PAL__COUNT; c++)
		names[c] = style_sheet_color_name((style_color)c);
	int c = -1;
	if (!name)
		serr(l, line, NULL, "<couleur> needs \"nom\"");
	else {
		for (int i = 0; i < PAL__COUNT; i++)
			if (!strcmp(names[i], name))
				c = i;
		if (c < 0)
			serr(l, line, "nom", "unknown colour \"%s\"%s", name,
			     text_did_you_mean(name, names, PAL__COUNT).s);
		else if (seen[c]) {
			serr(l, line, "nom", "colour \"%s\" is defined twice (first at line %d)", name,
			     seen[c]);
			c = -1;
		} else
			seen[c] = line;
	}
	if (!val)
		serr(l, line, NULL, "<couleur> needs \"valeur\"");
	else {
		uint32_t v = 0;
		bool ok = val[0] == '#' && strlen(val) == 7;
		for (int i = 1; ok && i < 7; i++) {
			int h = hex_digit(val[i]);
			ok = h >= 0;
			v = v << 4 | (uint32_t)(h & 0xf);
		}
		if (!ok)
			serr(l, line, "valeur", "expected a colour as #RRGGBB (\"#0B4F6C\"), found \"%s\"",
			     val);
		else if (c >= 0)
			out->palette[c] = v;
	}
	free(name);
	free(val);
}

static void read_style(sloader *l, const xmlNode *n, style_sheet *out, int *seen)
{
	int line = tmpl_line(n);
	check_attrs(l, n, style_attrs, COUNT(style_attrs));
	char *name = xml_attr_dup(n, "nom");
	if (!name) {
		serr(l, line, NULL, "<style> needs \"nom\"");
		return;
	}
	const char *names[ST__COUNT];
	for (int s = 0; s < ST__COUNT; s++)
		names[s] = style_sheet_style_name((ts_style)s);
	int s = -1;
	for (int i = 0; i < ST__COUNT; i++)
		if (!strcmp(names[i], name))
			s = i;
	if (s < 0) {
		serr(l, line, "nom", "unknown style \"%s\"%s", name,
		     text_did_you_mean(name, names, ST__COUNT).s);
		free(name);
		return;
	}
	if (seen[s]) {
		serr(l, line, "nom", "style \"%s\" is defined twice (first at line %d)", name, seen[s]);
		free(name);
		return;
	}
	seen[s] = line;
	free(name);

	/* Attributes left out keep the built-in value. */
	style_def sd = out->style[s];
	bool face_ok = true;
	for (size_t k = 1; k < COUNT(style_attrs); k++) {
		const char *an = style_attrs[k];
		char *v = xml_attr_dup(n, an);
		if (!v)
			continue;
		int i;
		if (!strcmp(an, "famille")) {
			const char *fam[STYLE_FAMILY__COUNT];
			strbuf b = {0};
			for (int f = 0; f < STYLE_FAMILY__COUNT; f++) {
				fam[f] = style_family_name((style_family)f);
				strbuf_printf(&b, "%s%s", f ? ", " : "", fam[f]);
			}
			for (i = 0; i < STYLE_FAMILY__COUNT && strcmp(fam[i], v); i++)
				;
			if (i < STYLE_FAMILY__COUNT)
				sd.family = (style_family)i;
			else {
				serr(l, line, an,
				     "font family \"%s\" is not among the shipped fonts%s; available: %s",
				     v, text_did_you_mean(v, fam, STYLE_FAMILY__COUNT).s, b.data);
				face_ok = false;
			}
			strbuf_free(&b);
		} else if (!strcmp(an, "graisse")) {
			const char *w[STYLE_WEIGHT__COUNT];
			for (int k2 = 0; k2 < STYLE_WEIGHT__COUNT; k2++)
				w[k2] = style_weight_name((style_weight)k2);
			if ((i = pick(l, line, an, v, w, STYLE_WEIGHT__COUNT)) >= 0)
				sd.weight = (style_weight)i;
			else
				face_ok = false;
		} else if (!strcmp(an, "alignement")) {
			const char *a[STYLE_ALIGN__COUNT];
			for (int k2 = 0; k2 < STYLE_ALIGN__COUNT; k2++)
				a[k2] = style_align_name((style_align)k2);
			if ((i = pick(l, line, an, v, a, STYLE_ALIGN__COUNT)) >= 0)
				sd.align = (style_align)i;
		} else if (!strcmp(an, "italique") || !strcmp(an, "justifie") ||
			   !strcmp(an, "cesure")) {
			if ((i = pick(l, line, an, v, yes_no, 2)) >= 0) {
				bool yes = i == 0;
				if (an[0] == 'i')
					sd.italic = yes;
				else if (an[0] == 'j')
					sd.justify = yes;
				else
					sd.hyphenate = yes;
			} else if (an[0] == 'i')
				face_ok = false;
		} else if (!strcmp(an, "taille")) {
			number_attr(l, line, an, v, 4, 96, &sd.size);
		} else if (!strcmp(an, "interligne")) {
			double x;
			if (number_attr(l, line, an, v, 0, 3, &x))
				sd.spacing = x;
		} else if (!strcmp(an, "approche")) {
			number_attr(l, line, an, v, -5, 5, &sd.letter_spacing);
		} else if (!strcmp(an, "couleur")) {
			const char *c[PAL__COUNT];
			for (int k2 = 0; k2 < PAL__COUNT; k2++)
				c[k2] = style_sheet_color_name((style_color)k2);
			for (i = 0; i < PAL__COUNT && strcmp(c[i], v); i++)
				;
			if (i < PAL__COUNT)
				sd.color = (style_color)i;
			else
				serr(l, line, an, "unknown colour \"%s\"%s", v,
				     text_did_you_mean(v, c, PAL__COUNT).s);
		} else if (!strcmp(an, "variantes")) {
			if (!*v || valid_features(v))
				snprintf(sd.features, sizeof sd.features, "%s", v);
			else
				serr(l, line, an,
				     "expected OpenType features as 4-letter tags separated by commas "
				     "(\"tnum\"), found \"%s\"",
				     v);
		}
		free(v);
	}
	if (face_ok && !style_face_shipped(sd.family, sd.weight, sd.italic)) {
		strbuf b = {0};
		for (int it = 0; it < 2; it++)
			for (int w = 0; w < STYLE_WEIGHT__COUNT; w++)
				if (style_face_shipped(sd.family, (style_weight)w, it))
					strbuf_printf(&b, "%s%s%s", b.len ? ", " : "",
						      style_weight_name((style_weight)w),
						      it ? " italique" : "");
		serr(l, line, "graisse", "fonts/ has no %s%s face of %s (shipped: %s)",
		     style_weight_name(sd.weight), sd.italic ? " italique" : "",
		     style_family_name(sd.family), b.data);
		strbuf_free(&b);
	}
	out->style[s] = sd;
}

/* <page>: margins and running head/footer. Attributes left out keep the
 * built-in value. */
static void read_page(sloader *l, const xmlNode *n, style_sheet *out, int *seen)
{
	int line = tmpl_line(n);
	if (*seen) {
		serr(l, line, NULL, "<page> is given twice (first at line %d)", *seen);
		return;
	}
	*seen = line;
	check_attrs(l, n, page_attrs, COUNT(page_attrs));
	page_setup ps = out->page;
	double *margin[] = {&ps.margin_top, &ps.margin_bottom, &ps.margin_left, &ps.margin_right};
	const char *heads[PAGE_HEAD__COUNT], *feet[PAGE_FOOT__COUNT];
	for (int i = 0; i < PAGE_HEAD__COUNT; i++)
		heads[i] = page_head_name((page_head)i);
	for (int i = 0; i < PAGE_FOOT__COUNT; i++)
		feet[i] = page_foot_name((page_foot)i);
	for (size_t k = 0; k < COUNT(page_attrs); k++) {
		const char *an = page_attrs[k];
		char *v = xml_attr_dup(n, an);
		if (!v)
			continue;
		int i;
		if (k < 4)
			number_attr(l, line, an, v, PAGE_MARGIN_MIN, PAGE_MARGIN_MAX, margin[k]);
		else if (k < 6) {
			if ((i = pick(l, line, an, v, heads, PAGE_HEAD__COUNT)) >= 0)
				*(k == 4 ? &ps.head_left : &ps.head_right) = (page_head)i;
		} else if ((i = pick(l, line, an, v, feet, PAGE_FOOT__COUNT)) >= 0)
			ps.foot = (page_foot)i;
		free(v);
	}
	out->page = ps;
}

/* A whole number of lines from BREAK_KEEP_MIN to BREAK_KEEP_MAX. */
static void lines_attr(sloader *l, int line, const char *field, const char *val, int *out)
{
	double v;
	if (!parse_number(val, &v) || v != (int)v || v < BREAK_KEEP_MIN || v > BREAK_KEEP_MAX) {
		serr(l, line, field, "expected a whole number of lines from %d to %d, found \"%s\"",
		     BREAK_KEEP_MIN, BREAK_KEEP_MAX, val);
		return;
	}
	*out = (int)v;
}

/* <coupure bloc="…" orphelines="N" veuves="N">: the widows and orphans of
 * one kind of block. Attributes left out keep the built-in value. */
static void read_break(sloader *l, const xmlNode *n, style_sheet *out, int *seen)
{
	int line = tmpl_line(n);
	check_attrs(l, n, break_attrs, COUNT(break_attrs));
	char *name = xml_attr_dup(n, "bloc");
	if (!name) {
		serr(l, line, NULL, "<coupure> needs \"bloc\"");
		return;
	}
	const char *names[BREAK__COUNT];
	for (int b = 0; b < BREAK__COUNT; b++)
		names[b] = break_block_name((break_block)b);
	int b = pick(l, line, "bloc", name, names, BREAK__COUNT);
	if (b >= 0 && seen[b]) {
		serr(l, line, "bloc", "<coupure> of \"%s\" is given twice (first at line %d)", name,
		     seen[b]);
		b = -1;
	}
	free(name);
	if (b < 0)
		return;
	seen[b] = line;
	break_rule r = out->breaks[b];
	char *v = xml_attr_dup(n, "orphelines");
	if (v)
		lines_attr(l, line, "orphelines", v, &r.orphans);
	free(v);
	v = xml_attr_dup(n, "veuves");
	if (v)
		lines_attr(l, line, "veuves", v, &r.widows);
	free(v);
	out->breaks[b] = r;
}

bool tmpl_styles_load(diag_sink *d, const char *layouts_dir, style_sheet *out)
{
	style_sheet_defaults(out);
	char *path = xasprintf("%s/%s", layouts_dir ? layouts_dir : "layouts", STYLES_FILE);
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		free(path); /* an older layouts folder: the built-in look */
		return true;
	}
	sloader l = {d, path, 0};
	xmlDoc *x = xml_read_file(d, path, "style sheet", MAX_STYLES_BYTES);
	if (!x) {
		free(path);
		return false;
	}
	xmlNode *root = xmlDocGetRootElement(x);
	if (strcmp((const char *)root->name, "styles") != 0)
		serr(&l, tmpl_line(root), NULL, "the root element must be <styles>, found <%s>",
		     (const char *)root->name);
	else {
		check_attrs(&l, root, NULL, 0);
		int seen_color[PAL__COUNT] = {0}, seen_style[ST__COUNT] = {0}, seen_page = 0;
		int seen_break[BREAK__COUNT] = {0};
		for (xmlNode *n = root->children; n; n = n->next) {
			if (n->type == XML_ENTITY_REF_NODE) {
				serr(&l, tmpl_line(n), NULL,
				     "entity references such as &%s; are not allowed",
				     (const char *)n->name);
				continue;
			}
			if (n->type == XML_TEXT_NODE && !xmlIsBlankNode(n)) {
				serr(&l, tmpl_line(n), NULL,
				     "unexpected text: write <couleur/>, <style/>, <page/> and "
				     "<coupure/> elements only");
				continue;
			}
			if (n->type != XML_ELEMENT_NODE)
				continue;
			const char *en = (const char *)n->name;
			if (!strcmp(en, "couleur"))
				read_color(&l, n, out, seen_color);
			else if (!strcmp(en, "style"))
				read_style(&l, n, out, seen_style);
			else if (!strcmp(en, "page"))
				read_page(&l, n, out, &seen_page);
			else if (!strcmp(en, "coupure"))
				read_break(&l, n, out, seen_break);
			else {
				serr(&l, tmpl_line(n), NULL, "unknown element <%s>%s", en,
				     text_did_you_mean(en, elem_names, COUNT(elem_names)).s);
				continue;
			}
			for (xmlNode *k = n->children; k; k = k->next)
					if (k->type == XML_ELEMENT_NODE) {
						serr(&l, tmpl_line(k), NULL,
						     "<%s> holds no elements, found <%s>", en,
						     (const char *)k->name);
						break;
					}
		}
	}
	xmlFreeDoc(x);
	free(path);
	if (l.errors)
		style_sheet_defaults(out);
	return l.errors == 0;
}
