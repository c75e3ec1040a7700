/* draw_pdfua.h - completes Cairo's PDF into a tagged, identified PDF/A-2 +
 * PDF/UA-1 file with libqpdf (internal to the draw stage).
 *
 * Cairo 1.16 writes the structure tree and marked content but cannot write
 * /Alt, /Lang, link descriptions, XMP metadata or an output intent
 * (docs/accessibility.md). This step reads the finished file from memory,
 * adds them, and writes it back with a deterministic /ID. */
#ifndef RECIT_DRAW_PDFUA_H
#define RECIT_DRAW_PDFUA_H

#include <stddef.h>

#include "util.h"

typedef struct {
	const char *title, *author, *subject, *keywords;
	const char *lang;     /* "fr-FR" */
	const char *date_iso; /* "2024-01-15" */
	/* Text alternatives of the Figure elements, in the order they begin. */
	char **figure_alt;
	size_t n_figures;
	/* Descriptions of the Link elements, in the order they begin. */
	char **link_text;
	size_t n_links;
} pdfua_info;

/* Complete the PDF in (n bytes). On success returns 0 and sets *out (free
 * it) and *out_len; on failure returns -1 and sets *err (free it). */
int pdfua_complete(const unsigned char *in, size_t n, const pdfua_info *info, unsigned char **out,
		   size_t *out_len, char **err);

/* draw_artifact.c: copy the content stream in (n bytes) to out with every
 * painting unit outside marked content wrapped in /Artifact BMC ... EMC;
 * *wrapped counts them. Returns 0, or -1 if the marked content of the
 * stream is unbalanced. */
int artifact_wrap(const unsigned char *in, size_t n, strbuf *out, size_t *wrapped);

/* The sRGB IEC61966-2.1 profile (icc-profiles-free), embedded at build time. */
extern const unsigned char recit_srgb_icc[];
extern const size_t recit_srgb_icc_len;

#endif
