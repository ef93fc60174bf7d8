/* SPDX-License-Identifier: EUPL-1.2 */
/* SHA-256 (FIPS 180-4), to recognise a file that was imported before:
 * SQLite's C API has no hash function, and one file's digest is all we need. */
#ifndef JMON_SHA256_H
#define JMON_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_HEX_LEN 64	/* hex digits, without the NUL */

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;		/* message length so far */
	unsigned char block[64];
	size_t fill;		/* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
void sha256_final(struct sha256 *s, unsigned char digest[32]);
/* The digest of data as lowercase hex into hex (SHA256_HEX_LEN + 1 bytes). */
void sha256_hex(const void *data, size_t len, char *hex);

#endif
