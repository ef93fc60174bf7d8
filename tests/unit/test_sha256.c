/* SPDX-License-Identifier: EUPL-1.2 */
/* SHA-256 against the FIPS 180-2 / NIST example vectors, plus the block
 * boundaries where padding goes wrong. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "jmon/sha256.h"

static void assert_digest(const char *msg, size_t len, const char *want)
{
	char hex[SHA256_HEX_LEN + 1];

	sha256_hex(msg, len, hex);
	assert_string_equal(hex, want);
}

static void test_fips_vectors(void **state)
{
	(void)state;
	assert_digest("abc", 3,
		      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_digest("", 0,
		      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
		      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	assert_digest("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		      "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 112,
		      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a_in_pieces(void **state)
{
	struct sha256 s;
	unsigned char d[32];
	char chunk[1000];
	static const unsigned char want[8] = { 0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92 };

	(void)state;
	memset(chunk, 'a', sizeof chunk);
	sha256_init(&s);
	/* Odd piece sizes, so block boundaries fall inside updates. */
	for (int done = 0; done < 1000000;) {
		int n = 1000000 - done < 997 ? 1000000 - done : 997;

		sha256_update(&s, chunk, (size_t)n);
		done += n;
	}
	sha256_final(&s, d);
	assert_memory_equal(d, want, sizeof want);	/* cdc76e5c 9914fb92 ... */
}

static void test_piecewise_equals_whole(void **state)
{
	char text[200];
	char whole[SHA256_HEX_LEN + 1];
	struct sha256 s;
	unsigned char d[32], w[32];

	(void)state;
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)('a' + i % 26);
	/* Around the 55/56/64-byte padding boundaries. */
	for (size_t len = 50; len < 130; len++) {
		sha256_hex(text, len, whole);
		sha256_init(&s);
		sha256_update(&s, text, len);
		sha256_final(&s, w);
		sha256_init(&s);
		for (size_t i = 0; i < len; i++)
			sha256_update(&s, text + i, 1);
		sha256_final(&s, d);
		assert_memory_equal(d, w, 32);
	}
	assert_digest("The quick brown fox jumps over the lazy dog", 43,
		      "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fips_vectors),
		cmocka_unit_test(test_million_a_in_pieces),
		cmocka_unit_test(test_piecewise_equals_whole),
	};

	return RUN_TESTS(tests);
}
