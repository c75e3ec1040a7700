/* tmpl_int.h - what the three template files share: the loaded file set,
 * the expansion context, expression evaluation and name suggestions. */
#ifndef RECIT_TMPL_INT_H
#define RECIT_TMPL_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "tmpl.h"
#include "util.h"

/* One parsed file. Elements <inclure> and <texte> have their target file in
 * node->_private (set at load), so expansion never touches the file system. */
typedef struct {
	char *path; /* as printed in messages: "layouts/rapport.xml" */
	xmlDocPtr xml;
	bool narrative;
} tmpl_file;

struct tmpl {
	tmpl_file **files;
	size_t n_files;
	tmpl_file *main;
	char *keywords; /* <modele mots-cles> of the main template */
};

/* A loop variable: a figure of a group, or a year. */
typedef struct {
	const char *name;
	const stat_figure *fig; /* NULL for a year */
	const char *key;        /* figure id without its group prefix */
	int year;
} tmpl_var;

#define TMPL_MAX_VARS 16

/* Expansion state, shared by tmpl_expand.c and tmpl_expr.c. */
typedef struct {
	diag_sink *d;
	const tmpl *t;
	const model *m;
	const stats *s;
	doc *out;
	int k; /* privacy threshold */
	tmpl_var vars[TMPL_MAX_VARS];
	size_t n_vars;
	int level;        /* heading level of the enclosing partie/section */
	bool numbering;   /* <modele numerotation="oui"> */
	int part_no;      /* parts numbered so far */
	int errors;
	strbuf reported;  /* "file:line:message\n" already printed (loops repeat) */
	strbuf ids;       /* "\nid\n" of every heading, for duplicates */
} tmpl_ctx;

typedef enum { TMPL_MARKUP, TMPL_PLAIN } tmpl_mode;

/* Report an error once per place and message (a loop would repeat it). */
void tmpl_error(tmpl_ctx *x, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Expand "{...}" expressions in src and append to out. In markup mode the
 * literal text and the data are escaped for doc markup; in plain mode (ids)
 * nothing is. Runs of white space become one space, and leading white space
 * is dropped while *at_space is true (pass NULL to keep white space as is).
 * line is the line of src's first character; newlines in src advance it. */
void tmpl_eval(tmpl_ctx *x, const char *file, int line, const char *src, tmpl_mode mode,
	       strbuf *out, bool *at_space);
/* Same, into a new string. */
char *tmpl_eval_str(tmpl_ctx *x, const char *file, int line, const char *src, tmpl_mode mode);

/* Small-cell rule: "<k" markup or the count; returns whether suppressed.
 * Counts of KPAs ("reseau.*") are not about people and are never hidden. */
bool tmpl_count_text(const tmpl_ctx *x, const stat_figure *f, char *buf, size_t cap);
/* "73 %", or the count text when suppressed or not a share. */
char *tmpl_share_text(const tmpl_ctx *x, const stat_figure *f);
/* The variable named name (innermost first), or NULL. */
const tmpl_var *tmpl_var_lookup(const tmpl_ctx *x, const char *name);

/* The candidate nearest to name (case-insensitive edit distance), or NULL
 * when none is close enough to be a plausible typo. */
const char *tmpl_suggest(const char *name, const char *const *cands, size_t n);
/* " (did you mean \"x\"?)" or "" — a static buffer, use it at once. */
const char *tmpl_did_you_mean(const char *name, const char *const *cands, size_t n);
/* Same over every figure id and the report settings. */
const char *tmpl_did_you_mean_figure(const stats *s, const char *name);

/* Line of a node (libxml2 with XML_PARSE_BIG_LINES). */
int tmpl_line(const xmlNode *n);
/* Attribute value (xmlChar is UTF-8 bytes) or NULL; the caller frees with xmlFree. */
char *tmpl_attr(const xmlNode *n, const char *name);

#endif
