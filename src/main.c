/* SPDX-License-Identifier: EUPL-1.2 */
/* jmon: argument parsing and subcommand dispatch.  The only place that
 * turns a status into an exit code (sysexits.h). */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/cli.h"
#include "jmon/config.h"
#include "jmon/error.h"

static const char usage_text[] =
"Usage: jmon [OPTIONS]                     browse the monitor\n"
"       jmon import [OPTIONS] FILE|DIR...  load deliveries into the database\n"
"       jmon report [OPTIONS]              print the stoplight table\n"
"       jmon check-config [FILE]           validate a configuration\n"
"       jmon backup [OPTIONS] FILE         a copy of the database in one new file\n"
"       jmon --help | --version\n";

static const char help_text[] =
"\n"
"jmon is a terminal browser for the municipal youth-care monitor (monitor\n"
"jeugdhulp): figures, waiting times, child protection and complaints per\n"
"quarter, each with a stoplight computed from the configuration.\n"
"\n"
"Options:\n"
"  --db FILE          database (default: $JMON_DB, monitor.database of the\n"
"                     configuration, $XDG_DATA_HOME/jmon/jmon.db)\n"
"  --config FILE      configuration (default: $JMON_CONFIG,\n"
"                     $XDG_CONFIG_HOME/jmon/jmon.yaml, " CONFIG_SYSTEM_PATH ",\n"
"                     the built-in monitor)\n"
"  --region CODE      region to show, e.g. GM0361 (default: monitor.region)\n"
"  --period CODE      period as the screen or CBS writes it: 2020Q1, \"2020 Q1\",\n"
"                     2020KW01, 2020H1, 2020, \"maart 2020\", 1-1-2023\n"
"                     (default: the newest with data)\n"
"  --chapter ID       chapter to start in or report on\n"
"  --regions CODES    report: these regions side by side (GM0484,GM0307,NL01;\n"
"                     mean:ID is a peer group's mean)\n"
"  --peers ID         report: beside the region, peer group ID and its mean\n"
"  --format FORMAT    import: long|regions|cbs|reviews|odata4 (default: detected)\n"
"                     report: text|csv|json|md|xlsx (default: text)\n"
"  -o, --output FILE  report: write to FILE instead of standard output\n"
"                     (xlsx needs one)\n"
"  --csv-dialect excel-nl\n"
"                     report: CSV for Dutch Excel (';', decimal comma, BOM)\n"
"  --color WHEN       auto|always|never (default: auto; NO_COLOR is honoured)\n"
"  --note TEXT        import: a note stored with the delivery\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and exit\n"
"\n"
"Exit status: 0 success, 64 usage, 65 bad input data, 66 missing file,\n"
"73 cannot create the output file, 74 I/O or database error, 77 permission\n"
"denied, 78 bad configuration.\n"
"See jmon(1), jmon.yaml(5) and jmon-import(5).\n";

static const struct subcommand {
	const char *name;
	enum jmon_status (*run)(const struct options *, struct jmon_error *);
} subcommands[] = {
	{ "import",       cmd_import },
	{ "report",       cmd_report },
	{ "check-config", cmd_check_config },
	{ "backup",       cmd_backup },
};

enum { OPT_DB = 256, OPT_CONFIG, OPT_REGION, OPT_PERIOD, OPT_CHAPTER,
       OPT_FORMAT, OPT_COLOR, OPT_NOTE, OPT_CSV_DIALECT, OPT_REGIONS, OPT_PEERS };

static const struct option long_options[] = {
	{ "db",      required_argument, NULL, OPT_DB },
	{ "config",  required_argument, NULL, OPT_CONFIG },
	{ "region",  required_argument, NULL, OPT_REGION },
	{ "period",  required_argument, NULL, OPT_PERIOD },
	{ "chapter", required_argument, NULL, OPT_CHAPTER },
	{ "format",  required_argument, NULL, OPT_FORMAT },
	{ "color",   required_argument, NULL, OPT_COLOR },
	{ "colour",  required_argument, NULL, OPT_COLOR },
	{ "note",    required_argument, NULL, OPT_NOTE },
	{ "output",  required_argument, NULL, 'o' },
	{ "csv-dialect", required_argument, NULL, OPT_CSV_DIALECT },
	{ "regions", required_argument, NULL, OPT_REGIONS },
	{ "peers",   required_argument, NULL, OPT_PEERS },
	{ "help",    no_argument,       NULL, 'h' },
	{ "version", no_argument,       NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static int usage_error(const char *fmt, const char *arg)
{
	if (fmt) {
		char msg[sizeof ((struct jmon_error *)0)->msg + 256];

		snprintf(msg, sizeof msg, fmt, arg);
		jmon_print(stderr, "jmon: ", msg, false);
	}
	fputs(usage_text, stderr);
	fputs("Try 'jmon --help' for more information.\n", stderr);
	return jmon_exit_code(JMON_USAGE);
}

/* Output that never arrived is a failure: `jmon report >/dev/full` or a
 * closed pipe must not exit 0 as if the table had been written.  A
 * command that failed already keeps its own status. */
static int flush_stdout(int code)
{
	if ((fflush(stdout) != 0 || ferror(stdout)) && code == 0) {
		fprintf(stderr, "jmon: writing standard output: %s\n", strerror(errno));
		return jmon_exit_code(JMON_IO);
	}
	return code;
}

/* Where each option lands in struct options. */
static const char **option_slot(struct options *opt, int c)
{
	switch (c) {
	case OPT_DB:      return &opt->db;
	case OPT_CONFIG:  return &opt->config;
	case OPT_REGION:  return &opt->region;
	case OPT_PERIOD:  return &opt->period;
	case OPT_CHAPTER: return &opt->chapter;
	case OPT_FORMAT:  return &opt->format;
	case OPT_COLOR:   return &opt->color;
	case OPT_NOTE:    return &opt->note;
	case 'o':         return &opt->output;
	case OPT_CSV_DIALECT: return &opt->csv_dialect;
	case OPT_REGIONS: return &opt->regions;
	case OPT_PEERS:   return &opt->peers;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct options opt = { 0 };
	struct jmon_error err = { JMON_OK, "" };
	enum jmon_status (*run)(const struct options *, struct jmon_error *) = cmd_browse;
	const char *command = NULL;
	enum jmon_status status;
	int c;

	setlocale(LC_ALL, "");
	/* A closed pipe (jmon report | head) and a file size limit (ulimit
	 * -f) are write errors like any other: the write fails with EPIPE or
	 * EFBIG, the command stops with 74 and says so, and an import rolls
	 * back, where the signals would kill jmon without a word (141, 153). */
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);
	opterr = 0;	/* we print our own message, then the usage */
	while ((c = getopt_long(argc, argv, "hVo:", long_options, NULL)) != -1) {
		const char **slot = option_slot(&opt, c);

		if (slot) {
			*slot = optarg;
		} else if (c == 'h') {
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return flush_stdout(0);
		} else if (c == 'V') {
			printf("jmon %s\n", JMON_VERSION);
			return flush_stdout(0);
		} else if (optopt && optopt < 256 && strchr("hVo", optopt) == NULL) {
			char s[2] = { (char)optopt, 0 };
			return usage_error("unknown option '-%s'", s);
		} else if (optopt) {
			return usage_error("option '%s' needs an argument", argv[optind - 1]);
		} else {
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (opt.color && strcmp(opt.color, "auto") && strcmp(opt.color, "always") &&
	    strcmp(opt.color, "never"))
		return usage_error("--color must be auto, always or never, not '%s'", opt.color);

	if (optind < argc) {
		command = argv[optind++];
		run = NULL;
		for (size_t i = 0; i < sizeof subcommands / sizeof *subcommands; i++)
			if (!strcmp(command, subcommands[i].name))
				run = subcommands[i].run;
		if (!run)
			return usage_error("unknown command '%s'", command);
	}
	opt.args = argv + optind;
	opt.nargs = argc - optind;
	if (run == cmd_browse && opt.nargs > 0)
		return usage_error("unexpected argument '%s'", opt.args[0]);

	status = run(&opt, &err);
	if (status == JMON_USAGE)
		return usage_error(err.msg[0] ? "%s" : NULL, err.msg);
	/* Configuration errors are FILE:LINE:COLUMN lines already: no prefix. */
	if (status != JMON_OK && err.msg[0])
		jmon_print(stderr, status == JMON_CONFIG ? "" : "jmon: ", err.msg,
			   status == JMON_CONFIG);
	return flush_stdout(jmon_exit_code(status));
}
