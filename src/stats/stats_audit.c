/* stats_audit.c - the shipped attacker.
 *
 * Everything the publication prints is a linear fact about the true counts:
 * a published count fixes its cell, « < k » says 1..k-1, « s » says it is a
 * count (0..k-1 for a figure of a group under k), every
 * relation of stats_disclose.c holds (partitions, families, network = sum
 * of the KPAs, the network's count of a KPA = its sheet's total), and every
 * count is a non-negative integer. For each withheld cell the attacker
 * computes the smallest and the largest value consistent with all of it:
 * two optimisations over the whole publication, as τ-ARGUS's audit does,
 * with GLPK's simplex and, when the optimal vertex is not integral, its
 * branch and bound, so the interval is the integer attacker's.
 *
 * Leaks: a withheld cell whose interval is one value (the documented
 * protection interval is at least two values), and a group under k whose
 * members can be proven to be all in one withheld category. */
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats_int.h"
#include "util.h"

/* Bounds the printed symbol gives a withheld cell. */
static void symbol_bounds(const stat_figure *f, int k, double *lo, double *hi)
{
	switch (f->suppression) {
	case STAT_SUPPRESSED_PRIMARY:
		*lo = 1, *hi = k - 1;
		break;
	case STAT_SUPPRESSED_SECONDARY:
		*lo = 0, *hi = INFINITY; /* « s » may hide any count */
		break;
	default: /* a figure of a group under k */
		*lo = 0, *hi = k - 1;
		break;
	}
}

static void set_col_bounds(glp_prob *lp, int col, double lo, double hi)
{
	if (isinf(hi))
		glp_set_col_bnds(lp, col, GLP_LO, lo, 0);
	else if (hi > lo)
		glp_set_col_bnds(lp, col, GLP_DB, lo, hi);
	else
		glp_set_col_bnds(lp, col, GLP_FX, lo, lo);
}

typedef struct {
	glp_prob *lp;
	int *col;   /* per cell: its column, or 0 when published */
	int n_cols;
	glp_smcp smcp;
	glp_iocp iocp;
	int *ind;
	double *val;
} attacker;

/* Add the row coef_total * total + sum(coef * cells) in [lo, hi] with the
 * published cells moved to the bounds; skipped when nothing is withheld. */
static void add_row(attacker *a, const disc_pub *p, const size_t *members, const double *coef,
		    size_t n, int type)
{
	double constant = 0;
	int len = 0;
	for (size_t i = 0; i < n; i++) {
		int c = a->col[members[i]];
		if (c) {
			a->ind[++len] = c;
			a->val[len] = coef[i];
		} else
			constant += coef[i] * (double)p->cell[members[i]]->value;
	}
	if (len == 0)
		return;
	int r = glp_add_rows(a->lp, 1);
	glp_set_mat_row(a->lp, r, len, a->ind, a->val);
	glp_set_row_bnds(a->lp, r, type, -constant, -constant);
}

static void build(attacker *a, const disc_pub *p)
{
	memset(a, 0, sizeof *a);
	a->lp = glp_create_prob();
	a->col = xcalloc(p->n_cells + 1, sizeof *a->col);
	for (size_t c = 0; c < p->n_cells; c++)
		if (stats_withheld(p->cell[c]))
			a->col[c] = ++a->n_cols;
	if (a->n_cols > 0)
		glp_add_cols(a->lp, a->n_cols);
	for (size_t c = 0; c < p->n_cells; c++)
		if (a->col[c]) {
			double lo, hi;
			symbol_bounds(p->cell[c], p->k, &lo, &hi);
			set_col_bounds(a->lp, a->col[c], lo, hi);
			glp_set_col_kind(a->lp, a->col[c], GLP_IV);
		}
	size_t maxn = 2;
	for (size_t r = 0; r < p->n_rels; r++)
		if (p->rels[r].n + 1 > maxn)
			maxn = p->rels[r].n + 1;
	a->ind = xcalloc(maxn + 1, sizeof *a->ind);
	a->val = xcalloc(maxn + 1, sizeof *a->val);
	size_t *members = xcalloc(maxn, sizeof *members);
	double *coef = xcalloc(maxn, sizeof *coef);
	for (size_t r = 0; r < p->n_rels; r++) {
		const disc_rel *rel = &p->rels[r];
		members[0] = rel->total;
		coef[0] = -1;
		if (rel->kind == REL_EACH_LE) {
			/* cell - total <= 0, for each cell */
			for (size_t i = 0; i < rel->n; i++) {
				members[1] = rel->cells[i];
				coef[1] = 1;
				add_row(a, p, members, coef, 2, GLP_UP);
			}
			continue;
		}
		for (size_t i = 0; i < rel->n; i++) {
			members[i + 1] = rel->cells[i];
			coef[i + 1] = 1;
		}
		add_row(a, p, members, coef, rel->n + 1, rel->kind == REL_EQ ? GLP_FX : GLP_UP);
	}
	free(members);
	free(coef);
	glp_init_smcp(&a->smcp);
	a->smcp.msg_lev = GLP_MSG_OFF;
	glp_init_iocp(&a->iocp);
	a->iocp.msg_lev = GLP_MSG_OFF;
	a->iocp.tol_int = 1e-9;
}

static void destroy(attacker *a)
{
	glp_delete_prob(a->lp);
	free(a->col);
	free(a->ind);
	free(a->val);
}

/* Optimise the current objective in direction dir. Returns false when it
 * is unbounded; *out is the integer optimum. */
static bool optimise(attacker *a, int dir, double *out)
{
	glp_set_obj_dir(a->lp, dir);
	int rc = glp_simplex(a->lp, &a->smcp);
	if (rc != 0) {
		/* A singular warm start: begin again from a fresh basis. */
		glp_adv_basis(a->lp, 0);
		rc = glp_simplex(a->lp, &a->smcp);
	}
	int st = glp_get_status(a->lp);
	if (rc == 0 && st == GLP_UNBND)
		return false;
	if (rc != 0 || st != GLP_OPT) {
		*out = NAN; /* the publication contradicts itself: treat as pinned */
		return true;
	}
	bool integral = true;
	for (int j = 1; j <= a->n_cols && integral; j++) {
		double v = glp_get_col_prim(a->lp, j);
		integral = fabs(v - round(v)) < 1e-9;
	}
	if (integral) {
		*out = glp_get_obj_val(a->lp);
		return true;
	}
	if (glp_intopt(a->lp, &a->iocp) == 0 &&
	    (glp_mip_status(a->lp) == GLP_OPT || glp_mip_status(a->lp) == GLP_FEAS))
		*out = glp_mip_obj_val(a->lp);
	else
		*out = glp_get_obj_val(a->lp);
	return true;
}

size_t disc_attack(const disc_pub *p, disc_finding **out, size_t *n_out)
{
	if (out)
		*out = NULL;
	if (n_out)
		*n_out = 0;
	if (p->k <= 0)
		return 0;
	glp_term_out(GLP_OFF);
	attacker a;
	build(&a, p);
	disc_finding *fd = xcalloc((size_t)a.n_cols + 1, sizeof *fd);
	size_t nf = 0, leaks = 0;
	for (size_t c = 0; c < p->n_cells; c++) {
		int j = a.col[c];
		if (!j)
			continue;
		disc_finding *f = &fd[nf++];
		f->cell = c;
		const stat_figure *fig = p->cell[c];
		f->sensitive = (fig->value > 0 && fig->value < p->k) ||
			       (fig->suppression == STAT_SUPPRESSED_GROUP && fig->base > 0);
		if (!f->sensitive) {
			/* A withheld zero or large count protects others; what
			 * an attacker learns of it harms no one, and skipping it
			 * keeps the attack fast on big networks. */
			f->lo = 0;
			f->hi = LLONG_MAX;
			continue;
		}
		double lo = 0, hi = 0;
		glp_set_obj_coef(a.lp, j, 1.0);
		optimise(&a, GLP_MIN, &lo);
		bool bounded = optimise(&a, GLP_MAX, &hi);
		glp_set_obj_coef(a.lp, j, 0.0);
		if (isnan(lo) || isnan(hi)) {
			f->lo = f->hi = p->cell[c]->value;
		} else {
			f->lo = (long long)ceil(lo - 1e-6);
			f->hi = bounded ? (long long)floor(hi + 1e-6) : LLONG_MAX;
		}
		f->exact = f->lo >= f->hi;
		leaks += f->exact;
	}
	/* A group under k: its members must not be provably all in one withheld
	 * category (max of total - cell is 0). */
	for (size_t r = 0; r < p->n_rels; r++) {
		const disc_rel *rel = &p->rels[r];
		const stat_figure *t = p->cell[rel->total];
		if (rel->kind != REL_EQ || rel->n < 2 || !rel->composition || !a.col[rel->total] ||
		    t->suppression == STAT_SUPPRESSED_SECONDARY)
			continue;
		for (size_t i = 0; i < rel->n; i++) {
			int j = a.col[rel->cells[i]];
			if (!j)
				continue;
			glp_set_obj_coef(a.lp, a.col[rel->total], 1.0);
			glp_set_obj_coef(a.lp, j, -1.0);
			double rest = 1;
			bool bounded = optimise(&a, GLP_MAX, &rest);
			glp_set_obj_coef(a.lp, a.col[rel->total], 0.0);
			glp_set_obj_coef(a.lp, j, 0.0);
			if (bounded && !isnan(rest) && rest < 0.5 && t->value > 0) {
				for (size_t m = 0; m < nf; m++)
					if (fd[m].cell == rel->cells[i] && !fd[m].attribute &&
					    !fd[m].exact) {
						fd[m].attribute = true;
						leaks++;
					}
			}
		}
	}
	destroy(&a);
	if (out) {
		*out = fd;
		*n_out = nf;
	} else
		free(fd);
	return leaks;
}

static const char *printed(const stat_figure *f, int k, char *buf, size_t cap)
{
	if (f->suppression == STAT_SUPPRESSED_PRIMARY)
		snprintf(buf, cap, "<%d", k);
	else
		snprintf(buf, cap, "s");
	return buf;
}

bool stats_audit_deferred(const stats *s, size_t *withheld)
{
	if (withheld)
		*withheld = s->audit_cells;
	return s->cached_leaks == STATS_AUDIT_DEFERRED;
}

size_t stats_audit(const stats *s, FILE *out)
{
	if (!out && s->cached_leaks >= 0)
		return (size_t)s->cached_leaks;
	disc_pub p;
	disc_pub_build(s, &p);
	disc_finding *fd = NULL;
	size_t nf = 0;
	size_t leaks = disc_attack(&p, &fd, &nf);
	if (out) {
		fputs("cell,printed,low,high,verdict\n", out);
		for (size_t i = 0; i < nf; i++) {
			char sym[16], lo[32], hi[32];
			char *name = disc_cell_name(&p, fd[i].cell);
			snprintf(lo, sizeof lo, "%lld", fd[i].lo);
			if (fd[i].hi == LLONG_MAX)
				snprintf(hi, sizeof hi, "inf");
			else
				snprintf(hi, sizeof hi, "%lld", fd[i].hi);
			if (!fd[i].sensitive)
				lo[0] = hi[0] = '\0'; /* not attacked: see disc_attack */
			fprintf(out, "%s,%s,%s,%s,%s\n", name,
				printed(p.cell[fd[i].cell], p.k, sym, sizeof sym), lo, hi,
				fd[i].exact       ? "exact"
				: fd[i].attribute ? "whole-group"
				: fd[i].sensitive ? "protected"
						  : "not-sensitive");
			free(name);
		}
	}
	free(fd);
	disc_pub_free(&p);
	return leaks;
}

bool stats_reveal(stats *s, const char *id)
{
	const char *colon = strchr(id, ':');
	stats *set = s;
	if (colon) {
		set = NULL;
		for (size_t k = 0; k < s->n_kpa && !set; k++)
			if (strlen(s->kpa[k]->kpa_id) == (size_t)(colon - id) &&
			    !strncmp(s->kpa[k]->kpa_id, id, (size_t)(colon - id)))
				set = s->kpa[k];
		id = colon + 1;
	}
	stat_figure *f = set ? (stat_figure *)stats_lookup(set, id) : NULL;
	if (!f)
		return false;
	f->suppression = STAT_PUBLISHED;
	s->cached_leaks = -1; /* the publication changed: attack it again */
	return true;
}
