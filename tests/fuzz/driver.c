/* Replays fuzzer inputs (files or folders of files) through a target's
 * LLVMFuzzerTestOneInput without libFuzzer, so every corpus entry and every
 * crash ever found runs as a regression test in the normal (gcc, sanitizer)
 * builds. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	size_t len = 0;
	char *data = read_file(path, (size_t)64 << 20, &len);
	if (!data) {
		perror(path);
		return 1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int failed = 0, count = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			failed |= run_file(argv[i]);
			count++;
			continue;
		}
		DIR *dir = opendir(argv[i]);
		struct dirent *e;
		while (dir && (e = readdir(dir))) {
			if (e->d_name[0] == '.')
				continue;
			char *p = xasprintf("%s/%s", argv[i], e->d_name);
			failed |= run_file(p);
			count++;
			free(p);
		}
		if (dir)
			closedir(dir);
	}
	printf("%d inputs replayed\n", count);
	return failed;
}
