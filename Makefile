# SPDX-License-Identifier: EUPL-1.2
# jmon — terminal browser for the municipal youth-care monitor.
#
#   make            build ./jmon
#   make run        install missing build dependencies, build, open the sample monitor
#   make check      the same dependency step, a sanitizer build, all tests
#   make bench      benchmarks (import throughput, ...)
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS=N each, FUZZ_TARGETS="csv ..."
#   make install    PREFIX=/usr/local DESTDIR=
#   V=1             show the full commands

VERSION  := 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
SAMPLE   ?= voorbeeldstad

PKGS     := ncursesw sqlite3 yaml-0.1 nettle
CC       ?= cc
CFLAGS   ?= -O2 -g
# Recursive (=), not simple (:=): pkg-config must run after `deps` installed the packages.
# Our own feature macros win over the ones ncursesw.pc adds (-D_XOPEN_SOURCE=600).
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
JCFLAGS  = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DJMON_VERSION='"$(VERSION)"' \
           -Iinclude $(PKG_CFLAGS)
# libunistring (UTF-8, case folding) ships no pkg-config file in Debian
# (libunistring-dev has no .pc), so it is named here; its header is in
# /usr/include.
LDLIBS   = $(PKG_LIBS) -lunistring -lm
SANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

ifeq ($(V),1)
Q :=
else
Q := @
endif

SRC      := $(wildcard src/*.c)
OBJ      := $(SRC:src/%.c=build/obj/%.o) build/obj/default_config.o
SAN_OBJ  := $(SRC:src/%.c=build/san/%.o) build/san/default_config.o
LIB_SAN  := $(filter-out build/san/main.o,$(SAN_OBJ))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/san/tests/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_ALL := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_SECONDS ?= 60
# the corpus replays of `make check`: each target with tests/fuzz/replay.c
FUZZ_REPLAY := $(FUZZ_ALL:%=build/san/fuzz/%)

.PHONY: all run sample check test bench fuzz install uninstall clean deps deps-check
.SUFFIXES:

all: jmon

jmon: $(OBJ)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

build/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(JCFLAGS) -MMD -MP -c -o $@ $<

build/default_config.c: config/jmon.yaml tools/embed.sh
	@mkdir -p $(@D)
	@$(if $(Q),echo "  EMBED   $<")
	$(Q)tools/embed.sh $< jmon_default_config > $@

build/obj/default_config.o: build/default_config.c
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

# --- sanitizer build: what `make check` tests ---------------------------
build/san/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC/SAN  $<")
	$(Q)$(CC) $(SANFLAGS) $(JCFLAGS) -MMD -MP -c -o $@ $<

build/san/default_config.o: build/default_config.c
	$(Q)$(CC) $(SANFLAGS) -c -o $@ $<

build/san/jmon: $(SAN_OBJ)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(SANFLAGS) -o $@ $^ $(LDLIBS)

build/san/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB_SAN)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(SANFLAGS) $(JCFLAGS) -Itests/unit -o $@ $< $(LIB_SAN) $(LDLIBS) -lcmocka

build/san/fuzz/%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(wildcard tests/fuzz/*.h) $(LIB_SAN)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  FUZZ    $@ (replay)")
	$(Q)$(CC) $(SANFLAGS) $(JCFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c $(LIB_SAN) $(LDLIBS)

# --- fuzzing: libFuzzer needs clang ------------------------------------------
FUZZ_CC  ?= clang
FUZZFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_OBJ := $(filter-out build/fuzz/obj/main.o,$(SRC:src/%.c=build/fuzz/obj/%.o)) build/fuzz/obj/default_config.o

.SECONDARY: $(FUZZ_OBJ)	# objects of a pattern rule, kept for the next target
build/fuzz/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC/FUZZ $<")
	$(Q)$(FUZZ_CC) $(FUZZFLAGS) -fsanitize=fuzzer-no-link $(JCFLAGS) -MMD -MP -c -o $@ $<

build/fuzz/obj/default_config.o: build/default_config.c
	$(Q)$(FUZZ_CC) $(FUZZFLAGS) -c -o $@ $<

build/fuzz/%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(FUZZ_OBJ)
	@$(if $(Q),echo "  FUZZ    $@")
	$(Q)$(FUZZ_CC) $(FUZZFLAGS) -fsanitize=fuzzer $(JCFLAGS) -Itests/fuzz -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

fuzz:
	@tools/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=build/fuzz/%)
	@tools/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# --- the two commands ------------------------------------------------------
deps:
	@tools/deps.sh run
deps-check:
	@tools/deps.sh check

SAMPLE_DB := build/sample/$(SAMPLE).db
run: deps
	@$(MAKE) --no-print-directory jmon sample-db SAMPLE=$(SAMPLE)
	./jmon --db $(SAMPLE_DB) $(if $(wildcard sample-data/$(SAMPLE)/monitor.yaml),--config sample-data/$(SAMPLE)/monitor.yaml)

sample-db: jmon
	@tools/build-sample.sh ./jmon $(SAMPLE) $(SAMPLE_DB)

sample: jmon
	@for d in sample-data/*/; do n=$$(basename $$d); \
		tools/build-sample.sh ./jmon $$n build/sample/$$n.db || exit 1; done

check: deps-check
	@$(MAKE) --no-print-directory build/san/jmon $(UNIT_BIN) $(FUZZ_REPLAY)
	@tests/run.sh build/san/jmon build/san/tests

test: check

bench:
	@tools/deps.sh bench
	@$(MAKE) --no-print-directory jmon
	@tools/bench.sh ./jmon

# --- install ---------------------------------------------------------------
MAN1 := man/jmon.1
MAN5 := $(wildcard man/*.5)
install: jmon
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 jmon $(DESTDIR)$(BINDIR)/jmon
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	$(if $(MAN5),install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/jmon $(DESTDIR)$(MANDIR)/man1/jmon.1
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5)))

clean:
	rm -rf build jmon tests/out

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
