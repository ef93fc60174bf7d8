/* SPDX-License-Identifier: EUPL-1.2 */
/* The one allocating printf (xvasprintf, which xasprintf and sb_addf
 * call): a text is as long as it is, past any first guess of a buffer. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "jmon/strbuf.h"
#include "jmon/xmalloc.h"

static void asprintf_is_as_long_as_the_text(void **state)
{
	char long_label[1000];
	char *s;

	(void)state;
	memset(long_label, 'x', sizeof long_label - 1);
	long_label[sizeof long_label - 1] = '\0';
	s = xasprintf("%s (%s)", "Alkmaar", "GM0361");
	assert_string_equal(s, "Alkmaar (GM0361)");
	free(s);
	s = xasprintf("[%s] %d", long_label, 42);
	assert_int_equal(strlen(s), 1 + 999 + 1 + 3);
	assert_string_equal(s + 1001, " 42");
	free(s);
	s = xasprintf("%s", "");
	assert_string_equal(s, "");
	free(s);
}

static void addf_appends(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	for (int i = 0; i < 100; i++)
		sb_addf(&sb, "%s%d", i ? ", " : "", i);
	assert_int_equal(sb.len, strlen(sb_str(&sb)));
	assert_memory_equal(sb_str(&sb), "0, 1, 2, ", 9);
	assert_string_equal(sb_str(&sb) + sb.len - 6, "98, 99");
	sb_addf(&sb, "%s", "");
	assert_string_equal(sb_str(&sb) + sb.len - 2, "99");
	sb_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(asprintf_is_as_long_as_the_text),
		cmocka_unit_test(addf_appends),
	};

	return RUN_TESTS(tests);
}
