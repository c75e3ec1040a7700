/* tmpl_iv_int.h - what the interview elements share (tmpl_interviews.c,
 * tmpl_iv_segment.c): the state of one build, and the privacy rules that
 * turn interview counts into text. */
#ifndef RECIT_TMPL_IV_INT_H
#define RECIT_TMPL_IV_INT_H

#include "effects.h"
#include "tmpl_int.h"
#include "tmpl_interviews.h"

struct tmpl_iv_state {
	bool *printed; /* per excerpt: already quoted in this document */
	effects *all;  /* counts over every interview */
};

/* The state of this build, made on first use. */
struct tmpl_iv_state *tmpl_iv_state_of(tmpl_ctx *x);

/* Without interviews the element cannot say anything: a note holds its
 * place, a warning says why, and this returns false. */
bool tmpl_iv_have(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n);

/* Append a block of kind for n, taking text. */
doc_block *tmpl_iv_append(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, doc_kind kind,
			  char *text);
/* Append q as a quotation with its attribution line, and remember that it
 * was printed. */
void tmpl_iv_quote(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const iv_quote *q);

/* Whether a count of interviews out of base (0: no base printed) is
 * withheld, by the disclosure module's rule (stats_disclose_share): 1 to
 * k - 1, a base under k, or a complement base - n under k. */
bool tmpl_iv_hidden(const tmpl_ctx *x, long long n, long long base);
/* "< 3" (markup) or « s » for a withheld count, else the count. */
char *tmpl_iv_count_text(const tmpl_ctx *x, long long n, long long base);
/* "63 % (19)", or "< 3" without the percent (it would give the count back). */
char *tmpl_iv_share_text(const tmpl_ctx *x, long long n, long long base);

/* Whether the code has sub-codes in the codebook. */
bool tmpl_iv_has_children(const interviews *iv, size_t code);

#endif
