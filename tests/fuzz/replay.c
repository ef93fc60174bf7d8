/* SPDX-License-Identifier: EUPL-1.2 */
/* A main for the fuzz targets without libFuzzer: run the target once per
 * file named, or per file in a folder named, so `make check` replays the
 * corpora under the sanitizer build (tests/cli/fuzz_replay.sh).  Prints
 * the number of inputs run. */
#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t size = 0, cap = 0, n;

	if (!f) {
		perror(path);
		return 1;
	}
	do {
		if (size == cap && !(data = realloc(data, cap = cap ? cap * 2 : 4096)))
			abort();
		size += n = fread(data + size, 1, cap - size, f);
	} while (n > 0);
	fclose(f);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	long inputs = 0;
	int bad = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *e;

		if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			bad |= run_file(argv[i]);
			inputs++;
			continue;
		}
		if (!(d = opendir(argv[i]))) {
			perror(argv[i]);
			return 1;
		}
		while ((e = readdir(d))) {
			char path[4096];

			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
			bad |= run_file(path);
			inputs++;
		}
		closedir(d);
	}
	printf("%ld inputs\n", inputs);
	return bad;
}
