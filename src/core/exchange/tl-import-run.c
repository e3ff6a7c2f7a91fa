/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "tl-import-private.h"

/* A file's rows are validated in chunks by worker threads, each with a
 * validator of its own, and taken in file order by the calling thread.
 * Content keys are numbered by whichever worker finds the next chunk in
 * file order validated, since only the file in order can say which copy
 * of a row is which. An import also writes each chunk into one store
 * transaction as it comes (tl_store_bulk_add()), so that SQLite writes
 * the first rows while the workers check the last; and a CSV file is
 * read a chunk at a time by the workers themselves, just before they
 * check it. On two cores a 100k-row import then takes about as long as
 * the writing alone, where reading, validating and writing one after the
 * other took the three. A bad row stops the writing (the transaction is
 * rolled back: all or nothing), but not the validation, so that every
 * bad row is reported. */

/* Rows a worker takes at a time: FIRST_CHUNK_ROWS, then twice as many
 * each time up to CHUNK_ROWS, so that the writer starts early. */
#define FIRST_CHUNK_ROWS 1024
#define CHUNK_ROWS 8192
#define MAX_WORKERS 4

typedef struct {
  GPtrArray  *events;
  GPtrArray  *keys;
  GByteArray *key_digests;
  GPtrArray  *problems;
  gboolean    validated;
  gboolean    done;           /* and its keys numbered */
} Chunk;

typedef struct {
  TlImportSource *source;
  GTimeZone      *zone;
  const char     *operator_name;  /* nullable: only checking */

  GMutex          mutex;
  GCond           changed;        /* a chunk is done, or rows were read */
  Chunk          *chunks;
  guint           n_chunks;       /* at most: the last ones may be empty */
  guint           next_chunk;     /* the next for a worker to take */
  gboolean        stop;           /* the writing failed: no more work */

  gboolean        writing;        /* the calling thread writes the chunks */
  gboolean        release_rows;   /* a row is freed once checked */

  /* Numbering, chunk after chunk in file order. */
  GHashTable     *copies;         /* see tl_import_number_content_keys() */
  guint           next_to_number;
  gboolean        numbering;      /* a worker is at it */

  /* Rows are read as workers need them, or are all there. */
  TlCsvReader    *reader;         /* nullable */
  gboolean        reader_busy;    /* a worker is reading */
  guint           n_read;         /* rows the workers may look at */
  gboolean        reading;
  GError         *read_error;
} Run;

/* The first row of chunk @k. */
static guint
chunk_start (guint k)
{
  guint start = 0, size = FIRST_CHUNK_ROWS;

  for (; k > 0 && size < CHUNK_ROWS; k--, size *= 2)
    start += size;

  return start + k * CHUNK_ROWS;
}

static guint
count_chunks (guint n_rows)
{
  guint k = 0;

  while (chunk_start (k) < n_rows)
    k++;

  return k;
}

/* Called with the mutex held: makes sure rows up to @end are read, or
 * all there are. One worker reads while the others wait. The source's
 * row array has room for every row the file can hold
 * (tl_import_source_reserve_rows()), so reading more never moves the
 * rows others are checking. */
static void
read_rows (Run   *run,
           guint  end)
{
  while (run->reading && run->n_read < end)
    {
      GError *error = NULL;
      gboolean done = FALSE, ok;

      if (run->reader_busy)
        {
          g_cond_wait (&run->changed, &run->mutex);
          continue;
        }

      run->reader_busy = TRUE;
      g_mutex_unlock (&run->mutex);
      ok = tl_csv_reader_read (run->reader, end, &done, &error);
      g_mutex_lock (&run->mutex);
      run->reader_busy = FALSE;
      run->n_read = run->source->rows->len;
      if (!ok || done || run->stop)
        {
          run->reading = FALSE;
          run->read_error = error;
        }
      g_cond_broadcast (&run->changed);
    }
}

/* A worker of an import runs a little behind the thread that writes:
 * that one is the import's critical path, and a worker that took its
 * core from it only made it wait. Linux gives each thread a nice value
 * of its own; elsewhere this does nothing. */
static void
yield_to_writer (void)
{
#if defined (__linux__) && defined (SYS_gettid)
  id_t tid = (id_t) syscall (SYS_gettid);
  int nice;

  errno = 0;
  nice = getpriority (PRIO_PROCESS, tid);
  if (errno == 0 && setpriority (PRIO_PROCESS, tid, MIN (nice + 5, 19)) != 0)
    g_debug ("Could not lower a validation thread's priority: %s", g_strerror (errno));
#endif
}

/* Called with the mutex held: numbers the keys of the chunks validated
 * next in file order, unless another worker is at it. */
static void
number_chunks (Run *run)
{
  if (run->numbering)
    return;

  run->numbering = TRUE;
  while (run->next_to_number < run->n_chunks && run->chunks[run->next_to_number].validated)
    {
      Chunk *chunk = &run->chunks[run->next_to_number];

      /* Nobody else touches a validated chunk before it is done. */
      g_mutex_unlock (&run->mutex);
      tl_import_number_content_keys (run->copies, chunk->keys, chunk->key_digests);
      g_mutex_lock (&run->mutex);
      chunk->done = TRUE;
      run->next_to_number++;
    }
  run->numbering = FALSE;
}

static gpointer
worker (gpointer data)
{
  Run *run = data;
  TlImportValidator *v = tl_import_validator_new (run->source, run->zone, run->operator_name);

  if (run->writing)
    yield_to_writer ();

  for (;;)
    {
      Chunk chunk = { NULL, };
      guint k, first, end;

      g_mutex_lock (&run->mutex);
      k = run->next_chunk;
      if (run->stop || k >= run->n_chunks)
        {
          g_mutex_unlock (&run->mutex);
          break;
        }
      run->next_chunk++;
      first = chunk_start (k);
      end = chunk_start (k + 1);
      read_rows (run, end);
      end = MIN (end, run->n_read);
      g_mutex_unlock (&run->mutex);

      chunk.events = g_ptr_array_new_with_free_func (g_object_unref);
      chunk.keys = g_ptr_array_new_with_free_func (g_free);
      chunk.key_digests = g_byte_array_new ();
      chunk.problems = g_ptr_array_new_with_free_func (tl_import_problem_free);
      if (first < end)
        tl_import_validator_run (v, first, end, chunk.events, chunk.keys, chunk.key_digests,
                                 chunk.problems);
      chunk.validated = TRUE;
      /* Its event holds what it needs of the row: the memory goes to the
       * next rows read and checked, rather than new pages for them. */
      if (run->release_rows)
        for (guint i = first; i < end; i++)
          g_clear_pointer (&run->source->rows->pdata[i], g_free);

      g_mutex_lock (&run->mutex);
      run->chunks[k] = chunk;
      number_chunks (run);
      g_cond_broadcast (&run->changed);
      g_mutex_unlock (&run->mutex);
    }

  tl_import_validator_free (v);
  return NULL;
}

static gpointer
ref_event (gconstpointer event,
           gpointer      user_data)
{
  return g_object_ref ((gpointer) event);
}

static Chunk *
wait_for_chunk (Run   *run,
                guint  k)
{
  g_mutex_lock (&run->mutex);
  while (!run->chunks[k].done)
    g_cond_wait (&run->changed, &run->mutex);
  g_mutex_unlock (&run->mutex);

  return &run->chunks[k];
}

static void
chunk_clear (Chunk *chunk)
{
  g_clear_pointer (&chunk->events, g_ptr_array_unref);
  g_clear_pointer (&chunk->keys, g_ptr_array_unref);
  g_clear_pointer (&chunk->key_digests, g_byte_array_unref);
  g_clear_pointer (&chunk->problems, g_ptr_array_unref);
}

static void
stop_run (Run *run)
{
  g_mutex_lock (&run->mutex);
  run->stop = TRUE;
  g_mutex_unlock (&run->mutex);
}

/* Validates every row, and writes them into @bulk (if not NULL) as they
 * come until a row is bad (unless @skip_bad_rows) or the writing fails.
 * With @csv, the rows are read meanwhile, up to @max_rows of them, and
 * each is freed once checked: nothing reads them again (a file read
 * this way is imported once, tl_import_file()), and a million rows kept
 * to the end were as many fresh pages of memory, each a page fault. On
 * return @bulk is committed, or aborted. Returns NULL only when reading
 * or writing failed, with @error set. */
static TlImportResult *
run_rows (TlImportSource  *self,
          GTimeZone       *zone,
          TlCsvReader     *csv,
          guint            max_rows,
          TlStoreBulk     *bulk,
          gboolean         skip_bad_rows,
          const char      *operator_name,
          GError         **error)
{
  g_autoptr(TlImportResult) result = tl_import_result_new ();
  g_autoptr(GError) local_error = NULL;
  GThread *threads[MAX_WORKERS] = { NULL, };
  guint n_workers;
  Run run = {
    .source = self,
    .zone = zone,
    .operator_name = operator_name,
    .reader = csv,
    .reading = csv != NULL,
    .n_read = self->rows->len,
    .copies = g_hash_table_new (g_str_hash, g_str_equal),
    .writing = bulk != NULL,
    /* A reader's problem is keyed by its row (tl-import-rows.c): a CSV
     * reader has none, and a freed row's memory may hold the next one. */
    .release_rows = csv != NULL && g_hash_table_size (self->row_problems) == 0,
  };

  g_mutex_init (&run.mutex);
  g_cond_init (&run.changed);
  self->rows_released = run.release_rows;
  run.n_chunks = count_chunks (csv != NULL ? max_rows : self->rows->len);
  run.chunks = g_new0 (Chunk, MAX (run.n_chunks, 1));

  /* One worker a core, even while this thread writes: validating is the
   * slower side (a single worker kept the writer waiting a quarter of
   * an import), and the workers yield to the writer (yield_to_writer()),
   * so that they take only the time it leaves. */
  n_workers = (guint) g_get_num_processors ();
  n_workers = CLAMP (MIN (n_workers, run.n_chunks), 1, MAX_WORKERS);
  for (guint w = 0; w < n_workers; w++)
    threads[w] = g_thread_try_new ("tl-validate", worker, &run, NULL);
  /* Not even one thread: this one does all the work. */
  if (threads[0] == NULL)
    worker (&run);

  result->by_feature = self->by_feature;
  result->source_name = g_strdup (self->display_name);
  for (guint k = 0; k < run.n_chunks; k++)
    {
      Chunk *chunk = wait_for_chunk (&run, k);

      g_ptr_array_extend_and_steal (result->problems, g_steal_pointer (&chunk->problems));

      if (bulk != NULL && result->problems->len > 0 && !skip_bad_rows)
        g_clear_pointer (&bulk, tl_store_bulk_abort);

      if (bulk != NULL && chunk->events->len > 0 &&
          !tl_store_bulk_add (bulk, chunk->events, chunk->key_digests->data, &local_error))
        {
          g_clear_pointer (&bulk, tl_store_bulk_abort);
          /* Its keys may still be compared by a worker numbering the next
           * ones: cleared once the workers are gone. */
          stop_run (&run);
          break;
        }

      /* The bulk keeps its own reference to the events until the commit
       * gives them their ids. */
      g_ptr_array_extend (result->events, chunk->events, ref_event, NULL);
      g_ptr_array_extend_and_steal (result->keys, g_steal_pointer (&chunk->keys));
      g_byte_array_append (result->key_digests, chunk->key_digests->data, chunk->key_digests->len);
      chunk_clear (chunk);
    }

  for (guint w = 0; w < n_workers; w++)
    if (threads[w] != NULL)
      g_thread_join (threads[w]);
  for (guint k = 0; k < run.n_chunks; k++)
    chunk_clear (&run.chunks[k]);
  g_free (run.chunks);
  g_hash_table_unref (run.copies);
  g_cond_clear (&run.changed);
  g_mutex_clear (&run.mutex);

  result->n_rows = self->rows->len;
  if (local_error == NULL && run.read_error != NULL)
    local_error = g_steal_pointer (&run.read_error);
  g_clear_error (&run.read_error);
  if (local_error == NULL && csv != NULL && result->n_rows == 0)
    g_set_error (&local_error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_EMPTY,
                 _("“%s” holds no events"), self->display_name);

  if (local_error != NULL)
    {
      if (bulk != NULL)
        tl_store_bulk_abort (bulk);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (bulk != NULL && !tl_store_bulk_commit (bulk, &result->n_added, &result->n_already, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* What tl_import_source_import() does once the rows are read (or are
 * being read by @csv). */
static gboolean
import_rows (TlImportSource  *self,
             GTimeZone       *zone,
             TlCsvReader     *csv,
             guint            max_rows,
             TlStore         *store,
             gboolean         skip_bad_rows,
             const char      *operator_name,
             TlImportResult **out_result,
             GError         **error)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(TlImportResult) result = NULL;
  TlStoreBulk *bulk;

  if (zone == NULL)
    zone = utc = g_time_zone_new_utc ();

  if ((bulk = tl_store_bulk_begin (store, operator_name, self->display_name, error)) == NULL)
    return FALSE;
  if ((result = run_rows (self, zone, csv, max_rows, bulk, skip_bad_rows, operator_name, error)) == NULL)
    return FALSE;

  if (result->problems->len > 0 && !skip_bad_rows)
    {
      tl_import_set_bad_rows_error (result, error);
      result->n_added = result->n_already = 0;
      if (out_result != NULL)
        *out_result = g_steal_pointer (&result);
      return FALSE;
    }

  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);
  return TRUE;
}

/* Public API */

/**
 * tl_import_source_validate:
 * @self: a source
 * @zone: (nullable): the zone of times written without an offset; %NULL
 *   for UTC
 * @error: return location for a %TL_IMPORT_ERROR_UNMAPPED error
 *
 * Reads every row with the current column mapping.
 *
 * Returns: (transfer full) (nullable): the events and the problems, or
 *   %NULL if the mapping is incomplete
 */
TlImportResult *
tl_import_source_validate (TlImportSource  *self,
                           GTimeZone       *zone,
                           GError         **error)
{
  g_autoptr(GTimeZone) utc = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!self->rows_released, NULL);

  if (!tl_import_source_check_mapping (self, error))
    return NULL;

  if (zone == NULL)
    zone = utc = g_time_zone_new_utc ();

  return run_rows (self, zone, NULL, 0, NULL, FALSE, NULL, NULL);
}

/**
 * tl_import_source_import:
 * @self: a source
 * @zone: (nullable): as in tl_import_source_validate()
 * @store: where to write
 * @skip_bad_rows: import the good rows even if some are bad
 * @operator_name: who imports, for the audit log
 * @out_result: (out) (transfer full) (optional) (nullable): the events
 *   and problems, as tl_import_result_commit() leaves them; set whenever
 *   the rows were read, even if they were not written
 * @error: return location for a #TL_IMPORT_ERROR or #TL_STORE_ERROR
 *
 * tl_import_source_validate() and tl_import_result_commit() in one pass,
 * in one transaction: all rows or none. The rows are written while the
 * last ones are being checked, and the writing stops at the first bad
 * row (%TL_IMPORT_ERROR_BAD_ROWS) unless @skip_bad_rows.
 *
 * Returns: %TRUE if the events were written
 */
gboolean
tl_import_source_import (TlImportSource  *self,
                         GTimeZone       *zone,
                         TlStore         *store,
                         gboolean         skip_bad_rows,
                         const char      *operator_name,
                         TlImportResult **out_result,
                         GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->rows_released, FALSE);
  g_return_val_if_fail (TL_IS_STORE (store), FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_result != NULL)
    *out_result = NULL;
  if (!tl_import_source_check_mapping (self, error))
    return FALSE;

  return import_rows (self, zone, NULL, 0, store, skip_bad_rows, operator_name, out_result, error);
}

/**
 * tl_import_file:
 * @path: a CSV, GeoJSON, KML or GPX file
 * @zone: (nullable): as in tl_import_source_validate()
 * @store: where to write
 * @skip_bad_rows: import the good rows even if some are bad
 * @operator_name: who imports, for the audit log
 * @out_source: (out) (transfer full) (optional) (nullable): the file as
 *   read, with the column mapping guessed from its header; a CSV file's
 *   rows are not kept (tl_import_source_get_cell() gives %NULL), nor can
 *   it be validated again
 * @out_result: (out) (transfer full) (optional) (nullable): as in
 *   tl_import_source_import()
 * @error: return location for a #TL_IMPORT_ERROR or #TL_STORE_ERROR
 *
 * tl_import_source_new_from_file() and tl_import_source_import() in one
 * pass: `tideline import FILE`. A CSV file's rows are read while the
 * first ones are checked and written.
 *
 * Returns: %TRUE if the events were written
 */
gboolean
tl_import_file (const char       *path,
                GTimeZone        *zone,
                TlStore          *store,
                gboolean          skip_bad_rows,
                const char       *operator_name,
                TlImportSource  **out_source,
                TlImportResult  **out_result,
                GError          **error)
{
  return tl_import_file_with_encoding (path, NULL, zone, store, skip_bad_rows, operator_name,
                                       out_source, out_result, error);
}

/**
 * tl_import_file_with_encoding:
 * @encoding: (nullable): the file's text encoding, when the operator
 *   named one (e.g. "windows-1252"); %NULL for UTF-8 or UTF-16 with a
 *   byte order mark
 *
 * tl_import_file() for a file in a legacy encoding.
 *
 * Returns: whether the import was done
 */
gboolean
tl_import_file_with_encoding (const char       *path,
                              const char       *encoding,
                              GTimeZone        *zone,
                              TlStore          *store,
                              gboolean          skip_bad_rows,
                              const char       *operator_name,
                              TlImportSource  **out_source,
                              TlImportResult  **out_result,
                              GError          **error)
{
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  g_autofree char *owned = NULL;
  const char *text;
  TlExchangeFormat format;
  TlCsvReader *csv;
  gboolean done = FALSE;
  gboolean ok;
  gsize len = 0;
  guint max_rows = 1;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (TL_IS_STORE (store), FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_source != NULL)
    *out_source = NULL;
  if (out_result != NULL)
    *out_result = NULL;

  if ((bytes = tl_import_load_file (path, &format, &display, error)) == NULL)
    return FALSE;
  if ((text = tl_import_decode_text (bytes, display, encoding, &len, &owned, error)) == NULL)
    return FALSE;

  /* Other formats are documents, read whole. */
  if (format != TL_EXCHANGE_FORMAT_CSV)
    {
      if ((source = tl_import_source_new_from_text (text, len, format, display, error)) == NULL)
        return FALSE;
      ok = tl_import_source_import (source, zone, store, skip_bad_rows, operator_name, out_result, error);
      if (out_source != NULL)
        *out_source = g_steal_pointer (&source);
      return ok;
    }

  /* A row takes at least a line. */
  for (const char *p = text; (p = memchr (p, '\n', text + len - p)) != NULL; p++)
    max_rows++;
  max_rows = MIN (max_rows, TL_IMPORT_MAX_ROWS + 1);

  source = tl_import_source_new (format, display);
  tl_import_source_reserve_rows (source, max_rows);
  csv = tl_csv_reader_new (source, text, len);

  /* The header first, for the mapping. */
  ok = tl_csv_reader_read (csv, 0, &done, error);
  if (ok)
    {
      tl_import_source_guess_mapping (source);
      ok = tl_import_source_check_mapping (source, error) &&
           import_rows (source, zone, csv, max_rows, store, skip_bad_rows, operator_name, out_result, error);
    }
  tl_csv_reader_free (csv);

  if (out_source != NULL)
    *out_source = g_steal_pointer (&source);
  return ok;
}
