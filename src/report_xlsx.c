/* SPDX-License-Identifier: EUPL-1.2 */
/* The report as an Excel workbook (libxlsxwriter), for the council report
 * that is assembled in Word and Excel: one sheet per chapter, the header
 * row frozen and filtered, one row per indicator and category.
 *
 * Values, changes and norms are numbers, not text, with a number format
 * of their unit ("#,##0.0\" wk\"", "\"€ \"#,##0"), so Excel sums, sorts
 * and charts them and shows them in the reader's own notation (Dutch
 * Excel: 2.660 and 4,2).  A value the gate withholds ("<10") or a flag in
 * its place ("geheim", "n.v.t.") is the text the other formats show: no
 * number of a withheld cell is ever in the file, not even hidden.
 * The stoplight is its glyph and word ("▲ oranje") in a cell filled with
 * its colour: the colour helps, the word carries the meaning (printed in
 * black and white it still reads).  Then the reason, the explanation and
 * who reviewed it when. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "jmon/numfmt.h"
#include "jmon/report.h"
#include "jmon/report_fields.h"
#include "jmon/text.h"
#include "jmon/units.h"
#include "jmon/xlsx_check.h"
#include "jmon/xmalloc.h"

enum column { COL_INDICATOR, COL_CATEGORY, COL_VALUE, COL_CHANGE, COL_NORM, COL_STATUS,
	      COL_REASON, COL_EXPLANATION, COL_REVIEWED_BY, COL_REVIEWED_AT, NCOLUMNS };

static const struct {
	const char *title;	/* "%s": the period's label */
	double width;
} columns[NCOLUMNS] = {
	[COL_INDICATOR]   = { "Indicator", 44 },
	[COL_CATEGORY]    = { "Categorie", 28 },
	[COL_VALUE]       = { "Waarde %s", 14 },
	[COL_CHANGE]      = { "Verschil t.o.v. %s", 14 },
	[COL_NORM]        = { "Norm", 10 },
	[COL_STATUS]      = { "Status", 12 },
	[COL_REASON]      = { "Reden", 50 },
	[COL_EXPLANATION] = { "Toelichting", 60 },
	[COL_REVIEWED_BY] = { "Beoordeeld door", 16 },
	[COL_REVIEWED_AT] = { "Beoordeeld op", 20 },
};

/* The fills of the statuses, as Excel's own Good / Neutral / Bad styles
 * (and a grey), with a dark text of the same hue that prints legibly. */
static const struct {
	lxw_color_t fill, font;
} status_colours[STOPLIGHT_NSTATUS] = {
	[STOPLIGHT_GREEN] = { 0xC6EFCE, 0x006100 },
	[STOPLIGHT_AMBER] = { 0xFFEB9C, 0x9C5700 },
	[STOPLIGHT_RED]   = { 0xFFC7CE, 0x9C0006 },
	[STOPLIGHT_GREY]  = { 0xD9D9D9, 0x3F3F3F },
};

#define MAX_DECIMALS 9

struct xlsx {
	lxw_workbook *wb;
	lxw_format *header, *text, *wrap;
	lxw_format *status[STOPLIGHT_NSTATUS];
	/* number formats made on first use: unit x decimals x signed */
	lxw_format *number[UNIT_NONE + 1][MAX_DECIMALS + 1][2];
};

/* An Excel number format for the unit: "#,##0.0", with the unit after it
 * (or "€ " before it), signed for a change ("+#,##0;-#,##0;0"). */
static lxw_format *number_format(struct xlsx *x, enum unit u, int decimals, bool sign)
{
	char digits[32], one[64], code[200];
	const char *after = "";
	lxw_format **slot;

	if (decimals < 0)
		decimals = 0;
	if (decimals > MAX_DECIMALS)
		decimals = MAX_DECIMALS;
	slot = &x->number[u <= UNIT_NONE ? u : UNIT_NONE][decimals][sign];
	if (*slot)
		return *slot;
	snprintf(digits, sizeof digits, "#,##0%s%.*s", decimals ? "." : "", decimals, "000000000");
	switch (u) {
	case UNIT_PROCENT: after = sign ? "\" pp\"" : "\" %\""; break;
	case UNIT_WEKEN:   after = "\" wk\""; break;
	case UNIT_DAGEN:   after = "\" dgn\""; break;
	default:           break;
	}
	snprintf(one, sizeof one, "%s%s%s", u == UNIT_EURO ? "\"€ \"" : "", digits, after);
	if (sign)
		snprintf(code, sizeof code, "+%s;-%s;%s", one, one, one);
	else
		snprintf(code, sizeof code, "%s", one);
	*slot = workbook_add_format(x->wb);
	format_set_num_format(*slot, code);
	format_set_align(*slot, LXW_ALIGN_VERTICAL_TOP);
	return *slot;
}

static void make_formats(struct xlsx *x)
{
	x->header = workbook_add_format(x->wb);
	format_set_bold(x->header);
	format_set_bottom(x->header, LXW_BORDER_THIN);
	format_set_text_wrap(x->header);
	x->text = workbook_add_format(x->wb);
	format_set_align(x->text, LXW_ALIGN_VERTICAL_TOP);
	x->wrap = workbook_add_format(x->wb);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	for (int s = 0; s < STOPLIGHT_NSTATUS; s++) {
		x->status[s] = workbook_add_format(x->wb);
		format_set_pattern(x->status[s], LXW_PATTERN_SOLID);
		format_set_bg_color(x->status[s], status_colours[s].fill);
		format_set_font_color(x->status[s], status_colours[s].font);
		format_set_align(x->status[s], LXW_ALIGN_VERTICAL_TOP);
	}
}

/* A sheet name Excel takes: at most 31 characters, none of []:*?/\, and
 * unique in the workbook ("Cijfers", "Cijfers (2)"). */
static void sheet_name(struct xlsx *x, const char *label, char *out, size_t size)
{
	char base[128];
	size_t o = 0;
	int chars = 0;

	for (const char *s = label; *s && o + 5 < sizeof base && chars < 27;) {
		bool control;
		size_t len = text_char(s, s + strlen(s), &control, NULL);

		/* a control character is no XML in workbook.xml, which
		 * libxlsxwriter writes the name into as it is */
		if (control || (len == 1 && strchr("[]:*?/\\'", *s)))
			base[o++] = '-';
		else
			memcpy(base + o, s, len), o += len;
		s += len;
		chars++;
	}
	base[o] = '\0';
	if (!o)
		snprintf(base, sizeof base, "Hoofdstuk");
	snprintf(out, size, "%s", base);
	for (int n = 2; workbook_get_worksheet_by_name(x->wb, out); n++)
		snprintf(out, size, "%s (%d)", base, n);
}

static void header_row(struct xlsx *x, lxw_worksheet *ws, const struct report *r)
{
	for (int c = 0; c < NCOLUMNS; c++) {
		char title[128];

		snprintf(title, sizeof title, columns[c].title,
			 c == COL_CHANGE ? r->fs.prev_label : r->fs.label);
		worksheet_write_string(ws, 0, (lxw_col_t)c, title, x->header);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, columns[c].width,
				     c == COL_REASON || c == COL_EXPLANATION ? x->wrap : x->text);
	}
	worksheet_freeze_panes(ws, 1, 0);
}

static void text_cell(lxw_worksheet *ws, lxw_row_t row, int col, const char *s, lxw_format *f)
{
	if (s && *s)
		worksheet_write_string(ws, row, (lxw_col_t)col, s, f);
}

static void figure_row(struct xlsx *x, lxw_worksheet *ws, lxw_row_t row,
		       const struct report *r, size_t i)
{
	const struct figure *f = &r->fs.rows[i];
	const struct indicator *ind = f->ind;
	char value[NUMFMT_MAX], text[256];

	text_cell(ws, row, COL_INDICATOR, ind->label, x->text);
	text_cell(ws, row, COL_CATEGORY, f->cat ? f->cat->label : "", x->text);
	/* a number only where the machine report has one: never a withheld cell */
	if (*report_value_machine(f, value, sizeof value))
		worksheet_write_number(ws, row, COL_VALUE, f->now.value,
				       number_format(x, ind->unit, ind->decimals, false));
	else
		text_cell(ws, row, COL_VALUE, figure_value_text(f, text, sizeof text), x->text);
	if (f->has_change)
		worksheet_write_number(ws, row, COL_CHANGE, f->change,
				       number_format(x, ind->unit, ind->decimals, true));
	if (!f->cat && ind->norm.present)
		worksheet_write_number(ws, row, COL_NORM, ind->norm.value,
				       number_format(x, ind->unit, ind->decimals, false));
	if (f->colored || f->light.overridden) {
		snprintf(text, sizeof text, "%s %s", stoplight_glyph(f->light.status, true),
			 stoplight_word(f->light.status));
		text_cell(ws, row, COL_STATUS, text, x->status[f->light.status]);
		text_cell(ws, row, COL_REASON, f->light.reason, x->wrap);
	}
	text_cell(ws, row, COL_EXPLANATION, r->notes[i], x->wrap);
	if (f->reviewed) {
		text_cell(ws, row, COL_REVIEWED_BY, f->review_by, x->text);
		text_cell(ws, row, COL_REVIEWED_AT, f->review_at, x->text);
	}
}

/* The cells' strings libxlsxwriter escapes itself (_x001B_); the document's
 * properties it writes into docProps/core.xml as they are, where a control
 * character is no XML and Excel calls the workbook damaged: the title is
 * written as a text report writes a name (text_write_safe). */
static void properties(struct xlsx *x, const struct report *r, char *title, size_t size)
{
	char region[256], *safe = NULL;
	char *raw = xasprintf("%s · %s · %s", r->cfg->monitor.title ? r->cfg->monitor.title : "jmon",
			      report_region(r, region, sizeof region), r->fs.label);
	lxw_doc_properties props = { 0 };
	size_t len = 0;
	FILE *mem = xopen_memstream(&safe, &len);

	report_put(mem, raw);
	fclose(mem);
	text_format(title, size, "%s", safe);
	free(safe);
	free(raw);
	props.title = title;
	props.subject = "Stoplichten, redenen en toelichtingen";
	props.author = "jmon";
	workbook_set_properties(x->wb, &props);
}

enum jmon_status report_xlsx(const struct report *r, const char *path, struct jmon_error *err)
{
	struct xlsx x = { 0 };
	const struct figure_set *fs = &r->fs;
	char title[512];
	lxw_error e;

	if (!(x.wb = workbook_new(path)))
		return jmon_fail(err, JMON_CANTCREAT, "cannot start the workbook");
	make_formats(&x);
	properties(&x, r, title, sizeof title);
	for (size_t i = 0; i < fs->n;) {
		size_t end = report_chapter_end(r, i);
		char name[160];
		lxw_worksheet *ws;
		lxw_row_t row = 1;

		sheet_name(&x, fs->rows[i].ind->chapter->label, name, sizeof name);
		ws = workbook_add_worksheet(x.wb, name);
		header_row(&x, ws, r);
		for (; i < end; i++)
			figure_row(&x, ws, row++, r, i);
		worksheet_autofilter(ws, 0, 0, row - 1, NCOLUMNS - 1);
	}
	if ((e = workbook_close(x.wb)) != LXW_NO_ERROR)
		return jmon_fail(err, e == LXW_ERROR_CREATING_XLSX_FILE ? JMON_CANTCREAT : JMON_IO,
				 "%s", lxw_strerror(e));
	if (!xlsx_check_whole(path))
		return jmon_fail(err, JMON_IO, jmon_dutch() ? "het werkboek is niet heel geschreven"
				 : "the workbook was not written whole (a full disk or a file size limit?)");
	return JMON_OK;
}
