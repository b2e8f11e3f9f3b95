# retention: PGXS build.  `make && make install`, then `tools/test`.
PG_CONFIG ?= pg_config

EXTENSION = retention
EXTVERSION = 1.1
MODULE_big = retention
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The install script is the concatenation of one file per metric family,
# in file-name order (sql/install/00_machinery.sql first).  The 1.0 script
# is a released artefact, committed as it shipped; the upgrade from it is
# built from the machinery prologue, the install files that are new since
# 1.0, sql/upgrade/1.0--1.1.sql (changes to objects 1.0 already had) and
# the epilogue.
#
# UPGRADE_NEW: every file of sql/install/ that 1.0 did not have, in name
# order.  A new install file must be added here too (test/sh/upgrade.sh
# fails otherwise: the upgraded extension would lack its objects).
UPGRADE_NEW = 30_orders.sql 45_clv.sql 70_cohort.sql 90_catalog.sql

DATA = sql/$(EXTENSION)--1.0.sql
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql sql/$(EXTENSION)--1.0--$(EXTVERSION).sql
EXTRA_CLEAN = $(DATA_built)

# pg_regress: sql/<test>.sql against expected/<test>.out.
REGRESS = $(sort $(basename $(notdir $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)

PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Werror

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

sql/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard sql/install/*.sql))
	cat $^ > $@

sql/$(EXTENSION)--1.0--$(EXTVERSION).sql: sql/install/00_machinery.sql \
		$(addprefix sql/install/,$(UPGRADE_NEW)) sql/upgrade/1.0--$(EXTVERSION).sql sql/install/99_end.sql
	cat $^ > $@

.PHONY: bench
bench:
	tools/bench

# PGXS tracks no header dependencies (only a server built with
# --enable-depend does): rebuild every object when a header changes, so that
# a changed struct can never meet an object compiled against the old one.
$(OBJS): $(wildcard src/*.h)
