// The date library (date.h, tz.h), included in one place for every module.
// GCC 12 reports -Wmaybe-uninitialized inside its templates at -O2, a false
// positive (STACK-NOTES.md), silenced for these headers only. The pragma is
// GCC's alone: clang has no such warning and would reject its name (the
// fuzz build, tests/fuzz, uses clang).
#pragma once

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <date/date.h>
#include <date/tz.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
