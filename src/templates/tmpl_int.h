/* tmpl_int.h - what the three template files share: the loaded file set,
 * the expansion context, expression evaluation and name suggestions. */
#ifndef RECIT_TMPL_INT_H
#define RECIT_TMPL_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "tmpl.h"
#include "text.h"
#include "util.h"
#include "xml_read.h"

/* One parsed file. Elements <inclure> and <texte> have their target file in
 * node->_private (set at load), so expansion never touches the file system. */
typedef struct {
	char *path; /* as printed in messages: "layouts/rapport.xml" */
	xmlDocPtr xml;
	bool narrative;
} tmpl_file;

/* A picture named by <image fichier>, checked at load (a PNG inside the
 * inputs folder, of sane size); the <image> node's _private points here. */
typedef struct {
	char *path; /* inputs folder joined with the name */
	int px_w, px_h;
} tmpl_image;

struct tmpl {
	tmpl_image **images;
	size_t n_images;
	tmpl_file **files;
	size_t n_files;
	tmpl_file *main;
	char *keywords; /* <modele mots-cles> of the main template */
	char *inputs_dir; /* where <fiches> finds inputs/fiches/ (tmpl_fiche.c) */
};

/* A loop variable: a figure of a group, or a year. */
typedef struct {
	const char *name;
	const stat_figure *fig; /* NULL for a year */
	const char *key;        /* figure id without its group prefix */
	int year;
} tmpl_var;

#define TMPL_MAX_VARS 16

struct tmpl_iv_state; /* tmpl_interviews.c */

/* Expansion state, shared by tmpl_expand.c and tmpl_expr.c. */
typedef struct {
	diag_sink *d;
	const tmpl *t;
	const model *m;
	const stats *s;
	const interviews *iv;        /* NULL: no interviews this year */
	struct tmpl_iv_state *ivs;   /* quotes already printed...; made on first use */
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
	/* Identity-sheet scope (tmpl_fiche.c): the KPA whose sheet is being
	 * expanded (NULL outside a sheet), its sheet file (NULL: none), and
	 * whether the sheet's compact variant is wanted. */
	const model_kpa *kpa;
	const struct kpa_fiche *fiche;
	bool compact;
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
/* A KPA's field by its template name ("nom", "ville", "departement-nom",
 * "annee"...), or NULL for an unknown name; buf holds numbers. */
const char *tmpl_kpa_field(const model_kpa *k, const char *field, char *buf, size_t cap);
/* The field names tmpl_kpa_field knows, for suggestions. */
#define TMPL_N_KPA_FIELDS 7
extern const char *const tmpl_kpa_fields[TMPL_N_KPA_FIELDS];

/* The variable named name (innermost first), or NULL. */
const tmpl_var *tmpl_var_lookup(const tmpl_ctx *x, const char *name);

/* text_did_you_mean (text.h) over every figure id and the report settings. */
text_hint tmpl_did_you_mean_figure(const stats *s, const char *name);

/* tmpl_interviews.c: <effets>, <segment>, <cartes-choisies>,
 * <cartes-a-decouper> and <formulaire> (docs/templates.md). */
bool tmpl_iv_element(const xmlNode *n);
void tmpl_iv_body(tmpl_ctx *x, const tmpl_file *f, xmlNode *n);
void tmpl_iv_finish(tmpl_ctx *x);

/* Expand the element children of parent as body blocks (tmpl_expand.c). */
void tmpl_expand_body(tmpl_ctx *x, const tmpl_file *f, xmlNode *parent);

/* Identity sheets (tmpl_fiche.c). tmpl_fiche_ref resolves "kpa.<field>" and
 * "fiche.<field>" inside a sheet: returns 1 with *text set, 0 when ref is
 * not a sheet reference, -1 after an error. tmpl_fiche_cond is
 * <si champ="...">; tmpl_fiches expands <fiches modele="..."/>: one sheet
 * per KPA, each on its own page. */
int tmpl_fiche_ref(tmpl_ctx *x, const char *file, int line, const char *ref, const char **text,
		   char *buf, size_t cap);
bool tmpl_fiche_cond(tmpl_ctx *x, const tmpl_file *f, xmlNode *n);
void tmpl_fiches(tmpl_ctx *x, const tmpl_file *f, xmlNode *n);

/* Line of a node (libxml2 with XML_PARSE_BIG_LINES). */
int tmpl_line(const xmlNode *n);

#endif
