/* i18n.c - the messages' language (i18n.h). */
#include "i18n.h"

#include <locale.h>

void i18n_init(void)
{
	/* LC_MESSAGES only: the report's numbers and dates are French
	 * whatever the locale, and the same inputs give the same bytes. */
	setlocale(LC_MESSAGES, "");
	textdomain("recit");
	bind_textdomain_codeset("recit", "UTF-8");
}
