/* Vigie plugin ABI: the only thing that crosses between the engine and a
 * plugin. Plain C on purpose (the "hourglass"): fixed-width integers,
 * `const char*`, opaque handles, function pointers, and structs that start
 * with their own size. Tables cross as Arrow C Data Interface structs.
 *
 * Version rule: a plugin built for ABI major M, minor m loads in an engine
 * of major M and minor >= m. Structs and function tables only ever grow at
 * their end (their struct_size tells the reader what is there); removing or
 * changing a member is a major bump. See docs/architecture.md. */
#ifndef VIGIE_PLUGIN_H
#define VIGIE_PLUGIN_H

#include <stdint.h>

#include "vigie/arrow_c_data.h"
#include "vigie/period.h"

#ifdef __cplusplus
extern "C" {
#endif

#define VIGIE_ABI_MAJOR 1
#define VIGIE_ABI_MINOR 2

/* Every plugin exports this function first; the engine calls it before
 * anything else and reads the ABI version from its result. */
#define VIGIE_PLUGIN_INFO_SYMBOL "vigie_get_plugin_info"

typedef enum vigie_status {
  VIGIE_OK = 0,
  VIGIE_ERROR = 1,    /* fatal: the run fails with the message */
  VIGIE_RETRYABLE = 2 /* transient (connection refused, lock): may be retried */
} vigie_status;

typedef enum vigie_plugin_kind {
  VIGIE_KIND_CONNECTOR = 1,
  VIGIE_KIND_INDICATOR = 2
} vigie_plugin_kind;

typedef enum vigie_option_type {
  VIGIE_OPTION_STRING = 1,
  VIGIE_OPTION_INT = 2,
  VIGIE_OPTION_NUMBER = 3,
  VIGIE_OPTION_BOOL = 4,
  /* A map of scalars; reaches the plugin flattened as "key.sub" entries. */
  VIGIE_OPTION_MAP = 5,
  /* A list of scalars; reaches the plugin as "key.0", "key.1", ... */
  VIGIE_OPTION_LIST = 6
} vigie_option_type;

/* Where a plugin writes the reason of a failure; owned by the engine. */
#define VIGIE_ERROR_CAPACITY 1024
typedef struct vigie_error {
  char message[VIGIE_ERROR_CAPACITY];
} vigie_error;

/* One configuration or parameter entry, values always as text. */
typedef struct vigie_kv {
  const char* key;
  const char* value;
} vigie_kv;

typedef struct vigie_config {
  uint32_t struct_size;
  uint32_t count;
  const vigie_kv* items;
} vigie_config;

/* A configuration key the plugin accepts. */
typedef struct vigie_option {
  uint32_t struct_size;
  int32_t type; /* vigie_option_type */
  const char* key;
  const char* default_value; /* NULL: no default */
  int32_t required;
  int32_t secret; /* never printed by the engine */
  const char* description;
  /* ABI 1.1: the values the option accepts, checked by the engine when it
   * reads the spec (for a map or list, each entry). A value is accepted
   * when it is one of `choices`, or, when `range_flags` is not 0, a number
   * within the range; with neither, any value of the option's type. */
  uint32_t range_flags; /* vigie_range_flag bits */
  double minimum;
  double maximum;
  uint32_t choice_count;
  const char* const* choices;
} vigie_option;

typedef enum vigie_range_flag {
  VIGIE_RANGE_MINIMUM = 1,           /* value >= minimum */
  VIGIE_RANGE_MAXIMUM = 2,           /* value <= maximum */
  VIGIE_RANGE_MINIMUM_EXCLUSIVE = 4, /* with MINIMUM: value > minimum */
  VIGIE_RANGE_MAXIMUM_EXCLUSIVE = 8  /* with MAXIMUM: value < maximum */
} vigie_range_flag;

typedef enum vigie_output_kind {
  VIGIE_OUTPUT_VALUE = 1, /* one number per period */
  VIGIE_OUTPUT_TABLE = 2, /* a table for the report period (segments, ...) */
  VIGIE_OUTPUT_LIST = 3   /* an operational list of customers */
} vigie_output_kind;

/* Which way a value KPI moves well: it colours the change in a report. */
typedef enum vigie_better {
  VIGIE_BETTER_LOWER = -1, /* churn, costs, rebounds */
  VIGIE_BETTER_NEITHER = 0,
  VIGIE_BETTER_HIGHER = 1
} vigie_better;

/* The type of a column of a table or list KPI. */
typedef enum vigie_column_type {
  VIGIE_COLUMN_INT64 = 1,
  VIGIE_COLUMN_DOUBLE = 2,
  VIGIE_COLUMN_DECIMAL = 3, /* int64 scaled by 10^4 */
  VIGIE_COLUMN_BOOL = 4,
  VIGIE_COLUMN_TIMESTAMP = 5, /* microseconds since the epoch, UTC */
  VIGIE_COLUMN_STRING = 6,
  VIGIE_COLUMN_DICTIONARY = 7
} vigie_column_type;

/* ABI 1.1: a column a table or list KPI always gives. */
typedef struct vigie_column {
  uint32_t struct_size;
  const char* name;
  int32_t type;     /* vigie_column_type */
  const char* unit; /* as vigie_output.unit; "" when the type says it */
} vigie_column;

/* A KPI an indicator can produce. */
typedef struct vigie_output {
  uint32_t struct_size;
  int32_t kind; /* vigie_output_kind */
  const char* id;
  const char* label;
  /* "currency", "count", "ratio" (a share, shown in %), "multiple" (a
     quotient such as 1.4, shown as is), "days", "seconds", "score", "" */
  const char* unit;
  const char* description;
  int32_t better; /* vigie_better; a spec's target direction overrides it */
  /* ABI 1.1: a table's or list's columns, exactly (none declared: not
   * checked), and the dataset columns the KPI reads, "dataset.column" or
   * "dataset.*" (none declared: every column of its inputs). */
  uint32_t column_count;
  const vigie_column* columns;
  uint32_t read_count;
  const char* const* reads;
} vigie_output;

/* A canonical dataset an indicator reads. */
typedef struct vigie_input {
  uint32_t struct_size;
  const char* dataset;
  int32_t required;
} vigie_input;

/* ---- connectors ------------------------------------------------------ */

/* A connector reads one source and streams its rows as Arrow record
 * batches (a struct array per batch). Columns keep their source names; the
 * engine maps and types them into the canonical dataset. Optional
 * columns carry provenance: "_line" (int64, line or row number in the
 * source), "_reject" (utf8, non-null when the connector could not read
 * the row: the reason) and "_repaired" (int64, values the connector
 * repaired, e.g. invalid UTF-8; the engine sums them by source for the
 * data-quality appendix). */
typedef struct vigie_connector_api {
  uint32_t struct_size;
  /* Bind: check the configuration and prepare. */
  int32_t (*create)(const vigie_config* config, void** instance,
                    vigie_error* error);
  /* Open the source; the stream's get_schema is the bound schema. */
  int32_t (*open)(void* instance, struct ArrowArrayStream* out,
                  vigie_error* error);
  /* A short text naming what is read (a file, a table), never a secret. */
  const char* (*origin)(void* instance);
  void (*destroy)(void* instance);
} vigie_connector_api;

/* ---- indicators ------------------------------------------------------ */

typedef struct vigie_dataset {
  const char* name;
  const struct ArrowSchema* schema;
  const struct ArrowArray* array; /* a struct array, one child a column */
} vigie_dataset;

typedef struct vigie_compute_request {
  uint32_t struct_size;
  uint32_t dataset_count;
  const vigie_dataset* datasets; /* absent optional datasets are omitted */
  uint32_t period_count;
  /* Oldest first: consecutive periods of the report's grain (months, ISO
   * weeks or days) ending with P, so that periods[current - 1] is the one
   * just before P; the same period a year before, when the report compares
   * with it and the trend does not reach it, comes first, alone. */
  const vigie_period* periods;
  uint32_t current; /* index of the report period P */
  uint32_t kpi_count;
  const char* const* kpis; /* the KPI ids the report asks for */
  /* The report's locale ("fr_FR", "en_GB"): the language of the notes an
   * indicator writes. Read it only when struct_size covers it. */
  const char* locale;
  /* ABI 1.1: the report's time zone (IANA name, "Europe/Paris"), the one
   * its periods are local months, weeks or days of. Read it only when
   * struct_size covers it. */
  const char* time_zone;
  /* ABI 1.2: the index of P', the period P is compared with (the one just
   * before it, or the same period a year before). Read it only when
   * struct_size covers it; before 1.2 it was current - 1. */
  uint32_t previous;
} vigie_compute_request;

/* ABI 1.1: how the engine writes a value into a message, in the report's
 * locale. */
typedef enum vigie_message_arg_type {
  VIGIE_ARG_NUMBER = 1,   /* number: up to 2 decimals ("2,35") */
  VIGIE_ARG_COUNT = 2,    /* number: no decimals ("1 234") */
  VIGIE_ARG_HOURS = 3,    /* number of hours: up to 1 decimal ("12,5") */
  VIGIE_ARG_PERCENT = 4,  /* number, a ratio: a percentage ("12,3 %") */
  VIGIE_ARG_MONEY = 5,    /* number: an amount in the report's currency */
  VIGIE_ARG_TEXT = 6,     /* text, written as given */
  VIGIE_ARG_TIMESTAMP = 7 /* timestamp_us: local time "2026-10-31 23:00" */
} vigie_message_arg_type;

/* ABI 1.1: one named value of a message. */
typedef struct vigie_message_arg {
  uint32_t struct_size;
  int32_t type;     /* vigie_message_arg_type */
  const char* name; /* the placeholder it fills: "window" for "{window}" */
  double number;
  int64_t timestamp_us; /* microseconds since the epoch, UTC */
  const char* text;
} vigie_message_arg;

/* Where an indicator hands its results; the engine owns it. */
typedef struct vigie_result_sink {
  uint32_t struct_size;
  void* context;
  void (*value)(void* context, const char* kpi, uint32_t period,
                int32_t has_value, double value);
  /* The engine moves the structs (their release callbacks become its own). */
  void (*table)(void* context, const char* kpi, struct ArrowSchema* schema,
                struct ArrowArray* array);
  /* A remark printed with the report (coverage, data caveats), as prose
   * the plugin wrote itself: for plugins of other repositories, whose words
   * are not in the engine's catalog. */
  void (*note)(void* context, const char* kpi, const char* text);
  /* ABI 1.1: a remark given as a message id of the engine's catalog and
   * its values; the engine writes it in the report's language. An id the
   * catalog lacks fails the run. Call it only when struct_size covers it. */
  void (*message)(void* context, const char* kpi, const char* message_id,
                  uint32_t arg_count, const vigie_message_arg* args);
} vigie_result_sink;

/* Indicators never do I/O: they compute from the datasets they are given. */
typedef struct vigie_indicator_api {
  uint32_t struct_size;
  /* Bind: check the parameters and prepare. */
  int32_t (*create)(const vigie_config* parameters, void** instance,
                    vigie_error* error);
  int32_t (*compute)(void* instance, const vigie_compute_request* request,
                     const vigie_result_sink* sink, vigie_error* error);
  void (*destroy)(void* instance);
} vigie_indicator_api;

/* ---- the descriptor -------------------------------------------------- */

typedef struct vigie_plugin_info {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  int32_t kind; /* vigie_plugin_kind */
  const char* name;
  const char* version;
  const char* summary;
  uint32_t option_count;
  const vigie_option* options;
  uint32_t output_count; /* indicators */
  const vigie_output* outputs;
  uint32_t input_count; /* indicators */
  const vigie_input* inputs;
  /* vigie_connector_api* or vigie_indicator_api*, by kind. */
  const void* api;
} vigie_plugin_info;

typedef const vigie_plugin_info* (*vigie_plugin_info_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* VIGIE_PLUGIN_H */
