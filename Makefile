# retention: PGXS build.  `make && make install`, then `tools/test`.
PG_CONFIG ?= pg_config

EXTENSION = retention
EXTVERSION = 1.2
MODULE_big = retention
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The install script is the concatenation of one file per metric family,
# in file-name order (sql/install/00_header.sql first), each declaring its
# objects literally.  The scripts of released versions are committed as
# they shipped and never rebuilt: retention--1.0.sql, retention--1.1.sql and
# retention--1.0--1.1.sql.  The upgrade from 1.1 is sql/upgrade/1.1--1.2.sql
# (changes to objects 1.1 already had) followed by the install files that
# are new since 1.1, and then sql/install/90_catalog.sql again, so that the
# catalog view lists the metrics the new files added.
#
# UPGRADE_NEW: every file of sql/install/ that 1.1 did not have, in name
# order.  A new install file must be added here too (test/sh/upgrade.sh
# fails otherwise: the upgraded extension would lack its objects).
UPGRADE_NEW = 11_survey_input_types.sql 32_returning_customer_rate.sql 46_clv_purchase_probability.sql 47_sbg_bgbb.sql 48_clv_models.sql 49_clv_orders_models.sql 50_receivables.sql 55_saas.sql 61_lifecycle_timestamps.sql 71_customer_key_types.sql 72_stickiness_timestamps.sql 75_product_retention.sql 78_customer_key_types_more.sql 79_whole_number_parameters.sql

DATA = sql/$(EXTENSION)--1.0.sql sql/$(EXTENSION)--1.1.sql sql/$(EXTENSION)--1.0--1.1.sql
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql sql/$(EXTENSION)--1.1--$(EXTVERSION).sql
EXTRA_CLEAN = $(DATA_built)

# pg_regress: sql/<test>.sql against expected/<test>.out.
REGRESS = $(sort $(basename $(notdir $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)

PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Werror

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# sql/install itself is a prerequisite too: its time changes when a file is
# added, removed or renamed there, which the list of files alone misses (a
# removed file would otherwise stay in the generated script).
sql/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard sql/install/*.sql)) sql/install
	cat $(filter %.sql,$^) > $@

sql/$(EXTENSION)--1.1--$(EXTVERSION).sql: sql/upgrade/1.1--$(EXTVERSION).sql \
		$(addprefix sql/install/,$(UPGRADE_NEW)) sql/install/90_catalog.sql sql/install
	cat $(filter %.sql,$^) > $@

.PHONY: bench
bench:
	tools/bench

# PGXS tracks no header dependencies (only a server built with
# --enable-depend does): rebuild every object when a header changes, so that
# a changed struct can never meet an object compiled against the old one.
$(OBJS): $(wildcard src/*.h)
