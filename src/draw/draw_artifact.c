/* draw_artifact.c - marks as /Artifact the page content Cairo leaves
 * outside every marked-content sequence: running heads, footers, rules,
 * tints, bullets (PDF/UA-1 7.1: content is tagged or an artifact).
 *
 * Cairo 1.16 has no Artifact tag, and libqpdf's C API has no content
 * tokenizer, so this is a small lexer over the decoded content stream (not a
 * PDF parser: the file itself is read and written by libqpdf). It wraps, at
 * marked-content depth 0, whole painting units only: a path from its first
 * construction operator to its painting operator, a Do, an sh, an inline
 * image, and, inside a text object, each text-showing operator. So a new
 * BMC/EMC pair never straddles q/Q or BT/ET. */
#include <stdbool.h>
#include <string.h>

#include "draw_pdfua.h"
#include "util.h"

static bool is_ws(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(unsigned char c)
{
	return strchr("()<>[]{}/%", c) != NULL && c != '\0';
}

typedef struct {
	const unsigned char *s;
	size_t n, i;
} lexer;

/* Skip one operand token at l->i (not whitespace). */
static void skip_operand(lexer *l)
{
	const unsigned char *s = l->s;
	unsigned char c = s[l->i];
	if (c == '(') {
		int depth = 0;
		for (; l->i < l->n; l->i++) {
			if (s[l->i] == '\\') {
				l->i++;
				continue;
			}
			if (s[l->i] == '(')
				depth++;
			else if (s[l->i] == ')' && --depth == 0) {
				l->i++;
				return;
			}
		}
	} else if (c == '<' && l->i + 1 < l->n && s[l->i + 1] == '<') {
		l->i += 2; /* dictionary: its tokens are skipped one by one */
	} else if (c == '>' && l->i + 1 < l->n && s[l->i + 1] == '>') {
		l->i += 2;
	} else if (c == '<') {
		while (l->i < l->n && s[l->i] != '>')
			l->i++;
		l->i++;
	} else if (c == '[' || c == ']' || c == '{' || c == '}') {
		l->i++;
	} else {
		if (c == '/')
			l->i++;
		while (l->i < l->n && !is_ws(s[l->i]) && !is_delim(s[l->i]))
			l->i++;
	}
}

static bool op_is(const unsigned char *s, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(s, name, len) == 0;
}

static bool in_list(const unsigned char *s, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (op_is(s, len, *list))
			return true;
	return false;
}

static const char *const path_ops[] = {"m", "l", "c", "v", "y", "h", "re", NULL};
static const char *const paint_ops[] = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", NULL};
static const char *const text_show[] = {"Tj", "TJ", "'", "\"", NULL};

#define BEGIN_ART "/Artifact BMC\n"
#define END_ART "\nEMC\n"

int artifact_wrap(const unsigned char *in, size_t n, strbuf *out, size_t *wrapped)
{
	lexer l = {in, n, 0};
	int depth = 0;           /* marked-content nesting */
	size_t copied = 0;       /* bytes of in already in out */
	size_t operands = 0;     /* start of the current operator's operands */
	bool have_operands = false;
	long unit = -1;          /* start of an open path unit at depth 0 */
	*wrapped = 0;
	while (l.i < n) {
		unsigned char c = in[l.i];
		if (is_ws(c)) {
			l.i++;
			continue;
		}
		if (c == '%') {
			while (l.i < n && in[l.i] != '\n' && in[l.i] != '\r')
				l.i++;
			continue;
		}
		size_t start = l.i;
		bool operand = c == '(' || c == '<' || c == '>' || c == '[' || c == ']' ||
			       c == '/' || c == '{' || c == '}' || c == '+' || c == '-' ||
			       c == '.' || (c >= '0' && c <= '9');
		if (operand) {
			if (!have_operands) {
				operands = start;
				have_operands = true;
			}
			skip_operand(&l);
			continue;
		}
		while (l.i < n && !is_ws(in[l.i]) && !is_delim(in[l.i]))
			l.i++;
		const unsigned char *op = in + start;
		size_t len = l.i - start;
		if (len == 0) { /* a stray delimiter */
			l.i++;
			continue;
		}
		size_t op_start = have_operands ? operands : start;
		have_operands = false;
		if (op_is(op, len, "BI")) {
			/* Inline image: skip to EI between white space. */
			while (l.i + 2 < n && !(is_ws(in[l.i]) && in[l.i + 1] == 'E' &&
						in[l.i + 2] == 'I' &&
						(l.i + 3 >= n || is_ws(in[l.i + 3]))))
				l.i++;
			l.i += l.i + 3 <= n ? 3 : 0;
			if (depth == 0) {
				strbuf_add(out, (const char *)in + copied, op_start - copied);
				strbuf_puts(out, BEGIN_ART);
				strbuf_add(out, (const char *)in + op_start, l.i - op_start);
				strbuf_puts(out, END_ART);
				copied = l.i;
				(*wrapped)++;
			}
			continue;
		}
		if (op_is(op, len, "BDC") || op_is(op, len, "BMC")) {
			depth++;
			continue;
		}
		if (op_is(op, len, "EMC")) {
			if (depth > 0)
				depth--;
			continue;
		}
		if (depth > 0)
			continue;
		bool whole = in_list(op, len, text_show) || op_is(op, len, "Do") ||
			     op_is(op, len, "sh");
		if (in_list(op, len, path_ops)) {
			if (unit < 0)
				unit = (long)op_start;
			continue;
		}
		size_t from = op_start;
		if (in_list(op, len, paint_ops)) {
			if (unit >= 0)
				from = (size_t)unit;
			unit = -1;
			whole = true;
		}
		if (whole) {
			strbuf_add(out, (const char *)in + copied, from - copied);
			strbuf_puts(out, BEGIN_ART);
			strbuf_add(out, (const char *)in + from, l.i - from);
			strbuf_puts(out, END_ART);
			copied = l.i;
			(*wrapped)++;
		}
	}
	strbuf_add(out, (const char *)in + copied, n - copied);
	return depth == 0 ? 0 : -1;
}
