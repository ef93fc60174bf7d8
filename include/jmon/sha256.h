/* SPDX-License-Identifier: EUPL-1.2 */
/* SHA-256 (FIPS 180-4), to recognise a file that was imported before:
 * SQLite's C API has no hash function, and one file's digest is all we
 * need.  libnettle computes it; these are jmon's names for it. */
#ifndef JMON_SHA256_H
#define JMON_SHA256_H

#include <nettle/sha2.h>
#include <stddef.h>

/* <nettle/sha2.h> spells its functions as macros (sha256_init for
 * nettle_sha256_init, ...), which would rename jmon's functions below into
 * nettle's.  src/sha256.c calls nettle by the full names instead. */
#undef sha256_init
#undef sha256_update
#undef sha256_digest

#define SHA256_HEX_LEN 64	/* hex digits, without the NUL */

struct sha256 {
	struct sha256_ctx nettle;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
void sha256_final(struct sha256 *s, unsigned char digest[32]);
/* The digest of data as lowercase hex into hex (SHA256_HEX_LEN + 1 bytes). */
void sha256_hex(const void *data, size_t len, char *hex);

#endif
