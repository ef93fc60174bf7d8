/* SPDX-License-Identifier: EUPL-1.2 */
/* Whether a workbook was written whole; see include/jmon/xlsx_check.h.
 *
 * A workbook is a zip archive (the format of PKWARE's APPNOTE): at its
 * end the end of central directory record, which says where the central
 * directory is; each entry of that directory says where its member's local
 * header is, how the member is stored (8: deflate, 0: as it is), its size
 * and its CRC-32.  libxlsxwriter writes no archive comment and no zip64
 * records below 4 GiB, so the record is the file's last 22 bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "jmon/xlsx_check.h"
#include "jmon/xmalloc.h"

#define END_SIZE 22
#define CENTRAL_SIZE 46
#define LOCAL_SIZE 30
/* a member larger than this is not one jmon wrote */
#define MEMBER_MAX (1024UL * 1024 * 1024)

static uint32_t le(const unsigned char *p, int n)
{
	uint32_t v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

/* The whole file, or NULL. */
static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long size;

	if (f && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= END_SIZE &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = xmalloc((size_t)size);
		if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)size;
	}
	if (f)
		fclose(f);
	return buf;
}

/* Whether an XML member ends with the end tag of the element it starts
 * (after its <?xml ...?> declaration): a member cut short does not. */
static bool xml_closed(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *name;
	size_t len;
	char tag[128];

	if (n > 5 && !memcmp(p, "<?xml", 5) && (p = memchr(p, '>', n)))
		p++;
	while (p && p < end && strchr(" \t\r\n", *p))
		p++;
	if (!p || p >= end || *p != '<')
		return false;
	name = ++p;
	while (p < end && !strchr(" \t\r\n/>", *p))
		p++;
	len = (size_t)(p - name);
	while (n > 0 && strchr(" \t\r\n", s[n - 1]))
		n--;
	if (len == 0 || len + 4 > sizeof tag)
		return false;
	snprintf(tag, sizeof tag, "</%.*s>", (int)len, name);
	return n >= strlen(tag) && !memcmp(s + n - strlen(tag), tag, strlen(tag));
}

/* The member of central directory entry c: inflated to its size and
 * CRC-32, and closed when it is XML. */
static bool member_whole(const unsigned char *zip, size_t len, const unsigned char *c)
{
	uint32_t method = le(c + 10, 2), crc = le(c + 16, 4), csize = le(c + 20, 4);
	uint32_t usize = le(c + 24, 4), nlen = le(c + 28, 2), at = le(c + 42, 4);
	const char *name = (const char *)c + CENTRAL_SIZE;
	const unsigned char *data;
	z_stream z = { 0 };
	unsigned char *out;
	size_t from;
	bool ok;

	if (len < LOCAL_SIZE || at > len - LOCAL_SIZE || le(zip + at, 4) != 0x04034b50 ||
	    usize > MEMBER_MAX || (method != 0 && method != 8))
		return false;
	from = (size_t)at + LOCAL_SIZE + le(zip + at + 26, 2) + le(zip + at + 28, 2);
	if (from > len || csize > len - from)
		return false;
	data = zip + from;
	out = xmalloc(usize + 1);
	if (method == 0) {
		ok = csize == usize;
		if (ok)
			memcpy(out, data, usize);
	} else {
		z.next_in = (unsigned char *)data;
		z.avail_in = csize;
		z.next_out = out;
		z.avail_out = usize + 1;
		ok = inflateInit2(&z, -MAX_WBITS) == Z_OK && inflate(&z, Z_FINISH) == Z_STREAM_END &&
		     z.total_out == usize;
		inflateEnd(&z);
	}
	ok = ok && crc32(0, out, usize) == crc;
	if (ok && ((nlen > 4 && !memcmp(name + nlen - 4, ".xml", 4)) ||
		   (nlen > 5 && !memcmp(name + nlen - 5, ".rels", 5))))
		ok = xml_closed((const char *)out, usize);
	free(out);
	return ok;
}

bool xlsx_check_whole(const char *path)
{
	size_t len = 0;
	unsigned char *zip = slurp(path, &len);
	const unsigned char *end;
	uint32_t n, at;
	bool ok;

	if (!zip)
		return false;
	end = zip + len - END_SIZE;
	n = le(end + 10, 2);
	at = le(end + 16, 4);
	ok = le(end, 4) == 0x06054b50 && n > 0;
	/* each entry: its fixed part, then its name, extra field and comment */
	for (size_t off = at; ok && n-- > 0;) {
		const unsigned char *c = zip + off;

		ok = off <= len - END_SIZE - CENTRAL_SIZE && le(c, 4) == 0x02014b50 &&
		     le(c + 28, 2) <= len - END_SIZE - CENTRAL_SIZE - off &&
		     member_whole(zip, len, c);
		off += CENTRAL_SIZE + le(c + 28, 2) + le(c + 30, 2) + le(c + 32, 2);
	}
	free(zip);
	return ok;
}
