/* SPDX-License-Identifier: EUPL-1.2 */
/* UTF-8 character by character: what is well-formed (RFC 3629), what is
 * cut short, and the steps over characters that never land inside one. */
#include <string.h>

#include "unit.h"
#include "jmon/utf8.h"

static int decode(const char *s, uint32_t *c)
{
	return utf8_decode(s, s + strlen(s), c);
}

static void decode_well_formed(void **state)
{
	uint32_t c;

	(void)state;
	assert_int_equal(decode("a", &c), 1);
	assert_int_equal(c, 'a');
	assert_int_equal(decode("ë", &c), 2);
	assert_int_equal(c, 0xEB);
	assert_int_equal(decode("€", &c), 3);
	assert_int_equal(c, 0x20AC);
	assert_int_equal(decode("😀", &c), 4);
	assert_int_equal(c, 0x1F600);
	assert_int_equal(decode("\xF4\x8F\xBF\xBF", &c), 4);	/* U+10FFFF, the last */
	assert_int_equal(c, 0x10FFFF);
}

static void decode_refuses_what_is_not_a_character(void **state)
{
	(void)state;
	assert_int_equal(decode("\x80", NULL), UTF8_INVALID);		/* a continuation alone */
	assert_int_equal(decode("\xC0\x80", NULL), UTF8_INVALID);	/* overlong NUL */
	assert_int_equal(decode("\xC1\xBF", NULL), UTF8_INVALID);	/* overlong */
	assert_int_equal(decode("\xE0\x80\xAF", NULL), UTF8_INVALID);	/* overlong '/' */
	assert_int_equal(decode("\xF0\x8F\xBF\xBF", NULL), UTF8_INVALID);	/* overlong */
	assert_int_equal(decode("\xED\xA0\x80", NULL), UTF8_INVALID);	/* a surrogate */
	assert_int_equal(decode("\xF4\x90\x80\x80", NULL), UTF8_INVALID);	/* past U+10FFFF */
	assert_int_equal(decode("\xF8\x88\x80\x80\x80", NULL), UTF8_INVALID);
	assert_int_equal(decode("\xFF", NULL), UTF8_INVALID);
	assert_int_equal(decode("\xC3" "a", NULL), UTF8_INVALID);	/* no continuation */
}

static void decode_cut_short(void **state)
{
	const char *smile = "😀", *e = "ë";

	(void)state;
	for (int n = 1; n < 4; n++)
		assert_int_equal(utf8_decode(smile, smile + n, NULL), UTF8_CUT_SHORT);
	assert_int_equal(utf8_decode(e, e + 1, NULL), UTF8_CUT_SHORT);
}

static void encode_what_decode_reads(void **state)
{
	static const uint32_t chars[] = { 0x41, 0x7F, 0x80, 0xEB, 0x7FF, 0x800, 0x20AC,
					  0xFFFD, 0x10000, 0x1F600, 0x10FFFF };
	char out[UTF8_MAX];
	uint32_t back;

	(void)state;
	for (size_t i = 0; i < sizeof chars / sizeof *chars; i++) {
		int n = utf8_encode(chars[i], out);

		assert_true(n >= 1 && n <= UTF8_MAX);
		assert_int_equal(utf8_decode(out, out + n, &back), n);
		assert_int_equal(back, chars[i]);
	}
	assert_int_equal(utf8_encode(0xEB, out), 2);
	assert_memory_equal(out, "ë", 2);
	assert_int_equal(utf8_encode(0xD800, out), 0);		/* a surrogate */
	assert_int_equal(utf8_encode(0x110000, out), 0);	/* no such character */
}

static void start_steps_back_to_the_lead_byte(void **state)
{
	const char *s = "aë€😀";	/* a at 0, ë at 1, € at 3, 😀 at 6..9 */

	(void)state;
	assert_int_equal(utf8_start(s, 0), 0);
	assert_int_equal(utf8_start(s, 1), 1);
	assert_int_equal(utf8_start(s, 2), 1);
	assert_int_equal(utf8_start(s, 5), 3);
	assert_int_equal(utf8_start(s, 9), 6);
	assert_int_equal(utf8_start(s, 10), 10);	/* the NUL */
	/* stray continuation bytes: never more than three back */
	assert_int_equal(utf8_start("a\x80\x80\x80\x80\x80", 5), 2);
	assert_int_equal(utf8_start("\x80\x80", 1), 0);
}

static void skip_takes_a_broken_sequence_whole(void **state)
{
	const char *s = "ë€x", *bad = "\xE2\x82" "x", *run = "\x80\x80\x80\x80\x80\x80";

	(void)state;
	assert_ptr_equal(utf8_skip(s, s + 6), s + 2);
	assert_ptr_equal(utf8_skip(s + 2, s + 6), s + 5);
	assert_ptr_equal(utf8_skip(s + 5, s + 6), s + 6);
	assert_ptr_equal(utf8_skip(bad, bad + 3), bad + 2);	/* € without its last byte */
	assert_ptr_equal(utf8_skip(run, run + 6), run + 4);	/* four bytes at most */
	assert_ptr_equal(utf8_skip(s, s + 1), s + 1);		/* never past end */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_well_formed),
		cmocka_unit_test(decode_refuses_what_is_not_a_character),
		cmocka_unit_test(decode_cut_short),
		cmocka_unit_test(encode_what_decode_reads),
		cmocka_unit_test(start_steps_back_to_the_lead_byte),
		cmocka_unit_test(skip_takes_a_broken_sequence_whole),
	};

	return RUN_TESTS(tests);
}
