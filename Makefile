# SPDX-License-Identifier: EUPL-1.2
# jmon — terminal browser for the municipal youth-care monitor.
#
#   make            build ./jmon
#   make run        install missing build dependencies, build, open the sample monitor
#   make check      the same dependency step, a sanitizer build, all tests
#   make bench      benchmarks (import throughput, ...)
#   make install    PREFIX=/usr/local DESTDIR= (also BINDIR, MANDIR, SYSCONFDIR)
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS=N each, FUZZ_TARGETS="csv ..."
#   make install    PREFIX=/usr/local DESTDIR=
#   V=1             show the full commands
#   WERROR=         warnings stay warnings (packages, newer compilers);
#                   `make check` always builds with -Werror
# CC, CPPFLAGS, CFLAGS, LDFLAGS and PKG_CONFIG are the user's (hardening
# flags from dpkg-buildflags, a cross pkg-config): they are added to, never
# replaced.

# The one place the version is written; --version, the installed man pages
# and debian/changelog follow it (tests/cli/version.sh checks they agree).
VERSION  := $(shell cat VERSION)
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
# The system-wide configuration is SYSCONFDIR/jmon/jmon.yaml.  /etc even
# under PREFIX=/usr/local: the team set-up of README.md puts it there.
SYSCONFDIR ?= /etc
SAMPLE   ?= voorbeeldstad

PKGS     := ncursesw sqlite3 yaml-0.1 nettle xlsxwriter zlib
PKG_CONFIG ?= pkg-config
CC       ?= cc
CFLAGS   ?= -O2 -g
WERROR   ?= -Werror
# Recursive (=), not simple (:=): pkg-config must run after `deps` installed the packages.
# Our own feature macros win over the ones ncursesw.pc adds (-D_XOPEN_SOURCE=600).
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
JCFLAGS  = -std=c11 -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
           -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DJMON_VERSION='"$(VERSION)"' \
           -DJMON_SYSCONFDIR='"$(SYSCONFDIR)"' -Iinclude $(PKG_CFLAGS) $(CPPFLAGS)
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

.PHONY: all run sample check test bench fuzz install uninstall clean deps deps-check man deb-check
.SUFFIXES:

all: jmon

jmon: $(OBJ)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Every rule makes the folder of what it writes: a single object from a clean
# tree, or any order under -j, finds it there.
build/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(JCFLAGS) -MMD -MP -c -o $@ $<

build/default_config.c: config/jmon.yaml tools/embed.sh
	@mkdir -p $(@D)
	@$(if $(Q),echo "  EMBED   $<")
	$(Q)tools/embed.sh $< jmon_default_config > $@

build/obj/default_config.o: build/default_config.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# --- sanitizer build: what `make check` tests ---------------------------
build/san/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC/SAN  $<")
	$(Q)$(CC) $(SANFLAGS) $(JCFLAGS) -MMD -MP -c -o $@ $<

build/san/default_config.o: build/default_config.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(SANFLAGS) -c -o $@ $<

build/san/jmon: $(SAN_OBJ)
	@mkdir -p $(@D)
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

# The tested build keeps -Werror whatever WERROR says.
check: deps-check
	@$(MAKE) --no-print-directory build/san/jmon $(UNIT_BIN) $(FUZZ_REPLAY) WERROR=-Werror
	@tests/run.sh build/san/jmon build/san/tests

test: check

# The Debian package: built from a copy of the tree, lintian, unpacked and
# run (tests/deb/check.sh).  Apart from make check: it builds everything
# once more, with the packagers' flags.
deb-check:
	@tools/deps.sh deb
	@rm -rf tests/out/deb && mkdir -p tests/out
	@T=$(CURDIR)/tests/out/deb TOP=$(CURDIR) JMON=$(CURDIR)/jmon LC_ALL=C.UTF-8 TZ=UTC \
		sh tests/deb/check.sh >tests/out/deb.tap 2>&1; cat tests/out/deb.tap
	@p=$$(grep -c '^ok' tests/out/deb.tap); f=$$(grep -c '^not ok' tests/out/deb.tap); \
		echo "$$p passed, $$f failed"; [ "$$f" -eq 0 ] && [ "$$p" -gt 0 ]

bench:
	@tools/deps.sh bench
	@$(MAKE) --no-print-directory jmon build/gen-national
	@tools/bench.sh ./jmon

# The national scenario's generator (tools/bench-national.sh): it reads the
# monitor with jmon's own configuration module.
build/gen-national: tools/gen-national.c $(filter-out build/obj/main.o,$(OBJ))
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(JCFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# --- install ---------------------------------------------------------------
# Every man page of man/, in the section its name ends with.  The sources
# carry no version ("jmon" in the .TH footer): the installed copy gets
# VERSION, so no file but VERSION has to change for a release.
MAN      := $(wildcard man/*.[1-8])
MAN_OUT  := $(MAN:man/%=build/man/%)
man: $(MAN_OUT)
build/man/%: man/% VERSION
	@mkdir -p $(@D)
	$(Q)sed '/^\.TH /s/"jmon"/"jmon $(VERSION)"/' $< >$@

install: jmon $(MAN_OUT)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 jmon $(DESTDIR)$(BINDIR)/jmon
	$(Q)for m in $(MAN_OUT); do s=$${m##*.}; \
		install -d $(DESTDIR)$(MANDIR)/man$$s && \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/ || exit 1; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/jmon
	rm -f $(foreach m,$(MAN),$(DESTDIR)$(MANDIR)/man$(subst .,,$(suffix $(m)))/$(notdir $(m)))

clean:
	rm -rf build jmon tests/out

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
