/* zip_read.c - untrusted zip archives through libzip (zip_read.h). */
#include "zip_read.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "util.h"

const zip_limits ZIP_LIMITS_DEFAULT = {1000, (size_t)16 << 20, (size_t)64 << 20, 100};

struct zip_archive {
	diag_sink *d;
	const char *path;
	zip_t *za;
	zip_limits lim;
};

/* An entry name that would escape the folder it is extracted to, whatever
 * the reader does with it: absolute, drive-qualified, backslashes, or a ".."
 * component. Récit never extracts, but refusing such an archive outright is
 * the simple rule and says the file was crafted or damaged. */
static bool unsafe_name(const char *name)
{
	if (!*name || name[0] == '/' || strchr(name, '\\'))
		return true;
	if (((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')) &&
	    name[1] == ':')
		return true;
	for (const char *p = name; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return true;
		p += n;
		if (*p == '/')
			p++;
	}
	return false;
}

/* One entry against the limits; adds its size to *total. */
static bool check_entry(zip_archive *a, zip_int64_t i, zip_uint64_t *total)
{
	zip_stat_t st;
	if (zip_stat_index(a->za, (zip_uint64_t)i, ZIP_FL_ENC_RAW, &st) != 0 ||
	    !(st.valid & ZIP_STAT_NAME) || !(st.valid & ZIP_STAT_SIZE) ||
	    !(st.valid & ZIP_STAT_COMP_SIZE)) {
		diag_emit(a->d, DIAG_ERROR, SRC_LOC(a->path, 0, 0), NULL,
			  "entry %lld of the archive cannot be read", (long long)i);
		return false;
	}
	if (unsafe_name(st.name)) {
		diag_emit(a->d, DIAG_ERROR, SRC_LOC(a->path, 0, 0), NULL,
			  "refused: entry \"%s\" has an absolute path or a \"..\" component",
			  st.name);
		return false;
	}
	if (st.size > a->lim.max_entry_bytes) {
		diag_emit(a->d, DIAG_ERROR, SRC_LOC(a->path, 0, 0), NULL,
			  "refused: entry \"%s\" would inflate to %llu bytes, the limit is %zu",
			  st.name, (unsigned long long)st.size, a->lim.max_entry_bytes);
		return false;
	}
	/* Small entries may compress very well (a page of blanks); a large
	 * one that does is a bomb. */
	if (st.size > 65536 && (st.comp_size == 0 || st.size / st.comp_size > a->lim.max_ratio)) {
		diag_emit(a->d, DIAG_ERROR, SRC_LOC(a->path, 0, 0), NULL,
			  "refused: entry \"%s\" inflates %llu bytes to %llu (ratio over %u:1, "
			  "a zip bomb?)",
			  st.name, (unsigned long long)st.comp_size, (unsigned long long)st.size,
			  a->lim.max_ratio);
		return false;
	}
	*total += st.size;
	return true;
}

static bool check_archive(zip_archive *a)
{
	zip_int64_t n = zip_get_num_entries(a->za, 0);
	if (n < 0 || (zip_uint64_t)n > a->lim.max_entries) {
		diag_emit(a->d, DIAG_ERROR, SRC_LOC(a->path, 0, 0), NULL,
			  "expected at most %zu entries in the archive, found %lld", a->lim.max_entries,
			  (long long)n);
		return false;
	}
	zip_uint64_t total = 0;
	bool ok = true;
	for (zip_int64_t i = 0; i < n; i++) {
		if (!check_entry(a, i, &total))
			ok = false;
		else if (total > a->lim.max_total_bytes) {
			diag_emit(a->d, DIAG_ERROR, SRC_LOC(a->path, 0, 0), NULL,
				  "refused: the archive would inflate to more than %zu bytes",
				  a->lim.max_total_bytes);
			return false;
		}
	}
	return ok;
}

zip_archive *zip_archive_open(diag_sink *d, const char *path, const char *what,
			      const zip_limits *lim)
{
	int err = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!za) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, err);
		diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL, "expected %s, cannot open it: %s",
			  what, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	zip_archive *a = xcalloc(1, sizeof *a);
	*a = (zip_archive){d, path, za, lim ? *lim : ZIP_LIMITS_DEFAULT};
	if (!check_archive(a)) {
		zip_archive_close(a);
		return NULL;
	}
	return a;
}

void zip_archive_close(zip_archive *a)
{
	if (!a)
		return;
	zip_discard(a->za);
	free(a);
}

size_t zip_archive_count(const zip_archive *a)
{
	zip_int64_t n = zip_get_num_entries(a->za, 0);
	return n > 0 ? (size_t)n : 0;
}

const char *zip_archive_name(const zip_archive *a, size_t i)
{
	const char *nm = zip_get_name(a->za, (zip_uint64_t)i, 0);
	return nm ? nm : "";
}

long zip_archive_find(const zip_archive *a, const char *name)
{
	zip_int64_t i = zip_name_locate(a->za, name, 0);
	return i < 0 ? -1 : (long)i;
}

const zip_limits *zip_archive_limits(const zip_archive *a)
{
	return &a->lim;
}

char *zip_archive_read(zip_archive *a, size_t idx, size_t *len)
{
	zip_stat_t st;
	if (zip_stat_index(a->za, (zip_uint64_t)idx, 0, &st) != 0)
		return NULL;
	zip_file_t *f = zip_fopen_index(a->za, (zip_uint64_t)idx, 0);
	if (!f) {
		diag_emit(a->d, DIAG_ERROR, SRC_LOC(a->path, 0, 0), NULL,
			  "cannot open entry \"%s\": %s", st.name, zip_strerror(a->za));
		return NULL;
	}
	size_t want = (size_t)st.size;
	char *buf = xmalloc(want + 2);
	size_t got = 0;
	for (;;) {
		zip_int64_t r = zip_fread(f, buf + got, want + 1 - got);
		if (r < 0) {
			diag_emit(a->d, DIAG_ERROR, SRC_LOC(a->path, 0, 0), NULL,
				  "cannot read entry \"%s\": %s", st.name, zip_file_strerror(f));
			zip_fclose(f);
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		got += (size_t)r;
		if (got > want) {
			diag_emit(a->d, DIAG_ERROR, SRC_LOC(a->path, 0, 0), NULL,
				  "refused: entry \"%s\" holds more than the %zu bytes it declares",
				  st.name, want);
			zip_fclose(f);
			free(buf);
			return NULL;
		}
	}
	zip_fclose(f);
	buf[got] = '\0';
	*len = got;
	return buf;
}
