/* SPDX-License-Identifier: EUPL-1.2 */
/* The YAML side of the configuration: libyaml's document, and a walk of
 * mappings driven by field tables (include/jmon/config_yaml.h).  It knows
 * no key of jmon.yaml(5): the tables are config_keys.c's, and config.c
 * hands the root of the document to them.
 *
 * The document API (yaml_parser_load) is used rather than events because
 * every node keeps its start mark, so a check that needs two keys (a band
 * against the one before it, `on: norm_ratio` against `norm:`) can still
 * point at the right line after both were read. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/condition.h"
#include "jmon/config_yaml.h"
#include "jmon/number.h"
#include "jmon/numfmt.h"
#include "jmon/strbuf.h"
#include "jmon/suggest.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

struct config_pos cfg_pos(const yaml_node_t *node)
{
	/* libyaml's marks count from 0; editors count from 1 */
	return (struct config_pos){ (int)node->start_mark.line + 1, (int)node->start_mark.column + 1 };
}

static void error_va(struct loader *ld, struct config_pos pos, const char *fmt, va_list ap)
{
	char msg[700];

	vsnprintf(msg, sizeof msg, fmt, ap);
	diag_add(ld->diag, ld->name, pos.line, pos.col, "%s", msg);
}

void cfg_error(struct loader *ld, const yaml_node_t *node, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_va(ld, cfg_pos(node), fmt, ap);
	va_end(ap);
}

void cfg_error_at(struct loader *ld, struct config_pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_va(ld, pos, fmt, ap);
	va_end(ap);
}

static const char *node_kind(const yaml_node_t *node)
{
	switch (node->type) {
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_MAPPING_NODE:  return "a mapping";
	default:                 return "a value";
	}
}

yaml_node_t *cfg_node(struct loader *ld, yaml_node_item_t item)
{
	return yaml_document_get_node(ld->doc, item);
}

/* A null in YAML: nothing after the colon, "~" or "null". */
static bool is_null(const yaml_node_t *node)
{
	const char *s = (const char *)node->data.scalar.value;

	return node->type == YAML_SCALAR_NODE && node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE
	       && (!*s || !strcmp(s, "~") || !strcmp(s, "null"));
}

const char *cfg_text(struct loader *ld, yaml_node_t *node)
{
	if (node->type != YAML_SCALAR_NODE) {
		cfg_error(ld, node, "'%s' must be a single value, not %s", ld->key, node_kind(node));
		return NULL;
	}
	if (is_null(node)) {
		cfg_error(ld, node, "'%s' needs a value", ld->key);
		return NULL;
	}
	return (const char *)node->data.scalar.value;
}

/* Numbers and booleans must be written bare: `decimals: "1"` is a text
 * in YAML, and accepting it would hide a quoting mistake. */
static const char *bare(struct loader *ld, yaml_node_t *node, const char *want)
{
	const char *s = cfg_text(ld, node);

	if (s && node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
		cfg_error(ld, node, "'%s' must be %s, not a quoted text", ld->key, want);
		return NULL;
	}
	return s;
}

bool cfg_id_ok(struct loader *ld, yaml_node_t *node, const char *id)
{
	if (!*id) {
		cfg_error(ld, node, "an id must not be empty");
		return false;
	}
	for (const char *p = id; *p; p++)
		if (!(*p == '_' || *p == '-' || (*p >= '0' && *p <= '9')
		      || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
			cfg_error(ld, node, "id '%s' may only contain letters, digits, '_' and '-'", id);
			return false;
		}
	return true;
}

yaml_node_item_t *cfg_sequence(struct loader *ld, yaml_node_t *node, size_t *n)
{
	*n = 0;
	if (node->type != YAML_SEQUENCE_NODE) {
		cfg_error(ld, node, "'%s' must be a list, not %s", ld->key, node_kind(node));
		return NULL;
	}
	*n = (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
	return node->data.sequence.items.start;
}

yaml_node_t *cfg_get(struct loader *ld, yaml_node_t *mapping, const char *key)
{
	if (!mapping || mapping->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = mapping->data.mapping.pairs.start;
	     p < mapping->data.mapping.pairs.top; p++) {
		yaml_node_t *k = cfg_node(ld, p->key);
		if (k->type == YAML_SCALAR_NODE && !strcmp((char *)k->data.scalar.value, key))
			return cfg_node(ld, p->value);
	}
	return NULL;
}

/* "a, b or c" */
static void list_words(struct strbuf *sb, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_addf(sb, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", words[i]);
}

void cfg_unknown(struct loader *ld, yaml_node_t *node, const char *noun,
		 const char *word, const char *const *words, size_t n)
{
	cfg_unknown_at(ld, cfg_pos(node), noun, word, words, n);
}

/* "unknown unit 'uren'; did you mean 'uren'?" or "...; expected a, b or c" */
void cfg_unknown_at(struct loader *ld, struct config_pos pos, const char *noun,
		    const char *word, const char *const *words, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *near = suggest_word(word, words, n);

	if (near) {
		sb_addf(&sb, "did you mean '%s'?", near);
	} else if (n == 1) {
		sb_addf(&sb, "expected '%s'", words[0]);
	} else {
		sb_adds(&sb, "expected ");
		list_words(&sb, words, n);
	}
	cfg_error_at(ld, pos, "unknown %s '%s'; %s", noun, word, sb_str(&sb));
	sb_free(&sb);
}

static void read_choice(struct loader *ld, const struct field *f, yaml_node_t *node, int *out)
{
	const char *s = cfg_text(ld, node);
	size_t n = 0;

	if (!s)
		return;
	while (f->names[n])
		n++;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, f->names[i])) {
			*out = (int)i;
			return;
		}
	cfg_unknown(ld, node, f->noun, s, f->names, n);
}

static void read_int(struct loader *ld, const struct field *f, yaml_node_t *node, int *out)
{
	char want[64];
	const char *s;
	double v;

	snprintf(want, sizeof want, "a whole number from %d to %d", f->min, f->max);
	if (!(s = bare(ld, node, want)))
		return;
	/* The range first: casting 1e300 to an integer is undefined. */
	if (!numfmt_parse(s, &v) || !(v >= f->min && v <= f->max) || v != (double)(long)v)
		cfg_error(ld, node, "'%s' must be %s, not '%s'", ld->key, want, s);
	else
		*out = (int)v;
}

/* A number as a delivery's is read (include/jmon/number.h): 1e999 would
 * be infinite and 1e300 shown cut short, in a report as on screen. */
static void read_number(struct loader *ld, yaml_node_t *node, const char *s, double *out)
{
	enum number_problem p = number_machine(s, out);
	struct number_why why;

	if (p == NUMBER_OK)
		return;
	if (p == NUMBER_NOT_A_NUMBER || p == NUMBER_NOT_MACHINE) {
		cfg_error(ld, node, "'%s' must be a number, not '%s'", ld->key, s);
		return;
	}
	why = number_why(p);
	cfg_error(ld, node, "'%s': %s'%s'%s", ld->key, why.before, s, why.after);
}

static void read_condition(struct loader *ld, yaml_node_t *node, struct condition *c)
{
	const char *s, *problem;

	if (node->type == YAML_SCALAR_NODE && (node->data.scalar.style == YAML_FOLDED_SCALAR_STYLE
					       || node->data.scalar.style == YAML_LITERAL_SCALAR_STYLE)) {
		/* `red: > 6` is a YAML folded block, not a condition */
		cfg_error(ld, node, "'%s': put the condition in quotes, as in \"> 6\"", ld->key);
		return;
	}
	if (!(s = cfg_text(ld, node)))
		return;
	if ((problem = condition_parse(s, c)))
		cfg_error(ld, node, "'%s': '%s': %s", ld->key, s, problem);
	else
		c->pos = cfg_pos(node);
}

static void read_field(struct loader *ld, const struct field *f, yaml_node_t *node, void *obj)
{
	char *at = (char *)obj + f->offset;
	const char *s;

	switch (f->kind) {
	case F_TEXT:
		if ((s = cfg_text(ld, node))) {
			free(*(char **)at);
			*(char **)at = xstrdup(s);
		}
		break;
	case F_INT:
		read_int(ld, f, node, (int *)at);
		break;
	case F_BOOL:
		if (!(s = bare(ld, node, "true or false")))
			break;
		if (!strcmp(s, "true") || !strcmp(s, "false"))
			*(bool *)at = !strcmp(s, "true");
		else
			cfg_error(ld, node, "'%s' must be true or false, not '%s'", ld->key, s);
		break;
	case F_NUMBER:
		if ((s = bare(ld, node, "a number")))
			read_number(ld, node, s, (double *)at);
		break;
	case F_CHOICE:
		read_choice(ld, f, node, (int *)at);
		break;
	case F_CONDITION:
		read_condition(ld, node, (struct condition *)at);
		break;
	case F_NODE:
		*(yaml_node_t **)at = node;
		break;
	case F_CALL:
		f->fn(ld, node, obj);
		break;
	}
}

static void unknown_key(struct loader *ld, yaml_node_t *knode, const char *what,
			const struct field *fields, size_t nfields)
{
	const char *names[32];
	size_t n = nfields < ARRAY_SIZE(names) ? nfields : ARRAY_SIZE(names);
	char noun[64];

	for (size_t i = 0; i < n; i++)
		names[i] = fields[i].name;
	snprintf(noun, sizeof noun, "%s key", what);
	cfg_unknown(ld, knode, noun, (const char *)knode->data.scalar.value, names, n);
}

bool cfg_mapping(struct loader *ld, yaml_node_t *node, const char *what,
		 const struct field *fields, size_t nfields, void *obj)
{
	const char *outer = ld->key;
	const yaml_node_t *seen[128] = { 0 };	/* the key that gave field i, once given */

	if (node->type != YAML_MAPPING_NODE) {
		if (outer)
			cfg_error(ld, node, "'%s' must be a mapping (key: value), not %s",
				  outer, node_kind(node));
		else
			cfg_error(ld, node, "%s must be a mapping (key: value), not %s",
				  what, node_kind(node));
		return false;
	}
	for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
	     p < node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = cfg_node(ld, p->key), *v = cfg_node(ld, p->value);
		const char *key;
		size_t i;

		if (k->type != YAML_SCALAR_NODE) {
			cfg_error(ld, k, "a key must be a name, not %s", node_kind(k));
			continue;
		}
		key = (const char *)k->data.scalar.value;
		for (i = 0; i < nfields && strcmp(fields[i].name, key); i++)
			;
		if (i == nfields) {
			unknown_key(ld, k, what, fields, nfields);
			continue;
		}
		/* by field, not against every key before it: a mapping of
		 * 100000 keys must not take 10^10 comparisons */
		if (i < ARRAY_SIZE(seen) && seen[i]) {
			cfg_error(ld, k, "duplicate key '%s' (first on line %lu)", key,
				  (unsigned long)seen[i]->start_mark.line + 1);
			continue;
		}
		if (i < ARRAY_SIZE(seen))
			seen[i] = k;
		ld->key = fields[i].name;
		read_field(ld, &fields[i], v, obj);
		ld->key = outer;
	}
	return true;
}

bool cfg_item_mapping(struct loader *ld, yaml_node_t *node, const char *what,
		      const struct field *fields, size_t nfields, void *obj)
{
	const char *outer = ld->key;
	bool ok;

	if (node->type != YAML_MAPPING_NODE) {
		cfg_error(ld, node, "each %s in '%s' must be a mapping (key: value), not %s",
			  what, outer, node_kind(node));
		return false;
	}
	ld->key = NULL;
	ok = cfg_mapping(ld, node, what, fields, nfields, obj);
	ld->key = outer;
	return ok;
}

/* Reader errors (bad UTF-8) come with a byte offset instead of a mark. */
static void offset_position(const char *text, size_t offset, long *line, long *col)
{
	const char *end = text + strnlen(text, offset);

	*line = 1;
	*col = 1;
	/* a column is a character: a broken sequence counts as one */
	for (const char *p = text; p < end; p = utf8_skip(p, end)) {
		if (*p == '\n')
			(*line)++, *col = 1;
		else
			(*col)++;
	}
}

static void syntax_error(struct loader *ld, yaml_parser_t *parser, const char *text)
{
	long line = (long)parser->problem_mark.line + 1, col = (long)parser->problem_mark.column + 1;
	long ctx_line = (long)parser->context_mark.line + 1;
	char context[160] = "";

	if (parser->error == YAML_READER_ERROR)
		offset_position(text, parser->problem_offset, &line, &col);
	/* an unclosed quote is found where the text ends, far below where it
	 * began: say where the construct started */
	if (parser->context && ctx_line != line)
		snprintf(context, sizeof context, " (%s that starts on line %ld)", parser->context, ctx_line);
	else if (parser->context)
		snprintf(context, sizeof context, " (%s)", parser->context);
	diag_add(ld->diag, ld->name, line, col, "YAML syntax error: %s%s",
		 parser->problem ? parser->problem : "cannot parse", context);
}

/* --- the shape of the text, before it is loaded --------------------------------- */

/* What the walk will visit, counted from the parser's events before the
 * document is built: the nesting depth, and the values once every alias
 * is expanded (an alias stands for its anchor's whole value, so a few
 * kilobytes of anchors over anchors stand for billions of values, and
 * deep nesting makes libyaml's scanner slow as the square of the depth).
 * Counts saturate just above CONFIG_MAX_NODES. */
struct shape {
	unsigned long size[CONFIG_MAX_DEPTH + 1];	/* values of each open collection */
	char *anchor[CONFIG_MAX_DEPTH + 1];		/* its anchor, or NULL */
	int depth;
	struct { char *name; unsigned long size; } anchors[CONFIG_MAX_ANCHORS];
	size_t nanchors;
	bool aliased;					/* an alias was seen */
};

static unsigned long add_capped(unsigned long a, unsigned long b)
{
	return a + b > CONFIG_MAX_NODES ? CONFIG_MAX_NODES + 1 : a + b;
}

/* Remember anchor (may be NULL) as standing for size values; false when
 * there are too many. */
static bool shape_anchor(struct shape *sh, const unsigned char *anchor, unsigned long size)
{
	if (!anchor)
		return true;
	if (sh->nanchors == CONFIG_MAX_ANCHORS)
		return false;
	sh->anchors[sh->nanchors].name = xstrdup((const char *)anchor);
	sh->anchors[sh->nanchors++].size = size;
	return true;
}

/* How many values an alias stands for: its anchor's, the latest of that
 * name (an unknown one is the loader's error, counted as one). */
static unsigned long shape_alias(const struct shape *sh, const unsigned char *anchor)
{
	for (size_t i = sh->nanchors; i-- > 0;)
		if (!strcmp(sh->anchors[i].name, (const char *)anchor))
			return sh->anchors[i].size;
	return 1;
}

/* One event; a message when it breaks a bound. */
static const char *shape_event(struct shape *sh, const yaml_event_t *ev, unsigned long *total)
{
	static char msg[128];
	unsigned long n = 0;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = 1;
		if (!shape_anchor(sh, ev->data.scalar.anchor, 1))
			goto anchors;
		break;
	case YAML_ALIAS_EVENT:
		n = shape_alias(sh, ev->data.alias.anchor);
		sh->aliased = true;
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (sh->depth == CONFIG_MAX_DEPTH) {
			snprintf(msg, sizeof msg, "nested deeper than %d levels", CONFIG_MAX_DEPTH);
			return msg;
		}
		sh->size[sh->depth] = 1;
		sh->anchor[sh->depth++] = (char *)(ev->type == YAML_SEQUENCE_START_EVENT
			? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor);
		if (sh->anchor[sh->depth - 1])
			sh->anchor[sh->depth - 1] = xstrdup(sh->anchor[sh->depth - 1]);
		return NULL;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (sh->depth == 0)
			return NULL;
		n = sh->size[--sh->depth];
		if (!shape_anchor(sh, (const unsigned char *)sh->anchor[sh->depth], n)) {
			free(sh->anchor[sh->depth]);
			goto anchors;
		}
		free(sh->anchor[sh->depth]);
		break;
	default:
		return NULL;
	}
	if (sh->depth > 0)
		n = sh->size[sh->depth - 1] = add_capped(sh->size[sh->depth - 1], n);
	else
		n = *total = add_capped(*total, n);
	if (n > CONFIG_MAX_NODES) {
		snprintf(msg, sizeof msg, "more than %d values%s", CONFIG_MAX_NODES,
			 sh->aliased ? " once its aliases are expanded" : "");
		return msg;
	}
	return NULL;
anchors:
	snprintf(msg, sizeof msg, "more than %d anchors (&name)", CONFIG_MAX_ANCHORS);
	return msg;
}

/* false (reported at the event that broke it) when the text breaks a bound
 * of include/jmon/config.h.  A syntax error is left to the loader. */
static bool check_shape(struct loader *ld, const char *text, size_t len)
{
	struct shape *sh = xcalloc(1, sizeof *sh);
	yaml_parser_t parser;
	yaml_event_t ev;
	unsigned long total = 0;
	const char *problem = NULL;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!problem && yaml_parser_parse(&parser, &ev)) {
		bool end = ev.type == YAML_STREAM_END_EVENT;

		if ((problem = shape_event(sh, &ev, &total)))
			diag_add(ld->diag, ld->name, (long)ev.start_mark.line + 1,
				 (long)ev.start_mark.column + 1, "the configuration is %s", problem);
		yaml_event_delete(&ev);
		if (end)
			break;
	}
	yaml_parser_delete(&parser);
	while (sh->depth > 0)
		free(sh->anchor[--sh->depth]);
	for (size_t i = 0; i < sh->nanchors; i++)
		free(sh->anchors[i].name);
	free(sh);
	return !problem;
}

bool cfg_document_open(struct cfg_document *d, struct loader *ld, const char *text, size_t len)
{
	if (!check_shape(ld, text, len))
		return false;
	d->text = text;
	yaml_parser_initialize(&d->parser);
	yaml_parser_set_input_string(&d->parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&d->parser, &d->doc)) {
		syntax_error(ld, &d->parser, text);
		yaml_parser_delete(&d->parser);
		return false;
	}
	ld->doc = &d->doc;
	return true;
}

void cfg_document_end(struct cfg_document *d, struct loader *ld)
{
	yaml_document_t extra;
	yaml_node_t *root;

	if (!yaml_parser_load(&d->parser, &extra)) {
		syntax_error(ld, &d->parser, d->text);
		return;
	}
	if ((root = yaml_document_get_root_node(&extra)))
		cfg_error(ld, root, "a second YAML document; the configuration is one document");
	yaml_document_delete(&extra);
}

void cfg_document_close(struct cfg_document *d)
{
	yaml_document_delete(&d->doc);
	yaml_parser_delete(&d->parser);
}
