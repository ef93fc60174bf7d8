/* Placeholder until the subcommand lands; replaced by its owner. */
#include "jmon/cli.h"

enum jmon_status cmd_report(const struct options *opt, struct jmon_error *err)
{
	(void)opt;
	return jmon_fail(err, JMON_SOFTWARE, "report: not implemented yet");
}
