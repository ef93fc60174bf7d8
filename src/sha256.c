/* SPDX-License-Identifier: EUPL-1.2 */
/* SHA-256 through libnettle; see include/jmon/sha256.h.  Every imported
 * file is hashed whole, and nettle uses the processor's SHA instructions
 * where it has them. */
#include "jmon/sha256.h"

_Static_assert(SHA256_DIGEST_SIZE == 32, "a SHA-256 digest is 32 bytes");

void sha256_init(struct sha256 *s)
{
	nettle_sha256_init(&s->nettle);
}

void sha256_update(struct sha256 *s, const void *data, size_t len)
{
	nettle_sha256_update(&s->nettle, len, data);
}

void sha256_final(struct sha256 *s, unsigned char digest[32])
{
	nettle_sha256_digest(&s->nettle, SHA256_DIGEST_SIZE, digest);
}

void sha256_hex(const void *data, size_t len, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	struct sha256 s;
	unsigned char d[SHA256_DIGEST_SIZE];

	sha256_init(&s);
	sha256_update(&s, data, len);
	sha256_final(&s, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[SHA256_HEX_LEN] = '\0';
}
