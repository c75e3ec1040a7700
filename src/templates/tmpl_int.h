/* tmpl_int.h - what the template files share: the loaded file set, the
 * expansion context, and the helpers every element handler uses. The files
 * are layered so that no file calls one above it (tests/arch, arch.links):
 *
 *   tmpl_diag      messages once per place, line numbers, origins
 *   tmpl_year      the network's and the year's facts (recit.xml...)
 *   tmpl_fiche     the per-KPA scope of identity sheets, and <fiches>
 *   tmpl_expr      "{id|format}" expressions
 *   tmpl_read      attributes with their expressions, figures and groups
 *                  they name, inline text
 *   tmpl_flow      loops, conditionals and includes, in every context
 *   tmpl_outline, tmpl_text, tmpl_tiles, tmpl_charts, tmpl_tables,
 *   tmpl_image, tmpl_interviews, tmpl_iv_segment
 *                  the elements, each file with its entries of the element
 *                  table (tmpl_elems.h)
 *   tmpl_elems     the table: every family of elements gathered
 *   tmpl_load      reading and checking files against the table
 *   tmpl_expand    the dispatch of body elements and tmpl_build*
 *
 * An element whose content is more body (a part, <ensemble>, a narrative
 * file, a sheet) expands it through tmpl_ctx.expand_body, a function
 * pointer set by tmpl_expand.c, rather than by calling up. */
#ifndef RECIT_TMPL_INT_H
#define RECIT_TMPL_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "strset.h"
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
	size_t bytes; /* size of the file, counted by the include budget */
} tmpl_file;

/* Limits of <inclure> at expansion (docs/templates.md, « Limits »): how deep
 * includes nest, and how many bytes of template text all the includes of a
 * build bring in (each time a file is included, its size). A few kilobytes
 * that include each other ten times over, level after level, would
 * otherwise expand for minutes and exhaust memory. */
#define TMPL_MAX_INCLUDE_DEPTH 16
#define TMPL_MAX_INCLUDED_BYTES ((size_t)64 << 20)


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
	/* Set by a build that expanded <fiches> (tmpl_sheets_expanded): a
	 * record of what was done, not part of what the templates say, hence
	 * written through a const tmpl. */
	bool sheets_expanded;
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

typedef struct tmpl_ctx tmpl_ctx;

/* Expansion state, shared by every file that expands elements. */
struct tmpl_ctx {
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
	int include_depth;     /* <inclure> being expanded */
	size_t included_bytes; /* what the includes have brought in so far */
	bool include_limit_hit; /* reported once; no more includes expanded */
	/* Ids of every heading, for duplicates (each of 10,000 sheets has
	 * its own). */
	strset *ids;
	/* Identity-sheet scope (tmpl_fiche.c): the KPA whose sheet is being
	 * expanded (NULL outside a sheet), its sheet file (NULL: none), and
	 * whether the sheet's compact variant is wanted. */
	const model_kpa *kpa;
	const struct kpa_fiche *fiche;
	bool compact;
	char *year_cities; /* {reseau.villes}, made on first use (tmpl_year.c) */
	/* Expand the element children of parent as body blocks (set by
	 * tmpl_expand.c: handlers recurse through it, not by calling up). */
	void (*expand_body)(tmpl_ctx *x, const tmpl_file *f, xmlNode *parent);
};

typedef enum { TMPL_MARKUP, TMPL_PLAIN } tmpl_mode;

/* ---- tmpl_diag.c ------------------------------------------------------------ */

/* Report an error (a warning) once per place and message (a loop would
 * repeat it). */
void tmpl_error(tmpl_ctx *x, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void tmpl_warning(tmpl_ctx *x, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Line of a node (libxml2 with XML_PARSE_BIG_LINES). */
int tmpl_line(const xmlNode *n);
/* The place a block comes from: the file and the line of n. */
src_loc tmpl_origin(const tmpl_file *f, const xmlNode *n);
/* doc_add_chart, the chart's block coming from n. */
doc_chart *tmpl_add_chart(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, doc_chart_type type,
			  const char *title, const char *note);

/* ---- tmpl_expr.c ------------------------------------------------------------ */

/* Expand "{...}" expressions in src and append to out. In markup mode the
 * literal text and the data are escaped for doc markup; in plain mode (ids)
 * nothing is. Runs of white space become one space, and leading white space
 * is dropped while *at_space is true (pass NULL to keep white space as is).
 * line is the line of src's first character; newlines in src advance it. */
void tmpl_eval(tmpl_ctx *x, const char *file, int line, const char *src, tmpl_mode mode,
	       strbuf *out, bool *at_space);
/* Same, into a new string. */
char *tmpl_eval_str(tmpl_ctx *x, const char *file, int line, const char *src, tmpl_mode mode);

/* A figure as the disclosure module lets it be printed: "&lt; k" markup,
 * « s », or the count; returns whether withheld. */
bool tmpl_count_text(const tmpl_ctx *x, const stat_figure *f, char *buf, size_t cap);
/* "73 %", or the count text when withheld, not a share, or when its base is
 * withheld. */
char *tmpl_share_text(const tmpl_ctx *x, const stat_figure *f);
/* The base of a share or group ("n = ..."), as markup: the base figure's
 * number, or its symbol when withheld. Returns buf. */
const char *tmpl_base_text(const tmpl_ctx *x, const char *base_id, long long base, char *buf,
			   size_t cap);

/* The variable named name (innermost first), or NULL. */
const tmpl_var *tmpl_var_lookup(const tmpl_ctx *x, const char *name);

/* text_did_you_mean (text.h) over every figure id and the report settings. */
text_hint tmpl_did_you_mean_figure(const stats *s, const char *name);

/* ---- tmpl_read.c ------------------------------------------------------------ */

/* Whether n is an element named name. */
bool tmpl_is(const xmlNode *n, const char *name);
/* Whether n has the attribute, whatever its value. */
bool tmpl_has_attr(const xmlNode *n, const char *name);
/* An attribute with its expressions expanded; dflt (itself an expression)
 * when absent; NULL when absent without default. Free it. */
char *tmpl_attr_eval(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const char *name,
		     tmpl_mode mode, const char *dflt);
/* Whether the attribute is there with exactly this value. */
bool tmpl_attr_is(const xmlNode *n, const char *name, const char *value);
/* A whole-number attribute in [lo, hi], dflt when absent; errors reported. */
long long tmpl_attr_int(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const char *name,
			long long lo, long long hi, long long dflt);
/* A figure named by an attribute: an id (expressions allowed, "ca.{$k.cle}")
 * or a loop variable ("$k"). *missing receives the id when no figure has it
 * (and no error is reported) if missing is not NULL. */
const stat_figure *tmpl_figure_attr(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n,
				    const char *attr, char **missing);
/* The group named by the attribute "groupe"; an unknown one is reported
 * when report is set. NULL when absent or unknown. */
const stat_group *tmpl_group_attr(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, bool report);
/* Figure indices of a group in display order: the group's own order, or by
 * value (tri), without zeros if asked (zeros="non"). Free it. */
size_t *tmpl_group_order(const tmpl_ctx *x, const stat_group *g, const xmlNode *n, size_t *count);
/* « Base : label (n = 267). » under a figure drawn from a group. */
char *tmpl_base_note(const tmpl_ctx *x, const stat_group *g);
/* What the marks of withheld figures mean, for the note of a block that
 * shows them: « < k : moins de k personnes », « s : secret statistique »,
 * only the marks shown. withheld_text says whether a printed text is such
 * a mark (tmpl_count_text's « < k » or « s »), and which. */
typedef enum { TMPL_MARK_NONE = 0, TMPL_MARK_BELOW_K = 1, TMPL_MARK_SECRET = 2 } tmpl_mark;
tmpl_mark tmpl_withheld_mark(const char *markup);
char *tmpl_marks_note(const tmpl_ctx *x, unsigned marks);
/* The markup of a text element: its text and <em>/<fort> children, white
 * space collapsed and trimmed. */
char *tmpl_inline_markup(tmpl_ctx *x, const tmpl_file *f, xmlNode *n);
/* A positive decimal number, "2.4" or "2,4" (never the locale's); *ok is
 * false for anything else. */
double tmpl_parse_width(const char *s, bool *ok);

/* ---- tmpl_flow.c ------------------------------------------------------------ */

/* Called for each element child of a context (body, tiles, table rows...). */
typedef void (*tmpl_visit_fn)(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg);
/* Call visit for each element child of parent, resolving loops,
 * conditionals and includes on the way, so every context gets them. */
void tmpl_walk(tmpl_ctx *x, const tmpl_file *f, xmlNode *parent, tmpl_visit_fn visit, void *arg);

/* ---- tmpl_year.c: the facts of the network and the year ------------------------ */

/* The references tmpl_year_ref knows, for suggestions. */
#define TMPL_N_YEAR_NAMES 6
extern const char *const tmpl_year_names[TMPL_N_YEAR_NAMES];
/* "reseau.nom", "kit.cartes"...: returns 1 with *text set, 2 with *n set, 0
 * when ref is none of them, -1 after an error (the fact is absent). */
int tmpl_year_ref(tmpl_ctx *x, const char *file, int line, const char *ref, const char **text,
		  long long *n);
/* <si donnee="...">: whether the year folder gives that fact. */
bool tmpl_year_cond(tmpl_ctx *x, const tmpl_file *f, xmlNode *n);
/* The timeline named by evenements="histoire|ateliers" of n; NULL when the
 * attribute is absent or unknown (reported). */
const model_timeline *tmpl_year_timeline(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n);
/* <graphique type="carte">: one category per city of kpa.csv (in order),
 * series 0 its KPAs, 1 and 2 its longitude and latitude (lieux.csv; missing
 * when the city has no place). */
void tmpl_year_map(tmpl_ctx *x, doc_chart *c);
/* v in French words for 0 to 99 ("dix-sept"); false outside. */
bool tmpl_number_words(long long v, char *buf, size_t cap);
/* Release what the build kept (the list of cities). */
void tmpl_year_finish(tmpl_ctx *x);

/* ---- tmpl_fiche.c: identity sheets ------------------------------------------- */

/* A KPA's field by its template name ("nom", "ville", "departement-nom",
 * "annee"...), or NULL for an unknown name; buf holds numbers. */
const char *tmpl_kpa_field(const model_kpa *k, const char *field, char *buf, size_t cap);
/* The field names tmpl_kpa_field knows, for suggestions. */
#define TMPL_N_KPA_FIELDS 7
extern const char *const tmpl_kpa_fields[TMPL_N_KPA_FIELDS];
/* "kpa.<field>" and "fiche.<field>" inside a sheet: returns 1 with *text
 * set, 0 when ref is not a sheet reference, -1 after an error. */
int tmpl_fiche_ref(tmpl_ctx *x, const char *file, int line, const char *ref, const char **text,
		   char *buf, size_t cap);
/* <si champ="...">: whether the field has text. */
bool tmpl_fiche_cond(tmpl_ctx *x, const tmpl_file *f, xmlNode *n);
/* Expand the sheet template g for the KPA k, whose figures are s_k and
 * whose sheet file is fiche (NULL: none). */
void tmpl_fiche_expand_sheet(tmpl_ctx *x, const tmpl_file *g, size_t k, const kpa_fiche *fiche,
			     const stats *s_k);

/* ---- tmpl_interviews.c -------------------------------------------------------- */

/* Release what the interview elements kept during one build. */
void tmpl_iv_finish(tmpl_ctx *x);

#endif
