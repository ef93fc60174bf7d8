/* SPDX-License-Identifier: EUPL-1.2 */
/* Queries of a loaded configuration: an indicator, chapter, peer group or
 * category by id, and the counts check-config reports.  Nothing here
 * loads or checks, so every other config file may call these and they
 * call none of them back. */
#include <stdio.h>
#include <string.h>

#include "jmon/config.h"
#include "jmon/strbuf.h"

const struct indicator *config_indicator(const struct config *cfg, const char *id)
{
	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++) {
			const struct indicator *ind = &cfg->chapters[c].indicators[i];
			if (ind->id && !strcmp(ind->id, id))
				return ind;
		}
	return NULL;
}

const struct chapter *config_chapter(const struct config *cfg, const char *id)
{
	for (size_t c = 0; c < cfg->nchapters; c++)
		if (cfg->chapters[c].id && !strcmp(cfg->chapters[c].id, id))
			return &cfg->chapters[c];
	return NULL;
}

const struct peer_group *config_peer_group(const struct config *cfg, const char *id)
{
	for (size_t i = 0; i < cfg->npeers; i++)
		if (cfg->peers[i].id && !strcmp(cfg->peers[i].id, id))
			return &cfg->peers[i];
	return NULL;
}

const struct category *indicator_category(const struct indicator *ind, const char *id)
{
	for (size_t i = 0; i < ind->ncategories; i++)
		if (!strcmp(ind->categories[i].id, id))
			return &ind->categories[i];
	return NULL;
}

const struct text_field *config_text_field(const struct config *cfg, const char *id)
{
	for (size_t i = 0; i < cfg->monitor.ntexts; i++)
		if (!strcmp(cfg->monitor.texts[i].id, id))
			return &cfg->monitor.texts[i];
	return NULL;
}

void config_counts(const struct config *cfg, size_t *chapters, size_t *indicators,
		   size_t *rules)
{
	*chapters = cfg->nchapters;
	*indicators = *rules = 0;
	for (size_t c = 0; c < cfg->nchapters; c++) {
		*indicators += cfg->chapters[c].nindicators;
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++)
			*rules += cfg->chapters[c].indicators[i].rule.present;
	}
}

/* "Kosten jeugdhulp: prognose / Kosten jeugdhulp: begroting × 100" */
char *indicator_formula(const struct indicator *ind, enum formula_form form, char *buf,
			size_t size)
{
	const struct compute *c = &ind->compute;
	bool ids = form == FORMULA_IDS, utf8 = form == FORMULA_LABELS;
	const char *op = c->kind == COMPUTE_SUM ? " + " : c->kind == COMPUTE_DIFFERENCE
			 ? (utf8 ? " \u2212 " : " - ") : " / ";
	struct strbuf sb = STRBUF_INIT;

	buf[0] = '\0';
	if (c->kind == COMPUTE_NONE)
		return buf;
	for (size_t i = 0; i < c->ninputs; i++) {
		const struct indicator *in = c->from ? c->from[i] : NULL;

		if (i)
			sb_adds(&sb, op);
		sb_adds(&sb, ids || !in ? c->inputs[i] : in->label);
	}
	if ((c->kind == COMPUTE_RATIO || c->kind == COMPUTE_SHARE) && c->scale != 1) {
		char scale[32];

		snprintf(scale, sizeof scale, "%g", c->scale);
		if (!ids)	/* Dutch: a decimal comma */
			for (char *p = scale; *p; p++)
				if (*p == '.')
					*p = ',';
		sb_addf(&sb, utf8 ? " \u00d7 %s" : " * %s", scale);
	}
	snprintf(buf, size, "%s", sb_str(&sb));
	sb_free(&sb);
	return buf;
}
