/* interview_int.h - internals shared by the interview library's files (loader,
 * QDPX import, writer, analysis, quote selection); never included by callers,
 * because it exposes the excerpts' words. */
#ifndef RECIT_INTERVIEW_INT_H
#define RECIT_INTERVIEW_INT_H

#include "interview.h"

struct interviews {
	iv_code *codes;
	size_t n_codes, cap_codes;
	iv_card *cards;
	size_t n_cards, cap_cards;
	iv_interview *items;
	size_t n_items, cap_items;
	iv_excerpt *excerpts;
	size_t n_excerpts, cap_excerpts;
	char **texts; /* texts[i] is the words of excerpts[i] */
	/* After a QDPX import, per interview, the attributes the project did not
	 * give (IV_MISSING_* bits): the writer leaves them empty rather than
	 * inventing a value. NULL after a load. */
	unsigned *missing;
	char **paths; /* interned file names that src_loc points at */
	size_t n_paths;
};

enum {
	IV_MISSING_GENRE = 1,
	IV_MISSING_AGE = 2,
	IV_MISSING_MONTHS = 4,
	IV_MISSING_DATE = 8,
};

interviews *iv_new(void);
const char *iv_intern_path(interviews *iv, const char *path);
/* Append records; the returned pointer is valid until the next append. The
 * caller fills the strings (owned by iv afterwards). */
iv_code *iv_add_code(interviews *iv);
iv_card *iv_add_card(interviews *iv);
iv_interview *iv_add_interview(interviews *iv);
iv_excerpt *iv_add_excerpt(interviews *iv, char *text);

/* Number of UTF-8 code points in s. */
size_t iv_utf8_len(const char *s);
/* Fold s for comparisons (text_normalize): any spelling of the same letters
 * (NFC or NFD, upper or lower case, with or without accents, œ or oe,
 * with invisible characters inside) gives the same bytes. Returns a heap
 * string. */
char *iv_fold(const char *s);

#endif
