# retention: PGXS build.  `make && make install`, then `tools/test`.
PG_CONFIG ?= pg_config

EXTENSION = retention
EXTVERSION = 1.0
MODULE_big = retention
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The install script is the concatenation of one file per metric family,
# in file-name order (sql/install/00_machinery.sql first).
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
EXTRA_CLEAN = sql/$(EXTENSION)--$(EXTVERSION).sql

# pg_regress: sql/<test>.sql against expected/<test>.out.
REGRESS = $(sort $(basename $(notdir $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)

PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Werror

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

sql/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard sql/install/*.sql))
	cat $^ > $@

.PHONY: bench
bench:
	tools/bench

# PGXS tracks no header dependencies (only a server built with
# --enable-depend does): rebuild every object when a header changes, so that
# a changed struct can never meet an object compiled against the old one.
$(OBJS): $(wildcard src/*.h)
