/* i18n.h - messages in the user's language, with GNU gettext.
 *
 * Message ids are the English texts in the code; _() looks a text up in the
 * catalogue (po/fr.po, compiled at build time) and N_() only marks a text
 * for extraction where it is translated later (tables of messages). Only
 * the messages' language follows the locale: numbers, dates and the
 * report itself never do (fmt_fr.h). */
#ifndef RECIT_I18N_H
#define RECIT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Once, at the start of main: choose the messages' language from the
 * environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
void i18n_init(void);

#endif
