/* interview_quotes.c - deterministic, consent-guarded quote selection and the
 * attribution line. */
#include "interview_quotes.h"

#include <stdlib.h>
#include <string.h>

#include "interview_int.h"
#include "util.h"

typedef struct {
	size_t x;      /* excerpt index */
	bool direct;   /* coded with the code itself */
	size_t ncodes;
} cand;

static int cmp_cand(const void *a, const void *b)
{
	const cand *p = a, *q = b;
	if (p->direct != q->direct)
		return p->direct ? -1 : 1;
	if (p->ncodes != q->ncodes)
		return p->ncodes < q->ncodes ? -1 : 1;
	return p->x < q->x ? -1 : p->x > q->x;
}

/* The one check every returned excerpt passes: kept separate so it is the
 * last word before a text leaves the library. */
static bool quotable(const iv_excerpt *e)
{
	return e->consent && !e->name_refused;
}

size_t quotes_select(const interviews *iv, size_t code, const quote_options *opt, iv_quote *out,
		     size_t cap)
{
	if (!iv || code >= iv->n_codes || !opt || !out)
		return 0;
	size_t want = opt->max_quotes < cap ? opt->max_quotes : cap;
	cand *c = xcalloc(iv->n_excerpts ? iv->n_excerpts : 1, sizeof *c);
	size_t n = 0;
	for (size_t x = 0; x < iv->n_excerpts; x++) {
		const iv_excerpt *e = &iv->excerpts[x];
		if (!quotable(e) || (opt->exclude && opt->exclude[x]))
			continue;
		if ((opt->min_chars && e->n_chars < opt->min_chars) ||
		    (opt->max_chars && e->n_chars > opt->max_chars))
			continue;
		bool direct = false, below = false;
		for (size_t k = 0; k < e->n_codes; k++) {
			direct |= e->codes[k] == code;
			below |= interviews_code_within(iv, e->codes[k], code);
		}
		if (direct || (opt->include_descendants && below))
			c[n++] = (cand){x, direct, e->n_codes};
	}
	qsort(c, n, sizeof *c, cmp_cand);
	bool *taken = xcalloc(n ? n : 1, sizeof *taken);
	bool *kpa_used = xcalloc(iv->n_items + 1, sizeof *kpa_used); /* by first interview of the KPA */
	bool *speaker_used = xcalloc(iv->n_items + 1, sizeof *speaker_used);
	size_t got = 0;
	for (int round = 0; round < 3 && got < want; round++) {
		for (size_t i = 0; i < n && got < want; i++) {
			if (taken[i])
				continue;
			const iv_excerpt *e = &iv->excerpts[c[i].x];
			size_t sp = e->interview;
			/* KPAs are compared by id; kpa_used is indexed by the
			 * first interview that names the KPA. */
			size_t kslot = sp;
			for (size_t j = 0; j < sp; j++)
				if (strcmp(iv->items[j].kpa_id, iv->items[sp].kpa_id) == 0) {
					kslot = j;
					break;
				}
			if (round == 0 && (kpa_used[kslot] || speaker_used[sp]))
				continue;
			if (round == 1 && speaker_used[sp])
				continue;
			if (!quotable(e)) /* cannot happen: filtered above; kept as the guard */
				continue;
			taken[i] = true;
			kpa_used[kslot] = true;
			speaker_used[sp] = true;
			out[got++] = (iv_quote){c[i].x, iv->texts[c[i].x], e->id, iv->items[sp].id};
		}
	}
	free(c);
	free(taken);
	free(kpa_used);
	free(speaker_used);
	return got;
}

char *quotes_attribution(diag_sink *d, const interviews *iv, const iv_quote *q,
			 const char *pattern)
{
	if (!iv || !q || q->excerpt >= iv->n_excerpts || !pattern)
		return NULL;
	const iv_interview *it = &iv->items[iv->excerpts[q->excerpt].interview];
	strbuf b = {0};
	for (const char *p = pattern; *p;) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			strbuf_putc(&b, p[0]);
			p += 2;
			continue;
		}
		if (*p != '{') {
			strbuf_putc(&b, *p++);
			continue;
		}
		const char *end = strchr(p, '}');
		size_t len = end ? (size_t)(end - p - 1) : 0;
		char name[32] = "";
		if (end && len < sizeof name) {
			memcpy(name, p + 1, len);
			name[len] = '\0';
		}
		if (!strcmp(name, "role"))
			strbuf_puts(&b, interviews_role(it->gender));
		else if (!strcmp(name, "genre"))
			strbuf_puts(&b, it->gender == SEX_F ? "femme" : "homme");
		else if (!strcmp(name, "age"))
			strbuf_puts(&b, model_enum_label(ENUM_AGE, it->age_band));
		else if (!strcmp(name, "kpa"))
			strbuf_puts(&b, it->kpa_name);
		else if (!strcmp(name, "anciennete"))
			strbuf_printf(&b, "%d mois", it->months_in_kpa);
		else if (!strcmp(name, "pseudonyme"))
			strbuf_puts(&b, it->pseudonym);
		else {
			diag_emit(d, DIAG_ERROR, SRC_LOC_NONE, "attribution",
				  "expected a field among {role}, {genre}, {age}, {kpa}, "
				  "{anciennete}, {pseudonyme}, found \"%.*s\" in \"%s\"",
				  end ? (int)(end - p + 1) : (int)strlen(p), p, pattern);
			strbuf_free(&b);
			return NULL;
		}
		p = end + 1;
	}
	return strbuf_detach(&b);
}
