/* qdpx_int.h - what the files of the REFI-QDA import share (qdpx.c: the
 * archive, the codebook and the cases; qdpx_vars.c: variables;
 * qdpx_source.c: sources and their selections). */
#ifndef RECIT_QDPX_INT_H
#define RECIT_QDPX_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <libxml/tree.h>

#include "diag.h"
#include "interview_int.h"
#include "util.h"
#include "xml_read.h"
#include "zip_read.h"

typedef struct {
	char *guid;
	char *label; /* as the tool wrote it */
	char *name;  /* normalised (qdpx_var_normalize) */
	int slot;    /* what Récit reads it as (qdpx_vars.c), or -1 */
	size_t n_values, n_applied, n_malformed;
} var_def;

typedef struct {
	char *var_guid; /* the Variable's guid */
	char *value;
} var_value;

/* A case's variables apply to the sources it refers to. */
typedef struct {
	char *source;  /* guid of a TextSource */
	var_value val;
} case_value;

/* A selection guid and the source that holds it: tools refer to a case's
 * source through either. */
typedef struct {
	char *selection;
	char *source;
} sel_owner;

typedef struct {
	diag_sink *d;
	zip_archive *za;
	interviews *iv;
	const char *qde;   /* "file.qdpx:project.qde", interned */
	char **code_guids; /* per imported code */
	char **meta_noquote; /* guids of "_Ne pas citer" codes */
	size_t n_noquote;
	var_def *vars;
	size_t n_vars;
	case_value *case_vals;
	size_t n_case;
	sel_owner *owners;
	size_t n_owners;
	size_t n_skipped; /* selections not imported, each reported */
} project;

static inline bool qdpx_named(xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Absent attributes read as "": REFI-QDA leaves many optional. */
static inline char *qdpx_prop(xmlNode *n, const char *name)
{
	char *s = xml_attr_dup(n, name);
	return s ? s : xstrdup("");
}

static inline char *qdpx_content(xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s = xstrdup(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

static inline src_loc qdpx_at(const project *p, xmlNode *n)
{
	return SRC_LOC(p->qde, (int)xmlGetLineNo(n), 0);
}

/* qdpx_vars.c */
void qdpx_read_variables(project *p, xmlNode *vars);
const var_def *qdpx_var(const project *p, const char *guid);
/* A VariableValue element as (variable guid, value). */
bool qdpx_read_value(xmlNode *vv, var_value *out);
/* Apply one value to an interview; *miss and *consent as in read_source. */
void qdpx_apply_var(project *p, xmlNode *src, iv_interview *it, unsigned *miss,
		    const var_value *v, int *consent);
/* One line per variable of the project: read as what, or not imported. */
void qdpx_report_variables(const project *p);

/* qdpx_source.c */
char *qdpx_slug(const char *name, bool (*taken)(const interviews *, const char *),
		const interviews *iv);
void qdpx_read_source(project *p, xmlNode *src);

#endif
