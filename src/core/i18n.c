/* i18n.c - the messages' language (i18n.h): French when the user's locale
 * asks for it, English otherwise; see docs/messages.md. */
#include "i18n.h"

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Where the compiled catalogues (LANG/LC_MESSAGES/recit.mo) are: the build
 * tree's while it exists, so a freshly built binary finds its own, else the
 * installed ones. CMake defines both (RECIT_BUILD_LOCALEDIR and
 * RECIT_LOCALEDIR); the fallback is for a build without it. */
#ifndef RECIT_LOCALEDIR
#define RECIT_LOCALEDIR "/usr/local/share/locale"
#endif

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* GNU gettext's order: LANGUAGE (a list such as "fr:en"), unless the locale
 * is explicitly plain C, then the first of LC_ALL, LC_MESSAGES and LANG. */
static bool wants_french(void)
{
	const char *posix = env("LC_ALL");
	if (!posix)
		posix = env("LC_MESSAGES");
	if (!posix)
		posix = env("LANG");
	if (posix && (!strcmp(posix, "C") || !strcmp(posix, "POSIX")))
		return false;
	const char *lang = env("LANGUAGE");
	const char *w = lang ? lang : posix;
	return w && !strncmp(w, "fr", 2);
}

static const char *catalogue_dir(void)
{
#ifdef RECIT_BUILD_LOCALEDIR
	if (access(RECIT_BUILD_LOCALEDIR, R_OK | X_OK) == 0)
		return RECIT_BUILD_LOCALEDIR;
#endif
	return RECIT_LOCALEDIR;
}

void i18n_init(void)
{
	/* LC_MESSAGES only: the report's numbers and dates are French
	 * whatever the locale, and the same inputs give the same bytes. */
	if (!wants_french()) {
		/* English, even where LANGUAGE lists French after another
		 * language; libc's own messages (strerror) too. */
		setlocale(LC_MESSAGES, "C");
	} else {
		const char *loc = setlocale(LC_MESSAGES, "");
		if (!loc || strncmp(loc, "fr", 2)) {
			/* No French locale is generated (Debian often has only
			 * C.UTF-8), or French comes from LANGUAGE alone: gettext
			 * honours LANGUAGE under any locale but plain C. */
			setlocale(LC_MESSAGES, "C.UTF-8");
			if (!env("LANGUAGE"))
				setenv("LANGUAGE", "fr", 1);
		}
	}
	bindtextdomain("recit", catalogue_dir());
	bind_textdomain_codeset("recit", "UTF-8");
	textdomain("recit");
}
