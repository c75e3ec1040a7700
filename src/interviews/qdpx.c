/* qdpx.c - read a REFI-QDA .qdpx (zip + project.qde) safely with libzip and map
 * it onto the interviews model (the command is src/cli/cmd_import_qdpx.c). */
#include "qdpx.h"
#include "qdpx_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "csv_read.h"
#include "i18n.h"
#include "parse_fr.h"
#include "util.h"
#include "xml_read.h"
#include "zip_read.h"

/* The kit's cards (annex 1): REFI-QDA has no cards, so an import starts from
 * these, and a "cartes" variable picks among them. */
static const struct {
	const char *id, *label;
	int copies;
} KIT_CARDS[] = {
	{"appris", "J'ai appris…", 1},       {"change", "J'ai changé…", 1},
	{"partage", "J'ai partagé…", 1},     {"rencontre", "J'ai rencontré…", 1},
	{"lien", "J'ai créé un lien…", 1},   {"ameliore", "J'ai amélioré…", 1},
	{"utile", "J'ai été utile…", 1},     {"ressenti", "J'ai ressenti…", 1},
	{"cree", "J'ai créé…", 1},           {"teste", "J'ai testé…", 1},
	{"senti", "Je me suis senti(e)…", 1}, {"aime", "J'ai aimé…", 1},
	{"pas-aime", "Je n'ai pas aimé…", 1}, {"difficile", "J'ai trouvé difficile…", 1},
	{"joker", "JOKER", 3},
};

static bool code_taken(const interviews *iv, const char *id) { return interviews_find_code(iv, id) >= 0; }

static bool is_meta_name(const char *name) { return name[0] == '_'; }

static bool is_noquote_name(const char *name)
{
	char buf[128];
	if (strlen(name) >= sizeof buf)
		return false;
	csv_normalize_name(name, buf, sizeof buf);
	return strcmp(buf, "ne_pas_citer") == 0;
}

static void read_codes(project *p, xmlNode *parent_el, int parent, int depth, bool meta)
{
	for (xmlNode *n = parent_el->children; n; n = n->next) {
		if (!qdpx_named(n, "Code"))
			continue;
		char *guid = qdpx_prop(n, "guid");
		char *name = qdpx_prop(n, "name");
		bool is_meta = meta || is_meta_name(name);
		if (is_meta) {
			if (is_noquote_name(name)) {
				p->meta_noquote = xreallocarray(p->meta_noquote, p->n_noquote + 1,
								sizeof *p->meta_noquote);
				p->meta_noquote[p->n_noquote++] = xstrdup(guid);
			}
			read_codes(p, n, parent, depth, true);
			free(guid);
			free(name);
			continue;
		}
		size_t idx = p->iv->n_codes;
		char *id = qdpx_slug(name, code_taken, p->iv);
		iv_code *c = iv_add_code(p->iv);
		c->id = id;
		c->label = name;
		c->description = xstrdup("");
		c->parent = parent;
		c->depth = depth;
		c->loc = qdpx_at(p, n);
		p->code_guids = xreallocarray(p->code_guids, idx + 1, sizeof *p->code_guids);
		p->code_guids[idx] = guid;
		for (xmlNode *k = n->children; k; k = k->next)
			if (qdpx_named(k, "Description")) {
				free(p->iv->codes[idx].description);
				p->iv->codes[idx].description = qdpx_content(k);
			}
		read_codes(p, n, (int)idx, depth + 1, false);
	}
}

/* The source a case refers to: a TextSource's guid, or (some tools) the guid
 * of one of its selections. NULL when the project has no such source. */
static const char *case_source(const project *p, const char *guid)
{
	for (size_t i = 0; i < p->n_owners; i++)
		if (strcmp(p->owners[i].source, guid) == 0 || strcmp(p->owners[i].selection, guid) == 0)
			return p->owners[i].source;
	return NULL;
}

static void read_owners(project *p, xmlNode *sources)
{
	for (xmlNode *k = sources->children; k; k = k->next) {
		if (!qdpx_named(k, "TextSource"))
			continue;
		char *src = qdpx_prop(k, "guid");
		/* The source itself, then each of its selections. */
		p->owners = xreallocarray(p->owners, p->n_owners + 1, sizeof *p->owners);
		p->owners[p->n_owners++] = (sel_owner){xstrdup(src), xstrdup(src)};
		for (xmlNode *s = k->children; s; s = s->next)
			if (qdpx_named(s, "PlainTextSelection")) {
				p->owners = xreallocarray(p->owners, p->n_owners + 1, sizeof *p->owners);
				p->owners[p->n_owners++] =
					(sel_owner){qdpx_prop(s, "guid"), xstrdup(src)};
			}
		free(src);
	}
}

static void read_cases(project *p, xmlNode *cases)
{
	for (xmlNode *c = cases->children; c; c = c->next) {
		if (!qdpx_named(c, "Case"))
			continue;
		for (xmlNode *s = c->children; s; s = s->next) {
			if (!qdpx_named(s, "SourceRef"))
				continue;
			char *ref = qdpx_prop(s, "targetGUID");
			const char *src = case_source(p, ref);
			if (!src) {
				char *cname = qdpx_prop(c, "name");
				diag_emit(p->d, DIAG_WARNING, qdpx_at(p, s), "targetGUID",
					  "case \"%s\" refers to \"%s\", which is no source or "
					  "selection of the project: its variables are not applied there",
					  cname, ref);
				free(cname);
				free(ref);
				continue;
			}
			for (xmlNode *v = c->children; v; v = v->next) {
				var_value val;
				if (!qdpx_named(v, "VariableValue") || !qdpx_read_value(v, &val))
					continue;
				p->case_vals = xreallocarray(p->case_vals, p->n_case + 1,
							     sizeof *p->case_vals);
				p->case_vals[p->n_case++] = (case_value){xstrdup(src), val};
			}
			free(ref);
		}
	}
}

static void project_free(project *p)
{
	for (size_t i = 0; i < p->iv->n_codes && p->code_guids; i++)
		free(p->code_guids[i]);
	free(p->code_guids);
	for (size_t i = 0; i < p->n_noquote; i++)
		free(p->meta_noquote[i]);
	free(p->meta_noquote);
	for (size_t i = 0; i < p->n_vars; i++) {
		free(p->vars[i].guid);
		free(p->vars[i].label);
		free(p->vars[i].name);
	}
	free(p->vars);
	for (size_t i = 0; i < p->n_case; i++) {
		free(p->case_vals[i].source);
		free(p->case_vals[i].val.var_guid);
		free(p->case_vals[i].val.value);
	}
	free(p->case_vals);
	for (size_t i = 0; i < p->n_owners; i++) {
		free(p->owners[i].selection);
		free(p->owners[i].source);
	}
	free(p->owners);
}

/* project.qde at the root, else the only *.qde there (ATLAS.ti names it
 * after the project). */
static long find_qde(const zip_archive *za)
{
	long qde = zip_archive_find(za, "project.qde");
	for (size_t i = 0; qde < 0 && i < zip_archive_count(za); i++) {
		const char *nm = zip_archive_name(za, i);
		size_t l = strlen(nm);
		if (l > 4 && !strchr(nm, '/') && strcmp(nm + l - 4, ".qde") == 0)
			qde = (long)i;
	}
	return qde;
}

interviews *qdpx_read(diag_sink *d, const char *path, const zip_limits *lim)
{
	zip_archive *za =
		zip_archive_open(d, path, _("a REFI-QDA project (.qdpx, a zip archive)"), lim);
	if (!za)
		return NULL;
	long qde = find_qde(za);
	if (qde < 0) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
			  "expected project.qde at the root of the archive, found none");
		zip_archive_close(za);
		return NULL;
	}
	size_t len = 0;
	char *xml = zip_archive_read(za, (size_t)qde, &len);
	if (!xml) {
		zip_archive_close(za);
		return NULL;
	}
	interviews *iv = iv_new();
	char *qname = xasprintf("%s:%s", path, zip_archive_name(za, (size_t)qde));
	project p = {.d = d, .za = za, .iv = iv, .qde = iv_intern_path(iv, qname)};
	free(qname);
	xmlDoc *x = xml_read_memory(d, p.qde, xml, len, zip_archive_limits(za)->max_entry_bytes);
	free(xml);
	if (!x) {
		zip_archive_close(za);
		interviews_destroy(iv);
		return NULL;
	}
	xmlNode *root = xmlDocGetRootElement(x);
	if (!qdpx_named(root, "Project") || !root->ns ||
	    strcmp((const char *)root->ns->href, "urn:QDA-XML:project:1.0") != 0) {
		diag_emit(d, DIAG_ERROR, qdpx_at(&p, root), NULL,
			  "expected the root element <Project xmlns=\"urn:QDA-XML:project:1.0\">, "
			  "found <%s>",
			  (const char *)root->name);
		xmlFreeDoc(x);
		zip_archive_close(za);
		interviews_destroy(iv);
		return NULL;
	}
	for (size_t i = 0; i < sizeof KIT_CARDS / sizeof KIT_CARDS[0]; i++) {
		iv_card *c = iv_add_card(iv);
		c->id = xstrdup(KIT_CARDS[i].id);
		c->label = xstrdup(KIT_CARDS[i].label);
		c->copies = KIT_CARDS[i].copies;
	}
	for (xmlNode *n = root->children; n; n = n->next) {
		if (qdpx_named(n, "CodeBook"))
			for (xmlNode *k = n->children; k; k = k->next)
				if (qdpx_named(k, "Codes"))
					read_codes(&p, k, -1, 0, false);
		if (qdpx_named(n, "Variables"))
			qdpx_read_variables(&p, n);
		if (qdpx_named(n, "Sources"))
			read_owners(&p, n);
	}
	for (xmlNode *n = root->children; n; n = n->next)
		if (qdpx_named(n, "Cases"))
			read_cases(&p, n);
	for (xmlNode *n = root->children; n; n = n->next) {
		if (!qdpx_named(n, "Sources"))
			continue;
		for (xmlNode *k = n->children; k; k = k->next) {
			if (qdpx_named(k, "TextSource"))
				qdpx_read_source(&p, k);
			else if (k->type == XML_ELEMENT_NODE)
				diag_emit(d, DIAG_WARNING, qdpx_at(&p, k), NULL,
					  "<%s> is not a text source: ignored", (const char *)k->name);
		}
	}
	if (iv->n_codes == 0)
		diag_emit(d, DIAG_ERROR, SRC_LOC(p.qde, 0, 0), NULL,
			  "expected a codebook (CodeBook/Codes/Code), found no code");
	qdpx_report_variables(&p);
	if (p.n_skipped)
		diag_emit(d, DIAG_WARNING, SRC_LOC(p.qde, 0, 0), NULL,
			  "%zu selection(s) or source(s) not imported (each is reported above); "
			  "the rest is imported",
			  p.n_skipped);
	project_free(&p);
	xmlFreeDoc(x);
	zip_archive_close(za);
	return iv;
}
