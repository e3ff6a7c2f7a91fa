/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tl-statistics.h"
#include "tl-store.h"

G_BEGIN_DECLS

/* Headless commands: `tideline COMMAND [OPTIONS]`. They link no GTK, so they
 * work with no display (DISPLAY unset), from scripts and cron. */

typedef int (*TlCliCommandFunc) (int argc, char **argv);

typedef struct {
  const char       *name;
  const char       *summary;   /* translatable, N_() */
  TlCliCommandFunc  run;
} TlCliCommand;

gboolean  tl_cli_is_command      (const char  *name);
int       tl_cli_main            (int          argc,
                                  char       **argv);

/* Shared by the commands: --database FILE or --demo. */
typedef struct {
  char     *database;
  gboolean  demo;
} TlCliDatabaseOptions;

GOptionGroup *tl_cli_database_option_group (TlCliDatabaseOptions  *options);
gboolean      tl_cli_parse_options         (const char            *parameter,
                                            const char            *summary,
                                            const GOptionEntry    *entries,
                                            TlCliDatabaseOptions  *db,
                                            int                   *argc,
                                            char                ***argv,
                                            gboolean               any_arguments);
TlStore      *tl_cli_open_store            (TlCliDatabaseOptions  *options,
                                            GError               **error);
void          tl_cli_database_options_clear (TlCliDatabaseOptions *options);
char         *tl_cli_default_database_path (void);
char         *tl_cli_demo_database_path    (void);
TlStore      *tl_cli_open_demo_store       (GTimeZone             *zone,
                                            GError               **error);
gboolean      tl_cli_parse_time            (const char            *text,
                                            GTimeZone             *zone,
                                            gint64                *out_utc,
                                            GError               **error);
gboolean      tl_cli_parse_window          (const char            *from_text,
                                            const char            *to_text,
                                            GTimeZone             *zone,
                                            gint64                *out_from,
                                            gint64                *out_to,
                                            GError               **error);
TlStore      *tl_cli_open_existing_store   (TlCliDatabaseOptions  *options,
                                            int                   *out_status);
TlStore      *tl_cli_open_store_for_reading (TlCliDatabaseOptions *options,
                                            GError               **error);
int           tl_cli_migrate               (int                    argc,
                                            char                 **argv);

/* Exit statuses of every command. */
#define TL_CLI_EXIT_FAILED   1
#define TL_CLI_EXIT_BAD_ARGS 2

/* The work of `tideline import --statistics FILE [--dry-run]`
 * (tl-cli-statistics.c), for the import command to call. */
int tl_cli_import_statistics              (const char                *path,
                                           gboolean                   dry_run,
                                           TlCliDatabaseOptions      *options);
int tl_cli_import_statistics_with_mapping (const char                *path,
                                           const TlStatisticsMapping *mapping,
                                           gboolean                   dry_run,
                                           TlCliDatabaseOptions      *options);
int tl_cli_import_statistics_columns      (const char                *path,
                                           const char                *date_column,
                                           const char                *people_column,
                                           const char                *boats_column,
                                           const char                *year_column,
                                           const char                *week_column,
                                           gboolean                   dry_run,
                                           TlCliDatabaseOptions      *options);

/* The commands. */
int tl_cli_generate (int argc, char **argv);
int tl_cli_export_map (int argc, char **argv);
int tl_cli_export (int argc, char **argv);
int tl_cli_import (int argc, char **argv);
int tl_cli_export_briefing (int argc, char **argv);
int tl_cli_sitrep (int argc, char **argv);
int tl_cli_copy (int argc, char **argv);
int tl_cli_migrate (int argc, char **argv);
int tl_cli_summary (int argc, char **argv);

G_END_DECLS
