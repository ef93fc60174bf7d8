/* SPDX-License-Identifier: EUPL-1.2 */
/* Internal to the config module: the YAML walk.
 *
 * src/config.c        search order, files, freeing: parses a file with
 *                     the walk below, then reads its root with the keys
 * src/config_yaml.c   the YAML document and a table-driven walk of
 *                     mappings (keys, types, duplicates, suggestions,
 *                     positions); it knows no key of the configuration
 * src/config_keys.c   the keys of jmon.yaml(5) as field tables
 * src/config_check.c  the checks that span keys (references, band order,
 *                     unit none)
 * src/config_lookup.c queries of a loaded configuration
 */
#ifndef JMON_CONFIG_YAML_H
#define JMON_CONFIG_YAML_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "jmon/config.h"
#include "jmon/error.h"

struct loader {
	const char *name;	/* FILE in messages */
	yaml_document_t *doc;
	struct config *cfg;	/* what the field tables fill; the walk
				 * itself never looks at it */
	struct diag_list *diag;
	const char *key;	/* the key whose value is being read */
};

/* The parsed text.  The parser stays open after the first document so
 * that cfg_document_end can look past it. */
struct cfg_document {
	yaml_parser_t parser;
	yaml_document_t doc;
	const char *text;	/* for the position of a bad byte */
};

/* Parse the first YAML document of text into d and point ld->doc at it.
 * false: a syntax error, in ld->diag; then there is nothing to close. */
bool cfg_document_open(struct cfg_document *d, struct loader *ld, const char *text, size_t len);
/* Once the first document is read: a second one ("---" further down)
 * would be ignored silently, so it is an error, as is a syntax error in
 * it. */
void cfg_document_end(struct cfg_document *d, struct loader *ld);
void cfg_document_close(struct cfg_document *d);

typedef void field_fn(struct loader *ld, yaml_node_t *value, void *obj);

enum field_kind {
	F_TEXT,			/* char * at offset */
	F_INT,			/* int at offset, min..max */
	F_BOOL,			/* bool at offset */
	F_NUMBER,		/* double at offset */
	F_CHOICE,		/* int (an enum) at offset: index into names */
	F_CONDITION,		/* struct condition at offset */
	F_NODE,			/* yaml_node_t * at offset, read later */
	F_CALL,			/* fn(ld, value, obj) */
};

struct field {
	const char *name;
	enum field_kind kind;
	size_t offset;
	int min, max;			/* F_INT */
	const char *const *names;	/* F_CHOICE: NULL-terminated */
	const char *noun;		/* F_CHOICE: "unit" in "unknown unit 'x'" */
	field_fn *fn;			/* F_CALL */
};

#define FIELD_TEXT(key, type, member)  { key, F_TEXT, offsetof(type, member), 0, 0, NULL, NULL, NULL }
#define FIELD_INT(key, type, member, lo, hi) \
	{ key, F_INT, offsetof(type, member), lo, hi, NULL, NULL, NULL }
#define FIELD_BOOL(key, type, member)  { key, F_BOOL, offsetof(type, member), 0, 0, NULL, NULL, NULL }
#define FIELD_NUMBER(key, type, member) { key, F_NUMBER, offsetof(type, member), 0, 0, NULL, NULL, NULL }
#define FIELD_CHOICE(key, type, member, names, noun) \
	{ key, F_CHOICE, offsetof(type, member), 0, 0, names, noun, NULL }
#define FIELD_CONDITION(key, type, member) \
	{ key, F_CONDITION, offsetof(type, member), 0, 0, NULL, NULL, NULL }
#define FIELD_NODE(key, type, member)  { key, F_NODE, offsetof(type, member), 0, 0, NULL, NULL, NULL }
#define FIELD_CALL(key, fn)            { key, F_CALL, 0, 0, 0, NULL, NULL, fn }

/* An error at node's position. */
void cfg_error(struct loader *ld, const yaml_node_t *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An error at a position kept from the walk, for checks that can only run
 * once the whole file is read (a reference to a later indicator). */
void cfg_error_at(struct loader *ld, struct config_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* node's position, 1-based. */
struct config_pos cfg_pos(const yaml_node_t *node);

/* Read a mapping into obj by the field table: unknown keys (with a
 * suggestion), duplicate keys and wrong types are errors.  `what` names
 * the mapping in messages ("indicator").  Returns false when node is not
 * a mapping at all. */
bool cfg_mapping(struct loader *ld, yaml_node_t *node, const char *what,
		 const struct field *fields, size_t nfields, void *obj);

/* A mapping that is an item of the list ld->key ("each category in
 * 'categories' must be a mapping"). */
bool cfg_item_mapping(struct loader *ld, yaml_node_t *node, const char *what,
		      const struct field *fields, size_t nfields, void *obj);

/* "unknown NOUN 'word'; did you mean 'near'?" or "...; expected a, b or c" */
void cfg_unknown(struct loader *ld, yaml_node_t *node, const char *noun,
		 const char *word, const char *const *words, size_t n);
void cfg_unknown_at(struct loader *ld, struct config_pos pos, const char *noun,
		    const char *word, const char *const *words, size_t n);

/* The value of key in a mapping node, or NULL. */
yaml_node_t *cfg_get(struct loader *ld, yaml_node_t *mapping, const char *key);

/* The items of a sequence (ld->key names it in the error); NULL and *n = 0
 * when node is not a sequence. */
yaml_node_item_t *cfg_sequence(struct loader *ld, yaml_node_t *node, size_t *n);
yaml_node_t *cfg_node(struct loader *ld, yaml_node_item_t item);

/* A scalar's text, or NULL (with an error) for a list, a mapping or null. */
const char *cfg_text(struct loader *ld, yaml_node_t *node);

/* An id: letters, digits, '_' and '-'.  Error at node when not. */
bool cfg_id_ok(struct loader *ld, yaml_node_t *node, const char *id);

#endif
