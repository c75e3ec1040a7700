/* model_year.c - the facts of the network and of the year that recit.xml
 * states so that the layouts never do: the network's name, its history and
 * the evaluation's workshops (docs/inputs.md, « recit.xml »). Each is
 * optional; a layout leaves out what the year folder does not give. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "model_int.h"
#include "util.h"
#include "xml_read.h"

/* Warn about an attribute the element does not know (a misspelt one would
 * otherwise be silently ignored). */
static void unknown_attrs(diag_sink *d, const char *file, xmlNode *n, const char *known)
{
	for (xmlAttr *a = n->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		size_t len = strlen(name);
		bool found = false;
		for (const char *k = known; *k && !found; k += strlen(k) + 1)
			found = strlen(k) == len && !strcmp(k, name);
		if (!found)
			diag_emit(d, DIAG_WARNING, SRC_LOC(file, (int)xmlGetLineNo(n), 0), name,
				  "unknown attribute of <%s>, ignored", (const char *)n->name);
	}
}

/* <histoire note="..."><evenement date="2017-07" libelle="..."/>...</histoire>
 * (child name: evenement, or atelier in <ateliers>). */
static void read_timeline(diag_sink *d, const char *file, xmlNode *n, model_timeline *t,
			  const char *child)
{
	if (t->present) {
		diag_emit(d, DIAG_WARNING, SRC_LOC(file, (int)xmlGetLineNo(n), 0), NULL,
			  "a second <%s> in <recit>, ignored", (const char *)n->name);
		return;
	}
	unknown_attrs(d, file, n, "note\0");
	t->present = true;
	t->note = xml_attr_dup(n, "note");
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		src_loc at = SRC_LOC(file, (int)xmlGetLineNo(c), 0);
		if (strcmp((const char *)c->name, child) != 0) {
			diag_emit(d, DIAG_WARNING, at, NULL, "expected <%s> in <%s>, found <%s>, ignored",
				  child, (const char *)n->name, (const char *)c->name);
			continue;
		}
		unknown_attrs(d, file, c, "date\0libelle\0");
		char *date = xml_attr_dup(c, "date");
		char *label = xml_attr_dup(c, "libelle");
		if (!date || !*date || !label || !*label) {
			diag_emit(d, DIAG_ERROR, at, !date || !*date ? "date" : "libelle",
				  "expected <%s date=\"2017-04\" libelle=\"...\"/>, found an empty "
				  "or missing attribute",
				  child);
			free(date);
			free(label);
			continue;
		}
		t->events = xreallocarray(t->events, t->n_events + 1, sizeof *t->events);
		t->events[t->n_events++] = (model_event){date, label, at};
	}
}

bool model_year_element(diag_sink *d, model *m, const char *file, xmlNode *n)
{
	const char *name = (const char *)n->name;
	model_year *y = &m->year;
	if (!strcmp(name, "reseau")) {
		unknown_attrs(d, file, n, "nom\0");
		free(y->network_name);
		y->network_name = xml_attr_dup(n, "nom");
		y->network_loc = SRC_LOC(file, (int)xmlGetLineNo(n), 0);
		if (!y->network_name || !*y->network_name) {
			diag_emit(d, DIAG_ERROR, y->network_loc, "nom",
				  "expected the network's name on <reseau>, found nothing");
			free(y->network_name);
			y->network_name = NULL;
		}
		return true;
	}
	if (!strcmp(name, "histoire")) {
		read_timeline(d, file, n, &y->history, "evenement");
		return true;
	}
	if (!strcmp(name, "ateliers")) {
		read_timeline(d, file, n, &y->workshops, "atelier");
		return true;
	}
	return false;
}

static void timeline_free(model_timeline *t)
{
	for (size_t i = 0; i < t->n_events; i++) {
		free(t->events[i].date);
		free(t->events[i].label);
	}
	free(t->events);
	free(t->note);
}

void model_year_free(model_year *y)
{
	free(y->network_name);
	timeline_free(&y->history);
	timeline_free(&y->workshops);
	memset(y, 0, sizeof *y);
}
