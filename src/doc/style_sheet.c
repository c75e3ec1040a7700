/* style_sheet.c - the built-in look of the report (palette and text styles)
 * and the French names used by layouts/styles.xml. */
#include "style_sheet.h"

#include <string.h>

/* Palette: a consultancy report, petrol blue with a warm accent. */
static const struct {
	const char *name;
	uint32_t value;
} colors[PAL__COUNT] = {
	[PAL_PRIMARY] = {"primaire", 0x0B4F6Cu},
	[PAL_PRIMARY_DARK] = {"primaire-fonce", 0x083A50u},
	[PAL_ACCENT] = {"accent", 0xD9822Bu},
	[PAL_TEXT] = {"texte", 0x1F2A30u},
	[PAL_GREY_BLUE] = {"gris-bleu", 0x4A6272u},
	[PAL_GREY] = {"gris", 0x66737Cu},
	[PAL_RULE] = {"filet", 0xC5D0D6u},
	[PAL_TINT] = {"teinte", 0xEDF3F6u},
	[PAL_TINT_HEAD] = {"teinte-entete", 0xDCE8EEu},
	[PAL_WHITE] = {"blanc", 0xFFFFFFu},
	[PAL_SERIES_1] = {"serie-1", 0x0B4F6Cu}, /* petrol blue: the primary */
	[PAL_SERIES_2] = {"serie-2", 0xE69F00u}, /* orange */
	[PAL_SERIES_3] = {"serie-3", 0x56B4E9u}, /* sky blue */
	[PAL_SERIES_4] = {"serie-4", 0x009E73u}, /* bluish green */
	[PAL_SERIES_5] = {"serie-5", 0xCC79A7u}, /* reddish purple */
	[PAL_SERIES_6] = {"serie-6", 0xD55E00u}, /* vermillion */
	[PAL_SERIES_7] = {"serie-7", 0x8C99A1u}, /* blue-grey */
	[PAL_SERIES_8] = {"serie-8", 0xF0E442u}, /* yellow: last, it is faint on white */
};

static const char *const style_names[ST__COUNT] = {
	[ST_BODY] = "corps",
	[ST_LEAD] = "chapeau",
	[ST_NOTE] = "note",
	[ST_LIST] = "liste",
	[ST_H1_NUM] = "titre-1-numero",
	[ST_H1] = "titre-1",
	[ST_H2] = "titre-2",
	[ST_H3] = "titre-3",
	[ST_H4] = "titre-4",
	[ST_QUOTE] = "citation",
	[ST_QUOTE_SOURCE] = "citation-source",
	[ST_CAPTION] = "legende",
	[ST_TILE_VALUE] = "tuile-valeur",
	[ST_TILE_LABEL] = "tuile-libelle",
	[ST_TILE_DETAIL] = "tuile-detail",
	[ST_BAR_LABEL] = "barre-libelle",
	[ST_BAR_VALUE] = "barre-valeur",
	[ST_TABLE] = "tableau",
	[ST_TABLE_HEAD] = "tableau-entete",
	[ST_TABLE_TOTAL] = "tableau-total",
	[ST_TOC_TITLE] = "sommaire-titre",
	[ST_TOC1] = "sommaire-1",
	[ST_TOC2] = "sommaire-2",
	[ST_TOC_NUM] = "sommaire-page",
	[ST_RUNHEAD] = "titre-courant",
	[ST_FOOTER] = "pied-de-page",
	[ST_COVER_ORG] = "couverture-organisation",
	[ST_COVER_TITLE] = "couverture-titre",
	[ST_COVER_SUB] = "couverture-sous-titre",
	[ST_COVER_DATE] = "couverture-date",
	[ST_CARD] = "carte",
	[ST_CARD_MENTION] = "carte-mention",
};

#define SERIF STYLE_FAMILY_SERIF
#define SANS STYLE_FAMILY_SANS
#define W_N STYLE_WEIGHT_NORMAL
#define W_M STYLE_WEIGHT_MEDIUM
#define W_SB STYLE_WEIGHT_SEMIBOLD
#define W_B STYLE_WEIGHT_BOLD
#define L STYLE_ALIGN_LEFT
#define R STYLE_ALIGN_RIGHT
#define C STYLE_ALIGN_CENTER

/* The whole visual hierarchy in one table. Sizes in points. */
static const style_def builtin[ST__COUNT] = {
	[ST_BODY] = {SERIF, W_N, false, 10.5, 1.17, PAL_TEXT, true, true, L, 0, ""},
	[ST_LEAD] = {SANS, W_N, false, 12, 1.12, PAL_GREY_BLUE, false, true, L, 0, ""},
	[ST_NOTE] = {SANS, W_N, false, 7.5, 1.1, PAL_GREY, false, false, L, 0, ""},
	[ST_LIST] = {SERIF, W_N, false, 10.5, 1.17, PAL_TEXT, true, true, L, 0, ""},
	[ST_H1_NUM] = {SANS, W_B, false, 44, 0, PAL_ACCENT, false, false, L, 0, "tnum"},
	[ST_H1] = {SANS, W_B, false, 22, 1.0, PAL_PRIMARY, false, false, L, -0.2, ""},
	[ST_H2] = {SANS, W_SB, false, 14, 1.0, PAL_PRIMARY, false, false, L, 0, ""},
	[ST_H3] = {SANS, W_SB, false, 11, 1.0, PAL_GREY_BLUE, false, false, L, 0, ""},
	[ST_H4] = {SERIF, W_B, true, 10.5, 1.0, PAL_TEXT, false, false, L, 0, ""},
	[ST_QUOTE] = {SERIF, W_N, true, 11, 1.15, PAL_PRIMARY_DARK, false, true, L, 0, ""},
	[ST_QUOTE_SOURCE] = {SANS, W_N, false, 8, 1.0, PAL_GREY, false, false, L, 0, ""},
	[ST_CAPTION] = {SANS, W_SB, false, 9.5, 1.05, PAL_PRIMARY_DARK, false, false, L, 0, ""},
	[ST_TILE_VALUE] = {SANS, W_B, false, 24, 0, PAL_PRIMARY, false, false, L, -0.3, "tnum"},
	[ST_TILE_LABEL] = {SANS, W_M, false, 9, 1.05, PAL_TEXT, false, false, L, 0, ""},
	[ST_TILE_DETAIL] = {SANS, W_N, false, 7.5, 1.05, PAL_GREY, false, false, L, 0, ""},
	[ST_BAR_LABEL] = {SANS, W_N, false, 8.5, 1.0, PAL_TEXT, false, false, L, 0, ""},
	[ST_BAR_VALUE] = {SANS, W_SB, false, 8.5, 0, PAL_PRIMARY_DARK, false, false, L, 0, "tnum"},
	[ST_TABLE] = {SANS, W_N, false, 8.5, 1.0, PAL_TEXT, false, false, L, 0, "tnum"},
	[ST_TABLE_HEAD] = {SANS, W_SB, false, 8, 1.0, PAL_PRIMARY_DARK, false, false, L, 0, "tnum"},
	[ST_TABLE_TOTAL] = {SANS, W_B, false, 8.5, 1.0, PAL_TEXT, false, false, L, 0, "tnum"},
	[ST_TOC_TITLE] = {SANS, W_B, false, 24, 0, PAL_PRIMARY, false, false, L, -0.2, ""},
	[ST_TOC1] = {SANS, W_SB, false, 11, 1.0, PAL_PRIMARY, false, false, L, 0, ""},
	[ST_TOC2] = {SANS, W_N, false, 9.5, 1.0, PAL_TEXT, false, false, L, 0, ""},
	[ST_TOC_NUM] = {SANS, W_M, false, 9.5, 0, PAL_PRIMARY, false, false, R, 0, "tnum"},
	[ST_RUNHEAD] = {SANS, W_M, false, 7.5, 0, PAL_GREY, false, false, L, 0.1, ""},
	[ST_FOOTER] = {SANS, W_N, false, 7.5, 0, PAL_GREY, false, false, L, 0.1, "tnum"},
	[ST_COVER_ORG] = {SANS, W_SB, false, 9, 0, PAL_WHITE, false, false, L, 1.2, ""},
	[ST_COVER_TITLE] = {SANS, W_B, false, 32, 1.0, PAL_WHITE, false, false, L, -0.5, ""},
	[ST_COVER_SUB] = {SANS, W_N, false, 15, 1.1, PAL_PRIMARY, false, false, L, 0, ""},
	[ST_COVER_DATE] = {SANS, W_M, false, 10.5, 0, PAL_GREY, false, false, L, 0.2, ""},
	/* Cards are read across a table: large, never hyphenated. */
	[ST_CARD] = {SANS, W_B, false, 17, 1.05, PAL_PRIMARY, false, false, C, -0.2, ""},
	[ST_CARD_MENTION] = {SANS, W_M, false, 6.5, 0, PAL_GREY, false, false, C, 0.6, ""},
};

/* Widows and orphans: two lines either side for running text; a table
 * keeps two body rows with its header and two after a break; the contents
 * start with two entries under their title and may end on one. */
static const break_rule builtin_breaks[BREAK__COUNT] = {
	[BREAK_PARAGRAPH] = {2, 2}, [BREAK_LEAD] = {2, 2},  [BREAK_NOTE] = {2, 2},
	[BREAK_LIST] = {2, 2},      [BREAK_TABLE] = {2, 2}, [BREAK_CONTENTS] = {2, 1},
};

uint32_t style_default_color(style_color c)
{
	return (unsigned)c < PAL__COUNT ? colors[c].value : 0;
}

void style_sheet_defaults(style_sheet *out)
{
	for (int c = 0; c < PAL__COUNT; c++)
		out->palette[c] = colors[c].value;
	memcpy(out->style, builtin, sizeof builtin);
	/* 80, 70 and 63.8 pt: these decimals give the same Pango units. */
	out->page = (page_setup){28.2222, 24.6944, 22.5072, 22.5072,
				 PAGE_HEAD_TITLE, PAGE_HEAD_SECTION, PAGE_FOOT_OF_TOTAL};
	memcpy(out->breaks, builtin_breaks, sizeof builtin_breaks);
}

const char *style_sheet_style_name(ts_style s)
{
	return (unsigned)s < ST__COUNT ? style_names[s] : "?";
}

const char *style_sheet_color_name(style_color c)
{
	return (unsigned)c < PAL__COUNT ? colors[c].name : "?";
}

const char *style_family_name(style_family f)
{
	static const char *const n[STYLE_FAMILY__COUNT] = {"Liberation Serif", "Inter",
							    "DejaVu Sans"};
	return (unsigned)f < STYLE_FAMILY__COUNT ? n[f] : "?";
}

const char *style_weight_name(style_weight w)
{
	static const char *const n[STYLE_WEIGHT__COUNT] = {"normal", "medium", "semi-gras",
							    "gras"};
	return (unsigned)w < STYLE_WEIGHT__COUNT ? n[w] : "?";
}

const char *style_align_name(style_align a)
{
	static const char *const n[STYLE_ALIGN__COUNT] = {"gauche", "droite", "centre"};
	return (unsigned)a < STYLE_ALIGN__COUNT ? n[a] : "?";
}

const char *page_head_name(page_head h)
{
	static const char *const n[PAGE_HEAD__COUNT] = {"titre", "section", "vide"};
	return (unsigned)h < PAGE_HEAD__COUNT ? n[h] : "?";
}

const char *page_foot_name(page_foot f)
{
	static const char *const n[PAGE_FOOT__COUNT] = {"page-sur-total", "page", "vide"};
	return (unsigned)f < PAGE_FOOT__COUNT ? n[f] : "?";
}

const char *break_block_name(break_block b)
{
	static const char *const n[BREAK__COUNT] = {"paragraphe", "chapeau", "note",
						   "liste",      "tableau", "sommaire"};
	return (unsigned)b < BREAK__COUNT ? n[b] : "?";
}

/* The faces in fonts/ (typeset_fonts.c checks they are there). */
bool style_face_shipped(style_family f, style_weight w, bool italic)
{
	switch (f) {
	case STYLE_FAMILY_SANS: return !italic || w == STYLE_WEIGHT_NORMAL;
	case STYLE_FAMILY_SERIF: return w == STYLE_WEIGHT_NORMAL || w == STYLE_WEIGHT_BOLD;
	case STYLE_FAMILY_DEJAVU: return w == STYLE_WEIGHT_NORMAL && !italic;
	case STYLE_FAMILY__COUNT: break;
	}
	return false;
}
