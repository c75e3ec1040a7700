/* tmpl_interviews.h - what the template engine prints from the coded
 * interviews (docs/templates.md, « Entretiens »): the effects chapter, a
 * segment against all interviews, the cards picked, the cards to cut out and
 * blank forms. This header holds the part other code may call directly: the
 * attribution line of a quote, coarsened for privacy. */
#ifndef RECIT_TMPL_INTERVIEWS_H
#define RECIT_TMPL_INTERVIEWS_H

#include "diag.h"
#include "interview.h"
#include "interview_quotes.h"

/* How much of the speaker's profile an attribution line shows. */
typedef enum {
	TMPL_IV_ATTR_FULL,     /* coopérante, 40-54 ans, Coop Manau */
	TMPL_IV_ATTR_NO_KPA,   /* coopérante, 40-54 ans */
	TMPL_IV_ATTR_NO_AGE,   /* coopérante, Coop Manau */
	TMPL_IV_ATTR_ROLE,     /* coopérante */
	TMPL_IV_ATTR_NEUTRAL,  /* coopérant·e */
} tmpl_iv_attr_level;

/* The most detailed profile that at least k interviews share with the
 * speaker of q, trying in order: role + age band + KPA, role + age band,
 * role + KPA, role, and finally the neutral « coopérant·e ». A reader who
 * knows a KPA must not be able to tell which of its members spoke: a line
 * that fits fewer than k interviews would point at a person. k <= 1 keeps
 * the full line. */
tmpl_iv_attr_level tmpl_iv_attribution_level(const interviews *iv, const iv_quote *q, int k);

/* The attribution line at that level, plain UTF-8 (escape it for markup);
 * free it. NULL only when quotes_attribution reports an error to d. */
char *tmpl_iv_attribution(diag_sink *d, const interviews *iv, const iv_quote *q, int k);

#endif
