/* strset.c - a set of strings (strset.h). */
#include "strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct strset {
	char **slot; /* NULL: empty */
	size_t n, cap; /* cap: 0 or a power of two, at least twice n */
};

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return h;
}

strset *strset_create(void)
{
	return xcalloc(1, sizeof(strset));
}

void strset_destroy(strset *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	free(set);
}

/* The slot of s, or of the empty place where it would go. */
static size_t find(char **slot, size_t cap, const char *s)
{
	size_t j = (size_t)fnv1a(s) & (cap - 1);
	while (slot[j] && strcmp(slot[j], s) != 0)
		j = (j + 1) & (cap - 1);
	return j;
}

bool strset_add(strset *set, const char *s)
{
	if (2 * (set->n + 1) > set->cap) {
		size_t cap = set->cap ? 2 * set->cap : 64;
		char **t = xcalloc(cap, sizeof *t);
		for (size_t i = 0; i < set->cap; i++)
			if (set->slot[i])
				t[find(t, cap, set->slot[i])] = set->slot[i];
		free(set->slot);
		set->slot = t;
		set->cap = cap;
	}
	size_t j = find(set->slot, set->cap, s);
	if (set->slot[j])
		return false;
	set->slot[j] = xstrdup(s);
	set->n++;
	return true;
}
